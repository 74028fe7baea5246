"""The system services, each declared once: name -> (handler, its arguments' names and kinds).

The number is Windows' (sysnums.py). From this one declaration come the executive's dispatch table
(install), the trace's argument decoders (kernel/trace/syscalls.py) and the samples' prototypes
(samples/nt_services.h, tools/gen_nt_services.py); ntdll has a stub for every service of sysnums.py
(tools/gen_ntdll.py). Every service is
`handler(kernel, thread, *args) -> NTSTATUS`; a service that raises NtStatusError returns that
status; a number not in the table returns STATUS_INVALID_SYSTEM_SERVICE (KiSystemServiceUser's
check). Argument kinds are listed in kernel/trace/syscalls.py.
"""
from ..cm.services import REGISTRY_SERVICES
from ..ob.namespace import NAMESPACE_SERVICES
from ..se.filter import FILTER_SERVICES
from ..se.impersonate import IMPERSONATION_SERVICES
from ..se.security_object import SECURITY_SERVICES
from ..se.token import TOKEN_SERVICES
from . import (
    exception,
    harderror,
    memory,
    object,
    object_info,
    process,
    process_create,
    process_open,
    section,
    sync,
    sysinfo,
    thread,
    thread_control,
)
from .atom import ATOM_SERVICES
from .file import FILE_SERVICES
from .job import JOB_SERVICES
from .keyedevent import KEYED_EVENT_SERVICES
from .memory_lock import MEMORY_LOCK_SERVICES
from .power import POWER_SERVICES
from .process_enum import PROCESS_ENUM_SERVICES
from .sync_query import SYNC_QUERY_SERVICES
from .sysnums import SERVICE_NUMBERS
from .systime import SYSTEM_TIME_SERVICES
from .timer import TIMER_SERVICES
from .waitpacket import WAIT_PACKET_SERVICES

