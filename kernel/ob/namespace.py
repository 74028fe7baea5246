"""The object namespace: directories of named objects from the root `\\`, symbolic links, and
ObpLookupObjectName, which walks a name through them.

Directories and links are objects with headers like every other. A lookup starts at the root
(or at a RootDirectory), compares names without regard to case (Windows' default,
obcaseinsensitive=1, applies OBJ_CASE_INSENSITIVE to every lookup), restarts from the root
with the link's target whenever it meets a symbolic link (at most MAX_REPARSE times), and
stops at an object that parses the rest of the name itself (a device: the I/O manager's
IopParseDevice takes over there).
"""
from ..status import (
    STATUS_OBJECT_NAME_COLLISION,
    STATUS_OBJECT_NAME_INVALID,
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_OBJECT_PATH_NOT_FOUND,
    STATUS_OBJECT_PATH_SYNTAX_BAD,
    STATUS_REPARSE_POINT_NOT_RESOLVED,
    NtStatusError,
)
from .object import ObCreateObject, ObjectBody

OBJ_INHERIT = 0x2
OBJ_PERMANENT = 0x10
OBJ_EXCLUSIVE = 0x20
OBJ_CASE_INSENSITIVE = 0x40
OBJ_OPENIF = 0x80
OBJ_OPENLINK = 0x100
OBJ_KERNEL_HANDLE = 0x200
OBJ_FORCE_ACCESS_CHECK = 0x400
OBJ_VALID_ATTRIBUTES = 0x1FF2
MAX_REPARSE = 32
OBJECT_DIRECTORY_SIZE = 0x158           # OBJECT_DIRECTORY on x64: 37 hash buckets, lock, ...
OBJECT_SYMBOLIC_LINK_SIZE = 0x20        # CreationTime, LinkTarget (UNICODE_STRING), DosDeviceDriveIndex


def nt_upcase(text: str) -> str:
    """RtlUpcaseUnicodeString: one character for one (no 'ß' -> 'SS' as str.upper does)."""
    out = []
    for c in text:
        u = c.upper()
        out.append(u if len(u) == 1 else c)
    return "".join(out)


class ObjectDirectory(ObjectBody):
    """An object directory: names (case preserved) to objects."""

    type_name = "Directory"

    def __init__(self, kernel, name: str):
        self.address = ObCreateObject(kernel, "Directory", OBJECT_DIRECTORY_SIZE)
        self.bind_header(kernel.system, self.address)
        self.name = name
        self._entries: dict[str, tuple[str, object]] = {}

    def insert(self, name: str, obj) -> None:
        key = nt_upcase(name)
        if key in self._entries:
            raise NtStatusError(STATUS_OBJECT_NAME_COLLISION)
        self._entries[key] = (name, obj)

    def remove(self, name: str) -> None:
        self._entries.pop(nt_upcase(name), None)

    def lookup(self, name: str, case_insensitive: bool = True):
        entry = self._entries.get(nt_upcase(name))
        if entry is None or (not case_insensitive and entry[0] != name):
            return None
        return entry[1]

    def entries(self) -> list[tuple[str, object]]:
        """(name, object) in the upcased order NtQueryDirectoryObject reports."""
        return [self._entries[k] for k in sorted(self._entries)]


class SymbolicLink(ObjectBody):
    """An object manager symbolic link: a name that stands for another (\\??\\C: -> \\Device\\...)."""

    type_name = "SymbolicLink"

    def __init__(self, kernel, target: str):
        self.address = ObCreateObject(kernel, "SymbolicLink", OBJECT_SYMBOLIC_LINK_SIZE)
        self.bind_header(kernel.system, self.address)
        self.target = target


def split_name(name: str) -> list[str]:
    """`\\A\\B` -> ['A', 'B']; an empty component (`\\\\`, a trailing `\\` past the root) is invalid."""
    if name == "\\":
        return []
    parts = name[1:].split("\\") if name.startswith("\\") else name.split("\\")
    if any(p == "" for p in parts):
        raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    return parts


def _components(name: str) -> list[str]:
    """`\\A\\B\\` -> ['A', 'B', '']: empty components kept (a device may accept a trailing one)."""
    if name in ("", "\\"):
        return []
    return (name[1:] if name.startswith("\\") else name).split("\\")


