"""Waits (KeWaitForSingleObject, KeWaitForMultipleObjects, KeDelayExecutionThread) and the
dispatcher objects threads wait on: events, mutants, semaphores (processes and threads are
dispatcher objects too, signalled when they end).

All of it is guest memory: the signal state in each object's DISPATCHER_HEADER, the waiters'
KWAIT_BLOCKs on its WaitListHead in arrival order (kernel/ke/waitblock.py), the thread's
WaitBlockList, WaitStatus and WaitReason, a mutant's OwnerThread and its link in the owner's
MutantListHead. Satisfying a wait writes the wait status into KTHREAD.WaitStatus and the
thread's trap frame, where KiSystemServiceExit returns it, boosts the thread by the
signaller's increment and readies it.
"""
import struct

from ..layouts import LAYOUTS
from ..ob.object import ObCreateObject, ObjectBody
from ..status import STATUS_ABANDONED_WAIT_0, STATUS_SUCCESS, STATUS_TIMEOUT, STATUS_USER_APC, STATUS_WAIT_0
from .apc import KiDeliverUserApc, user_apc_pending
from .dobject import DispatcherObject
from .kthread import OFF_MUTANT_LIST_HEAD
from .lists import InsertTailList, RemoveEntryList, list_entries
from .waitblock import KiInsertWaitBlocks, KiRemoveWaitBlocks, block_fields, waited_objects

WaitAll, WaitAny = 0, 1
NotificationEvent, SynchronizationEvent = 0, 1
EVENT_INCREMENT = SEMAPHORE_INCREMENT = MUTANT_INCREMENT = 1
WAIT_REASON_SUSPENDED, WAIT_REASON_USER_REQUEST, WAIT_REASON_DELAY = 5, 6, 4
_TF_RAX = LAYOUTS["KTRAP_FRAME"].offset("Rax")
_Q = struct.Struct("<Q")
_l = struct.Struct("<l")


# -- the objects
class KEvent(ObjectBody, DispatcherObject):
    type_name = "Event"

    def __init__(self, kernel, event_type: int, state: bool):
        self.address = ObCreateObject(kernel, "Event", LAYOUTS["KEVENT"].size)
        self.bind_header(kernel.system, self.address)
        self.bind_dispatcher_header(kernel.system, self.address, event_type)
        self.event_type = event_type
        self.signal_state = 1 if state else 0

    def satisfy(self, thread) -> bool:
        if self.event_type == SynchronizationEvent:
            self.signal_state = 0       # an auto-reset event releases one waiter
        return False

    def set(self, kernel) -> int:
        previous = self.signal_state
        if previous == 0:
            self.signal_state = 1
            KiWaitTest(kernel, self, EVENT_INCREMENT)
        return previous

    def reset(self) -> int:
        previous = self.signal_state
        self.signal_state = 0
        return previous

    def pulse(self, kernel) -> int:
        """Set, releasing whoever waits, then reset."""
        previous = self.set(kernel)
        self.signal_state = 0
        return previous


class KSemaphore(ObjectBody, DispatcherObject):
    type_name = "Semaphore"

    def __init__(self, kernel, count: int, limit: int):
        self.address = ObCreateObject(kernel, "Semaphore", LAYOUTS["KSEMAPHORE"].size)
        self.bind_header(kernel.system, self.address)
        self.bind_dispatcher_header(kernel.system, self.address, 5)     # SemaphoreObject
        self.signal_state = count
        _l.pack_into(self._dh_mem, self._dh_pa + 0x18, limit)

    @property
    def limit(self) -> int:
        return _l.unpack_from(self._dh_mem, self._dh_pa + 0x18)[0]

    def satisfy(self, thread) -> bool:
        self.signal_state -= 1
        return False


