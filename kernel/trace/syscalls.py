"""System-call arguments decoded for the trace, read from the caller's memory when the service
returns: handles, UNICODE_STRINGs (directly or through OBJECT_ATTRIBUTES), sizes, timeouts,
output handles and buffers. Services without a signature here show their raw arguments.
"""
import struct

from ..status import nt_status_name

# Argument kinds: h handle, ph HANDLE* (out), n number, u ULONG (the low 32 bits),
# b BOOLEAN, p pointer, oa OBJECT_ATTRIBUTES*,
# li LARGE_INTEGER* (in), pli LARGE_INTEGER* (out), pul ULONG* (out), pv PVOID* (in/out),
# psz SIZE_T* (in/out), st NTSTATUS, buf<N> a buffer whose length is argument N, harr<N> N handles.
SIGNATURES: dict[str, tuple] = {
    "NtWriteFile": (("FileHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"),
                    ("IoStatusBlock", "p"), ("Buffer", "buf6"), ("Length", "u"), ("ByteOffset", "li"),
                    ("Key", "p")),
    "NtClose": (("Handle", "h"),),
    "NtOpenFile": (("FileHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"), ("IoStatusBlock", "p"),
                   ("ShareAccess", "u"), ("OpenOptions", "u")),
    "NtCreateFile": (("FileHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"),
                     ("IoStatusBlock", "p"), ("AllocationSize", "li"), ("FileAttributes", "u"), ("ShareAccess", "u"),
                     ("CreateDisposition", "u"), ("CreateOptions", "u"), ("EaBuffer", "p"), ("EaLength", "u")),
    "NtReadFile": (("FileHandle", "h"), ("Event", "h"), ("ApcRoutine", "p"), ("ApcContext", "p"),
                   ("IoStatusBlock", "p"), ("Buffer", "p"), ("Length", "u"), ("ByteOffset", "li"), ("Key", "p")),
    "NtCreateSection": (("SectionHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"),
                        ("MaximumSize", "li"), ("SectionPageProtection", "u"), ("AllocationAttributes", "u"),
                        ("FileHandle", "h")),
    "NtMapViewOfSection": (("SectionHandle", "h"), ("ProcessHandle", "h"), ("BaseAddress", "pv"),
                           ("ZeroBits", "n"), ("CommitSize", "n"), ("SectionOffset", "li"), ("ViewSize", "psz"),
                           ("InheritDisposition", "u"), ("AllocationType", "u"), ("Win32Protect", "u")),
    "NtUnmapViewOfSection": (("ProcessHandle", "h"), ("BaseAddress", "p")),
    "NtRaiseHardError": (("ErrorStatus", "st"), ("NumberOfParameters", "u"), ("UnicodeStringParameterMask", "u"),
                         ("Parameters", "p"), ("ValidResponseOptions", "u"), ("Response", "pul")),
    "NtTerminateProcess": (("ProcessHandle", "h"), ("ExitStatus", "st")),
    "NtTerminateThread": (("ThreadHandle", "h"), ("ExitStatus", "st")),
    "NtQueryInformationProcess": (("ProcessHandle", "h"), ("ProcessInformationClass", "u"),
                                  ("ProcessInformation", "p"), ("ProcessInformationLength", "u"),
                                  ("ReturnLength", "p")),
    "NtSetInformationProcess": (("ProcessHandle", "h"), ("ProcessInformationClass", "u"),
                                ("ProcessInformation", "p"), ("ProcessInformationLength", "u")),
    "NtQueryInformationThread": (("ThreadHandle", "h"), ("ThreadInformationClass", "u"),
                                 ("ThreadInformation", "p"), ("ThreadInformationLength", "u"),
                                 ("ReturnLength", "p")),
    "NtSetInformationThread": (("ThreadHandle", "h"), ("ThreadInformationClass", "u"),
                               ("ThreadInformation", "p"), ("ThreadInformationLength", "u")),
    "NtContinue": (("ContextRecord", "p"), ("TestAlert", "b")),
    "NtContinueEx": (("ContextRecord", "p"), ("ContinueArgument", "p")),
    "NtRaiseException": (("ExceptionRecord", "p"), ("ContextRecord", "p"), ("FirstChance", "b")),
    "NtDuplicateObject": (("SourceProcessHandle", "h"), ("SourceHandle", "h"), ("TargetProcessHandle", "h"),
                          ("TargetHandle", "ph"), ("DesiredAccess", "u"), ("HandleAttributes", "u"),
                          ("Options", "u")),
    "NtCreateThreadEx": (("ThreadHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"),
                         ("ProcessHandle", "h"), ("StartRoutine", "p"), ("Argument", "p"), ("CreateFlags", "u"),
                         ("ZeroBits", "n"), ("StackSize", "n"), ("MaximumStackSize", "n"), ("AttributeList", "p")),
    "NtSuspendThread": (("ThreadHandle", "h"), ("PreviousSuspendCount", "pul")),
    "NtResumeThread": (("ThreadHandle", "h"), ("PreviousSuspendCount", "pul")),
    "NtGetContextThread": (("ThreadHandle", "h"), ("ThreadContext", "p")),
    "NtSetContextThread": (("ThreadHandle", "h"), ("ThreadContext", "p")),
    "NtCreateEvent": (("EventHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"),
                      ("EventType", "u"), ("InitialState", "b")),
    "NtSetEvent": (("EventHandle", "h"), ("PreviousState", "pul")),
    "NtResetEvent": (("EventHandle", "h"), ("PreviousState", "pul")),
    "NtPulseEvent": (("EventHandle", "h"), ("PreviousState", "pul")),
    "NtClearEvent": (("EventHandle", "h"),),
    "NtCreateMutant": (("MutantHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"),
                       ("InitialOwner", "b")),
    "NtReleaseMutant": (("MutantHandle", "h"), ("PreviousCount", "pul")),
    "NtCreateSemaphore": (("SemaphoreHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"),
                          ("InitialCount", "u"), ("MaximumCount", "u")),
    "NtReleaseSemaphore": (("SemaphoreHandle", "h"), ("ReleaseCount", "u"), ("PreviousCount", "pul")),
    "NtWaitForSingleObject": (("Handle", "h"), ("Alertable", "b"), ("Timeout", "li")),
    "NtWaitForMultipleObjects": (("Count", "u"), ("Handles", "harr0"), ("WaitType", "u"), ("Alertable", "b"),
                                 ("Timeout", "li")),
    "NtDelayExecution": (("Alertable", "b"), ("DelayInterval", "li")),
    "NtQueryPerformanceCounter": (("PerformanceCounter", "pli"), ("PerformanceFrequency", "pli")),
    "NtQuerySystemTime": (("SystemTime", "pli"),),
    "NtYieldExecution": (),
    "NtGetCurrentProcessorNumber": (),
    "NtAllocateVirtualMemory": (("ProcessHandle", "h"), ("BaseAddress", "pv"), ("ZeroBits", "n"),
                                ("RegionSize", "psz"), ("AllocationType", "u"), ("Protect", "u")),
    "NtFreeVirtualMemory": (("ProcessHandle", "h"), ("BaseAddress", "pv"), ("RegionSize", "psz"),
                            ("FreeType", "u")),
    "NtProtectVirtualMemory": (("ProcessHandle", "h"), ("BaseAddress", "pv"), ("RegionSize", "psz"),
                               ("NewProtect", "u"), ("OldProtect", "pul")),
    "NtQueryVirtualMemory": (("ProcessHandle", "h"), ("BaseAddress", "p"), ("MemoryInformationClass", "u"),
                             ("MemoryInformation", "p"), ("MemoryInformationLength", "n"), ("ReturnLength", "psz")),
}
_PSEUDO_HANDLES = {0xFFFFFFFFFFFFFFFF: "NtCurrentProcess", 0xFFFFFFFFFFFFFFFE: "NtCurrentThread"}
PREVIEW = 48


