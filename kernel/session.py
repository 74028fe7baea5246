"""One boot: the kernel brought up, Idle and System created, the user process created through
the stages, and the dispatcher run until no user process is left."""
from .ex import exception, services
from .ke.clock import DEFAULT_TICK_INSTRUCTIONS
from .ke.kernel import Kernel
from .layouts import LAYOUTS
from .limits import LimitReached
from .ob.handles import HandleTable
from .ob.object import ObCreateObject
from .ps import create
from .ps.exit import PspReapThread
from .ps.objects import EThread, Running
from .ps.process import PspInsertProcess, allocate_eprocess


class BootResult:
    """What a run ended with (the report's figures)."""

    def __init__(self, exit_code: int, pid: int, tid: int, image_base: int, instructions: int | None,
                 syscalls: int, context_switches: int, deadlock: bool = False, limit=None):
        self.exit_code = exit_code
        self.pid = pid
        self.tid = tid
        self.image_base = image_base
        self.instructions = instructions
        self.syscalls = syscalls
        self.context_switches = context_switches
        self.deadlock = deadlock
        self.limit = limit              # the LimitReached that ended the run, if one did


def PsInitSystem(kernel: Kernel) -> None:
    """The Idle process (id 0, not on PsActiveProcessHead) and System (id 4)."""
    system = kernel.system
    kernel.active_process_head = system.allocate_pool(16, 16)
    system.write(kernel.active_process_head, kernel.active_process_head.to_bytes(8, "little") * 2)
    idle = allocate_eprocess(kernel, "Idle", 0, 0)
    idle.eprocess.UniqueProcessId = 0
    idle.eprocess.Pcb.DirectoryTableBase = system.tables.pml4
    idle.handles = HandleTable()
    kernel.idle_process = idle
    KiInitializeIdleThreads(kernel, idle)
    sysproc = allocate_eprocess(kernel, "System", 0, 8)
    sysproc.eprocess.Pcb.DirectoryTableBase = system.tables.pml4
    sysproc.handles = HandleTable()
    PspInsertProcess(kernel, sysproc, pid=4)
    kernel._next_cid = 8
    sysproc.affinity = (1 << len(kernel.processors)) - 1
    kernel.system_process = sysproc
    kernel.events.emit("stage", stage="0", name="Idle and System processes", values={
        "idle_pid": 0, "system_pid": 4, "system_eprocess": sysproc.address,
        "directory_table_base": system.tables.pml4})


def KiInitializeIdleThreads(kernel: Kernel, idle) -> None:
    """Each processor's idle thread (priority 0, thread id 0, in the Idle process): what the
    processor runs, in the views, while no thread is ready."""
    for cpu in kernel.dispatcher.cpus:
        address = ObCreateObject(kernel, "Thread", LAYOUTS["ETHREAD"].size)
        thread = EThread(kernel.system, address, idle)
        thread.bind_header(kernel.system, address)
        tcb = thread.ethread.Tcb
        tcb.Process = idle.address
        tcb.Affinity.Mask = 1 << cpu.number
        tcb.IdealProcessor = tcb.NextProcessor = cpu.number
        thread.state = Running
        thread.cpu = cpu
        idle.threads.append(thread)
        cpu.idle_thread = thread
        prcb = cpu.processor.pcr.Prcb
        prcb.IdleThread = address
        prcb.CurrentThread = address


class Session:
    def __init__(self, phys_size: int = 512 << 20, cpus: int = 1,
                 tick_instructions: int = DEFAULT_TICK_INSTRUCTIONS):
        self.kernel = kernel = Kernel(phys_size, cpus, tick_instructions)
        services.install(kernel)
        kernel.trap_handler = exception.KiDispatchTrap
        kernel.thread_startup = create.PspUserThreadStartup
        kernel.thread_reaper = PspReapThread
        PsInitSystem(kernel)

    def create_process(self, request: create.CreateRequest):
        return create.NtCreateUserProcess(self.kernel, request)

    def run(self, process, thread) -> BootResult:
        kernel = self.kernel
        limit = None
        if kernel.limits is not None:
            kernel.limits.start()
        try:
            kernel.dispatcher.run()
        except LimitReached as e:
            limit = e
            kernel.limits.ended(e)
        finally:
            if kernel.limits is not None:
                kernel.limits.stop()
        deadlock = kernel.dispatcher.deadlock
        return BootResult(process.exit_status, process.pid, thread.tid, process.image_base,
                          kernel.instruction_count(), kernel.syscall_count, kernel.dispatcher.context_switches,
                          deadlock, limit)
