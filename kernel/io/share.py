"""Share access between the opens of one file (IoCheckShareAccess, IoSetShareAccess,
IoRemoveShareAccess).

Only data access takes part: an open asking for none of read/execute, write/append and delete
is neither checked nor recorded. A new open conflicts when it asks for an access an existing
open does not share, or shares less than an existing open uses.
"""
from ..status import STATUS_SHARING_VIOLATION, NtStatusError
from .access import DELETE, FILE_APPEND_DATA, FILE_EXECUTE, FILE_READ_DATA, FILE_WRITE_DATA

FILE_SHARE_READ, FILE_SHARE_WRITE, FILE_SHARE_DELETE = 1, 2, 4
FILE_SHARE_VALID_FLAGS = 7


def data_access(access: int) -> tuple[bool, bool, bool]:
    return (bool(access & (FILE_READ_DATA | FILE_EXECUTE)), bool(access & (FILE_WRITE_DATA | FILE_APPEND_DATA)),
            bool(access & DELETE))


def IoCheckShareAccess(fcb, access: int, share: int) -> None:
    read, write, delete = data_access(access)
    if not (read or write or delete):
        return
    for other in fcb.opens:
        o_read, o_write, o_delete = data_access(other.granted_access)
        o_share = other.share_access
        if (read and not o_share & FILE_SHARE_READ) or (write and not o_share & FILE_SHARE_WRITE) or \
                (delete and not o_share & FILE_SHARE_DELETE):
            raise NtStatusError(STATUS_SHARING_VIOLATION)
        if (o_read and not share & FILE_SHARE_READ) or (o_write and not share & FILE_SHARE_WRITE) or \
                (o_delete and not share & FILE_SHARE_DELETE):
            raise NtStatusError(STATUS_SHARING_VIOLATION)


def IoSetShareAccess(fcb, file, access: int, share: int) -> None:
    read, write, delete = data_access(access)
    file.record_access(read, write, delete, share)
    if read or write or delete:
        fcb.opens.append(file)


def IoRemoveShareAccess(fcb, file) -> None:
    if file in fcb.opens:
        fcb.opens.remove(file)
