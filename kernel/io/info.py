"""File information classes: what NtQueryInformationFile returns and NtSetInformationFile
changes, with the I/O manager's length and access tables (IopQueryOperationLength/Access,
IopSetOperationLength/Access).
"""
import os
import struct

from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_BUFFER_OVERFLOW,
    STATUS_DISK_FULL,
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_INFO_CLASS,
    STATUS_INVALID_PARAMETER,
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_SUCCESS,
    NtStatusError,
)
from .access import DELETE, FILE_READ_ATTRIBUTES, FILE_READ_EA, FILE_WRITE_ATTRIBUTES, FILE_WRITE_DATA
from .disk import (
    FILE_DELETE_ON_CLOSE,
    FILE_NO_INTERMEDIATE_BUFFERING,
    FILE_SEQUENTIAL_ONLY,
    FILE_SYNCHRONOUS_IO_ALERT,
    FILE_SYNCHRONOUS_IO_NONALERT,
    FILE_WRITE_THROUGH,
    MAX_FILE_SIZE,
    VolumeDevice,
    host_error,
)

(FileDirectoryInformation, FileFullDirectoryInformation, FileBothDirectoryInformation, FileBasicInformation,
 FileStandardInformation, FileInternalInformation, FileEaInformation, FileAccessInformation, FileNameInformation,
 FileRenameInformation, FileLinkInformation, FileNamesInformation, FileDispositionInformation,
 FilePositionInformation, FileFullEaInformation, FileModeInformation, FileAlignmentInformation,
 FileAllInformation, FileAllocationInformation, FileEndOfFileInformation) = range(1, 21)
FileAlternateNameInformation = 21
FileStreamInformation = 22
FilePipeInformation = 23
FilePipeLocalInformation = 24
FileNetworkOpenInformation = 34
FileAttributeTagInformation = 35
FileIdBothDirectoryInformation = 37
FileIdFullDirectoryInformation = 38
FileNormalizedNameInformation = 48
FileIsRemoteDeviceInformation = 51
FileIdInformation = 59
FileDispositionInformationEx = 64
FileRenameInformationEx = 65
FileStatInformation = 68
FileCaseSensitiveInformation = 71
FileMaximumInformation = 76

QUERY_LENGTH = {FileAlternateNameInformation: 8, FileStreamInformation: 24, FilePipeInformation: 8,
                FilePipeLocalInformation: 40, FileBasicInformation: 40,
                FileStandardInformation: 24, FileInternalInformation: 8,
                FileEaInformation: 4, FileAccessInformation: 4, FileNameInformation: 8, FilePositionInformation: 8,
                FileModeInformation: 4, FileAlignmentInformation: 4, FileAllInformation: 0x68,
                FileNetworkOpenInformation: 56, FileAttributeTagInformation: 8, FileNormalizedNameInformation: 8,
                FileIsRemoteDeviceInformation: 1, FileIdInformation: 24, FileStatInformation: 72,
                FileCaseSensitiveInformation: 4}
QUERY_ACCESS = {FileBasicInformation: FILE_READ_ATTRIBUTES, FileAllInformation: FILE_READ_ATTRIBUTES,
                FileNetworkOpenInformation: FILE_READ_ATTRIBUTES, FileAttributeTagInformation: FILE_READ_ATTRIBUTES,
                FileEaInformation: FILE_READ_EA, FileStatInformation: FILE_READ_ATTRIBUTES}
SET_LENGTH = {FileBasicInformation: 40, FileRenameInformation: 24, FileLinkInformation: 24, FilePipeInformation: 8,
              FileDispositionInformation: 1,
              FilePositionInformation: 8, FileModeInformation: 4, FileAllocationInformation: 8,
              FileEndOfFileInformation: 8, FileDispositionInformationEx: 4, FileRenameInformationEx: 24}
SET_ACCESS = {FileBasicInformation: FILE_WRITE_ATTRIBUTES, FileRenameInformation: DELETE,
              FileRenameInformationEx: DELETE, FileDispositionInformation: DELETE,
              FileDispositionInformationEx: DELETE, FileAllocationInformation: FILE_WRITE_DATA,
              FileEndOfFileInformation: FILE_WRITE_DATA}
# FILE_DISPOSITION_INFORMATION_EX flags
FILE_DISPOSITION_DELETE = 0x1
FILE_DISPOSITION_POSIX_SEMANTICS = 0x2
FILE_DISPOSITION_ON_CLOSE = 0x8
FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE = 0x10
FILE_RENAME_REPLACE_IF_EXISTS = 0x1
FILE_RENAME_POSIX_SEMANTICS = 0x2
FILE_RENAME_IGNORE_READONLY_ATTRIBUTE = 0x40
CLUSTER = 4096
VOLUME_SERIAL = 0x494D544E


