"""NtQueryVirtualMemory's classes besides MemoryBasicInformation: the working set
(MemoryWorkingSetInformation: one MEMORY_WORKING_SET_BLOCK per resident page), the working-set
attributes of pages the caller names (MemoryWorkingSetExInformation) and the file a view maps
(MemoryMappedFilenameInformation: a UNICODE_STRING with its characters after it, the NT path)."""
import struct

from ..mm.pte import PAGE_SIZE, P, pte_protection
from ..mm.vad import MEM_IMAGE, MEM_MAPPED, MEM_PRIVATE
from ..mm.wsinfo import MiPresentUserPages
from ..status import (
    STATUS_BUFFER_OVERFLOW,
    STATUS_FILE_INVALID,
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_ADDRESS,
    NtStatusError,
)

MemoryWorkingSetInformation, MemoryMappedFilenameInformation, MemoryWorkingSetExInformation = 1, 2, 4
# Win32 protection -> the 5-bit MM protection a working-set entry carries.
_MM_PROTECTION = {0x02: 1, 0x10: 2, 0x20: 3, 0x04: 4, 0x08: 5, 0x40: 6, 0x80: 7}
_Q = struct.Struct("<Q")


def _entry_bits(space, va: int) -> tuple[int, bool]:
    """(MM protection, shared) of a resident page."""
    protect = pte_protection(space.tables.get(va)) & 0xFF
    vad = space.vads.find(va)
    shared = vad is not None and (vad.type != MEM_PRIVATE or not vad.owns_frames)
    return _MM_PROTECTION.get(protect, 0), shared


def working_set(space, length: int) -> tuple[bytes, int]:
    """MEMORY_WORKING_SET_INFORMATION: the entry count, then each page's block; a short buffer
    gets the count alone and STATUS_INFO_LENGTH_MISMATCH (the caller learns the size)."""
    pages = MiPresentUserPages(space)
    if length < 8:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    if length < 8 + 8 * len(pages):
        return _Q.pack(len(pages)), STATUS_INFO_LENGTH_MISMATCH
    out = [_Q.pack(len(pages))]
    for va in pages:
        protection, shared = _entry_bits(space, va)
        out.append(_Q.pack(va | protection | (shared << 5) | (shared << 8)))
    return b"".join(out), 0


def working_set_ex(space, entries: bytes) -> bytes:
    """Each MEMORY_WORKING_SET_EX_INFORMATION's VirtualAttributes for its VirtualAddress:
    Valid, ShareCount, Win32Protection, Shared for a resident page, 0 for any other."""
    out = []
    for i in range(0, len(entries) - 15, 16):
        va = _Q.unpack_from(entries, i)[0]
        page = va & ~(PAGE_SIZE - 1)
        attributes = 0
        if page < 0x800000000000 and space.tables.get(page) & P:
            _protection, shared = _entry_bits(space, page)
            protect = pte_protection(space.tables.get(page)) & 0x7FF
            attributes = 1 | (shared << 1) | (protect << 4) | (shared << 15)
        out.append(_Q.pack(va) + _Q.pack(attributes))
    return b"".join(out)


def mapped_filename(space, address: int, buffer: int, length: int) -> tuple[bytes, int]:
    """The NT path of the file the view at `address` maps; private memory is STATUS_INVALID_ADDRESS,
    a view of a section with no file STATUS_FILE_INVALID."""
    vad = space.vads.find(address)
    if vad is None or vad.type not in (MEM_MAPPED, MEM_IMAGE):
        raise NtStatusError(STATUS_INVALID_ADDRESS)
    section = vad.view if vad.type == MEM_MAPPED else None
    path = vad.name
    if (section is not None and section.file is None) or len(path) < 3 or path[1] != ":":
        raise NtStatusError(STATUS_FILE_INVALID)
    text = ("\\Device\\HarddiskVolume1" + path[2:]).encode("utf-16-le")
    size = 16 + len(text) + 2
    if length < size:
        return b"", size
    return struct.pack("<HHxxxxQ", len(text), len(text) + 2, buffer + 16) + text + b"\0\0", 0


def query_memory_class(target, caller, info_class: int, address: int, buffer: int, length: int,
                       return_length: int) -> int:
    """The data for one of the classes above written to the caller's buffer; the NTSTATUS."""
    status = 0
    if info_class == MemoryWorkingSetInformation:
        data, status = working_set(target, length)
    elif info_class == MemoryWorkingSetExInformation:
        data = working_set_ex(target, caller.probe_read(buffer, length - length % 16))
    else:
        data, needed = mapped_filename(target, address, buffer, length)
        if needed:
            if return_length:
                caller.probe_write(return_length, _Q.pack(needed))
            raise NtStatusError(STATUS_BUFFER_OVERFLOW)
    caller.probe_write(buffer, data)
    if return_length:
        caller.probe_write(return_length, _Q.pack(len(data)))
    return status
