"""Stage 4: PspCreateThread (PspAllocateThread, KeInitThread, PspInsertThread), and stage 7's
kernel half, PspUserThreadStartup."""
import ctypes
import struct

from ..hal import cpustate as cs
from ..layouts import LAYOUTS, StructView
from ..mm.pte import PAGE_GUARD, PAGE_READWRITE, PAGE_SIZE
from ..mm.vad import MEM_PRIVATE, Vad
from ..mm.virtual import commit_pages
from ..ob.object import ObCreateObject
from ..status import STATUS_NO_MEMORY, NtStatusError
from .objects import EThread
from .process import PEB_ADDRESS, _list_insert_tail

TEB_SIZE = 2 * PAGE_SIZE
CONTEXT_SIZE = 0x4D0
CONTEXT_FULL = 0x10000B
_Q = struct.Struct("<Q")


def MiCreateTeb(process, thread: EThread) -> int:
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
    if commit >= reserve:               # RtlCreateUserStack: the reserve grows to the commit, in 1 MB
        reserve = (commit + 0xFFFFF) & ~0xFFFFF
    bottom = space.vads.find_free(reserve)
    if bottom is None:                  # more than the address space has room for
        raise NtStatusError(STATUS_NO_MEMORY, f"no room for a stack of {reserve:#x} bytes")
    space.vads.insert(Vad(bottom, bottom + reserve, MEM_PRIVATE, PAGE_READWRITE, "Stack"))
    top = bottom + reserve
    limit = top - commit
    commit_pages(space, limit, top, PAGE_READWRITE)
    if limit - PAGE_SIZE >= bottom:
        commit_pages(space, limit - PAGE_SIZE, limit, PAGE_READWRITE | PAGE_GUARD)
    return top, limit, bottom


