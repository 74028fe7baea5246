"""Wait completion packets (NtCreateWaitCompletionPacket, NtAssociateWaitCompletionPacket,
NtCancelWaitCompletionPacket): a wait on a dispatcher object that, instead of waking a thread,
queues a completion packet to an I/O completion port. Go's runtime (>= 1.23) arms its timers so.

The packet's body is one KWAIT_BLOCK (this kernel's layout choice; Thread is 0, WaitType WaitDpc)
linked on the target's DISPATCHER_HEADER.WaitListHead, so KiWaitTest meets it among the threads'
blocks in arrival order and satisfies it like a WaitAny by a thread (an auto-reset event or timer
resets, a semaphore is decremented; a free mutant is not taken: no thread owns it). A packet is
idle, waiting (its block on the wait list) or queued (its completion on the port, not yet removed).
"""
import struct

from ..io.completion import IoCompletion, Packet
from ..ke.dobject import DispatcherObject
from ..ke.lists import InsertTailList, RemoveEntryList
from ..ke.wait import KMutant
from ..ke.waitblock import (
    BLOCK_SIZE,
    OFF_BLOCK_STATE,
    OFF_OBJECT,
    OFF_THREAD,
    OFF_WAIT_TYPE,
    WaitBlockActive,
    WaitBlockInactive,
)
from ..ob.access import ObpMapAccess
from ..ob.object import ObCreateObject, ObjectBody
from ..status import (
    STATUS_CANCELLED,
    STATUS_INVALID_PARAMETER_1,
    STATUS_NOT_IMPLEMENTED,
    STATUS_PENDING,
    STATUS_SUCCESS,
    NtStatusError,
)
from .sync import reference_waitable

WaitDpc = 4                             # KWAIT_TYPE of a block that wakes no thread
IDLE, WAITING, QUEUED = "idle", "waiting", "queued"
_BBH = struct.Struct("<BBH")
_Q = struct.Struct("<Q")


class WaitCompletionPacket(ObjectBody):
    type_name = "WaitCompletionPacket"

    def __init__(self, kernel):
        self.kernel = kernel
        self.address = ObCreateObject(kernel, "WaitCompletionPacket", BLOCK_SIZE)
        self.bind_header(kernel.system, self.address)
        self.state = IDLE
        self.target = None              # the object waited on, while WAITING
        self.port = None                # where the completion goes (or went, while QUEUED)
        self.completion = None          # the Packet: its contents, then the queued one

    # -- the wait block (KiWaitTest's side)
    def _insert_block(self, target: DispatcherObject) -> None:
        words = self.kernel.dispatcher.words
        pa = self.address - words.delta
        _BBH.pack_into(self.kernel.mem, pa + OFF_WAIT_TYPE, WaitDpc, WaitBlockActive, 0)
        _Q.pack_into(self.kernel.mem, pa + OFF_THREAD, 0)
        _Q.pack_into(self.kernel.mem, pa + OFF_OBJECT, target.dispatcher_header)
        words.objects[target.dispatcher_header] = target
        words.packet_blocks[self.address] = self
        InsertTailList(words, target.wait_list_head(), self.address)

    def _remove_block(self) -> None:
        words = self.kernel.dispatcher.words
        RemoveEntryList(words, self.address)
        self.kernel.mem[self.address - words.delta + OFF_BLOCK_STATE] = WaitBlockInactive
        words.packet_blocks.pop(self.address, None)
        self.target = None

    def object_signalled(self, obj) -> None:
        """KiWaitTest found this block on a signalled object: satisfy the wait, queue the packet."""
        if not _signalled(obj):
            return
        self._remove_block()
        _satisfy(obj)
        self._queue()

    # -- the port's side
    def _queue(self) -> None:
        self.state = QUEUED
        self.port.post(self.completion)

    def dequeued(self) -> None:
        """A thread removed the completion from the port (or it went straight to a waiter)."""
        if self.state == QUEUED:
            self.state = IDLE
            self.port = None

    def cancel(self, remove_signaled: bool) -> int:
        """NtCancelWaitCompletionPacket's contract: STATUS_SUCCESS when the wait (or, if asked,
        the queued completion) was taken back, STATUS_PENDING for a completion still queued
        that the caller did not ask to remove, STATUS_CANCELLED when nothing is associated."""
        if self.state == WAITING:
            self._remove_block()
            self.state, self.port = IDLE, None
            return STATUS_SUCCESS
        if self.state == QUEUED:
            if not remove_signaled or not self.port.withdraw(self.completion):
                return STATUS_PENDING
            self.state, self.port = IDLE, None
            return STATUS_SUCCESS
        return STATUS_CANCELLED

    def handle_closed(self) -> None:
        super().handle_closed()
        if self.handle_count == 0 and self.state == WAITING:
            self.cancel(False)          # the object goes: its wait ends; a queued packet stays


