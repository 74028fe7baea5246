#!/usr/bin/env python3
"""printf("%d %s %f\\n") lines per second in the guest: msvcrt.dll's printf against mingw-w64's
statically linked printf engine in the same program (samples/crt_bench), in the same run.

Each mode boots the sample with 0 lines and with N lines; the difference is the lines' cost, so
the boot itself drops out. The best of --runs runs is kept. Prints both rates and their ratio.
"""
import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXE = os.path.join(ROOT, "samples", "crt_bench", "crt_bench.exe")


def boot(mode: str, lines: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kernel", "boot", EXE, mode, str(lines)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def rate(mode: str, lines: int, runs: int) -> float:
    base = min(boot(mode, 0) for _ in range(runs))
    full = min(boot(mode, lines) for _ in range(runs))
    return lines / max(full - base, 1e-9)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    crt = rate("crt", args.lines, args.runs)
    mingw = rate("static", args.lines, args.runs)
    print(f"msvcrt.dll printf:            {crt:10.0f} lines/s")
    print(f"mingw-w64 static printf:      {mingw:10.0f} lines/s")
    print(f"ratio msvcrt / static mingw:  {crt / mingw:10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
