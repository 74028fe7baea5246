"""Object services: NtDuplicateObject (NtClose is with the process services)."""
import struct

from ..ob.handles import NT_CURRENT_PROCESS, NT_CURRENT_THREAD
from ..status import STATUS_INVALID_HANDLE, STATUS_PROCESS_IS_TERMINATING, STATUS_SUCCESS, NtStatusError
from .handles import reference_process

DUPLICATE_CLOSE_SOURCE = 0x1
DUPLICATE_SAME_ACCESS = 0x2
DUPLICATE_SAME_ATTRIBUTES = 0x4
OBJ_INHERIT = 0x2


def NtDuplicateObject(kernel, thread, source_process_handle, source_handle, target_process_handle,
                      target_handle_out, access, attributes, options):
    source = reference_process(thread, source_process_handle)
    # The pseudo-handles name the source process and the calling thread.
    if source_handle == NT_CURRENT_PROCESS:
        obj, granted, flags = source, 0x1FFFFF, 0
    elif source_handle == NT_CURRENT_THREAD:
        obj, granted, flags = thread, 0x1FFFFF, 0
    else:
        obj = source.handles.lookup(source_handle)
        granted = source.handles.access(source_handle)
        flags = source.handles.attributes(source_handle)
    if options & DUPLICATE_CLOSE_SOURCE and source_handle not in (NT_CURRENT_PROCESS, NT_CURRENT_THREAD):
        if not target_process_handle:
            source.handles.close(source_handle)
            return STATUS_SUCCESS
    target = reference_process(thread, target_process_handle) if target_process_handle else None
    if target is None:
        raise NtStatusError(STATUS_INVALID_HANDLE)
    if target.exited or target.handles is None:
        raise NtStatusError(STATUS_PROCESS_IS_TERMINATING)
    if target_handle_out:
        thread.process.space.probe_write(target_handle_out, b"\0" * 8)
    # the new entry's attributes: the source's (DUPLICATE_SAME_ATTRIBUTES) or HandleAttributes' OBJ_INHERIT
    flags = flags if options & DUPLICATE_SAME_ATTRIBUTES else attributes & OBJ_INHERIT
    handle = target.handles.insert(obj, granted if options & DUPLICATE_SAME_ACCESS else access & 0xFFFFFFFF, flags)
    if options & DUPLICATE_CLOSE_SOURCE and source_handle not in (NT_CURRENT_PROCESS, NT_CURRENT_THREAD):
        source.handles.close(source_handle)
    if target_handle_out:
        thread.process.space.probe_write(target_handle_out, struct.pack("<Q", handle))
    return STATUS_SUCCESS