def allocation_of(size: int) -> int:
    return (size + CLUSTER - 1) // CLUSTER * CLUSTER


class Facts:
    """What the information classes report about one file or folder."""

    def __init__(self, io, node):
        self.times = io.file_times(node)
        self.attributes = io.file_attributes(node)
        self.is_dir = node.is_dir
        size, self.links = 0, 1
        if node.kind == "host" and not node.is_dir:
            try:
                st = os.stat(node.host)
                size, self.links = st.st_size, st.st_nlink
            except OSError:
                size = 0
        self.end_of_file = size
        self.allocation = allocation_of(size)
        self.file_id = io.file_id(node)

    def basic(self) -> bytes:
        return struct.pack("<4qI4x", *self.times, self.attributes)

    def network_open(self) -> bytes:
        return struct.pack("<4qqqI4x", *self.times, self.allocation, self.end_of_file, self.attributes)


def _name_info(name: str, length: int, header: int = 0) -> tuple[bytes, int]:
    """FILE_NAME_INFORMATION at offset `header` of a buffer of `length` bytes: the name cut to
    what fits, with STATUS_BUFFER_OVERFLOW when it did not."""
    data = name.encode("utf-16-le")
    room = max(0, length - header - 4) & ~1
    status = STATUS_SUCCESS if len(data) <= room else STATUS_BUFFER_OVERFLOW
    return struct.pack("<I", len(data)) + data[:room], status


def mode_of(file) -> int:
    return file.options & (FILE_WRITE_THROUGH | FILE_SEQUENTIAL_ONLY | FILE_NO_INTERMEDIATE_BUFFERING
                           | FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT | FILE_DELETE_ON_CLOSE) \
        | file.mode_flags


def query_information(io, file, cls: int, length: int) -> tuple[bytes, int]:
    """Returns (bytes for the caller's buffer, status)."""
    if cls <= 0 or cls >= FileMaximumInformation or cls not in QUERY_LENGTH:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length < QUERY_LENGTH[cls]:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    needed = QUERY_ACCESS.get(cls, 0)
    if needed and not file.granted_access & needed:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    # Answered by the I/O manager itself, for every kind of file
    if cls == FilePositionInformation:
        return struct.pack("<q", file.position), STATUS_SUCCESS
    if cls == FileModeInformation:
        return struct.pack("<I", mode_of(file)), STATUS_SUCCESS
    if cls == FileAccessInformation:
        return struct.pack("<I", file.granted_access), STATUS_SUCCESS
    if cls == FileAlignmentInformation:
        return struct.pack("<I", 0), STATUS_SUCCESS
    node = file.node
    if cls in (FilePipeInformation, FilePipeLocalInformation):
        if not hasattr(file.device, "pipe_information"):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        return file.device.pipe_information(file, cls), STATUS_SUCCESS
    if not isinstance(file.device, VolumeDevice) or node is None:
        if cls == FileStandardInformation:
            return struct.pack("<qqIBB2x", 0, 0, 1, 0, 0), STATUS_SUCCESS
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    facts = Facts(io, node)
    delete_pending = bool(file.fcb and file.fcb.delete_pending)
    standard = struct.pack("<qqIBB2x", facts.allocation, facts.end_of_file, 0 if file.fcb and file.fcb.deleted else
                           facts.links, delete_pending, facts.is_dir)
    if cls == FileBasicInformation:
        return facts.basic(), STATUS_SUCCESS
    if cls == FileStandardInformation:
        return standard, STATUS_SUCCESS
    if cls == FileInternalInformation:
        return struct.pack("<q", facts.file_id), STATUS_SUCCESS
    if cls == FileEaInformation:
        return struct.pack("<I", 0), STATUS_SUCCESS
    if cls in (FileNameInformation, FileNormalizedNameInformation):
        return _name_info(node.path, length)
    if cls == FileAllInformation:
        fixed = (facts.basic() + standard + struct.pack("<qIIqII", facts.file_id, 0, file.granted_access,
                                                          file.position, mode_of(file), 0))
        name, status = _name_info(node.path, length, len(fixed))
        return fixed + name, status
    if cls == FileNetworkOpenInformation:
        return facts.network_open(), STATUS_SUCCESS
    if cls == FileAttributeTagInformation:
        return struct.pack("<II", facts.attributes, 0), STATUS_SUCCESS
    if cls == FileAlternateNameInformation:
        raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)          # no 8.3 names on this volume
    if cls == FileStreamInformation:
        if facts.is_dir:
            return b"", STATUS_SUCCESS                              # a folder has no data stream
        name = "::$DATA".encode("utf-16-le")
        entry = struct.pack("<IIqq", 0, len(name), facts.end_of_file, facts.allocation) + name
        if len(entry) > length:
            return entry[:length], STATUS_BUFFER_OVERFLOW
        return entry, STATUS_SUCCESS
    if cls == FileIsRemoteDeviceInformation:
        return b"\0", STATUS_SUCCESS
    if cls == FileIdInformation:
        return struct.pack("<QQQ", VOLUME_SERIAL, facts.file_id, 0), STATUS_SUCCESS
    if cls == FileStatInformation:
        return struct.pack("<q4qqqIIII", facts.file_id, *facts.times, facts.allocation, facts.end_of_file,
                           facts.attributes, 0, 1, file.granted_access), STATUS_SUCCESS
    if cls == FileCaseSensitiveInformation:
        return struct.pack("<I", 0), STATUS_SUCCESS
    raise NtStatusError(STATUS_INVALID_INFO_CLASS)


