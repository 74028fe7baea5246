"""The kernel as a whole: machine, system space, processor, dispatcher, the CID table and
the three gates through which guest kernel code enters the executive."""
import struct

from ..events import EventStream
from ..hal.icount import InstructionCounter
from ..hal.native_lib import native_library
from ..layouts import LAYOUTS
from ..mm.sysload import MiInitializeLoadedModuleList
from ..ob.object import ObInitSystem
from ..status import STATUS_INVALID_SYSTEM_SERVICE, NtStatusError
from .boot import BOOT_SYSTEM_TIME, KiSystemStartup, Processor, init_shared_user_data
from .clock import DEFAULT_TICK_INSTRUCTIONS
from .dispatcher import Dispatcher

MAX_PROCESSORS = 64

TF = LAYOUTS["KTRAP_FRAME"]
_TF_ARGS = struct.Struct("<QQQQQQQ")         # Rax Rcx Rdx R8 R9 R10 R11 at 0x30
_Q = struct.Struct("<Q")
OFF_RAX = TF.offset("Rax")
OFF_RSP = TF.offset("Rsp")


def service_arguments(mem, frame: int, space, count: int, r10: int, rdx: int, r8: int, r9: int) -> tuple:
    """The arguments of one system service: R10, RDX, R8, R9, then the caller's stack above
    its home space (the trap frame's Rsp + 0x28)."""
    if count <= 4:
        return (r10, rdx, r8, r9)[:count]
    rsp = _Q.unpack_from(mem, frame + OFF_RSP)[0]
    extra = space.probe_read(rsp + 0x28, 8 * (count - 4))
    return (r10, rdx, r8, r9) + struct.unpack("<%dQ" % (count - 4), extra)


class Kernel:
    def __init__(self, phys_size: int = 512 << 20, cpus: int = 1,
                 tick_instructions: int = DEFAULT_TICK_INSTRUCTIONS, boot_time: int | None = None):
        self.events = EventStream()
        self.boot_system_time = BOOT_SYSTEM_TIME if boot_time is None else boot_time   # SystemTime at tick 0
        self.machine, self.system, self.image, self.processor, self.template = KiSystemStartup(phys_size)
        self.processors = [self.processor] + [Processor(self.system, n, self.image, boot=self.processor)
                                              for n in range(1, cpus)]
        self.kuser = init_shared_user_data(self.system, cpus, phys_size // 0x1000, self.boot_system_time)
        self.loaded_module_list = MiInitializeLoadedModuleList(self.system, self.image)     # PsLoadedModuleList
        self.dispatcher = Dispatcher(self, self.processors, tick_instructions)
        self.object_headers: dict = {}      # OBJECT_HEADER address -> the executive's object for it
        ObInitSystem(self)
        self.counter = InstructionCounter(self.machine, self._read_code)
        self.dispatcher.counter = self.counter
        self.dispatcher.clock.attach(self.counter)
        self.machine.attach_counter(self.counter, native_library())
        self.phys = self.machine.phys
        self.mem = self.phys.buffer
        self.processes: list = []           # PsActiveProcessHead's order
        self._next_cid = 4
        self.service_table: dict[int, tuple] = {}   # number -> (name, handler, argument count)
        self.trap_handler = None            # (kernel, thread, frame pa) -> None, set by the executive
        self.trace = None                   # the trace capture (kernel/trace), when one is taken
        self.thread_startup = None          # PspUserThreadStartup
        self.thread_reaper = None           # (kernel, thread) -> None: PspReapThread
        self.process_exit_hook = None       # (process) -> None: an exited process, its memory still there
        self.syscall_count = 0
        exports = self.image.exports
        for name, callback in (("KiSystemServiceGate", self._system_service),
                               ("KiTrapGate", self._trap),
                               ("KiStartUserThreadGate", self._thread_startup)):
            self.machine.add_gate(exports[name], callback)

    # -- PspCidTable: process and thread ids share one counter, in steps of 4
    def allocate_cid(self) -> int:
        cid = self._next_cid
        self._next_cid += 4
        return cid

    def trap_frame_pa(self, thread) -> int:
        pa = thread.trap_frame_pa
        if pa is None:
            pa = thread.trap_frame_pa = self.system.kernel_pa(thread.trap_frame)
        return pa

    # -- gate: KiSystemServiceGate (KiSystemServiceUser's dispatch)
    def _system_service(self) -> None:
        thread = self.dispatcher.current
        frame = self.trap_frame_pa(thread)
        mem = self.mem
        rax, _rcx, rdx, r8, r9, r10, _r11 = _TF_ARGS.unpack_from(mem, frame + OFF_RAX)
        self.syscall_count += 1
        entry = self.service_table.get(rax & 0xFFFFFFFF)
        if entry is None:
            status = STATUS_INVALID_SYSTEM_SERVICE
            name = None
            argv = (r10, rdx, r8, r9)
        else:
            name, handler, count = entry
            argv = service_arguments(mem, frame, thread.process.space, count, r10, rdx, r8, r9)
            try:
                status = handler(self, thread, *argv)
            except NtStatusError as e:
                status = e.status
        if self.events.wants("syscall"):
            self.events.emit("syscall", time=self.dispatcher.now(), number=rax, name=name, status=status,
                             pid=thread.process.pid, tid=thread.tid,
                             args=argv)
        if status is not None:
            _Q.pack_into(mem, frame + OFF_RAX, status & 0xFFFFFFFF)

    # -- gate: KiTrapGate (faults and exceptions from KiTrapCommon)
    def _trap(self) -> None:
        thread = self.dispatcher.current
        self.trap_handler(self, thread, self.trap_frame_pa(thread))

    # -- gate: KiStartUserThreadGate
    def _thread_startup(self) -> None:
        self.thread_startup(self, self.dispatcher.current)

    # -- services the rest of the executive relies on
    def system_time(self) -> int:
        """KeQuerySystemTime: the virtual clock, to the instruction."""
        return self.boot_system_time + self.dispatcher.interrupt_time()

    def interrupt_time(self) -> int:
        return self.dispatcher.interrupt_time()

    def flush_code(self) -> None:
        self.machine.flush_code()
        self.counter.invalidate()

    output_sink = None                  # (fd, bytes) -> None; None writes to the host's fds
    limits = None                       # the LimitGuard (kernel/limits.py), when the boot has one
    fault_sink = None                   # (line) -> None

    def report_fault(self, line: str) -> None:
        if self.fault_sink is not None:
            self.fault_sink(line)

    def _read_code(self, va: int, size: int) -> bytes:
        if va >= 0xFFFF800000000000:
            return self.system.read(va, size)
        return self.dispatcher.current.process.space.read(va, size)

    def instruction_count(self) -> int:
        return self.counter.instructions
