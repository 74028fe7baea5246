"""Job objects (EJOB) and their rules: membership, nesting, limits, accounting, messages.

A job is a waitable object (EJOB begins with its KEVENT, a notification event) whose processes
are linked through EPROCESS.JobLinks on its ProcessListHead; EPROCESS.Job names the innermost job
of a process. Windows 8's nested jobs form a tree: a process in a job is in all its ancestors too,
and each of them counts it, accounts for it and posts its messages to its own completion port
(the key set with the port, the process id as the OVERLAPPED value). What EJOB keeps beyond its
first three members (limits, counters, the port) is the executive's own, not guest memory.

The executive enforces the limits: ACTIVE_PROCESS when a process joins (PspAddProcessToJob),
PROCESS_MEMORY and JOB_MEMORY when memory is committed (the address space's commit hook), the
two user-time limits when the clock interrupt charges ticks (KeUpdateRunTime's charge_ticks
calls `charged`, which queues a DPC: the processes end after the interrupt, never inside it),
KILL_ON_JOB_CLOSE when the last handle goes, PRIORITY_CLASS, AFFINITY and
DIE_ON_UNHANDLED_EXCEPTION on every process that joins or is in the job when they are set.
"""
from ..io.completion import Packet
from ..ke.clock import TIME_INCREMENT
from ..ke.dobject import DispatcherObject
from ..ke.lists import InitializeListHead, InsertTailList, RemoveEntryList
from ..ke.procobj import KeSetAffinityProcess, KeSetPriorityProcess
from ..ke.wait import KiWaitTest, NotificationEvent
from ..layouts import LAYOUTS, StructView
from ..mm.pte import PAGE_SIZE
from ..ob.object import ObCreateObject, ObjectBody
from ..status import STATUS_ACCESS_DENIED, STATUS_COMMITMENT_LIMIT, STATUS_QUOTA_EXCEEDED, NtStatusError
from .exit import PspTerminateProcess

# JOBOBJECT_BASIC_LIMIT_INFORMATION.LimitFlags
JOB_OBJECT_LIMIT_WORKINGSET = 0x1
JOB_OBJECT_LIMIT_PROCESS_TIME = 0x2
JOB_OBJECT_LIMIT_JOB_TIME = 0x4
JOB_OBJECT_LIMIT_ACTIVE_PROCESS = 0x8
JOB_OBJECT_LIMIT_AFFINITY = 0x10
JOB_OBJECT_LIMIT_PRIORITY_CLASS = 0x20
JOB_OBJECT_LIMIT_PRESERVE_JOB_TIME = 0x40
JOB_OBJECT_LIMIT_SCHEDULING_CLASS = 0x80
JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x100
JOB_OBJECT_LIMIT_JOB_MEMORY = 0x200
JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION = 0x400
JOB_OBJECT_LIMIT_BREAKAWAY_OK = 0x800
JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK = 0x1000
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
JOB_OBJECT_LIMIT_SUBSET_AFFINITY = 0x4000
JOB_OBJECT_BASIC_LIMIT_VALID_FLAGS = 0xFF
JOB_OBJECT_EXTENDED_LIMIT_VALID_FLAGS = 0x7FFF
TIME_LIMITS = JOB_OBJECT_LIMIT_PROCESS_TIME | JOB_OBJECT_LIMIT_JOB_TIME
MEMORY_LIMITS = JOB_OBJECT_LIMIT_PROCESS_MEMORY | JOB_OBJECT_LIMIT_JOB_MEMORY

# The completion port messages (the packet's NumberOfBytesTransferred)
JOB_OBJECT_MSG_END_OF_JOB_TIME = 1
JOB_OBJECT_MSG_END_OF_PROCESS_TIME = 2
JOB_OBJECT_MSG_ACTIVE_PROCESS_LIMIT = 3
JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO = 4
JOB_OBJECT_MSG_NEW_PROCESS = 6
JOB_OBJECT_MSG_EXIT_PROCESS = 7
JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS = 8
JOB_OBJECT_MSG_PROCESS_MEMORY_LIMIT = 9
JOB_OBJECT_MSG_JOB_MEMORY_LIMIT = 10

