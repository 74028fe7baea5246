"""The object namespace: directories of named objects from the root `\\`, symbolic links, and
ObpLookupObjectName, which walks a name through them.

Directories and links are objects with headers like every other. A lookup starts at the root
(or at a RootDirectory), compares names without regard to case under OBJ_CASE_INSENSITIVE
(Windows' default, obcaseinsensitive=1, adds it for the types created case-insensitive:
directories, links, files, devices, keys; not for events, mutants, semaphores, sections or
timers, whose names CreateEvent and its kin document as case-sensitive), restarts from the root
with the link's target whenever it meets a symbolic link (at most MAX_REPARSE times), and
stops at an object that parses the rest of the name itself (a device: the I/O manager's
IopParseDevice takes over there).
"""
import struct

from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_BUFFER_TOO_SMALL,
    STATUS_INVALID_PARAMETER,
    STATUS_MORE_ENTRIES,
    STATUS_NO_MORE_ENTRIES,
    STATUS_OBJECT_NAME_COLLISION,
    STATUS_OBJECT_NAME_EXISTS,
    STATUS_OBJECT_NAME_INVALID,
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_OBJECT_PATH_NOT_FOUND,
    STATUS_OBJECT_PATH_SYNTAX_BAD,
    STATUS_OBJECT_TYPE_MISMATCH,
    STATUS_PRIVILEGE_NOT_HELD,
    STATUS_REPARSE_POINT_NOT_RESOLVED,
    STATUS_SUCCESS,
    NtStatusError,
)
from .access import ObpMapAccess
from .object import TYPE_INDEX, ObCreateObject, ObjectBody

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


class NamedObject(ObjectBody):
    """What directories and links share (naming itself is every ObjectBody's: kernel/ob/object.py)."""


class ObjectDirectory(NamedObject):
    """An object directory: names (case preserved) to objects. Two names that differ only in
    case may both be there (made without OBJ_CASE_INSENSITIVE); a case-insensitive lookup finds
    the first one inserted."""

    type_name = "Directory"

    def __init__(self, kernel, name: str, guest_may_create: bool = False):
        self.address = ObCreateObject(kernel, "Directory", OBJECT_DIRECTORY_SIZE)
        self.bind_header(kernel.system, self.address)
        self.name = name
        self.guest_may_create = guest_may_create        # \BaseNamedObjects, \??, a guest's own
        self._entries: dict[str, list[tuple[str, object]]] = {}

    def insert(self, name: str, obj, case_insensitive: bool = True) -> None:
        if self.lookup(name, case_insensitive) is not None:
            raise NtStatusError(STATUS_OBJECT_NAME_COLLISION)
        self._entries.setdefault(nt_upcase(name), []).append((name, obj))

    def remove(self, name: str, obj=None) -> None:
        """Drop the entry `name` (the one holding obj, when given)."""
        key = nt_upcase(name)
        chain = self._entries.get(key, [])
        for i, (entry_name, entry_obj) in enumerate(chain):
            if entry_obj is obj if obj is not None else entry_name == name:
                del chain[i]
                break
        if not chain:
            self._entries.pop(key, None)

    def lookup(self, name: str, case_insensitive: bool = True):
        for entry_name, obj in self._entries.get(nt_upcase(name), ()):
            if case_insensitive or entry_name == name:
                return obj
        return None

    def entries(self) -> list[tuple[str, object]]:
        """(name, object) in the upcased order NtQueryDirectoryObject reports."""
        return [entry for k in sorted(self._entries) for entry in self._entries[k]]


class SymbolicLink(NamedObject):
    """An object manager symbolic link: a name that stands for another (\\??\\C: -> \\Device\\...)."""

    type_name = "SymbolicLink"

    def __init__(self, kernel, target: str):
        self.address = ObCreateObject(kernel, "SymbolicLink", OBJECT_SYMBOLIC_LINK_SIZE)
        self.bind_header(kernel.system, self.address)
        self.target = target


