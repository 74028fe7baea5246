"""The service table: implemented services bound to their numbers from sysnums.py.

Every service is `handler(kernel, thread, *args) -> NTSTATUS`; a service that raises
NtStatusError returns that status; a number not in the table returns
STATUS_INVALID_SYSTEM_SERVICE (KiSystemServiceUser's check).
"""
from . import io_services, memory, process, thread
from .sysnums import SERVICE_NUMBERS

SERVICES = {
    "NtWriteFile": (io_services.NtWriteFile, 9),
    "NtClose": (process.NtClose, 1),
    "NtTerminateProcess": (process.NtTerminateProcess, 2),
    "NtQueryInformationProcess": (process.NtQueryInformationProcess, 5),
    "NtTerminateThread": (thread.NtTerminateThread, 2),
    "NtQueryInformationThread": (thread.NtQueryInformationThread, 5),
    "NtSetInformationThread": (thread.NtSetInformationThread, 4),
    "NtContinue": (thread.NtContinue, 2),
    "NtYieldExecution": (thread.NtYieldExecution, 0),
    "NtAllocateVirtualMemory": (memory.NtAllocateVirtualMemory, 6),
    "NtFreeVirtualMemory": (memory.NtFreeVirtualMemory, 4),
    "NtProtectVirtualMemory": (memory.NtProtectVirtualMemory, 5),
    "NtQueryVirtualMemory": (memory.NtQueryVirtualMemory, 6),
}


def install(kernel) -> None:
    for name, (handler, argc) in SERVICES.items():
        kernel.service_table[SERVICE_NUMBERS[name]] = (name, handler, argc)
