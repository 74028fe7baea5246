"""The registry's system services (NT's cm/ntapi.c): NtCreateKey, NtOpenKey(Ex), NtQueryKey,
NtEnumerateKey, NtQueryValueKey, NtEnumerateValueKey, NtQueryMultipleValueKey, NtSetValueKey,
NtDeleteKey, NtDeleteValueKey, NtFlushKey, NtNotifyChangeKey.

Access is checked as the keys' security descriptors would for the process's user (a standard,
not elevated one: kernel/se/token.py): under \\REGISTRY\\USER\\<its SID> it may do anything;
everywhere else (HKEY_LOCAL_MACHINE, .DEFAULT) it may read, and asking for more is
STATUS_ACCESS_DENIED (MAXIMUM_ALLOWED grants KEY_READ there). A handle's granted access is then
checked by every service, so a write through a key opened for reading is STATUS_ACCESS_DENIED."""
import struct

from ..ke.wait import KEvent, KeWaitForMultipleObjects, NotificationEvent, WaitAny
from ..ob.access import MAXIMUM_ALLOWED, ObpMapAccess
from ..ob.namespace import (
    OBJ_CASE_INSENSITIVE,
    OBJ_INHERIT,
    OBJ_OPENIF,
    OBJ_VALID_ATTRIBUTES,
    ObpLookupObjectName,
    _capture_string,
    nt_upcase,
)
from ..se.sids import USER_SID
from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_BUFFER_OVERFLOW,
    STATUS_BUFFER_TOO_SMALL,
    STATUS_CANNOT_DELETE,
    STATUS_CHILD_MUST_BE_VOLATILE,
    STATUS_INVALID_INFO_CLASS,
    STATUS_INVALID_PARAMETER,
    STATUS_NO_MORE_ENTRIES,
    STATUS_OBJECT_NAME_INVALID,
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_OBJECT_PATH_SYNTAX_BAD,
    STATUS_OBJECT_TYPE_MISMATCH,
    STATUS_PENDING,
    STATUS_SUCCESS,
    NtStatusError,
)
from .cmkey import MAX_VALUE_NAME, CmInitSystem1, CmpWalk, Key, RegistryRoot, split_key_path

KEY_QUERY_VALUE, KEY_SET_VALUE, KEY_CREATE_SUB_KEY, KEY_ENUMERATE_SUB_KEYS = 0x1, 0x2, 0x4, 0x8
KEY_NOTIFY, KEY_CREATE_LINK = 0x10, 0x20
KEY_READ = 0x20019
DELETE, WRITE_DAC, WRITE_OWNER = 0x10000, 0x40000, 0x80000
_WRITE_RIGHTS = KEY_SET_VALUE | KEY_CREATE_SUB_KEY | KEY_CREATE_LINK | DELETE | WRITE_DAC | WRITE_OWNER
REG_OPTION_VOLATILE, REG_OPTION_CREATE_LINK, REG_OPTION_BACKUP_RESTORE, REG_OPTION_OPEN_LINK = 1, 2, 4, 8
REG_CREATED_NEW_KEY, REG_OPENED_EXISTING_KEY = 1, 2
REG_NOTIFY_CHANGE_NAME, REG_NOTIFY_CHANGE_ATTRIBUTES, REG_NOTIFY_CHANGE_LAST_SET = 0x1, 0x2, 0x4
REG_NOTIFY_CHANGE_SECURITY, REG_NOTIFY_THREAD_AGNOSTIC = 0x8, 0x10000000
# KEY_INFORMATION_CLASS and KEY_VALUE_INFORMATION_CLASS
KeyBasicInformation, KeyNodeInformation, KeyFullInformation, KeyNameInformation = 0, 1, 2, 3
KeyCachedInformation, KeyFlagsInformation = 4, 5
KeyValueBasicInformation, KeyValueFullInformation, KeyValuePartialInformation = 0, 1, 2
KeyValueFullInformationAlign64, KeyValuePartialInformationAlign64 = 3, 4
_oa = struct.Struct("<I4xQQI4xQQ")
_us = struct.Struct("<HH4xQ")
_I = struct.Struct("<I")
_Q = struct.Struct("<Q")


