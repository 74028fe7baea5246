"""Process and thread exit: PspExitThread, PspExitProcess, PspTerminateProcess, and the
reaper.

A thread that ends leaves any wait, abandons the mutants it owns and is signalled; the last
thread's end ends the process, which is signalled in turn. Once off its processor, the reaper
gives back its kernel stack, its TEB and the user stack the kernel made for it, and once the
last thread of an exited process is off its processor, the process's address space
(MmCleanProcessAddressSpace); the page directory goes when the process object's last handle
closes (MmDeleteProcessAddressSpace). Thread objects themselves stay."""
from ..ke.kthread import Terminated
from ..ke.wait import cancel_wait, owned_mutants, signal_object
from ..mm.system import KERNEL_STACK_SIZE
from ..mm.teardown import MmCleanProcessAddressSpace, MmDeleteProcessAddressSpace
from ..mm.vad import MEM_RELEASE
from ..mm.virtual import MmFreeVirtualMemory
from ..status import NtStatusError


def _end_thread(kernel, thread, status: int) -> None:
    """KeTerminateThread: out of the dispatcher, its mutants abandoned, its object signalled."""
    thread.exit_status = status
    thread.ethread.ExitTime.QuadPart = kernel.system_time()     # GetThreadTimes' exit time
    process = thread.process
    ep = process.eprocess
    ep.ActiveThreads = max(ep.ActiveThreads - 1, 0)
    cancel_wait(kernel, thread)
    kernel.dispatcher.terminate(thread)
    for mutant in owned_mutants(kernel, thread):
        mutant.release(kernel, abandon=True)
    if kernel.events.wants("thread-exit"):
        kernel.events.emit("thread-exit", time=kernel.dispatcher.now(), pid=process.pid, tid=thread.tid,
                           status=status)
    signal_object(kernel, thread)
    kernel.dispatcher.reap_after_run(thread)        # it may still be on its kernel stack


def PspReapThread(kernel, thread) -> None:
    """The reaper (KiReapList's work, MmDeleteKernelStack, MmDeleteTeb), once the thread is
    off its processor: its kernel stack back to nonpaged pool and, while its process lives on,
    its TEB and user stack released. An exited process keeps its address space whole, for
    whoever inspects it afterwards."""
    if thread.reaped:
        return
    thread.reaped = True
    kernel.system.free_pool(thread.kernel_stack - KERNEL_STACK_SIZE, KERNEL_STACK_SIZE)
    process = thread.process
    if process.space is None:
        return
    if process.exited:
        if all(t.reaped for t in process.threads):
            PspProcessCleanup(kernel, process)
        return
    for base in (thread.teb, thread.user_stack[0] if thread.user_stack else 0):
        if base:
            try:
                MmFreeVirtualMemory(process.space, base, 0, MEM_RELEASE)
            except NtStatusError:
                pass                # the program released it itself


def PspProcessCleanup(kernel, process) -> None:
    """The exited process's last thread is off its processor: a debugger sees the exit
    (DbgkExitProcess, before the memory goes), then its user address space goes, and the page
    directory too when no handle holds the process object any more."""
    if kernel.process_exit_hook is not None and not getattr(process, "exit_reported", False):
        process.exit_reported = True
        kernel.process_exit_hook(process)
    MmCleanProcessAddressSpace(process)
    if process.handle_count == 0:
        MmDeleteProcessAddressSpace(process)


def PspExitThread(kernel, thread, status: int) -> None:
    if thread.state == Terminated:
        return
    _end_thread(kernel, thread, status)
    process = thread.process
    if process.eprocess.ActiveThreads == 0:         # the last thread has ended
        PspExitProcess(kernel, process, status)


def PspExitProcess(kernel, process, status: int) -> None:
    """The last thread is gone (or the process was terminated): record the exit status."""
    if process.exited:
        return
    process.exited = True
    process.eprocess.ExitStatus = status & 0xFFFFFFFF
    process.eprocess.ExitTime.QuadPart = kernel.system_time()
    for thread in process.threads:
        if thread.state != Terminated:
            _end_thread(kernel, thread, status)
    if process.job is not None:
        process.job.exit_process(process, status)     # PspExitProcessFromJob: accounting, messages
    if process.handles is not None:
        process.handles.clear()
    kernel.events.emit("process-exit", pid=process.pid, name=process.name, status=status & 0xFFFFFFFF)
    signal_object(kernel, process)


def PspTerminateProcess(kernel, process, status: int, except_thread=None) -> None:
    """NtTerminateProcess: every thread ends; with except_thread, all but that one."""
    for thread in list(process.threads):
        if thread is not except_thread and thread.state != Terminated:
            _end_thread(kernel, thread, status)
    if except_thread is None:
        PspExitProcess(kernel, process, status)
