"""Process services: NtTerminateProcess, NtQueryInformationProcess, NtClose."""
import struct

from ..layouts import LAYOUTS
from ..ob.handles import NT_CURRENT_PROCESS, NT_CURRENT_THREAD
from ..ps.exit import PspTerminateProcess
from ..status import (
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_HANDLE,
    STATUS_INVALID_INFO_CLASS,
    STATUS_PROCESS_IS_TERMINATING,
    STATUS_SUCCESS,
    NtStatusError,
)
from .handles import reference_process

ProcessBasicInformation = 0
ProcessImageFileName = 27
ProcessImageFileNameWin32 = 43


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
        data = struct.pack("<IxxxxQQqQQ", ep.ExitStatus, process.peb, process.affinity, process.base_priority,
                           process.pid, ep.InheritedFromUniqueProcessId)
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
