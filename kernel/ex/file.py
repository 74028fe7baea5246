"""The I/O manager's services: NtCreateFile, NtOpenFile, NtReadFile, NtWriteFile,
NtQuery/SetInformationFile, NtQueryDirectoryFile(Ex), NtQueryAttributesFile,
NtQueryFullAttributesFile, NtQueryVolumeInformationFile, NtFlushBuffersFile, NtDeleteFile,
NtCancelIoFile, NtDeviceIoControlFile; I/O completion ports (NtCreateIoCompletion ...); byte-range
locks (NtLockFile, NtUnlockFile); pipes (NtCreateNamedPipeFile, NtFsControlFile). Sections in that
order; each family could stand in a module of its own.

This layer captures and probes what the guest passed (OBJECT_ATTRIBUTES, UNICODE_STRINGs,
buffers, the IO_STATUS_BLOCK) and completes the request: the IO_STATUS_BLOCK written, the
caller's event (or the file object) signalled. A synchronous open's transfers return their
status; an asynchronous open's file transfers return STATUS_PENDING, already complete.
The work itself is kernel/io's.
"""
import struct

from ..io.access import FILE_APPEND_DATA, FILE_READ_DATA, FILE_WRITE_DATA
from ..io.afd import AfdDevice
from ..io.completion import IoCompletion, IopPostCompletion, Packet
from ..io.console import ConsoleDevice
from ..io.create import FILE_OPEN_REPARSE_POINT, IoCreateFile, IopCheckCreateParameters, OpenPacket
from ..io.directory import DIRECTORY_CLASSES, query_directory
from ..io.disk import FILE_CREATE, FILE_OPEN, FILE_OPEN_IF, VolumeDevice
from ..io.file import FileObject
from ..io.info import (
    QUERY_LENGTH,
    SET_LENGTH,
    Facts,
    FileMaximumInformation,
    query_information,
    set_information,
)
from ..io.iomgr import io_manager
from ..io.names import split_path
from ..io.notify import FILE_NOTIFY_VALID_MASK
from ..io.nsi import NsiDevice
from ..io.pipe import NamedPipeDevice
from ..io.rw import IopReadFile, IopWriteFile, needs_offset
from ..io.volinfo import FS_LENGTH, FileFsMaximumInformation, query_volume
from ..ke.apc import KeInsertUserApc
from ..ke.wait import KEvent
from ..ob.namespace import OBJ_VALID_ATTRIBUTES, ObjectDirectory, ObpLookupObjectName
from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_END_OF_FILE,
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_DEVICE_REQUEST,
    STATUS_INVALID_HANDLE,
    STATUS_INVALID_INFO_CLASS,
    STATUS_INVALID_LOCK_RANGE,
    STATUS_INVALID_PARAMETER,
    STATUS_INVALID_USER_BUFFER,
    STATUS_NO_MORE_FILES,
    STATUS_NOT_A_REPARSE_POINT,
    STATUS_NOT_FOUND,
    STATUS_NOT_IMPLEMENTED,
    STATUS_NOT_SAME_DEVICE,
    STATUS_OBJECT_NAME_INVALID,
    STATUS_OBJECT_PATH_SYNTAX_BAD,
    STATUS_OBJECT_TYPE_MISMATCH,
    STATUS_PENDING,
    STATUS_SUCCESS,
    NtStatusError,
)
from .handles import reference_thread
from .sync import due_time

OBJECT_ATTRIBUTES_SIZE = 0x30
OBJ_INHERIT = 0x2
_oa = struct.Struct("<I4xQQI4xQQ")
_us = struct.Struct("<HH4xQ")
_iosb = struct.Struct("<QQ")
_q = struct.Struct("<q")
PAGE = 0x1000


# -- capturing what the guest passed
def probe_for_write(space, va: int, size: int) -> None:
    """ProbeForWrite: every page of the buffer writable by the caller, contents unchanged."""
    if size == 0:
        return
    page = va & ~(PAGE - 1)
    while page < va + size:
        at = max(page, va)
        space.probe_write(at, space.probe_read(at, 1))
        page += PAGE


def capture_unicode_string(space, va: int) -> str:
    length, _maximum, buffer = _us.unpack(space.probe_read(va, _us.size))
    if length & 1:
        raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    return space.probe_read(buffer, length).decode("utf-16-le", "surrogatepass") if length else ""


def capture_object_attributes(thread, va: int) -> tuple[int, str | None, int]:
    """(RootDirectory, ObjectName or None, Attributes) of an OBJECT_ATTRIBUTES."""
    if not va:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    space = thread.process.space
    length, root, name_ptr, attributes, _sd, _qos = _oa.unpack(space.probe_read(va, _oa.size))
    if length != OBJECT_ATTRIBUTES_SIZE or attributes & ~OBJ_VALID_ATTRIBUTES:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    name = capture_unicode_string(space, name_ptr) if name_ptr else None
    return root, name, attributes


def reference_file(thread, handle: int, needed: int = 0) -> FileObject:
    """ObReferenceObjectByHandle for a file handle, with the access the service needs."""
    if handle >= 0xFFFFFFFFFFFFFFF0:
        raise NtStatusError(STATUS_OBJECT_TYPE_MISMATCH if handle in (2**64 - 1, 2**64 - 2)
                            else STATUS_INVALID_HANDLE)
    handles = thread.process.handles
    file = handles.lookup(handle, FileObject)
    if needed and not handles.access(handle) & needed:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    return file


