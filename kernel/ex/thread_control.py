"""Thread life and control: NtCreateThreadEx, NtSuspendThread, NtResumeThread, NtSuspendProcess,
NtResumeProcess, NtGetContextThread, NtSetContextThread."""
import struct

from ..ke.kthread import Terminated
from ..ke.thrdobj import KeResumeThread, KeSuspendThread
from ..ke.usercontext import set_user_state, user_state
from ..ob.handles import NT_CURRENT_PROCESS
from ..ps.thread import PspCreateThread, PspInsertThread, PspResumeNewThread
from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_INVALID_PARAMETER,
    STATUS_PROCESS_IS_TERMINATING,
    STATUS_SUCCESS,
    STATUS_SUSPEND_COUNT_EXCEEDED,
    STATUS_THREAD_IS_TERMINATING,
    NtStatusError,
)
from .handles import reference_process, reference_thread

THREAD_CREATE_FLAGS_CREATE_SUSPENDED = 0x1
MAXIMUM_SUSPEND_COUNT = 127
CONTEXT_AMD64 = 0x100000
CONTEXT_CONTROL, CONTEXT_INTEGER, CONTEXT_SEGMENTS = 0x1, 0x2, 0x4
CONTEXT_SIZE = 0x4D0
_Q = struct.Struct("<Q")
_I = struct.Struct("<I")
# CONTEXT: Rax..R15 at 0x78 in the same order as the CPU's register file, Rip at 0xF8.
CTX_GPRS, CTX_RIP, CTX_EFLAGS, CTX_FLAGS = 0x78, 0xF8, 0x44, 0x30
USER_EFLAGS_MASK = 0x0CD5           # CF PF AF ZF SF TF DF OF: what user mode may set


def NtCreateThreadEx(kernel, thread, handle_out, access, attributes, process_handle, start, argument, flags,
                     zero_bits, stack_size, maximum_stack_size, attribute_list):
    process = reference_process(thread, process_handle)
    if process.exited:
        raise NtStatusError(STATUS_PROCESS_IS_TERMINATING)
    space = thread.process.space
    space.probe_write(handle_out, b"\0" * 8)
    if thread.process.handles.charge is not None:
        thread.process.handles.charge(len(thread.process.handles))   # the handle quota, before the thread
    oh = process.image.headers.OPTIONAL_HEADER
    commit = stack_size or oh.SizeOfStackCommit
    reserve = max(maximum_stack_size or oh.SizeOfStackReserve, commit)
    new = PspCreateThread(kernel, process, start, argument, reserve, commit, process.base_priority)
    suspended = bool(flags & THREAD_CREATE_FLAGS_CREATE_SUSPENDED)
    PspInsertThread(kernel, new, suspended)
    handle = thread.process.handles.insert(new)
    space.probe_write(handle_out, _Q.pack(handle))
    PspResumeNewThread(kernel, new)
    return STATUS_SUCCESS


def _suspend(kernel, target) -> int:
    """One more suspension of target (the first stops it); the count before."""
    if target.state == Terminated:
        raise NtStatusError(STATUS_THREAD_IS_TERMINATING)
    previous = target.suspend_count
    if previous >= MAXIMUM_SUSPEND_COUNT:
        raise NtStatusError(STATUS_SUSPEND_COUNT_EXCEEDED)
    target.suspend_count = previous + 1
    if previous == 0:
        KeSuspendThread(kernel, target)
    return previous


def _resume(kernel, target) -> int:
    previous = target.suspend_count
    if previous:
        target.suspend_count = previous - 1
        if previous == 1:
            KeResumeThread(kernel, target)
    return previous


def NtSuspendThread(kernel, thread, handle, previous_out):
    previous = _suspend(kernel, reference_thread(thread, handle))
    if previous_out:
        thread.process.space.probe_write(previous_out, _I.pack(previous))
    return STATUS_SUCCESS


