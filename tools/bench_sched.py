#!/usr/bin/env python3
"""Scheduler benchmark (run on demand, not in the test suite). Prints, from one run:

1. Throughput of the compute-bound `spin` sample (two threads, one 4-instruction loop) under
   the full preemptive scheduler, in instructions per second of the dispatcher's run, as a
   ratio of the same loop run on a bare Unicorn with no hooks at all. For reference, also the
   bare loop with only the native counting hook, and the pure-Python fallback.
2. Context switches per second: `spin` with a 1,000-instruction clock tick (every quantum end
   is a switch, no system calls); the difference of a run of 10 and one of 5 million
   iterations, which leaves out boot and the loader's work.
3. The cost of one yield-and-switch with 10 and with 1000 ready threads: 10 threads yielding to
   each other, alone (`switch_bench 10`) and with 990 more threads ready one priority level
   below them the whole time (`switch_bench 10 Y 990`); and 1000 threads all yielding in turn
   (`switch_bench 1000`), which adds what touching 1000 threads' contexts, stacks and TEBs
   costs the host's caches and the emulated TLB. With each, the work per switch that does not
   depend on the host: executive calls and guest instructions.
4. With --host-instructions (needs valgrind): the host instructions one yield-and-switch
   costs in each of the three settings of 3, counted by cachegrind (the difference of a run of
   12,000 yields and one of 2,000): the same figure on a loaded machine as on a quiet one.
5. With --baseline REV: every figure of 1-3 for that revision too (a git worktree of it in a
   temporary folder, its native helper built there from its own sources, its own samples), the
   two trees' runs taking turns, and the ratio this tree / baseline as a speed (above 1: this
   tree is faster).

Every timed figure is the median of `--rounds` runs, each a fresh interpreter, timed in the child's
CPU time (time.process_time) so that a spell the host's scheduler keeps it off a core does not
count; the spread of the runs (lowest to highest, as a share of the median) is printed too.
"""
import argparse
import ctypes
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, "tools")
# A child measuring another tree imports this file with that tree's kernel first on the path.
if os.environ.get("BENCH_SCHED_CHILD") is None:
    sys.path.insert(0, ROOT)

LOOP = bytes.fromhex("4801c8" "4831c2" "48ffc9" "75f5")      # add rax,rcx; xor rdx,rax; dec rcx; jnz


def bare_loop(iterations: int, native_hook: bool = False) -> float:
    """Instructions per second (CPU time) of the loop on a fresh Unicorn (optionally with the counter)."""
    from unicorn import UC_ARCH_X86, UC_HOOK_BLOCK, UC_MODE_64, Uc
    from unicorn.unicorn_py3.unicorn import uclib
    from unicorn.x86_const import UC_X86_REG_RCX
    uc = Uc(UC_ARCH_X86, UC_MODE_64)
    uc.mem_map(0x10000, 0x1000)
    uc.mem_write(0x10000, LOOP + b"\x90")
    keep = []
    if native_hook:
        from kernel.hal import icount
        from kernel.hal.native_lib import native_library
        lib = native_library()
        state = icount._State()
        lib.icount_init(ctypes.byref(state), 16)
        state.emu_stop = ctypes.cast(uclib.uc_emu_stop, ctypes.c_void_p).value
        callback = icount._COUNT_FN(lambda a, s: 4 if s == len(LOOP) else 1)
        state.count = ctypes.cast(callback, ctypes.c_void_p).value
        hook = ctypes.c_size_t()
        uclib.uc_hook_add(uc._uch, ctypes.byref(hook), UC_HOOK_BLOCK,
                          ctypes.cast(lib.icount_block_hook, ctypes.c_void_p), ctypes.byref(state), 1, 0)
        keep += [state, callback]
    uc.reg_write(UC_X86_REG_RCX, iterations)
    t = time.process_time()
    uc.emu_start(0x10000, 0x10000 + len(LOOP))
    return 4 * iterations / (time.process_time() - t)


