"""IoCreateFile: the checks of the create parameters, the name's walk through the object
namespace (ObpLookupObjectName) to a device, and that device's IRP_MJ_CREATE (IopParseDevice);
and IoOpenFileForKernel, the same path for the executive's own opens.
"""
from ..ob.namespace import ObpLookupObjectName
from ..status import (
    STATUS_INVALID_PARAMETER,
    STATUS_OBJECT_NAME_INVALID,
    STATUS_OBJECT_PATH_SYNTAX_BAD,
    STATUS_OBJECT_TYPE_MISMATCH,
    NtStatusError,
)
from .access import DELETE, FILE_APPEND_DATA, MAXIMUM_ALLOWED, SYNCHRONIZE, map_generic
from .disk import (
    FILE_CREATE,
    FILE_DELETE_ON_CLOSE,
    FILE_DIRECTORY_FILE,
    FILE_NO_INTERMEDIATE_BUFFERING,
    FILE_NON_DIRECTORY_FILE,
    FILE_OPEN,
    FILE_OPEN_IF,
    FILE_SYNCHRONOUS_IO_ALERT,
    FILE_SYNCHRONOUS_IO_NONALERT,
    FILE_WRITE_THROUGH,
)
from .iomgr import io_manager
from .share import FILE_SHARE_VALID_FLAGS

FILE_MAXIMUM_DISPOSITION = 5
FILE_VALID_OPTION_FLAGS = 0x00FFFFFF
FILE_ATTRIBUTE_VALID_FLAGS = 0x7FB7
FILE_COMPLETE_IF_OPLOCKED = 0x100
FILE_RESERVE_OPFILTER = 0x100000
FILE_OPEN_FOR_BACKUP_INTENT = 0x4000
FILE_OPEN_REPARSE_POINT = 0x200000
FILE_OPEN_FOR_FREE_SPACE_QUERY = 0x800000
FILE_OPEN_BY_FILE_ID = 0x2000
FILE_NO_COMPRESSION = 0x8000
FILE_OPEN_REQUIRING_OPLOCK = 0x10000
# What may accompany FILE_DIRECTORY_FILE (IoCreateFile's check)
DIRECTORY_OPTIONS = (FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT | FILE_WRITE_THROUGH
                     | FILE_COMPLETE_IF_OPLOCKED | FILE_OPEN_FOR_BACKUP_INTENT | FILE_DELETE_ON_CLOSE
                     | FILE_OPEN_FOR_FREE_SPACE_QUERY | FILE_OPEN_BY_FILE_ID | FILE_NO_COMPRESSION
                     | FILE_OPEN_REPARSE_POINT | FILE_OPEN_REQUIRING_OPLOCK)


class OpenPacket:
    """OPEN_PACKET: what the create asks, handed to the device's parse."""

    def __init__(self, access: int, attributes: int, share: int, disposition: int, options: int, root=None,
                 allocation: int = 0):
        self.maximum_allowed = bool(access & MAXIMUM_ALLOWED)
        self.access = map_generic(access) & ~MAXIMUM_ALLOWED
        self.attributes = attributes
        self.share = share
        self.disposition = disposition
        self.options = options
        self.root = root                    # a FileObject the name is relative to, or None
        self.allocation = allocation


def IopCheckCreateParameters(access: int, attributes: int, share: int, disposition: int, options: int) -> None:
    """IoCreateFile's validation, before any name is looked at."""
    if attributes & ~FILE_ATTRIBUTE_VALID_FLAGS or share & ~FILE_SHARE_VALID_FLAGS:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if disposition > FILE_MAXIMUM_DISPOSITION or options & ~FILE_VALID_OPTION_FLAGS:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    sync = options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT)
    if sync and not access & SYNCHRONIZE:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if sync == FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if options & FILE_DELETE_ON_CLOSE and not access & DELETE:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if options & FILE_DIRECTORY_FILE and (options & ~DIRECTORY_OPTIONS
                                          or disposition not in (FILE_CREATE, FILE_OPEN, FILE_OPEN_IF)):
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if options & FILE_DIRECTORY_FILE and options & FILE_NON_DIRECTORY_FILE:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if options & FILE_COMPLETE_IF_OPLOCKED and options & FILE_RESERVE_OPFILTER:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if options & FILE_NO_INTERMEDIATE_BUFFERING and map_generic(access) & FILE_APPEND_DATA:
        raise NtStatusError(STATUS_INVALID_PARAMETER)


def IoCreateFile(kernel, name: str, packet: OpenPacket, root=None, attributes: int = 0x40):
    """Open or create `name` (relative to `root`, a FileObject or an object directory, when given).
    Returns (FileObject, information: FILE_OPENED, FILE_CREATED ...)."""
    io = io_manager(kernel)
    if "\0" in name:
        raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
    if root is not None and hasattr(root, "device") and root.device is not None:
        # Relative to an open file: its device parses the rest (IopParseFile).
        if name.startswith("\\"):
            raise NtStatusError(STATUS_OBJECT_PATH_SYNTAX_BAD)
        packet.root = root
        return root.device.parse(packet, name)
    if root is None and not name:
        raise NtStatusError(STATUS_OBJECT_PATH_SYNTAX_BAD)
    obj, remaining = ObpLookupObjectName(io.namespace, name, root, attributes)
    if not hasattr(obj, "parse"):
        raise NtStatusError(STATUS_OBJECT_TYPE_MISMATCH)
    return obj.parse(packet, remaining)


def IoOpenFileForKernel(kernel, process, nt_path: str, access: int = 0x120089, share: int = 5):
    """Open an existing file by NT name for the executive (the image and ntdll at process
    creation): FILE_OPEN, synchronous, non-directory, through the same namespace walk and mount
    checks as a guest's NtOpenFile. Raises NtStatusError with the status NtOpenFile would return.
    `process` is the process the open is for (unused: no per-process device map yet)."""
    packet = OpenPacket(access | SYNCHRONIZE, 0, share, FILE_OPEN,
                        FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE)
    file, _ = IoCreateFile(kernel, nt_path, packet)
    return file


def dos_to_nt_path(path: str) -> str:
    """C:\\x -> \\??\\C:\\x (for the executive's own callers; guests do this in ntdll)."""
    if len(path) >= 2 and path[1] == ":":
        return "\\??\\" + path
    return path