def set_information(io, file, cls: int, data: bytes, resolve_target) -> None:
    """Apply one set class. resolve_target(root_handle, name) -> volume components, for renames."""
    if cls <= 0 or cls >= FileMaximumInformation or cls not in SET_LENGTH:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if len(data) < SET_LENGTH[cls]:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    needed = SET_ACCESS.get(cls, 0)
    if needed and not file.granted_access & needed:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    if cls == FilePositionInformation:
        (offset,) = struct.unpack_from("<q", data)
        if offset < 0:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        file.position = offset
        return
    if cls == FileModeInformation:
        (mode,) = struct.unpack_from("<I", data)
        sync_bits = FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT
        if mode & ~(FILE_WRITE_THROUGH | FILE_SEQUENTIAL_ONLY | sync_bits) or \
                (mode & sync_bits) != (file.options & sync_bits):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        file.mode_flags = mode & (FILE_WRITE_THROUGH | FILE_SEQUENTIAL_ONLY)
        return
    device, node = file.device, file.node
    if cls == FilePipeInformation:
        if not hasattr(device, "set_pipe_information"):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        device.set_pipe_information(file, data)
        return
    if not isinstance(device, VolumeDevice) or node is None:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if cls == FileBasicInformation:
        times = list(struct.unpack_from("<4q", data))
        (attrs,) = struct.unpack_from("<I", data, 32)
        if attrs and not node.is_dir and attrs & 0x10:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        if node.read_only or node.kind != "host":
            raise NtStatusError(STATUS_ACCESS_DENIED)
        io.set_times(node, times)
        if attrs:
            io.set_attributes(node, attrs & 0x7FA7)
        return
    if cls == FileDispositionInformation:
        device.set_disposition(file, bool(data[0]))
        return
    if cls == FileDispositionInformationEx:
        (flags,) = struct.unpack_from("<I", data)
        if flags & FILE_DISPOSITION_ON_CLOSE:
            file.delete_on_close = bool(flags & FILE_DISPOSITION_DELETE)
            if file.delete_on_close:
                device.check_deletable(node, bool(flags & FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE))
            return
        if flags & FILE_DISPOSITION_DELETE and flags & FILE_DISPOSITION_POSIX_SEMANTICS:
            device.delete_posix(file, bool(flags & FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE))
            return
        device.set_disposition(file, bool(flags & FILE_DISPOSITION_DELETE),
                               bool(flags & FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE))
        return
    if cls in (FileEndOfFileInformation, FileAllocationInformation):
        (size,) = struct.unpack_from("<q", data)
        if size < 0 or node.is_dir or node.kind != "host":
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        if size > MAX_FILE_SIZE:
            raise NtStatusError(STATUS_DISK_FULL)
        current = file.size()
        if cls == FileAllocationInformation and size >= current:
            return
        try:
            os.truncate(node.host, size)
        except OSError as e:
            raise host_error(e) from e
        io.touch(node)
        return
    if cls in (FileRenameInformation, FileRenameInformationEx, FileLinkInformation):
        flags = data[0] if cls != FileRenameInformationEx else struct.unpack_from("<I", data)[0]
        root, name_length = struct.unpack_from("<QI", data, 8)
        if name_length & 1 or 20 + name_length > len(data) or name_length == 0:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        name = data[20:20 + name_length].decode("utf-16-le", "replace")
        replace = bool(flags & FILE_RENAME_REPLACE_IF_EXISTS) if cls == FileRenameInformationEx else bool(flags)
        target = resolve_target(file, root, name)
        if cls == FileLinkInformation:
            device.link(file, target, replace)
        elif cls == FileRenameInformationEx:
            device.rename(file, target, replace, bool(flags & FILE_RENAME_POSIX_SEMANTICS),
                          bool(flags & FILE_RENAME_IGNORE_READONLY_ATTRIBUTE))
        else:
            device.rename(file, target, replace)
        return
    raise NtStatusError(STATUS_INVALID_INFO_CLASS)