def child(root: str, code: str, pure_python: bool = False):
    """Run `code` in a fresh interpreter with `root`'s kernel and this file importable; its last
    line of output, as JSON."""
    env = dict(os.environ, BENCH_SCHED_CHILD="1")
    if pure_python:
        env["NTMINI_PURE_PYTHON"] = "1"
    prologue = f"import json, sys; sys.path[:0] = [{root!r}, {TOOLS!r}]; import bench_sched\n"
    out = subprocess.run([sys.executable, "-c", prologue + code], capture_output=True, text=True, env=env,
                         check=True, cwd=root)
    return json.loads(out.stdout.strip().splitlines()[-1])


def hooked_loop(root: str, iterations: int) -> float:
    return child(root, f"print(json.dumps(bench_sched.bare_loop({iterations}, native_hook=True)))")


def kernel_run(root: str, sample: str, args: list[str], tick: int | None = None, pure_python: bool = False) -> dict:
    """Run one of root's samples with root's kernel in a child process; the dispatcher's figures
    for its run."""
    return child(root, f"print(json.dumps(bench_sched.measure_run({root!r}, {sample!r}, {args!r}, {tick!r})))",
                 pure_python)


def measure_run(root: str, sample: str, args: list[str], tick: int | None) -> dict:
    from kernel.ps.create import CreateRequest
    from kernel.session import Session
    kw = {} if tick is None else {"tick_instructions": tick}
    s = Session(512 << 20, 1, **kw)
    s.kernel.output_sink = lambda fd, data: None
    p, t = s.create_process(CreateRequest(os.path.join(root, "samples", sample, sample + ".exe"), args))
    i0, c0 = s.kernel.counter.instructions, s.kernel.dispatcher.context_switches
    t0 = time.process_time()
    r = s.run(p, t)
    dt = time.process_time() - t0
    return {"seconds": dt, "instructions": s.kernel.counter.instructions - i0,
            "switches": s.kernel.dispatcher.context_switches - c0, "exit": r.exit_code,
            "native": s.kernel.counter.native}


