"""Layouts from the Windows SDK (winnt.h, winternl.h) that the kernel symbols do not carry, and
the one amendment to the symbol tables: the user-mode symbols end KPCR at 0x178, while the
kernel places the KPRCB at KPCR+0x180 (gs:[0x188] is KPRCB.CurrentThread on every x64 build)."""

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


def amend(types: dict) -> dict:
    out = dict(types)
    out.update(SDK_TYPES)
    kind, _, members = types["KPCR"]
    out["KPCR"] = (kind, KPRCB_OFFSET_IN_KPCR + types["KPRCB"][1],
                   members + (("Prcb", KPRCB_OFFSET_IN_KPCR, "KPRCB"),))
    return out