JOB_OBJECT_TERMINATE_AT_END_OF_JOB, JOB_OBJECT_POST_AT_END_OF_JOB = 0, 1
# What a process ended by a time limit exits with: the Win32 code, as documented
# (JOBOBJECT_END_OF_JOB_TIME_INFORMATION).
ERROR_NOT_ENOUGH_QUOTA = 1816
# What the processes of a job closed with KILL_ON_JOB_CLOSE end with: not documented; Windows
# 10's PspJobClose passes STATUS_SUCCESS to PspTerminateAllProcessesInJobHierarchy.
KILL_ON_CLOSE_STATUS = 0
SEM_NOGPFAULTERRORBOX = 0x2
# The exit codes that make JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS instead of EXIT_PROCESS
# (JOBOBJECT_ASSOCIATE_COMPLETION_PORT's list): exceptions and STATUS_CONTROL_C_EXIT.
ABNORMAL_EXIT_CODES = frozenset({
    0xC0000005, 0xC000008C, 0x80000003, 0xC000013A, 0x80000002, 0xC000008D, 0xC000008E, 0xC000008F, 0xC0000090,
    0xC00002B4, 0xC00002B5, 0xC0000091, 0xC0000092, 0xC0000093, 0x80000001, 0xC000001D, 0xC0000006, 0xC0000026,
    0xC0000094, 0xC0000095, 0xC0000025, 0xC0000096, 0xC00002C9, 0x80000004, 0xC00000FD,
})
# PROCESS_PRIORITY_CLASS values (what the executive stores) -> the base priority of each
NT_PRIORITY_CLASS_BASE = {1: 4, 2: 8, 3: 13, 4: 24, 5: 6, 6: 10}

# EJOB's first members, as every build since NT 5 has them (x64)
OFF_EVENT, OFF_JOB_LINKS, OFF_PROCESS_LIST_HEAD = 0x0, 0x18, 0x28
EJOB_SIZE = 0x38                        # the members above; the rest is the executive's (see the header)
_OFF_JOB_LINKS_EPROCESS = LAYOUTS["EPROCESS"].offset("JobLinks")


class EJob(ObjectBody, DispatcherObject):
    type_name = "Job"

    def __init__(self, kernel):
        self.kernel = kernel
        self.address = ObCreateObject(kernel, "Job", EJOB_SIZE)
        self.bind_header(kernel.system, self.address)
        self.bind_dispatcher_header(kernel.system, self.address, NotificationEvent)
        words = kernel.dispatcher.words
        InitializeListHead(words, self.address + OFF_JOB_LINKS)
        InitializeListHead(words, self.address + OFF_PROCESS_LIST_HEAD)
        self.parent: EJob | None = None
        self.children: list[EJob] = []
        self.processes: list = []           # the processes whose innermost job this is
        self.members: list = []             # every process the job (or a child job) has had, in order
        # JOBOBJECT_EXTENDED_LIMIT_INFORMATION
        self.limit_flags = 0
        self.per_process_user_time_limit = 0
        self.per_job_user_time_limit = 0
        self.minimum_working_set = self.maximum_working_set = 0
        self.active_process_limit = 0
        self.affinity = 0
        self.priority_class = 0
        self.scheduling_class = 5           # the default class
        self.process_memory_limit = self.job_memory_limit = 0
        self.end_of_job_time_action = JOB_OBJECT_TERMINATE_AT_END_OF_JOB
        # accounting
        self.total_processes = 0
        self.total_terminated_processes = 0
        self.exited_user_ticks = 0          # the user time of members that have exited
        self.period_base_ticks = 0          # the job's user time when the job time limit was set
        self.peak_process_memory = self.peak_job_memory = 0
        self.violation_flags = 0            # the limits a member went past (LimitViolationInformation)
        self.port = None                    # (IoCompletion, key): JobObjectAssociateCompletionPortInformation
        self.time_check_queued = False

    # -- the tree
    def chain(self) -> list:
        """This job and its ancestors, innermost first."""
        out, job = [], self
        while job is not None:
            out.append(job)
            job = job.parent
        return out

    def active_processes(self) -> list:
        return [p for p in self.members if not p.exited]

    def user_ticks(self) -> int:
        """TotalUserTime in clock ticks: members that exited, and the live ones' KPROCESS.UserTime."""
        return self.exited_user_ticks + sum(p.eprocess.Pcb.UserTime for p in self.active_processes())

    def commit_bytes(self) -> int:
        """The private memory the job's live processes have committed."""
        return sum(p.space.commit_charge for p in self.active_processes() if p.space is not None) * PAGE_SIZE

    # -- messages
    def post(self, message: int, pid: int = 0) -> None:
        """To the job's completion port, if it has one: key, the message, the pid as OVERLAPPED."""
        if self.port is not None:
            port, key = self.port
            port.post(Packet(key, pid, 0, message))

    def post_up(self, message: int, pid: int = 0) -> None:
        """A message about a limit of this job: to it and to each ancestor's port."""
        for job in self.chain():
            job.post(message, pid)

    def signal(self) -> None:
        """The job (and its child jobs) signalled: TerminateJobObject, the end of the job time."""
        for job in self._subtree():
            job.signal_state = 1
            KiWaitTest(self.kernel, job, 0)

    def _subtree(self) -> list:
        out = [self]
        for child in self.children:
            out += child._subtree()
        return out

    # -- ObpDecrementHandleCount -> PspJobClose
    def handle_closed(self) -> None:
        super().handle_closed()
        if self.handle_count == 0 and self.limit_flags & JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE:
            PspTerminateJobProcesses(self.kernel, self, KILL_ON_CLOSE_STATUS)

    # -- KeUpdateRunTime's charge (called with the dispatcher lock held)
    def charged(self, process) -> None:
        """Ticks were charged to a thread of `process`: if a time limit of its jobs is passed,
        a DPC ends what has to end once the clock interrupt is over."""
        for job in self.chain():
            if job.limit_flags & TIME_LIMITS and not job.time_check_queued and job._over_time(process):
                job.time_check_queued = True
                self.kernel.dispatcher.dpc_queue.append(lambda j=job, p=process: PspEnforceTimeLimits(j, p))

    def _over_time(self, process) -> bool:
        flags = self.limit_flags
        if flags & JOB_OBJECT_LIMIT_PROCESS_TIME and \
                process.eprocess.Pcb.UserTime * TIME_INCREMENT > self.per_process_user_time_limit:
            return True
        return bool(flags & JOB_OBJECT_LIMIT_JOB_TIME) and \
            (self.user_ticks() - self.period_base_ticks) * TIME_INCREMENT > self.per_job_user_time_limit

    # -- PspExitProcessFromJob (PspExitProcess calls it)
    def exit_process(self, process, status: int) -> None:
        """The process has exited: each job it is in accounts for its time and posts
        EXIT_PROCESS (ABNORMAL_EXIT_PROCESS for an exception's code), then ACTIVE_PROCESS_ZERO
        when it was the job's last live process."""
        status &= 0xFFFFFFFF
        pid = process.pid
        message = JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS if status in ABNORMAL_EXIT_CODES else JOB_OBJECT_MSG_EXIT_PROCESS
        for job in self.chain():
            job.exited_user_ticks += process.eprocess.Pcb.UserTime
            job.post(message, pid)
            if not job.active_processes():
                job.post(JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO)