def reference_event(thread, handle: int):
    if not handle:
        return None
    return thread.process.handles.lookup(handle, KEvent)


def IopUpdateTransferCount(thread, kind: str, transferred: int) -> None:
    """One read or write operation and its bytes, counted in the caller's EPROCESS
    (Read/WriteOperationCount, Read/WriteTransferCount: GetProcessIoCounters)."""
    ep = thread.process.eprocess
    ops, total = getattr(ep, kind + "OperationCount"), getattr(ep, kind + "TransferCount")
    ops.QuadPart += 1
    total.QuadPart += transferred


def read_offset(space, va: int) -> int | None:
    return _q.unpack(space.probe_read(va, 8))[0] if va else None


def complete(kernel, thread, file, event, io_status: int, status: int, information: int, apc_context: int = 0,
             post: bool = False, apc_routine: int = 0, returned: bool = False) -> None:
    """IopCompleteRequest: the IO_STATUS_BLOCK, then the event (the file object without one), and
    for an asynchronous transfer the caller's APC routine (ReadFileEx: ApcRoutine(ApcContext,
    IoStatusBlock, 0) at the thread's next alertable wait) or else the file's completion port.
    `returned`: the service returns this status itself, so SetFileCompletionNotificationModes'
    FILE_SKIP_COMPLETION_PORT_ON_SUCCESS leaves out the packet of a success."""
    thread.process.space.probe_write(io_status, _iosb.pack(status & 0xFFFFFFFF, information))
    modes = getattr(file, "completion_modes", 0)
    if event is not None:
        event.set(kernel)
    if not modes & FILE_SKIP_SET_EVENT_ON_HANDLE:
        file.signal()
    if apc_routine:
        KeInsertUserApc(kernel, thread, apc_routine, apc_context, io_status, 0)
    elif post and not (returned and status < 0x80000000 and modes & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS):
        IopPostCompletion(file, apc_context, status, information)


def _open(kernel, thread, oa: int, packet: OpenPacket):
    root_handle, name, attributes = capture_object_attributes(thread, oa)
    root = None
    if root_handle:
        root = thread.process.handles.lookup(root_handle, (FileObject, ObjectDirectory))
    if name is None or (not name and root is None):
        raise NtStatusError(STATUS_OBJECT_PATH_SYNTAX_BAD if root is None else STATUS_OBJECT_NAME_INVALID)
    return IoCreateFile(kernel, name, packet, root, attributes)


# -- NtCreateFile / NtOpenFile
def _handle_attributes(thread, oa: int) -> int:
    """The new handle's entry attributes: OBJECT_ATTRIBUTES' OBJ_INHERIT."""
    return capture_object_attributes(thread, oa)[2] & OBJ_INHERIT


def NtCreateFile(kernel, thread, handle_out, access, oa, io_status, allocation_ptr, file_attributes, share,
                 disposition, options, ea_buffer, ea_length):
    space = thread.process.space
    access, file_attributes, share = access & 0xFFFFFFFF, file_attributes & 0xFFFFFFFF, share & 0xFFFFFFFF
    disposition, options, ea_length = disposition & 0xFFFFFFFF, options & 0xFFFFFFFF, ea_length & 0xFFFFFFFF
    probe_for_write(space, handle_out, 8)
    probe_for_write(space, io_status, _iosb.size)
    allocation = read_offset(space, allocation_ptr) or 0
    if ea_buffer and ea_length:
        space.probe_read(ea_buffer, ea_length)
    IopCheckCreateParameters(access, file_attributes, share, disposition, options)
    packet = OpenPacket(access, file_attributes, share, disposition, options, allocation=allocation)
    if ea_buffer and ea_length:
        packet.ea = space.probe_read(ea_buffer, ea_length)      # AFD's open packet travels here
    file, information = _open(kernel, thread, oa, packet)
    handle = thread.process.handles.insert(file, file.granted_access, _handle_attributes(thread, oa))
    space.probe_write(handle_out, struct.pack("<Q", handle))
    space.probe_write(io_status, _iosb.pack(STATUS_SUCCESS, information))
    return STATUS_SUCCESS


def NtOpenFile(kernel, thread, handle_out, access, oa, io_status, share, options):
    return NtCreateFile(kernel, thread, handle_out, access, oa, io_status, 0, 0, share, FILE_OPEN, options, 0, 0)


# -- NtReadFile / NtWriteFile
def _transfer_prologue(kernel, thread, handle, event_handle, io_status, byte_offset_ptr, needed):
    file = reference_file(thread, handle, needed)
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    offset = read_offset(space, byte_offset_ptr)
    if offset is None and needs_offset(file):
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    event = reference_event(thread, event_handle)
    if event is not None:
        event.reset()
    file.clear_event()
    return file, space, offset, event


