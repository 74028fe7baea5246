"""The I/O manager's part of NtReadFile and NtWriteFile: where the transfer starts (the file
pointer of a synchronous open, or the ByteOffset an asynchronous one must give), the special
offsets, append-only opens, and the file pointer afterwards. The device does the transfer.
"""
from ..status import STATUS_ACCESS_DENIED, STATUS_INVALID_PARAMETER, NtStatusError
from .access import FILE_APPEND_DATA, FILE_READ_DATA, FILE_WRITE_DATA
from .disk import VolumeDevice

FILE_WRITE_TO_END_OF_FILE = -1          # ByteOffset 0xFFFFFFFF`FFFFFFFF
FILE_USE_FILE_POINTER_POSITION = -2     # ByteOffset 0xFFFFFFFF`FFFFFFFE


def needs_offset(file) -> bool:
    """An asynchronous open of a file-system file must say where each transfer goes."""
    return isinstance(file.device, VolumeDevice) and not file.synchronous


def _start(file, byte_offset: int | None) -> int | None:
    sync = file.synchronous
    if byte_offset is None or (byte_offset == FILE_USE_FILE_POINTER_POSITION and sync):
        if needs_offset(file):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        return file.position if sync else 0
    if byte_offset < 0:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    return byte_offset


def IopReadFile(file, byte_offset: int | None, length: int) -> bytes:
    if not file.granted_access & FILE_READ_DATA:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    offset = _start(file, byte_offset)
    data = file.device.read(file, offset, length)
    if file.synchronous:
        file.position = offset + len(data)
    return data


def IopWriteFile(file, byte_offset: int | None, data: bytes) -> int:
    access = file.granted_access
    if not access & (FILE_WRITE_DATA | FILE_APPEND_DATA):
        raise NtStatusError(STATUS_ACCESS_DENIED)
    append = not access & FILE_WRITE_DATA or byte_offset == FILE_WRITE_TO_END_OF_FILE
    offset = None if append else _start(file, byte_offset)
    if append and isinstance(file.device, VolumeDevice):
        offset = None
    written = file.device.write(file, offset, data)
    if file.synchronous:
        file.position = (file.size() if offset is None else offset + written)
    return written
