"""The memory-priority and power-throttling information classes of processes and threads (what
SetProcessInformation / SetThreadInformation reach): ProcessPagePriority and ThreadPagePriority
(a PAGE_PRIORITY_INFORMATION ULONG, 0..7, kept in EPROCESS.DefaultPagePriority and
ETHREAD.ThreadPagePriority), ProcessPowerThrottlingState and ThreadPowerThrottlingState (a
versioned control/state mask pair the scheduler here does not act on, kept on the object)."""
import struct

from ..status import STATUS_INFO_LENGTH_MISMATCH, STATUS_INVALID_PARAMETER, NtStatusError

ProcessPagePriority = 39
ProcessPowerThrottlingState = 77
ThreadPagePriority = 24
ThreadPowerThrottlingState = 49

PROCESS_CLASSES = (ProcessPagePriority, ProcessPowerThrottlingState)
THREAD_CLASSES = (ThreadPagePriority, ThreadPowerThrottlingState)

MAXIMUM_PAGE_PRIORITY = 7
POWER_THROTTLING_VERSION = 1
# PROCESS_POWER_THROTTLING_EXECUTION_SPEED | _IGNORE_TIMER_RESOLUTION; a thread has only the first.
PROCESS_THROTTLING_FLAGS = 0x1 | 0x4
THREAD_THROTTLING_FLAGS = 0x1


def _page_priority(obj, is_process):
    return obj.eprocess.DefaultPagePriority if is_process else obj.ethread.ThreadPagePriority


def query_power_info(obj, info_class, length, is_process):
    """The class's data for a query (one of PROCESS_CLASSES or THREAD_CLASSES)."""
    if info_class in (ProcessPagePriority, ThreadPagePriority):
        if length != 4:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        return struct.pack("<I", _page_priority(obj, is_process))
    if length != 12:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    control, state = getattr(obj, "power_throttling", (0, 0))
    return struct.pack("<III", POWER_THROTTLING_VERSION, control, state)


def set_power_info(obj, info_class, data, is_process):
    """Apply a set of one of the classes; data is the caller's buffer (its length checked here)."""
    if info_class in (ProcessPagePriority, ThreadPagePriority):
        if len(data) != 4:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        value = struct.unpack("<I", data)[0]
        if value > MAXIMUM_PAGE_PRIORITY:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        if is_process:
            obj.eprocess.DefaultPagePriority = value
        else:
            obj.ethread.ThreadPagePriority = value
        return
    if len(data) != 12:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    version, control, state = struct.unpack("<III", data)
    valid = PROCESS_THROTTLING_FLAGS if is_process else THREAD_THROTTLING_FLAGS
    if version != POWER_THROTTLING_VERSION or control & ~valid or state & ~control:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    obj.power_throttling = (control, state)
