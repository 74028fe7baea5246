"""File I/O services (the console for now)."""
import struct

from ..io.console import ConsoleFile
from ..status import STATUS_INVALID_HANDLE, STATUS_OBJECT_TYPE_MISMATCH, STATUS_SUCCESS, NtStatusError


def NtWriteFile(kernel, thread, handle, event, apc_routine, apc_context, io_status, buffer, length,
                byte_offset, key):
    process = thread.process
    if handle >= 0xFFFFFFFFFFFFFFF0:
        raise NtStatusError(STATUS_OBJECT_TYPE_MISMATCH if handle in (2**64 - 1, 2**64 - 2)
                            else STATUS_INVALID_HANDLE)
    file = process.handles.lookup(handle, ConsoleFile)
    length &= 0xFFFFFFFF
    data = process.space.probe_read(buffer, length)
    written = file.write(data)
    process.space.probe_write(io_status, struct.pack("<QQ", STATUS_SUCCESS, written))
    return STATUS_SUCCESS
