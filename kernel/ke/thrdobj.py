"""Thread objects as the kernel initialises and changes them (NT's thrdobj.c): KeInitThread's
initial kernel stack and CPU state, the ideal processor, suspension and resumption, affinity.

Called with the dispatcher lock held."""
import ctypes
import struct

from ..hal import cpustate as cs
from ..layouts import LAYOUTS, StructView
from .kthread import Initialized, Ready, Running

CONTEXT_SIZE = 0x4D0
CONTEXT_FULL = 0x10000B
_Q = struct.Struct("<Q")


def KeSelectIdealProcessor(kernel, process) -> int:
    """Ideal processors are handed out round robin among those the process's affinity allows."""
    allowed = [n for n in range(len(kernel.processors)) if process.affinity >> n & 1] or [0]
    seed = getattr(process, "ideal_seed", 0)
    process.ideal_seed = seed + 1
    return allowed[seed % len(allowed)]


def KeInitThread(kernel, thread, start_address: int, parameter: int, stack_top: int) -> None:
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
    # FltSave (the FXSAVE image NtContinue restores): every x64 thread starts with the x87
    # control word 0x27F (exceptions masked, 53-bit precision) and MXCSR 0x1F80.
    struct.pack_into("<H", ctx, 0x100, 0x27F)                 # FltSave.ControlWord
    struct.pack_into("<II", ctx, 0x118, 0x1F80, 0xFFFF)       # FltSave.MxCsr, MxCsr_Mask
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


def KeSuspendThread(kernel, target) -> None:
    """The thread stops where it is and waits on its suspend count (WaitReason Suspended)."""
    dispatcher = kernel.dispatcher
    state = target.state
    if state in (Ready, Running):
        if state == Ready:
            dispatcher.remove(target)
        target.suspended_wait = True
        target.wait_reason = 5
        dispatcher.block(target, "suspend")


def KeResumeThread(kernel, target) -> None:
    dispatcher = kernel.dispatcher
    if target.suspended_wait:
        target.suspended_wait = False
        dispatcher.ready(target)
    elif target.state == Initialized:
        dispatcher.ready(target)


def KeSetAffinityThread(kernel, target) -> None:
    """A ready thread is requeued where it may now run; a running one on a processor it may no
    longer use leaves it."""
    dispatcher = kernel.dispatcher
    if target.state == Ready:
        dispatcher.remove(target)
        dispatcher.ready(target)
    elif target is dispatcher.current and not target.affinity >> dispatcher.executing.number & 1:
        target.state = Ready
        dispatcher.ready(target)
        dispatcher.stop_current("preempt")
