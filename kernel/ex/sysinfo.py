"""NtQuerySystemInformation: the classes kernelbase asks for. SystemBasicInformation (page size,
physical pages, the user address range, the processors) and SystemPerformanceInformation's head
(AvailablePages, CommittedPages, CommitLimit, PeakCommitment; the I/O and cache counters after it
stay zero), SystemBootEnvironmentInformation (the machine boots from a legacy BIOS: FirmwareTypeBios,
no boot identifier or flags); SystemProcessInformation's list is sysproc.py's. Physical memory is the page-frame
database's: every frame it manages, those still free available; there is no paging file,
so the commit limit is the physical pages themselves."""
import struct

from ..status import STATUS_INFO_LENGTH_MISMATCH, STATUS_INVALID_INFO_CLASS, STATUS_SUCCESS, NtStatusError
from .sysmodules import SystemModuleInformation, system_module_information
from .sysproc import SystemProcessInformation, system_process_information

SystemBasicInformation, SystemPerformanceInformation = 0, 2
SystemBootEnvironmentInformation = 90
SYSTEM_BOOT_ENVIRONMENT_INFORMATION_SIZE = 0x20  # BootIdentifier GUID, FirmwareType, BootFlags
FirmwareTypeBios = 1
SYSTEM_BASIC_INFORMATION_SIZE = 0x40
SYSTEM_PERFORMANCE_INFORMATION_SIZE = 0x158     # Windows 10's, through ContiguousPagesAllocated
MM_LOWEST_USER_ADDRESS = 0x10000
MM_HIGHEST_USER_ADDRESS = 0x7FFFFFFEFFFF


def _memory(kernel) -> tuple[int, int, int]:
    """(physical pages, available pages, committed pages) of the page-frame database."""
    pfn = kernel.system.pfn
    available = pfn.available
    return pfn.in_use + available, available, pfn.in_use


def system_basic_information(kernel) -> bytes:
    total, _available, _committed = _memory(kernel)
    pfn = kernel.system.pfn
    cpus = len(kernel.dispatcher.cpus)
    return struct.pack("<IIIIIII4xQQQB7x", 0, 156250, 0x1000, total, 1, pfn._limit // 0x1000 - 1, 0x10000,
                       MM_LOWEST_USER_ADDRESS, MM_HIGHEST_USER_ADDRESS, kernel.dispatcher.active_mask, cpus)


def system_performance_information(kernel) -> bytes:
    total, available, committed = _memory(kernel)
    peak = max(getattr(kernel, "peak_commitment", 0), committed)
    kernel.peak_commitment = peak
    head = struct.pack("<qqqqIIIIIII", kernel.dispatcher.interrupt_time(), 0, 0, 0, 0, 0, 0, available, committed,
                       total, peak)
    return head.ljust(SYSTEM_PERFORMANCE_INFORMATION_SIZE, b"\0")


def system_boot_environment_information(kernel) -> bytes:
    return struct.pack("<16sI4xQ", b"", FirmwareTypeBios, 0)


_CLASSES = {
    SystemBasicInformation: (SYSTEM_BASIC_INFORMATION_SIZE, system_basic_information),
    SystemPerformanceInformation: (SYSTEM_PERFORMANCE_INFORMATION_SIZE, system_performance_information),
    SystemBootEnvironmentInformation: (SYSTEM_BOOT_ENVIRONMENT_INFORMATION_SIZE, system_boot_environment_information),
}


def NtQuerySystemInformation(kernel, thread, info_class, buffer, length, return_length):
    space = thread.process.space
    if info_class & 0xFFFFFFFF in (SystemProcessInformation, SystemModuleInformation):
        # A list of any length: too small a buffer gets the size needed and nothing else.
        data = system_process_information(kernel, buffer) if info_class & 0xFFFFFFFF == SystemProcessInformation \
            else system_module_information(kernel)
        if return_length:
            space.probe_write(return_length, struct.pack("<I", len(data)))
        if length & 0xFFFFFFFF < len(data):
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        space.probe_write(buffer, data)
        return STATUS_SUCCESS
    entry = _CLASSES.get(info_class & 0xFFFFFFFF)
    if entry is None:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    size, build = entry
    if length & 0xFFFFFFFF != size:
        if return_length:
            space.probe_write(return_length, struct.pack("<I", size))
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    space.probe_write(buffer, build(kernel))
    if return_length:
        space.probe_write(return_length, struct.pack("<I", size))
    return STATUS_SUCCESS