def _handle(value: int) -> str:
    return _PSEUDO_HANDLES.get(value, f"{value:#x}")


def _string(raw: bytes) -> str:
    return '"' + raw.decode("latin-1").encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'


def _unicode_string(space, va: int) -> str:
    length, _max, buffer = struct.unpack("<HHxxxxQ", space.read(va, 16))
    text = space.read(buffer, min(length, 1024)).decode("utf-16-le", "replace")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _one(space, kind: str, value: int, args: tuple) -> str:
    q = lambda va: struct.unpack("<Q", space.read(va, 8))[0]     # noqa: E731
    if kind == "u":
        value &= 0xFFFFFFFF
    if kind in ("n", "u", "p") or (value == 0 and kind not in ("h", "b", "st")):
        return f"{value:#x}" if kind == "p" or value >= 0x10000 else str(value)
    if kind == "h":
        return _handle(value)
    if kind == "b":
        return "TRUE" if value & 0xFF else "FALSE"
    if kind == "st":
        return f"{value & 0xFFFFFFFF:#010x} ({nt_status_name(value & 0xFFFFFFFF)})"
    if kind == "ph":
        return f"{value:#x} -> {_handle(q(value))}"
    if kind in ("pv", "psz"):
        return f"{value:#x} -> {q(value):#x}"
    if kind == "pul":
        return f"{value:#x} -> {struct.unpack('<I', space.read(value, 4))[0]}"
    if kind in ("li", "pli"):
        return f"{value:#x} -> {struct.unpack('<q', space.read(value, 8))[0]}"
    if kind == "oa":
        name = q(value + 0x10)
        return f"{value:#x} -> {_unicode_string(space, name) if name else 'NULL'}"
    if kind.startswith("buf"):
        length = args[int(kind[3:])] & 0xFFFFFFFF
        data = space.read(value, min(length, PREVIEW))
        return f"{value:#x} -> {_string(data)}{'...' if length > PREVIEW else ''}"
    if kind.startswith("harr"):
        count = min(args[int(kind[4:])] & 0xFFFFFFFF, 64)
        handles = struct.unpack(f"<{count}Q", space.read(value, 8 * count)) if count else ()
        return f"{value:#x} -> [{', '.join(_handle(h) for h in handles)}]"
    return f"{value:#x}"


def decode_arguments(kernel, fields: dict) -> list:
    """[[name, text], ...] for one syscall event, read now from the caller's address space."""
    args = tuple(fields.get("args") or ())
    signature = SIGNATURES.get(fields.get("name") or "")
    process = next((p for p in kernel.processes if p.pid == fields.get("pid")), None)
    if signature is None or process is None:
        return [[f"arg{n}", f"{v:#x}"] for n, v in enumerate(args)]
    out = []
    for (name, kind), value in zip(signature, args, strict=False):
        try:
            text = _one(process.space, kind, value, args)
        except Exception:                   # the caller passed memory we cannot read: say so
            text = f"{value:#x} (unreadable)"
        out.append([name, text])
    return out


def format_syscall(event: dict) -> str:
    args = ", ".join(f"{name}={text}" for name, text in event.get("args", ()))
    status = event.get("status")
    if status is None:
        result = "(pending: the thread waits or does not return here)"
    else:
        result = f"{status & 0xFFFFFFFF:#010x} {nt_status_name(status & 0xFFFFFFFF)}"
    name = event.get("name") or f"syscall#{event.get('number', 0):#x}"
    return f"{name}({args}) = {result}"