class ObjectType(ObjectBody):
    """An object type, named in \\ObjectTypes."""

    type_name = "Type"

    def __init__(self, kernel, name: str):
        self.address = ObCreateObject(kernel, "Type", 0xD8)         # OBJECT_TYPE on x64
        self.bind_header(kernel.system, self.address)
        self.name = name


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
    unfollowed (NtOpenSymbolicLinkObject, OBJ_OPENLINK). Names compare without regard to case
    under OBJ_CASE_INSENSITIVE, which ObpCaseInsensitive (obcaseinsensitive=1) adds for the
    types that ask for it (case_insensitive_for)."""
    case_insensitive = bool(attributes & OBJ_CASE_INSENSITIVE)
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


SESSION_ID = 1                          # the interactive session console programs run in (PEB.SessionId)


def ObInitNamespace(kernel) -> ObjectNamespace:
    """The directories every boot has; devices and drive links are added by the I/O manager.

    Named objects: \\BaseNamedObjects is the global directory (session 0's), and each session has
    its own, \\Sessions\\<n>\\BaseNamedObjects, where kernelbase puts a program's names
    (BaseGetNamedObjectDirectory). In both, Global leads to \\BaseNamedObjects, Local to the
    session's own directory and Session to \\Sessions\\BNOLINKS, whose entry <n> leads to
    session n's directory, as smss and csrss lay them out on Windows 10."""
    ns = ObjectNamespace(kernel)
    session = "\\Sessions\\%d" % SESSION_ID
    for path in ("\\??", "\\Device", "\\BaseNamedObjects", "\\KnownDlls", "\\ObjectTypes", "\\Sessions",
                 "\\Driver", "\\FileSystem", "\\GLOBAL??", "\\Sessions\\BNOLINKS", session,
                 session + "\\BaseNamedObjects"):
        ns.create_directory(path)
    for name in sorted(TYPE_INDEX) + ["Device"]:
        ns.insert("\\ObjectTypes\\" + name, ObjectType(kernel, name))
    for path in ("\\??", "\\BaseNamedObjects", session + "\\BaseNamedObjects"):
        ObpLookupObjectName(ns, path)[0].guest_may_create = True
    ns.create_link("\\DosDevices", "\\??")
    ns.create_link("\\??\\GLOBALROOT", "")
    ns.create_link("\\??\\Global", "\\GLOBAL??")
    ns.create_link("\\Sessions\\BNOLINKS\\0", "\\BaseNamedObjects")
    ns.create_link("\\Sessions\\BNOLINKS\\%d" % SESSION_ID, session + "\\BaseNamedObjects")
    for directory, local in (("\\BaseNamedObjects", "\\BaseNamedObjects"),
                             (session + "\\BaseNamedObjects", session + "\\BaseNamedObjects")):
        ns.create_link(directory + "\\Global", "\\BaseNamedObjects")
        ns.create_link(directory + "\\Local", local)
        ns.create_link(directory + "\\Session", "\\Sessions\\BNOLINKS")
    return ns


# -- The namespace's services (obdir.c and oblink.c in NT's ob): directories and symbolic links
# made, opened and read by name from user mode. A guest creates names only in \BaseNamedObjects,
# \?? and directories of its own; without OBJ_PERMANENT (which needs a privilege it lacks) they go
# when their last handle does. Links only rename within the namespace: whatever a guest link
# names still reaches files through the volume's mount checks.
DIRECTORY_QUERY, DIRECTORY_TRAVERSE = 0x1, 0x2
SYMBOLIC_LINK_QUERY = 0x1
_oa = struct.Struct("<I4xQQI4xQQ")
_us = struct.Struct("<HH4xQ")
_odi = struct.Struct("<HH4xQHH4xQ")     # OBJECT_DIRECTORY_INFORMATION: Name, TypeName


def _capture_string(space, va: int) -> str:
    length, _maximum, buffer = _us.unpack(space.probe_read(va, _us.size))
    if length & 1:
        raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    return space.probe_read(buffer, length).decode("utf-16-le", "surrogatepass") if length else ""


def _capture_attributes(thread, va: int):
    """(root directory or None, name or None, attributes) of an OBJECT_ATTRIBUTES."""
    if not va:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    space = thread.process.space
    length, root, name_ptr, attributes, _sd, _qos = _oa.unpack(space.probe_read(va, _oa.size))
    if length != _oa.size or attributes & ~OBJ_VALID_ATTRIBUTES:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    name = _capture_string(space, name_ptr) if name_ptr else None
    directory = thread.process.handles.lookup(root, ObjectDirectory) if root else None
    return directory, name, attributes


# Types whose names ObpCaseInsensitive makes case-insensitive (TypeInfo.CaseInsensitive).
CASE_INSENSITIVE_TYPES = frozenset({"Type", "Directory", "SymbolicLink", "File", "Device", "Key", "Driver", "Job"})


def case_insensitive_for(kind, attributes: int) -> int:
    """The attributes a lookup for an object of `kind` runs with."""
    if getattr(kind, "type_name", "") in CASE_INSENSITIVE_TYPES:
        attributes |= OBJ_CASE_INSENSITIVE
    return attributes


def _return_handle(thread, handle_out: int, obj, access: int, attributes: int = 0) -> None:
    handle = thread.process.handles.insert(obj, ObpMapAccess(obj.type_name, access), attributes & OBJ_INHERIT)
    thread.process.space.probe_write(handle_out, struct.pack("<Q", handle))


def ObOpenObjectByName(kernel, thread, handle_out: int, access: int, oa: int, kind) -> int:
    """NtOpenX for a named object of `kind` (a class with type_name): the OBJECT_ATTRIBUTES'
    ObjectName, relative to its RootDirectory when there is one. A missing name is
    STATUS_OBJECT_NAME_NOT_FOUND (STATUS_OBJECT_PATH_NOT_FOUND for a missing directory on
    the way), an object of another type STATUS_OBJECT_TYPE_MISMATCH."""
    thread.process.space.probe_write(handle_out, b"\0" * 8)
    root, name, attributes = _capture_attributes(thread, oa)
    if not name and root is None:
        raise NtStatusError(STATUS_OBJECT_PATH_SYNTAX_BAD if name == "" else STATUS_OBJECT_NAME_INVALID)
    obj, rest = ObpLookupObjectName(kernel.namespace, name or "", root, case_insensitive_for(kind, attributes),
                                    open_link=kind is SymbolicLink)
    if rest or not isinstance(obj, kind):
        raise NtStatusError(STATUS_OBJECT_TYPE_MISMATCH)
    _return_handle(thread, handle_out, obj, access, attributes)
    return STATUS_SUCCESS


def ObCreateNamedObject(kernel, thread, handle_out: int, access: int, oa: int, kind, build) -> int:
    """NtCreateX for every named type (ObCreateObject + ObInsertObject): `build()` makes the new
    object and is called only when one is made. With no ObjectName (or an empty one) the object
    is unnamed. A name already there is STATUS_OBJECT_NAME_COLLISION, or under OBJ_OPENIF a
    handle to the existing object with STATUS_OBJECT_NAME_EXISTS (STATUS_OBJECT_TYPE_MISMATCH
    when it is of another type). Names are temporary: they go with the last handle."""
    space = thread.process.space
    space.probe_write(handle_out, b"\0" * 8)
    root, name, attributes = _capture_attributes(thread, oa) if oa else (None, None, 0)
    if attributes & OBJ_PERMANENT:
        raise NtStatusError(STATUS_PRIVILEGE_NOT_HELD)         # SeCreatePermanentPrivilege
    if not name:
        if root is not None and kind in (ObjectDirectory, SymbolicLink):
            raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
        obj = build()                                          # an unnamed object
        obj.permanent = False
        _return_handle(thread, handle_out, obj, access, attributes)
        return STATUS_SUCCESS
    attributes = case_insensitive_for(kind, attributes)
    case_insensitive = bool(attributes & OBJ_CASE_INSENSITIVE)
    parts = split_name(name)
    if not parts:
        existing = kernel.namespace.root                       # the root: it is always there
        parent = None
    else:
        parent_name = ("\\" if root is None else "") + "\\".join(parts[:-1])
        parent, rest = ObpLookupObjectName(kernel.namespace, parent_name, root, attributes) \
            if parts[:-1] or root is None else (root, "")
        if rest or not isinstance(parent, ObjectDirectory):
            raise NtStatusError(STATUS_OBJECT_PATH_NOT_FOUND)
        existing = parent.lookup(parts[-1], case_insensitive)
        if isinstance(existing, SymbolicLink) and kind is not SymbolicLink:
            existing, _rest = ObpLookupObjectName(kernel.namespace, existing.target or "\\", None, attributes)
    if existing is not None:
        if not attributes & OBJ_OPENIF:
            raise NtStatusError(STATUS_OBJECT_NAME_COLLISION)
        if not isinstance(existing, kind):
            raise NtStatusError(STATUS_OBJECT_TYPE_MISMATCH)
        _return_handle(thread, handle_out, existing, access, attributes)
        return STATUS_OBJECT_NAME_EXISTS
    if not parent.guest_may_create:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    obj = build()
    obj.permanent = False
    obj.container, obj.entry_name = parent, parts[-1]
    parent.insert(parts[-1], obj, case_insensitive)
    _return_handle(thread, handle_out, obj, access, attributes)
    return STATUS_SUCCESS


_open_named = ObOpenObjectByName
_create_named = ObCreateNamedObject


def NtCreateDirectoryObject(kernel, thread, handle_out, access, oa):
    def build():
        return ObjectDirectory(kernel, "", guest_may_create=True)
    return _create_named(kernel, thread, handle_out, access, oa, ObjectDirectory, build)


def NtCreateDirectoryObjectEx(kernel, thread, handle_out, access, oa, shadow, flags):
    if shadow:
        thread.process.handles.lookup(shadow, ObjectDirectory)
    return NtCreateDirectoryObject(kernel, thread, handle_out, access, oa)


def NtOpenDirectoryObject(kernel, thread, handle_out, access, oa):
    return _open_named(kernel, thread, handle_out, access, oa, ObjectDirectory)


def NtCreateSymbolicLinkObject(kernel, thread, handle_out, access, oa, target_ptr):
    target = _capture_string(thread.process.space, target_ptr) if target_ptr else None
    if target is None:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    return _create_named(kernel, thread, handle_out, access, oa, SymbolicLink, lambda: SymbolicLink(kernel, target))


def NtOpenSymbolicLinkObject(kernel, thread, handle_out, access, oa):
    return _open_named(kernel, thread, handle_out, access, oa, SymbolicLink)


def NtQuerySymbolicLinkObject(kernel, thread, handle, target_ptr, returned_ptr):
    handles = thread.process.handles
    link = handles.lookup(handle, SymbolicLink)
    if not handles.access(handle) & SYMBOLIC_LINK_QUERY:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    space = thread.process.space
    _length, maximum, buffer = _us.unpack(space.probe_read(target_ptr, _us.size))
    data = link.target.encode("utf-16-le", "surrogatepass")
    if len(data) > maximum:
        if returned_ptr:
            space.probe_write(returned_ptr, struct.pack("<I", len(data) + 2))
        raise NtStatusError(STATUS_BUFFER_TOO_SMALL)
    written = data + (b"\0\0" if len(data) + 2 <= maximum else b"")
    space.probe_write(buffer, written)
    space.probe_write(target_ptr, struct.pack("<H", len(data)))
    if returned_ptr:
        space.probe_write(returned_ptr, struct.pack("<I", len(written)))
    return STATUS_SUCCESS


def NtQueryDirectoryObject(kernel, thread, handle, buffer, length, single, restart, context_ptr, returned_ptr):
    """OBJECT_DIRECTORY_INFORMATION entries (Name, TypeName), a zeroed one after them, then the
    strings; Context is the index to go on from."""
    handles = thread.process.handles
    directory = handles.lookup(handle, ObjectDirectory)
    if not handles.access(handle) & DIRECTORY_QUERY:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    space = thread.process.space
    length = length & 0xFFFFFFFF
    context = 0 if restart & 0xFF else struct.unpack("<I", space.probe_read(context_ptr, 4))[0]
    entries = directory.entries()[context:]
    if not entries:
        raise NtStatusError(STATUS_NO_MORE_ENTRIES)
    chosen = []
    for name, obj in entries[:1] if single & 0xFF else entries:
        type_name = getattr(obj, "type_name", "") or "Device"
        trial = chosen + [(name.encode("utf-16-le", "surrogatepass"), type_name.encode("utf-16-le"))]
        need = _odi.size * (len(trial) + 1) + sum(len(n) + len(t) + 4 for n, t in trial)
        if need > length:
            break
        chosen = trial
    if not chosen:
        name, obj = entries[0]
        type_name = getattr(obj, "type_name", "") or "Device"
        need = _odi.size * 2 + (len(name) + len(type_name)) * 2 + 4
        if returned_ptr:
            space.probe_write(returned_ptr, struct.pack("<I", need))
        raise NtStatusError(STATUS_BUFFER_TOO_SMALL)
    table = bytearray()
    strings = bytearray()
    at = buffer + _odi.size * (len(chosen) + 1)
    for name_bytes, type_bytes in chosen:
        name_va, type_va = at + len(strings), at + len(strings) + len(name_bytes) + 2
        strings += name_bytes + b"\0\0" + type_bytes + b"\0\0"
        table += _odi.pack(len(name_bytes), len(name_bytes) + 2, name_va, len(type_bytes), len(type_bytes) + 2,
                           type_va)
    table += b"\0" * _odi.size
    space.probe_write(buffer, bytes(table + strings))
    space.probe_write(context_ptr, struct.pack("<I", context + len(chosen)))
    if returned_ptr:
        space.probe_write(returned_ptr, struct.pack("<I", len(table) + len(strings)))
    return STATUS_MORE_ENTRIES if len(chosen) < len(entries) and not single & 0xFF else STATUS_SUCCESS


NAMESPACE_SERVICES = {
    "NtCreateDirectoryObject": (NtCreateDirectoryObject, (
        ("DirectoryHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"))),
    "NtCreateDirectoryObjectEx": (NtCreateDirectoryObjectEx, (
        ("DirectoryHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("ShadowDirectoryHandle", "h"),
        ("Flags", "u"))),
    "NtOpenDirectoryObject": (NtOpenDirectoryObject, (
        ("DirectoryHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"))),
    "NtQueryDirectoryObject": (NtQueryDirectoryObject, (
        ("DirectoryHandle", "h"), ("Buffer", "p"), ("Length", "u"), ("ReturnSingleEntry", "b"), ("RestartScan", "b"),
        ("Context", "pul"), ("ReturnLength", "pul"))),
    "NtCreateSymbolicLinkObject": (NtCreateSymbolicLinkObject, (
        ("LinkHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("LinkTarget", "us"))),
    "NtOpenSymbolicLinkObject": (NtOpenSymbolicLinkObject, (
        ("LinkHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"))),
    "NtQuerySymbolicLinkObject": (NtQuerySymbolicLinkObject, (
        ("LinkHandle", "h"), ("LinkTarget", "us"), ("ReturnedLength", "pul"))),
}
