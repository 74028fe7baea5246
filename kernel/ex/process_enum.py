"""Walking the processes and a process's threads by handle: NtGetNextProcess (the next process on
PsActiveProcessHead after the one given, the first for NULL; Flags 1 walks backwards) and
NtGetNextThread (the next on the process's thread list). Each opens the one it finds with the
access asked for and ends with STATUS_NO_MORE_ENTRIES; an ended process whose object still lives
(a handle holds it) is on the list, as on Windows, and so is an ended thread still referenced."""
import struct

from ..ke.kthread import Terminated
from ..ob.handles import NT_CURRENT_PROCESS
from ..status import STATUS_INVALID_PARAMETER, STATUS_NO_MORE_ENTRIES, STATUS_SUCCESS, NtStatusError
from .handles import reference_process, reference_thread
from .process_open import _alive, _granted

OBJ_INHERIT = 0x2
_Q = struct.Struct("<Q")


def _next(items: list, current, backwards: bool):
    order = list(reversed(items)) if backwards else items
    if current is None:
        return order[0] if order else None
    try:
        i = order.index(current)
    except ValueError:
        return None
    return order[i + 1] if i + 1 < len(order) else None


def _open(thread, target, access: int, attributes: int, handle_out: int) -> int:
    space = thread.process.space
    if target is None:
        space.probe_write(handle_out, _Q.pack(0))
        raise NtStatusError(STATUS_NO_MORE_ENTRIES)
    handle = thread.process.handles.insert(target, _granted(access), attributes & OBJ_INHERIT)
    space.probe_write(handle_out, _Q.pack(handle))
    return STATUS_SUCCESS


def _arguments(attributes: int, flags: int) -> bool:
    if flags & ~1 & 0xFFFFFFFF or attributes & ~OBJ_INHERIT & 0xFFFFFFFF:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    return bool(flags & 1)


def NtGetNextProcess(kernel, thread, handle, access, attributes, flags, handle_out):
    backwards = _arguments(attributes, flags)
    current = reference_process(thread, handle) if handle else None
    live = [p for p in kernel.processes if _alive(p) or p is current]
    found = _next(live, current, backwards)
    return _open(thread, found, access, attributes, handle_out)


def NtGetNextThread(kernel, thread, process_handle, thread_handle, access, attributes, flags, handle_out):
    backwards = _arguments(attributes, flags)
    process = reference_process(thread, process_handle or NT_CURRENT_PROCESS)
    current = reference_thread(thread, thread_handle) if thread_handle else None
    members = [t for t in process.threads if t.state != Terminated or t is current]
    return _open(thread, _next(members, current, backwards), access, attributes, handle_out)


PROCESS_ENUM_SERVICES = {
    "NtGetNextProcess": (NtGetNextProcess, (("ProcessHandle", "h"), ("DesiredAccess", "u"),
                                            ("HandleAttributes", "u"), ("Flags", "u"), ("NewProcessHandle", "ph"))),
    "NtGetNextThread": (NtGetNextThread, (("ProcessHandle", "h"), ("ThreadHandle", "h"), ("DesiredAccess", "u"),
                                          ("HandleAttributes", "u"), ("Flags", "u"), ("NewThreadHandle", "ph"))),
}
