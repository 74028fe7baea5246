"""One processor's dispatcher database, in its KPRCB: the ready lists DispatcherReadyListHead[32]
(LIST_ENTRYs through each Ready thread's KTHREAD.WaitListEntry), the ReadySummary bitmap of the
non-empty ones, and CurrentThread/IdleThread. The dispatcher reads and writes these in guest
memory (64-bit words of the physical-memory buffer); a Prcb holds only their addresses and the
processor's virtual time, which has no Windows field.

Every link of a ready list is a nonpaged-pool address (a list head in a KPRCB, a KTHREAD's
WaitListEntry), so its high 32 bits are POOL_BASE's and its low 32 bits its offset in the pool:
the list operations read and write only a link's low half (Dispatcher.add_thread starts each
WaitListEntry as an empty list, so its high halves are the pool's from the start), which keeps
Python's integers small on the dispatcher's hottest path.

Called with the dispatcher lock held (there is one executive thread: always).
"""
from ..layouts import LAYOUTS
from ..mm.system import POOL_BASE
from .kthread import OFF_WAIT_LIST_ENTRY, Running

KPCR_PRCB = LAYOUTS["KPCR"].offset("Prcb")
KPRCB = LAYOUTS["KPRCB"]
assert not POOL_BASE & 0xFFFFFFFF, "a pool address is POOL_BASE's high half and its offset"
OFF_CURRENT = KPRCB.offset("CurrentThread")
OFF_NEXT = KPRCB.offset("NextThread")
OFF_IDLE = KPRCB.offset("IdleThread")
OFF_RSPBASE = KPRCB.offset("RspBase")
OFF_SUMMARY = KPRCB.offset("ReadySummary")
OFF_READY_HEADS = KPRCB.offset("DispatcherReadyListHead")
OFF_CONTEXT_SWITCHES = KPRCB.offset("KeContextSwitches")


class GuestWords:
    """The physical-memory buffer as 64- and 32-bit words, and the nonpaged pool's one linear
    offset (every KPRCB and KTHREAD lives there): physical = virtual - delta."""

    def __init__(self, system):
        view = memoryview(system.phys.buffer)
        self.q = view.cast("Q")
        self.d = view.cast("I")
        self.delta = POOL_BASE - system.kernel_pa(POOL_BASE)
        self.pool_pa = POOL_BASE - self.delta
        self.threads: dict = {}             # KTHREAD address -> its thread (the handle onto it)
        self.kthreads: dict = {}            # the same, by the KTHREAD's pool offset (a pointer's low half)
        self.entries: dict = {}             # the same, by its WaitListEntry's pool offset
        self.heads: dict = {}               # ready list head address -> (Prcb, priority)
        self.objects: dict = {}             # dispatcher object address -> its object, once waited on or owned
        self.packet_blocks: dict = {}       # KWAIT_BLOCK address -> the wait completion packet it belongs to


