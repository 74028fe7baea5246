"""Layouts of Windows 10 22H2 x64 (build 19045; its kernel structures are those of 19041).

Offsets are public facts from the build's symbol files as published by the Vergilius Project
and Geoff Chappell's notes on the x64 KTRAP_FRAME. Only the fields this kernel reads or writes
are listed here so far; each structure keeps its real size, so the fields not listed stay zero.
"""
from .struct import Layout

BUILD = {"name": "Windows 10 22H2", "major": 10, "minor": 0, "build": 19045}

LAYOUTS: dict[str, Layout] = {}


def _L(name, size, fields):
    return Layout(name, size, fields, LAYOUTS)


_L("LIST_ENTRY", 0x10, [("Flink", 0x0, "PVOID"), ("Blink", 0x8, "PVOID")])
_L("UNICODE_STRING", 0x10, [("Length", 0x0, "USHORT"), ("MaximumLength", 0x2, "USHORT"),
                            ("Buffer", 0x8, "PVOID")])
_L("CLIENT_ID", 0x10, [("UniqueProcess", 0x0, "HANDLE"), ("UniqueThread", 0x8, "HANDLE")])
_L("CURDIR", 0x18, [("DosPath", 0x0, "UNICODE_STRING"), ("Handle", 0x10, "HANDLE")])

_L("KTRAP_FRAME", 0x190, [
    ("P1Home", 0x00, "ULONG64"), ("P2Home", 0x08, "ULONG64"), ("P3Home", 0x10, "ULONG64"),
    ("P4Home", 0x18, "ULONG64"), ("P5", 0x20, "ULONG64"), ("PreviousMode", 0x28, "CHAR"),
    ("PreviousIrql", 0x29, "UCHAR"), ("FaultIndicator", 0x2A, "UCHAR"), ("ExceptionActive", 0x2B, "UCHAR"),
    ("MxCsr", 0x2C, "ULONG"), ("Rax", 0x30, "ULONG64"), ("Rcx", 0x38, "ULONG64"), ("Rdx", 0x40, "ULONG64"),
    ("R8", 0x48, "ULONG64"), ("R9", 0x50, "ULONG64"), ("R10", 0x58, "ULONG64"), ("R11", 0x60, "ULONG64"),
    ("GsSwap", 0x68, "ULONG64"), ("FaultAddress", 0xD0, "ULONG64"), ("SegDs", 0x130, "USHORT"),
    ("SegEs", 0x132, "USHORT"), ("SegFs", 0x134, "USHORT"), ("SegGs", 0x136, "USHORT"),
    ("TrapFrame", 0x138, "ULONG64"), ("Rbx", 0x140, "ULONG64"), ("Rdi", 0x148, "ULONG64"),
    ("Rsi", 0x150, "ULONG64"), ("Rbp", 0x158, "ULONG64"), ("ErrorCode", 0x160, "ULONG64"),
    ("Rip", 0x168, "ULONG64"), ("SegCs", 0x170, "USHORT"), ("EFlags", 0x178, "ULONG"),
    ("Rsp", 0x180, "ULONG64"), ("SegSs", 0x188, "USHORT"),
])

_L("DISPATCHER_HEADER", 0x18, [("Type", 0x0, "UCHAR"), ("Signalling", 0x1, "UCHAR"), ("Size", 0x2, "UCHAR"),
                               ("SignalState", 0x4, "LONG"), ("WaitListHead", 0x8, "LIST_ENTRY")])

_L("KPROCESS", 0x438, [
    ("Header", 0x0, "DISPATCHER_HEADER"), ("ProfileListHead", 0x18, "LIST_ENTRY"),
    ("DirectoryTableBase", 0x28, "ULONG64"), ("ThreadListHead", 0x30, "LIST_ENTRY"),
    ("ProcessLock", 0x40, "ULONG"), ("Affinity", 0x50, "KAFFINITY"),
])

