"""NtQueryDirectoryFile(Ex): a folder's entries in the directory information classes, filtered
by the search mask of the first query (kernel/io/wildcard.py), as many as fit or one at a time,
from where the previous query on the same open stopped (or from the start on a restart).

Entries come in NTFS's collation order (upcased names), `.` and `..` first in every folder but
the root; mount points appear in the folders above them.
"""
import struct

from ..status import (
    STATUS_BUFFER_OVERFLOW,
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_INFO_CLASS,
    STATUS_INVALID_PARAMETER,
    STATUS_NO_MORE_FILES,
    STATUS_NO_SUCH_FILE,
    STATUS_SUCCESS,
    NtStatusError,
)
from .info import (
    Facts,
    FileBothDirectoryInformation,
    FileDirectoryInformation,
    FileFullDirectoryInformation,
    FileIdBothDirectoryInformation,
    FileIdFullDirectoryInformation,
    FileNamesInformation,
)
from .wildcard import FsRtlIsNameInExpression

# class -> (offset of FileName, sizeof the structure: the least buffer a query takes)
DIRECTORY_CLASSES = {FileDirectoryInformation: (64, 72), FileFullDirectoryInformation: (68, 72),
                     FileBothDirectoryInformation: (94, 96), FileNamesInformation: (12, 16),
                     FileIdBothDirectoryInformation: (104, 112), FileIdFullDirectoryInformation: (80, 88)}


class DirectorySearch:
    """The enumeration state an open folder keeps between queries (the CCB's)."""

    def __init__(self, mask: str):
        self.mask = mask
        self.entries: list | None = None
        self.index = 0
        self.returned = False


def snapshot(io, node) -> list:
    """(name, node) of the folder now, dot entries first."""
    entries = io.volume.volume.list_directory(node)
    if node.components:
        parent = io.volume.volume.resolve(node.components[:-1])
        entries = [(".", node), ("..", parent)] + entries
    return entries


def encode_entry(io, cls: int, index: int, name: str, node) -> tuple[bytes, int]:
    """The entry's bytes (NextEntryOffset 0) and the offset of its FileName."""
    name_bytes = name.encode("utf-16-le")
    name_offset, _ = DIRECTORY_CLASSES[cls]
    if cls == FileNamesInformation:
        return struct.pack("<III", 0, index, len(name_bytes)) + name_bytes, name_offset
    facts = Facts(io, node)
    head = struct.pack("<II4qqqII", 0, index, *facts.times, facts.end_of_file, facts.allocation,
                       facts.attributes, len(name_bytes))
    if cls == FileDirectoryInformation:
        body = head
    elif cls == FileFullDirectoryInformation:
        body = head + struct.pack("<I", 0)
    elif cls == FileIdFullDirectoryInformation:
        body = head + struct.pack("<I4xq", 0, facts.file_id)
    else:
        body = head + struct.pack("<IB1x24s", 0, 0, b"")           # EaSize, ShortNameLength, ShortName
        if cls == FileIdBothDirectoryInformation:
            body += struct.pack("<Hq", 0, facts.file_id)
    assert len(body) == name_offset
    return body + name_bytes, name_offset


def query_directory(io, file, cls: int, length: int, single: bool, mask: str | None,
                    restart: bool) -> tuple[bytes, int]:
    """Returns (bytes for the buffer, status)."""
    if cls not in DIRECTORY_CLASSES:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length < DIRECTORY_CLASSES[cls][1]:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    if not file.is_directory:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    search = file.search
    if search is None or (restart and mask):
        search = file.search = DirectorySearch(mask or "*")
    if search.entries is None or restart:
        search.entries = snapshot(io, file.node)
        search.index = 0
        search.returned = False
    out = bytearray()
    last = None
    status = STATUS_SUCCESS
    while search.index < len(search.entries):
        name, node = search.entries[search.index]
        # "." and ".." answer a mask as "." does (as NTFS's do).
        if not FsRtlIsNameInExpression(search.mask, "." if name == ".." else name):
            search.index += 1
            continue
        entry, name_offset = encode_entry(io, cls, 0, name, node)      # NTFS: FileIndex 0
        start = (len(out) + 7) & ~7 if out else 0
        if start + len(entry) > length:
            if out:
                break
            # Not even the first entry fits: as much of it as does, and STATUS_BUFFER_OVERFLOW.
            out = bytearray(entry[:max(name_offset, length & ~1)])
            last = 0
            status = STATUS_BUFFER_OVERFLOW
            search.index += 1
            break
        if last is not None:
            struct.pack_into("<I", out, last, start - last)
        out.extend(b"\0" * (start - len(out)))
        last = start
        out.extend(entry)
        search.index += 1
        if single:
            break
    if last is None:
        raise NtStatusError(STATUS_NO_MORE_FILES if search.returned else STATUS_NO_SUCH_FILE)
    search.returned = True
    return bytes(out), status
