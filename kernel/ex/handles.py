"""Resolving handles passed to services, pseudo-handles included."""
from ..ob.handles import NT_CURRENT_PROCESS, NT_CURRENT_THREAD
from ..ps.objects import EProcess, EThread


def reference_process(thread, handle: int) -> EProcess:
    if handle == NT_CURRENT_PROCESS:
        return thread.process
    return thread.process.handles.lookup(handle, EProcess)


def reference_thread(thread, handle: int) -> EThread:
    if handle == NT_CURRENT_THREAD:
        return thread
    return thread.process.handles.lookup(handle, EThread)
