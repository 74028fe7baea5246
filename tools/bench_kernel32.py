#!/usr/bin/env python3
"""Benchmark (run on demand, not in the test suite): kernel32 calls per second.

WaitForSingleObject on a signalled event (kernel32 -> kernelbase -> ntdll -> syscall -> the
executive and back) against TlsGetValue (kernelbase only, no ring transition), each measured on
samples/k32_bench with the same run's cost of booting the sample with no calls subtracted (best
of three in-process runs each).
"""
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def run(args: list[str]) -> float:
    from kernel.ps.create import CreateRequest
    from kernel.session import Session
    session = Session(256 << 20)
    session.kernel.output_sink = lambda fd, data: None
    path = os.path.join(ROOT, "samples", "k32_bench", "k32_bench.exe")
    t = time.perf_counter()
    process, thread = session.create_process(CreateRequest(path, args))
    result = session.run(process, thread)
    elapsed = time.perf_counter() - t
    if result.exit_code != 0:
        raise SystemExit(f"k32_bench {' '.join(args)} failed with {result.exit_code:#x}")
    return elapsed


def main() -> int:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    base = min(run(["wait", "0"]) for _ in range(3))
    rates = {}
    for mode, what in (("wait", "WaitForSingleObject (signalled event)"), ("tls", "TlsGetValue")):
        best = min(run([mode, str(calls)]) for _ in range(3))
        rates[mode] = calls / max(best - base, 1e-9)
        print(f"{what:40} {rates[mode]:>14,.0f} calls per second ({calls} calls in {best:.3f} s, "
              f"boot {base * 1000:.1f} ms subtracted)")
    print(f"TlsGetValue / WaitForSingleObject: {rates['tls'] / rates['wait']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
