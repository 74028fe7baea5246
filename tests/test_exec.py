"""Go's os/exec and Rust's std::process on guest process creation (samples/go_exec and
samples/rust_process, each starting itself in child roles): the bytes each prints and its exit
code, the lines that show each part of the contract as Windows gives it (arguments by the MSVCRT
quoting rules, exit codes, pipes, NUL, environment blocks, current directories, TerminateProcess,
the errors for a missing program), and the system calls underneath (NtCreateUserProcess with a
handle list, Rust's named pipes read with overlapped I/O and NtWaitForMultipleObjects)."""
import re

import pytest
from conftest import run_kernel, sample_expectation, sample_path

GO_LINES = [
    # os.DevNull and the other DOS device names (RtlIsDosDeviceName_U)
    r'FullPath("NUL") = "\\\\.\\NUL" <nil>',
    r'FullPath("C:\\app\\con.txt") = "\\\\.\\con" <nil>',
    r'FullPath("C:\\app\\nul\\x") = "C:\\app\\nul\\x" <nil>',
    "written to CON",
    "CON for reading and writing: open con: The system cannot find the file specified.",
    # makeCmdLine's quoting, split back by the child's CommandLineToArgv rules
    r'Output: "arg 0: [plain]\narg 1: [two words]\narg 2: [q\"uote]\narg 3: [back\\slash\\]\narg 4: []\n" <nil>',
    r'CombinedOutput: "to stdout\nto stderr\n" <nil>',
    "arg 0: [on our stdout]",
    "error: exit status 7 ExitCode: 7 Exited: true Success: false",
    r'exit 300: "leaving with 300\n" exit status 300 code 300',
    r'Stdin from NUL: "" <nil>',
    r'pipes: "5:alpha\n0:\n11:gamma delta\n" <nil>',
    "ok   a computing child has user time",
    r'Env: "GOEXEC_A=one=1 GOEXEC_B=2 count 3\n" <nil>',
    r'Dir: "C:\\Windows <nil>\n" <nil>',
    r"Dir missing: chdir C:\no\such\folder: The system cannot find the path specified.",
    "killed: exit status 1 1",
    r'StartProcess: "leaving with 5\n", through FindProcess: exit 5 <nil>',
    "FindProcess of nothing: OpenProcess: The parameter is incorrect.",
    'with ParentProcess, Getppid is that process: "true\\n" <nil>',
    "CREATE_NEW_PROCESS_GROUP, exit -1: exit status 0xffffffff 4294967295",
    r'to a file: "arg 0: [into a file]\n" <nil>, removed true',
    "child's Getppid is our pid: true",
    r"LookPath(go_exec): C:\app\go_exec.exe <nil>",
    'with PATHEXT=.COM: exec: "go_exec": executable file not found in %PATH%',
    'missing: exec: "no_such_program": executable file not found in %PATH%',
    r'missing by path: exec: "C:\\app\\no_such_program.exe": file does not exist',
]

RUST_LINES = [
    r'echo: exit code: 0 stdout "arg 0: [plain]\narg 1: [two words]\narg 2: [q\"uote]\narg 3: [back\\slash\\]\n'
    r'arg 4: []\narg 5: [a\\\"b]\narg 6: [tab\there]\narg 7: [end\\\\]\n" stderr ""',
    'both: exit code: 0 stdout 124000 bytes, 2000 lines, stderr 124000 bytes, '
    'last "err line 01999 .............................................."',
    'exit 300: exit code: 300 success false code Some(300) stdout "exiting with 300\\n"',
    'exit -1: exit code: 0xffffffff success false code Some(-1) stdout "exiting with -1\\n"',
    "panic: exit code: 101 stderr starts \"thread 'main' panicked at 'the child panics', rust_process.rs:124:20\"",
    "abort: exit code: 0xc0000409 code Some(-1073740791)",
    "fault: exit code: 0xc0000005 code Some(-1073741819)",
    'to a file: exit code: 0 "arg 0: [into a file]\\n"',
    "arg 0: [inherited stdout]",
    "Stdio::null: exit code: 0",
    'upper: exit code: 0 stdout "WRITTEN TO A CHILD\'S STDIN\\nSECOND LINE\\n" stderr ""',
    "id: the child says it is id(): true, not us: true, exit code: 0",
    'env_clear: exit code: 0 stdout "RUSTP_ONLY=x | PATH set: false | 1 variables\\n" stderr ""',
    'current_dir: exit code: 0 stdout "C:\\\\Windows\\n" stderr ""',
    "current_dir missing: NotADirectory The directory name is invalid. (os error 267)",
    "killed: exit code: 1 code Some(1)",
    "kill again: Err(PermissionDenied)",
    'ReadFileEx: "arg 0: [read with ReadFileEx]\\n" in 5 completions, SleepEx gave WAIT_IO_COMPLETION: true, '
    "then error 109",
    # ERROR_IO_PENDING, then CancelIo completes the read with ERROR_OPERATION_ABORTED
    "a pending read: ReadFile 0 error 997, CancelIo 1, GetOverlappedResult 0 error 995 bytes 0",
    "missing no_such_program: NotFound raw None program not found",
    r"missing C:\app\no_such_program.exe: NotFound raw Some(2) The system cannot find the file specified. (os error 2)",
]


