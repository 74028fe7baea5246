"""Virtual time is the number of instructions retired, exactly: the clock the report gives equals
the instructions the trace saw complete (a fault's instruction does not retire, a gate that
stops the CPU cuts its block short), on one and on four processors, and `--break icount:N`
stops on that same clock, before the trace's Nth instruction."""
import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT, run_kernel, sample_path

SAMPLES = ["hello_ntwrite", "protect_write", "yield", "mutant_abandon", "wait_multiple"]


def _trace(tmp_path, sample, *options, env=None):
    out, report = tmp_path / f"{sample}.jsonl", tmp_path / f"{sample}.json"
    result = subprocess.run([sys.executable, "-m", "kernel", "trace", "-o", str(out), "--report", str(report),
                             *options, sample_path(sample)], cwd=ROOT, capture_output=True, timeout=300,
                            env=env)
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    with open(out) as f:
        records = [json.loads(line) for line in f]
    with open(report) as f:
        return records, json.load(f)


@pytest.mark.parametrize("cpus", [1, 4])
@pytest.mark.parametrize("sample", SAMPLES)
def test_the_clock_counts_exactly_the_instructions_the_trace_saw_retire(tmp_path, sample, cpus):
    records, report = _trace(tmp_path, sample, "--cpus", str(cpus))
    retired = [r for r in records if r["type"] == "insn" and not r.get("faulted")]
    assert report["instructions"] == len(retired) > 500
    if cpus == 1:
        # One processor: the trace's times are the clock, one step per retired instruction.
        assert [r["time"] for r in retired] == list(range(len(retired)))


def test_the_clock_is_the_same_without_the_native_helper(tmp_path):
    env = dict(os.environ, NTMINI_PURE_PYTHON="1")
    records, report = _trace(tmp_path, "protect_write", env=env)
    run_kernel("boot", "--report", str(tmp_path / "n.json"), sample_path("protect_write"))
    with open(tmp_path / "n.json") as f:
        assert json.load(f)["instructions"] == report["instructions"]
    assert report["instructions"] == sum(1 for r in records if r["type"] == "insn" and not r.get("faulted"))


def test_a_boot_and_its_events_end_at_the_count_of_retired_instructions(tmp_path):
    events, report = tmp_path / "e.jsonl", tmp_path / "r.json"
    result = run_kernel("boot", "--events", str(events), "--report", str(report), sample_path("hello_ntwrite"))
    assert result.returncode == 7
    with open(report) as f:
        instructions = json.load(f)["instructions"]
    with open(events) as f:
        last = [json.loads(line) for line in f][-1]
    assert last["kind"] == "switch" and last["reason"] == "terminate" and last["time"] == instructions > 500


@pytest.mark.parametrize("pure", [False, True])
def test_break_icount_stops_before_the_traces_nth_instruction(tmp_path, pure):
    env = dict(os.environ, NTMINI_PURE_PYTHON="1") if pure else None
    records, _ = _trace(tmp_path, "hello_ntwrite", env=env)
    retired = [r for r in records if r["type"] == "insn"]
    wanted = [1, 5, 300, 599, 600, 601, 605, 620, 689]
    cmd = [sys.executable, "-m", "kernel", "boot", *[a for n in wanted for a in ("--break", f"icount:{n}")],
           "-c", "r", sample_path("hello_ntwrite")]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=120, env=env).stdout.decode()
    heads = [ln for ln in out.splitlines() if ln.startswith("Break at instruction")]
    rips = [int(ln.split("rip=")[1].split()[0], 16) for ln in out.splitlines() if ln.startswith("rip=")]
    assert [int(h.split()[3].rstrip(":")) for h in heads] == wanted
    assert rips == [int(retired[n - 1]["address"], 16) for n in wanted]
