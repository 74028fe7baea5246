"""NtQueryInformationProcess / NtSetInformationProcess for a process's resources: the quota
limits' working-set bounds (ProcessQuotaLimits), the I/O counters EPROCESS accumulates
(ProcessIoCounters), the VM counters (ProcessVmCounters: VM_COUNTERS, _EX or _EX2 by length),
the session (ProcessSessionInformation), whether it is critical (ProcessBreakOnTermination)
and the cycle time (ProcessCycleTime: one retired instruction is one cycle of the virtual
clock, charged a clock tick at a time)."""
import struct

from ..mm.wsinfo import MmUpdateProcessCounters
from ..ob.namespace import SESSION_ID
from ..status import (
    STATUS_BAD_WORKING_SET_LIMIT,
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_PARAMETER,
    NtStatusError,
)

ProcessQuotaLimits, ProcessIoCounters, ProcessVmCounters = 1, 2, 3
ProcessSessionInformation, ProcessBreakOnTermination, ProcessCycleTime = 24, 29, 64
QUOTA_LIMITS_SIZE, QUOTA_LIMITS_EX_SIZE = 0x30, 0x58
VM_COUNTERS_SIZES = (0x58, 0x60, 0x70)          # VM_COUNTERS, VM_COUNTERS_EX, VM_COUNTERS_EX2
PAGE_SIZE = 0x1000
# The working-set bounds a process starts with (pages) and the least minimum Mm accepts.
DEFAULT_MINIMUM_WS, DEFAULT_MAXIMUM_WS, MINIMUM_WS_LIMIT = 50, 345, 20
HARDWS_MIN_ENABLE, HARDWS_MIN_DISABLE, HARDWS_MAX_ENABLE, HARDWS_MAX_DISABLE = 1, 2, 4, 8
QUERY_CLASSES = (ProcessQuotaLimits, ProcessIoCounters, ProcessVmCounters, ProcessSessionInformation,
                 ProcessBreakOnTermination, ProcessCycleTime)


def _working_set_bounds(process) -> tuple[int, int]:
    """(minimum, maximum) in pages; a process never set gets the defaults."""
    ws = process.eprocess.Vm.Instance
    if not ws.MaximumWorkingSetSize:
        ws.MinimumWorkingSetSize, ws.MaximumWorkingSetSize = DEFAULT_MINIMUM_WS, DEFAULT_MAXIMUM_WS
    return ws.MinimumWorkingSetSize, ws.MaximumWorkingSetSize


def _quota_limits(process, length: int) -> bytes:
    if length not in (QUOTA_LIMITS_SIZE, QUOTA_LIMITS_EX_SIZE):
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    low, high = _working_set_bounds(process)
    flags = process.eprocess.Vm.Instance.Flags
    data = struct.pack("<QQQQQq", 0, 0, low * PAGE_SIZE, high * PAGE_SIZE, 0xFFFFFFFFFFFFFFFF, -1)
    if length == QUOTA_LIMITS_EX_SIZE:
        hard = (HARDWS_MIN_ENABLE if flags.MinimumWorkingSetHard else HARDWS_MIN_DISABLE) | \
               (HARDWS_MAX_ENABLE if flags.MaximumWorkingSetHard else HARDWS_MAX_DISABLE)
        data += struct.pack("<QQQQII", 0, 0, 0, 0, hard, 0)
    return data


def _vm_counters(process, length: int) -> bytes:
    if length not in VM_COUNTERS_SIZES:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    MmUpdateProcessCounters(process)
    ep = process.eprocess
    ws = ep.Vm.Instance
    private = ep.CommitCharge * PAGE_SIZE
    data = struct.pack("<QQI4xQQQQQQQQ", ep.PeakVirtualSize, ep.VirtualSize, ws.PageFaultCount,
                       ws.PeakWorkingSetSize, ws.WorkingSetSize, 0, 0, 0, 0, private, ep.CommitChargePeak * PAGE_SIZE)
    if length >= 0x60:
        data += struct.pack("<Q", private)
    if length == 0x70:
        data += struct.pack("<QQ", min(private, ws.WorkingSetSize), 0)
    return data


def _io_counters(process, length: int) -> bytes:
    if length != 48:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    ep = process.eprocess
    return struct.pack("<6q", ep.ReadOperationCount.QuadPart, ep.WriteOperationCount.QuadPart,
                       ep.OtherOperationCount.QuadPart, ep.ReadTransferCount.QuadPart,
                       ep.WriteTransferCount.QuadPart, ep.OtherTransferCount.QuadPart)


def _session(kernel, process, length: int) -> bytes:
    if length != 4:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    return struct.pack("<I", SESSION_ID if process.space is not None and process.pid > 4 else 0)


def cycles(kernel, ticks: int) -> int:
    """Cycles of the virtual clock in `ticks` clock ticks."""
    return ticks * kernel.dispatcher.clock.tick_instructions


def _cycle_time(kernel, process, length: int) -> bytes:
    if length != 16:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    pcb = process.eprocess.Pcb
    return struct.pack("<QQ", cycles(kernel, pcb.UserTime + pcb.KernelTime), 0)


def query_process_resources(kernel, process, info_class: int, length: int) -> bytes:
    """The data of one of QUERY_CLASSES."""
    if info_class == ProcessQuotaLimits:
        return _quota_limits(process, length)
    if info_class == ProcessIoCounters:
        return _io_counters(process, length)
    if info_class == ProcessVmCounters:
        return _vm_counters(process, length)
    if info_class == ProcessSessionInformation:
        return _session(kernel, process, length)
    if info_class == ProcessBreakOnTermination:
        if length != 4:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        return struct.pack("<I", 0)             # none is critical: making one needs SeDebugPrivilege
    return _cycle_time(kernel, process, length)


def set_quota_limits(process, data: bytes) -> None:
    """MmAdjustWorkingSetSize: new bounds ((SIZE_T)-1 twice: trim the working set, which with
    every page resident and no paging file leaves it as it is) and the hard-limit flags."""
    if len(data) not in (QUOTA_LIMITS_SIZE, QUOTA_LIMITS_EX_SIZE):
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    _paged, _nonpaged, low, high = struct.unpack_from("<QQQQ", data)
    flags = struct.unpack_from("<I", data, 0x50)[0] if len(data) == QUOTA_LIMITS_EX_SIZE else 0
    if flags & ~0xF or (flags & 3) == 3 or (flags & 0xC) == 0xC:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    ws = process.eprocess.Vm.Instance
    _working_set_bounds(process)
    if low == high == 0xFFFFFFFFFFFFFFFF or (low == high == 0 and not flags):
        return
    low, high = low // PAGE_SIZE, high // PAGE_SIZE
    if low > high or high < MINIMUM_WS_LIMIT:
        raise NtStatusError(STATUS_BAD_WORKING_SET_LIMIT)
    ws.MinimumWorkingSetSize, ws.MaximumWorkingSetSize = max(low, MINIMUM_WS_LIMIT), high
    if flags & (HARDWS_MIN_ENABLE | HARDWS_MIN_DISABLE):
        ws.Flags.MinimumWorkingSetHard = 1 if flags & HARDWS_MIN_ENABLE else 0
    if flags & (HARDWS_MAX_ENABLE | HARDWS_MAX_DISABLE):
        ws.Flags.MaximumWorkingSetHard = 1 if flags & HARDWS_MAX_ENABLE else 0
