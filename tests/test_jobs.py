"""Job objects: samples/job_basic (one process in named and nested jobs: IsProcessInJob, the
completion port, limits read back, accounting, a JOB_MEMORY limit, TerminateJobObject's exit
code), samples/job_limits (the limits that end a process, one per mode), samples/job_children
(children created by CreateProcessW inside a job: inheritance, breakaway, the ACTIVE_PROCESS
limit, KILL_ON_JOB_CLOSE, TerminateJobObject of a nested job), the EJOB as guest memory shows
it, and the !job view."""
import pytest
from conftest import run_kernel, sample_path

ERROR_NOT_ENOUGH_QUOTA = 1816


@pytest.fixture(scope="module")
def basic_run():
    return run_kernel("boot", sample_path("job_basic"))


@pytest.mark.parametrize("line", [
    b"IsProcessInJob before: in no job",
    b"IsProcessInJob(job) after: in it",
    b"the port: JOB_OBJECT_MSG_NEW_PROCESS, key, pid",
    b"the basic limits read back (only the basic flags)",
    b"the job's priority class is the process's now",
    b"a process id list of 8 bytes -> ERROR_BAD_LENGTH",
    b"an extended flag through the basic class -> ERROR_INVALID_PARAMETER",
    b"terminate through a JOB_OBJECT_QUERY handle -> ERROR_ACCESS_DENIED",
    b"TotalUserTime grows as the process spins, in whole ticks",
    b"committing 1 MB past it -> ERROR_COMMITMENT_LIMIT",
    b"the port: JOB_OBJECT_MSG_JOB_MEMORY_LIMIT, pid",
    b"the port: JOB_OBJECT_MSG_PROCESS_MEMORY_LIMIT, pid",
    b"and still in the outer one",
])
def test_job_basic_checks(basic_run, line):
    assert b"ok   " + line in basic_run.stdout.splitlines(), basic_run.stdout.decode(errors="replace")


def test_terminate_job_object_gives_the_exit_code(basic_run):
    """Every check passed and TerminateJobObject(job, 42) ended the process: the command's status."""
    assert b"FAIL" not in basic_run.stdout
    assert basic_run.stdout.endswith(b"TerminateJobObject(job, 42)\n")
    assert basic_run.returncode == 42


def _run_limits(mode):
    from kernel.ps.create import CreateRequest
    from kernel.session import Session

    session = Session(256 << 20)
    out = []
    session.kernel.output_sink = lambda fd, data: out.append(bytes(data))
    process, thread = session.create_process(CreateRequest(sample_path("job_limits"), [mode]))
    _at_exit(session, process)
    result = session.run(process, thread)
    return process, result, b"".join(out)


def _at_exit(session, process):
    """Keep what the process's address space said when it exited (it goes right after):
    process.at_exit = (PEB.ProcessInJob, commit charge)."""
    from kernel.layouts import LAYOUTS, StructView

    def seen(event):
        if event.fields["pid"] == process.pid:
            peb = StructView(process.space, process.peb, LAYOUTS["PEB"])
            process.at_exit = (peb.ProcessInJob, process.space.commit_charge)
    session.kernel.events.subscribe(seen, ("process-exit",))


def test_process_time_limit_ends_a_spinning_process():
    """PROCESS_TIME of 100 ms: the process ends with ERROR_NOT_ENOUGH_QUOTA within a quantum
    or two of passing it (the charge comes at the clock ticks), counted as terminated."""
    process, result, out = _run_limits("process-time")
    assert b"spinning\n" in out and b"FAIL" not in out
    assert result.exit_code == ERROR_NOT_ENOUGH_QUOTA
    job = process.job
    from kernel.ke.clock import TIME_INCREMENT
    limit_ticks = 1000000 // TIME_INCREMENT
    assert limit_ticks < process.eprocess.Pcb.UserTime <= limit_ticks + 4
    assert job.total_terminated_processes == 1
    assert not job.signal_state                  # a per-process limit does not signal the job


def test_process_time_limit_from_the_command_line():
    result = run_kernel("boot", sample_path("job_limits"))
    assert result.returncode == ERROR_NOT_ENOUGH_QUOTA & 0xFF
    assert b"0x00000718" in result.stderr and b"FAIL" not in result.stdout


def test_job_time_limit_ends_the_job_and_signals_it():
    process, result, out = _run_limits("job-time")
    assert b"FAIL" not in out
    assert result.exit_code == ERROR_NOT_ENOUGH_QUOTA
    assert process.job.signal_state == 1
    assert process.job.total_terminated_processes == 1


def test_job_time_with_post_at_end_of_job_lets_the_process_run():
    process, result, out = _run_limits("job-time-post")
    assert b"FAIL" not in out and b"ok   the port: END_OF_JOB_TIME, the key, no process" in out
    assert result.exit_code == 0


def test_kill_on_job_close_ends_the_process_closing_its_last_handle():
    process, result, out = _run_limits("kill-on-close")
    assert out.endswith(b"closing the last handle\n")
    assert result.exit_code == 0
    assert process.job.handle_count == 0


def test_active_process_limit_terminates_the_process_assigned():
    from kernel.status import STATUS_QUOTA_EXCEEDED
    process, result, out = _run_limits("active-limit")
    assert b"FAIL" not in out
    assert result.exit_code == STATUS_QUOTA_EXCEEDED
    assert process.job is None                  # the association failed