def NtReadFile(kernel, thread, handle, event_handle, apc_routine, apc_context, io_status, buffer, length,
               byte_offset_ptr, key):
    length &= 0xFFFFFFFF
    file, space, offset, event = _transfer_prologue(kernel, thread, handle, event_handle, io_status,
                                                    byte_offset_ptr, FILE_READ_DATA)
    probe_for_write(space, buffer, length)
    if isinstance(file.device, (NamedPipeDevice, AfdDevice)):
        if not thread.process.handles.access(handle) & FILE_READ_DATA:
            raise NtStatusError(STATUS_ACCESS_DENIED)
        status, data = file.device.read_request(kernel, thread, file, buffer, length, io_status, event,
                                                apc_context, apc_routine)
        if data is None:
            return status                       # pending: the writer completes it
        space.probe_write(buffer, data)
        IopUpdateTransferCount(thread, "Read", len(data))
        complete(kernel, thread, file, event, io_status, status, len(data), apc_context, True, apc_routine, True)
        return status
    try:
        data = IopReadFile(file, offset, length)
    except NtStatusError as e:
        if e.status != STATUS_END_OF_FILE:
            raise
        if file.synchronous or not isinstance(file.device, VolumeDevice):
            space.probe_write(io_status, _iosb.pack(STATUS_END_OF_FILE, 0))
            raise
        # An asynchronous read past the end completes (pending) with STATUS_END_OF_FILE.
        complete(kernel, thread, file, event, io_status, STATUS_END_OF_FILE, 0, apc_context, True, apc_routine)
        return STATUS_PENDING
    space.probe_write(buffer, data)
    IopUpdateTransferCount(thread, "Read", len(data))
    complete(kernel, thread, file, event, io_status, STATUS_SUCCESS, len(data), apc_context, True, apc_routine)
    return STATUS_SUCCESS if file.synchronous or not isinstance(file.device, VolumeDevice) else STATUS_PENDING


def NtWriteFile(kernel, thread, handle, event_handle, apc_routine, apc_context, io_status, buffer, length,
                byte_offset_ptr, key):
    length &= 0xFFFFFFFF
    file, space, offset, event = _transfer_prologue(kernel, thread, handle, event_handle, io_status,
                                                    byte_offset_ptr, FILE_WRITE_DATA | FILE_APPEND_DATA)
    if not buffer and length:
        raise NtStatusError(STATUS_INVALID_USER_BUFFER)
    data = space.probe_read(buffer, length)
    written = IopWriteFile(file, offset, data)
    IopUpdateTransferCount(thread, "Write", written)
    complete(kernel, thread, file, event, io_status, STATUS_SUCCESS, written, apc_context, True, apc_routine)
    return STATUS_SUCCESS if file.synchronous or not isinstance(file.device, VolumeDevice) else STATUS_PENDING


# -- NtQueryInformationFile / NtSetInformationFile
def NtQueryInformationFile(kernel, thread, handle, io_status, buffer, length, cls):
    length, cls = length & 0xFFFFFFFF, cls & 0xFFFFFFFF
    if cls == FileIoCompletionNotificationInformation:
        return _completion_modes(thread, handle, io_status, buffer, length, False)
    if cls == 0 or cls >= FileMaximumInformation or cls not in QUERY_LENGTH:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length < QUERY_LENGTH[cls]:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    probe_for_write(space, buffer, length)
    file = reference_file(thread, handle)
    data, status = query_information(io_manager(kernel), file, cls, length)
    data = data[:length]
    space.probe_write(buffer, data)
    space.probe_write(io_status, _iosb.pack(status, len(data)))
    return status


def _rename_target(kernel, thread):
    def resolve(file, root_handle: int, name: str) -> list[str]:
        if "\0" in name:
            raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
        if root_handle:
            root = reference_file(thread, root_handle)
            if root.device is not file.device or root.node is None or not root.is_directory:
                raise NtStatusError(STATUS_NOT_SAME_DEVICE if root.device is not file.device
                                    else STATUS_INVALID_PARAMETER)
            components, _ = split_path("\\" + name)
            return list(root.node.components) + components
        if name.startswith("\\"):
            device, remaining = ObpLookupObjectName(io_manager(kernel).namespace, name)
            if device is not file.device:
                raise NtStatusError(STATUS_NOT_SAME_DEVICE)
            components, _ = split_path(remaining or "\\")
            if not components:
                raise NtStatusError(STATUS_ACCESS_DENIED)
            return components
        if "\\" in name:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        components, _ = split_path("\\" + name)
        return list(file.node.components[:-1]) + components
    return resolve


def NtSetInformationFile(kernel, thread, handle, io_status, buffer, length, cls):
    length, cls = length & 0xFFFFFFFF, cls & 0xFFFFFFFF
    if cls == FileCompletionInformation:
        return _associate_completion_port(thread, handle, io_status, buffer, length)
    if cls == FileIoCompletionNotificationInformation:
        return _completion_modes(thread, handle, io_status, buffer, length, True)
    if cls == 0 or cls >= FileMaximumInformation or cls not in SET_LENGTH:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length < SET_LENGTH[cls]:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    data = space.probe_read(buffer, length)
    file = reference_file(thread, handle)
    set_information(io_manager(kernel), file, cls, data, _rename_target(kernel, thread))
    space.probe_write(io_status, _iosb.pack(STATUS_SUCCESS, 0))
    return STATUS_SUCCESS


