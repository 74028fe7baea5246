"""Executive timer objects (NT's ex/timer.c over ke's KTIMER): NtCreateTimer, NtOpenTimer, NtSetTimer,
NtSetTimerEx, NtCancelTimer, NtQueryTimer.

A timer is a dispatcher object in guest memory (a KTIMER: Header.Type TimerNotificationObject 8 or
TimerSynchronizationObject 9, DueTime, Period); it is signalled when its due time passes on the
virtual clock. A notification timer stays signalled and releases every waiter; a synchronization
timer releases one and resets. A period re-arms it, counted from the due time (no drift). A due
time is relative (negative, 100 ns units) or an absolute system time, converted to interrupt time
once (the virtual clock is never set). An APC routine given to NtSetTimer is queued to the thread
that set the timer at each expiry, with the expiry's system time split in two ULONGs, as
PTIMER_APC_ROUTINE receives it (kernel/ke/apc.py delivers it at that thread's next alertable wait).
"""
import struct

from ..ke.apc import KeInsertUserApc
from ..ke.dobject import DispatcherObject
from ..ke.wait import KiWaitTest
from ..layouts import LAYOUTS
from ..ob.namespace import NamedObject, _create_named, _open_named
from ..ob.object import ObCreateObject
from ..status import (
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_INFO_CLASS,
    STATUS_INVALID_PARAMETER,
    STATUS_INVALID_PARAMETER_6,
    STATUS_SUCCESS,
    STATUS_TIMER_RESUME_IGNORED,
    NtStatusError,
)

NotificationTimer, SynchronizationTimer = 0, 1
TimerNotificationObject, TimerSynchronizationObject = 8, 9
TIMER_INCREMENT = 0
TimerBasicInformation = 0
TimerSetCoalescableTimer = 0
_KTIMER = LAYOUTS["KTIMER"]
_OFF_DUE, _OFF_PERIOD = _KTIMER.offset("DueTime"), _KTIMER.offset("Period")
_q, _Q, _I = struct.Struct("<q"), struct.Struct("<Q"), struct.Struct("<I")
# TIMER_SET_COALESCABLE_TIMER_INFO: DueTime, TimerApcRoutine, TimerContext, WakeContext, Period,
# TolerableDelay, PreviousState
_COALESCABLE = struct.Struct("<qQQQII Q")


class KTimer(NamedObject, DispatcherObject):
    type_name = "Timer"

    def __init__(self, kernel, timer_type: int):
        self.kernel = kernel
        self.address = ObCreateObject(kernel, "Timer", _KTIMER.size)
        self.bind_header(kernel.system, self.address)
        self.bind_dispatcher_header(kernel.system, self.address,
                                    TimerSynchronizationObject if timer_type == SynchronizationTimer
                                    else TimerNotificationObject)
        self.timer_type = timer_type
        self.signal_state = 0
        self.pending = None             # the clock's Timer while this one is set
        self.apc = None                 # (thread, routine, context) of the last NtSetTimer

    # -- the KTIMER's fields
    @property
    def due_time(self) -> int:
        return _Q.unpack_from(self._dh_mem, self._dh_pa + _OFF_DUE)[0]

    def _write(self, due: int, period_ms: int) -> None:
        _Q.pack_into(self._dh_mem, self._dh_pa + _OFF_DUE, due)
        _I.pack_into(self._dh_mem, self._dh_pa + _OFF_PERIOD, period_ms)

    @property
    def period(self) -> int:
        return _I.unpack_from(self._dh_mem, self._dh_pa + _OFF_PERIOD)[0]

    # -- the dispatcher's view
    def satisfy(self, thread) -> bool:
        if self.timer_type == SynchronizationTimer:
            self.signal_state = 0       # a synchronization timer releases one waiter
        return False

    # -- KeSetTimerEx / KeCancelTimer
    def set(self, due: int, period_ms: int, apc) -> bool:
        """Arm the timer for interrupt time `due`; returns whether it was set before."""
        was_set = self.cancel()
        self.signal_state = 0
        self.apc = apc
        self._arm(due, period_ms)
        return was_set

    def _arm(self, due: int, period_ms: int) -> None:
        self._write(due, period_ms)
        self.pending = self.kernel.dispatcher.clock.set_timer(due, self._expire)

    def cancel(self) -> bool:
        was_set = self.pending is not None
        if was_set:
            self.kernel.dispatcher.clock.cancel(self.pending)
            self.pending = None
        return was_set

    def _expire(self) -> None:
        """KiTimerExpiration for this timer: signal it, queue its APC, re-arm a periodic one."""
        self.pending = None
        due = self.due_time
        self.signal_state = 1
        KiWaitTest(self.kernel, self, TIMER_INCREMENT)
        if self.apc is not None:
            thread, routine, context = self.apc
            stime = self.kernel.boot_system_time + due
            KeInsertUserApc(self.kernel, thread, routine, context, stime & 0xFFFFFFFF, stime >> 32)
        period = self.period
        if period:
            self._arm(due + period * 10_000, period)

    def remaining(self) -> int:
        """TIMER_BASIC_INFORMATION.RemainingTime: to the due time, from now."""
        return self.due_time - self.kernel.interrupt_time()

    def handle_closed(self) -> None:
        super().handle_closed()
        if self.handle_count == 0:      # the object goes: ExpDeleteTimer cancels it
            self.cancel()
            self.apc = None


