"""File I/O services (the console for now): NtWriteFile, NtQueryVolumeInformationFile."""
import struct

from ..io.console import ConsoleFile
from ..status import (
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_HANDLE,
    STATUS_INVALID_INFO_CLASS,
    STATUS_OBJECT_TYPE_MISMATCH,
    STATUS_SUCCESS,
    NtStatusError,
)

FileFsDeviceInformation = 4


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


def NtQueryVolumeInformationFile(kernel, thread, handle, io_status, buffer, length, info_class):
    """FileFsDeviceInformation only: FILE_FS_DEVICE_INFORMATION {DeviceType, Characteristics}."""
    process = thread.process
    if handle >= 0xFFFFFFFFFFFFFFF0:
        raise NtStatusError(STATUS_OBJECT_TYPE_MISMATCH if handle in (2**64 - 1, 2**64 - 2)
                            else STATUS_INVALID_HANDLE)
    file = process.handles.lookup(handle, ConsoleFile)
    if info_class & 0xFFFFFFFF != FileFsDeviceInformation:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length & 0xFFFFFFFF < 8:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    process.space.probe_write(buffer, struct.pack("<II", file.device_type(), 0))
    process.space.probe_write(io_status, struct.pack("<QQ", STATUS_SUCCESS, 8))
    return STATUS_SUCCESS
