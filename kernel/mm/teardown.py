"""Process address-space teardown: MmCleanProcessAddressSpace at exit, MmDeleteProcessAddressSpace
when the process object goes.

At exit every VAD is unmapped: private and image-view pages go back to the free list, data-section
views drop their reference on the section (its frames stay while other views or handles hold it),
and the user half's page-table pages are freed. KUSER_SHARED_DATA's frame is the system's and is
only unmapped. The PML4 itself, whose kernel half is the system's, stays with the process object
until the object is deleted, so CR3 never names a freed frame while the process is still known.
"""
from .pte import PAGE_SIZE, PFN_MASK, P, pte_protection
from .vad import MEM_IMAGE, MEM_MAPPED


def MmCleanProcessAddressSpace(process) -> None:
    space = process.space
    if space is None or getattr(space, "cleaned", False):
        return
    space.cleaned = True
    from .section import MmUnmapViewOfSection
    modules = list(process.modules)
    tables = space.tables
    for vad in space.vads:
        if vad.type in (MEM_IMAGE, MEM_MAPPED) and vad.view is not None:
            MmUnmapViewOfSection(process, vad.start)
            continue
        if vad.owns_frames:
            for va in range(vad.start, vad.end, PAGE_SIZE):
                pte = tables.get(va)
                if pte_protection(pte) or pte & P:
                    space.pfn.free(pte & PFN_MASK)
        space.vads.remove(vad)
    process.modules = modules           # what was loaded stays known (symbols, reports)
    space.commit_charge = 0
    tables.free_user_tables()
    space.changed()


def MmDeleteProcessAddressSpace(process) -> None:
    """The process object is deleted: its page directory goes too."""
    space = process.space
    if space is None:
        return
    MmCleanProcessAddressSpace(process)
    space.pfn.free(space.tables.pml4)
    process.space = None