def _reference(thread, handle: int) -> KTimer:
    return thread.process.handles.lookup(handle, KTimer)


def _due(kernel, value: int) -> int:
    """A due time as interrupt time: negative is relative to now, positive an absolute system time."""
    if value < 0:
        return kernel.interrupt_time() - value
    return max(0, value - kernel.boot_system_time)


def NtCreateTimer(kernel, thread, handle_out, access, oa, timer_type):
    timer_type &= 0xFFFFFFFF
    if timer_type not in (NotificationTimer, SynchronizationTimer):
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    return _create_named(kernel, thread, handle_out, access, oa, KTimer, lambda: KTimer(kernel, timer_type))


def NtOpenTimer(kernel, thread, handle_out, access, oa):
    return _open_named(kernel, thread, handle_out, access, oa, KTimer)


def _set(kernel, thread, handle, due_value: int, routine: int, context: int, period: int, previous_out: int,
         resume: bool = False):
    """KeSetTimerEx for NtSetTimer(Ex). A resume request is ignored (the machine never sleeps), as
    STATUS_TIMER_RESUME_IGNORED says; the timer is set all the same."""
    if period & 0x80000000:
        raise NtStatusError(STATUS_INVALID_PARAMETER_6)
    timer = _reference(thread, handle)
    if previous_out:
        thread.process.space.probe_write(previous_out, b"\0")
    was_signalled = timer.signal_state > 0
    timer.set(_due(kernel, due_value), period, (thread, routine, context) if routine else None)
    if previous_out:
        thread.process.space.probe_write(previous_out, bytes([1 if was_signalled else 0]))
    return STATUS_TIMER_RESUME_IGNORED if resume else STATUS_SUCCESS


def NtSetTimer(kernel, thread, handle, due_ptr, routine, context, resume, period, previous_out):
    due_value = _q.unpack(thread.process.space.probe_read(due_ptr, 8))[0]
    return _set(kernel, thread, handle, due_value, routine, context, period & 0xFFFFFFFF, previous_out,
                bool(resume & 0xFF))


def NtSetTimerEx(kernel, thread, handle, info_class, info, length):
    if info_class & 0xFFFFFFFF != TimerSetCoalescableTimer:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length & 0xFFFFFFFF != _COALESCABLE.size:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    due_value, routine, context, _wake, period, _tolerable, previous_out = _COALESCABLE.unpack(
        thread.process.space.probe_read(info, _COALESCABLE.size))
    return _set(kernel, thread, handle, due_value, routine, context, period, previous_out)


def NtCancelTimer(kernel, thread, handle, state_out):
    timer = _reference(thread, handle)
    timer.cancel()
    if state_out:
        thread.process.space.probe_write(state_out, bytes([1 if timer.signal_state > 0 else 0]))
    return STATUS_SUCCESS


def NtQueryTimer(kernel, thread, handle, info_class, buffer, length, returned_ptr):
    if info_class & 0xFFFFFFFF != TimerBasicInformation:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length & 0xFFFFFFFF != 16:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    timer = _reference(thread, handle)
    space = thread.process.space
    space.probe_write(buffer, struct.pack("<qB7x", timer.remaining(), 1 if timer.signal_state > 0 else 0))
    if returned_ptr:
        space.probe_write(returned_ptr, _I.pack(16))
    return STATUS_SUCCESS


TIMER_SERVICES = {
    "NtCreateTimer": (NtCreateTimer, (("TimerHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"),
                                      ("TimerType", "u"))),
    "NtOpenTimer": (NtOpenTimer, (("TimerHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"))),
    "NtSetTimer": (NtSetTimer, (("TimerHandle", "h"), ("DueTime", "li"), ("TimerApcRoutine", "p"),
                                ("TimerContext", "p"), ("ResumeTimer", "b"), ("Period", "u"),
                                ("PreviousState", "p"))),
    "NtSetTimerEx": (NtSetTimerEx, (("TimerHandle", "h"), ("TimerSetInformationClass", "u"),
                                    ("TimerSetInformation", "p"), ("TimerSetInformationLength", "u"))),
    "NtCancelTimer": (NtCancelTimer, (("TimerHandle", "h"), ("CurrentState", "p"))),
    "NtQueryTimer": (NtQueryTimer, (("TimerHandle", "h"), ("TimerInformationClass", "u"),
                                    ("TimerInformation", "p"), ("TimerInformationLength", "u"),
                                    ("ReturnLength", "pul"))),
}
