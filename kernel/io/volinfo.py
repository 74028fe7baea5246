"""NtQueryVolumeInformationFile's classes: the volume a file lies on, or the device a handle is.

FileFsDeviceInformation is the I/O manager's own answer for any handle (the console's says what
the host's descriptor is); the others come from the C: volume's file system, with fixed,
deterministic figures (64 GiB, half free) rather than the host's.
"""
import struct

from ..ke.boot import BOOT_SYSTEM_TIME
from ..status import (
    STATUS_BUFFER_OVERFLOW,
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_DEVICE_REQUEST,
    STATUS_INVALID_INFO_CLASS,
    STATUS_SUCCESS,
    NtStatusError,
)
from .disk import VolumeDevice
from .info import VOLUME_SERIAL

(FileFsVolumeInformation, FileFsLabelInformation, FileFsSizeInformation, FileFsDeviceInformation,
 FileFsAttributeInformation, FileFsControlInformation, FileFsFullSizeInformation, FileFsObjectIdInformation,
 FileFsDriverPathInformation, FileFsVolumeFlagsInformation, FileFsSectorSizeInformation) = range(1, 12)
FileFsMaximumInformation = 15
FS_LENGTH = {FileFsVolumeInformation: 24, FileFsSizeInformation: 24, FileFsDeviceInformation: 8,
             FileFsAttributeInformation: 16, FileFsFullSizeInformation: 32, FileFsSectorSizeInformation: 28}
TOTAL_UNITS = 64 << 18                  # 64 GiB in 4 KiB clusters
FREE_UNITS = TOTAL_UNITS // 2
SECTORS_PER_UNIT, BYTES_PER_SECTOR = 8, 512
FILE_CASE_SENSITIVE_SEARCH, FILE_CASE_PRESERVED_NAMES, FILE_UNICODE_ON_DISK = 0x1, 0x2, 0x4
FILE_READ_ONLY_VOLUME = 0x80000


def _with_name(fixed: bytes, name: str, length: int) -> tuple[bytes, int]:
    data = name.encode("utf-16-le")
    room = max(0, length - len(fixed)) & ~1
    return fixed + data[:room], STATUS_SUCCESS if len(data) <= room else STATUS_BUFFER_OVERFLOW


def query_volume(io, file, cls: int, length: int) -> tuple[bytes, int]:
    if cls <= 0 or cls >= FileFsMaximumInformation or cls not in FS_LENGTH:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length < FS_LENGTH[cls]:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    device = file.device
    if cls == FileFsDeviceInformation:
        return struct.pack("<II", device.file_device_type(file), device.characteristics), STATUS_SUCCESS
    if not isinstance(device, VolumeDevice):
        raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
    if cls == FileFsVolumeInformation:
        label = ""
        fixed = struct.pack("<qIIB1x", BOOT_SYSTEM_TIME, VOLUME_SERIAL, len(label) * 2, 1)
        return _with_name(fixed, label, length)
    if cls == FileFsSizeInformation:
        return struct.pack("<qqII", TOTAL_UNITS, FREE_UNITS, SECTORS_PER_UNIT, BYTES_PER_SECTOR), STATUS_SUCCESS
    if cls == FileFsFullSizeInformation:
        return struct.pack("<qqqII", TOTAL_UNITS, FREE_UNITS, FREE_UNITS, SECTORS_PER_UNIT,
                           BYTES_PER_SECTOR), STATUS_SUCCESS
    if cls == FileFsAttributeInformation:
        attrs = FILE_CASE_SENSITIVE_SEARCH | FILE_CASE_PRESERVED_NAMES | FILE_UNICODE_ON_DISK
        if io.mounts.read_only:
            attrs |= FILE_READ_ONLY_VOLUME
        name = device.file_system
        return _with_name(struct.pack("<III", attrs, 255, len(name) * 2), name, length)
    if cls == FileFsSectorSizeInformation:
        return struct.pack("<7I", 512, 4096, 4096, 4096, 0xB, 0, 0), STATUS_SUCCESS
    raise NtStatusError(STATUS_INVALID_INFO_CLASS)