def PspCreateThread(kernel, process, start_address: int, parameter: int, stack_reserve: int,
                    stack_commit: int, priority: int) -> EThread:
    """Returns the thread, initialised but not yet ready (PspInsertThread does that)."""
    if kernel.limits is not None:
        kernel.limits.charge_thread()
    system = kernel.system
    address = ObCreateObject(kernel, "Thread", LAYOUTS["ETHREAD"].size)
    thread = EThread(system, address, process)
    thread.bind_header(system, address)
    et = thread.ethread
    tcb = et.Tcb
    tcb.Header.Size = (LAYOUTS["KTHREAD"].size // 4) & 0xFF
    tcb.Process = process.address
    tcb.Priority = priority
    tcb.BasePriority = priority
    tcb.QuantumReset = process.eprocess.Pcb.QuantumReset
    tcb.Affinity.Mask = process.affinity            # KeInitThread: the process's affinity
    tcb.UserAffinity.Mask = process.affinity
    ideal = KeSelectIdealProcessor(kernel, process)  # KeStartThread: round robin from the process's seed
    tcb.IdealProcessor = ideal
    tcb.UserIdealProcessor = ideal
    tcb.NextProcessor = ideal
    tcb.PreviousMode = 1                            # UserMode
    tid = kernel.allocate_cid()
    et.Cid.UniqueProcess = process.pid
    et.Cid.UniqueThread = tid
    et.CreateTime.QuadPart = kernel.system_time()
    et.ExitStatus = 0x103             # STATUS_PENDING
    et.StartAddress = start_address
    et.Win32StartAddress = start_address

    # Stacks: the kernel stack from nonpaged pool, the user stack in the process.
    thread.kernel_stack = system.allocate_kernel_stack()
    tcb.InitialStack = thread.kernel_stack
    tcb.StackBase = thread.kernel_stack
    tcb.StackLimit = thread.kernel_stack - 0x6000
    stack_top, stack_limit, stack_bottom = MmCreateUserStack(process, stack_reserve, stack_commit)
    thread.user_stack = (stack_bottom, stack_limit, stack_top)

    # The TEB.
    thread.teb = MiCreateTeb(process, thread)
    tcb.Teb = thread.teb
    teb = StructView(process.space, thread.teb, LAYOUTS["TEB"])
    teb.NtTib.StackBase = stack_top
    teb.NtTib.StackLimit = stack_limit
    teb.NtTib.Self = thread.teb
    teb.ClientId.UniqueProcess = process.pid
    teb.ClientId.UniqueThread = tid
    teb.ProcessEnvironmentBlock = process.peb
    teb.CurrentLocale = 0x409

    KeInitThread(kernel, thread, start_address, parameter, stack_top)
    kernel.dispatcher.add_thread(thread)
    return thread


def KeSelectIdealProcessor(kernel, process) -> int:
    """Ideal processors are handed out round robin among those the process's affinity allows."""
    allowed = [n for n in range(len(kernel.processors)) if process.affinity >> n & 1] or [0]
    seed = getattr(process, "ideal_seed", 0)
    process.ideal_seed = seed + 1
    return allowed[seed % len(allowed)]


def KeInitThread(kernel, thread: EThread, start_address: int, parameter: int, stack_top: int) -> None:
    """The initial kernel stack: a trap frame that KiStartUserThread leaves through, aimed at
    ntdll!LdrInitializeThunk(Context, NtdllBase), where Context resumes at
    RtlUserThreadStart(StartAddress, Parameter)."""
    process = thread.process
    space = process.space
    ntdll = process.ntdll.exports.by_name
    base = process.ntdll.base
    # The user CONTEXT sits at the top of the user stack.
    context_va = (stack_top - CONTEXT_SIZE) & ~0xF
    ctx = bytearray(CONTEXT_SIZE)
    struct.pack_into("<I", ctx, 0x30, CONTEXT_FULL)
    struct.pack_into("<HHHHHH", ctx, 0x38, 0x33, 0x2B, 0x2B, 0x53, 0x2B, 0x2B)
    struct.pack_into("<I", ctx, 0x44, 0x200)
    struct.pack_into("<I", ctx, 0x34, 0x1F80)                 # MxCsr
    struct.pack_into("<Q", ctx, 0x80, start_address)         # Rcx
    struct.pack_into("<Q", ctx, 0x88, parameter)             # Rdx
    struct.pack_into("<Q", ctx, 0x98, context_va - 8)        # Rsp: as if RtlUserThreadStart was called
    struct.pack_into("<Q", ctx, 0xF8, base + ntdll["RtlUserThreadStart"])
    space.write(context_va, bytes(ctx))

    tf_va = thread.trap_frame
    tf = StructView(kernel.system, tf_va, LAYOUTS["KTRAP_FRAME"])
    tf.Rip = base + ntdll["LdrInitializeThunk"]
    tf.SegCs = 0x33
    tf.EFlags = 0x200
    tf.Rsp = context_va - 0x28          # a return slot and home space below the context
    tf.SegSs = 0x2B
    tf.Rcx = context_va
    tf.Rdx = base
    tf.PreviousMode = 1
    thread.ethread.Tcb.TrapFrame = tf_va
    thread.ethread.Tcb.KernelStack = tf_va

    # The CPU state it starts with: ring 0 at KiStartUserThread on that stack.
    thread.context = kernel.dispatcher.new_context(kernel.template)
    thread.context_handle = thread.context.context
    thread.blob_address = ctypes.cast(thread.context_handle, ctypes.c_void_p).value + cs.CONTEXT_HEADER
    view = thread.view = cs.blob_view(thread.context)
    _Q.pack_into(view, cs.OFF_RIP, kernel.image.exports["KiStartUserThread"])
    _Q.pack_into(view, cs.REG_RSP, tf_va)
    _Q.pack_into(view, cs.OFF_SEGS + cs.SEG_GS * cs.SEG_SIZE + 8, kernel.processors[0].kpcr)
    _Q.pack_into(view, kernel.machine.layout.kernel_gs_base, thread.teb)
    _Q.pack_into(view, cs.OFF_CR3, process.space.cr3)


def PspInsertThread(kernel, thread: EThread, suspended: bool) -> None:
    process = thread.process
    ep = process.eprocess
    _list_insert_tail(kernel.system, ep.Pcb.field_address("ThreadListHead"),
                      thread.ethread.Tcb.field_address("ThreadListEntry"))
    _list_insert_tail(kernel.system, ep.field_address("ThreadListHead"),
                      thread.ethread.field_address("ThreadListEntry"))
    ep.ActiveThreads = ep.ActiveThreads + 1
    process.threads.append(thread)
    thread.suspend_count = 1 if suspended else 0
    if kernel.events.wants("thread-create"):
        kernel.events.emit("thread-create", time=kernel.dispatcher.now(), pid=process.pid, tid=thread.tid,
                           priority=thread.priority, start=thread.ethread.Win32StartAddress)


def PspResumeNewThread(kernel, thread) -> None:
    """A new thread not created suspended becomes ready."""
    if not thread.suspend_count:
        kernel.dispatcher.ready(thread)