_L("EPROCESS", 0xA40, [
    ("Pcb", 0x0, "KPROCESS"), ("ProcessLock", 0x438, "ULONG64"), ("UniqueProcessId", 0x440, "HANDLE"),
    ("ActiveProcessLinks", 0x448, "LIST_ENTRY"), ("CreateTime", 0x468, "LARGE_INTEGER"),
    ("SectionBaseAddress", 0x520, "PVOID"), ("InheritedFromUniqueProcessId", 0x540, "HANDLE"),
    ("Peb", 0x550, "PVOID"), ("ObjectTable", 0x570, "PVOID"), ("ImageFileName", 0x5A8, "UCHAR[15]"),
    ("ThreadListHead", 0x5E0, "LIST_ENTRY"), ("ActiveThreads", 0x5F0, "ULONG"),
    ("ExitStatus", 0x7D4, "NTSTATUS"),
])

_L("KTHREAD", 0x430, [
    ("Header", 0x0, "DISPATCHER_HEADER"), ("InitialStack", 0x28, "PVOID"), ("StackLimit", 0x30, "PVOID"),
    ("StackBase", 0x38, "PVOID"), ("KernelStack", 0x58, "PVOID"), ("TrapFrame", 0x90, "PVOID"),
    ("Priority", 0xC3, "CHAR"), ("Teb", 0xF0, "PVOID"), ("State", 0x184, "UCHAR"),
    ("Process", 0x220, "PVOID"), ("ThreadListEntry", 0x2F8, "LIST_ENTRY"),
])

_L("ETHREAD", 0x898, [
    ("Tcb", 0x0, "KTHREAD"), ("CreateTime", 0x430, "LARGE_INTEGER"), ("StartAddress", 0x450, "PVOID"),
    ("Cid", 0x478, "CLIENT_ID"), ("Win32StartAddress", 0x4D0, "PVOID"),
    ("ThreadListEntry", 0x4E8, "LIST_ENTRY"),
])

_L("KPRCB", 0x8000, [
    ("CurrentThread", 0x8, "PVOID"), ("NextThread", 0x10, "PVOID"), ("IdleThread", 0x18, "PVOID"),
    ("Number", 0x24, "ULONG"), ("RspBase", 0x28, "ULONG64"),
])

_L("KPCR", 0x180 + 0x8000, [
    ("GdtBase", 0x0, "PVOID"), ("TssBase", 0x8, "PVOID"), ("UserRsp", 0x10, "ULONG64"),
    ("Self", 0x18, "PVOID"), ("CurrentPrcb", 0x20, "PVOID"), ("IdtBase", 0x38, "PVOID"),
    ("Irql", 0x50, "UCHAR"), ("Prcb", 0x180, "KPRCB"),
])

_L("NT_TIB", 0x38, [
    ("ExceptionList", 0x0, "PVOID"), ("StackBase", 0x8, "PVOID"), ("StackLimit", 0x10, "PVOID"),
    ("SubSystemTib", 0x18, "PVOID"), ("FiberData", 0x20, "PVOID"), ("ArbitraryUserPointer", 0x28, "PVOID"),
    ("Self", 0x30, "PVOID"),
])

_L("TEB", 0x1838, [
    ("NtTib", 0x0, "NT_TIB"), ("EnvironmentPointer", 0x38, "PVOID"), ("ClientId", 0x40, "CLIENT_ID"),
    ("ActiveRpcHandle", 0x50, "PVOID"), ("ThreadLocalStoragePointer", 0x58, "PVOID"),
    ("ProcessEnvironmentBlock", 0x60, "PVOID"), ("LastErrorValue", 0x68, "ULONG"),
    ("CurrentLocale", 0x108, "ULONG"), ("LastStatusValue", 0x1250, "NTSTATUS"),
    ("TlsSlots", 0x1480, "PVOID[64]"), ("TlsExpansionSlots", 0x1780, "PVOID"),
])

