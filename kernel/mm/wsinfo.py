"""A process's memory figures as MmQueryWorkingSetInformation and the VM counters report them:
the working set is every user page whose PTE is present (frames are given at commit time and
nothing is paged out, so a committed, accessible page is resident), the virtual size is what the
VADs reserve, the private usage is the commit charge. EPROCESS keeps the current and peak
values (Vm.Instance, VirtualSize, CommitCharge), refreshed whenever they are asked for."""
import struct

from .pte import PAGE_SIZE, PFN_MASK, PS, P

_Q = struct.Struct("<Q")


def MiPresentUserPages(space) -> list[int]:
    """The virtual addresses of the present user pages, ascending (a walk of the user half)."""
    mem = space.tables._mem
    found = []

    def walk(table: int, level: int, base: int) -> None:
        shift = 39 - 9 * level
        for i in range(512):
            entry = _Q.unpack_from(mem, table + i * 8)[0]
            if not entry & P:
                continue
            va = base | (i << shift)
            if level == 3:
                found.append(va)
            elif not entry & PS:
                walk(entry & PFN_MASK, level + 1, va)

    pml4 = space.tables.pml4
    for i in range(256):
        entry = _Q.unpack_from(mem, pml4 + i * 8)[0]
        if entry & P:
            walk(entry & PFN_MASK, 1, i << 39)
    return found


def MmUpdateProcessCounters(process) -> None:
    """Refresh the working set, virtual size and commit charge of EPROCESS, with their peaks."""
    space = process.space
    ep = process.eprocess
    ws = ep.Vm.Instance
    size = len(MiPresentUserPages(space)) * PAGE_SIZE
    ws.WorkingSetSize = size
    ws.PeakWorkingSetSize = max(ws.PeakWorkingSetSize, size)
    virtual = sum(vad.size for vad in space.vads)
    ep.VirtualSize = virtual
    ep.PeakVirtualSize = max(ep.PeakVirtualSize, virtual)
    ep.CommitCharge = space.commit_charge
    ep.CommitChargePeak = max(ep.CommitChargePeak, space.peak_commit_charge, space.commit_charge)
