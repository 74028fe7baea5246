"""Job object services: NtCreateJobObject, NtOpenJobObject, NtAssignProcessToJobObject,
NtIsProcessInJob, NtTerminateJobObject, NtQueryInformationJobObject, NtSetInformationJobObject.

Arguments are captured and checked here, with the statuses Windows gives (the structures'
exact sizes or STATUS_INFO_LENGTH_MISMATCH, STATUS_ACCESS_DENIED for a handle without the
right, STATUS_INVALID_PARAMETER for limits that cannot be); the rules are kernel/ps/job.py's.
Names go through the object manager like every named object (\\BaseNamedObjects).
"""
import struct

from ..io.completion import IoCompletion
from ..ob.handles import NT_CURRENT_PROCESS
from ..ob.namespace import ObCreateNamedObject, ObOpenObjectByName
from ..ps import job as psjob
from ..ps.job import EJob
from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_BUFFER_OVERFLOW,
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_INFO_CLASS,
    STATUS_INVALID_PARAMETER,
    STATUS_PROCESS_IN_JOB,
    STATUS_PROCESS_IS_TERMINATING,
    STATUS_PROCESS_NOT_IN_JOB,
    STATUS_SUCCESS,
    NtStatusError,
)
from .handles import reference_process

JOB_OBJECT_ASSIGN_PROCESS, JOB_OBJECT_SET_ATTRIBUTES, JOB_OBJECT_QUERY, JOB_OBJECT_TERMINATE = 0x1, 0x2, 0x4, 0x8
PROCESS_TERMINATE, PROCESS_SET_QUOTA = 0x1, 0x100
# JOBOBJECTINFOCLASS
JobObjectBasicAccountingInformation = 1
JobObjectBasicLimitInformation = 2
JobObjectBasicProcessIdList = 3
JobObjectEndOfJobTimeInformation = 6
JobObjectAssociateCompletionPortInformation = 7
JobObjectBasicAndIoAccountingInformation = 8
JobObjectExtendedLimitInformation = 9
JobObjectLimitViolationInformation = 13

# JOBOBJECT_BASIC_LIMIT_INFORMATION (x64): two LARGE_INTEGERs, LimitFlags, the working set
# sizes, ActiveProcessLimit, Affinity, PriorityClass, SchedulingClass
_BASIC_LIMIT = struct.Struct("<qqI4xQQI4xQII")
_ACCOUNTING = struct.Struct("<qqqqIIII")                # JOBOBJECT_BASIC_ACCOUNTING_INFORMATION
IO_COUNTERS_SIZE = 48
_MEMORY = struct.Struct("<QQQQ")                        # ProcessMemoryLimit ... PeakJobMemoryUsed
EXTENDED_LIMIT_SIZE = _BASIC_LIMIT.size + IO_COUNTERS_SIZE + _MEMORY.size     # 144
_VIOLATION = struct.Struct("<IIQQQQqqQQII")             # JOBOBJECT_LIMIT_VIOLATION_INFORMATION
PROCESS_ID_LIST_HEADER = 8                              # NumberOfAssignedProcesses, NumberOfProcessIdsInList
PROCESS_ID_LIST_SIZE = 16                               # with its one ProcessIdList entry
_ASSOCIATE_PORT = struct.Struct("<QQ")                  # CompletionKey, CompletionPort
MAX_SCHEDULING_CLASS = 9


def _job(thread, handle: int, needed: int) -> EJob:
    """ObReferenceObjectByHandle for a job with the access the service needs."""
    handles = thread.process.handles
    job = handles.lookup(handle, EJob)
    if handles.access(handle) & needed != needed:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    return job


def _process(thread, handle: int, needed: int):
    process = reference_process(thread, handle)
    if handle != NT_CURRENT_PROCESS and thread.process.handles.access(handle) & needed != needed:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    return process


def NtCreateJobObject(kernel, thread, handle_out, access, attributes):
    return ObCreateNamedObject(kernel, thread, handle_out, access, attributes, EJob, lambda: EJob(kernel))


def NtOpenJobObject(kernel, thread, handle_out, access, attributes):
    return ObOpenObjectByName(kernel, thread, handle_out, access, attributes, EJob)