def registry_root(kernel):
    """The tree of this boot, made at the first registry service (CmInitSystem1)."""
    root = getattr(kernel, "registry_root", None)
    if root is None:
        from ..io.iomgr import io_manager
        io_manager(kernel)
        CmInitSystem1(kernel)
        root = kernel.registry_root
    return root


# -- names and access
def _capture_key_attributes(kernel, thread, va: int):
    """(start node, path components, attributes) of an OBJECT_ATTRIBUTES naming a key: a full
    name through the object namespace to \\REGISTRY, or one relative to a key handle."""
    registry_root(kernel)
    if not va:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    space = thread.process.space
    length, root, name_ptr, attributes, _sd, _qos = _oa.unpack(space.probe_read(va, _oa.size))
    if length != _oa.size or attributes & ~OBJ_VALID_ATTRIBUTES:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    name = _capture_string(space, name_ptr) if name_ptr else ""
    if root:
        key = thread.process.handles.lookup(root, Key)
        if name.startswith("\\"):
            raise NtStatusError(STATUS_OBJECT_PATH_SYNTAX_BAD)
        return key.live_node(), split_key_path(name), attributes
    if not name.startswith("\\"):
        raise NtStatusError(STATUS_OBJECT_PATH_SYNTAX_BAD if name else STATUS_OBJECT_NAME_INVALID)
    obj, rest = ObpLookupObjectName(kernel.namespace, name, None, attributes | OBJ_CASE_INSENSITIVE)
    if not isinstance(obj, RegistryRoot):
        raise NtStatusError(STATUS_OBJECT_TYPE_MISMATCH)
    return obj.node, split_key_path(rest), attributes


def _user_may_write(node) -> bool:
    """The user's own hive, \\REGISTRY\\USER\\<SID> and below."""
    path = nt_upcase(node.path())
    mine = nt_upcase("\\REGISTRY\\USER\\" + USER_SID)
    return path == mine or path.startswith(mine + "\\")


def _grant(node, desired: int) -> int:
    """SeAccessCheck against the key's (implied) security descriptor."""
    if _user_may_write(node):
        return ObpMapAccess("Key", desired)
    granted = ObpMapAccess("Key", desired & ~MAXIMUM_ALLOWED)
    if granted & _WRITE_RIGHTS:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    return granted | (KEY_READ if desired & MAXIMUM_ALLOWED else 0)


def _open_handle(kernel, thread, handle_out: int, node, desired: int, attributes: int) -> None:
    granted = _grant(node, desired)
    key = Key(kernel, node)
    handle = thread.process.handles.insert(key, granted, attributes & OBJ_INHERIT)
    thread.process.space.probe_write(handle_out, _Q.pack(handle))


def _reference(thread, handle: int, needed: int) -> Key:
    """ObReferenceObjectByHandle for a key, with the access a service needs."""
    handles = thread.process.handles
    key = handles.lookup(handle, Key)
    if handles.access(handle) & needed != needed:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    return key


def _capture_value_name(space, va: int) -> str:
    if not va:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    name = _capture_string(space, va)
    if len(name) > MAX_VALUE_NAME:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    return name


# -- change notifications
def CmpReportNotify(kernel, node, filter_bits: int) -> None:
    """Complete the NtNotifyChangeKey requests on node (or, watching the subtree, on a parent)."""
    depth = 0
    current = node
    while current is not None:
        for request in list(current.notifications):
            event, iosb, process, wanted, subtree, _key = request
            if wanted & filter_bits and (depth == 0 or subtree):
                current.notifications.remove(request)
                if iosb:
                    try:
                        process.space.probe_write(iosb, _Q.pack(STATUS_SUCCESS) + _Q.pack(0))
                    except NtStatusError:
                        pass
                event.set(kernel)
        current = current.parent
        depth += 1