def PspEnforceTimeLimits(job: EJob, process) -> None:
    """The DPC of a passed time limit (PspEnforceLimits): a process past the per-process limit
    ends with ERROR_NOT_ENOUGH_QUOTA after END_OF_PROCESS_TIME; past the job's limit, either
    END_OF_JOB_TIME is posted and the limit dropped (JOB_OBJECT_POST_AT_END_OF_JOB with a port),
    or every process of the job ends with ERROR_NOT_ENOUGH_QUOTA and the job is signalled."""
    job.time_check_queued = False
    flags = job.limit_flags
    ticks = process.eprocess.Pcb.UserTime
    if flags & JOB_OBJECT_LIMIT_PROCESS_TIME and not process.exited \
            and ticks * TIME_INCREMENT > job.per_process_user_time_limit:
        for j in job.chain():
            j.total_terminated_processes += 1
        _event(job.kernel, "limit", job, limit="PROCESS_TIME", pid=process.pid)
        PspTerminateProcess(job.kernel, process, ERROR_NOT_ENOUGH_QUOTA)
        job.post_up(JOB_OBJECT_MSG_END_OF_PROCESS_TIME, process.pid)
    if flags & JOB_OBJECT_LIMIT_JOB_TIME and \
            (job.user_ticks() - job.period_base_ticks) * TIME_INCREMENT > job.per_job_user_time_limit:
        job.violation_flags |= JOB_OBJECT_LIMIT_JOB_TIME
        _event(job.kernel, "limit", job, limit="JOB_TIME", pid=process.pid)
        if job.end_of_job_time_action == JOB_OBJECT_POST_AT_END_OF_JOB and job.port is not None:
            job.limit_flags &= ~JOB_OBJECT_LIMIT_JOB_TIME
            job.post_up(JOB_OBJECT_MSG_END_OF_JOB_TIME)
            return
        live = job.active_processes()
        for j in job.chain():
            j.total_terminated_processes += len(live)
        PspTerminateJobProcesses(job.kernel, job, ERROR_NOT_ENOUGH_QUOTA)
        job.signal()