def NtResumeThread(kernel, thread, handle, previous_out):
    previous = _resume(kernel, reference_thread(thread, handle))
    if previous_out:
        thread.process.space.probe_write(previous_out, _I.pack(previous))
    return STATUS_SUCCESS


# -- a whole process (PsSuspendProcess / PsResumeProcess): each of its threads once more
PROCESS_SUSPEND_RESUME = 0x0800


def _process_for_suspend(thread, handle):
    target = reference_process(thread, handle)
    if handle != NT_CURRENT_PROCESS and not thread.process.handles.access(handle) & PROCESS_SUSPEND_RESUME:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    if target.exited:
        raise NtStatusError(STATUS_PROCESS_IS_TERMINATING)
    return target


def NtSuspendProcess(kernel, thread, handle):
    target = _process_for_suspend(thread, handle)
    members = [t for t in target.threads if t.state != Terminated and t is not thread]
    if thread in target.threads:
        members.append(thread)              # the caller last: it stops on its way back to user mode
    for member in members:
        try:
            _suspend(kernel, member)
        except NtStatusError:               # one at its limit keeps its count, as PsSuspendProcess
            pass
    return STATUS_SUCCESS


def NtResumeProcess(kernel, thread, handle):
    target = _process_for_suspend(thread, handle)
    for member in [t for t in target.threads if t.state != Terminated]:
        _resume(kernel, member)
    return STATUS_SUCCESS


# -- CONTEXT: where a thread's user-mode registers are
def NtGetContextThread(kernel, thread, handle, context_ptr):
    target = reference_thread(thread, handle)
    space = thread.process.space
    flags = _I.unpack(space.probe_read(context_ptr + CTX_FLAGS, 4))[0]
    space.probe_read(context_ptr, CONTEXT_SIZE)
    regs, rip, eflags = user_state(kernel, target)
    if flags & CONTEXT_CONTROL & ~CONTEXT_AMD64:
        space.probe_write(context_ptr + 0x38, struct.pack("<H", 0x33))
        space.probe_write(context_ptr + 0x42, struct.pack("<H", 0x2B))
        space.probe_write(context_ptr + CTX_EFLAGS, _I.pack(eflags & 0xFFFFFFFF))
        space.probe_write(context_ptr + CTX_GPRS + 4 * 8, _Q.pack(regs[4]))
        space.probe_write(context_ptr + CTX_RIP, _Q.pack(rip))
    if flags & CONTEXT_INTEGER & ~CONTEXT_AMD64:
        for i in range(16):
            if i != 4:
                space.probe_write(context_ptr + CTX_GPRS + 8 * i, _Q.pack(regs[i]))
    if flags & CONTEXT_SEGMENTS & ~CONTEXT_AMD64:
        space.probe_write(context_ptr + 0x3A, struct.pack("<HHHH", 0x2B, 0x2B, 0x53, 0x2B))
    return STATUS_SUCCESS


def NtSetContextThread(kernel, thread, handle, context_ptr):
    target = reference_thread(thread, handle)
    if target.state == Terminated:
        raise NtStatusError(STATUS_THREAD_IS_TERMINATING)
    ctx = thread.process.space.probe_read(context_ptr, 0x100)
    flags = _I.unpack_from(ctx, CTX_FLAGS)[0]
    if flags & ~0x10001F & 0xFFFFFFFF and not flags & CONTEXT_AMD64:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    regs, rip, eflags = user_state(kernel, target)
    new = list(struct.unpack_from("<16Q", ctx, CTX_GPRS))
    if flags & CONTEXT_INTEGER:
        regs = [new[i] if i != 4 else regs[4] for i in range(16)]
    if flags & CONTEXT_CONTROL:
        regs[4] = new[4]
        rip = _Q.unpack_from(ctx, CTX_RIP)[0]
        eflags = (_I.unpack_from(ctx, CTX_EFLAGS)[0] & USER_EFLAGS_MASK) | 0x200
    set_user_state(kernel, target, regs, rip, eflags)
    return STATUS_SUCCESS if target is not thread else None
