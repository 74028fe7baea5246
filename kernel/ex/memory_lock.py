"""NtLockVirtualMemory / NtUnlockVirtualMemory and NtFlushVirtualMemory. Every committed page is
resident (nothing is paged out), so locking a page records it in the process's locked set, up to
what its minimum working set allows (the working set's own few pages kept aside:
STATUS_WORKING_SET_QUOTA past that); a page not committed cannot be locked (STATUS_ACCESS_VIOLATION)
and one not locked cannot be unlocked (STATUS_NOT_LOCKED). Locking into the system's working set
(MAP_SYSTEM) needs SeLockMemoryPrivilege, which the user does not hold. Flushing a view writes its
section's bytes back to the file (Section.flush)."""
import struct

from ..mm.pte import PAGE_SIZE, pte_protection
from ..mm.vad import MEM_MAPPED
from ..status import (
    STATUS_ACCESS_VIOLATION,
    STATUS_INVALID_PARAMETER,
    STATUS_NOT_LOCKED,
    STATUS_NOT_MAPPED_VIEW,
    STATUS_PRIVILEGE_NOT_HELD,
    STATUS_SUCCESS,
    STATUS_WORKING_SET_QUOTA,
    NtStatusError,
)
from .handles import reference_process
from .process_vm import DEFAULT_MINIMUM_WS

_Q = struct.Struct("<Q")
MAP_PROCESS, MAP_SYSTEM = 1, 2
WORKING_SET_OVERHEAD = 8            # pages of the minimum working set that cannot be locked


def _range(caller, base_ptr, size_ptr) -> tuple[int, int]:
    base = _Q.unpack(caller.probe_read(base_ptr, 8))[0]
    size = _Q.unpack(caller.probe_read(size_ptr, 8))[0]
    start, end = base & ~(PAGE_SIZE - 1), (base + size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)
    if end <= start:
        end = start + PAGE_SIZE
    return start, end


def _locked(space) -> set:
    if not hasattr(space, "locked_pages"):
        space.locked_pages = set()
    return space.locked_pages


def _write_range(caller, base_ptr, size_ptr, start, end) -> None:
    caller.probe_write(base_ptr, _Q.pack(start))
    caller.probe_write(size_ptr, _Q.pack(end - start))


def NtLockVirtualMemory(kernel, thread, handle, base_ptr, size_ptr, map_type):
    caller = thread.process.space
    process = reference_process(thread, handle)
    if map_type & ~(MAP_PROCESS | MAP_SYSTEM) or not map_type:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if map_type & MAP_SYSTEM:
        raise NtStatusError(STATUS_PRIVILEGE_NOT_HELD)
    start, end = _range(caller, base_ptr, size_ptr)
    space = process.space
    pages = range(start, end, PAGE_SIZE)
    if any(not pte_protection(space.tables.get(va)) or space.vads.find(va) is None for va in pages):
        raise NtStatusError(STATUS_ACCESS_VIOLATION)
    locked = _locked(space)
    minimum = process.eprocess.Vm.Instance.MinimumWorkingSetSize or DEFAULT_MINIMUM_WS
    if len(locked | set(pages)) > minimum - WORKING_SET_OVERHEAD:
        raise NtStatusError(STATUS_WORKING_SET_QUOTA)
    locked.update(pages)
    _write_range(caller, base_ptr, size_ptr, start, end)
    return STATUS_SUCCESS


def NtUnlockVirtualMemory(kernel, thread, handle, base_ptr, size_ptr, map_type):
    caller = thread.process.space
    process = reference_process(thread, handle)
    if map_type & MAP_SYSTEM:
        raise NtStatusError(STATUS_PRIVILEGE_NOT_HELD)
    start, end = _range(caller, base_ptr, size_ptr)
    locked = _locked(process.space)
    pages = set(range(start, end, PAGE_SIZE))
    if not pages <= locked:
        raise NtStatusError(STATUS_NOT_LOCKED)
    locked -= pages
    _write_range(caller, base_ptr, size_ptr, start, end)
    return STATUS_SUCCESS


def NtFlushVirtualMemory(kernel, thread, handle, base_ptr, size_ptr, io_status):
    caller = thread.process.space
    process = reference_process(thread, handle)
    start, end = _range(caller, base_ptr, size_ptr)
    vad = process.space.vads.find(start)
    if vad is None or vad.type != MEM_MAPPED:
        raise NtStatusError(STATUS_NOT_MAPPED_VIEW)
    size = _Q.unpack(caller.probe_read(size_ptr, 8))[0]
    if size == 0:
        start, end = vad.start, vad.end         # 0: the whole view
    vad.view.flush()
    _write_range(caller, base_ptr, size_ptr, start, min(end, vad.end))
    caller.probe_write(io_status, struct.pack("<QQ", 0, 0))
    return STATUS_SUCCESS


MEMORY_LOCK_SERVICES = {
    "NtLockVirtualMemory": (NtLockVirtualMemory, (("ProcessHandle", "h"), ("BaseAddress", "p"), ("RegionSize", "p"),
                                                   ("MapType", "u"))),
    "NtUnlockVirtualMemory": (NtUnlockVirtualMemory, (("ProcessHandle", "h"), ("BaseAddress", "p"),
                                                       ("RegionSize", "p"), ("MapType", "u"))),
    "NtFlushVirtualMemory": (NtFlushVirtualMemory, (("ProcessHandle", "h"), ("BaseAddress", "p"), ("RegionSize", "p"),
                                                     ("IoStatus", "p"))),
}