def baseline_tree(rev: str, tmp: str) -> str:
    """A checkout of rev with its own native helper built in it."""
    path = os.path.join(tmp, "baseline")
    subprocess.run(["git", "worktree", "add", "--detach", "-q", path, rev], cwd=ROOT, check=True)
    subprocess.run([sys.executable, "setup.py", "build_ext", "--inplace", "-q"], cwd=path,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    shutil.rmtree(os.path.join(path, "build"), ignore_errors=True)
    return path


class Figure:
    """One figure's samples per tree; `higher` when a bigger value is better."""

    def __init__(self, label: str, unit: str, scale: float = 1.0, higher: bool = True, fmt: str = "9.1f"):
        self.label, self.unit, self.scale, self.higher, self.fmt = label, unit, scale, higher, fmt
        self.samples: dict = {}

    def add(self, tree: str, value: float) -> None:
        self.samples.setdefault(tree, []).append(value)

    def median(self, tree: str) -> float:
        return statistics.median(self.samples[tree])

    def spread(self, tree: str) -> float:
        values = self.samples[tree]
        return (max(values) - min(values)) / self.median(tree)

    def line(self, trees: list[str]) -> str:
        parts = []
        for tree in trees:
            parts.append(f"{self.median(tree) * self.scale:{self.fmt}} {self.unit} (±{self.spread(tree) / 2:.0%})")
        text = f"{self.label + ':':46s} " + "  |  ".join(parts)
        if len(trees) == 2:
            ratio = self.median(trees[0]) / self.median(trees[1])
            text += f"  speed {ratio if self.higher else 1 / ratio:.2f}"
        return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("millions", nargs="?", type=int, default=100, help="spin's iterations, in millions")
    ap.add_argument("--baseline", metavar="REV", help="also measure this git revision, interleaved")
    ap.add_argument("--rounds", type=int, default=5, help="runs per figure and tree (default 5)")
    ap.add_argument("--host-instructions", action="store_true",
                    help="count the host instructions per switch with cachegrind instead of timing")
    args = ap.parse_args()
    if args.host_instructions and shutil.which("valgrind") is None:
        print("bench_sched: --host-instructions needs valgrind (apt-get install valgrind)", file=sys.stderr)
        return 2
    millions, n = args.millions, args.millions * 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        base = baseline_tree(args.baseline, tmp) if args.baseline else None
        try:
            trees = {"this tree": ROOT} if base is None else {"this tree": ROOT, args.baseline[:12]: base}
            if args.host_instructions:
                return report_host_instructions(trees)
            return report(trees, millions, n, args.rounds)
        finally:
            if base is not None:
                subprocess.run(["git", "worktree", "remove", "--force", base], cwd=ROOT, check=False)


# (label, yielding threads, threads waiting in the ready queues below them)
CONFIGS = [("10 ready, all 10 switching", 10, 0), ("1000 ready, 10 of them switching", 10, 990),
           ("1000 ready, all 1000 switching", 1000, 0)]


def report(trees: dict, millions: int, n: int, rounds: int) -> int:
    names = list(trees)
    bare = Figure("compute loop, bare Unicorn, no hooks", "M instructions/s", 1e-6)
    hooked = Figure("compute loop, bare Unicorn + native counter", "M instructions/s", 1e-6)
    full = Figure("spin sample under the full scheduler", "M instructions/s", 1e-6)
    fallback = Figure("spin sample, pure-Python counter (fallback)", "M instructions/s", 1e-6)
    quantum = Figure("context switches, quantum ends (tick 1000)", "/s", fmt="9.0f")
    low = [Figure("", "") for _ in CONFIGS]
    high = [Figure("", "") for _ in CONFIGS]
    natives, switches = {}, {}
    # The trees and the figures take turns, round after round, so that a slower spell of the
    # host weighs on all of them.
    for _ in range(rounds):
        bare.add(names[0], bare_loop(2 * n))
        for name in names:
            root = trees[name]
            hooked.add(name, hooked_loop(root, 2 * n))
            r = kernel_run(root, "spin", [str(millions)])
            full.add(name, r["instructions"] / r["seconds"])
            natives[name] = r["native"]
            switches[name] = (r["switches"], r["instructions"])
            r = kernel_run(root, "spin", ["2"], pure_python=True)
            fallback.add(name, r["instructions"] / r["seconds"])
            # The difference of spin 10 and spin 5 leaves out boot and the loader's work.
            r5, r10 = (kernel_run(root, "spin", [m], tick=1000) for m in ("5", "10"))
            quantum.add(name, (r10["switches"] - r5["switches"]) / (r10["seconds"] - r5["seconds"]))
            for c, (_, yielders, waiting) in enumerate(CONFIGS):
                for yields, figure in ((20000, low[c]), (120000, high[c])):
                    r = kernel_run(root, "switch_bench", [str(yielders), str(yields), str(waiting)])
                    figure.add(name, r["seconds"])
    for name in names:
        if not natives[name]:
            print(f"note: {name}: the native counter is not built; figures are the fallback's")
    if len(names) == 2:
        print(f"columns: {names[0]} ({ROOT})  |  {names[1]}; each the median of {rounds} runs "
              "(± half the spread of the runs), then the speed of this tree / the baseline's")
    print(bare.line(names[:1]))
    print(hooked.line(names))
    print(full.line(names) + f"  ({switches[names[0]][0]} switches, {switches[names[0]][1] / 1e6:.0f} M instructions)")
    ratio = Figure("  ratio to no hooks (target >= 0.5)", "", fmt="9.2f")
    for name in names:
        ratio.add(name, full.median(name) / bare.median(names[0]))
    print(ratio.line(names))
    print(fallback.line(names))
    print(quantum.line(names) + "  (target >= 100,000)")
    per = []
    for c, (label, yielders, waiting) in enumerate(CONFIGS):
        cost = Figure(f"yield + switch, {label}", "us", 1e6, higher=False, fmt="6.2f")
        for name in names:
            # The difference of a run of 120,000 yields and one of 20,000 leaves out boot, thread
            # creation and exit; each round's pair gives one sample.
            for h, lo in zip(high[c].samples[name], low[c].samples[name], strict=True):
                cost.add(name, (h - lo) / 100000)
        per.append(cost)
        print(cost.line(names))
        for name in names:
            calls, instructions = switch_work(trees[name], yielders, waiting)
            print(f"  {name}: {cost.median(name) * 1e6:.2f} us = {1 / cost.median(name):.0f} switches/s; "
                  f"{calls:.1f} executive calls, {instructions:.0f} guest instructions per switch")
    for name in names:
        print(f"  {name}: growth from 10 to 1000 ready threads {per[1].median(name) / per[0].median(name):.2f} "
              f"(target: no growth); with all 1000 switching in turn {per[2].median(name) / per[0].median(name):.2f} "
              "(the same work, on 1000 threads' contexts, stacks and TEBs: host caches and the emulated TLB)")
    return 0


def host_instructions(root: str, yielders: int, yields: int, waiting: int) -> int:
    """Host instructions (cachegrind's I refs) of a fresh interpreter that runs switch_bench on
    root's kernel as measure_run does."""
    code = (f"import sys; sys.path[:0] = [{root!r}, {TOOLS!r}]; import bench_sched; "
            f"bench_sched.measure_run({root!r}, 'switch_bench', {[str(yielders), str(yields), str(waiting)]!r}, None)")
    env = dict(os.environ, BENCH_SCHED_CHILD="1")
    out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--smc-check=all-non-file",
                          "--cachegrind-out-file=/dev/null", sys.executable, "-c", code],
                         capture_output=True, text=True, env=env, check=True, cwd=root)
    for line in out.stderr.splitlines():
        if "I   refs:" in line or "I refs:" in line:
            return int(line.split(":")[1].replace(",", ""))
    raise RuntimeError(f"no instruction count from cachegrind: {out.stderr[-300:]}")