# -- NtQueryDirectoryFile(Ex)
def _query_directory(kernel, thread, handle, event_handle, io_status, buffer, length, cls, single, mask_ptr,
                     restart):
    length, cls = length & 0xFFFFFFFF, cls & 0xFFFFFFFF
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    probe_for_write(space, buffer, length)
    if cls not in DIRECTORY_CLASSES:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length < DIRECTORY_CLASSES[cls][1]:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    mask = None
    if mask_ptr:
        length_, _max, buf = _us.unpack(space.probe_read(mask_ptr, _us.size))
        if length_ & 1:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        mask = space.probe_read(buf, length_).decode("utf-16-le", "surrogatepass") if length_ else None
    file = reference_file(thread, handle, FILE_READ_DATA)
    event = reference_event(thread, event_handle)
    if event is not None:
        event.reset()
    file.clear_event()
    try:
        data, status = query_directory(io_manager(kernel), file, cls, length, single, mask, restart)
    except NtStatusError as e:
        if e.status != STATUS_NO_MORE_FILES:
            raise
        data, status = b"", STATUS_NO_MORE_FILES
    space.probe_write(buffer, data)
    complete(kernel, thread, file, event, io_status, status, len(data))
    return status


def NtQueryDirectoryFile(kernel, thread, handle, event, apc_routine, apc_context, io_status, buffer, length, cls,
                         single, mask_ptr, restart):
    return _query_directory(kernel, thread, handle, event, io_status, buffer, length, cls, bool(single & 0xFF),
                            mask_ptr, bool(restart & 0xFF))


SL_RESTART_SCAN = 0x1
SL_RETURN_SINGLE_ENTRY = 0x2


def NtQueryDirectoryFileEx(kernel, thread, handle, event, apc_routine, apc_context, io_status, buffer, length, cls,
                           flags, mask_ptr):
    flags &= 0xFFFFFFFF
    return _query_directory(kernel, thread, handle, event, io_status, buffer, length, cls,
                            bool(flags & SL_RETURN_SINGLE_ENTRY), mask_ptr, bool(flags & SL_RESTART_SCAN))


# -- by name, without a handle
def _open_transient(kernel, thread, oa: int, access: int, options: int = 0):
    """An open the service closes again before it returns (no handle)."""
    packet = OpenPacket(access, 0, 7, FILE_OPEN, options)
    file, _ = _open(kernel, thread, oa, packet)
    return file


def _close_transient(file) -> None:
    file.cleaned_up = True
    if file.device is not None:
        file.device.cleanup(file)
    file.delete_object()


def _query_attributes(kernel, thread, oa, buffer, network_open: bool):
    size = 56 if network_open else 40
    space = thread.process.space
    probe_for_write(space, buffer, size)
    file = _open_transient(kernel, thread, oa, 0x80, FILE_OPEN_REPARSE_POINT)     # FILE_READ_ATTRIBUTES
    try:
        if file.node is None:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        facts = Facts(io_manager(kernel), file.node)
        space.probe_write(buffer, facts.network_open() if network_open else facts.basic())
    finally:
        _close_transient(file)
    return STATUS_SUCCESS


def NtQueryAttributesFile(kernel, thread, oa, buffer):
    return _query_attributes(kernel, thread, oa, buffer, False)


def NtQueryFullAttributesFile(kernel, thread, oa, buffer):
    return _query_attributes(kernel, thread, oa, buffer, True)


def NtDeleteFile(kernel, thread, oa):
    file = _open_transient(kernel, thread, oa, 0x10000, FILE_OPEN_REPARSE_POINT)    # DELETE
    try:
        if not isinstance(file.device, VolumeDevice):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        file.device.set_disposition(file, True)
    finally:
        _close_transient(file)
    return STATUS_SUCCESS


# -- the volume, flushing, cancelling
def NtQueryVolumeInformationFile(kernel, thread, handle, io_status, buffer, length, cls):
    length, cls = length & 0xFFFFFFFF, cls & 0xFFFFFFFF
    if cls == 0 or cls >= FileFsMaximumInformation or cls not in FS_LENGTH:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length < FS_LENGTH[cls]:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    probe_for_write(space, buffer, length)
    file = reference_file(thread, handle)
    data, status = query_volume(io_manager(kernel), file, cls, length)
    data = data[:length]
    space.probe_write(buffer, data)
    space.probe_write(io_status, _iosb.pack(status, len(data)))
    return status


def NtFlushBuffersFile(kernel, thread, handle, io_status):
    file = reference_file(thread, handle)
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    if isinstance(file.device, VolumeDevice):
        if not thread.process.handles.access(handle) & (FILE_WRITE_DATA | FILE_APPEND_DATA):
            raise NtStatusError(STATUS_ACCESS_DENIED)
        file.device.flush(file)
    space.probe_write(io_status, _iosb.pack(STATUS_SUCCESS, 0))
    return STATUS_SUCCESS


def NtCancelIoFile(kernel, thread, handle, io_status):
    """Cancel the requests the calling thread issued on the file that still wait (each completes
    with STATUS_CANCELLED); success whether there were any or not. Only pipes keep requests waiting."""
    file = reference_file(thread, handle)
    probe_for_write(thread.process.space, io_status, _iosb.size)
    cancel = getattr(file.device, "cancel", None)
    if cancel is not None:
        cancel(file, None, thread)
    io_manager(kernel).notify.cancel(file, None, thread)
    thread.process.space.probe_write(io_status, _iosb.pack(STATUS_SUCCESS, 0))
    return STATUS_SUCCESS


def NtCancelIoFileEx(kernel, thread, handle, io_request, io_status):
    """Cancel the file's requests that wait (only the one whose IO_STATUS_BLOCK is io_request, when
    given), from any thread: STATUS_NOT_FOUND when none waits. Only pipes keep requests waiting."""
    file = reference_file(thread, handle)
    probe_for_write(thread.process.space, io_status, _iosb.size)
    cancel = getattr(file.device, "cancel", None)
    cancelled = cancel(file, io_request or None) if cancel is not None else 0
    if not cancelled and not io_manager(kernel).notify.cancel(file, io_request or None):
        raise NtStatusError(STATUS_NOT_FOUND)
    thread.process.space.probe_write(io_status, _iosb.pack(STATUS_SUCCESS, 0))
    return STATUS_SUCCESS


