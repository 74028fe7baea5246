"""Thread services: NtTerminateThread, NtQuery/SetInformationThread, NtContinue, NtYieldExecution."""
import struct

from ..ke.apc import KeInsertUserApc, KiDeliverUserApc, user_apc_pending
from ..ke.exception import CONTEXT_SIZE, KeContinue
from ..ke.kthread import Terminated
from ..ke.thrdobj import KeSetAffinityThread
from ..ps.exit import PspExitThread
from ..se.impersonate import PsImpersonateClient
from ..status import (
    STATUS_BUFFER_TOO_SMALL,
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_INFO_CLASS,
    STATUS_INVALID_PARAMETER,
    STATUS_NO_YIELD_PERFORMED,
    STATUS_SUCCESS,
    STATUS_UNSUCCESSFUL,
    NtStatusError,
)
from .handles import reference_thread
from .power_info import THREAD_CLASSES, query_power_info, set_power_info
from .process_vm import cycles
from .times import ThreadTimes, thread_times

ThreadBasicInformation = 0
ThreadPriority = 2
ThreadBasePriority = 3
ThreadAffinityMask = 4
ThreadImpersonationToken = 5
ThreadIdealProcessor = 13
ThreadPriorityBoost = 14          # KTHREAD.DisableBoost (Get/SetThreadPriorityBoost)
ThreadAmILastThread = 12
ThreadCycleTime = 23
ThreadNameInformation = 38          # THREAD_NAME_INFORMATION: a UNICODE_STRING (SetThreadDescription)
THREAD_NAME_INFORMATION_SIZE = 16
MAXIMUM_PROCESSORS = 64
THREAD_BASE_PRIORITY_LOWRT = 15     # saturate to the top of the class's range
THREAD_BASE_PRIORITY_IDLE = -15     # saturate to the bottom


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
        last = target.process.eprocess.ActiveThreads == 1 and target.state != Terminated
        data = struct.pack("<I", 1 if last else 0)
    elif info_class == ThreadBasicInformation:
        if length != 0x30:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        tcb = target.ethread.Tcb
        data = struct.pack("<IxxxxQQQQii", target.exit_status if target.state == Terminated else 0x103,
                           target.teb, target.process.pid, target.tid, tcb.Affinity.Mask,
                           tcb.Priority, tcb.BasePriority)
    elif info_class == ThreadPriorityBoost:
        if length != 4:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        data = struct.pack("<I", target.ethread.Tcb.DisableBoost)
    elif info_class == ThreadTimes:
        data = thread_times(target, length)
    elif info_class in THREAD_CLASSES:
        data = query_power_info(target, info_class, length, False)
    elif info_class == ThreadCycleTime:
        if length != 16:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        tcb = target.ethread.Tcb
        data = struct.pack("<QQ", cycles(kernel, tcb.UserTime + tcb.KernelTime), 0)
    elif info_class == ThreadNameInformation:
        # The UNICODE_STRING, its characters right after it (Buffer points there); a short buffer
        # is STATUS_BUFFER_TOO_SMALL with the size needed.
        name = getattr(target, "description", b"")
        needed = THREAD_NAME_INFORMATION_SIZE + len(name)
        if length < needed:
            if return_length:
                space.probe_write(return_length, struct.pack("<I", needed))
            raise NtStatusError(STATUS_BUFFER_TOO_SMALL if length >= THREAD_NAME_INFORMATION_SIZE
                                else STATUS_INFO_LENGTH_MISMATCH)
        data = struct.pack("<HHxxxxQ", len(name), len(name), buffer + THREAD_NAME_INFORMATION_SIZE if name else 0)
        data += name
    else:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    space.probe_write(buffer, data)
    if return_length:
        space.probe_write(return_length, struct.pack("<I", len(data)))
    return STATUS_SUCCESS


def _class_range(process_base: int) -> tuple[int, int]:
    return (16, 31) if process_base >= 16 else (1, 15)


