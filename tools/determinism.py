#!/usr/bin/env python3
"""Determinism as a promise: boot one multi-threaded sample many times with several processors,
recording its full instruction trace and its event stream, and count the distinct hashes of
each (and of stdout, stderr and the exit status). One of each is the promise kept.

    python tools/determinism.py --runs 100 --cpus 4 switch_bench 8 200
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _digest(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def one_run(sample: str, args: list[str], cpus: int, tick: int, work: str, n: int) -> dict:
    trace = os.path.join(work, f"trace{n}.txt")
    events = os.path.join(work, f"events{n}.jsonl")
    image = os.path.join(ROOT, "samples", sample, sample + ".exe")
    result = subprocess.run([sys.executable, "-m", "kernel", "trace", "-o", trace, "--events", events, "--cpus",
                             str(cpus), "--tick", str(tick), image, *args], cwd=ROOT, capture_output=True, timeout=600)
    digests = {"trace": _digest(trace), "events": _digest(events),
               "output": hashlib.sha256(result.stdout + b"\0" + result.stderr).hexdigest(),
               "status": str(result.returncode)}
    os.unlink(trace)
    os.unlink(events)
    return digests


def check(sample: str, args: list[str], runs: int, cpus: int, tick: int) -> dict:
    """Distinct hashes per stream over `runs` runs (each 1 when the runs are identical)."""
    seen: dict[str, set] = {"trace": set(), "events": set(), "output": set(), "status": set()}
    with tempfile.TemporaryDirectory() as work:
        for n in range(runs):
            for key, value in one_run(sample, args, cpus, tick, work, n).items():
                seen[key].add(value)
    return {"sample": sample, "args": args, "runs": runs, "cpus": cpus, "tick": tick,
            "distinct": {k: len(v) for k, v in seen.items()},
            "trace_sha256": sorted(seen["trace"])[0], "events_sha256": sorted(seen["events"])[0]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sample", nargs="?", default="switch_bench", help="a sample under samples/ (default "
                    "switch_bench: threads yielding to each other on every processor)")
    ap.add_argument("args", nargs="*", default=["8", "200"], help="its arguments (default 8 200)")
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--cpus", type=int, default=4)
    ap.add_argument("--tick", type=int, default=1000, help="instructions per tick (default 1000: many switches)")
    args = ap.parse_args()
    result = check(args.sample, args.args, args.runs, args.cpus, args.tick)
    print(json.dumps(result, indent=2, sort_keys=True))
    return 0 if all(v == 1 for v in result["distinct"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
