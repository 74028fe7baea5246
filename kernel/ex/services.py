"""The service table: implemented services bound to their numbers from sysnums.py.

Every service is `handler(kernel, thread, *args) -> NTSTATUS`; a service that raises
NtStatusError returns that status; a number not in the table returns
STATUS_INVALID_SYSTEM_SERVICE (KiSystemServiceUser's check).
"""
from . import exception, harderror, memory, object, process, section, sync, thread, thread_control
from .file import FILE_SERVICES
from .sysnums import SERVICE_NUMBERS

SERVICES = {
    "NtClose": (process.NtClose, 1),
    "NtTerminateProcess": (process.NtTerminateProcess, 2),
    "NtQueryInformationProcess": (process.NtQueryInformationProcess, 5),
    "NtTerminateThread": (thread.NtTerminateThread, 2),
    "NtQueryInformationThread": (thread.NtQueryInformationThread, 5),
    "NtSetInformationThread": (thread.NtSetInformationThread, 4),
    "NtContinue": (thread.NtContinue, 2),
    "NtContinueEx": (thread.NtContinue, 2),
    "NtRaiseException": (exception.NtRaiseException, 3),
    "NtYieldExecution": (thread.NtYieldExecution, 0),
    "NtSetInformationProcess": (process.NtSetInformationProcess, 4),
    "NtDuplicateObject": (object.NtDuplicateObject, 7),
    "NtCreateThreadEx": (thread_control.NtCreateThreadEx, 11),
    "NtSuspendThread": (thread_control.NtSuspendThread, 2),
    "NtResumeThread": (thread_control.NtResumeThread, 2),
    "NtGetContextThread": (thread_control.NtGetContextThread, 2),
    "NtSetContextThread": (thread_control.NtSetContextThread, 2),
    "NtCreateEvent": (sync.NtCreateEvent, 5),
    "NtSetEvent": (sync.NtSetEvent, 2),
    "NtResetEvent": (sync.NtResetEvent, 2),
    "NtClearEvent": (sync.NtClearEvent, 1),
    "NtPulseEvent": (sync.NtPulseEvent, 2),
    "NtCreateMutant": (sync.NtCreateMutant, 4),
    "NtReleaseMutant": (sync.NtReleaseMutant, 2),
    "NtCreateSemaphore": (sync.NtCreateSemaphore, 5),
    "NtReleaseSemaphore": (sync.NtReleaseSemaphore, 3),
    "NtWaitForSingleObject": (sync.NtWaitForSingleObject, 3),
    "NtWaitForMultipleObjects": (sync.NtWaitForMultipleObjects, 5),
    "NtDelayExecution": (sync.NtDelayExecution, 2),
    "NtQueryPerformanceCounter": (sync.NtQueryPerformanceCounter, 2),
    "NtQuerySystemTime": (sync.NtQuerySystemTime, 1),
    "NtGetCurrentProcessorNumber": (sync.NtGetCurrentProcessorNumber, 0),
    "NtAllocateVirtualMemory": (memory.NtAllocateVirtualMemory, 6),
    "NtFreeVirtualMemory": (memory.NtFreeVirtualMemory, 4),
    "NtProtectVirtualMemory": (memory.NtProtectVirtualMemory, 5),
    "NtQueryVirtualMemory": (memory.NtQueryVirtualMemory, 6),
    "NtCreateSection": (section.NtCreateSection, 7),
    "NtMapViewOfSection": (section.NtMapViewOfSection, 10),
    "NtUnmapViewOfSection": (section.NtUnmapViewOfSection, 2),
    "NtUnmapViewOfSectionEx": (section.NtUnmapViewOfSectionEx, 3),
    "NtQuerySection": (section.NtQuerySection, 5),
    "NtExtendSection": (section.NtExtendSection, 2),
    "NtRaiseHardError": (harderror.NtRaiseHardError, 6),
}

SERVICES.update(FILE_SERVICES)            # kernel/ex/file.py: NtCreateFile, NtReadFile, NtWriteFile ...


def install(kernel) -> None:
    for name, (handler, argc) in SERVICES.items():
        kernel.service_table[SERVICE_NUMBERS[name]] = (name, handler, argc)
