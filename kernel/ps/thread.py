"""Stage 4: PspCreateThread (PspAllocateThread, then KeInitThread in kernel/ke/thrdobj.py,
PspInsertThread), and stage 7's kernel half, PspUserThreadStartup."""
from ..ke.thrdobj import KeInitThread, KeSelectIdealProcessor
from ..layouts import LAYOUTS, StructView
from ..mm.procsup import MiCreateTeb, MmCreateUserStack
from ..ob.object import ObCreateObject
from .objects import EThread
from .process import _list_insert_tail


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
    et.ThreadPagePriority = process.eprocess.DefaultPagePriority   # the process's memory priority
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
    teb.DeallocationStack = stack_bottom
    teb.NtTib.Self = thread.teb
    teb.ClientId.UniqueProcess = process.pid
    teb.ClientId.UniqueThread = tid
    teb.ProcessEnvironmentBlock = process.peb
    teb.CurrentLocale = 0x409

    KeInitThread(kernel, thread, start_address, parameter, stack_top)
    kernel.dispatcher.add_thread(thread)
    return thread


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

