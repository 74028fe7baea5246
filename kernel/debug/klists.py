"""The kernel's own lists, walked in guest memory as a kernel debugger walks them:
PsActiveProcessHead through EPROCESS.ActiveProcessLinks, a process's EPROCESS.ThreadListHead
through ETHREAD.ThreadListEntry, PEB->Ldr's InLoadOrderModuleList, PsLoadedModuleList, and each
processor's KPRCB.DispatcherReadyListHead through KTHREAD.WaitListEntry."""
from ..layouts import LAYOUTS

_EP_LINKS = LAYOUTS["EPROCESS"].offset("ActiveProcessLinks")
_EP_THREADS = LAYOUTS["EPROCESS"].offset("ThreadListHead")
_ET_ENTRY = LAYOUTS["ETHREAD"].offset("ThreadListEntry")
_KT_WAIT_ENTRY = LAYOUTS["KTHREAD"].offset("WaitListEntry")
_PRCB = LAYOUTS["KPCR"].offset("Prcb")
_READY_HEADS = LAYOUTS["KPRCB"].offset("DispatcherReadyListHead")
LIMIT = 100_000                     # a list longer than this is taken as corrupt


def walk(target, head: int, link_offset: int) -> list:
    """The addresses of the structures linked from `head` (their links at `link_offset`)."""
    out = []
    entry = target.q(head)
    while entry != head and entry and len(out) < LIMIT:
        out.append(entry - link_offset)
        entry = target.q(entry)
    return out


def active_processes(target) -> list:
    """EPROCESS addresses on PsActiveProcessHead, in its order."""
    return walk(target, target.kernel.active_process_head, _EP_LINKS)


def process_threads(target, eprocess: int) -> list:
    """ETHREAD addresses on the process's ThreadListHead."""
    return walk(target, eprocess + _EP_THREADS, _ET_ENTRY)


def loader_entries(target, ldr_head: int) -> list:
    """LDR_DATA_TABLE_ENTRY (or KLDR_DATA_TABLE_ENTRY) addresses on an InLoadOrder list."""
    return walk(target, ldr_head, 0)


def ready_threads(target, kpcr: int, priority: int) -> list:
    """KTHREAD addresses on one processor's ready list of one priority."""
    return walk(target, kpcr + _PRCB + _READY_HEADS + 16 * priority, _KT_WAIT_ENTRY)