def report_host_instructions(trees: dict) -> int:
    names = list(trees)
    print("host instructions per yield-and-switch (cachegrind; run of 12,000 yields less one of 2,000)")
    for label, yielders, waiting in CONFIGS:
        per = {}
        for name in names:
            low, high = (host_instructions(trees[name], yielders, y, waiting) for y in (2000, 12000))
            per[name] = (high - low) / 10000
        text = f"{'yield + switch, ' + label + ':':46s} " + "  |  ".join(f"{per[n]:8.0f}" for n in names)
        if len(names) == 2:
            text += f"  speed {per[names[1]] / per[names[0]]:.2f}"
        print(text)
    return 0


def switch_work(root: str, yielders: int, waiting: int) -> tuple:
    """work_per_switch in a fresh interpreter on root's kernel and samples."""
    return tuple(child(root, f"print(json.dumps(bench_sched.work_per_switch({yielders}, {waiting}, {root!r})))"))


def work_per_switch(yielders: int, waiting: int, root: str = ROOT) -> tuple:
    """Executive calls (Python and C functions, counted with sys.setprofile) and guest
    instructions per yield-and-switch in switch_bench: what the dispatcher does, independent of
    the host. The difference of a run of 3000 yields and one of 1000 leaves out thread creation
    and exit."""
    low, high = count_work(yielders, 1000, waiting, root), count_work(yielders, 3000, waiting, root)
    switches = high[2] - low[2]
    return (high[0] - low[0]) / switches, (high[1] - low[1]) / switches


def count_work(yielders: int, yields: int, waiting: int, root: str = ROOT) -> tuple:
    """(executive calls, guest instructions, context switches) of one switch_bench run."""
    import gc

    from kernel.ps.create import CreateRequest
    from kernel.session import Session
    session = Session(256 << 20)
    session.kernel.output_sink = lambda fd, data: None
    image = os.path.join(root, "samples", "switch_bench", "switch_bench.exe")
    process, thread = session.create_process(CreateRequest(image, [str(yielders), str(yields), str(waiting)]))
    calls = [0]

    def profile(frame, event, arg):
        if event in ("call", "c_call"):
            calls[0] += 1

    # Garbage from before is collected now, not during the run (finalizers are calls too).
    gc.collect()
    gc.disable()
    sys.setprofile(profile)
    try:
        session.run(process, thread)
    finally:
        sys.setprofile(None)
        gc.enable()
    kernel = session.kernel
    return calls[0], kernel.counter.instructions, kernel.dispatcher.context_switches


if __name__ == "__main__":
    sys.exit(main())
