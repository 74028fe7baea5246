"""Process objects as the kernel initialises and changes them (NT's procobj.c): KPROCESS's
quantum and affinity, and a new base priority, affinity or boost setting carried to the process's
threads."""
from .kthread import Terminated
from .thrdobj import KeSetAffinityThread

PROCESS_QUANTUM_RESET = 6           # KeInitializeProcess: 2 clock ticks of 3 quantum units


def KeInitializeProcess(kernel, process) -> dict:
    """3C: thread list, quantum, base priority, affinity (kept in KPROCESS)."""
    pcb = process.eprocess.Pcb
    pcb.QuantumReset = PROCESS_QUANTUM_RESET
    pcb.ActiveProcessors.Count = 1
    pcb.ActiveProcessors.Size = 20
    process.affinity = (1 << len(kernel.processors)) - 1     # every active processor
    return {"BasePriority": pcb.BasePriority, "QuantumReset": pcb.QuantumReset, "Affinity": process.affinity}


def KeSetPriorityProcess(kernel, process, base: int) -> None:
    """Every thread keeps its distance from the process base (saturated ones stay at the
    class's end), clamped to the class's range; boosts are dropped."""
    old = process.base_priority
    process.base_priority = base
    lo, hi = (16, 31) if base >= 16 else (1, 15)
    for t in process.threads:
        if t.state == Terminated:
            continue
        saturation = t.ethread.Tcb.Saturation
        if saturation:
            new = hi if saturation > 0 else lo
        else:
            new = min(max(base + t.base_priority - old, lo), hi)
        t.base_priority = new
        t.priority_decrement = 0
        kernel.dispatcher.set_priority(t, new)


def KeSetAffinityProcess(kernel, process, mask: int) -> None:
    process.affinity = mask
    for t in process.threads:
        if t.state == Terminated:
            continue
        tcb = t.ethread.Tcb
        tcb.Affinity.Mask = tcb.UserAffinity.Mask = (tcb.UserAffinity.Mask & mask) or mask
        KeSetAffinityThread(kernel, t)


def KeSetDisableBoostProcess(process, disable: bool) -> None:
    """KPROCESS.DisableBoost and each thread's KTHREAD.DisableBoost: no boost when a wait ends."""
    process.eprocess.Pcb.DisableBoost = 1 if disable else 0
    for t in process.threads:
        if t.state != Terminated:
            t.ethread.Tcb.DisableBoost = 1 if disable else 0