# The kernel's own report of the two children that end by an exception (not the guest's bytes).
RUST_STDERR = [rb"rust_process\.exe: unhandled exception STATUS_STACK_BUFFER_OVERRUN \(0xC0000409\) at 0x1400[0-9a-f]+"
               rb" in thread \d+\.\d+",
               rb"rust_process\.exe: unhandled exception STATUS_ACCESS_VIOLATION \(0xC0000005\) at 0x1400[0-9a-f]+"
               rb" writing 0x0 in thread \d+\.\d+"]


@pytest.mark.parametrize(("name", "lines", "stderr", "cpus"),
                         [("go_exec", GO_LINES, [], "2"), ("rust_process", RUST_LINES, RUST_STDERR, "3")])
def test_child_processes_as_on_windows(name, lines, stderr, cpus):
    """The whole output as expected.json has it (test_samples runs 1 and 4 processors; this a
    third count), and each line above in it, in order; exit code 0."""
    result = run_kernel("boot", "--cpus", cpus, sample_path(name), timeout=300)
    assert result.returncode == 0, result.stderr
    assert len(result.stderr.splitlines()) == len(stderr)
    assert all(re.fullmatch(p, ln) for p, ln in zip(stderr, result.stderr.splitlines(), strict=True))
    assert result.stdout == sample_expectation(name)["stdout"].encode()
    out = result.stdout.decode().splitlines()
    positions = [out.index(line) for line in lines]
    assert positions == sorted(positions)


def test_go_exec_creates_children_with_a_handle_list(tmp_path):
    """syscall.StartProcess: every child comes from NtCreateUserProcess (with its attribute list:
    the handle list), Process.Kill (twice in the sample) is NtTerminateProcess of a child with exit code 1."""
    log = tmp_path / "syscalls.txt"
    result = run_kernel("trace", "--syscalls", "-o", str(log), sample_path("go_exec"), timeout=300)
    assert result.returncode == 0, result.stderr
    calls = [ln for ln in log.read_text().splitlines() if "NtCreateUserProcess(" in ln]
    assert len(calls) == 21 and all("STATUS_SUCCESS" in c and "AttributeList=0x0)" not in c for c in calls)
    kills = [ln for ln in log.read_text().splitlines() if " 8.12 NtTerminateProcess(ProcessHandle=0x" in ln
             and "ProcessHandle=0x0," not in ln]
    assert len(kills) == 2 and all("ExitStatus=0x00000001" in k and k.endswith("STATUS_SUCCESS") for k in kills)


def test_rust_output_reads_two_named_pipes_at_once(tmp_path):
    """Command::output: std's anonymous pipes are named pipes (\\\\.\\pipe\\__rust_anonymous_pipe1__.PID.N)
    whose reading ends are overlapped; read2 waits on both events with NtWaitForMultipleObjects."""
    log = tmp_path / "syscalls.txt"
    result = run_kernel("trace", "--syscalls", "-o", str(log), sample_path("rust_process"), timeout=600)
    assert result.returncode == 0, result.stderr
    text = log.read_text()
    assert "NtCreateNamedPipeFile(" in text and "\\\\??\\\\pipe\\\\__rust_anonymous_pipe1__.8." in text
    waits = [ln for ln in text.splitlines() if "NtWaitForMultipleObjects(" in ln and "Count=2" in ln]
    assert len(waits) > 100
