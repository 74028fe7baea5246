"""Process services: NtTerminateProcess, NtQueryInformationProcess, NtClose."""
import struct

from ..ke.procobj import KeSetAffinityProcess, KeSetDisableBoostProcess, KeSetPriorityProcess
from ..layouts import LAYOUTS
from ..ob.handles import NT_CURRENT_PROCESS, NT_CURRENT_THREAD
from ..ps.exit import PspTerminateProcess
from ..status import (
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_HANDLE,
    STATUS_INVALID_INFO_CLASS,
    STATUS_INVALID_PARAMETER,
    STATUS_PROCESS_IS_TERMINATING,
    STATUS_SUCCESS,
    NtStatusError,
)
from .handles import reference_process
from .power_info import PROCESS_CLASSES, query_power_info, set_power_info
from .process_vm import QUERY_CLASSES, ProcessQuotaLimits, query_process_resources, set_quota_limits
from .times import ProcessTimes, process_times

ProcessBasicInformation = 0
ProcessImageFileName = 27
ProcessImageFileNameWin32 = 43
ProcessPriorityClass = 18
ProcessAffinityMask = 21
ProcessPriorityBoost = 22
ProcessHandleCount = 20
# PROCESS_PRIORITY_CLASS.PriorityClass values and the base priority each gives.
PRIORITY_CLASS_BASES = {1: 4, 2: 8, 3: 13, 4: 24, 5: 6, 6: 10}


def NtTerminateProcess(kernel, thread, handle, status):
    status &= 0xFFFFFFFF
    if handle == 0:
        # Every thread of the caller's process but the caller (RtlExitUserProcess's first call).
        PspTerminateProcess(kernel, thread.process, status, except_thread=thread)
        return STATUS_SUCCESS
    process = reference_process(thread, handle)
    if process.exited:
        raise NtStatusError(STATUS_PROCESS_IS_TERMINATING)
    PspTerminateProcess(kernel, process, status)
    return None if process is thread.process else STATUS_SUCCESS


def NtQueryInformationProcess(kernel, thread, handle, info_class, buffer, length, return_length):
    process = reference_process(thread, handle)
    space = thread.process.space
    length &= 0xFFFFFFFF
    if info_class == ProcessBasicInformation:
        size = LAYOUTS["PROCESS_BASIC_INFORMATION"].size
        if length not in (size, 0x40):
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        ep = process.eprocess
        data = struct.pack("<IxxxxQQqQQ", ep.ExitStatus & 0xFFFFFFFF, process.peb, process.affinity,
                           process.base_priority, process.pid, ep.InheritedFromUniqueProcessId)
    elif info_class == ProcessPriorityBoost:
        if length != 4:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        data = struct.pack("<I", process.eprocess.Pcb.DisableBoost)
    elif info_class == ProcessHandleCount:
        if length != 4:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        data = struct.pack("<I", len(process.handles))
    elif info_class in (ProcessImageFileName, ProcessImageFileNameWin32):
        name = process.image_path if info_class == ProcessImageFileNameWin32 else \
            "\\Device\\HarddiskVolume1" + process.image_path[2:]
        text = name.encode("utf-16-le")
        size = 16 + len(text) + 2
        if length < size:
            if return_length:
                space.probe_write(return_length, struct.pack("<I", size))
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        data = struct.pack("<HHxxxxQ", len(text), len(text) + 2, buffer + 16) + text + b"\0\0"
    elif info_class == ProcessTimes:
        data = process_times(process, length)
    elif info_class in QUERY_CLASSES:
        data = query_process_resources(kernel, process, info_class, length)
    elif info_class in PROCESS_CLASSES:
        data = query_power_info(process, info_class, length, True)
    else:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    space.probe_write(buffer, data)
    if return_length:
        space.probe_write(return_length, struct.pack("<I", len(data)))
    return STATUS_SUCCESS


def NtClose(kernel, thread, handle):
    if handle in (NT_CURRENT_PROCESS, NT_CURRENT_THREAD):
        return STATUS_SUCCESS
    if not handle & ~3:
        raise NtStatusError(STATUS_INVALID_HANDLE)
    thread.process.handles.close(handle)
    return STATUS_SUCCESS


def NtSetInformationProcess(kernel, thread, handle, info_class, buffer, length):
    process = reference_process(thread, handle)
    space = thread.process.space
    length &= 0xFFFFFFFF
    if info_class == ProcessPriorityClass:
        if length != 2:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        _foreground, priority_class = space.probe_read(buffer, 2)
        if priority_class not in PRIORITY_CLASS_BASES:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        KeSetPriorityProcess(kernel, process, PRIORITY_CLASS_BASES[priority_class])
    elif info_class == ProcessAffinityMask:
        if length != 8:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        mask = struct.unpack("<Q", space.probe_read(buffer, 8))[0]
        if not mask or mask & ~kernel.dispatcher.active_mask:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        KeSetAffinityProcess(kernel, process, mask)
    elif info_class == ProcessPriorityBoost:
        if length != 4:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        KeSetDisableBoostProcess(process, struct.unpack("<I", space.probe_read(buffer, 4))[0] != 0)
    elif info_class == ProcessQuotaLimits:
        set_quota_limits(process, space.probe_read(buffer, length) if length <= 0x100 else b"")
    elif info_class in PROCESS_CLASSES:
        set_power_info(process, info_class, space.probe_read(buffer, length) if length <= 0x100 else b"", True)
    else:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    return STATUS_SUCCESS