def test_ejob_in_guest_memory():
    """EPROCESS.Job is the EJOB; its ProcessListHead links EPROCESS.JobLinks; the PEB says
    ProcessInJob; EJOB's KEVENT is the dispatcher header a wait sees."""
    from kernel.layouts import LAYOUTS
    from kernel.ps.job import OFF_PROCESS_LIST_HEAD

    process, result, _out = _run_limits("kill-on-close")
    job = process.job
    kernel = job.kernel
    assert process.eprocess.Job == job.address
    link = process.address + LAYOUTS["EPROCESS"].offset("JobLinks")
    head = job.address + OFF_PROCESS_LIST_HEAD
    read_q = lambda va: int.from_bytes(kernel.system.read(va, 8), "little")     # noqa: E731
    assert read_q(head) == link and read_q(link) == head
    assert process.at_exit[0] == 1                            # PEB.ProcessInJob
    assert job.dispatcher_header == job.address
    assert kernel.system.read(job.address, 1) == b"\0"        # NotificationEvent


def test_debugger_job_view():
    result = run_kernel("boot", "--break", "exit", "-c", "!job", sample_path("job_basic"))
    out = result.stdout.decode(errors="replace")
    assert "Job at ffff" in out
    assert "TotalProcesses:            0x1" in out
    assert "Signalled:                   yes" in out
    assert "ParentJob:" in out
    assert "Image: job_basic.exe  ExitStatus: 0000002a" in out


def test_job_events_on_the_stream(tmp_path):
    """--events records the assignment and the limit that ended the process."""
    import json
    path = tmp_path / "events.jsonl"
    run_kernel("boot", "--events", str(path), sample_path("job_limits"))
    jobs = [e for e in map(json.loads, path.read_text().splitlines()) if e["kind"] == "job"]
    assert [(e["action"], e.get("limit")) for e in jobs] == [("assign", None), ("limit", "PROCESS_TIME")]
    assert jobs[0]["job"] == jobs[1]["job"] and jobs[0]["pid"] == jobs[1]["pid"]


@pytest.fixture(scope="module")
def children_run():
    return run_kernel("boot", sample_path("job_children"))


@pytest.mark.parametrize("line", [
    b"the child is in the parent's job",
    b"NEW_PROCESS: the child",
    b"EXIT_PROCESS: the child",
    b"ABNORMAL_EXIT_PROCESS: the crashing child",
    b"CREATE_BREAKAWAY_FROM_JOB without BREAKAWAY_OK -> ERROR_ACCESS_DENIED",
    b"and that child is in no job",
    b"SILENT_BREAKAWAY_OK: a plain child",
    b"ACTIVE_PROCESS limit 1: CreateProcessW -> ERROR_NOT_ENOUGH_QUOTA",
    b"ACTIVE_PROCESS_LIMIT on the port",
    b"the refused child counts as terminated for a limit, not as one of the job's",
    b"closing the job ends it",
    b"the child ends with 55",
    b"the inner job is signalled",
    b"the outer job: seven processes, one active",
    b"a list of one entry for three processes -> ERROR_MORE_DATA",
    b"with room for three: the parent and both children, in order",
])
def test_job_children_checks(children_run, line):
    assert b"ok   " + line in children_run.stdout.splitlines(), children_run.stdout.decode(errors="replace")


def test_job_children_sample_passes_everything(children_run):
    assert b"FAIL" not in children_run.stdout and children_run.returncode == 0


def test_children_in_the_executive():
    """After the run: the children refused (past the ACTIVE_PROCESS limit, a breakaway the job
    does not allow) were terminated with the creation's status before a thread ran and are in
    no job; the parent's job lists what it had."""
    from kernel.ps.create import CreateRequest
    from kernel.session import Session
    from kernel.status import STATUS_ACCESS_DENIED, STATUS_QUOTA_EXCEEDED

    session = Session(256 << 20)
    session.kernel.output_sink = lambda fd, data: None
    process, thread = session.create_process(CreateRequest(sample_path("job_children")))
    assert session.run(process, thread).exit_code == 0
    job = process.job
    children = [p for p in session.kernel.processes if p.eprocess.InheritedFromUniqueProcessId == process.pid]
    refused = [p for p in children if p.exit_status in (STATUS_QUOTA_EXCEEDED, STATUS_ACCESS_DENIED)]
    assert sorted(p.exit_status for p in refused) == [STATUS_ACCESS_DENIED, STATUS_QUOTA_EXCEEDED]
    assert all(p.job is None and not p.threads for p in refused)
    assert [p.exit_status for p in job.members] == [0, 7, 0xC0000005, 0, 55, 56, 3]
    assert sum(1 for p in children if p.job is None) == 4      # two broke away, two were refused
    assert len(job.children) == 2 and all(child.parent is job for child in job.children)


def test_nested_jobs_and_recorded_limits_in_the_executive():
    """job_basic's process ends in a tree of three jobs (EPROCESS.Job is the innermost); the
    DIE_ON_UNHANDLED_EXCEPTION it set is recorded as SEM_NOGPFAULTERRORBOX in
    EPROCESS.DefaultHardErrorProcessing; the memory peaks are in bytes of whole pages."""
    from kernel.ps.create import CreateRequest
    from kernel.ps.job import SEM_NOGPFAULTERRORBOX
    from kernel.session import Session

    session = Session(256 << 20)
    session.kernel.output_sink = lambda fd, data: None
    process, thread = session.create_process(CreateRequest(sample_path("job_basic")))
    _at_exit(session, process)
    assert session.run(process, thread).exit_code == 42
    chain = process.job.chain()
    assert len(chain) == 3 and process.eprocess.Job == chain[0].address
    assert [j.parent for j in chain] == [chain[1], chain[2], None]
    assert all(j.members == [process] for j in chain)
    assert process.eprocess.DefaultHardErrorProcessing & SEM_NOGPFAULTERRORBOX
    outer = chain[2]
    assert outer.peak_job_memory % 0x1000 == 0 and outer.peak_job_memory >= process.at_exit[1] * 0x1000
    assert outer.signal_state == 1 and all(j.signal_state == 1 for j in chain)    # TerminateJobObject