def NtAssignProcessToJobObject(kernel, thread, job_handle, process_handle):
    job = _job(thread, job_handle, JOB_OBJECT_ASSIGN_PROCESS)
    process = _process(thread, process_handle, PROCESS_SET_QUOTA | PROCESS_TERMINATE)
    if process.exited:
        raise NtStatusError(STATUS_PROCESS_IS_TERMINATING)
    psjob.PspAssignProcessToJob(kernel, job, process)
    return STATUS_SUCCESS


def NtIsProcessInJob(kernel, thread, process_handle, job_handle):
    """STATUS_PROCESS_IN_JOB or STATUS_PROCESS_NOT_IN_JOB; with no job handle, any job. A
    process that has exited is still in its jobs."""
    process = reference_process(thread, process_handle)
    if process.job is None:
        return STATUS_PROCESS_NOT_IN_JOB
    if not job_handle:
        return STATUS_PROCESS_IN_JOB
    job = _job(thread, job_handle, JOB_OBJECT_QUERY)
    return STATUS_PROCESS_IN_JOB if job in process.job.chain() else STATUS_PROCESS_NOT_IN_JOB


def NtTerminateJobObject(kernel, thread, job_handle, status):
    """Every process of the job (and of its child jobs) ends with `status`; the job is signalled."""
    job = _job(thread, job_handle, JOB_OBJECT_TERMINATE)
    psjob.PspTerminateJobProcesses(kernel, job, status & 0xFFFFFFFF)
    job.signal()
    return None if thread.process.exited else STATUS_SUCCESS


# -- NtQueryInformationJobObject
def _basic_limits(job: EJob, valid: int = psjob.JOB_OBJECT_BASIC_LIMIT_VALID_FLAGS) -> bytes:
    """The basic limits; the basic class shows only the basic flags."""
    return _BASIC_LIMIT.pack(job.per_process_user_time_limit, job.per_job_user_time_limit, job.limit_flags & valid,
                             job.minimum_working_set, job.maximum_working_set, job.active_process_limit,
                             job.affinity, job.priority_class, job.scheduling_class)


def _accounting(job: EJob) -> bytes:
    user = job.user_ticks()
    return _ACCOUNTING.pack(user * psjob.TIME_INCREMENT, 0, (user - job.period_base_ticks) * psjob.TIME_INCREMENT,
                            0, 0, job.total_processes, len(job.active_processes()),
                            job.total_terminated_processes)