def PspTerminateJobProcesses(kernel, job: EJob, status: int) -> None:
    """PspTerminateAllProcessesInJob: every live process of the job and its child jobs."""
    _event(kernel, "terminate", job, status=status & 0xFFFFFFFF)
    for process in job.active_processes():
        if not process.exited:
            PspTerminateProcess(kernel, process, status)


def _event(kernel, action: str, job: EJob, **fields) -> None:
    """A "job" event on the stream: a process assigned, a limit enforced, the job terminated."""
    if kernel.events.wants("job"):
        kernel.events.emit("job", time=kernel.dispatcher.now(), action=action, job=job.address, **fields)


# -- joining a job
def _check_active_limit(kernel, joining: list, process) -> None:
    """The jobs the process is about to join may not pass their ACTIVE_PROCESS limits: the
    first one that would posts ACTIVE_PROCESS_LIMIT (and its ancestors see it too) and counts
    the process, which its caller terminates, as terminated for a limit."""
    for job in joining:
        if job.limit_flags & JOB_OBJECT_LIMIT_ACTIVE_PROCESS and \
                len(job.active_processes()) >= job.active_process_limit:
            for j in job.chain():
                j.total_terminated_processes += 1
            job.post_up(JOB_OBJECT_MSG_ACTIVE_PROCESS_LIMIT)
            _event(kernel, "limit", job, limit="ACTIVE_PROCESS", pid=process.pid)
            raise NtStatusError(STATUS_QUOTA_EXCEEDED, f"job's active process limit of {job.active_process_limit}")


def PspAddProcessToJob(kernel, job: EJob, process) -> None:
    """The process's innermost job becomes `job` (it was in none, or in one of job's ancestors):
    linked on its ProcessListHead, EPROCESS.Job and the PEB's ProcessInJob set, counted by each
    job it newly joins, which posts NEW_PROCESS; the jobs' limits applied to it.
    STATUS_QUOTA_EXCEEDED (nothing changed) past an ACTIVE_PROCESS limit."""
    before = process.job.chain() if process.job is not None else []
    joining = [j for j in job.chain() if j not in before]
    _check_active_limit(kernel, joining, process)
    words = kernel.dispatcher.words
    link = process.address + _OFF_JOB_LINKS_EPROCESS
    if process.job is not None:
        process.job.processes.remove(process)
        RemoveEntryList(words, link)
    job.processes.append(process)
    InsertTailList(words, job.address + OFF_PROCESS_LIST_HEAD, link)
    process.job = job
    process.eprocess.Job = job.address
    if process.peb and process.space is not None:
        StructView(process.space, process.peb, LAYOUTS["PEB"]).ProcessInJob = 1
    if process.space is not None:
        process.space.commit_hook = lambda pages, p=process: PspChargeJobCommit(p, pages)
    for j in joining:
        j.members.append(process)
        j.total_processes += 1
        j.post(JOB_OBJECT_MSG_NEW_PROCESS, process.pid)
    _note_memory(process)
    PspApplyJobLimits(kernel, job, [process])
    _event(kernel, "assign", job, pid=process.pid)


def PspApplyJobLimits(kernel, job: EJob, processes: list) -> None:
    """The scheduling limits of the job's chain on its processes, innermost job first: its
    priority class and affinity, and DIE_ON_UNHANDLED_EXCEPTION's SEM_NOGPFAULTERRORBOX."""
    chain = job.chain()
    priority = next((j.priority_class for j in chain if j.limit_flags & JOB_OBJECT_LIMIT_PRIORITY_CLASS), None)
    affinity = next((j.affinity for j in chain if j.limit_flags & JOB_OBJECT_LIMIT_AFFINITY), None)
    die = any(j.limit_flags & JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION for j in chain)
    for process in processes:
        if process.exited:
            continue
        if priority is not None:
            KeSetPriorityProcess(kernel, process, NT_PRIORITY_CLASS_BASE[priority])
        if affinity is not None:
            KeSetAffinityProcess(kernel, process, affinity)
        if die:
            ep = process.eprocess
            ep.DefaultHardErrorProcessing = ep.DefaultHardErrorProcessing | SEM_NOGPFAULTERRORBOX


