"""Process and thread exit: PspExitThread, PspExitProcess, PspTerminateProcess.

A thread that ends leaves any wait, abandons the mutants it owns and is signalled; the last
thread's end ends the process, which is signalled in turn."""
from ..ke.wait import cancel_wait, signal_object
from ..ps.objects import Terminated


def _end_thread(kernel, thread, status: int) -> None:
    """KeTerminateThread: out of the dispatcher, its mutants abandoned, its object signalled."""
    thread.exit_status = status
    process = thread.process
    ep = process.eprocess
    ep.ActiveThreads = max(ep.ActiveThreads - 1, 0)
    cancel_wait(kernel, thread)
    kernel.dispatcher.terminate(thread)
    for mutant in list(thread.owned_mutants):
        mutant.release(kernel, abandon=True)
    thread.owned_mutants.clear()
    if kernel.events.wants("thread-exit"):
        kernel.events.emit("thread-exit", time=kernel.dispatcher.now(), pid=process.pid, tid=thread.tid,
                           status=status)
    signal_object(kernel, thread)


def PspExitThread(kernel, thread, status: int) -> None:
    if thread.state == Terminated:
        return
    _end_thread(kernel, thread, status)
    process = thread.process
    if all(t.state == Terminated for t in process.threads):
        PspExitProcess(kernel, process, status)


def PspExitProcess(kernel, process, status: int) -> None:
    """The last thread is gone (or the process was terminated): record the exit status."""
    if process.exited:
        return
    process.exited = True
    process.eprocess.ExitStatus = status & 0xFFFFFFFF
    for thread in process.threads:
        if thread.state != Terminated:
            _end_thread(kernel, thread, status)
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
