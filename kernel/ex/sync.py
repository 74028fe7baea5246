"""Synchronisation services: events, mutants, semaphores, waits, delays and the clock.

NtCreateEvent/NtOpenEvent/NtSetEvent/NtResetEvent/NtClearEvent/NtPulseEvent,
NtCreateMutant/NtOpenMutant/NtReleaseMutant, NtCreateSemaphore/NtOpenSemaphore/NtReleaseSemaphore,
NtWaitForSingleObject, NtWaitForMultipleObjects, NtSignalAndWaitForSingleObject, NtDelayExecution,
NtQueryPerformanceCounter, NtQuerySystemTime. Names go through the object manager (ObCreateNamedObject,
ObOpenObjectByName).
"""
import struct

from ..ke.apc import user_apc_pending
from ..ke.clock import PERFORMANCE_FREQUENCY
from ..ke.dobject import DispatcherObject
from ..ke.wait import (
    SEMAPHORE_INCREMENT,
    KeDelayExecutionThread,
    KEvent,
    KeWaitForMultipleObjects,
    KiWaitTest,
    KMutant,
    KSemaphore,
    NotificationEvent,
    SynchronizationEvent,
    WaitAll,
    WaitAny,
)
from ..ob.access import EVENT_MODIFY_STATE, SEMAPHORE_MODIFY_STATE
from ..ob.handles import NT_CURRENT_PROCESS, NT_CURRENT_THREAD
from ..ob.namespace import ObCreateNamedObject, ObOpenObjectByName
from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_INVALID_PARAMETER,
    STATUS_INVALID_PARAMETER_1,
    STATUS_INVALID_PARAMETER_3,
    STATUS_INVALID_PARAMETER_MIX,
    STATUS_MUTANT_NOT_OWNED,
    STATUS_OBJECT_TYPE_MISMATCH,
    STATUS_SEMAPHORE_LIMIT_EXCEEDED,
    STATUS_SUCCESS,
    NtStatusError,
)

MAXIMUM_WAIT_OBJECTS = 64
_q = struct.Struct("<q")
_l = struct.Struct("<l")


def reference_waitable(thread, handle: int) -> DispatcherObject:
    if handle == NT_CURRENT_PROCESS:
        return thread.process
    if handle == NT_CURRENT_THREAD:
        return thread
    return thread.process.handles.lookup(handle, DispatcherObject)


def _long(value: int) -> int:
    """A LONG argument (the low 32 bits of its register, signed)."""
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value & 0x80000000 else value


def _reference(thread, handle: int, kind, needed: int = 0):
    """ObReferenceObjectByHandle with the access the service needs."""
    handles = thread.process.handles
    obj = handles.lookup(handle, kind)
    if needed and handles.access(handle) & needed != needed:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    return obj


def _write_previous(thread, out: int, value: int) -> None:
    if out:
        thread.process.space.probe_write(out, _l.pack(value))


def due_time(kernel, thread, timeout_ptr: int) -> int | None:
    """A PLARGE_INTEGER timeout as an interrupt time: NULL is forever, negative is relative
    (100 ns units), positive an absolute system time."""
    if not timeout_ptr:
        return None
    value = _q.unpack(thread.process.space.probe_read(timeout_ptr, 8))[0]
    now = kernel.interrupt_time()
    if value < 0:
        return now - value
    return value - kernel.boot_system_time


# -- events
def NtCreateEvent(kernel, thread, handle_out, access, attributes, event_type, initial_state):
    event_type &= 0xFFFFFFFF
    if event_type not in (NotificationEvent, SynchronizationEvent):
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    return ObCreateNamedObject(kernel, thread, handle_out, access, attributes, KEvent,
                               lambda: KEvent(kernel, event_type, bool(initial_state & 0xFF)))


def NtOpenEvent(kernel, thread, handle_out, access, attributes):
    return ObOpenObjectByName(kernel, thread, handle_out, access, attributes, KEvent)


def NtSetEvent(kernel, thread, handle, previous_out):
    event = _reference(thread, handle, KEvent, EVENT_MODIFY_STATE)
    _write_previous(thread, previous_out, event.set(kernel))
    return STATUS_SUCCESS


def NtResetEvent(kernel, thread, handle, previous_out):
    event = _reference(thread, handle, KEvent, EVENT_MODIFY_STATE)
    _write_previous(thread, previous_out, event.reset())
    return STATUS_SUCCESS


def NtClearEvent(kernel, thread, handle):
    _reference(thread, handle, KEvent, EVENT_MODIFY_STATE).reset()
    return STATUS_SUCCESS


def NtPulseEvent(kernel, thread, handle, previous_out):
    event = _reference(thread, handle, KEvent, EVENT_MODIFY_STATE)
    _write_previous(thread, previous_out, event.pulse(kernel))
    return STATUS_SUCCESS


# -- mutants
def NtCreateMutant(kernel, thread, handle_out, access, attributes, initial_owner):
    return ObCreateNamedObject(kernel, thread, handle_out, access, attributes, KMutant,
                               lambda: KMutant(kernel, thread if initial_owner & 0xFF else None))


def NtOpenMutant(kernel, thread, handle_out, access, attributes):
    return ObOpenObjectByName(kernel, thread, handle_out, access, attributes, KMutant)


