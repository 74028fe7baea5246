"""Layouts from the Windows SDK (winnt.h, winternl.h) that the kernel symbols do not carry, and
the amendments to the symbol tables:
- the user-mode symbols end KPCR at 0x178, while the kernel places the KPRCB at KPCR+0x180
  (gs:[0x188] is KPRCB.CurrentThread on every x64 build);
- they end KPRCB at 0x700; the kernel's own symbols of the 19041 kernel family (2004 to 22H2)
  go on to 0xaf00 and place the dispatcher database (ReadySummary, DispatcherReadyListHead) and
  the counters the dispatcher keeps where KPRCB_KERNEL_MEMBERS says;
- HANDLE_TABLE_ENTRY's bitfields share one ULONGLONG (Unlocked:1, RefCnt:16, Attributes:3,
  ObjectPointerBits:44), so ObjectPointerBits starts at bit 20, not 0 as the flattening gives."""

SDK_TYPES = {
    "MEMORY_BASIC_INFORMATION": ("struct", 0x30, (
        ("BaseAddress", 0x0, "*VOID"), ("AllocationBase", 0x8, "*VOID"), ("AllocationProtect", 0x10, "ULONG"),
        ("PartitionId", 0x14, "USHORT"), ("RegionSize", 0x18, "ULONGLONG"), ("State", 0x20, "ULONG"),
        ("Protect", 0x24, "ULONG"), ("Type", 0x28, "ULONG"),
    )),
    "PROCESS_BASIC_INFORMATION": ("struct", 0x30, (
        ("ExitStatus", 0x0, "LONG"), ("PebBaseAddress", 0x8, "*PEB"), ("AffinityMask", 0x10, "ULONGLONG"),
        ("BasePriority", 0x18, "LONG"), ("UniqueProcessId", 0x20, "*VOID"),
        ("InheritedFromUniqueProcessId", 0x28, "*VOID"),
    )),
    "THREAD_BASIC_INFORMATION": ("struct", 0x30, (
        ("ExitStatus", 0x0, "LONG"), ("TebBaseAddress", 0x8, "*TEB"), ("ClientId", 0x10, "CLIENT_ID"),
        ("AffinityMask", 0x20, "ULONGLONG"), ("Priority", 0x28, "LONG"), ("BasePriority", 0x2C, "LONG"),
    )),
}

KPRCB_OFFSET_IN_KPCR = 0x180
KPRCB_KERNEL_SIZE = 0xAF00
KPRCB_KERNEL_MEMBERS = (
    ("KeSystemCalls", 0x2D38, "ULONG"), ("KeContextSwitches", 0x2D3C, "ULONG"),
    ("WaitListHead", 0x7C00, "LIST_ENTRY"), ("WaitLock", 0x7C10, "ULONGLONG"),
    ("ReadySummary", 0x7C18, "ULONG"), ("AffinitizedSelectionMask", 0x7C1C, "LONG"),
    ("QueueIndex", 0x7C20, "ULONG"), ("DispatcherReadyListHead", 0x7C80, "LIST_ENTRY[32]"),
    ("InterruptCount", 0x7E80, "ULONG"), ("KernelTime", 0x7E84, "ULONG"), ("UserTime", 0x7E88, "ULONG"),
    ("ReadyThreadCount", 0x7EB4, "ULONG"),
)


def amend(types: dict) -> dict:
    out = dict(types)
    out.update(SDK_TYPES)
    kind, _, members = types["KPRCB"]
    out["KPRCB"] = (kind, KPRCB_KERNEL_SIZE, members + KPRCB_KERNEL_MEMBERS)
    kind, _, members = types["KPCR"]
    out["KPCR"] = (kind, KPRCB_OFFSET_IN_KPCR + KPRCB_KERNEL_SIZE,
                   members + (("Prcb", KPRCB_OFFSET_IN_KPCR, "KPRCB"),))
    kind, size, members = types["HANDLE_TABLE_ENTRY"]
    out["HANDLE_TABLE_ENTRY"] = (kind, size, tuple(
        (m[0], m[1], m[2], 20, 44) if m[0] == "ObjectPointerBits" else m for m in members))
    return out