class ObjectNamespace:
    """The namespace of one boot, rooted at `\\`."""

    def __init__(self, kernel):
        self.kernel = kernel
        self.root = ObjectDirectory(kernel, "\\")

    # -- building it (ObInitSystem, IoCreateDevice, IoCreateSymbolicLink)
    def create_directory(self, path: str) -> ObjectDirectory:
        parent, name = self._parent_of(path)
        directory = ObjectDirectory(self.kernel, name)
        parent.insert(name, directory)
        return directory

    def create_link(self, path: str, target: str) -> SymbolicLink:
        parent, name = self._parent_of(path)
        link = SymbolicLink(self.kernel, target)
        parent.insert(name, link)
        return link

    def insert(self, path: str, obj) -> None:
        """A named object at path (its parent directory must exist)."""
        parent, name = self._parent_of(path)
        parent.insert(name, obj)

    def _parent_of(self, path: str) -> tuple[ObjectDirectory, str]:
        parts = split_name(path)
        if not parts:
            raise NtStatusError(STATUS_OBJECT_NAME_COLLISION)
        parent, rest = ObpLookupObjectName(self, "\\" + "\\".join(parts[:-1]) if parts[:-1] else "\\")
        if rest or not isinstance(parent, ObjectDirectory):
            raise NtStatusError(STATUS_OBJECT_PATH_NOT_FOUND)
        return parent, parts[-1]


def ObpLookupObjectName(namespace: ObjectNamespace, name: str, root=None, attributes: int = OBJ_CASE_INSENSITIVE,
                        open_link: bool = False):
    """Walk `name` from the root (or from the directory `root`, for a relative name).

    Returns (object, remaining): remaining is "" when the whole name named the object, or the
    rest of the name (starting with `\\`) when the walk stopped at an object that parses names
    itself (one with a `parse` method: a device). open_link leaves a final symbolic link
    unfollowed (NtOpenSymbolicLinkObject, OBJ_OPENLINK)."""
    case_insensitive = True                 # obcaseinsensitive=1: OBJ_CASE_INSENSITIVE always applies
    del attributes
    if root is None:
        if not name.startswith("\\"):
            raise NtStatusError(STATUS_OBJECT_PATH_SYNTAX_BAD)
        current = namespace.root
    else:
        if name.startswith("\\"):
            raise NtStatusError(STATUS_OBJECT_PATH_SYNTAX_BAD)
        current = root
    # Components are checked as the walk reaches them: what follows a device is its to judge.
    parts = _components(name)
    reparses = 0
    i = 0
    while i < len(parts):
        if hasattr(current, "parse"):
            return current, "\\" + "\\".join(parts[i:])
        if not isinstance(current, ObjectDirectory):
            raise NtStatusError(STATUS_OBJECT_PATH_NOT_FOUND)
        if parts[i] == "":
            raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
        found = current.lookup(parts[i], case_insensitive)
        last = i == len(parts) - 1
        if found is None:
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND if last else STATUS_OBJECT_PATH_NOT_FOUND)
        if isinstance(found, SymbolicLink) and not (last and open_link):
            reparses += 1
            if reparses > MAX_REPARSE:
                raise NtStatusError(STATUS_REPARSE_POINT_NOT_RESOLVED)
            target = found.target             # "" is the root (\\??\\GLOBALROOT)
            if target and not target.startswith("\\"):
                raise NtStatusError(STATUS_OBJECT_PATH_NOT_FOUND)
            parts = _components(target) + parts[i + 1:]
            current = namespace.root
            i = 0
            continue
        current = found
        i += 1
    return current, ""


def ObInitNamespace(kernel) -> ObjectNamespace:
    """The directories every boot has; devices and drive links are added by the I/O manager."""
    ns = ObjectNamespace(kernel)
    for path in ("\\??", "\\Device", "\\BaseNamedObjects", "\\KnownDlls", "\\ObjectTypes", "\\Sessions",
                 "\\Driver", "\\FileSystem", "\\GLOBAL??"):
        ns.create_directory(path)
    ns.create_link("\\DosDevices", "\\??")
    ns.create_link("\\??\\GLOBALROOT", "")
    ns.create_link("\\??\\Global", "\\GLOBAL??")
    ns.create_link("\\BaseNamedObjects\\Global", "\\BaseNamedObjects")
    ns.create_link("\\BaseNamedObjects\\Local", "\\BaseNamedObjects")
    return ns
