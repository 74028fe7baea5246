"""Thread services: NtTerminateThread, NtQueryInformationThread, NtContinue, NtYieldExecution."""
import struct

from unicorn.x86_const import UC_X86_REG_R12, UC_X86_REG_R13, UC_X86_REG_R14, UC_X86_REG_R15

from ..layouts import LAYOUTS, StructView
from ..ps.exit import PspExitThread
from ..ps.objects import Terminated
from ..status import (
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_INFO_CLASS,
    STATUS_NO_YIELD_PERFORMED,
    STATUS_SUCCESS,
    NtStatusError,
)
from .handles import reference_thread

ThreadBasicInformation = 0
ThreadAmILastThread = 12
USER_EFLAGS_MASK = 0x0CD5           # CF PF AF ZF SF TF DF OF: what user mode may set


def NtTerminateThread(kernel, thread, handle, status):
    target = thread if handle == 0 else reference_thread(thread, handle)
    PspExitThread(kernel, target, status & 0xFFFFFFFF)
    return None if target is thread else STATUS_SUCCESS


def NtQueryInformationThread(kernel, thread, handle, info_class, buffer, length, return_length):
    target = reference_thread(thread, handle)
    space = thread.process.space
    length &= 0xFFFFFFFF
    if info_class == ThreadAmILastThread:
        if length != 4:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        alive = [t for t in target.process.threads if t.state != Terminated]
        data = struct.pack("<I", 1 if alive == [target] else 0)
    elif info_class == ThreadBasicInformation:
        if length != 0x30:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        et = target.ethread
        data = struct.pack("<IxxxxQQQQIi", target.exit_status if target.state == Terminated else 0x103,
                           target.teb, target.process.pid, target.tid, target.process.affinity,
                           et.Tcb.Priority, target.process.base_priority)
    else:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    space.probe_write(buffer, data)
    if return_length:
        space.probe_write(return_length, struct.pack("<I", len(data)))
    return STATUS_SUCCESS


def NtContinue(kernel, thread, context_va, test_alert):
    """Resume the caller with a whole CONTEXT: the trap frame is rewritten and left via iretq."""
    ctx = thread.process.space.probe_read(context_va, 0x100)
    tf = StructView(kernel.system, thread.trap_frame, LAYOUTS["KTRAP_FRAME"])
    (rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15, rip) = \
        struct.unpack_from("<17Q", ctx, 0x78)
    eflags = struct.unpack_from("<I", ctx, 0x44)[0]
    tf.Rax, tf.Rcx, tf.Rdx, tf.Rbx, tf.Rbp, tf.Rsi, tf.Rdi = rax, rcx, rdx, rbx, rbp, rsi, rdi
    tf.R8, tf.R9, tf.R10, tf.R11 = r8, r9, r10, r11
    tf.Rip, tf.Rsp = rip, rsp
    tf.EFlags = (eflags & USER_EFLAGS_MASK) | 0x200
    tf.SegCs, tf.SegSs = 0x33, 0x2B
    tf.ExceptionActive = 1
    uc = kernel.machine.uc
    for reg, value in ((UC_X86_REG_R12, r12), (UC_X86_REG_R13, r13), (UC_X86_REG_R14, r14), (UC_X86_REG_R15, r15)):
        uc.reg_write(reg, value)
    return None


def NtYieldExecution(kernel, thread):
    """Give the processor to another ready thread of the same or higher priority, if any."""
    dispatcher = kernel.dispatcher
    if not dispatcher.ready_summary or dispatcher.ready_summary >> thread.ethread.Tcb.Priority == 0:
        return STATUS_NO_YIELD_PERFORMED
    dispatcher.stop_current()           # the run loop puts this thread at the back of its queue
    return STATUS_SUCCESS