def NtCancelSynchronousIoFile(kernel, thread, thread_handle, io_request, io_status):
    """Cancel the synchronous request the target thread waits in (only if its IO_STATUS_BLOCK is
    io_request, when given): it ends with STATUS_CANCELLED; STATUS_NOT_FOUND when it waits in none.
    Pipe reads, connects and change notifications are the requests that wait."""
    target = reference_thread(thread, thread_handle)
    probe_for_write(thread.process.space, io_status, _iosb.size)
    pending = getattr(target, "synchronous_io", None)
    cancelled = 0
    if pending is not None and target.wait is not None:
        cancel, file, request = pending
        if not io_request or io_request == request:
            cancelled = cancel(file, request, target)
    if not cancelled:
        raise NtStatusError(STATUS_NOT_FOUND)
    target.synchronous_io = None
    thread.process.space.probe_write(io_status, _iosb.pack(STATUS_SUCCESS, 0))
    return STATUS_SUCCESS


def NtDeviceIoControlFile(kernel, thread, handle, event_handle, apc_routine, apc_context, io_status, code, in_buffer,
                          in_length, out_buffer, out_length):
    """\\Device\\Afd, \\Device\\Nsi and the console (\\Device\\ConDrv) take I/O controls (pipes take
    theirs through NtFsControlFile): a request completes now (the IO_STATUS_BLOCK, the event, the
    port) or a socket's stays pending in AFD."""
    code, in_length, out_length = code & 0xFFFFFFFF, in_length & 0xFFFFFFFF, out_length & 0xFFFFFFFF
    file = reference_file(thread, handle)
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    input_data = space.probe_read(in_buffer, in_length) if in_length else b""
    probe_for_write(space, out_buffer, out_length)
    event = reference_event(thread, event_handle)
    if not isinstance(file.device, (AfdDevice, NsiDevice, ConsoleDevice)):
        raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
    if event is not None:
        event.reset()
    file.clear_event()
    status, information, data = file.device.device_control(thread, file, code, input_data, out_buffer, out_length,
                                                           io_status, event, apc_routine, apc_context)
    if data is None:
        return status                           # pending: AFD completes it
    if data:
        space.probe_write(out_buffer, data[:out_length])
        information = information or min(len(data), out_length)
    complete(kernel, thread, file, event, io_status, status, information, apc_context, True, apc_routine, True)
    return status


# -- change notifications
def NtNotifyChangeDirectoryFile(kernel, thread, handle, event_handle, apc_routine, apc_context, io_status, buffer,
                                length, completion_filter, watch_tree):
    length, completion_filter = length & 0xFFFFFFFF, completion_filter & 0xFFFFFFFF
    file = reference_file(thread, handle, FILE_READ_DATA)       # FILE_LIST_DIRECTORY
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    probe_for_write(space, buffer, length)
    if not completion_filter or completion_filter & ~FILE_NOTIFY_VALID_MASK:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if not isinstance(file.device, VolumeDevice) or not file.is_directory or file.node.kind != "host":
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    event = reference_event(thread, event_handle)
    if event is not None:
        event.reset()
    file.clear_event()
    return io_manager(kernel).notify.request(kernel, thread, file, completion_filter, bool(watch_tree & 0xFF), buffer,
                                             length, io_status, event, apc_context, apc_routine)


def NtNotifyChangeDirectoryFileEx(kernel, thread, handle, event_handle, apc_routine, apc_context, io_status, buffer,
                                  length, completion_filter, watch_tree, information_class):
    if information_class & 0xFFFFFFFF != 1:                   # DirectoryNotifyInformation
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    return NtNotifyChangeDirectoryFile(kernel, thread, handle, event_handle, apc_routine, apc_context, io_status,
                                       buffer, length, completion_filter, watch_tree)


# -- I/O completion ports
FileCompletionInformation = 30
IoCompletionBasicInformation = 0
FILE_IO_COMPLETION_INFORMATION_SIZE = 32


def _associate_completion_port(thread, handle, io_status, buffer, length):
    """FileCompletionInformation: the port (and key) an asynchronous file's completions go to."""
    if length < 16:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    port_handle, key = struct.unpack("<QQ", space.probe_read(buffer, 16))
    file = reference_file(thread, handle)
    port = thread.process.handles.lookup(port_handle, IoCompletion)
    if getattr(file, "completion", None) is not None:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    file.completion = (port, key)
    space.probe_write(io_status, _iosb.pack(STATUS_SUCCESS, 0))
    return STATUS_SUCCESS


FileIoCompletionNotificationInformation = 41
FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, FILE_SKIP_SET_EVENT_ON_HANDLE, FILE_SKIP_SET_USER_EVENT_ON_FAST_IO = 1, 2, 4