def _changed(kernel, node, filter_bits: int) -> None:
    node.last_write_time = kernel.system_time()
    CmpReportNotify(kernel, node, filter_bits)


# -- opening and creating
def NtOpenKeyEx(kernel, thread, handle_out, access, oa, options):
    thread.process.space.probe_write(handle_out, b"\0" * 8)
    start, parts, attributes = _capture_key_attributes(kernel, thread, oa)
    node = CmpWalk(start, parts)
    _open_handle(kernel, thread, handle_out, node, access, attributes)
    return STATUS_SUCCESS


def NtOpenKey(kernel, thread, handle_out, access, oa):
    return NtOpenKeyEx(kernel, thread, handle_out, access, oa, 0)


def NtCreateKey(kernel, thread, handle_out, access, oa, title_index, class_ptr, options, disposition_out):
    """Open the key, or make it (the last component only: a missing parent is
    STATUS_OBJECT_NAME_NOT_FOUND); Disposition says which."""
    space = thread.process.space
    space.probe_write(handle_out, b"\0" * 8)
    options &= 0xFFFFFFFF
    if options & ~(REG_OPTION_VOLATILE | REG_OPTION_CREATE_LINK | REG_OPTION_BACKUP_RESTORE | REG_OPTION_OPEN_LINK):
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    start, parts, attributes = _capture_key_attributes(kernel, thread, oa)
    class_name = _capture_string(space, class_ptr) if class_ptr else ""
    if not parts:
        node, disposition = start, REG_OPENED_EXISTING_KEY
    else:
        parent = CmpWalk(start, parts[:-1])
        node = parent.child(parts[-1])
        disposition = REG_OPENED_EXISTING_KEY
        if node is None:
            if not _user_may_write(parent):
                raise NtStatusError(STATUS_ACCESS_DENIED)        # KEY_CREATE_SUB_KEY on the parent
            volatile = bool(options & REG_OPTION_VOLATILE)
            if parent.volatile and not volatile:
                raise NtStatusError(STATUS_CHILD_MUST_BE_VOLATILE)
            node = parent.add_child(parts[-1], kernel.system_time(), volatile, class_name)
            disposition = REG_CREATED_NEW_KEY
            CmpReportNotify(kernel, parent, REG_NOTIFY_CHANGE_NAME)
    _open_handle(kernel, thread, handle_out, node, access, attributes & ~OBJ_OPENIF)
    if disposition_out:
        space.probe_write(disposition_out, _I.pack(disposition))
    return STATUS_SUCCESS


# -- information classes (fixed part, then names and data; a short buffer gets what fits)
def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le", "surrogatepass")


def _key_information(node, info_class: int) -> tuple[bytes, int]:
    """(the whole record, the size of its fixed part) for one KEY_INFORMATION_CLASS."""
    name = _utf16(node.name)
    klass = _utf16(node.class_name)
    time = node.last_write_time
    subkeys = node.sorted_subkeys()
    values = node.value_list()
    max_name = max((len(_utf16(k.name)) for k in subkeys), default=0)
    max_class = max((len(_utf16(k.class_name)) for k in subkeys), default=0)
    max_value_name = max((len(_utf16(v[0])) for v in values), default=0)
    max_value_data = max((len(v[2]) for v in values), default=0)
    if info_class == KeyBasicInformation:
        return struct.pack("<qII", time, 0, len(name)) + name, 16
    if info_class == KeyNodeInformation:
        fixed = 24
        class_offset = fixed + len(name) if klass else 0xFFFFFFFF
        return struct.pack("<qIIII", time, 0, class_offset, len(klass), len(name)) + name + klass, fixed
    if info_class == KeyFullInformation:
        fixed = 44
        class_offset = fixed if klass else 0xFFFFFFFF
        return struct.pack("<qIIIIIIIII", time, 0, class_offset, len(klass), len(subkeys), max_name, max_class,
                           len(values), max_value_name, max_value_data) + klass, fixed
    if info_class == KeyNameInformation:
        path = _utf16(node.path())
        return struct.pack("<I", len(path)) + path, 4
    if info_class == KeyCachedInformation:
        return struct.pack("<qIIIIIII", time, 0, len(subkeys), max_name, len(values), max_value_name,
                           max_value_data, len(name)), 36
    if info_class == KeyFlagsInformation:
        return struct.pack("<III", 0, int(node.volatile), 0), 12
    raise NtStatusError(STATUS_INVALID_INFO_CLASS)


