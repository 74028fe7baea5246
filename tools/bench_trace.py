"""Trace capture speed, measured in one run on the compute-bound `checksum` sample (two threads
filling and folding 4 KB tables: loads, stores, arithmetic, branches).

Prints instructions per second:
1. without tracing;
2. with full capture (every instruction with its registers written and memory read and written,
   and the kernel events), by the native hook, as a ratio of 1;
3. with the plain per-instruction Python hook recording the same fields (the fallback), and the
   native capture's speed as a multiple of it;
4. the decode pass alone (raw capture to the text format), for information.
Targets (issue 5): full capture >= 10 M instructions/s, and >= 5x the Python hook.

Usage: python tools/bench_trace.py [ROUNDS]   (default 3000: about 68 M instructions)
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "samples", "checksum", "checksum.exe")

_CHILD = r"""
import io, json, os, sys, time
sys.path.insert(0, {root!r})
from kernel.ps.create import CreateRequest
from kernel.session import Session
from kernel.trace.capture import TraceCapture, TraceOptions
mode, rounds = sys.argv[1], sys.argv[2]
session = Session(512 << 20, 1, 1_000_000)
capture = TraceCapture(session.kernel, TraceOptions()) if mode != "none" else None
process, thread = session.create_process(CreateRequest({sample!r}, [rounds]))
start = time.perf_counter()
sys.stdout = io.StringIO()
result = session.run(process, thread)
if capture is not None:
    capture.close()
elapsed = time.perf_counter() - start
sys.stdout = sys.__stdout__
out = {{"instructions": result.instructions, "seconds": elapsed}}
if capture is not None:
    out["raw_bytes"] = capture.raw.seek(0, 2)
    if mode == "decode":
        from kernel.trace.formats import decode
        sink = open(os.devnull, "w")
        t = time.perf_counter()
        out["decoded"] = decode(capture.raw, capture.insns, "text", sink)
        out["decode_seconds"] = time.perf_counter() - t
print(json.dumps(out))
"""


def run(mode: str, rounds: int) -> dict:
    import json
    env = dict(os.environ)
    if mode == "python":
        env["NTMINI_PURE_PYTHON"] = "1"
    code = _CHILD.format(root=ROOT, sample=SAMPLE)
    out = subprocess.run([sys.executable, "-c", code, mode, str(rounds)], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def rate(r: dict) -> float:
    return r["instructions"] / r["seconds"]


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    bare = max((run("none", rounds) for _ in range(3)), key=rate)
    full = max((run("native", rounds) for _ in range(3)), key=rate)
    python = run("python", max(rounds // 30, 10))
    decode = run("decode", max(rounds // 30, 10))
    print(f"checksum sample, {full['instructions'] / 1e6:.1f} M instructions (best of 3 where repeated)")
    print(f"without tracing:                       {rate(bare) / 1e6:8.1f} M instructions/s")
    print(f"full capture, native hook:             {rate(full) / 1e6:8.1f} M instructions/s "
          f"(ratio to no tracing {rate(full) / rate(bare):.3f}; target >= 10 M/s)")
    print(f"  raw stream:                          {full['raw_bytes'] / full['instructions']:8.2f} bytes/instruction")
    print(f"plain Python per-instruction hook:     {rate(python) / 1e6:8.2f} M instructions/s "
          f"({python['instructions'] / 1e6:.1f} M instructions)")
    print(f"  native capture / Python hook:        {rate(full) / rate(python):8.1f} x (target >= 5)")
    print(f"decode to text (separate pass):        {decode['decoded'] / decode['decode_seconds'] / 1e3:8.1f} "
          f"k instructions/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
