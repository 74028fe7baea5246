"""The memory manager's part of thread creation (NT's procsup.c): the TEBs below the PEB
(MiCreateTeb) and user stacks with their guard page."""
from ..status import STATUS_NO_MEMORY, NtStatusError
from .pte import PAGE_GUARD, PAGE_READWRITE, PAGE_SIZE
from .vad import MEM_PRIVATE, Vad
from .virtual import commit_pages

PEB_ADDRESS = 0x7FFFFFFDF000        # MmCreatePeb's page; TEBs are placed below it
TEB_SIZE = 2 * PAGE_SIZE


def MiCreateTeb(process, thread) -> int:
    """Below the PEB, top-down, two pages each."""
    va = PEB_ADDRESS - TEB_SIZE
    while process.space.vads.overlaps(va, va + TEB_SIZE):
        va -= TEB_SIZE
    process.space.vads.insert(Vad(va, va + TEB_SIZE, MEM_PRIVATE, PAGE_READWRITE, "TEB"))
    commit_pages(process.space, va, va + TEB_SIZE, PAGE_READWRITE)
    return va


def MmCreateUserStack(process, reserve: int, commit: int) -> tuple[int, int, int]:
    """Reserve the stack, commit its top and put a guard page below. Returns (base, limit, bottom)."""
    space = process.space
    reserve = max((reserve + 0xFFFF) & ~0xFFFF, 0x10000)
    commit = max((commit + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1), PAGE_SIZE)
    if commit >= reserve:               # RtlCreateUserStack: the reserve grows to the commit, in 1 MB
        reserve = (commit + 0xFFFFF) & ~0xFFFFF
    bottom = space.vads.find_free(reserve)
    if bottom is None:                  # more than the address space has room for
        raise NtStatusError(STATUS_NO_MEMORY, f"no room for a stack of {reserve:#x} bytes")
    space.vads.insert(Vad(bottom, bottom + reserve, MEM_PRIVATE, PAGE_READWRITE, "Stack"))
    top = bottom + reserve
    limit = top - commit
    commit_pages(space, limit, top, PAGE_READWRITE)
    if limit - PAGE_SIZE >= bottom:
        commit_pages(space, limit - PAGE_SIZE, limit, PAGE_READWRITE | PAGE_GUARD)
    return top, limit, bottom