class Prcb:
    """The dispatcher's handle onto one processor's KPRCB."""

    def __init__(self, processor, system, words: GuestWords):
        self.number = processor.number
        self.processor = processor
        self.kpcr = processor.kpcr
        self.va = processor.kpcr + KPCR_PRCB
        self._pcr_pa = system.kernel_pa(processor.kpcr)
        pa = self.va - words.delta
        assert system.kernel_pa(self.va) == pa, "the KPRCB must be in nonpaged pool"
        self._words = words
        self._q = words.q
        self._d = words.d
        self._delta = words.delta
        self._mem = system.phys.buffer
        self._threads = words.threads
        self._summary = (pa + OFF_SUMMARY) >> 2
        self._switches = (pa + OFF_CONTEXT_SWITCHES) >> 2
        self._current = (pa + OFF_CURRENT) >> 3
        self._heads = self.va + OFF_READY_HEADS
        self._head_va = [self._heads + 16 * p for p in range(32)]
        self._head_ix = [(v - words.delta) >> 3 for v in self._head_va]       # its Flink, as a word
        self._head_off = [v & 0xFFFFFFFF for v in self._head_va]               # its pool offset
        self._head_words = [(i << 1, (i << 1) + 2) for i in self._head_ix]     # Flink's and Blink's low halves
        self._pool_pa = words.pool_pa
        self._entries = words.entries
        q = self._q
        for priority in range(32):           # InitializeListHead
            head = self._heads + 16 * priority
            i = (head - words.delta) >> 3
            q[i] = q[i + 1] = head
            words.heads[head] = (self, priority)
        self.idle_thread = None             # the handle onto the KTHREAD IdleThread points at
        self.time = 0                       # virtual time reached, in instructions

    # -- CurrentThread (None: the idle thread)
    @property
    def current(self):
        return self._threads.get(self._q[self._current])

    @current.setter
    def current(self, thread) -> None:
        self._q[self._current] = (thread or self.idle_thread).address

    @property
    def ready_summary(self) -> int:
        return self._d[self._summary]

    @property
    def idle(self) -> bool:
        current = self.current
        return (current is None or current.state != Running) and not self._d[self._summary]

    # -- the ready lists
    def insert(self, thread, priority: int, front: bool = False) -> None:
        """InsertTailList (InsertHeadList with `front`) on DispatcherReadyListHead[priority]."""
        d = self._d
        flink, blink = self._head_words[priority]       # the head's links' low halves, as 32-bit words
        head = self._head_off[priority]
        entry = thread.wait_list_offset                 # the thread's WaitListEntry: its pool offset
        e_flink, e_blink = thread.wait_list_words
        if front:
            first = d[flink]
            d[e_flink] = first                                              # Entry->Flink = first
            d[e_blink] = head                                               # Entry->Blink = head
            d[((self._pool_pa + first) >> 2) + 2] = entry                   # First->Blink = entry
            d[flink] = entry                                                # head->Flink = entry
            was_empty = first == head
        else:
            last = d[blink]
            d[e_flink] = head                                               # Entry->Flink = head
            d[e_blink] = last                                               # Entry->Blink = last
            d[(self._pool_pa + last) >> 2] = entry                          # Last->Flink = entry
            d[blink] = entry                                                # head->Blink = entry
            was_empty = last == head
        if was_empty:                   # a list that was not empty has its bit already
            d[self._summary] |= 1 << priority

    def pop(self, priority: int):
        """RemoveHeadList of a non-empty list; its summary bit goes when it empties."""
        d = self._d
        flink = self._head_words[priority][0]
        entry = d[flink]
        following = d[(self._pool_pa + entry) >> 2]
        d[flink] = following                                                # head->Flink = Entry->Flink
        head = self._head_off[priority]
        d[((self._pool_pa + following) >> 2) + 2] = head                    # Flink->Blink = head
        if following == head:
            d[self._summary] &= ~(1 << priority)
        return self._entries[entry]

    def threads_at(self, priority: int):
        """The list's threads, first to last (a snapshot: the caller may take one out)."""
        q = self._q
        delta = self._delta
        head = self._heads + 16 * priority
        entry = q[(head - delta) >> 3]
        threads = self._threads
        out = []
        while entry != head:
            out.append(threads[entry - OFF_WAIT_LIST_ENTRY])
            entry = q[(entry - delta) >> 3]
        return out


def remove_ready(words: GuestWords, thread) -> None:
    """RemoveEntryList of a Ready thread, whichever processor's list holds it; the list's
    summary bit goes when it empties."""
    d, pool = words.d, words.pool_pa
    e_flink, e_blink = thread.wait_list_words
    following, previous = d[e_flink], d[e_blink]
    d[(pool + previous) >> 2] = following                                   # Blink->Flink = Flink
    d[((pool + following) >> 2) + 2] = previous                             # Flink->Blink = Blink
    if following == previous:
        owner = words.heads.get(POOL_BASE + following)
        if owner is not None:
            prcb, priority = owner
            words.d[prcb._summary] &= ~(1 << priority)
