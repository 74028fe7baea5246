"""Virtual memory services: capture arguments, call the Mm routine, write results back."""
import struct

from ..layouts import LAYOUTS
from ..mm.virtual import (
    MmAllocateVirtualMemory,
    MmFreeVirtualMemory,
    MmProtectVirtualMemory,
    MmQueryVirtualMemory,
)
from ..status import (
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_INFO_CLASS,
    STATUS_SUCCESS,
    NtStatusError,
)
from .handles import reference_process
from .memory_info import (
    MemoryMappedFilenameInformation,
    MemoryWorkingSetExInformation,
    MemoryWorkingSetInformation,
    query_memory_class,
)

_Q = struct.Struct("<Q")
MemoryBasicInformation = 0
MEMORY_CLASSES = (MemoryWorkingSetInformation, MemoryMappedFilenameInformation, MemoryWorkingSetExInformation)


def _read_q(space, va):
    return _Q.unpack(space.probe_read(va, 8))[0]


def NtAllocateVirtualMemory(kernel, thread, handle, base_ptr, zero_bits, size_ptr, alloc_type, protect):
    caller = thread.process.space
    target = reference_process(thread, handle).space
    base, size = _read_q(caller, base_ptr), _read_q(caller, size_ptr)
    base, size = MmAllocateVirtualMemory(target, base, size, alloc_type & 0xFFFFFFFF, protect & 0xFFFFFFFF,
                                         zero_bits)
    caller.probe_write(base_ptr, _Q.pack(base))
    caller.probe_write(size_ptr, _Q.pack(size))
    return STATUS_SUCCESS


def NtFreeVirtualMemory(kernel, thread, handle, base_ptr, size_ptr, free_type):
    caller = thread.process.space
    target = reference_process(thread, handle).space
    base, size = _read_q(caller, base_ptr), _read_q(caller, size_ptr)
    base, size = MmFreeVirtualMemory(target, base, size, free_type & 0xFFFFFFFF)
    caller.probe_write(base_ptr, _Q.pack(base))
    caller.probe_write(size_ptr, _Q.pack(size))
    return STATUS_SUCCESS


def NtProtectVirtualMemory(kernel, thread, handle, base_ptr, size_ptr, new_protect, old_ptr):
    caller = thread.process.space
    target = reference_process(thread, handle).space
    base, size = _read_q(caller, base_ptr), _read_q(caller, size_ptr)
    caller.probe_read(old_ptr, 4)
    base, size, old = MmProtectVirtualMemory(target, base, size, new_protect & 0xFFFFFFFF)
    caller.probe_write(base_ptr, _Q.pack(base))
    caller.probe_write(size_ptr, _Q.pack(size))
    caller.probe_write(old_ptr, struct.pack("<I", old))
    return STATUS_SUCCESS


def NtQueryVirtualMemory(kernel, thread, handle, address, info_class, buffer, length, return_length):
    caller = thread.process.space
    target = reference_process(thread, handle).space
    if info_class in MEMORY_CLASSES:
        return query_memory_class(target, caller, info_class, address, buffer, length & 0xFFFFFFFFFFFFFFFF,
                                  return_length)
    if info_class != MemoryBasicInformation:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    size = LAYOUTS["MEMORY_BASIC_INFORMATION"].size
    if (length & 0xFFFFFFFFFFFFFFFF) < size:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    info = MmQueryVirtualMemory(target, address)
    data = struct.pack("<QQIHxxQIII4x", info.BaseAddress, info.AllocationBase, info.AllocationProtect, 0,
                       info.RegionSize, info.State, info.Protect, info.Type)
    caller.probe_write(buffer, data)
    if return_length:
        caller.probe_write(return_length, _Q.pack(size))
    return STATUS_SUCCESS


def NtFlushInstructionCache(kernel, thread, handle, base, size):
    """The process's own stores to code need nothing (the CPU drops the translated blocks of a page
    it writes to); for another process the translated code is dropped, as after its memory is written."""
    if reference_process(thread, handle) is not thread.process:
        kernel.flush_code()
    return STATUS_SUCCESS


def NtFlushProcessWriteBuffers(kernel, thread):
    """Every processor's stores are already visible to the others (the processors take turns on one
    emulated memory), so there is nothing to drain."""
    return STATUS_SUCCESS