def _value_information(value, info_class: int) -> tuple[bytes, int]:
    name, kind, data = value
    name_bytes = _utf16(name)
    if info_class == KeyValueBasicInformation:
        return struct.pack("<III", 0, kind, len(name_bytes)) + name_bytes, 12
    if info_class in (KeyValueFullInformation, KeyValueFullInformationAlign64):
        align = 8 if info_class == KeyValueFullInformationAlign64 else 4
        offset = (20 + len(name_bytes) + align - 1) & ~(align - 1)
        head = struct.pack("<IIIII", 0, kind, offset if data else 0, len(data), len(name_bytes)) + name_bytes
        return head.ljust(offset, b"\0") + data, 20
    if info_class == KeyValuePartialInformation:
        return struct.pack("<III", 0, kind, len(data)) + data, 12
    if info_class == KeyValuePartialInformationAlign64:
        return struct.pack("<II", kind, len(data)) + data, 8
    raise NtStatusError(STATUS_INVALID_INFO_CLASS)


def _return_record(thread, record: bytes, fixed: int, buffer: int, length: int, result_ptr: int) -> int:
    """ResultLength is the whole record's size; a buffer shorter than the fixed part gets nothing
    (STATUS_BUFFER_TOO_SMALL), one shorter than the record what fits (STATUS_BUFFER_OVERFLOW)."""
    space = thread.process.space
    length &= 0xFFFFFFFF
    if result_ptr:
        space.probe_write(result_ptr, _I.pack(len(record)))
    if length < fixed:
        raise NtStatusError(STATUS_BUFFER_TOO_SMALL)
    space.probe_write(buffer, record[:length])
    return STATUS_SUCCESS if length >= len(record) else STATUS_BUFFER_OVERFLOW


def NtQueryKey(kernel, thread, handle, info_class, buffer, length, result_ptr):
    info_class &= 0xFFFFFFFF
    key = _reference(thread, handle, 0 if info_class == KeyNameInformation else KEY_QUERY_VALUE)
    node = key.live_node()
    record, fixed = _key_information(node, info_class)
    return _return_record(thread, record, fixed, buffer, length, result_ptr)


def NtEnumerateKey(kernel, thread, handle, index, info_class, buffer, length, result_ptr):
    node = _reference(thread, handle, KEY_ENUMERATE_SUB_KEYS).live_node()
    subkeys = node.sorted_subkeys()
    index &= 0xFFFFFFFF
    info_class &= 0xFFFFFFFF
    if info_class not in (KeyBasicInformation, KeyNodeInformation, KeyFullInformation, KeyNameInformation,
                          KeyCachedInformation):
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if index >= len(subkeys):
        raise NtStatusError(STATUS_NO_MORE_ENTRIES)
    record, fixed = _key_information(subkeys[index], info_class)
    return _return_record(thread, record, fixed, buffer, length, result_ptr)


def NtQueryValueKey(kernel, thread, handle, name_ptr, info_class, buffer, length, result_ptr):
    node = _reference(thread, handle, KEY_QUERY_VALUE).live_node()
    name = _capture_value_name(thread.process.space, name_ptr)
    value = node.values.get(nt_upcase(name))
    info_class &= 0xFFFFFFFF
    if info_class > KeyValuePartialInformationAlign64:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if value is None:
        raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
    record, fixed = _value_information(value, info_class)
    return _return_record(thread, record, fixed, buffer, length, result_ptr)


