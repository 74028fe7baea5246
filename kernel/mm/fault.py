"""MmAccessFault's user-mode half: what a not-present or protection fault on a user address
means. A touch of the stack's guard page grows the stack (MiCheckForUserStackOverflow) or, when
the growth would reach the reservation's last page, raises STATUS_STACK_OVERFLOW; any other
PAGE_GUARD page loses its guard and raises STATUS_GUARD_PAGE_VIOLATION once."""
from ..layouts import LAYOUTS, StructView
from ..status import STATUS_ACCESS_VIOLATION, STATUS_GUARD_PAGE_VIOLATION, STATUS_STACK_OVERFLOW
from .pte import PAGE_GUARD, PAGE_SIZE, pte_protection
from .virtual import commit_pages

USER_LIMIT = 0x800000000000
# What stays for the STATUS_STACK_OVERFLOW handler besides the guarantee: the x64 dispatcher
# and an unwind copy CONTEXTs (0x4D0 bytes each) on the way to the handler.
STACK_OVERFLOW_ROOM = 2 * PAGE_SIZE


def MmAccessFault(thread, va: int, write: bool, present: bool) -> int | None:
    """None when the fault is resolved (the instruction runs again), else the NTSTATUS to raise."""
    if va >= USER_LIMIT:
        return STATUS_ACCESS_VIOLATION
    space = thread.process.space
    thread.process.eprocess.Vm.Instance.PageFaultCount += 1
    page = va & ~(PAGE_SIZE - 1)
    protect = pte_protection(space.tables.get(page))
    if present or not protect & PAGE_GUARD:
        return STATUS_ACCESS_VIOLATION
    bottom, _, top = thread.user_stack
    if bottom <= page < top:
        return _MiCheckForUserStackOverflow(thread, page)
    commit_pages(space, page, page + PAGE_SIZE, protect & ~PAGE_GUARD)
    return STATUS_GUARD_PAGE_VIOLATION


def _MiCheckForUserStackOverflow(thread, page: int) -> int | None:
    """The guard page at `page` was touched: commit it and move the guard down, unless the new
    guard, the room the overflow handler needs and the thread's stack guarantee would reach the
    reservation's last page, which is never committed: then commit what is left above it (no
    guard is left: the next overflow is an access violation) and raise STATUS_STACK_OVERFLOW."""
    space = thread.process.space
    bottom, _, top = thread.user_stack
    teb = StructView(space, thread.teb, LAYOUTS["TEB"])
    guarantee = (teb.GuaranteedStackBytes + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)
    guard = page - PAGE_SIZE
    if guard - STACK_OVERFLOW_ROOM - guarantee >= bottom + PAGE_SIZE:
        commit_pages(space, page, page + PAGE_SIZE, 0x04)
        commit_pages(space, guard, page, 0x04 | PAGE_GUARD)
        limit = page
        status = None
    else:
        limit = min(page, bottom + PAGE_SIZE)
        commit_pages(space, limit, page + PAGE_SIZE, 0x04)
        status = STATUS_STACK_OVERFLOW
    thread.user_stack = (bottom, limit, top)
    teb.NtTib.StackLimit = limit
    return status


def MmProbeUserStack(thread, start: int, end: int) -> bool:
    """Before the kernel writes an exception frame to [start, end) of the user stack: the guard
    pages it covers grow the stack as a touch would. False when the frame cannot be written.
    A frame wholly outside the thread's stack reservation (a stack the program made itself, as
    Go's goroutines and fibers run on) is written where every page it covers is committed,
    writable and no guard page, as the probe for write of KiDispatchException finds it."""
    space = thread.process.space
    bottom, _, top = thread.user_stack
    if end <= bottom or start >= top:
        return all(pte_protection(space.tables.get(page)) & 0xFF in _WRITABLE
                   and not pte_protection(space.tables.get(page)) & PAGE_GUARD
                   for page in range(start & ~(PAGE_SIZE - 1), end, PAGE_SIZE))
    if not (bottom + PAGE_SIZE <= start and end <= top):
        return False
    for page in range((end - 1) & ~(PAGE_SIZE - 1), (start & ~(PAGE_SIZE - 1)) - 1, -PAGE_SIZE):
        protect = pte_protection(space.tables.get(page))
        if protect & PAGE_GUARD:
            _MiCheckForUserStackOverflow(thread, page)
            protect = pte_protection(space.tables.get(page))
        if protect & PAGE_GUARD or protect & 0xFF not in _WRITABLE:
            return False
    return True


_WRITABLE = (0x04, 0x08, 0x40, 0x80)