class KMutant(ObjectBody, DispatcherObject):
    """SignalState 1 is free; each acquisition by the owner takes it one lower. The owner
    holds it on its KTHREAD.MutantListHead (abandoned when the owner ends)."""

    type_name = "Mutant"
    _OFF_OWNER = LAYOUTS["KMUTANT"].offset("OwnerThread")
    _OFF_ABANDONED = LAYOUTS["KMUTANT"].offset("Abandoned")
    _OFF_ENTRY = LAYOUTS["KMUTANT"].offset("MutantListEntry")

    def __init__(self, kernel, owner=None):
        self.address = ObCreateObject(kernel, "Mutant", LAYOUTS["KMUTANT"].size)
        self.bind_header(kernel.system, self.address)
        self.bind_dispatcher_header(kernel.system, self.address, 2)     # MutantObject
        self._words = kernel.dispatcher.words
        self._words.objects[self.address] = self
        self.signal_state = 1
        if owner is not None:
            self.satisfy(owner)

    @property
    def owner(self):
        return self._words.threads.get(_Q.unpack_from(self._dh_mem, self._dh_pa + self._OFF_OWNER)[0])

    @property
    def abandoned(self) -> bool:
        return bool(self._dh_mem[self._dh_pa + self._OFF_ABANDONED])

    @abandoned.setter
    def abandoned(self, value: bool) -> None:
        self._dh_mem[self._dh_pa + self._OFF_ABANDONED] = 1 if value else 0

    def is_signalled_for(self, thread) -> bool:
        return self.signal_state > 0 or self.owner is thread

    def satisfy(self, thread) -> bool:
        """KiWaitSatisfyMutant; returns whether the waiter gets it abandoned
        (STATUS_ABANDONED_WAIT_n)."""
        self.signal_state -= 1
        abandoned = False
        if self.owner is None:
            _Q.pack_into(self._dh_mem, self._dh_pa + self._OFF_OWNER, thread.address)
            InsertTailList(self._words, thread.address + OFF_MUTANT_LIST_HEAD, self.address + self._OFF_ENTRY)
            abandoned = self.abandoned
            self.abandoned = False
        return abandoned

    def release(self, kernel, abandon: bool = False) -> int:
        """KeReleaseMutant; the caller checked ownership. Returns the previous SignalState."""
        previous = self.signal_state
        if abandon:
            self.signal_state = 1
            self.abandoned = True
        else:
            self.signal_state = previous + 1
        if self.signal_state == 1:
            if self.owner is not None:
                RemoveEntryList(self._words, self.address + self._OFF_ENTRY)
            _Q.pack_into(self._dh_mem, self._dh_pa + self._OFF_OWNER, 0)
            KiWaitTest(kernel, self, MUTANT_INCREMENT)
        return previous


def owned_mutants(kernel, thread) -> list:
    """The mutants on the thread's KTHREAD.MutantListHead, in the order it took them."""
    words = kernel.dispatcher.words
    return [words.objects[entry - KMutant._OFF_ENTRY]
            for entry in list_entries(words, thread.address + OFF_MUTANT_LIST_HEAD)]


# -- waiting
def _try_satisfy(thread, objects, wait_type):
    """The wait's status if it can be satisfied now (and then satisfies it), else None."""
    if wait_type == WaitAny:
        for index, obj in enumerate(objects):
            if obj.is_signalled_for(thread):
                return (STATUS_ABANDONED_WAIT_0 if obj.satisfy(thread) else STATUS_WAIT_0) + index
        return None
    for obj in objects:
        if not obj.is_signalled_for(thread):
            return None
    abandoned = False
    for obj in objects:
        abandoned |= obj.satisfy(thread)
    return STATUS_ABANDONED_WAIT_0 if abandoned else STATUS_WAIT_0