def _process_id_list(job: EJob, length: int) -> tuple[bytes, int]:
    """The live processes' ids, as many as fit: STATUS_BUFFER_OVERFLOW when not all do."""
    if length < PROCESS_ID_LIST_SIZE:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    pids = [p.pid for p in job.active_processes()]
    fit = pids[:(length - PROCESS_ID_LIST_HEADER) // 8]
    data = struct.pack("<II%dQ" % len(fit), len(pids), len(fit), *fit)
    return data, STATUS_SUCCESS if len(fit) == len(pids) else STATUS_BUFFER_OVERFLOW


def _limit_violation(job: EJob) -> bytes:
    tracked = job.limit_flags & (psjob.JOB_OBJECT_LIMIT_JOB_MEMORY | psjob.JOB_OBJECT_LIMIT_JOB_TIME)
    user = (job.user_ticks() - job.period_base_ticks) * psjob.TIME_INCREMENT
    return _VIOLATION.pack(tracked, job.violation_flags & tracked, 0, 0, 0, 0, user, job.per_job_user_time_limit,
                           job.commit_bytes(), job.job_memory_limit, 0, 0)


def NtQueryInformationJobObject(kernel, thread, job_handle, info_class, buffer, length, return_length):
    """A NULL job handle is the caller's own innermost job (STATUS_ACCESS_DENIED when it has none)."""
    if job_handle:
        job = _job(thread, job_handle, JOB_OBJECT_QUERY)
    elif thread.process.job is not None:
        job = thread.process.job
    else:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    length &= 0xFFFFFFFF
    status = STATUS_SUCCESS
    if info_class == JobObjectBasicProcessIdList:
        data, status = _process_id_list(job, length)
    else:
        if info_class == JobObjectBasicAccountingInformation:
            data = _accounting(job)
        elif info_class == JobObjectBasicLimitInformation:
            data = _basic_limits(job)
        elif info_class == JobObjectEndOfJobTimeInformation:
            data = struct.pack("<I", job.end_of_job_time_action)
        elif info_class == JobObjectBasicAndIoAccountingInformation:
            data = _accounting(job) + bytes(IO_COUNTERS_SIZE)
        elif info_class == JobObjectExtendedLimitInformation:
            data = (_basic_limits(job, psjob.JOB_OBJECT_EXTENDED_LIMIT_VALID_FLAGS) + bytes(IO_COUNTERS_SIZE)
                    + _MEMORY.pack(job.process_memory_limit, job.job_memory_limit, job.peak_process_memory,
                                   job.peak_job_memory))
        elif info_class == JobObjectLimitViolationInformation:
            data = _limit_violation(job)
        else:
            raise NtStatusError(STATUS_INVALID_INFO_CLASS)
        if length != len(data):
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    space = thread.process.space
    space.probe_write(buffer, data)
    if return_length:
        space.probe_write(return_length, struct.pack("<I", len(data)))
    return status


# -- NtSetInformationJobObject
def _set_limits(kernel, job: EJob, data: bytes, extended: bool) -> None:
    """JobObjectBasicLimitInformation / JobObjectExtendedLimitInformation: flags outside the
    class's valid set, PRESERVE_JOB_TIME with JOB_TIME, a priority class, affinity or
    scheduling class that cannot be are STATUS_INVALID_PARAMETER; the limits then hold for the
    job's processes at once."""
    (process_time, job_time, flags, ws_min, ws_max, active, affinity, priority,
     scheduling) = _BASIC_LIMIT.unpack_from(data)
    valid = psjob.JOB_OBJECT_EXTENDED_LIMIT_VALID_FLAGS if extended else psjob.JOB_OBJECT_BASIC_LIMIT_VALID_FLAGS
    preserve = flags & psjob.JOB_OBJECT_LIMIT_PRESERVE_JOB_TIME
    if flags & ~valid or (preserve and flags & psjob.JOB_OBJECT_LIMIT_JOB_TIME):
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if flags & psjob.JOB_OBJECT_LIMIT_PRIORITY_CLASS and priority not in psjob.NT_PRIORITY_CLASS_BASE:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if flags & psjob.JOB_OBJECT_LIMIT_AFFINITY and (not affinity or affinity & ~kernel.dispatcher.active_mask):
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if flags & psjob.JOB_OBJECT_LIMIT_SCHEDULING_CLASS and scheduling > MAX_SCHEDULING_CLASS:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if flags & psjob.JOB_OBJECT_LIMIT_WORKINGSET and ws_min > ws_max:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    if flags & psjob.JOB_OBJECT_LIMIT_PROCESS_TIME and process_time < 0 or \
            flags & psjob.JOB_OBJECT_LIMIT_JOB_TIME and job_time < 0:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    old = job.limit_flags
    if not extended:                    # the basic class leaves the extended limits alone
        flags |= old & ~psjob.JOB_OBJECT_BASIC_LIMIT_VALID_FLAGS
    flags &= ~psjob.JOB_OBJECT_LIMIT_PRESERVE_JOB_TIME
    if preserve:
        flags |= old & psjob.JOB_OBJECT_LIMIT_JOB_TIME
    elif flags & psjob.JOB_OBJECT_LIMIT_JOB_TIME:
        job.per_job_user_time_limit = job_time
        job.period_base_ticks = job.user_ticks()        # ThisPeriodTotalUserTime starts again
        if job.violation_flags & psjob.JOB_OBJECT_LIMIT_JOB_TIME:
            job.violation_flags &= ~psjob.JOB_OBJECT_LIMIT_JOB_TIME
            job.signal_state = 0                        # signalled until the limit is reset
    else:
        job.per_job_user_time_limit = 0
    job.limit_flags = flags
    job.per_process_user_time_limit = process_time if flags & psjob.JOB_OBJECT_LIMIT_PROCESS_TIME else 0
    has = lambda bit, value, default=0: value if flags & bit else default    # noqa: E731
    job.minimum_working_set = has(psjob.JOB_OBJECT_LIMIT_WORKINGSET, ws_min)
    job.maximum_working_set = has(psjob.JOB_OBJECT_LIMIT_WORKINGSET, ws_max)
    job.active_process_limit = has(psjob.JOB_OBJECT_LIMIT_ACTIVE_PROCESS, active)
    job.affinity = has(psjob.JOB_OBJECT_LIMIT_AFFINITY, affinity)
    job.priority_class = has(psjob.JOB_OBJECT_LIMIT_PRIORITY_CLASS, priority)
    job.scheduling_class = has(psjob.JOB_OBJECT_LIMIT_SCHEDULING_CLASS, scheduling, 5)
    if extended:
        process_memory, job_memory = struct.unpack_from("<QQ", data, _BASIC_LIMIT.size + IO_COUNTERS_SIZE)
        job.process_memory_limit = has(psjob.JOB_OBJECT_LIMIT_PROCESS_MEMORY, process_memory)
        job.job_memory_limit = has(psjob.JOB_OBJECT_LIMIT_JOB_MEMORY, job_memory)
    for process in job.active_processes():
        psjob.PspApplyJobLimits(kernel, process.job, [process])


def _associate_port(thread, job: EJob, data: bytes) -> None:
    """The job's completion port, once: a second one is STATUS_INVALID_PARAMETER. The
    processes already in the job are announced to it with NEW_PROCESS."""
    key, port_handle = _ASSOCIATE_PORT.unpack(data)
    port = thread.process.handles.lookup(port_handle, IoCompletion)
    if job.port is not None:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    job.port = (port, key)
    for process in job.active_processes():
        job.post(psjob.JOB_OBJECT_MSG_NEW_PROCESS, process.pid)


_SET_SIZES = {JobObjectBasicLimitInformation: _BASIC_LIMIT.size, JobObjectEndOfJobTimeInformation: 4,
              JobObjectAssociateCompletionPortInformation: _ASSOCIATE_PORT.size,
              JobObjectExtendedLimitInformation: EXTENDED_LIMIT_SIZE}


def NtSetInformationJobObject(kernel, thread, job_handle, info_class, buffer, length):
    job = _job(thread, job_handle, JOB_OBJECT_SET_ATTRIBUTES)
    size = _SET_SIZES.get(info_class)
    if size is None:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length & 0xFFFFFFFF != size:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    data = thread.process.space.probe_read(buffer, size)
    if info_class in (JobObjectBasicLimitInformation, JobObjectExtendedLimitInformation):
        _set_limits(kernel, job, data, info_class == JobObjectExtendedLimitInformation)
    elif info_class == JobObjectEndOfJobTimeInformation:
        action = struct.unpack("<I", data)[0]
        if action not in (psjob.JOB_OBJECT_TERMINATE_AT_END_OF_JOB, psjob.JOB_OBJECT_POST_AT_END_OF_JOB):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        job.end_of_job_time_action = action
    else:
        _associate_port(thread, job, data)
    return STATUS_SUCCESS


JOB_SERVICES = {
    "NtCreateJobObject": (NtCreateJobObject, (("JobHandle", "ph"), ("DesiredAccess", "u"),
                                              ("ObjectAttributes", "oa"))),
    "NtOpenJobObject": (NtOpenJobObject, (("JobHandle", "ph"), ("DesiredAccess", "u"), ("ObjectAttributes", "oa"))),
    "NtAssignProcessToJobObject": (NtAssignProcessToJobObject, (("JobHandle", "h"), ("ProcessHandle", "h"))),
    "NtIsProcessInJob": (NtIsProcessInJob, (("ProcessHandle", "h"), ("JobHandle", "h"))),
    "NtTerminateJobObject": (NtTerminateJobObject, (("JobHandle", "h"), ("ExitStatus", "st"))),
    "NtQueryInformationJobObject": (NtQueryInformationJobObject, (
        ("JobHandle", "h"), ("JobObjectInformationClass", "u"), ("JobObjectInformation", "p"),
        ("JobObjectInformationLength", "u"), ("ReturnLength", "pul")
    )),
    "NtSetInformationJobObject": (NtSetInformationJobObject, (
        ("JobHandle", "h"), ("JobObjectInformationClass", "u"), ("JobObjectInformation", "p"),
        ("JobObjectInformationLength", "u")
    )),
}