_L("PEB", 0x7C8, [
    ("InheritedAddressSpace", 0x0, "BOOLEAN"), ("ReadImageFileExecOptions", 0x1, "BOOLEAN"),
    ("BeingDebugged", 0x2, "BOOLEAN"), ("BitField", 0x3, "UCHAR"), ("Mutant", 0x8, "HANDLE"),
    ("ImageBaseAddress", 0x10, "PVOID"), ("Ldr", 0x18, "PVOID"), ("ProcessParameters", 0x20, "PVOID"),
    ("SubSystemData", 0x28, "PVOID"), ("ProcessHeap", 0x30, "PVOID"), ("FastPebLock", 0x38, "PVOID"),
    ("KernelCallbackTable", 0x58, "PVOID"), ("TlsExpansionCounter", 0x70, "ULONG"),
    ("TlsBitmap", 0x78, "PVOID"), ("TlsBitmapBits", 0x80, "ULONG[2]"),
    ("ReadOnlySharedMemoryBase", 0x88, "PVOID"), ("AnsiCodePageData", 0xA0, "PVOID"),
    ("OemCodePageData", 0xA8, "PVOID"), ("UnicodeCaseTableData", 0xB0, "PVOID"),
    ("NumberOfProcessors", 0xB8, "ULONG"), ("NtGlobalFlag", 0xBC, "ULONG"),
    ("CriticalSectionTimeout", 0xC0, "LARGE_INTEGER"), ("HeapSegmentReserve", 0xC8, "SIZE_T"),
    ("HeapSegmentCommit", 0xD0, "SIZE_T"), ("HeapDeCommitTotalFreeThreshold", 0xD8, "SIZE_T"),
    ("HeapDeCommitFreeBlockThreshold", 0xE0, "SIZE_T"), ("NumberOfHeaps", 0xE8, "ULONG"),
    ("MaximumNumberOfHeaps", 0xEC, "ULONG"), ("ProcessHeaps", 0xF0, "PVOID"),
    ("OSMajorVersion", 0x118, "ULONG"), ("OSMinorVersion", 0x11C, "ULONG"),
    ("OSBuildNumber", 0x120, "USHORT"), ("OSCSDVersion", 0x122, "USHORT"),
    ("OSPlatformId", 0x124, "ULONG"), ("ImageSubsystem", 0x128, "ULONG"),
    ("ImageSubsystemMajorVersion", 0x12C, "ULONG"), ("ImageSubsystemMinorVersion", 0x130, "ULONG"),
    ("ActiveProcessAffinityMask", 0x138, "KAFFINITY"), ("SessionId", 0x2C0, "ULONG"),
])

_L("PEB_LDR_DATA", 0x58, [
    ("Length", 0x0, "ULONG"), ("Initialized", 0x4, "BOOLEAN"), ("SsHandle", 0x8, "PVOID"),
    ("InLoadOrderModuleList", 0x10, "LIST_ENTRY"), ("InMemoryOrderModuleList", 0x20, "LIST_ENTRY"),
    ("InInitializationOrderModuleList", 0x30, "LIST_ENTRY"), ("EntryInProgress", 0x40, "PVOID"),
    ("ShutdownInProgress", 0x48, "BOOLEAN"), ("ShutdownThreadId", 0x50, "HANDLE"),
])

_L("LDR_DATA_TABLE_ENTRY", 0x120, [
    ("InLoadOrderLinks", 0x0, "LIST_ENTRY"), ("InMemoryOrderLinks", 0x10, "LIST_ENTRY"),
    ("InInitializationOrderLinks", 0x20, "LIST_ENTRY"), ("DllBase", 0x30, "PVOID"),
    ("EntryPoint", 0x38, "PVOID"), ("SizeOfImage", 0x40, "ULONG"), ("FullDllName", 0x48, "UNICODE_STRING"),
    ("BaseDllName", 0x58, "UNICODE_STRING"), ("Flags", 0x68, "ULONG"), ("ObsoleteLoadCount", 0x6C, "USHORT"),
    ("TlsIndex", 0x6E, "USHORT"), ("HashLinks", 0x70, "LIST_ENTRY"), ("TimeDateStamp", 0x80, "ULONG"),
    ("OriginalBase", 0xF8, "ULONG64"), ("LoadReason", 0x10C, "ULONG"),
])