def NtEnumerateValueKey(kernel, thread, handle, index, info_class, buffer, length, result_ptr):
    node = _reference(thread, handle, KEY_QUERY_VALUE).live_node()
    values = node.value_list()
    index &= 0xFFFFFFFF
    info_class &= 0xFFFFFFFF
    if info_class > KeyValuePartialInformationAlign64:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if index >= len(values):
        raise NtStatusError(STATUS_NO_MORE_ENTRIES)
    record, fixed = _value_information(values[index], info_class)
    return _return_record(thread, record, fixed, buffer, length, result_ptr)


def NtQueryMultipleValueKey(kernel, thread, handle, entries, count, buffer, length_ptr, required_ptr):
    """KEY_VALUE_ENTRY {PUNICODE_STRING ValueName; ULONG DataLength, DataOffset, Type} for each
    name; the data one after another in the buffer (each at a ULONG boundary). A buffer too
    short: STATUS_BUFFER_OVERFLOW and the size needed, nothing filled in."""
    node = _reference(thread, handle, KEY_QUERY_VALUE).live_node()
    space = thread.process.space
    count &= 0xFFFFFFFF
    found = []
    for i in range(count):
        name_va = _Q.unpack(space.probe_read(entries + 24 * i, 8))[0]
        value = node.values.get(nt_upcase(_capture_value_name(space, name_va)))
        if value is None:
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
        found.append(value)
    available = _I.unpack(space.probe_read(length_ptr, 4))[0]
    blob = bytearray()
    placed = []
    for _name, kind, data in found:
        blob += b"\0" * (-len(blob) % 4)
        placed.append((len(data), len(blob), kind))
        blob += data
    if required_ptr:
        space.probe_write(required_ptr, _I.pack(len(blob)))
    if len(blob) > available:
        return STATUS_BUFFER_OVERFLOW
    space.probe_write(buffer, bytes(blob))
    for i, (size, offset, kind) in enumerate(placed):
        space.probe_write(entries + 24 * i + 8, struct.pack("<III", size, offset, kind))
    space.probe_write(length_ptr, _I.pack(len(blob)))
    return STATUS_SUCCESS


# -- changes
def NtSetValueKey(kernel, thread, handle, name_ptr, title_index, kind, data_ptr, size):
    node = _reference(thread, handle, KEY_SET_VALUE).live_node()
    space = thread.process.space
    name = _capture_value_name(space, name_ptr)
    size &= 0xFFFFFFFF
    data = space.probe_read(data_ptr, size) if size else b""
    node.set_value(name, kind & 0xFFFFFFFF, bytes(data), kernel.system_time())
    _changed(kernel, node, REG_NOTIFY_CHANGE_LAST_SET)
    return STATUS_SUCCESS


def NtDeleteValueKey(kernel, thread, handle, name_ptr):
    node = _reference(thread, handle, KEY_SET_VALUE).live_node()
    name = _capture_value_name(thread.process.space, name_ptr)
    if node.values.pop(nt_upcase(name), None) is None:
        raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
    _changed(kernel, node, REG_NOTIFY_CHANGE_LAST_SET)
    return STATUS_SUCCESS


def NtDeleteKey(kernel, thread, handle):
    """A key with subkeys, or a hive's root, cannot go (STATUS_CANNOT_DELETE); a deleted key's
    handles stay valid and every service through them is STATUS_KEY_DELETED."""
    node = _reference(thread, handle, DELETE).live_node()
    if node.subkeys or node.depth() <= 2:           # \REGISTRY, MACHINE, USER and the hives' roots
        raise NtStatusError(STATUS_CANNOT_DELETE)
    parent = node.parent
    del parent.subkeys[nt_upcase(node.name)]
    node.deleted = True
    for request in node.notifications:              # their waits end: the key is gone
        request[0].set(kernel)
    node.notifications.clear()
    _changed(kernel, parent, REG_NOTIFY_CHANGE_NAME)
    return STATUS_SUCCESS


def NtFlushKey(kernel, thread, handle):
    """The registry is volatile: there is nothing to write; the handle is still checked."""
    thread.process.handles.lookup(handle, Key).live_node()
    return STATUS_SUCCESS


