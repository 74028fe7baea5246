"""One boot: the kernel brought up, Idle and System created, the user process created through
the stages, and the dispatcher run until no user process is left."""
from .ex import exception, services
from .ke.kernel import Kernel
from .ob.handles import HandleTable
from .ps import create
from .ps.objects import Terminated
from .ps.process import PspInsertProcess, allocate_eprocess


class BootResult:
    """What a run ended with (the report's figures)."""

    def __init__(self, exit_code: int, pid: int, tid: int, image_base: int, instructions: int | None,
                 syscalls: int, context_switches: int, deadlock: bool = False):
        self.exit_code = exit_code
        self.pid = pid
        self.tid = tid
        self.image_base = image_base
        self.instructions = instructions
        self.syscalls = syscalls
        self.context_switches = context_switches
        self.deadlock = deadlock


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
    sysproc = allocate_eprocess(kernel, "System", 0, 8)
    sysproc.eprocess.Pcb.DirectoryTableBase = system.tables.pml4
    sysproc.handles = HandleTable()
    PspInsertProcess(kernel, sysproc, pid=4)
    kernel._next_cid = 8
    kernel.system_process = sysproc
    kernel.events.emit("stage", stage="0", name="Idle and System processes", values={
        "idle_pid": 0, "system_pid": 4, "system_eprocess": sysproc.address,
        "directory_table_base": system.tables.pml4})


class Session:
    def __init__(self, phys_size: int = 512 << 20):
        self.kernel = kernel = Kernel(phys_size)
        services.install(kernel)
        kernel.trap_handler = exception.KiDispatchTrap
        kernel.thread_startup = create.PspUserThreadStartup
        PsInitSystem(kernel)

    def create_process(self, request: create.CreateRequest):
        return create.NtCreateUserProcess(self.kernel, request)

    def run(self, process, thread) -> BootResult:
        kernel = self.kernel
        kernel.dispatcher.run()
        deadlock = not process.exited and any(t.state != Terminated for t in process.threads)
        return BootResult(process.exit_status, process.pid, thread.tid, process.image_base,
                          kernel.instruction_count(), kernel.syscall_count, kernel.dispatcher.context_switches,
                          deadlock)