_L("RTL_USER_PROCESS_PARAMETERS", 0x440, [
    ("MaximumLength", 0x0, "ULONG"), ("Length", 0x4, "ULONG"), ("Flags", 0x8, "ULONG"),
    ("DebugFlags", 0xC, "ULONG"), ("ConsoleHandle", 0x10, "HANDLE"), ("ConsoleFlags", 0x18, "ULONG"),
    ("StandardInput", 0x20, "HANDLE"), ("StandardOutput", 0x28, "HANDLE"), ("StandardError", 0x30, "HANDLE"),
    ("CurrentDirectory", 0x38, "CURDIR"), ("DllPath", 0x50, "UNICODE_STRING"),
    ("ImagePathName", 0x60, "UNICODE_STRING"), ("CommandLine", 0x70, "UNICODE_STRING"),
    ("Environment", 0x80, "PVOID"), ("StartingX", 0x88, "ULONG"), ("ShowWindowFlags", 0xA8, "ULONG"),
    ("WindowTitle", 0xB0, "UNICODE_STRING"), ("DesktopInfo", 0xC0, "UNICODE_STRING"),
    ("ShellInfo", 0xD0, "UNICODE_STRING"), ("RuntimeData", 0xE0, "UNICODE_STRING"),
    ("EnvironmentSize", 0x3F0, "SIZE_T"), ("EnvironmentVersion", 0x3F8, "SIZE_T"),
])

_L("KSYSTEM_TIME", 0xC, [("LowPart", 0x0, "ULONG"), ("High1Time", 0x4, "LONG"), ("High2Time", 0x8, "LONG")])

_L("KUSER_SHARED_DATA", 0x720, [
    ("TickCountLowDeprecated", 0x0, "ULONG"), ("TickCountMultiplier", 0x4, "ULONG"),
    ("InterruptTime", 0x8, "KSYSTEM_TIME"), ("SystemTime", 0x14, "KSYSTEM_TIME"),
    ("TimeZoneBias", 0x20, "KSYSTEM_TIME"), ("ImageNumberLow", 0x2C, "USHORT"),
    ("ImageNumberHigh", 0x2E, "USHORT"), ("NtSystemRoot", 0x30, "USHORT[260]"),
    ("NtBuildNumber", 0x260, "ULONG"), ("NtProductType", 0x264, "ULONG"),
    ("ProductTypeIsValid", 0x268, "BOOLEAN"), ("NativeProcessorArchitecture", 0x26A, "USHORT"),
    ("NtMajorVersion", 0x26C, "ULONG"), ("NtMinorVersion", 0x270, "ULONG"),
    ("ProcessorFeatures", 0x274, "UCHAR[64]"), ("KdDebuggerEnabled", 0x2D4, "BOOLEAN"),
    ("NumberOfPhysicalPages", 0x2E8, "ULONG"), ("TickCount", 0x320, "KSYSTEM_TIME"),
    ("Cookie", 0x330, "ULONG"), ("ActiveProcessorCount", 0x3C0, "ULONG"),
])

_L("MEMORY_BASIC_INFORMATION", 0x30, [
    ("BaseAddress", 0x0, "PVOID"), ("AllocationBase", 0x8, "PVOID"), ("AllocationProtect", 0x10, "ULONG"),
    ("PartitionId", 0x14, "USHORT"), ("RegionSize", 0x18, "SIZE_T"), ("State", 0x20, "ULONG"),
    ("Protect", 0x24, "ULONG"), ("Type", 0x28, "ULONG"),
])

_L("PROCESS_BASIC_INFORMATION", 0x30, [
    ("ExitStatus", 0x0, "NTSTATUS"), ("PebBaseAddress", 0x8, "PVOID"), ("AffinityMask", 0x10, "KAFFINITY"),
    ("BasePriority", 0x18, "KPRIORITY"), ("UniqueProcessId", 0x20, "HANDLE"),
    ("InheritedFromUniqueProcessId", 0x28, "HANDLE"),
])