def NtNotifyChangeKey(kernel, thread, handle, event_handle, apc_routine, apc_context, iosb, filter_bits,
                      watch_tree, buffer, buffer_size, asynchronous):
    """Ask to be told of the next change. Asynchronous: STATUS_PENDING at once and the event (when
    given) signalled, the IO_STATUS_BLOCK filled in, on the change. Synchronous: the caller waits
    for it. Closing the key's last handle ends its requests with STATUS_NOTIFY_CLEANUP."""
    key = _reference(thread, handle, KEY_NOTIFY)
    node = key.live_node()
    filter_bits &= 0xFFFFFFFF
    if not filter_bits & 0xF or filter_bits & ~(0xF | REG_NOTIFY_THREAD_AGNOSTIC):
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    process = thread.process
    if asynchronous & 0xFF:
        if event_handle:
            event = process.handles.lookup(event_handle, KEvent)
            event.reset()
        else:
            event = KEvent(kernel, NotificationEvent, False)
        if iosb:
            process.space.probe_write(iosb, _Q.pack(STATUS_PENDING) + _Q.pack(0))
        node.notifications.append((event, iosb, process, filter_bits, bool(watch_tree & 0xFF), key))
        return STATUS_PENDING
    event = KEvent(kernel, NotificationEvent, False)
    node.notifications.append((event, iosb, process, filter_bits, bool(watch_tree & 0xFF), key))
    return KeWaitForMultipleObjects(kernel, thread, (event,), WaitAny, None)


REGISTRY_SERVICES = {
    "NtCreateKey": (NtCreateKey, (
        ("KeyHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("TitleIndex", "u"),
        ("Class", "us"), ("CreateOptions", "u"), ("Disposition", "pul"))),
    "NtOpenKey": (NtOpenKey, (("KeyHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"))),
    "NtOpenKeyEx": (NtOpenKeyEx, (
        ("KeyHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("OpenOptions", "u"))),
    "NtQueryKey": (NtQueryKey, (
        ("KeyHandle", "h"), ("KeyInformationClass", "u"), ("KeyInformation", "p"), ("Length", "u"),
        ("ResultLength", "pul"))),
    "NtEnumerateKey": (NtEnumerateKey, (
        ("KeyHandle", "h"), ("Index", "u"), ("KeyInformationClass", "u"), ("KeyInformation", "p"), ("Length", "u"),
        ("ResultLength", "pul"))),
    "NtQueryValueKey": (NtQueryValueKey, (
        ("KeyHandle", "h"), ("ValueName", "us"), ("KeyValueInformationClass", "u"), ("KeyValueInformation", "p"),
        ("Length", "u"), ("ResultLength", "pul"))),
    "NtEnumerateValueKey": (NtEnumerateValueKey, (
        ("KeyHandle", "h"), ("Index", "u"), ("KeyValueInformationClass", "u"), ("KeyValueInformation", "p"),
        ("Length", "u"), ("ResultLength", "pul"))),
    "NtQueryMultipleValueKey": (NtQueryMultipleValueKey, (
        ("KeyHandle", "h"), ("ValueEntries", "p"), ("EntryCount", "u"), ("ValueBuffer", "p"),
        ("BufferLength", "pul"), ("RequiredBufferLength", "pul"))),
    "NtSetValueKey": (NtSetValueKey, (
        ("KeyHandle", "h"), ("ValueName", "us"), ("TitleIndex", "u"), ("Type", "u"), ("Data", "p"),
        ("DataSize", "u"))),
    "NtDeleteKey": (NtDeleteKey, (("KeyHandle", "h"),)),
    "NtDeleteValueKey": (NtDeleteValueKey, (("KeyHandle", "h"), ("ValueName", "us"))),
    "NtFlushKey": (NtFlushKey, (("KeyHandle", "h"),)),
    "NtNotifyChangeKey": (NtNotifyChangeKey, (
        ("KeyHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"), ("IoStatusBlock", "p"),
        ("CompletionFilter", "u"), ("WatchTree", "b"), ("Buffer", "p"), ("BufferSize", "u"),
        ("Asynchronous", "b"))),
}
