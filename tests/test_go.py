"""Go programs (samples/go_*, built by Go's own toolchain): what test_samples.py checks (stdout and
exit code with 1 and 4 processors) plus what only Go shows: the unrecovered panic's report on
stderr as Go prints it, arguments and exit codes, and runs that repeat exactly."""
import os

import pytest
from conftest import ROOT, run_kernel, sample_path

GO_PANIC_STDERR = (b"panic: the unrecovered one\n\n"
                   b"goroutine 1 [running]:\n"
                   b"main.inner(...)\n"
                   b"\t./go_panic.go:42\n"
                   b"main.main()\n"
                   b"\t./go_panic.go:50 +0x14a\n")


@pytest.mark.parametrize("cpus", ["1", "4"])
def test_go_panic_prints_the_goroutine_trace_and_exits_with_2(cpus):
    """Two panics recovered (one a nil pointer: an access violation Go's vectored handler turns
    into a panic), then an unrecovered one: Go's report on stderr and exit code 2, nothing else."""
    result = run_kernel("boot", "--cpus", cpus, sample_path("go_panic"))
    assert result.returncode == 2
    assert result.stderr == GO_PANIC_STDERR
    lines = result.stdout.splitlines()
    assert lines[2] == b"recovered: runtime error: invalid memory address or nil pointer dereference"


def test_go_arguments_and_exit_code():
    result = run_kernel("boot", "--cpus", "2", sample_path("go_hello"), "one", "two words", 'q"uote')
    assert result.stdout == b'hello from Go\n3 arguments: one,two words,q"uote\nexit code 21\n'
    assert result.returncode == 21 and result.stderr == b""


def test_go_files_leaves_the_working_directory_as_it_was():
    before = sorted(os.listdir(ROOT))
    result = run_kernel("boot", sample_path("go_files"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(b"entry: a.txt\ndone\n")
    assert sorted(os.listdir(ROOT)) == before


@pytest.mark.parametrize("name", ["go_routines", "go_panic"])
def test_go_runs_repeat_exactly(tmp_path, name):
    """Goroutines on four processors, sysmon's preemption (SuspendThread/GetThreadContext), timers
    and the exception path: the same output, system calls and scheduler events every run."""
    runs = []
    for i in range(2):
        events = tmp_path / f"events{i}.jsonl"
        syscalls = tmp_path / f"syscalls{i}.txt"
        result = run_kernel("trace", "--syscalls", "-o", str(syscalls), "--cpus", "4", "--events", str(events),
                            sample_path(name))
        runs.append((result.stdout, result.stderr, result.returncode, events.read_bytes(), syscalls.read_bytes()))
    assert runs[0] == runs[1]
    assert b"NtCreateThreadEx" in runs[0][4] and b"NtSetTimer" in runs[0][4]


def test_go_os_deadlock_is_reported_by_go():
    """Every goroutine blocked: Go's own scheduler sees it (its threads wait in the kernel) and
    ends the program with its report and exit code 2; the run is no emulator deadlock (75)."""
    result = run_kernel("boot", "--cpus", "2", sample_path("go_os"))
    assert result.returncode == 2
    report = b"fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n"
    assert result.stderr.startswith(report)
    assert b"pipe: through a pipe\n" in result.stdout and result.stdout.endswith(b"now every goroutine waits\n")
