"""User-mode APCs (KeInsertQueueApc for UserMode, KiDeliverApc's user half, KiInitializeUserApc).

A user APC waits on its thread's queue (KTHREAD.ApcState: UserApcPending says the queue is not
empty) until the thread is alertable: an alertable wait or delay that finds one pending returns
STATUS_USER_APC at once; one already waiting ends with STATUS_USER_APC when one arrives. Either
way the thread leaves the kernel at ntdll!KiUserApcDispatcher with a CONTEXT of the interrupted
state (RAX = STATUS_USER_APC, the wait's result) on its stack whose home fields carry the call:
P1Home NormalContext, P2Home SystemArgument1, P3Home SystemArgument2, P4Home NormalRoutine. The
dispatcher calls the routine and NtContinue(context, TestAlert=TRUE), which delivers the next one;
a MACHINE_FRAME after the CONTEXT lets unwinding pass through the dispatcher's frame.
One APC is delivered per exit to user mode, in queue order (first in, first out).
"""
import struct

from ..layouts import LAYOUTS
from ..mm.fault import MmProbeUserStack
from ..status import STATUS_USER_APC
from .kthread import Terminated
from .usercontext import set_user_state, user_state

CONTEXT_SIZE = 0x4D0
FRAME_SIZE = CONTEXT_SIZE + 0x30        # the CONTEXT, then a MACHINE_FRAME (unwinding goes through it)
CONTEXT_CONTROL_INTEGER = 0x100003      # what the APC's CONTEXT holds (NtContinue keeps the XMM state)
C_FLAGS, C_SEGCS, C_EFLAGS, C_GPRS, C_RIP = 0x30, 0x38, 0x44, 0x78, 0xF8
_OFF_USER_APC_PENDING = (LAYOUTS["KTHREAD"].offset("ApcState")
                         + LAYOUTS["KAPC_STATE"].offset("UserApcPendingAll"))
USER_APC_PENDING_BIT = 0x2              # KAPC_STATE.UserApcPending
EFLAGS_TF, EFLAGS_DF = 0x100, 0x400


class UserApc:
    """A queued user-mode KAPC: the routine and its three arguments."""

    __slots__ = ("routine", "context", "argument1", "argument2")

    def __init__(self, routine: int, context: int, argument1: int, argument2: int):
        self.routine, self.context, self.argument1, self.argument2 = routine, context, argument1, argument2


def _queue(thread) -> list:
    queue = getattr(thread, "user_apcs", None)
    if queue is None:
        queue = thread.user_apcs = []
    return queue


def _mark(kernel, thread, pending: bool) -> None:
    pa = kernel.system.kernel_pa(thread.address + _OFF_USER_APC_PENDING)
    byte = kernel.mem[pa]
    kernel.mem[pa] = (byte | USER_APC_PENDING_BIT) if pending else (byte & ~USER_APC_PENDING_BIT)


def user_apc_pending(thread) -> bool:
    return bool(getattr(thread, "user_apcs", None))


def KeInsertUserApc(kernel, thread, routine: int, context: int, argument1: int, argument2: int) -> bool:
    """Queue a user APC; a thread in an alertable wait ends it with STATUS_USER_APC and runs
    the APC on its way out. False if the thread has ended."""
    if thread.state == Terminated:
        return False
    _queue(thread).append(UserApc(routine, context, argument1, argument2))
    _mark(kernel, thread, True)
    if getattr(thread, "wait_alertable", False):
        from .wait import KiUnwaitThread
        KiUnwaitThread(kernel, thread, STATUS_USER_APC, 0)
        KiDeliverUserApc(kernel, thread)
    return True


def KiDeliverUserApc(kernel, thread, status: int | None = STATUS_USER_APC) -> bool:
    """Send the thread (stopped in a service, current or not) to KiUserApcDispatcher with the
    first queued APC; `status` is what the service returns once the CONTEXT is resumed (None:
    the trap frame's RAX stays). False if there is none or its stack cannot hold the frame."""
    queue = getattr(thread, "user_apcs", None)
    if not queue:
        return False
    apc = queue.pop(0)
    if not queue:
        _mark(kernel, thread, False)
    regs, rip, eflags = user_state(kernel, thread)
    if status is not None:
        regs[0] = status & 0xFFFFFFFF
    rsp = regs[4]
    frame = (rsp - FRAME_SIZE) & ~0xF
    if not MmProbeUserStack(thread, frame, frame + FRAME_SIZE):
        return False
    ctx = bytearray(CONTEXT_SIZE)
    struct.pack_into("<4Q", ctx, 0, apc.context, apc.argument1, apc.argument2, apc.routine)
    struct.pack_into("<I", ctx, C_FLAGS, CONTEXT_CONTROL_INTEGER)
    struct.pack_into("<HHHHHHI", ctx, C_SEGCS, 0x33, 0x2B, 0x2B, 0x53, 0x2B, 0x2B, eflags & 0xFFFFFFFF)
    struct.pack_into("<16Q", ctx, C_GPRS, *regs)
    struct.pack_into("<Q", ctx, C_RIP, rip)
    thread.process.space.write(frame, bytes(ctx))
    thread.process.space.write(frame + CONTEXT_SIZE, struct.pack("<5Q", rip, 0x33, eflags, rsp, 0x2B))
    dispatcher = thread.process.ntdll.base + thread.process.ntdll.exports.by_name["KiUserApcDispatcher"]
    regs[4] = frame
    set_user_state(kernel, thread, regs, dispatcher, (eflags & ~(EFLAGS_TF | EFLAGS_DF)) | 0x200)
    if kernel.events.wants("apc"):
        kernel.events.emit("apc", time=kernel.dispatcher.now(), pid=thread.process.pid, tid=thread.tid,
                           routine=apc.routine, context=apc.context)
    return True