def _completion_modes(thread, handle, io_status, buffer, length, set_them):
    """FileIoCompletionNotificationInformation (SetFileCompletionNotificationModes): flags that,
    once set on the file object, stay set; the query reads them back."""
    if length < 4:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    file = reference_file(thread, handle)
    if set_them:
        flags = struct.unpack("<I", space.probe_read(buffer, 4))[0]
        if flags & ~(FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE
                     | FILE_SKIP_SET_USER_EVENT_ON_FAST_IO):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        file.completion_modes = getattr(file, "completion_modes", 0) | flags
    else:
        space.probe_write(buffer, struct.pack("<I", getattr(file, "completion_modes", 0)))
    space.probe_write(io_status, _iosb.pack(STATUS_SUCCESS, 4 if not set_them else 0))
    return STATUS_SUCCESS


def NtCreateIoCompletion(kernel, thread, handle_out, access, oa, concurrency):
    space = thread.process.space
    probe_for_write(space, handle_out, 8)
    if oa:
        _root, name, _attributes = capture_object_attributes(thread, oa)
        if name:
            raise NtStatusError(STATUS_NOT_IMPLEMENTED)        # named ports: not yet
    port = IoCompletion(kernel, concurrency & 0xFFFFFFFF)
    handle = thread.process.handles.insert(port, access & 0xFFFFFFFF)
    space.probe_write(handle_out, struct.pack("<Q", handle))
    return STATUS_SUCCESS


def NtSetIoCompletion(kernel, thread, handle, key, apc_context, status, information):
    port = thread.process.handles.lookup(handle, IoCompletion)
    port.post(Packet(key, apc_context, status & 0xFFFFFFFF, information))
    return STATUS_SUCCESS


def NtRemoveIoCompletion(kernel, thread, handle, key_ptr, apc_ptr, io_status_ptr, timeout_ptr):
    port = thread.process.handles.lookup(handle, IoCompletion)
    space = thread.process.space
    for va, size in ((key_ptr, 8), (apc_ptr, 8), (io_status_ptr, 16)):
        probe_for_write(space, va, size)
    result = port.remove(thread, (key_ptr, apc_ptr, io_status_ptr), 0, due_time(kernel, thread, timeout_ptr))
    if isinstance(result, list):
        for va, data in zip((key_ptr, apc_ptr, io_status_ptr), result[0].single(), strict=True):
            space.probe_write(va, data)
        return STATUS_SUCCESS
    return result                       # STATUS_TIMEOUT, or None while the thread waits


def NtRemoveIoCompletionEx(kernel, thread, handle, entries_ptr, count, removed_ptr, timeout_ptr, alertable):
    count &= 0xFFFFFFFF
    port = thread.process.handles.lookup(handle, IoCompletion)
    if count == 0:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    space = thread.process.space
    probe_for_write(space, entries_ptr, count * FILE_IO_COMPLETION_INFORMATION_SIZE)
    probe_for_write(space, removed_ptr, 4)
    result = port.remove(thread, (entries_ptr, removed_ptr), count, due_time(kernel, thread, timeout_ptr),
                         bool(alertable & 0xFF))
    if isinstance(result, list):
        space.probe_write(entries_ptr, b"".join(p.entry() for p in result))
        space.probe_write(removed_ptr, struct.pack("<I", len(result)))
        return STATUS_SUCCESS
    return result


def NtQueryIoCompletion(kernel, thread, handle, cls, buffer, length, returned_ptr):
    port = thread.process.handles.lookup(handle, IoCompletion)
    if cls & 0xFFFFFFFF != IoCompletionBasicInformation:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length & 0xFFFFFFFF != 4:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    space = thread.process.space
    space.probe_write(buffer, struct.pack("<i", port.depth))
    if returned_ptr:
        space.probe_write(returned_ptr, struct.pack("<I", 4))
    return STATUS_SUCCESS


# -- byte-range locks
def _lock_range(space, offset_ptr: int, length_ptr: int) -> tuple[int, int]:
    start = _q.unpack(space.probe_read(offset_ptr, 8))[0]
    length = _q.unpack(space.probe_read(length_ptr, 8))[0]
    if start < 0 or length < 0:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if start + length > 0x7FFFFFFFFFFFFFFF:
        raise NtStatusError(STATUS_INVALID_LOCK_RANGE)
    return start, length


def _lockable(thread, handle: int) -> FileObject:
    file = reference_file(thread, handle, FILE_READ_DATA | FILE_WRITE_DATA)
    if not isinstance(file.device, VolumeDevice) or file.fcb is None:
        raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
    if file.is_directory:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    return file


def NtLockFile(kernel, thread, handle, event_handle, apc_routine, apc_context, io_status, offset_ptr, length_ptr,
               key, fail_immediately, exclusive):
    file = _lockable(thread, handle)
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    start, length = _lock_range(space, offset_ptr, length_ptr)
    event = reference_event(thread, event_handle)
    if event is not None:
        event.reset()
    file.clear_event()
    status = file.fcb.locks.lock(kernel, thread, file, key & 0xFFFFFFFF, start, length, bool(exclusive & 0xFF),
                                 bool(fail_immediately & 0xFF), io_status, event)
    if status == STATUS_SUCCESS:
        complete(kernel, thread, file, event, io_status, STATUS_SUCCESS, 0)
    return status


def NtUnlockFile(kernel, thread, handle, io_status, offset_ptr, length_ptr, key):
    file = _lockable(thread, handle)
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    start, length = _lock_range(space, offset_ptr, length_ptr)
    file.fcb.locks.unlock(file, key & 0xFFFFFFFF, start, length)
    space.probe_write(io_status, _iosb.pack(STATUS_SUCCESS, 0))
    return STATUS_SUCCESS


