"""Reaching other processes: NtOpenProcess and NtOpenThread by client id, and
NtReadVirtualMemory / NtWriteVirtualMemory (MmCopyVirtualMemory, a page at a time so that a
copy that stops part way says how far it came: STATUS_PARTIAL_COPY)."""
import struct

from ..status import (
    STATUS_ACCESS_VIOLATION,
    STATUS_INVALID_CID,
    STATUS_INVALID_PARAMETER_MIX,
    STATUS_PARTIAL_COPY,
    STATUS_PROCESS_IS_TERMINATING,
    STATUS_SUCCESS,
    NtStatusError,
)
from .handles import reference_process

MAXIMUM_ALLOWED, ALL_ACCESS = 0x02000000, 0x1FFFFF
OBJ_INHERIT = 0x2
_Q = struct.Struct("<Q")


def _client_id(space, object_attributes: int, client_id: int) -> tuple[int, int]:
    if object_attributes:
        name = _Q.unpack(space.probe_read(object_attributes + 0x10, 8))[0]
        if name and client_id:
            raise NtStatusError(STATUS_INVALID_PARAMETER_MIX)
    if not client_id:
        raise NtStatusError(STATUS_INVALID_PARAMETER_MIX)
    return struct.unpack("<QQ", space.probe_read(client_id, 16))


def _attributes(space, object_attributes: int) -> int:
    if not object_attributes:
        return 0
    return struct.unpack("<I", space.probe_read(object_attributes + 0x18, 4))[0] & OBJ_INHERIT


def _alive(process) -> bool:
    """Its id still names it: running, or ended with a handle still open to it."""
    return process.space is not None and (not process.exited or process.handle_count > 0)


def _granted(access: int) -> int:
    access &= 0xFFFFFFFF
    return ALL_ACCESS if access & MAXIMUM_ALLOWED else access


def NtOpenProcess(kernel, thread, handle_out, access, object_attributes, client_id):
    space = thread.process.space
    space.probe_write(handle_out, _Q.pack(0))
    pid, _tid = _client_id(space, object_attributes, client_id)
    target = next((p for p in kernel.processes if p.pid == pid and _alive(p)), None)
    if target is None:
        raise NtStatusError(STATUS_INVALID_CID)
    handle = thread.process.handles.insert(target, _granted(access), _attributes(space, object_attributes))
    space.probe_write(handle_out, _Q.pack(handle))
    return STATUS_SUCCESS


def NtOpenThread(kernel, thread, handle_out, access, object_attributes, client_id):
    space = thread.process.space
    space.probe_write(handle_out, _Q.pack(0))
    pid, tid = _client_id(space, object_attributes, client_id)
    target = None
    for process in kernel.processes:
        if (pid and process.pid != pid) or not _alive(process):
            continue
        target = next((t for t in process.threads if t.tid == tid), None)
        if target is not None:
            break
    if target is None:
        raise NtStatusError(STATUS_INVALID_CID)
    handle = thread.process.handles.insert(target, _granted(access), _attributes(space, object_attributes))
    space.probe_write(handle_out, _Q.pack(handle))
    return STATUS_SUCCESS


def _copy(kernel, thread, handle, source_va, dest_va, size, done_out, to_target: bool):
    """Copy size bytes, page by page, between the caller and the target process."""
    target = reference_process(thread, handle)
    if target.space is None or target.exited:
        raise NtStatusError(STATUS_PROCESS_IS_TERMINATING)
    caller = thread.process.space
    src_space, dst_space = (caller, target.space) if to_target else (target.space, caller)
    done, status = 0, STATUS_SUCCESS
    while done < size:
        chunk = min(size - done, 0x1000 - ((source_va + done) & 0xFFF), 0x1000 - ((dest_va + done) & 0xFFF))
        try:
            data = src_space.probe_read(source_va + done, chunk)
        except NtStatusError:
            status = STATUS_PARTIAL_COPY if not to_target else STATUS_ACCESS_VIOLATION
            break
        try:
            dst_space.probe_write(dest_va + done, data)
        except NtStatusError:
            status = STATUS_PARTIAL_COPY if to_target else STATUS_ACCESS_VIOLATION
            break
        done += chunk
    if to_target and done:
        kernel.flush_code()
    if done_out:
        caller.probe_write(done_out, _Q.pack(done))
    return status


def NtReadVirtualMemory(kernel, thread, handle, base, buffer, size, done_out):
    return _copy(kernel, thread, handle, base, buffer, size, done_out, to_target=False)


def NtWriteVirtualMemory(kernel, thread, handle, base, buffer, size, done_out):
    return _copy(kernel, thread, handle, buffer, base, size, done_out, to_target=True)
