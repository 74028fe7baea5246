"""Processes created by a guest (samples/k32_process: CreateProcessW of its own image in a child
role): the creation stages each child goes through, its creation event naming its parent, the
same bytes on every run, and the end of a run whose first process leaves a child waiting."""
import json

from conftest import run_kernel, sample_path


def _stage_lines(stderr: bytes) -> list[str]:
    return [ln for ln in stderr.decode().splitlines() if ln.startswith("[stage ")]


def test_every_child_goes_through_the_stages_from_kernel32():
    result = run_kernel("boot", "--stages", sample_path("k32_process"))
    assert result.returncode == 0
    lines = _stage_lines(result.stderr)
    firsts = [ln for ln in lines if ln.startswith("[stage 1] ")]
    assert "(kernel32): creator=8 " in firsts[1]      # a guest's request names its creator
    started = sum(ln.startswith("[stage 3A] ") for ln in lines)
    assert started == 18                                # the first process and seventeen children
    assert len(firsts) - started == 3                   # a DLL, a text file and a folder: refused at 2
    for number in ("2", "3B", "3C", "3D", "3E", "3F", "4", "5", "6"):
        assert sum(ln.startswith(f"[stage {number}] ") for ln in lines) == started, number
    suspended = [ln for ln in lines if ln.startswith("[stage 6] initial thread left suspended")]
    assert len(suspended) == 4                          # the four CREATE_SUSPENDED children


def test_children_in_the_event_stream_and_the_trace(tmp_path):
    out = tmp_path / "events.jsonl"
    result = run_kernel("boot", "--events", str(out), sample_path("k32_process"))
    assert result.returncode == 0
    events = [json.loads(line) for line in out.read_text().splitlines()]
    pids = {e["pid"] for e in events if e["kind"] == "thread-create"}
    assert len(pids) == 18                              # the first process and seventeen children
    trace = tmp_path / "trace.txt"
    assert run_kernel("trace", "--syscalls", "-o", str(trace), sample_path("k32_process")).returncode == 0
    text = trace.read_text()
    created = [ln for ln in text.splitlines() if " NtCreateUserProcess(" in ln]
    assert len(created) == 20 and sum("STATUS_SUCCESS" in ln for ln in created) == 17
    assert "= 0xc000007b STATUS_INVALID_IMAGE_FORMAT" in text      # the DLL asked to run as a program
    exits = [ln.split("status=")[1].split()[0] for ln in text.splitlines() if "+++ process-exit" in ln]
    assert len(exits) == 18 and {"0x2a", "0x63", "0xc0000005"} <= set(exits)   # 42, 99, the crash


def test_runs_with_children_are_deterministic():
    a = run_kernel("boot", sample_path("k32_process"))
    b = run_kernel("boot", "--cpus", "2", sample_path("k32_process"))
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout


def test_a_child_left_waiting_does_not_turn_the_end_into_a_deadlock():
    result = run_kernel("boot", sample_path("k32_process"), "orphan")
    assert result.returncode == 3                       # the first process's exit code
    assert b"deadlock" not in result.stderr
    assert b"(k32_process.exe) was still waiting when the first process had ended: terminated" in result.stderr


def test_max_processes_refuses_a_guests_child_with_quota_exceeded():
    result = run_kernel("boot", "--max-processes", "1", sample_path("k32_process"))
    assert b"limit: 1 processes are live, --max-processes is 1; the guest gets STATUS_QUOTA_EXCEEDED" in result.stderr
    assert result.stdout.startswith(b"FAIL CreateProcessW(CREATE_SUSPENDED)\n")
    assert result.returncode not in (0, 71)
