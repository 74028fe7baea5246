#!/usr/bin/env python3
"""Benchmark (run on demand, not in the test suite).

1. Boot-to-exit wall time of the NtWriteFile sample as a whole `python -m kernel boot` process,
   interpreter start included (median of several runs, interleaved with bare interpreter starts so
   both see the same machine load). The project's bytecode is compiled first, as any installed
   Python package has it; a first run without cached bytecode is slower and is not the figure.
2. The same for an image importing ten DLLs (ldr_ten), which the guest loader maps and snaps.
3. With --baseline REV: the NtWriteFile sample booted by that revision too (a git worktree of it in
   a temporary folder, its own native helper built), interleaved with this tree's runs, and the ratio
   of the two medians, in wall time and in CPU time (the steadier one on a loaded machine). Each tree
   boots once untimed first: the first boot fills the image cache (loader/imagecache.py).
4. System-call round trips per second through the ring-0 path (syscall -> KiSystemCall64 ->
   executive -> sysretq), measured on a sample that calls NtYieldExecution 200000 times, with
   the same run's boot cost (the return_code sample) subtracted.
"""
import argparse
import glob
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def wall(argv: list[str], cwd: str = ROOT, cpu: list | None = None) -> float:
    """Wall time of one run; its CPU time (user + system) is appended to `cpu` when given: on a
    loaded machine CPU time is the steadier figure of the two."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - t
    if cpu is not None:
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return elapsed


def baseline_tree(rev: str, tmp: str) -> str:
    """A checkout of rev with its own native helper built (another revision's helper may not fit
    its Python side), its bytecode compiled."""
    path = os.path.join(tmp, "baseline")
    subprocess.run(["git", "worktree", "add", "--detach", "-q", path, rev], cwd=ROOT, check=True)
    subprocess.run([sys.executable, "setup.py", "build_ext", "--inplace", "-q"], cwd=path,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    if not glob.glob(os.path.join(path, "kernel", "hal", "_native*.so")):
        raise SystemExit(f"bench_boot: the native helper of {rev} did not build")
    subprocess.run([sys.executable, "-m", "compileall", "-q", "kernel", "loader"], cwd=path,
                   stdout=subprocess.DEVNULL, check=True)
    return path


def in_process(sample: str) -> tuple[float, int]:
    from kernel.ps.create import CreateRequest
    from kernel.session import Session
    session = Session(256 << 20)
    path = os.path.join(ROOT, "samples", sample, sample + ".exe")
    t = time.perf_counter()
    process, thread = session.create_process(CreateRequest(path))
    result = session.run(process, thread)
    return time.perf_counter() - t, result.syscalls


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", nargs="?", type=int, default=21)
    ap.add_argument("--baseline", metavar="REV", help="also boot the NtWriteFile sample with this git revision")
    args = ap.parse_args()
    runs = args.runs
    hello = os.path.join("samples", "hello_ntwrite", "hello_ntwrite.exe")
    ten = os.path.join("samples", "ldr_ten", "ldr_ten.exe")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", "kernel", "loader"], cwd=ROOT, env=env,
                   stdout=subprocess.DEVNULL, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        base_tree = baseline_tree(args.baseline, tmp) if args.baseline else None
        try:
            bare, boots, tens, old = [], [], [], []
            boots_cpu, old_cpu = [], []
            # One untimed run of each first: a tree's first boot fills the image cache (loader.imagecache)
            # as any user's first run does; the figure is the steady state.
            wall([sys.executable, "-m", "kernel", "boot", hello])
            wall([sys.executable, "-m", "kernel", "boot", ten])
            if base_tree:
                wall([sys.executable, "-m", "kernel", "boot", hello], cwd=base_tree)
            for _ in range(runs):
                bare.append(wall([sys.executable, "-c", "pass"]))
                boots.append(wall([sys.executable, "-m", "kernel", "boot", hello], cpu=boots_cpu))
                tens.append(wall([sys.executable, "-m", "kernel", "boot", ten]))
                if base_tree:
                    old.append(wall([sys.executable, "-m", "kernel", "boot", hello], cwd=base_tree, cpu=old_cpu))
        finally:
            if base_tree:
                subprocess.run(["git", "worktree", "remove", "--force", base_tree], cwd=ROOT, check=False)
    print(f"interpreter start alone:          median {statistics.median(bare) * 1000:7.1f} ms")
    print(f"boot-to-exit, NtWriteFile sample: median {statistics.median(boots) * 1000:7.1f} ms "
          f"(target < 150 ms, interpreter start included; {runs} runs)")
    print(f"boot-to-exit, ten DLLs (ldr_ten): median {statistics.median(tens) * 1000:7.1f} ms")
    if old:
        ratio = statistics.median(boots) / statistics.median(old)
        print(f"boot-to-exit at {args.baseline[:12]}:   median {statistics.median(old) * 1000:7.1f} ms; "
              f"this tree / baseline = {ratio:.2f} (target <= 1.3)")
        cpu_ratio = statistics.median(boots_cpu) / statistics.median(old_cpu)
        print(f"  CPU time (user+system), median: this tree {statistics.median(boots_cpu) * 1000:.1f} ms, "
              f"baseline {statistics.median(old_cpu) * 1000:.1f} ms; ratio {cpu_ratio:.2f}")
    base = min(in_process("return_code")[0] for _ in range(3))
    loops = [in_process("syscall_loop") for _ in range(3)]
    best, calls = min(loops)
    rate = calls / max(best - base, 1e-9)
    print(f"system calls through ring 0:      {rate:,.0f} per second "
          f"({calls} calls in {best:.3f} s, boot {base * 1000:.1f} ms subtracted; target >= 100,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
