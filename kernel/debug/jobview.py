"""!job: a job object as WinDbg's !job shows it: its accounting, its limits, its parent and
child jobs, and the processes on its ProcessListHead (walked in guest memory through
EPROCESS.JobLinks). Without an address, the job of the process in focus (EPROCESS.Job)."""
from ..ke.clock import TIME_INCREMENT
from ..layouts import LAYOUTS
from ..ob.object import OBJECT_HEADER_BODY
from ..ps import job as psjob
from .klists import walk
from .target import DebugError

_EP_JOB_LINKS = LAYOUTS["EPROCESS"].offset("JobLinks")
LIMIT_NAMES = {value: name[len("JOB_OBJECT_LIMIT_"):] for name, value in vars(psjob).items()
               if name.startswith("JOB_OBJECT_LIMIT_") and isinstance(value, int)}


def _flag_names(flags: int) -> str:
    names = [LIMIT_NAMES[1 << b] for b in range(32) if flags & 1 << b and 1 << b in LIMIT_NAMES]
    return " ".join(names) or "none"


def cmd_job(target, args: list[str], out) -> None:
    """!job [EJOB address] [Flags]: Flags 2 lists the processes too (the default)."""
    if args:
        address = target.evaluate(args[0])
    else:
        address = target.view("EPROCESS", target.process.address).Job
        if not address:
            raise DebugError("The process is not in a job")
    flags = target.evaluate(args[1]) if len(args) > 1 else 2
    job = target.kernel.object_headers.get(address - OBJECT_HEADER_BODY)
    if not isinstance(job, psjob.EJob):
        raise DebugError(f"{address:016x} is not a job object")
    user = job.user_ticks() * TIME_INCREMENT
    out(f"Job at {address:016x}")
    out("  Basic Accounting Information")
    out(f"    TotalUserTime:             0x{user:x}")
    out("    TotalKernelTime:           0x0")
    out(f"    ThisPeriodTotalUserTime:   0x{user - job.period_base_ticks * TIME_INCREMENT:x}")
    out(f"    TotalProcesses:            0x{job.total_processes:x}")
    out(f"    ActiveProcesses:           0x{len(job.active_processes()):x}")
    out(f"    TotalTerminatedProcesses:  0x{job.total_terminated_processes:x}")
    out(f"    PeakJobMemoryUsed:         0x{job.peak_job_memory:x}")
    out(f"    PeakProcessMemoryUsed:     0x{job.peak_process_memory:x}")
    out(f"  Limit Information (LimitFlags: 0x{job.limit_flags:x}: {_flag_names(job.limit_flags)})")
    for bit, label, value in ((psjob.JOB_OBJECT_LIMIT_PROCESS_TIME, "PerProcessUserTimeLimit",
                               job.per_process_user_time_limit),
                              (psjob.JOB_OBJECT_LIMIT_JOB_TIME, "PerJobUserTimeLimit", job.per_job_user_time_limit),
                              (psjob.JOB_OBJECT_LIMIT_ACTIVE_PROCESS, "ActiveProcessLimit", job.active_process_limit),
                              (psjob.JOB_OBJECT_LIMIT_AFFINITY, "Affinity", job.affinity),
                              (psjob.JOB_OBJECT_LIMIT_PRIORITY_CLASS, "PriorityClass", job.priority_class),
                              (psjob.JOB_OBJECT_LIMIT_PROCESS_MEMORY, "ProcessMemoryLimit", job.process_memory_limit),
                              (psjob.JOB_OBJECT_LIMIT_JOB_MEMORY, "JobMemoryLimit", job.job_memory_limit)):
        if job.limit_flags & bit:
            out(f"    {label + ':':<27}0x{value:x}")
    out(f"  Signalled:                   {'yes' if job.signal_state else 'no'}")
    if job.port is not None:
        out(f"  CompletionPort:              {job.port[0].address:016x}  Key {job.port[1]:x}")
    if job.parent is not None:
        out(f"  ParentJob:                   {job.parent.address:016x}")
    for child in job.children:
        out(f"  ChildJob:                    {child.address:016x}")
    if flags & 2:
        out("  Processes assigned to this job:")
        for ep in walk(target, address + psjob.OFF_PROCESS_LIST_HEAD, _EP_JOB_LINKS):
            view = target.view("EPROCESS", ep)
            name = view.ImageFileName.rstrip(b"\0").decode("ascii", "replace")
            out(f"    PROCESS {ep:016x}  Cid: {view.UniqueProcessId:04x}  Image: {name}"
                f"  ExitStatus: {view.ExitStatus & 0xFFFFFFFF:08x}")
