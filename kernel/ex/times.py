"""KERNEL_USER_TIMES for NtQueryInformationProcess(ProcessTimes) and
NtQueryInformationThread(ThreadTimes): creation and exit times from EPROCESS/ETHREAD, kernel and
user times from the clock ticks KPROCESS/KTHREAD were charged (kernel/ke/kthread.py charge_ticks),
in 100 ns units as Windows reports them (whole ticks of 15.625 ms)."""
import struct

from ..ke.clock import TIME_INCREMENT
from ..ke.kthread import Terminated
from ..status import STATUS_INFO_LENGTH_MISMATCH, NtStatusError

ProcessTimes, ThreadTimes = 4, 1
KERNEL_USER_TIMES_SIZE = 32


def _pack(length: int, create: int, exit_time: int, kernel_ticks: int, user_ticks: int) -> bytes:
    if length != KERNEL_USER_TIMES_SIZE:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    return struct.pack("<qqqq", create, exit_time, kernel_ticks * TIME_INCREMENT, user_ticks * TIME_INCREMENT)


def process_times(process, length: int) -> bytes:
    ep = process.eprocess
    pcb = ep.Pcb
    return _pack(length, ep.CreateTime.QuadPart, ep.ExitTime.QuadPart if process.exited else 0,
                 pcb.KernelTime, pcb.UserTime)


def thread_times(thread, length: int) -> bytes:
    et = thread.ethread
    tcb = et.Tcb
    return _pack(length, et.CreateTime.QuadPart, et.ExitTime.QuadPart if thread.state == Terminated else 0,
                 tcb.KernelTime, tcb.UserTime)
