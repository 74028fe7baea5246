"""The memory manager's part of process and thread creation (NT's procsup.c): the PEB
(MmCreatePeb), the TEBs below it (MiCreateTeb) and user stacks with their guard page."""
from ..layouts import BUILD, LAYOUTS, StructView
from .pte import PAGE_GUARD, PAGE_READWRITE, PAGE_SIZE
from .vad import MEM_PRIVATE, Vad
from .virtual import commit_pages

PEB_ADDRESS = 0x7FFFFFFDF000        # MmCreatePeb's page; TEBs are placed below it
TEB_SIZE = 2 * PAGE_SIZE


def MiCreateTeb(process, thread) -> int:
    """Below the PEB, top-down, two pages each."""
    va = PEB_ADDRESS - TEB_SIZE
    while process.space.vads.overlaps(va, va + TEB_SIZE):
        va -= TEB_SIZE
    process.space.vads.insert(Vad(va, va + TEB_SIZE, MEM_PRIVATE, PAGE_READWRITE, "TEB"))
    commit_pages(process.space, va, va + TEB_SIZE, PAGE_READWRITE)
    return va


def MmCreateUserStack(process, reserve: int, commit: int) -> tuple[int, int, int]:
    """Reserve the stack, commit its top and put a guard page below. Returns (base, limit, bottom)."""
    space = process.space
    reserve = max((reserve + 0xFFFF) & ~0xFFFF, 0x10000)
    commit = max((commit + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1), PAGE_SIZE)
    bottom = space.vads.find_free(reserve)
    space.vads.insert(Vad(bottom, bottom + reserve, MEM_PRIVATE, PAGE_READWRITE, "Stack"))
    top = bottom + reserve
    limit = top - commit
    commit_pages(space, limit, top, PAGE_READWRITE)
    if limit - PAGE_SIZE >= bottom:
        commit_pages(space, limit - PAGE_SIZE, limit, PAGE_READWRITE | PAGE_GUARD)
    return top, limit, bottom


def MmCreatePeb(kernel, process, image, parameters_va: int, ldr_va: int) -> int:
    """3E: the PEB page and its fields."""
    space = process.space
    space.vads.insert(Vad(PEB_ADDRESS, PEB_ADDRESS + PAGE_SIZE, MEM_PRIVATE, PAGE_READWRITE, "PEB"))
    commit_pages(space, PEB_ADDRESS, PEB_ADDRESS + PAGE_SIZE, PAGE_READWRITE)
    peb = StructView(space, PEB_ADDRESS, LAYOUTS["PEB"])
    oh = image.pe.OPTIONAL_HEADER
    peb.ImageBaseAddress = process.image_base
    peb.Ldr = ldr_va
    peb.ProcessParameters = parameters_va
    peb.NumberOfProcessors = len(kernel.processors)      # KeNumberProcessors
    peb.OSMajorVersion = BUILD["major"]
    peb.OSMinorVersion = BUILD["minor"]
    peb.OSBuildNumber = BUILD["build"]
    peb.OSPlatformId = 2                # VER_PLATFORM_WIN32_NT
    peb.ImageSubsystem = oh.Subsystem
    peb.ImageSubsystemMajorVersion = oh.MajorSubsystemVersion
    peb.ImageSubsystemMinorVersion = oh.MinorSubsystemVersion
    peb.ActiveProcessAffinityMask = process.affinity
    peb.CriticalSectionTimeout.QuadPart = -(2592000 * 10_000_000)     # MmCriticalSectionTimeout: 30 days
    peb.HeapSegmentReserve = oh.SizeOfHeapReserve or 0x100000
    peb.HeapSegmentCommit = oh.SizeOfHeapCommit or 0x2000
    peb.HeapDeCommitTotalFreeThreshold = 0x10000
    peb.HeapDeCommitFreeBlockThreshold = 0x1000
    peb.MaximumNumberOfHeaps = 16
    peb.SessionId = 1
    return PEB_ADDRESS
