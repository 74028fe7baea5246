"""Phase 0 of the process manager (PspInitPhase0): PsActiveProcessHead, the Idle process with
each processor's idle thread, and the System process."""
from ..ke.kthread import Running
from ..layouts import LAYOUTS
from ..ob.object import ObCreateObject
from .objects import EThread
from .process import PspInsertProcess, allocate_eprocess, new_handle_table


def PsInitSystem(kernel) -> None:
    """The Idle process (id 0, not on PsActiveProcessHead) and System (id 4)."""
    system = kernel.system
    kernel.active_process_head = system.allocate_pool(16, 16)
    system.write(kernel.active_process_head, kernel.active_process_head.to_bytes(8, "little") * 2)
    idle = allocate_eprocess(kernel, "Idle", 0, 0)
    idle.eprocess.UniqueProcessId = 0
    idle.eprocess.Pcb.DirectoryTableBase = system.tables.pml4
    new_handle_table(kernel, idle)
    kernel.idle_process = idle
    PspCreateIdleThreads(kernel, idle)
    sysproc = allocate_eprocess(kernel, "System", 0, 8)
    sysproc.eprocess.Pcb.DirectoryTableBase = system.tables.pml4
    new_handle_table(kernel, sysproc)       # ObpKernelHandleTable
    PspInsertProcess(kernel, sysproc, pid=4)
    kernel._next_cid = 8
    sysproc.affinity = (1 << len(kernel.processors)) - 1
    kernel.system_process = sysproc
    kernel.events.emit("stage", stage="0", name="Idle and System processes", values={
        "idle_pid": 0, "system_pid": 4, "system_eprocess": sysproc.address,
        "directory_table_base": system.tables.pml4})


def PspCreateIdleThreads(kernel, idle) -> None:
    """Each processor's idle thread (priority 0, thread id 0, in the Idle process): what the
    processor runs, in the views, while no thread is ready. Its KPRCB's IdleThread is set by
    the dispatcher (KiInitializeKernel's part)."""
    for cpu in kernel.dispatcher.cpus:
        address = ObCreateObject(kernel, "Thread", LAYOUTS["ETHREAD"].size)
        thread = EThread(kernel.system, address, idle)
        thread.bind_header(kernel.system, address)
        tcb = thread.ethread.Tcb
        tcb.Process = idle.address
        tcb.Affinity.Mask = 1 << cpu.number
        tcb.IdealProcessor = tcb.NextProcessor = cpu.number
        thread.state = Running
        idle.threads.append(thread)
        kernel.dispatcher.set_idle_thread(cpu, thread)
