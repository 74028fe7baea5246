"""Reserve, commit, decommit, release, protect and query user memory with NT's rules.

These are the Mm halves of NtAllocateVirtualMemory, NtFreeVirtualMemory,
NtProtectVirtualMemory and NtQueryVirtualMemory: arguments are already captured from the
caller; every failure raises NtStatusError with the status Windows returns.
"""
from typing import NamedTuple

from ..status import (
    STATUS_ALREADY_COMMITTED,
    STATUS_COMMITMENT_LIMIT,
    STATUS_CONFLICTING_ADDRESSES,
    STATUS_FREE_VM_NOT_AT_BASE,
    STATUS_INVALID_PAGE_PROTECTION,
    STATUS_INVALID_PARAMETER_2,
    STATUS_INVALID_PARAMETER_3,
    STATUS_INVALID_PARAMETER_4,
    STATUS_INVALID_PARAMETER_5,
    STATUS_MEMORY_NOT_ALLOCATED,
    STATUS_NO_MEMORY,
    STATUS_NOT_COMMITTED,
    STATUS_UNABLE_TO_FREE_VM,
    NtStatusError,
)
from .pte import PAGE_NOACCESS, PAGE_SIZE, PFN_MASK, P, make_user_pte, pte_protection, valid_protection
from .vad import (
    ALLOCATION_GRANULARITY,
    MEM_COMMIT,
    MEM_DECOMMIT,
    MEM_FREE,
    MEM_PRIVATE,
    MEM_RELEASE,
    MEM_RESERVE,
    MEM_RESET,
    MEM_TOP_DOWN,
    MM_HIGHEST_USER_ADDRESS,
    MM_LOWEST_USER_ADDRESS,
    Vad,
)

_ALLOWED_TYPES = MEM_COMMIT | MEM_RESERVE | MEM_RESET | MEM_TOP_DOWN | 0x20000000 | 0x400000  # LARGE, WRITE_WATCH


def _page_down(va: int) -> int:
    return va & ~(PAGE_SIZE - 1)


def _page_up(va: int) -> int:
    return (va + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)


def charge_commit(space, start: int, end: int) -> None:
    """MiChargeCommitment: the frames a commit of start-end needs must be free, else
    STATUS_COMMITMENT_LIMIT and nothing is committed (frames are given at commit time)."""
    pfn = space.pfn
    pages = (end - start) // PAGE_SIZE
    if _frames_needed(pages) <= pfn.available:
        return
    # Pages already committed need no frame; there cannot be more of them than frames in use.
    if _frames_needed(pages - pfn.in_use) <= pfn.available:
        tables = space.tables
        new = sum(1 for va in range(start, end, PAGE_SIZE) if not pte_protection(tables.get(va)))
        if _frames_needed(new) <= pfn.available:
            return
    raise NtStatusError(STATUS_COMMITMENT_LIMIT, f"a commit of {pages:,} pages; {pfn.available:,} frames are free "
                        "(--memory)")


def _frames_needed(pages: int) -> int:
    """Frames for `pages` pages and the page tables that map them."""
    return pages + pages // 512 + 3


def commit_pages(space, start: int, end: int, protect: int) -> None:
    """Give each page a zeroed frame (or a new protection if it has one); the new pages count
    in the space's commit charge, which its commit hook (a job's memory limits) may refuse."""
    charge_commit(space, start, end)
    tables = space.tables
    if space.commit_hook is not None:
        space.commit_hook(sum(1 for va in range(start, end, PAGE_SIZE) if not pte_protection(tables.get(va))))
    new = 0
    for va in range(start, end, PAGE_SIZE):
        pte = tables.get(va)
        if pte_protection(pte):
            tables.set(va, make_user_pte(pte & PFN_MASK, protect))
        else:
            tables.set(va, make_user_pte(space.pfn.allocate(), protect))
            new += 1
    space.commit_charge += new
    space.peak_commit_charge = max(space.peak_commit_charge, space.commit_charge)
    space.changed()


def decommit_pages(space, start: int, end: int) -> None:
    tables = space.tables
    freed = 0
    for va in range(start, end, PAGE_SIZE):
        pte = tables.get(va)
        if pte_protection(pte) or pte & P:
            space.pfn.free(pte & PFN_MASK)
            tables.set(va, 0)
            freed += 1
    space.commit_charge = max(space.commit_charge - freed, 0)
    space.changed()