def NtReleaseMutant(kernel, thread, handle, previous_out):
    mutant = _reference(thread, handle, KMutant)
    if mutant.owner is not thread:
        raise NtStatusError(STATUS_MUTANT_NOT_OWNED)
    _write_previous(thread, previous_out, mutant.release(kernel))
    return STATUS_SUCCESS


# -- semaphores
def NtCreateSemaphore(kernel, thread, handle_out, access, attributes, initial, maximum):
    initial, maximum = _long(initial), _long(maximum)
    if maximum <= 0 or initial < 0 or initial > maximum:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    return ObCreateNamedObject(kernel, thread, handle_out, access, attributes, KSemaphore,
                               lambda: KSemaphore(kernel, initial, maximum))


def NtOpenSemaphore(kernel, thread, handle_out, access, attributes):
    return ObOpenObjectByName(kernel, thread, handle_out, access, attributes, KSemaphore)


def NtReleaseSemaphore(kernel, thread, handle, count, previous_out):
    semaphore = _reference(thread, handle, KSemaphore, SEMAPHORE_MODIFY_STATE)
    count &= 0xFFFFFFFF
    if count == 0 or count & 0x80000000:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    previous = semaphore.signal_state
    if previous + count > semaphore.limit:
        raise NtStatusError(STATUS_SEMAPHORE_LIMIT_EXCEEDED)
    semaphore.signal_state = previous + count
    KiWaitTest(kernel, semaphore, SEMAPHORE_INCREMENT)
    _write_previous(thread, previous_out, previous)
    return STATUS_SUCCESS


# -- waits
def NtWaitForSingleObject(kernel, thread, handle, alertable, timeout_ptr):
    obj = reference_waitable(thread, handle)
    return KeWaitForMultipleObjects(kernel, thread, (obj,), WaitAny, due_time(kernel, thread, timeout_ptr),
                                    alertable=bool(alertable & 0xFF))


def NtSignalAndWaitForSingleObject(kernel, thread, signal_handle, wait_handle, alertable, timeout_ptr):
    """Signal one object (set an event, release a mutant the caller owns, release a semaphore
    by one) and wait on another, with no thread running in between (NT's ob/obwait.c does
    both under the dispatcher lock)."""
    signal = _reference(thread, signal_handle, DispatcherObject)
    obj = reference_waitable(thread, wait_handle)
    due = due_time(kernel, thread, timeout_ptr)
    if isinstance(signal, KEvent):
        _reference(thread, signal_handle, KEvent, EVENT_MODIFY_STATE).set(kernel)
    elif isinstance(signal, KMutant):
        if signal.owner is not thread:
            raise NtStatusError(STATUS_MUTANT_NOT_OWNED)
        signal.release(kernel)
    elif isinstance(signal, KSemaphore):
        _reference(thread, signal_handle, KSemaphore, SEMAPHORE_MODIFY_STATE)
        if signal.signal_state + 1 > signal.limit:
            raise NtStatusError(STATUS_SEMAPHORE_LIMIT_EXCEEDED)
        signal.signal_state += 1
        KiWaitTest(kernel, signal, SEMAPHORE_INCREMENT)
    else:
        raise NtStatusError(STATUS_OBJECT_TYPE_MISMATCH)
    return KeWaitForMultipleObjects(kernel, thread, (obj,), WaitAny, due)


def NtWaitForMultipleObjects(kernel, thread, count, handles_ptr, wait_type, alertable, timeout_ptr):
    count &= 0xFFFFFFFF
    wait_type &= 0xFFFFFFFF
    if count == 0 or count > MAXIMUM_WAIT_OBJECTS:
        raise NtStatusError(STATUS_INVALID_PARAMETER_1)
    if wait_type not in (WaitAll, WaitAny):
        raise NtStatusError(STATUS_INVALID_PARAMETER_3)
    handles = struct.unpack("<%dQ" % count, thread.process.space.probe_read(handles_ptr, 8 * count))
    objects = tuple(reference_waitable(thread, h) for h in handles)
    if wait_type == WaitAll and len({id(o) for o in objects}) != len(objects):
        raise NtStatusError(STATUS_INVALID_PARAMETER_MIX)
    return KeWaitForMultipleObjects(kernel, thread, objects, wait_type, due_time(kernel, thread, timeout_ptr),
                                    alertable=bool(alertable & 0xFF))


def NtDelayExecution(kernel, thread, alertable, interval_ptr):
    due = due_time(kernel, thread, interval_ptr)
    if due is None:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    alertable = bool(alertable & 0xFF)
    if due <= kernel.interrupt_time() and not (alertable and user_apc_pending(thread)):
        kernel.dispatcher.yield_current(thread)     # Sleep(0): the rest of the quantum to an equal
        return STATUS_SUCCESS
    return KeDelayExecutionThread(kernel, thread, due, alertable)


# -- the clock
def NtQueryPerformanceCounter(kernel, thread, counter_ptr, frequency_ptr):
    space = thread.process.space
    space.probe_write(counter_ptr, _q.pack(kernel.interrupt_time()))
    if frequency_ptr:
        space.probe_write(frequency_ptr, _q.pack(PERFORMANCE_FREQUENCY))
    return STATUS_SUCCESS


def NtQuerySystemTime(kernel, thread, time_ptr):
    thread.process.space.probe_write(time_ptr, _q.pack(kernel.system_time()))
    return STATUS_SUCCESS


def NtGetCurrentProcessorNumber(kernel, thread):
    return kernel.dispatcher.executing.number