def PspAssignProcessToJob(kernel, job: EJob, process) -> None:
    """NtAssignProcessToJobObject's rules (Windows 8 and later). A process in no job joins;
    one already in a job may go down into a job nested below its own, or into an empty job
    that has no parent, which becomes a child of the process's job; anything else (its own
    job, an ancestor, another tree) is STATUS_ACCESS_DENIED. Past an ACTIVE_PROCESS limit the
    process is terminated and the association fails with STATUS_QUOTA_EXCEEDED."""
    current = process.job
    nested = False
    if current is not None:
        if job in current.chain():
            raise NtStatusError(STATUS_ACCESS_DENIED, "the process is in that job already")
        if current not in job.chain():
            if job.parent is not None or job.members or job.children:
                raise NtStatusError(STATUS_ACCESS_DENIED, "the job is in another job tree")
            job.parent = current
            current.children.append(job)
            nested = True
    try:
        PspAddProcessToJob(kernel, job, process)
    except NtStatusError:
        if nested:
            current.children.remove(job)        # the nesting did not happen
            job.parent = None
        PspTerminateProcess(kernel, process, STATUS_QUOTA_EXCEEDED)
        raise


def PspInheritJob(kernel, parent, child, breakaway: bool) -> None:
    """A child of a process in a job is in its parent's job (called once the child's EPROCESS
    exists, before its thread runs), unless it breaks away: a job with SILENT_BREAKAWAY_OK lets
    every child go, one with BREAKAWAY_OK lets go a child created with CREATE_BREAKAWAY_FROM_JOB
    (PROCESS_CREATE_FLAGS_BREAKAWAY); the child goes up the tree while the jobs allow it and
    lands in the first that does not. Breaking away from a job that does not allow it is
    STATUS_ACCESS_DENIED; a job at its ACTIVE_PROCESS limit is STATUS_QUOTA_EXCEEDED (and
    ACTIVE_PROCESS_LIMIT posted). Either fails the creation."""
    job = parent.job
    target = job
    while target is not None:
        flags = target.limit_flags
        if flags & JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK or (breakaway and flags & JOB_OBJECT_LIMIT_BREAKAWAY_OK):
            target = target.parent
            continue
        if breakaway and target is job:
            raise NtStatusError(STATUS_ACCESS_DENIED, "the job does not allow breakaway")
        break
    if target is not None:
        PspAddProcessToJob(kernel, target, child)


# -- memory
def _note_memory(process) -> None:
    """The peaks the jobs of a process record (PeakProcessMemoryUsed, PeakJobMemoryUsed)."""
    if process.space is None or process.job is None:
        return
    used = process.space.commit_charge * PAGE_SIZE
    for job in process.job.chain():
        job.peak_process_memory = max(job.peak_process_memory, used)
        job.peak_job_memory = max(job.peak_job_memory, job.commit_bytes())


def PspChargeJobCommit(process, pages: int) -> None:
    """The commit hook of a process in a job: a commit of `pages` more pages may not take the
    process past a PROCESS_MEMORY limit or the job past a JOB_MEMORY limit of any of its jobs
    (PROCESS_MEMORY_LIMIT or JOB_MEMORY_LIMIT is posted, the commit fails with
    STATUS_COMMITMENT_LIMIT); else the peaks follow."""
    job = process.job
    if job is None or pages <= 0:
        return
    extra = pages * PAGE_SIZE
    own = process.space.commit_charge * PAGE_SIZE + extra
    for j in job.chain():
        flags = j.limit_flags
        if flags & JOB_OBJECT_LIMIT_PROCESS_MEMORY and own > j.process_memory_limit:
            j.violation_flags |= JOB_OBJECT_LIMIT_PROCESS_MEMORY
            _event(j.kernel, "limit", j, limit="PROCESS_MEMORY", pid=process.pid)
            j.post_up(JOB_OBJECT_MSG_PROCESS_MEMORY_LIMIT, process.pid)
            raise NtStatusError(STATUS_COMMITMENT_LIMIT, "the job's per-process memory limit")
        if flags & JOB_OBJECT_LIMIT_JOB_MEMORY and j.commit_bytes() + extra > j.job_memory_limit:
            j.violation_flags |= JOB_OBJECT_LIMIT_JOB_MEMORY
            _event(j.kernel, "limit", j, limit="JOB_MEMORY", pid=process.pid)
            j.post_up(JOB_OBJECT_MSG_JOB_MEMORY_LIMIT, process.pid)
            raise NtStatusError(STATUS_COMMITMENT_LIMIT, "the job's memory limit")
    for j in job.chain():
        j.peak_process_memory = max(j.peak_process_memory, own)
        j.peak_job_memory = max(j.peak_job_memory, j.commit_bytes() + extra)