# -- pipes
FILE_PIPE_BYTE_STREAM_TYPE, FILE_PIPE_MESSAGE_TYPE = 0, 1


def NtCreateNamedPipeFile(kernel, thread, handle_out, access, oa, io_status, share, disposition, options, pipe_type,
                          read_mode, completion_mode, max_instances, inbound_quota, outbound_quota, timeout_ptr):
    """A pipe's server end: a new pipe, or a new instance of one (byte mode; messages are bytes)."""
    space = thread.process.space
    access, share, disposition, options = (v & 0xFFFFFFFF for v in (access, share, disposition, options))
    max_instances = max_instances & 0xFFFFFFFF
    probe_for_write(space, handle_out, 8)
    probe_for_write(space, io_status, _iosb.size)
    read_offset(space, timeout_ptr)
    if disposition not in (FILE_CREATE, FILE_OPEN, FILE_OPEN_IF) or max_instances == 0 or \
            pipe_type & 0xFFFFFFFF > FILE_PIPE_MESSAGE_TYPE or read_mode & 0xFFFFFFFF > 1 or \
            completion_mode & 0xFFFFFFFF > 1 or share & ~7 or not share & 3:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    IopCheckCreateParameters(access, 0, share, disposition, options)
    packet = OpenPacket(access, 0, share, disposition, options)
    root_handle, name, attributes = capture_object_attributes(thread, oa)
    name = name or ""
    device = io_manager(kernel).pipes
    if root_handle:
        root = thread.process.handles.lookup(root_handle, FileObject)
        if root.device is not device:
            raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
        packet.root = root
        if name.startswith("\\"):
            raise NtStatusError(STATUS_OBJECT_PATH_SYNTAX_BAD)
        name = "\\" + name if name else ""
    else:
        found, name = ObpLookupObjectName(io_manager(kernel).namespace, name)
        if found is not device or not name.strip("\\"):
            raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    file, information = device.create_server(packet, name, max_instances, pipe_type & 0xFFFFFFFF,
                                             inbound_quota & 0xFFFFFFFF or 4096, outbound_quota & 0xFFFFFFFF or 4096)
    handle = thread.process.handles.insert(file, file.granted_access, attributes & OBJ_INHERIT)
    space.probe_write(handle_out, struct.pack("<Q", handle))
    space.probe_write(io_status, _iosb.pack(STATUS_SUCCESS, information))
    return STATUS_SUCCESS


FSCTL_GET_REPARSE_POINT = 0x000900A8


def NtFsControlFile(kernel, thread, handle, event_handle, apc_routine, apc_context, io_status, code, in_buffer,
                    in_length, out_buffer, out_length):
    code, in_length, out_length = code & 0xFFFFFFFF, in_length & 0xFFFFFFFF, out_length & 0xFFFFFFFF
    file = reference_file(thread, handle)
    space = thread.process.space
    probe_for_write(space, io_status, _iosb.size)
    input_data = space.probe_read(in_buffer, in_length) if in_length else b""
    probe_for_write(space, out_buffer, out_length)
    if isinstance(file.device, VolumeDevice) and code == FSCTL_GET_REPARSE_POINT:
        # The volume keeps no reparse points (no attribute says FILE_ATTRIBUTE_REPARSE_POINT and
        # symbolic links are not created), so every file answers as NTFS does for a plain one.
        raise NtStatusError(STATUS_NOT_A_REPARSE_POINT)
    if not isinstance(file.device, NamedPipeDevice):
        raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
    event = reference_event(thread, event_handle)
    if event is not None:
        event.reset()
    file.clear_event()
    status, data = file.device.fs_control(kernel, thread, file, code, input_data, out_length, io_status, event)
    if data is None:
        return status
    space.probe_write(out_buffer, data)
    complete(kernel, thread, file, event, io_status, status, len(data))
    return status