def _signalled(obj) -> bool:
    if isinstance(obj, KMutant):
        return obj.signal_state > 0
    return obj.is_signalled_for(None)


def _satisfy(obj) -> None:
    """What a satisfied WaitAny does to the object, with no thread to own a mutant."""
    if not isinstance(obj, KMutant):
        obj.satisfy(None)


def _reference(thread, handle: int) -> WaitCompletionPacket:
    return thread.process.handles.lookup(handle, WaitCompletionPacket)


def NtCreateWaitCompletionPacket(kernel, thread, handle_out, access, oa):
    space = thread.process.space
    space.probe_write(handle_out, b"\0" * 8)
    if oa:
        name_ptr = _Q.unpack(space.probe_read(oa + 0x10, 8))[0]
        if name_ptr:
            raise NtStatusError(STATUS_NOT_IMPLEMENTED)       # a named packet: not supported
    packet = WaitCompletionPacket(kernel)
    handle = thread.process.handles.insert(packet, ObpMapAccess("WaitCompletionPacket", access))
    space.probe_write(handle_out, _Q.pack(handle))
    return STATUS_SUCCESS


def NtAssociateWaitCompletionPacket(kernel, thread, packet_handle, port_handle, target_handle, key, apc_context,
                                    io_status, information, signaled_out):
    """Wait on the target for the port. Already signalled: the wait is satisfied at once and,
    when AlreadySignaled is given, TRUE goes there and no completion is queued (the caller
    handles it); without it the completion is queued now."""
    packet = _reference(thread, packet_handle)
    port = thread.process.handles.lookup(port_handle, IoCompletion)
    target = reference_waitable(thread, target_handle)
    space = thread.process.space
    if signaled_out:
        space.probe_write(signaled_out, b"\0")
    if packet.state != IDLE:
        raise NtStatusError(STATUS_INVALID_PARAMETER_1)       # "must not be in use"
    packet.port = port
    packet.completion = Packet(key, apc_context, io_status & 0xFFFFFFFF, information, source=packet)
    if _signalled(target):
        _satisfy(target)
        if signaled_out:
            space.probe_write(signaled_out, b"\1")
            packet.port = None
        else:
            packet._queue()
        return STATUS_SUCCESS
    packet.state, packet.target = WAITING, target
    packet._insert_block(target)
    return STATUS_SUCCESS


def NtCancelWaitCompletionPacket(kernel, thread, packet_handle, remove_signaled):
    return _reference(thread, packet_handle).cancel(bool(remove_signaled & 0xFF))


WAIT_PACKET_SERVICES = {
    "NtCreateWaitCompletionPacket": (NtCreateWaitCompletionPacket, (
        ("WaitCompletionPacketHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"))),
    "NtAssociateWaitCompletionPacket": (NtAssociateWaitCompletionPacket, (
        ("WaitCompletionPacketHandle", "h"), ("IoCompletionHandle", "h"), ("TargetObjectHandle", "h"),
        ("KeyContext", "p"), ("ApcContext", "p"), ("IoStatus", "st"), ("IoStatusInformation", "n"),
        ("AlreadySignaled", "p"))),
    "NtCancelWaitCompletionPacket": (NtCancelWaitCompletionPacket, (
        ("WaitCompletionPacketHandle", "h"), ("RemoveSignaledPacket", "b"))),
}
