"""Keyed events: NtCreateKeyedEvent, NtOpenKeyedEvent, NtWaitForKeyedEvent, NtReleaseKeyedEvent.

A keyed event is a rendezvous on a key (an even address): a waiter sleeps until a releaser comes
with the same key, and a releaser sleeps until a waiter comes; whichever arrives second wakes the
first and goes on. Keys are matched within one process, so that the one global keyed event
(\\KernelObjects\\CritSecOutOfMemoryEvent, what a NULL handle names, as ntdll's SRW locks and
condition variables use it) serves every process apart. A sleeper waits on a synchronization
event private to its thread (made once, reused), its sleep numbered; one that timed out or
sleeps again elsewhere no longer matches its entry's number, and a partner passes over it."""
from ..ke.wait import KEvent, KeWaitForMultipleObjects, SynchronizationEvent, WaitAny
from ..ob.namespace import ObCreateNamedObject, ObOpenObjectByName
from ..ob.object import ObCreateObject, ObjectBody
from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_INVALID_PARAMETER_1,
    STATUS_INVALID_PARAMETER_4,
    STATUS_SUCCESS,
    NtStatusError,
)
from .sync import due_time

KEYEDEVENT_WAIT, KEYEDEVENT_WAKE = 0x1, 0x2
KEYED_EVENT_OBJECT_SIZE = 0x18          # a push lock and the list of waiters


class KeyedEvent(ObjectBody):
    type_name = "KeyedEvent"

    def __init__(self, kernel):
        self.address = ObCreateObject(kernel, "KeyedEvent", KEYED_EVENT_OBJECT_SIZE)
        self.bind_header(kernel.system, self.address)
        self.sleepers: list = []        # (process, key, releasing, thread, sleep number), in arrival order


def _global_keyed_event(kernel) -> KeyedEvent:
    event = getattr(kernel, "crit_sec_keyed_event", None)
    if event is None:
        event = kernel.crit_sec_keyed_event = KeyedEvent(kernel)
        event.handle_opened()           # the system's own reference: it is never deleted
    return event


def _reference(kernel, thread, handle: int, needed: int) -> KeyedEvent:
    if not handle:
        return _global_keyed_event(kernel)
    handles = thread.process.handles
    event = handles.lookup(handle, KeyedEvent)
    if handles.access(handle) & needed != needed:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    return event


def _rendezvous(kernel, thread, handle, key, timeout_ptr, releasing: bool):
    """A partner of the other kind already asleep on (process, key) is woken; else the caller
    sleeps until one comes (or its timeout passes: STATUS_TIMEOUT)."""
    event = _reference(kernel, thread, handle, KEYEDEVENT_WAKE if releasing else KEYEDEVENT_WAIT)
    if key & 1:
        raise NtStatusError(STATUS_INVALID_PARAMETER_1)
    due = due_time(kernel, thread, timeout_ptr)
    words = kernel.dispatcher.words
    process = thread.process
    for entry in list(event.sleepers):
        owner, entry_key, entry_releasing, sleeper, number = entry
        private = sleeper.keyed_wait_event
        if sleeper.keyed_wait_number != number or not private.waiting_blocks(words):
            event.sleepers.remove(entry)        # it timed out, sleeps elsewhere, or ended: gone
            continue
        if owner is process and entry_key == key and entry_releasing != releasing:
            event.sleepers.remove(entry)
            private.set(kernel)
            return STATUS_SUCCESS
    private = getattr(thread, "keyed_wait_event", None)
    if private is None:
        private = thread.keyed_wait_event = KEvent(kernel, SynchronizationEvent, False)
    private.reset()
    thread.keyed_wait_number = number = getattr(thread, "keyed_wait_number", 0) + 1
    status = KeWaitForMultipleObjects(kernel, thread, (private,), WaitAny, due)
    if status is None:
        event.sleepers.append((process, key, releasing, thread, number))
    return status


def NtCreateKeyedEvent(kernel, thread, handle_out, access, attributes, flags):
    if flags & 0xFFFFFFFF:
        raise NtStatusError(STATUS_INVALID_PARAMETER_4)
    return ObCreateNamedObject(kernel, thread, handle_out, access, attributes, KeyedEvent, lambda: KeyedEvent(kernel))


def NtOpenKeyedEvent(kernel, thread, handle_out, access, attributes):
    return ObOpenObjectByName(kernel, thread, handle_out, access, attributes, KeyedEvent)


def NtWaitForKeyedEvent(kernel, thread, handle, key, alertable, timeout_ptr):
    return _rendezvous(kernel, thread, handle, key, timeout_ptr, releasing=False)


def NtReleaseKeyedEvent(kernel, thread, handle, key, alertable, timeout_ptr):
    return _rendezvous(kernel, thread, handle, key, timeout_ptr, releasing=True)


KEYED_EVENT_SERVICES = {
    "NtCreateKeyedEvent": (NtCreateKeyedEvent, (
        ("KeyedEventHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("Flags", "u"))),
    "NtOpenKeyedEvent": (NtOpenKeyedEvent, (
        ("KeyedEventHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"))),
    "NtWaitForKeyedEvent": (NtWaitForKeyedEvent, (
        ("KeyedEventHandle", "h"), ("KeyValue", "p"), ("Alertable", "b"), ("Timeout", "li"))),
    "NtReleaseKeyedEvent": (NtReleaseKeyedEvent, (
        ("KeyedEventHandle", "h"), ("KeyValue", "p"), ("Alertable", "b"), ("Timeout", "li"))),
}
