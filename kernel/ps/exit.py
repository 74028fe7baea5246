"""Process and thread exit: PspTerminateThreadByPointer, PspExitProcess."""
from ..ps.objects import Terminated


def PspExitThread(kernel, thread, status: int) -> None:
    if thread.state == Terminated:
        return
    thread.exit_status = status
    process = thread.process
    ep = process.eprocess
    ep.ActiveThreads = max(ep.ActiveThreads - 1, 0)
    kernel.dispatcher.terminate(thread)
    if kernel.events.wants("thread-exit"):
        kernel.events.emit("thread-exit", pid=process.pid, tid=thread.tid, status=status)
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
            thread.exit_status = status
            kernel.dispatcher.terminate(thread)
    if process.handles is not None:
        process.handles.clear()
    kernel.events.emit("process-exit", pid=process.pid, name=process.name, status=status & 0xFFFFFFFF)


def PspTerminateProcess(kernel, process, status: int, except_thread=None) -> None:
    """NtTerminateProcess: every thread ends; with except_thread, all but that one."""
    for thread in list(process.threads):
        if thread is not except_thread and thread.state != Terminated:
            thread.exit_status = status
            kernel.dispatcher.terminate(thread)
            process.eprocess.ActiveThreads = max(process.eprocess.ActiveThreads - 1, 0)
    if except_thread is None:
        PspExitProcess(kernel, process, status)
