"""One boot: the kernel brought up, Idle and System created, the user process created through
the stages, and the dispatcher run until no user process is left."""
import ntpath
import os

from .ex import exception, services
from .io.iomgr import IoInitSystem
from .ke.clock import DEFAULT_TICK_INSTRUCTIONS
from .ke.kernel import Kernel
from .limits import LimitReached
from .ps import create
from .ps.exit import PspReapThread, PspTerminateProcess
from .ps.psinit import PsInitSystem
from .status import STATUS_PROCESS_IS_TERMINATING


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
        self.orphans: list = []         # (pid, name) of descendants left waiting when the run ended


class Session:
    def __init__(self, phys_size: int = 512 << 20, cpus: int = 1,
                 tick_instructions: int = DEFAULT_TICK_INSTRUCTIONS, mounts=None, boot_time: int | None = None):
        self.kernel = kernel = Kernel(phys_size, cpus, tick_instructions, boot_time)
        services.install(kernel)
        IoInitSystem(kernel, mounts)        # the object namespace, devices, C: over the mount table
        kernel.trap_handler = exception.KiDispatchTrap
        kernel.thread_startup = create.PspUserThreadStartup
        kernel.thread_reaper = PspReapThread
        PsInitSystem(kernel)

    def create_process(self, request: create.CreateRequest):
        self.kernel.io.mounts.set_image_folder(os.path.dirname(request.host_path))      # its folder is C:\app
        table = self.kernel.system_process.handles
        held = {h for h, _ in table.items()} if table is not None else set()
        process, thread = create.NtCreateUserProcess(self.kernel, request)
        if table is not None:       # the launcher's process and thread handles
            process.launcher_handles = [h for h, (obj, _) in table.items()
                                        if h not in held and obj in (process, thread)]
        return process, thread

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
        orphans = []
        if deadlock and process.exited:
            # The first process has ended; what is left are its descendants, all waiting for
            # something that cannot come. The run ends as the first process did, without them.
            orphans = [p for p in kernel.processes if p.space is not None and not p.exited and p is not process]
            for p in orphans:
                PspTerminateProcess(kernel, p, STATUS_PROCESS_IS_TERMINATING)
            kernel.dispatcher.reap_ended()      # nothing runs any more: their memory goes now
            deadlock = False
        if process.exited:
            self._close_launcher_handles(process)
        result = BootResult(process.exit_status, process.pid, thread.tid, process.image_base,
                            kernel.instruction_count(), kernel.syscall_count, kernel.dispatcher.context_switches,
                            deadlock, limit)
        result.orphans = [(p.pid, ntpath.basename(p.image_path) or p.name) for p in orphans]
        return result

    def close(self) -> None:
        """The end of the boot: its temporary folders go. Runs before it share C:\\Temp as the
        processes of one Windows session share %TEMP%."""
        self.kernel.io.shutdown()

    def _close_launcher_handles(self, process) -> None:
        """The executive launched the process and holds its process and thread handles, as a
        CreateProcess caller does; it has the exit status now and closes them, so the process
        object goes (and its page directory with it) unless another handle still holds it."""
        table = self.kernel.system_process.handles
        for handle in getattr(process, "launcher_handles", ()):
            table.close(handle, force=True)
        process.launcher_handles = []