def MmAllocateVirtualMemory(space, base: int, size: int, alloc_type: int, protect: int,
                            zero_bits: int = 0) -> tuple[int, int]:
    """Returns (base, size) as NtAllocateVirtualMemory writes them back."""
    if alloc_type & ~_ALLOWED_TYPES or not alloc_type & (MEM_COMMIT | MEM_RESERVE | MEM_RESET):
        raise NtStatusError(STATUS_INVALID_PARAMETER_5)
    if not valid_protection(protect):
        raise NtStatusError(STATUS_INVALID_PAGE_PROTECTION)
    if size == 0:
        raise NtStatusError(STATUS_INVALID_PARAMETER_4)
    if base > MM_HIGHEST_USER_ADDRESS or (base and base < MM_LOWEST_USER_ADDRESS):
        raise NtStatusError(STATUS_INVALID_PARAMETER_2)
    if size > MM_HIGHEST_USER_ADDRESS + 1 - max(base, MM_LOWEST_USER_ADDRESS):
        raise NtStatusError(STATUS_INVALID_PARAMETER_4)
    if 53 < zero_bits < 0x10000:
        raise NtStatusError(STATUS_INVALID_PARAMETER_3)
    vads = space.vads

    if alloc_type & MEM_RESERVE or base == 0:
        # Reserve: 64 KB-aligned start, page-rounded end.
        if base:
            start = base & ~(ALLOCATION_GRANULARITY - 1)
            end = _page_up(base + size)
            if end - 1 > MM_HIGHEST_USER_ADDRESS:
                raise NtStatusError(STATUS_INVALID_PARAMETER_4)
            if vads.overlaps(start, end):
                raise NtStatusError(STATUS_CONFLICTING_ADDRESSES)
        else:
            length = _page_up(size)
            highest = MM_HIGHEST_USER_ADDRESS + 1
            if 1 <= zero_bits <= 31:            # the top bits of a 32-bit address must be zero
                highest = min(highest, 1 << (32 - zero_bits))
            elif zero_bits > 31:                # a mask of the bits the address may use
                highest = min(highest, (1 << zero_bits.bit_length()))
            start = vads.find_free(length, top_down=bool(alloc_type & MEM_TOP_DOWN), highest=highest)
            if start is None:
                raise NtStatusError(STATUS_NO_MEMORY)
            end = start + length
        if alloc_type & MEM_COMMIT:
            charge_commit(space, start, end)
        vad = Vad(start, end, MEM_PRIVATE, protect)
        vads.insert(vad)
        if alloc_type & MEM_COMMIT:
            commit_pages(space, start, end, protect)
        return start, end - start

    # Commit inside an existing reservation.
    start = _page_down(base)
    end = _page_up(base + size)
    vad = vads.find(start)
    if vad is None or end > vad.end:
        raise NtStatusError(STATUS_CONFLICTING_ADDRESSES)
    if vad.type != MEM_PRIVATE:
        if alloc_type & MEM_COMMIT:
            if all(pte_protection(space.tables.get(va)) for va in range(start, end, PAGE_SIZE)):
                return start, end - start
            raise NtStatusError(STATUS_ALREADY_COMMITTED)
        raise NtStatusError(STATUS_CONFLICTING_ADDRESSES)
    if alloc_type & MEM_COMMIT:
        commit_pages(space, start, end, protect)
    return start, end - start


def MmFreeVirtualMemory(space, base: int, size: int, free_type: int) -> tuple[int, int]:
    if free_type not in (MEM_RELEASE, MEM_DECOMMIT) and free_type & ~0x3 not in (MEM_RELEASE, MEM_DECOMMIT):
        raise NtStatusError(STATUS_INVALID_PARAMETER_4)
    if base > MM_HIGHEST_USER_ADDRESS:
        raise NtStatusError(STATUS_INVALID_PARAMETER_2)
    vads = space.vads
    vad = vads.find(base)
    if vad is None:
        raise NtStatusError(STATUS_MEMORY_NOT_ALLOCATED)
    if vad.type != MEM_PRIVATE:
        raise NtStatusError(STATUS_UNABLE_TO_FREE_VM)
    if size == 0:
        if free_type & MEM_RELEASE and base != vad.start:
            raise NtStatusError(STATUS_FREE_VM_NOT_AT_BASE)
        start, end = (vad.start, vad.end) if free_type & MEM_RELEASE else (_page_down(base), vad.end)
    else:
        start, end = _page_down(base), _page_up(base + size)
        if end > vad.end:
            raise NtStatusError(STATUS_UNABLE_TO_FREE_VM)
    decommit_pages(space, start, end)
    if free_type & MEM_RELEASE:
        vads.remove(vad)
        # Releasing the middle of a reservation splits it (NtFreeVirtualMemory allows this).
        if vad.start < start:
            vads.insert(Vad(vad.start, start, vad.type, vad.protection))
        if end < vad.end:
            vads.insert(Vad(end, vad.end, vad.type, vad.protection))
    return start, end - start


def MmProtectVirtualMemory(space, base: int, size: int, new_protect: int) -> tuple[int, int, int]:
    """Returns (base, size, old protection of the first page)."""
    if not valid_protection(new_protect):
        raise NtStatusError(STATUS_INVALID_PAGE_PROTECTION)
    start, end = _page_down(base), _page_up(base + max(size, 1))
    vad = space.vads.find(start)
    if vad is None or end > vad.end:
        raise NtStatusError(STATUS_CONFLICTING_ADDRESSES if vad else STATUS_MEMORY_NOT_ALLOCATED)
    tables = space.tables
    ptes = [tables.get(va) for va in range(start, end, PAGE_SIZE)]
    if not all(pte_protection(p) for p in ptes):
        raise NtStatusError(STATUS_NOT_COMMITTED)
    old = pte_protection(ptes[0])
    for i, va in enumerate(range(start, end, PAGE_SIZE)):
        tables.set(va, make_user_pte(ptes[i] & PFN_MASK, new_protect))
    space.changed()
    return start, end - start, old


class BasicInformation(NamedTuple):
    """MEMORY_BASIC_INFORMATION's fields."""
    BaseAddress: int
    AllocationBase: int
    AllocationProtect: int
    RegionSize: int
    State: int
    Protect: int
    Type: int


def MmQueryVirtualMemory(space, address: int) -> BasicInformation:
    if address > MM_HIGHEST_USER_ADDRESS:
        raise NtStatusError(STATUS_INVALID_PARAMETER_2)
    page = _page_down(address)
    vad = space.vads.find(page)
    if vad is None:
        nxt = space.vads.next_after(page)
        end = nxt.start if nxt else MM_HIGHEST_USER_ADDRESS + 1
        return BasicInformation(page, 0, 0, end - page, MEM_FREE, PAGE_NOACCESS, 0)
    tables = space.tables
    first = pte_protection(tables.get(page))
    va = page + PAGE_SIZE
    while va < vad.end and pte_protection(tables.get(va)) == first:
        va += PAGE_SIZE
    state = MEM_COMMIT if first else MEM_RESERVE
    return BasicInformation(page, vad.start, vad.protection, va - page, state, first, vad.type)
