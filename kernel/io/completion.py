"""I/O completion ports (KQUEUE and the io manager's iocomp): a queue of completion packets
(key, ApcContext, status, information) that threads take from with NtRemoveIoCompletion.

A file associated with a port (FileCompletionInformation) posts a packet for each asynchronous
transfer that completes; NtSetIoCompletion posts one directly. A thread that asks an empty port
waits; the next packet goes straight to the first waiter, whose output arguments are written
then, as KeRemoveQueue's waiter finds them. The concurrency limit is not enforced.
"""
import struct

from ..ke.dobject import DispatcherObject
from ..ke.wait import KeWaitForMultipleObjects, KiUnwaitThread, WaitAny
from ..ke.waitblock import waited_objects
from ..ob.object import ObCreateObject, ObjectBody
from ..status import STATUS_SUCCESS, STATUS_TIMEOUT

KQUEUE_SIZE = 0x40
QueueObject = 4                         # DISPATCHER_HEADER.Type of a KQUEUE


class Packet:
    __slots__ = ("key", "apc_context", "status", "information", "source")

    def __init__(self, key: int, apc_context: int, status: int, information: int, source=None):
        self.key, self.apc_context, self.status, self.information = key, apc_context, status, information
        self.source = source            # the wait completion packet that queued it (kernel/ex/waitpacket.py)

    def taken(self) -> None:
        if self.source is not None:
            self.source.dequeued()

    def single(self) -> tuple[bytes, bytes, bytes]:
        """What NtRemoveIoCompletion writes: KeyContext, ApcContext, IO_STATUS_BLOCK."""
        return (struct.pack("<Q", self.key), struct.pack("<Q", self.apc_context),
                struct.pack("<QQ", self.status & 0xFFFFFFFF, self.information))

    def entry(self) -> bytes:
        """FILE_IO_COMPLETION_INFORMATION, for NtRemoveIoCompletionEx."""
        return struct.pack("<QQQQ", self.key, self.apc_context, self.status & 0xFFFFFFFF, self.information)


class Waiter:
    """A thread in NtRemoveIoCompletion(Ex) on an empty port, and where its packets go."""

    def __init__(self, thread, outputs, count: int):
        self.thread = thread
        self.outputs = outputs          # (key_ptr, apc_ptr, iosb_ptr) or (entries_ptr, removed_ptr)
        self.count = count              # 0 for NtRemoveIoCompletion


class IoCompletion(ObjectBody, DispatcherObject):
    type_name = "IoCompletion"

    def __init__(self, kernel, concurrency: int):
        self.kernel = kernel
        self.address = ObCreateObject(kernel, "IoCompletion", KQUEUE_SIZE)
        self.bind_header(kernel.system, self.address)
        self.bind_dispatcher_header(kernel.system, self.address, QueueObject)
        self.concurrency = concurrency
        self.packets: list[Packet] = []
        self.waiters: list[Waiter] = []

    def is_signalled_for(self, thread) -> bool:
        return False                    # taken through NtRemoveIoCompletion, not by a plain wait

    @property
    def depth(self) -> int:
        return len(self.packets)

    def post(self, packet: Packet) -> None:
        """KeInsertQueue: to the first thread still waiting, else onto the queue."""
        while self.waiters:
            waiter = self.waiters.pop(0)
            if waiter.thread.wait is None or self not in waited_objects(self.kernel, waiter.thread):
                continue                # it timed out (or its wait ended) meanwhile
            self._deliver(waiter, [packet])
            return
        self.packets.append(packet)
        self.signal_state = len(self.packets)

    def _deliver(self, waiter: Waiter, packets: list[Packet]) -> None:
        space = waiter.thread.process.space
        if waiter.count == 0:
            for va, data in zip(waiter.outputs, packets[0].single(), strict=True):
                space.write(va, data)
        else:
            entries_ptr, removed_ptr = waiter.outputs
            space.write(entries_ptr, b"".join(p.entry() for p in packets))
            space.write(removed_ptr, struct.pack("<I", len(packets)))
        for packet in packets:
            packet.taken()
        KiUnwaitThread(self.kernel, waiter.thread, STATUS_SUCCESS, 1)

    def withdraw(self, packet: Packet) -> bool:
        """Take a packet still queued back off the port (NtCancelWaitCompletionPacket's)."""
        if packet not in self.packets:
            return False
        self.packets.remove(packet)
        self.signal_state = len(self.packets)
        return True

    def remove(self, thread, outputs, count: int, due: int | None, alertable: bool = False):
        """KeRemoveQueue: packets now (returns them), or a wait (returns None; the poster
        completes it), or STATUS_TIMEOUT at once for a zero timeout. An alertable wait
        (NtRemoveIoCompletionEx's) ends with STATUS_USER_APC when a user APC runs instead."""
        if self.packets:
            taken = self.packets[:max(count, 1)]
            del self.packets[:len(taken)]
            self.signal_state = len(self.packets)
            for packet in taken:
                packet.taken()
            return taken
        if due is not None and due <= self.kernel.interrupt_time():
            return STATUS_TIMEOUT
        # A thread is in one wait at a time: a waiter of its own still queued is one whose wait
        # timed out or was ended by an APC, and goes.
        self.waiters = [w for w in self.waiters if w.thread is not thread]
        waiter = Waiter(thread, outputs, count)
        self.waiters.append(waiter)
        status = KeWaitForMultipleObjects(self.kernel, thread, (self,), WaitAny, due, alertable=alertable)
        if status is not None:          # an APC was queued already: it runs instead
            self.waiters.remove(waiter)
        return status


def IopPostCompletion(file, apc_context: int, status: int, information: int) -> None:
    """An asynchronous transfer on `file` completed: its port, if it has one, gets the packet."""
    binding = getattr(file, "completion", None)
    if binding is not None and not file.synchronous:
        port, key = binding
        port.post(Packet(key, apc_context, status, information))