def NtSetInformationThread(kernel, thread, handle, info_class, buffer, length):
    target = reference_thread(thread, handle)
    length &= 0xFFFFFFFF
    space = thread.process.space
    tcb = target.ethread.Tcb
    if info_class in (ThreadPriority, ThreadBasePriority):
        if length != 4:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        value = struct.unpack("<i", space.probe_read(buffer, 4))[0]
        if info_class == ThreadPriority:
            if not 1 <= value <= 31:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            kernel.dispatcher.set_priority(target, value)
        else:
            lo, hi = _class_range(target.process.base_priority)
            if value == THREAD_BASE_PRIORITY_LOWRT:
                base, saturation = hi, 1
            elif value == THREAD_BASE_PRIORITY_IDLE:
                base, saturation = lo, -1
            elif -2 <= value <= 2:
                base, saturation = min(max(target.process.base_priority + value, lo), hi), 0
            else:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            tcb.BasePriority = base
            tcb.Saturation = saturation
            kernel.dispatcher.set_priority(target, base)
    elif info_class == ThreadImpersonationToken:
        if length != 8:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        PsImpersonateClient(kernel, thread, target, struct.unpack("<Q", space.probe_read(buffer, 8))[0])
    elif info_class == ThreadAffinityMask:
        if length != 8:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        mask = struct.unpack("<Q", space.probe_read(buffer, 8))[0]
        if not mask or mask & ~target.process.affinity:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        tcb.Affinity.Mask = mask
        tcb.UserAffinity.Mask = mask
        KeSetAffinityThread(kernel, target)
    elif info_class == ThreadPriorityBoost:
        if length != 4:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        tcb.DisableBoost = 1 if struct.unpack("<I", space.probe_read(buffer, 4))[0] else 0
    elif info_class == ThreadIdealProcessor:
        if length != 4:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        number = struct.unpack("<I", space.probe_read(buffer, 4))[0]
        previous = tcb.IdealProcessor
        if number == MAXIMUM_PROCESSORS:
            return previous             # a query: the status is the ideal processor
        if number >= len(kernel.processors):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        tcb.IdealProcessor = number
        tcb.UserIdealProcessor = number
        return previous                 # SetThreadIdealProcessor's result: the previous one
    elif info_class == ThreadNameInformation:
        # SetThreadDescription: the thread keeps a copy of the UTF-16 name (an odd length or a
        # length beyond the maximum is STATUS_INVALID_PARAMETER).
        if length != THREAD_NAME_INFORMATION_SIZE:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        size, maximum, pointer = struct.unpack("<HHxxxxQ", space.probe_read(buffer, THREAD_NAME_INFORMATION_SIZE))
        if size & 1 or size > maximum or (size and not pointer):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        target.description = space.probe_read(pointer, size) if size else b""
    elif info_class in THREAD_CLASSES:
        set_power_info(target, info_class, space.probe_read(buffer, length) if length <= 0x100 else b"", False)
    else:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    return STATUS_SUCCESS


def NtContinue(kernel, thread, context_va, test_alert):
    """Resume the caller with a whole CONTEXT: the trap frame is rewritten and left via iretq.
    TestAlert (NtContinueEx: a BOOLEAN, or bit 0 of a KCONTINUE_ARGUMENT's ContinueFlags) then
    delivers the next queued user APC from that context, as KiUserApcDispatcher relies on."""
    ctx = thread.process.space.probe_read(context_va, CONTEXT_SIZE)
    if test_alert > 0xFF:
        test_alert = struct.unpack("<II", thread.process.space.probe_read(test_alert, 8))[1] & 1
    KeContinue(kernel, thread, ctx)
    if test_alert & 0xFF and user_apc_pending(thread):
        KiDeliverUserApc(kernel, thread, None)
    return None


def NtTestAlert(kernel, thread):
    """Deliver a queued user APC on the way out (the thread is not alerted otherwise)."""
    if user_apc_pending(thread):
        KiDeliverUserApc(kernel, thread, STATUS_SUCCESS)
        return None
    return STATUS_SUCCESS


def NtQueueApcThread(kernel, thread, handle, routine, argument1, argument2, argument3):
    """A user APC for the thread: routine(argument1, argument2, argument3) at its next alertable wait."""
    target = reference_thread(thread, handle)
    if not KeInsertUserApc(kernel, target, routine, argument1, argument2, argument3):
        raise NtStatusError(STATUS_UNSUCCESSFUL)
    return STATUS_SUCCESS


def NtYieldExecution(kernel, thread):
    """Give the processor to another ready thread of the same or higher priority, if any."""
    return STATUS_SUCCESS if kernel.dispatcher.yield_current(thread) else STATUS_NO_YIELD_PERFORMED