# name -> (handler, argument count), registered by kernel/ex/services.py
FILE_SERVICES = {
    "NtCreateFile": (NtCreateFile, (
        ("FileHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("IoStatusBlock", "p"),
        ("AllocationSize", "li"), ("FileAttributes", "u"), ("ShareAccess", "u"), ("CreateDisposition", "u"),
        ("CreateOptions", "u"), ("EaBuffer", "p"), ("EaLength", "u")
    )),
    "NtOpenFile": (NtOpenFile, (
        ("FileHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("IoStatusBlock", "p"),
        ("ShareAccess", "u"), ("OpenOptions", "u")
    )),
    "NtReadFile": (NtReadFile, (
        ("FileHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"), ("IoStatusBlock", "p"),
        ("Buffer", "p"), ("Length", "u"), ("ByteOffset", "li"), ("Key", "p")
    )),
    "NtWriteFile": (NtWriteFile, (
        ("FileHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"), ("IoStatusBlock", "p"),
        ("Buffer", "buf6"), ("Length", "u"), ("ByteOffset", "li"), ("Key", "p")
    )),
    "NtQueryInformationFile": (NtQueryInformationFile, (
        ("FileHandle", "h"), ("IoStatusBlock", "p"), ("FileInformation", "p"), ("Length", "u"),
        ("FileInformationClass", "u")
    )),
    "NtSetInformationFile": (NtSetInformationFile, (
        ("FileHandle", "h"), ("IoStatusBlock", "p"), ("FileInformation", "p"), ("Length", "u"),
        ("FileInformationClass", "u")
    )),
    "NtQueryDirectoryFile": (NtQueryDirectoryFile, (
        ("FileHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"), ("IoStatusBlock", "p"),
        ("FileInformation", "p"), ("Length", "u"), ("FileInformationClass", "u"), ("ReturnSingleEntry", "b"),
        ("FileName", "us"), ("RestartScan", "b")
    )),
    "NtQueryDirectoryFileEx": (NtQueryDirectoryFileEx, (
        ("FileHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"), ("IoStatusBlock", "p"),
        ("FileInformation", "p"), ("Length", "u"), ("FileInformationClass", "u"), ("QueryFlags", "u"),
        ("FileName", "us")
    )),
    "NtQueryAttributesFile": (NtQueryAttributesFile, (("ObjectAttributes", "oa"), ("FileInformation", "p"))),
    "NtQueryFullAttributesFile": (NtQueryFullAttributesFile, (("ObjectAttributes", "oa"), ("FileInformation", "p"))),
    "NtQueryVolumeInformationFile": (NtQueryVolumeInformationFile, (
        ("FileHandle", "h"), ("IoStatusBlock", "p"), ("FsInformation", "p"), ("Length", "u"),
        ("FsInformationClass", "u")
    )),
    "NtFlushBuffersFile": (NtFlushBuffersFile, (("FileHandle", "h"), ("IoStatusBlock", "p"))),
    "NtDeleteFile": (NtDeleteFile, (("ObjectAttributes", "oa"),)),
    "NtCancelIoFile": (NtCancelIoFile, (("FileHandle", "h"), ("IoStatusBlock", "p"))),
    "NtCancelIoFileEx": (NtCancelIoFileEx, (("FileHandle", "h"), ("IoRequestToCancel", "p"),
                                            ("IoStatusBlock", "p"))),
    "NtCreateNamedPipeFile": (NtCreateNamedPipeFile, (
        ("FileHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("IoStatusBlock", "p"),
        ("ShareAccess", "u"), ("CreateDisposition", "u"), ("CreateOptions", "u"), ("NamedPipeType", "u"),
        ("ReadMode", "u"), ("CompletionMode", "u"), ("MaximumInstances", "u"), ("InboundQuota", "u"),
        ("OutboundQuota", "u"), ("DefaultTimeout", "li")
    )),
    "NtFsControlFile": (NtFsControlFile, (
        ("FileHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"), ("IoStatusBlock", "p"),
        ("FsControlCode", "u"), ("InputBuffer", "p"), ("InputBufferLength", "u"), ("OutputBuffer", "p"),
        ("OutputBufferLength", "u")
    )),
    "NtDeviceIoControlFile": (NtDeviceIoControlFile, (
        ("FileHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"), ("IoStatusBlock", "p"),
        ("IoControlCode", "u"), ("InputBuffer", "p"), ("InputBufferLength", "u"), ("OutputBuffer", "p"),
        ("OutputBufferLength", "u")
    )),
    "NtCancelSynchronousIoFile": (NtCancelSynchronousIoFile, (
        ("ThreadHandle", "h"), ("IoRequestToCancel", "p"), ("IoStatusBlock", "p"))),
    "NtNotifyChangeDirectoryFile": (NtNotifyChangeDirectoryFile, (
        ("FileHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"), ("IoStatusBlock", "p"),
        ("Buffer", "p"), ("Length", "u"), ("CompletionFilter", "u"), ("WatchTree", "b"))),
    "NtNotifyChangeDirectoryFileEx": (NtNotifyChangeDirectoryFileEx, (
        ("FileHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"), ("IoStatusBlock", "p"),
        ("Buffer", "p"), ("Length", "u"), ("CompletionFilter", "u"), ("WatchTree", "b"),
        ("DirectoryNotifyInformationClass", "u"))),
    "NtCreateIoCompletion": (NtCreateIoCompletion, (
        ("IoCompletionHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("Count", "u"))),
    "NtSetIoCompletion": (NtSetIoCompletion, (
        ("IoCompletionHandle", "h"), ("KeyContext", "p"), ("ApcContext", "p"), ("IoStatus", "st"),
        ("IoStatusInformation", "n"))),
    "NtRemoveIoCompletion": (NtRemoveIoCompletion, (
        ("IoCompletionHandle", "h"), ("KeyContext", "pv"), ("ApcContext", "pv"), ("IoStatusBlock", "p"),
        ("Timeout", "li"))),
    "NtRemoveIoCompletionEx": (NtRemoveIoCompletionEx, (
        ("IoCompletionHandle", "h"), ("IoCompletionInformation", "p"), ("Count", "u"), ("NumEntriesRemoved", "pul"),
        ("Timeout", "li"), ("Alertable", "b"))),
    "NtQueryIoCompletion": (NtQueryIoCompletion, (
        ("IoCompletionHandle", "h"), ("IoCompletionInformationClass", "u"), ("IoCompletionInformation", "p"),
        ("IoCompletionInformationLength", "u"), ("ResultLength", "pul"))),
    "NtLockFile": (NtLockFile, (
        ("FileHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"), ("IoStatusBlock", "p"),
        ("ByteOffset", "li"), ("Length", "li"), ("Key", "u"), ("FailImmediately", "b"), ("ExclusiveLock", "b")
    )),
    "NtUnlockFile": (NtUnlockFile, (
        ("FileHandle", "h"), ("IoStatusBlock", "p"), ("ByteOffset", "li"), ("Length", "li"), ("Key", "u")
    )),
}
