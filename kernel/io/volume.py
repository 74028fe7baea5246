"""The C: volume's file system: guest names below \\Device\\HarddiskVolume1 resolved onto the
mounted host folders, one component at a time, deny by default.

Each component is matched against the host directory's entries without regard to case (an
exact match first, then the first case-insensitive one in sorted order), and each step's
os.path.realpath must stay inside the mount's real folder: a host symlink pointing out of a
mount, a FIFO, a device node or a socket is, for the guest, not there. Folders above the
mounts are virtual, read-only directories that list the mounts below them.
"""
import os
import stat

from ..ob.namespace import nt_upcase
from ..status import (
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_OBJECT_PATH_NOT_FOUND,
    NtStatusError,
)
from .mounts import Mount, MountTable
from .names import guest_visible

VOLUME_DEVICE_NAME = "\\Device\\HarddiskVolume1"


class Node:
    """What a guest name resolved to.

    kind: "virtual" (a folder above the mounts), "host" (an existing host file or folder) or
    "absent" (nothing there yet; `parent` is the host folder it would be created in, or None
    when that is a virtual folder)."""

    __slots__ = ("kind", "components", "host", "mount", "is_dir", "parent", "name")

    def __init__(self, kind, components, host=None, mount=None, is_dir=False, parent=None, name=None):
        self.kind = kind
        self.components = components        # the guest components, in the case found on the host
        self.host = host                    # realpath of the host entry (None when virtual or absent)
        self.mount = mount
        self.is_dir = is_dir
        self.parent = parent                # for "absent": the host folder to create in
        self.name = name                    # for "absent": the name asked for

    @property
    def exists(self) -> bool:
        return self.kind != "absent"

    @property
    def read_only(self) -> bool:
        return self.mount is None or self.mount.read_only

    @property
    def path(self) -> str:
        """The name below the volume root: `\\Windows\\System32\\ntdll.dll` (`\\` for the root)."""
        return "\\" + "\\".join(self.components)

    @property
    def key(self) -> tuple:
        return tuple(nt_upcase(c) for c in self.components)


def contained(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def host_entries(folder: str) -> list[str]:
    """A host folder's entries the guest may see by name, sorted (deterministic)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(n for n in names if guest_visible(n))


def match_entry(folder: str, name: str) -> str | None:
    """The host entry `name` names in `folder`: exact case first, else the first of the others."""
    entries = host_entries(folder)
    if name in entries:
        return name
    key = nt_upcase(name)
    for entry in entries:
        if nt_upcase(entry) == key:
            return entry
    return None


def safe_stat(real: str):
    """stat of an entry the guest may use: a regular file or a folder, else None."""
    try:
        st = os.stat(real)
    except OSError:
        return None
    if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode):
        return st
    return None


class Volume:
    """The file system of the C: volume over a mount table."""

    def __init__(self, mounts: MountTable):
        self.mounts = mounts

    def resolve(self, components: list[str]) -> Node:
        """Walk `components` (valid names, stream suffix removed) to a Node.

        A missing intermediate component is STATUS_OBJECT_PATH_NOT_FOUND; a missing last one is
        an "absent" node (its parent exists)."""
        key = tuple(nt_upcase(c) for c in components)
        mount, depth = self.mounts.find(key)
        if mount is None:
            return self._resolve_virtual(components, key)
        found = list(mount.guest)
        folder = mount.host
        n = len(components)
        for i in range(depth, n):
            name = components[i]
            last = i == n - 1
            entry = match_entry(folder, name)
            real = os.path.realpath(os.path.join(folder, entry)) if entry is not None else None
            st = safe_stat(real) if real is not None and contained(real, mount.host) else None
            if st is None:
                if self.mounts.children(key[:i + 1]) or self.mounts.is_mount_root(key[:i + 1]):
                    return self._resolve_virtual(components, key)        # only deeper mounts are here
                if last:
                    return Node("absent", found + [name], mount=mount, parent=folder, name=name)
                raise NtStatusError(STATUS_OBJECT_PATH_NOT_FOUND)
            is_dir = stat.S_ISDIR(st.st_mode)
            if not last and not is_dir:
                raise NtStatusError(STATUS_OBJECT_PATH_NOT_FOUND)
            found.append(entry)
            folder = real
        return Node("host", found, host=folder, mount=mount, is_dir=os.path.isdir(folder))

    def _resolve_virtual(self, components: list[str], key: tuple) -> Node:
        """A name above (or between) the mounts."""
        shown = []
        for i, name in enumerate(components):
            children = self.mounts.children(key[:i])
            if key[i] not in children:
                if i == len(components) - 1:
                    return Node("absent", shown + [name], mount=None, parent=None, name=name)
                raise NtStatusError(STATUS_OBJECT_PATH_NOT_FOUND)
            shown.append(children[key[i]])
        return Node("virtual", shown, is_dir=True)

    def resolve_existing(self, components: list[str]) -> Node:
        node = self.resolve(components)
        if not node.exists:
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
        return node

    def list_directory(self, node: Node) -> list[tuple[str, Node]]:
        """(name, node) for each entry of a folder, host entries and mount points merged,
        sorted as NTFS collates (upcased ordinal order)."""
        out: dict[str, tuple[str, Node]] = {}
        key = node.key
        if node.kind == "host":
            for entry in host_entries(node.host):
                real = os.path.realpath(os.path.join(node.host, entry))
                if not contained(real, node.mount.host):
                    continue
                st = safe_stat(real)
                if st is None:
                    continue
                k = nt_upcase(entry)
                if k in out:
                    continue                            # another case of a name already listed
                out[k] = (entry, Node("host", node.components + [entry], host=real, mount=node.mount,
                                      is_dir=stat.S_ISDIR(st.st_mode)))
        for k, name in self.mounts.children(key).items():
            if k not in out or not out[k][1].is_dir:
                out[k] = (name, self.resolve(node.components + [name]))
        return [out[k] for k in sorted(out)]


def mount_of(node: Node) -> Mount | None:
    return node.mount