def KeWaitForMultipleObjects(kernel, thread, objects, wait_type: int, due: int | None,
                             reason: int = WAIT_REASON_USER_REQUEST, alertable: bool = False):
    """Returns the status at once when the wait is satisfied (or times out with a due time
    already passed, or is alertable with a user APC queued: STATUS_USER_APC, the APC on the way
    out); otherwise the thread waits and the service returns nothing yet."""
    status = _try_satisfy(thread, objects, wait_type)
    if status is not None:
        return status
    if alertable and _deliver_pending_apc(kernel, thread):
        return STATUS_USER_APC
    dispatcher = kernel.dispatcher
    if due is not None and due <= dispatcher.interrupt_time():
        return STATUS_TIMEOUT
    KiInsertWaitBlocks(kernel, thread, objects, wait_type)
    if due is not None:
        thread.wait_timer = dispatcher.clock.set_timer(
            due, lambda: KiUnwaitThread(kernel, thread, STATUS_TIMEOUT, 0))
    thread.wait_reason = reason
    thread.wait_alertable = alertable
    dispatcher.block(thread)
    return None


def _deliver_pending_apc(kernel, thread) -> bool:
    """KiCheckAlertability: an alertable wait with a user APC queued ends at once with it."""
    return user_apc_pending(thread) and KiDeliverUserApc(kernel, thread)


def KeDelayExecutionThread(kernel, thread, due: int, alertable: bool = False):
    dispatcher = kernel.dispatcher
    if alertable and _deliver_pending_apc(kernel, thread):
        return STATUS_USER_APC
    if due <= dispatcher.interrupt_time():
        return STATUS_SUCCESS
    KiInsertWaitBlocks(kernel, thread, (), WaitAny)
    thread.wait_alertable = alertable
    thread.wait_timer = dispatcher.clock.set_timer(due, lambda: KiUnwaitThread(kernel, thread, STATUS_SUCCESS, 0))
    thread.wait_reason = WAIT_REASON_DELAY
    dispatcher.block(thread, "wait")
    return None


def KiWaitTest(kernel, obj, increment: int) -> None:
    """The object became signalled: satisfy the waiters on its wait list, in order, while it
    stays signalled."""
    words = kernel.dispatcher.words
    for block in obj.waiting_blocks(words):
        if obj.signal_state <= 0 and not isinstance(obj, KMutant):
            break
        packet = words.packet_blocks.get(block)
        if packet is not None:          # a wait completion packet's block (kernel/ex/waitpacket.py)
            packet.object_signalled(obj)
            continue
        fields = block_fields(kernel, block)
        if fields is None:
            continue                    # its thread's wait ended meanwhile
        thread, _obj, key, wait_type = fields
        if not obj.is_signalled_for(thread):
            continue
        if wait_type == WaitAny:
            status = (STATUS_ABANDONED_WAIT_0 if obj.satisfy(thread) else STATUS_WAIT_0) + key
        else:
            status = _try_satisfy(thread, waited_objects(kernel, thread), WaitAll)
            if status is None:
                continue
        KiUnwaitThread(kernel, thread, status, increment)


def cancel_wait(kernel, thread) -> None:
    """Take the thread's wait blocks and timer out (the wait ended or the thread did)."""
    KiRemoveWaitBlocks(kernel, thread)
    timer = thread.wait_timer
    if timer is not None:
        thread.wait_timer = None
        kernel.dispatcher.clock.cancel(timer)


def KiUnwaitThread(kernel, thread, status: int, increment: int) -> None:
    cancel_wait(kernel, thread)
    thread.wait_alertable = False
    thread.wait_status = status
    _Q.pack_into(kernel.mem, kernel.trap_frame_pa(thread) + _TF_RAX, status & 0xFFFFFFFF)
    dispatcher = kernel.dispatcher
    if kernel.events.wants("unwait"):
        kernel.events.emit("unwait", time=dispatcher.now(), tid=thread.tid, status=status, increment=increment)
    dispatcher.boost(thread, increment)
    if thread.suspend_count:
        thread.suspended_wait = True
        thread.wait_reason = WAIT_REASON_SUSPENDED
    else:
        dispatcher.ready(thread)


def signal_object(kernel, obj, increment: int = 0) -> None:
    """A process or thread ended: it is signalled for good."""
    obj.signal_state = 1
    KiWaitTest(kernel, obj, increment)
