"""The configuration manager's keys: key nodes (CM_KEY_NODE's role: a name, a class, subkeys,
values, a last write time) in one volatile tree per boot under \\REGISTRY, and the key objects
(CM_KEY_BODY's role) that handles point at. \\REGISTRY itself is an object in the namespace's root
that parses the rest of a name (CmpParseKey), as a device does for files.

Names of keys and values compare without regard to case and keep the case they were made with.
Subkeys enumerate in upcased-name order (the order of a hive's subkey index), values in the order
they were set. Every change lives for the boot only; all processes see the same tree."""
import struct

from ..ob.namespace import nt_upcase
from ..ob.object import ObCreateObject, ObjectBody
from ..status import (
    STATUS_KEY_DELETED,
    STATUS_NOTIFY_CLEANUP,
    STATUS_OBJECT_NAME_INVALID,
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_OBJECT_TYPE_MISMATCH,
    NtStatusError,
)
from .hive import REG_DWORD, REG_EXPAND_SZ, REG_MULTI_SZ, REG_QWORD, REG_SZ, boot_hive

CM_KEY_BODY_SIZE = 0x48                 # Type, KeyControlBlock, NotifyBlock, ProcessID, KeyBodyList, ...
MAX_KEY_NAME = 255                      # characters in one component (documented limit)
MAX_VALUE_NAME = 16383


def encode_value(kind: int, data) -> bytes:
    """A hive value's bytes as the registry stores them (strings with their terminator)."""
    if kind in (REG_SZ, REG_EXPAND_SZ):
        return (data + "\0").encode("utf-16-le")
    if kind == REG_MULTI_SZ:
        return "".join(s + "\0" for s in data).encode("utf-16-le") + b"\0\0"
    if kind == REG_DWORD:
        return (data & 0xFFFFFFFF).to_bytes(4, "little")
    if kind == REG_QWORD:
        return (data & (2**64 - 1)).to_bytes(8, "little")
    return bytes(data)


class KeyNode:
    """One key of the tree."""

    def __init__(self, name: str, parent, time: int, volatile: bool = False, class_name: str = ""):
        self.name = name
        self.parent = parent
        self.class_name = class_name
        self.volatile = volatile
        self.last_write_time = time
        self.deleted = False
        self.subkeys: dict[str, KeyNode] = {}            # upcased name -> node
        self.values: dict[str, tuple[str, int, bytes]] = {}   # upcased name -> (name, type, data)
        self.notifications: list = []                   # pending NtNotifyChangeKey requests

    def path(self) -> str:
        """\\REGISTRY\\MACHINE\\... (KeyNameInformation's form)."""
        parts = []
        node = self
        while node is not None:
            parts.append(node.name)
            node = node.parent
        return "\\" + "\\".join(reversed(parts))

    def depth(self) -> int:
        n, node = 0, self.parent
        while node is not None:
            n, node = n + 1, node.parent
        return n

    def sorted_subkeys(self) -> list:
        return [self.subkeys[k] for k in sorted(self.subkeys)]

    def value_list(self) -> list:
        return list(self.values.values())

    def child(self, name: str):
        return self.subkeys.get(nt_upcase(name))

    def add_child(self, name: str, time: int, volatile: bool = False, class_name: str = ""):
        node = KeyNode(name, self, time, volatile, class_name)
        self.subkeys[nt_upcase(name)] = node
        self.last_write_time = time
        return node

    def set_value(self, name: str, kind: int, data: bytes, time: int) -> None:
        key = nt_upcase(name)
        old = self.values.get(key)
        self.values[key] = (old[0] if old else name, kind, data)
        self.last_write_time = time


class Key(ObjectBody):
    """A key object: what a handle from NtOpenKey or NtCreateKey refers to."""

    type_name = "Key"

    def __init__(self, kernel, node: KeyNode):
        self.address = ObCreateObject(kernel, "Key", CM_KEY_BODY_SIZE)
        self.bind_header(kernel.system, self.address)
        self.node = node
        self.kernel = kernel
        self.permanent = False

    def handle_closed(self) -> None:
        """The last handle's close ends the NtNotifyChangeKey requests made through this key
        (STATUS_NOTIFY_CLEANUP in their I/O status blocks, their events signalled)."""
        super().handle_closed()
        if self.handle_count or not self.node.notifications:
            return
        for request in [r for r in self.node.notifications if r[5] is self]:
            self.node.notifications.remove(request)
            event, iosb, process = request[0], request[1], request[2]
            if iosb:
                try:
                    process.space.probe_write(iosb, struct.pack("<QQ", STATUS_NOTIFY_CLEANUP, 0))
                except NtStatusError:
                    pass
            event.set(self.kernel)

    def live_node(self) -> KeyNode:
        """The node, unless it has been deleted since the handle was opened."""
        if self.node.deleted:
            raise NtStatusError(STATUS_KEY_DELETED)
        return self.node


class RegistryRoot(ObjectBody):
    """\\REGISTRY in the object namespace: a Key whose parse routine walks the tree."""

    type_name = "Key"

    def __init__(self, kernel, root: KeyNode):
        self.address = ObCreateObject(kernel, "Key", CM_KEY_BODY_SIZE)
        self.bind_header(kernel.system, self.address)
        self.node = root

    def parse(self, packet, remaining: str):
        """ObpLookupObjectName stops here and the key services walk the rest (kernel/cm/services.py);
        anything else that parses a name through it, a file open, asks for another type of object
        (CmpParseKey: STATUS_OBJECT_TYPE_MISMATCH)."""
        raise NtStatusError(STATUS_OBJECT_TYPE_MISMATCH)


def split_key_path(rest: str) -> list[str]:
    """The components of a key path below a starting key: `\\A\\B`, `A\\B`; a trailing `\\` is
    allowed (NtOpenKey accepts it), an empty component elsewhere or one too long is invalid."""
    if rest.endswith("\\"):
        rest = rest[:-1]
    if rest.startswith("\\"):
        rest = rest[1:]
    if not rest:
        return []
    parts = rest.split("\\")
    if any(not p or len(p) > MAX_KEY_NAME for p in parts):
        raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    return parts


def CmpWalk(start: KeyNode, parts: list[str]) -> KeyNode:
    """The node `parts` names below start; a missing component, last or not, is
    STATUS_OBJECT_NAME_NOT_FOUND (CmpParseKey does not tell the two apart)."""
    node = start
    for part in parts:
        found = node.child(part)
        if found is None:
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
        node = found
    return node


def CmpInitializeHive(kernel) -> KeyNode:
    """The tree at boot, from kernel/cm/hive.py; every key's LastWriteTime is the boot time."""
    time = kernel.system_time()
    root = KeyNode("REGISTRY", None, time)
    for path, values in boot_hive():
        parts = path.split("\\")
        parent = CmpWalk(root, parts[:-1])
        node = parent.child(parts[-1]) or parent.add_child(parts[-1], time)
        for name, kind, data in values:
            node.set_value(name, kind, encode_value(kind, data), time)
    return root


def CmInitSystem1(kernel) -> None:
    """The registry of this boot: the tree and \\REGISTRY in the namespace's root."""
    kernel.registry_root = root = CmpInitializeHive(kernel)
    registry = RegistryRoot(kernel, root)
    registry.handle_opened()            # the namespace's own reference
    kernel.namespace.insert("\\REGISTRY", registry)
