"""The query services of the synchronisation objects: NtQueryEvent (EventBasicInformation: the
type and state), NtQuerySemaphore (SemaphoreBasicInformation: the count and the maximum) and
NtQueryMutant (MutantBasicInformation: the count, owned by the caller, abandoned;
MutantOwnerInformation: the owner's CLIENT_ID). Each checks the class and the exact length first,
then the handle's QUERY_STATE access, as ExpQueryEvent and its siblings do."""
import struct

from ..ke.wait import KEvent, KMutant, KSemaphore
from ..ob.access import EVENT_QUERY_STATE, MUTANT_QUERY_STATE, SEMAPHORE_QUERY_STATE
from ..status import STATUS_INFO_LENGTH_MISMATCH, STATUS_INVALID_INFO_CLASS, STATUS_SUCCESS, NtStatusError
from .sync import _reference

EventBasicInformation = SemaphoreBasicInformation = MutantBasicInformation = 0
MutantOwnerInformation = 1
_I = struct.Struct("<I")


def _answer(thread, buffer: int, returned_ptr: int, data: bytes) -> int:
    space = thread.process.space
    space.probe_write(buffer, data)
    if returned_ptr:
        space.probe_write(returned_ptr, _I.pack(len(data)))
    return STATUS_SUCCESS


def _check(info_class: int, length: int, sizes: dict) -> int:
    info_class &= 0xFFFFFFFF
    if info_class not in sizes:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length & 0xFFFFFFFF != sizes[info_class]:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    return info_class


def NtQueryEvent(kernel, thread, handle, info_class, buffer, length, returned_ptr):
    _check(info_class, length, {EventBasicInformation: 8})
    event = _reference(thread, handle, KEvent, EVENT_QUERY_STATE)
    return _answer(thread, buffer, returned_ptr, struct.pack("<Il", event.event_type, event.signal_state))


def NtQuerySemaphore(kernel, thread, handle, info_class, buffer, length, returned_ptr):
    _check(info_class, length, {SemaphoreBasicInformation: 8})
    semaphore = _reference(thread, handle, KSemaphore, SEMAPHORE_QUERY_STATE)
    return _answer(thread, buffer, returned_ptr, struct.pack("<ll", semaphore.signal_state, semaphore.limit))


def NtQueryMutant(kernel, thread, handle, info_class, buffer, length, returned_ptr):
    info_class = _check(info_class, length, {MutantBasicInformation: 8, MutantOwnerInformation: 16})
    mutant = _reference(thread, handle, KMutant, MUTANT_QUERY_STATE)
    owner = mutant.owner
    if info_class == MutantOwnerInformation:
        ids = (owner.process.pid, owner.tid) if owner is not None else (0, 0)
        return _answer(thread, buffer, returned_ptr, struct.pack("<QQ", *ids))
    data = struct.pack("<lBB2x", mutant.signal_state, owner is thread, bool(mutant.abandoned))
    return _answer(thread, buffer, returned_ptr, data)


_QUERY = (("Handle", "h"), ("InformationClass", "u"), ("Information", "p"), ("InformationLength", "u"),
          ("ReturnLength", "p"))
SYNC_QUERY_SERVICES = {
    "NtQueryEvent": (NtQueryEvent, _QUERY),
    "NtQuerySemaphore": (NtQuerySemaphore, _QUERY),
    "NtQueryMutant": (NtQueryMutant, _QUERY),
}
