"""NtQuerySystemInformation(SystemProcessInformation): the SYSTEM_PROCESS_INFORMATION list, one
entry per live process (the Idle process first, then PsActiveProcessHead's order), each followed by
a SYSTEM_THREAD_INFORMATION per thread still alive and then its image name, as Windows packs them
(entries 8-aligned, NextEntryOffset 0 on the last). Toolhelp's process and thread snapshots read it."""
import ntpath
import struct

from ..ke.clock import TIME_INCREMENT
from ..ke.kthread import Terminated
from ..ob.namespace import SESSION_ID

SystemProcessInformation = 5
PROCESS_SIZE = 0x100                # SYSTEM_PROCESS_INFORMATION, x64
THREAD_SIZE = 0x50                  # SYSTEM_THREAD_INFORMATION, x64


def _image_name(kernel, process) -> str:
    if process is kernel.idle_process:
        return ""                   # the Idle process has no name (Toolhelp calls it [System Process])
    if process.image_path:
        return ntpath.basename(process.image_path)
    return process.name


def _thread_record(thread, pid: int) -> bytes:
    et = thread.ethread
    tcb = et.Tcb
    return struct.pack("<qqqI4xQQQiiIII4x", tcb.KernelTime * TIME_INCREMENT, tcb.UserTime * TIME_INCREMENT,
                       et.CreateTime.QuadPart, tcb.WaitTime, et.Win32StartAddress, pid, thread.tid,
                       thread.priority, thread.base_priority, tcb.ContextSwitches, thread.state, tcb.WaitReason)


def _process_record(kernel, process, threads: list, name_va: int, name_len: int, next_offset: int) -> bytes:
    ep = process.eprocess
    pcb = ep.Pcb
    handles = len(process.handles) if process.handles is not None else 0
    pid = process.pid
    head = struct.pack("<IIqII", next_offset, len(threads), 0, 0, len(threads))
    head += struct.pack("<Qqqq", 0, ep.CreateTime.QuadPart, pcb.UserTime * TIME_INCREMENT,
                        pcb.KernelTime * TIME_INCREMENT)
    head += struct.pack("<HH4xQi4xQQIIQ", name_len, name_len + 2 if name_len else 0, name_va if name_len else 0,
                        process.base_priority, pid, ep.InheritedFromUniqueProcessId if pid else 0, handles,
                        SESSION_ID if process.space is not None and pid > 4 else 0, pid)
    head += struct.pack("<QQ", ep.PeakVirtualSize, ep.VirtualSize)
    return head.ljust(PROCESS_SIZE, b"\0")


def system_process_information(kernel, buffer: int) -> bytes:
    """The whole list, with the image-name Buffers pointing into the caller's `buffer`."""
    processes = [kernel.idle_process] + [p for p in kernel.processes if not p.exited]
    out = bytearray()
    for index, process in enumerate(processes):
        start = len(out)
        threads = [t for t in process.threads if t.state != Terminated]
        name = _image_name(kernel, process).encode("utf-16-le")
        name_offset = start + PROCESS_SIZE + THREAD_SIZE * len(threads)
        size = (name_offset - start + len(name) + 2 + 7) & ~7 if name else name_offset - start
        last = index == len(processes) - 1
        out += _process_record(kernel, process, threads, buffer + name_offset, len(name), 0 if last else size)
        for thread in threads:
            out += _thread_record(thread, process.pid)
        if name:
            out += name + b"\0\0"
        out += b"\0" * (start + size - len(out))
    return bytes(out)