SERVICES = {
    "NtClose": (process.NtClose, (("Handle", "h"),)),
    "NtTerminateProcess": (process.NtTerminateProcess, (("ProcessHandle", "h"), ("ExitStatus", "st"))),
    "NtQueryInformationProcess": (process.NtQueryInformationProcess, (
        ("ProcessHandle", "h"), ("ProcessInformationClass", "u"), ("ProcessInformation", "p"),
        ("ProcessInformationLength", "u"), ("ReturnLength", "p")
    )),
    "NtTerminateThread": (thread.NtTerminateThread, (("ThreadHandle", "h"), ("ExitStatus", "st"))),
    "NtQueryInformationThread": (thread.NtQueryInformationThread, (
        ("ThreadHandle", "h"), ("ThreadInformationClass", "u"), ("ThreadInformation", "p"),
        ("ThreadInformationLength", "u"), ("ReturnLength", "p")
    )),
    "NtSetInformationThread": (thread.NtSetInformationThread, (
        ("ThreadHandle", "h"), ("ThreadInformationClass", "u"), ("ThreadInformation", "p"),
        ("ThreadInformationLength", "u")
    )),
    "NtContinue": (thread.NtContinue, (("ContextRecord", "p"), ("TestAlert", "b"))),
    "NtContinueEx": (thread.NtContinue, (("ContextRecord", "p"), ("ContinueArgument", "p"))),
    "NtRaiseException": (exception.NtRaiseException, (("ExceptionRecord", "p"), ("ContextRecord", "p"),
                                                     ("FirstChance", "b"))),
    "NtYieldExecution": (thread.NtYieldExecution, ()),
    "NtTestAlert": (thread.NtTestAlert, ()),
    "NtQueueApcThread": (thread.NtQueueApcThread, (
        ("ThreadHandle", "h"), ("ApcRoutine", "p"), ("ApcArgument1", "p"), ("ApcArgument2", "p"),
        ("ApcArgument3", "p")
    )),
    "NtSetInformationProcess": (process.NtSetInformationProcess, (
        ("ProcessHandle", "h"), ("ProcessInformationClass", "u"), ("ProcessInformation", "p"),
        ("ProcessInformationLength", "u")
    )),
    "NtDuplicateObject": (object.NtDuplicateObject, (
        ("SourceProcessHandle", "h"), ("SourceHandle", "h"), ("TargetProcessHandle", "h"), ("TargetHandle", "ph"),
        ("DesiredAccess", "u"), ("HandleAttributes", "u"), ("Options", "u")
    )),
    "NtQuerySystemInformation": (sysinfo.NtQuerySystemInformation, (
        ("SystemInformationClass", "u"), ("SystemInformation", "p"), ("SystemInformationLength", "u"),
        ("ReturnLength", "pul")
    )),
    "NtQueryObject": (object_info.NtQueryObject, (
        ("Handle", "h"), ("ObjectInformationClass", "u"), ("ObjectInformation", "p"),
        ("ObjectInformationLength", "u"), ("ReturnLength", "pul")
    )),
    "NtSetInformationObject": (object_info.NtSetInformationObject, (
        ("Handle", "h"), ("ObjectInformationClass", "u"), ("ObjectInformation", "p"), ("ObjectInformationLength", "u")
    )),
    "NtCreateThreadEx": (thread_control.NtCreateThreadEx, (
        ("ThreadHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("ProcessHandle", "h"),
        ("StartRoutine", "p"), ("Argument", "p"), ("CreateFlags", "u"), ("ZeroBits", "n"), ("StackSize", "n"),
        ("MaximumStackSize", "n"), ("AttributeList", "p")
    )),
    "NtCreateUserProcess": (process_create.NtCreateUserProcess, (
        ("ProcessHandle", "ph"), ("ThreadHandle", "ph"), ("ProcessDesiredAccess", "u"), ("ThreadDesiredAccess", "u"),
        ("ProcessObjectAttributes", "oa"), ("ThreadObjectAttributes", "oa"), ("ProcessFlags", "u"),
        ("ThreadFlags", "u"), ("ProcessParameters", "p"), ("CreateInfo", "p"), ("AttributeList", "p")
    )),
    "NtOpenProcess": (process_open.NtOpenProcess, (
        ("ProcessHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("ClientId", "p")
    )),
    "NtOpenThread": (process_open.NtOpenThread, (
        ("ThreadHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("ClientId", "p")
    )),
    "NtReadVirtualMemory": (process_open.NtReadVirtualMemory, (
        ("ProcessHandle", "h"), ("BaseAddress", "p"), ("Buffer", "p"), ("BufferSize", "n"), ("NumberOfBytesRead", "psz")
    )),
    "NtWriteVirtualMemory": (process_open.NtWriteVirtualMemory, (
        ("ProcessHandle", "h"), ("BaseAddress", "p"), ("Buffer", "p"), ("BufferSize", "n"),
        ("NumberOfBytesWritten", "psz")
    )),
    "NtSuspendThread": (thread_control.NtSuspendThread, (("ThreadHandle", "h"), ("PreviousSuspendCount", "pul"))),
    "NtSuspendProcess": (thread_control.NtSuspendProcess, (("ProcessHandle", "h"),)),
    "NtResumeProcess": (thread_control.NtResumeProcess, (("ProcessHandle", "h"),)),
    "NtResumeThread": (thread_control.NtResumeThread, (("ThreadHandle", "h"), ("PreviousSuspendCount", "pul"))),
    "NtGetContextThread": (thread_control.NtGetContextThread, (("ThreadHandle", "h"), ("ThreadContext", "p"))),
    "NtSetContextThread": (thread_control.NtSetContextThread, (("ThreadHandle", "h"), ("ThreadContext", "p"))),
    "NtCreateEvent": (sync.NtCreateEvent, (
        ("EventHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("EventType", "u"),
        ("InitialState", "b")
    )),
    "NtOpenEvent": (sync.NtOpenEvent, (("EventHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"))),
    "NtSetEvent": (sync.NtSetEvent, (("EventHandle", "h"), ("PreviousState", "pl"))),
    "NtResetEvent": (sync.NtResetEvent, (("EventHandle", "h"), ("PreviousState", "pl"))),
    "NtClearEvent": (sync.NtClearEvent, (("EventHandle", "h"),)),
    "NtPulseEvent": (sync.NtPulseEvent, (("EventHandle", "h"), ("PreviousState", "pl"))),
    "NtCreateMutant": (sync.NtCreateMutant, (
        ("MutantHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("InitialOwner", "b")
    )),
    "NtOpenMutant": (sync.NtOpenMutant, (("MutantHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"))),
    "NtReleaseMutant": (sync.NtReleaseMutant, (("MutantHandle", "h"), ("PreviousCount", "pl"))),
    "NtCreateSemaphore": (sync.NtCreateSemaphore, (
        ("SemaphoreHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("InitialCount", "u"),
        ("MaximumCount", "u")
    )),
    "NtOpenSemaphore": (sync.NtOpenSemaphore, (
        ("SemaphoreHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa")
    )),
    "NtReleaseSemaphore": (sync.NtReleaseSemaphore, (
        ("SemaphoreHandle", "h"), ("ReleaseCount", "u"), ("PreviousCount", "pl")
    )),
    "NtWaitForSingleObject": (sync.NtWaitForSingleObject, (("Handle", "h"), ("Alertable", "b"), ("Timeout", "li"))),
    "NtSignalAndWaitForSingleObject": (sync.NtSignalAndWaitForSingleObject, (
        ("SignalHandle", "h"), ("WaitHandle", "h"), ("Alertable", "b"), ("Timeout", "li")
    )),
    "NtWaitForMultipleObjects": (sync.NtWaitForMultipleObjects, (
        ("Count", "u"), ("Handles", "harr0"), ("WaitType", "u"), ("Alertable", "b"), ("Timeout", "li")
    )),
    "NtDelayExecution": (sync.NtDelayExecution, (("Alertable", "b"), ("DelayInterval", "li"))),
    "NtQueryPerformanceCounter": (sync.NtQueryPerformanceCounter, (
        ("PerformanceCounter", "pli"), ("PerformanceFrequency", "pli")
    )),
    "NtQuerySystemTime": (sync.NtQuerySystemTime, (("SystemTime", "pli"),)),
    "NtGetCurrentProcessorNumber": (sync.NtGetCurrentProcessorNumber, ()),
    "NtAllocateVirtualMemory": (memory.NtAllocateVirtualMemory, (
        ("ProcessHandle", "h"), ("BaseAddress", "pv"), ("ZeroBits", "n"), ("RegionSize", "psz"),
        ("AllocationType", "u"), ("Protect", "u")
    )),
    "NtFreeVirtualMemory": (memory.NtFreeVirtualMemory, (
        ("ProcessHandle", "h"), ("BaseAddress", "pv"), ("RegionSize", "psz"), ("FreeType", "u")
    )),
    "NtProtectVirtualMemory": (memory.NtProtectVirtualMemory, (
        ("ProcessHandle", "h"), ("BaseAddress", "pv"), ("RegionSize", "psz"), ("NewProtect", "u"),
        ("OldProtect", "pul")
    )),
    "NtFlushInstructionCache": (memory.NtFlushInstructionCache, (
        ("ProcessHandle", "h"), ("BaseAddress", "p"), ("Length", "n")
    )),
    "NtFlushProcessWriteBuffers": (memory.NtFlushProcessWriteBuffers, ()),
    "NtQueryVirtualMemory": (memory.NtQueryVirtualMemory, (
        ("ProcessHandle", "h"), ("BaseAddress", "p"), ("MemoryInformationClass", "u"), ("MemoryInformation", "p"),
        ("MemoryInformationLength", "n"), ("ReturnLength", "psz")
    )),
    "NtCreateSection": (section.NtCreateSection, (
        ("SectionHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("MaximumSize", "li"),
        ("SectionPageProtection", "u"), ("AllocationAttributes", "u"), ("FileHandle", "h")
    )),
    "NtOpenSection": (section.NtOpenSection, (
        ("SectionHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa")
    )),
    "NtMapViewOfSection": (section.NtMapViewOfSection, (
        ("SectionHandle", "h"), ("ProcessHandle", "h"), ("BaseAddress", "pv"), ("ZeroBits", "n"),
        ("CommitSize", "n"), ("SectionOffset", "li"), ("ViewSize", "psz"), ("InheritDisposition", "u"),
        ("AllocationType", "u"), ("Win32Protect", "u")
    )),
    "NtUnmapViewOfSection": (section.NtUnmapViewOfSection, (("ProcessHandle", "h"), ("BaseAddress", "p"))),
    "NtUnmapViewOfSectionEx": (section.NtUnmapViewOfSectionEx, (
        ("ProcessHandle", "h"), ("BaseAddress", "p"), ("Flags", "u")
    )),
    "NtQuerySection": (section.NtQuerySection, (
        ("SectionHandle", "h"), ("SectionInformationClass", "u"), ("SectionInformation", "p"),
        ("SectionInformationLength", "n"), ("ReturnLength", "psz")
    )),
    "NtExtendSection": (section.NtExtendSection, (("SectionHandle", "h"), ("NewSectionSize", "pli"))),
    "NtRaiseHardError": (harderror.NtRaiseHardError, (
        ("ErrorStatus", "st"), ("NumberOfParameters", "u"), ("UnicodeStringParameterMask", "u"), ("Parameters", "p"),
        ("ValidResponseOptions", "u"), ("Response", "pul")
    )),
}

SERVICES.update(FILE_SERVICES)            # kernel/ex/file.py: NtCreateFile, NtReadFile, NtWriteFile ...
SERVICES.update(KEYED_EVENT_SERVICES)     # kernel/ex/keyedevent.py: what ntdll's SRW locks sleep on
SERVICES.update(NAMESPACE_SERVICES)       # kernel/ob/namespace.py: object directories and symbolic links
SERVICES.update(TIMER_SERVICES)           # kernel/ex/timer.py: NtCreateTimer, NtSetTimer ...
SERVICES.update(SYSTEM_TIME_SERVICES)     # kernel/ex/systime.py: NtSetSystemTime
SERVICES.update(MEMORY_LOCK_SERVICES)     # kernel/ex/memory_lock.py: NtLockVirtualMemory, NtFlushVirtualMemory
SERVICES.update(REGISTRY_SERVICES)        # kernel/cm/services.py: NtOpenKey, NtQueryValueKey ...
SERVICES.update(TOKEN_SERVICES)           # kernel/se/token.py: NtOpenProcessToken, NtQueryInformationToken ...
SERVICES.update(FILTER_SERVICES)          # kernel/se/filter.py: NtFilterToken (restricted tokens)
SERVICES.update(IMPERSONATION_SERVICES)   # kernel/se/impersonate.py: NtDuplicateToken, NtAccessCheck ...
SERVICES.update(SECURITY_SERVICES)        # kernel/se/security_object.py: NtQuerySecurityObject, NtSetSecurityObject
SERVICES.update(JOB_SERVICES)             # kernel/ex/job.py: NtCreateJobObject, NtAssignProcessToJobObject ...
SERVICES.update(WAIT_PACKET_SERVICES)     # kernel/ex/waitpacket.py: NtAssociateWaitCompletionPacket ...
SERVICES.update(SYNC_QUERY_SERVICES)      # kernel/ex/sync_query.py: NtQueryEvent, NtQuerySemaphore, NtQueryMutant
SERVICES.update(PROCESS_ENUM_SERVICES)    # kernel/ex/process_enum.py: NtGetNextProcess, NtGetNextThread
SERVICES.update(ATOM_SERVICES)            # kernel/ex/atom.py: NtAddAtom, NtFindAtom, NtQueryInformationAtom ...
SERVICES.update(POWER_SERVICES)           # kernel/ex/power.py: NtPowerInformation's power requests


def install(kernel) -> None:
    for name, (handler, args) in SERVICES.items():
        kernel.service_table[SERVICE_NUMBERS[name]] = (name, handler, len(args))
