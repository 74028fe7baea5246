#!/usr/bin/env python3
"""Fuzz the kernel with mutated images, run as a user would run them, and classify what happens.

Each mutant is a seed image (the samples, and ../shared/corpus when present) with one to three
mutations: header fields, the section table, data directories, the import, export, relocation,
TLS and exception tables, truncation, byte flips, and lief-based structural edits (a section
added, an import of a missing DLL or function, relocations or TLS removed, the entry point
moved). Mutant N of seed S is the same on every machine. Each runs as `python -m kernel boot`
with tight limits in a fresh empty working directory (in a campaign, a fork of a worker that has
imported the kernel runs that command line's main(), the same code without the interpreter's
start), in parallel, and is classified:

  traceback   a Python traceback reached the user (a bug)
  internal    exit status 71, internal error or bugcheck (a bug)
  hang        still running well past --timeout, killed (a bug)
  crash       the boot process died of a signal (a bug: a segmentation fault in native code)
  memory      the boot process grew past --rss-limit MB of host memory (a bug)
  touched     the run left a file in its working directory other than its report (a bug)
  usage/not-pe/no-input/refused/limit/deadlock/output   the kernel's documented refusals and ends
  guest       the guest ran and ended with its own status (0-255 or an NTSTATUS's low byte)

    python tools/fuzz.py -n 1000 -j 2 -o fuzz-out     # prints the counts; bugs' mutants are kept
    python tools/fuzz.py --services 1000000 -j 2      # system calls with fuzzed arguments

The service fuzzer boots samples/fuzz_services (a guest driver making system calls with random
numbers, handles, pointers and lengths) with a seed per run, and classifies each run the same way.
"""
import argparse
import datetime
import functools
import hashlib
import json
import multiprocessing
import os
import random
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# ../shared/corpus, or NTMINI_CORPUS (a worktree elsewhere has no ../shared)
CORPUS = os.environ.get("NTMINI_CORPUS") or os.path.join(os.path.dirname(ROOT), "shared", "corpus")
BUGS = ("traceback", "internal", "hang", "crash", "memory", "touched")
STATUS_CLASSES = {64: "usage", 65: "not-pe", 66: "no-input", 69: "refused", 70: "output", 71: "internal",
                  73: "output", 75: "deadlock", 124: "limit"}

# Interesting values for fields: boundaries, sign bits, page and allocation granularity.
EDGES32 = [0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x1000, 0xFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE,
           0xFFFFFFFF, 0x200, 0x400]
EDGES16 = [0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 96, 0xF0]


def seeds(extra: list[str]) -> list[str]:
    paths = []
    samples = os.path.join(ROOT, "samples")
    for name in sorted(os.listdir(samples)):
        path = os.path.join(samples, name, name + ".exe")
        if os.path.isfile(path):
            paths.append(path)
    if os.path.isdir(CORPUS):
        paths += [os.path.join(CORPUS, n) for n in sorted(os.listdir(CORPUS))
                  if n.endswith(".exe") and os.path.getsize(os.path.join(CORPUS, n)) <= 256 << 10]
    return paths + extra


# -- the PE's layout, read directly (the mutations must not depend on a parser accepting it)
class Layout:
    def __init__(self, data: bytes):
        self.lfanew = struct.unpack_from("<I", data, 0x3C)[0] if len(data) >= 0x40 else 0
        self.fh = self.lfanew + 4
        self.oh = self.fh + 20
        ok = self.oh + 0x70 <= len(data)
        self.nsections = struct.unpack_from("<H", data, self.fh + 2)[0] if ok else 0
        size_oh = struct.unpack_from("<H", data, self.fh + 16)[0] if ok else 0
        self.sections = self.oh + size_oh
        self.dirs = self.oh + 0x70          # PE32+ data directories
        self.valid = ok and self.dirs + 16 * 8 <= len(data)

    def section(self, i: int) -> int:
        return self.sections + 40 * i

    def rva_to_offset(self, data: bytes, rva: int) -> int | None:
        for i in range(min(self.nsections, 96)):
            at = self.section(i)
            if at + 40 > len(data):
                break
            vsize, va, rsize, raw = struct.unpack_from("<IIII", data, at + 8)
            if va <= rva < va + max(vsize, rsize):
                off = raw + rva - va
                return off if off < len(data) else None
        return None

    def directory(self, data: bytes, index: int) -> tuple[int, int]:
        return struct.unpack_from("<II", data, self.dirs + 8 * index)


def _put(data: bytearray, offset: int, fmt: str, value: int) -> bool:
    size = struct.calcsize(fmt)
    if offset < 0 or offset + size > len(data):
        return False
    mask = (1 << (8 * size)) - 1
    struct.pack_into(fmt, data, offset, value & mask)
    return True


def _value(rng: random.Random, size: int, old: int) -> int:
    choice = rng.random()
    if choice < 0.5:
        return rng.choice(EDGES32 if size == 4 else EDGES16 if size == 2 else EDGES32 + [1 << 63, (1 << 64) - 1])
    if choice < 0.75:
        return old + rng.choice([-1, 1, -0x1000, 0x1000, 0x10000]) * rng.randint(1, 4)
    return rng.getrandbits(8 * size)


# (name, offset within the headers as a function of the layout, struct format)
HEADER_FIELDS = [
    ("e_lfanew", lambda L: 0x3C, "<I"), ("Machine", lambda L: L.fh, "<H"),
    ("NumberOfSections", lambda L: L.fh + 2, "<H"), ("SizeOfOptionalHeader", lambda L: L.fh + 16, "<H"),
    ("Characteristics", lambda L: L.fh + 18, "<H"), ("Magic", lambda L: L.oh, "<H"),
    ("SizeOfCode", lambda L: L.oh + 4, "<I"), ("AddressOfEntryPoint", lambda L: L.oh + 16, "<I"),
    ("ImageBase", lambda L: L.oh + 24, "<Q"), ("SectionAlignment", lambda L: L.oh + 32, "<I"),
    ("FileAlignment", lambda L: L.oh + 36, "<I"), ("MajorSubsystemVersion", lambda L: L.oh + 48, "<H"),
    ("SizeOfImage", lambda L: L.oh + 56, "<I"), ("SizeOfHeaders", lambda L: L.oh + 60, "<I"),
    ("Subsystem", lambda L: L.oh + 68, "<H"), ("DllCharacteristics", lambda L: L.oh + 70, "<H"),
    ("SizeOfStackReserve", lambda L: L.oh + 72, "<Q"), ("SizeOfStackCommit", lambda L: L.oh + 80, "<Q"),
    ("SizeOfHeapReserve", lambda L: L.oh + 88, "<Q"), ("NumberOfRvaAndSizes", lambda L: L.oh + 108, "<I"),
]
SECTION_FIELDS = [("VirtualSize", 8, "<I"), ("VirtualAddress", 12, "<I"), ("SizeOfRawData", 16, "<I"),
                  ("PointerToRawData", 20, "<I"), ("NumberOfRelocations", 32, "<H"), ("Characteristics", 36, "<I")]
DIRECTORIES = {0: "export", 1: "import", 2: "resource", 3: "exception", 5: "basereloc", 9: "tls",
               10: "load_config", 12: "iat", 13: "delay_import", 14: "clr"}


def m_header(rng, data: bytearray, L: Layout) -> str:
    name, where, fmt = rng.choice(HEADER_FIELDS)
    offset = where(L)
    old = struct.unpack_from(fmt, data, offset)[0] if offset + struct.calcsize(fmt) <= len(data) else 0
    new = _value(rng, struct.calcsize(fmt), old)
    return f"{name}={new:#x}" if _put(data, offset, fmt, new) else "noop"


def m_section(rng, data: bytearray, L: Layout) -> str:
    if not L.nsections:
        return m_header(rng, data, L)
    i = rng.randrange(min(L.nsections, 16))
    if rng.random() < 0.2 and L.nsections > 1:        # overlap with another section
        j = (i + 1) % L.nsections
        va = struct.unpack_from("<I", data, L.section(j) + 12)[0] if L.section(j) + 16 <= len(data) else 0
        return f"section{i}.VirtualAddress=section{j}" if _put(data, L.section(i) + 12, "<I", va) else "noop"
    name, off, fmt = rng.choice(SECTION_FIELDS)
    at = L.section(i) + off
    old = struct.unpack_from(fmt, data, at)[0] if at + struct.calcsize(fmt) <= len(data) else 0
    new = _value(rng, struct.calcsize(fmt), old)
    return f"section{i}.{name}={new:#x}" if _put(data, at, fmt, new) else "noop"


def m_directory(rng, data: bytearray, L: Layout) -> str:
    index = rng.choice(list(DIRECTORIES))
    at = L.dirs + 8 * index + rng.choice([0, 4])
    old = struct.unpack_from("<I", data, at)[0] if at + 4 <= len(data) else 0
    new = _value(rng, 4, old)
    return f"dir.{DIRECTORIES[index]}[{(at - L.dirs) % 8}]={new:#x}" if _put(data, at, "<I", new) else "noop"


def _table_field(rng, data: bytearray, L: Layout, index: int, entry: int, fields: list, what: str) -> str:
    rva, size = L.directory(data, index)
    base = L.rva_to_offset(data, rva) if rva else None
    if base is None:
        return m_directory(rng, data, L)
    name, off, fmt = rng.choice(fields)
    at = base + entry * rng.randrange(max(1, min(size // max(entry, 1), 8))) + off
    old = struct.unpack_from(fmt, data, at)[0] if 0 <= at and at + struct.calcsize(fmt) <= len(data) else 0
    new = _value(rng, struct.calcsize(fmt), old)
    return f"{what}.{name}={new:#x}" if _put(data, at, fmt, new) else "noop"


def m_imports(rng, data, L) -> str:
    fields = [("OriginalFirstThunk", 0, "<I"), ("ForwarderChain", 8, "<I"), ("Name", 12, "<I"),
              ("FirstThunk", 16, "<I")]
    if rng.random() < 0.3:              # a thunk: an ordinal, a bogus name RVA
        rva, _ = L.directory(data, 1)
        base = L.rva_to_offset(data, rva) if rva else None
        if base is not None and base + 20 <= len(data):
            thunk = L.rva_to_offset(data, struct.unpack_from("<I", data, base + 16)[0])
            if thunk is not None:
                value = rng.choice([1 << 63 | rng.randrange(0x10000), rng.getrandbits(31), 0xFFFFFFFF])
                return f"import.thunk={value:#x}" if _put(data, thunk, "<Q", value) else "noop"
    return _table_field(rng, data, L, 1, 20, fields, "import")


def m_exports(rng, data, L) -> str:
    fields = [("Base", 16, "<I"), ("NumberOfFunctions", 20, "<I"), ("NumberOfNames", 24, "<I"),
              ("AddressOfFunctions", 28, "<I"), ("AddressOfNames", 32, "<I"), ("AddressOfNameOrdinals", 36, "<I")]
    return _table_field(rng, data, L, 0, 40, fields, "export")


def m_relocs(rng, data, L) -> str:
    fields = [("VirtualAddress", 0, "<I"), ("SizeOfBlock", 4, "<I"), ("Entry", 8, "<H"), ("Entry", 10, "<H")]
    return _table_field(rng, data, L, 5, 8, fields, "reloc")


def m_tls(rng, data, L) -> str:
    fields = [("StartAddressOfRawData", 0, "<Q"), ("EndAddressOfRawData", 8, "<Q"), ("AddressOfIndex", 16, "<Q"),
              ("AddressOfCallBacks", 24, "<Q"), ("SizeOfZeroFill", 32, "<I")]
    return _table_field(rng, data, L, 9, 40, fields, "tls")


def m_exception(rng, data, L) -> str:
    fields = [("BeginAddress", 0, "<I"), ("EndAddress", 4, "<I"), ("UnwindData", 8, "<I")]
    return _table_field(rng, data, L, 3, 12, fields, "pdata")


def m_truncate(rng, data: bytearray, L) -> str:
    cut = rng.choice([rng.randrange(len(data) + 1), rng.randrange(0x400), L.sections + 40 * rng.randrange(4)])
    cut = max(0, min(cut, len(data)))
    del data[cut:]
    return f"truncate@{cut:#x}"


def m_flip(rng, data: bytearray, L) -> str:
    if not data:
        return "noop"
    limit = min(len(data), rng.choice([0x400, len(data)]))
    spots = [rng.randrange(limit) for _ in range(rng.randint(1, 8))]
    for at in spots:
        data[at] ^= 1 << rng.randrange(8)
    return "flip@" + ",".join(f"{a:#x}" for a in spots)


def m_lief(rng, data: bytearray, L) -> str:
    """A structural edit lief makes (it rebuilds the tables it touches)."""
    import lief
    lief.logging.disable()
    binary = lief.parse(bytes(data))
    if binary is None or not isinstance(binary, lief.PE.Binary):
        return m_flip(rng, data, L)
    edit = rng.choice(["section", "import-dll", "import-function", "no-relocs", "no-tls", "entry", "big-section"])
    config = lief.PE.Builder.config_t()
    try:
        if edit == "section":
            s = lief.PE.Section(".fz%d" % rng.randrange(100))
            s.content = list(rng.randbytes(rng.choice([0, 16, 0x1000, 0x3000])))
            s.characteristics = rng.choice([0x60000020, 0xE0000020, 0x40000040, 0xC0000040, 0])
            binary.add_section(s)
        elif edit == "big-section":
            s = lief.PE.Section(".big")
            s.content = list(b"\0" * 16)
            s.virtual_size = rng.choice([0x10000000, 0x7FFFF000, 0x1000000])
            binary.add_section(s)
        elif edit in ("import-dll", "import-function"):
            dll = "fuzz%d.dll" % rng.randrange(10) if edit == "import-dll" else "ntdll.dll"
            imp = binary.get_import(dll) if edit == "import-function" and binary.has_import(dll) else None
            if imp is None:
                imp = binary.add_import(dll)
            imp.add_entry("NoSuchFunction%d" % rng.randrange(100))
            config.imports = True
        elif edit == "no-relocs":
            binary.remove_all_relocations()
            binary.optional_header.imagebase = rng.choice([0x10000, 0xFFFF800000000000, 0x7FFE0000, 0])
        elif edit == "no-tls":
            binary.remove_tls()
        else:
            binary.optional_header.addressof_entrypoint = rng.choice([0, 1, 0x1000, 0x7FFFFFFF,
                                                                      binary.optional_header.sizeof_image - 1])
        built = binary.write_to_bytes(config)
    except Exception as e:              # lief refused the edit: the mutant is the bytes unchanged
        return f"lief-{edit}-refused({type(e).__name__})"
    data[:] = built
    return f"lief-{edit}"


MUTATIONS = [(m_header, 4), (m_section, 3), (m_directory, 2), (m_imports, 2), (m_exports, 1), (m_relocs, 1),
             (m_tls, 1), (m_exception, 1), (m_truncate, 1), (m_flip, 2), (m_lief, 2)]


def mutant(seed_path: str, seed: int, index: int) -> tuple[bytes, list[str]]:
    """Mutant `index` of the campaign `seed`: the same bytes everywhere (random.Random is stable)."""
    rng = random.Random(f"{seed}:{index}:{os.path.basename(seed_path)}")
    with open(seed_path, "rb") as f:
        data = bytearray(f.read())
    done = []
    for step in range(rng.choice([1, 1, 2, 3])):
        layout = Layout(bytes(data))
        fns, weights = zip(*MUTATIONS, strict=True)
        fn = rng.choices(fns, weights)[0]
        if fn is m_lief and step:
            # lief rebuilds the seed's tables; on an already hostile header it can take gigabytes
            # (NumberOfSections 0x5f3a did), which is lief's business, not the kernel's
            fn = m_section
        if not layout.valid and fn not in (m_truncate, m_flip):
            fn = m_flip
        done.append(fn(rng, data, layout))
    return bytes(data), done


# -- running one mutant: `python -m kernel boot` as a new process, or (in a campaign's workers,
#    which import the kernel once) a fork of the worker that runs the same command line's main()
_preloaded = False


def _preload() -> None:
    """A campaign worker: import the kernel once; each boot is then a fork running its CLI."""
    global _preloaded
    sys.path.insert(0, ROOT)
    os.environ.pop("NTMINI_TRACEBACK", None)
    import lief

    import kernel.cli  # noqa: F401
    lief.logging.disable()
    _preloaded = True


def _fork_boot(argv: list[str], work: str, out, err) -> int:
    pid = os.fork()
    if pid:
        return pid
    status = 99
    try:
        os.chdir(work)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        from kernel.cli import main
        status = main(argv)
        sys.stdout.flush()
        sys.stderr.flush()
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else 0
    except BaseException:       # what would reach a user as a traceback
        import traceback
        traceback.print_exc()
        sys.stderr.flush()
    os._exit(status)


def _resident_mb() -> float:
    """This process's resident set now, in MB (0 where /proc has no statm)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1 << 20)
    except (OSError, ValueError, IndexError):
        return 0.0


def _peak_mb(pid: int) -> float:
    """A running child's peak resident set (VmHWM) in MB; 0 where /proc cannot say."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def _cpu_seconds(pid: int) -> float:
    """The processor time a running child has used (user and system), from /proc; where there is
    no /proc, its wall time counts instead (infinity here)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("inf")


def run_one(path: str, timeout: float, max_instructions: int, rss_limit_mb: int, args: tuple = ()) -> dict:
    """Boot the mutant in a fresh working directory; its class, status and the child's own peak
    RSS (from wait4)."""
    work = tempfile.mkdtemp(prefix="ntmini-fuzz-")
    report = os.path.join(work, "report.json")
    command = [sys.executable, "-m", "kernel", "boot", "--report", report, "--timeout", str(timeout),
               "--max-instructions", str(max_instructions), "--max-output", "65536", "--memory", "128", path,
               *args]
    env = dict(os.environ, PYTHONPATH=ROOT)
    env.pop("NTMINI_TRACEBACK", None)
    started = time.monotonic()
    inherited_mb = 0.0
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        if _preloaded:
            inherited_mb = _resident_mb()       # a fork starts with this process's resident pages
            pid = _fork_boot(command[3:], work, out, err)
        else:
            pid = subprocess.Popen(command, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err).pid
        # A hang: the boot spent 20 s of processor time past --timeout, or (blocked, spending
        # none) ten times that in wall time. Processor time, because on a loaded machine the
        # interpreter's start alone can take longer than --timeout in wall time.
        allowance = timeout + 20
        killed = False
        peak_mb = 0.0
        while True:
            done, wstatus, usage = os.wait4(pid, os.WNOHANG)
            if done:
                break
            peak_mb = max(peak_mb, _peak_mb(pid))
            wall = time.monotonic() - started
            if wall > allowance and (_cpu_seconds(pid) > allowance or wall > 10 * allowance):
                os.kill(pid, 9)
                done, wstatus, usage = os.wait4(pid, 0)
                killed = True
                break
            time.sleep(0.005)
        status = os.waitstatus_to_exitcode(wstatus)
        out.seek(0)
        err.seek(0)
        stdout_bytes = len(out.read())
        stderr = err.read()
    elapsed = time.monotonic() - started
    # The boot's own peak: its VmHWM as last seen (an exec'd interpreter's counts only what it
    # touched itself; a fork's starts at this process's resident pages). ru_maxrss counts the
    # pages a child had before its exec too, so it is the fallback where /proc cannot tell.
    if not peak_mb:
        peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / (1 << 20)
    rss_mb = max(0.0, peak_mb - inherited_mb)
    left = sorted(set(os.listdir(work)) - {"report.json"})
    syscalls = 0
    try:
        with open(report) as f:
            syscalls = json.load(f)["syscalls"]
    except (OSError, ValueError, KeyError):
        pass
    shutil.rmtree(work, ignore_errors=True)
    if killed:
        kind = "hang"
    elif b"Traceback" in stderr:
        kind = "traceback"
    elif status == 71:
        kind = "internal"
    elif status < 0:
        kind = "crash"
    elif left:
        kind = "touched"
    elif rss_mb > rss_limit_mb:
        kind = "memory"
    else:
        kind = STATUS_CLASSES.get(status, "guest")
    return {"status": status, "class": kind, "stderr": stderr[-300:].decode("utf-8", "replace"),
            "time": round(elapsed, 3), "rss_mb": round(rss_mb, 1), "stdout_bytes": stdout_bytes, "left": left,
            "syscalls": syscalls}


def _campaign_one(pool_seeds, seed, tmp, out_dir, timeout, max_instructions, rss_limit_mb, index: int) -> dict:
    seed_path = pool_seeds[index % len(pool_seeds)]
    data, mutations = mutant(seed_path, seed, index)
    path = os.path.join(tmp, f"m{index:06d}.exe")
    with open(path, "wb") as f:
        f.write(data)
    before = _snapshot(pool_seeds)
    result = run_one(path, timeout, max_instructions, rss_limit_mb)
    if _snapshot(pool_seeds) != before:
        result["class"] = "touched"
    result.update(index=index, seed_image=os.path.basename(seed_path), mutations=mutations,
                  sha256=hashlib.sha256(data).hexdigest())
    if out_dir and result["class"] in BUGS:
        shutil.copyfile(path, os.path.join(out_dir, f"{result['class']}-m{index:06d}.exe"))
    os.unlink(path)
    return result


def campaign(count: int, seed: int, jobs: int, out_dir: str | None, extra_seeds: list[str], timeout: float,
             max_instructions: int, rss_limit_mb: int, progress: bool = False, until: float | None = None,
             indices: list[int] | None = None) -> dict:
    """Mutants 0..count-1 of `seed` (or those of `indices`); with `until` (a time.time()), no mutant
    starts after it and the summary counts the ones that ran."""
    indices = list(range(count)) if indices is None else indices
    count = len(indices)
    pool_seeds = seeds(extra_seeds)
    tmp = tempfile.mkdtemp(prefix="ntmini-mutants-")
    results = []

    log = None
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
        log = open(os.path.join(out_dir, "results.jsonl"), "w")     # one line per mutant as it ends
    started = time.monotonic()
    try:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_preload) as pool:
            work = functools.partial(_campaign_one, pool_seeds, seed, tmp, out_dir, timeout, max_instructions,
                                     rss_limit_mb)
            for n, result in enumerate(pool.imap(work, indices), 1):
                results.append(result)
                if log is not None:
                    log.write(json.dumps(result, sort_keys=True) + "\n")
                    log.flush()
                if progress and sys.stderr.isatty():
                    sys.stderr.write(f"\r{n}/{count} mutants")
                    sys.stderr.flush()
                if until is not None and time.time() > until and n < count:
                    pool.terminate()        # the mutants still running are not counted
                    break
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if log is not None:
            log.close()
    if progress and sys.stderr.isatty():
        sys.stderr.write("\n")
    counts: dict[str, int] = {}
    for r in results:
        counts[r["class"]] = counts.get(r["class"], 0) + 1
    summary = {"mutants": len(results), "requested": count, "seed": seed, "seeds": len(pool_seeds), "jobs": jobs,
               "wall_time": round(time.monotonic() - started, 1), "counts": dict(sorted(counts.items())),
               "bugs": sum(counts.get(b, 0) for b in BUGS),
               "max_rss_mb": max((r["rss_mb"] for r in results), default=0),
               "mutants_sha256": hashlib.sha256("".join(r["sha256"] for r in results).encode()).hexdigest()}
    if out_dir:
        with open(os.path.join(out_dir, "summary.json"), "w") as f:
            json.dump(summary, f, indent=2, sort_keys=True)
    summary["results"] = results
    return summary


SERVICE_DRIVER = os.path.join(ROOT, "samples", "fuzz_services", "fuzz_services.exe")


def service_campaign(calls: int, seed: int, jobs: int, per_run: int, timeout: float, max_instructions: int,
                     rss_limit_mb: int, out_dir: str | None = None, until: float | None = None) -> dict:
    """At least `calls` system calls with fuzzed arguments from the guest driver, in runs of
    `per_run` (a run can end sooner: a drawn wait without a timeout, a deadlock), each run with its
    own seed, until the boots' reports count `calls`. With `until` (a time.time()), no run starts
    after it and the summary counts the ones that ran."""
    log = None
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
        log = open(os.path.join(out_dir, "results.jsonl"), "w")     # one line per run as it ends
    lock = threading.Lock()
    next_run = [0]
    made = [0]
    results = []

    def worker() -> None:
        while True:
            with lock:
                k = next_run[0]
                if made[0] >= calls or (until is not None and time.time() > until):
                    return
                next_run[0] += 1
            result = run_one(SERVICE_DRIVER, timeout, max_instructions, rss_limit_mb,
                             (str(seed * 100000 + k), str(per_run)))
            result.update(index=k, seed_image="fuzz_services.exe", mutations=[f"seed {seed * 100000 + k}"],
                          sha256="")
            with lock:
                made[0] += result["syscalls"]
                results.append(result)
                if log is not None:
                    log.write(json.dumps(result, sort_keys=True) + "\n")
                    log.flush()

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for f in [pool.submit(worker) for _ in range(jobs)]:
            f.result()
    if log is not None:
        log.close()
    results.sort(key=lambda r: r["index"])
    counts: dict[str, int] = {}
    for r in results:
        counts[r["class"]] = counts.get(r["class"], 0) + 1
    summary = {"runs": len(results), "requested_calls": calls, "per_run": per_run,
               "service_calls": sum(r["syscalls"] for r in results), "seed": seed, "jobs": jobs,
               "wall_time": round(time.monotonic() - started, 1), "counts": dict(sorted(counts.items())),
               "bugs": sum(counts.get(b, 0) for b in BUGS),
               "max_rss_mb": max((r["rss_mb"] for r in results), default=0)}
    if out_dir:
        with open(os.path.join(out_dir, "summary.json"), "w") as f:
            json.dump(summary, f, indent=2, sort_keys=True)
    summary["results"] = results
    return summary


def _snapshot(paths: list[str]) -> list:
    """The seed images' sizes and times: a run must leave the host's files as they were."""
    return [(os.stat(p).st_size, os.stat(p).st_mtime_ns) for p in paths]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=200, help="mutants to run (default 200)")
    ap.add_argument("--seed", type=int, default=1, help="campaign seed (default 1)")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, help="runs at once")
    ap.add_argument("-o", dest="out", help="folder for results.jsonl, summary.json and the bugs' mutants")
    ap.add_argument("--image", action="append", default=[], help="another seed image (repeatable)")
    ap.add_argument("--timeout", type=float, default=10.0, help="--timeout of each boot (default 10 s)")
    ap.add_argument("--max-instructions", type=int, default=20_000_000, help="of each boot (default 20,000,000)")
    ap.add_argument("--rss-limit", type=int, default=1024, help="host MB a boot may use (default 1024)")
    ap.add_argument("--indices", metavar="FILE", help="run only these mutants (one index a line), e.g. a "
                    "campaign's bugs again")
    ap.add_argument("--stop-at", metavar="HH:MM",
                    help="start no mutant after this UTC time (today); the summary counts those that ran")
    ap.add_argument("--services", type=int, default=0, metavar="CALLS",
                    help="fuzz the system services instead: CALLS calls from the guest driver")
    ap.add_argument("--per-run", type=int, default=20000, help="service calls per boot (default 20,000)")
    args = ap.parse_args()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # A bound for this driver and the boots it starts (which inherit it): whatever a mutant
    # does, the machine keeps its memory; a boot that hits it fails as an internal error.
    resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))
    until = None
    if args.stop_at:
        hours, minutes = (int(x) for x in args.stop_at.split(":"))
        now = datetime.datetime.now(datetime.UTC)
        until = now.replace(hour=hours, minute=minutes, second=0, microsecond=0).timestamp()
    if args.services:
        summary = service_campaign(args.services, args.seed, args.j, args.per_run, max(args.timeout, 120),
                                   max(args.max_instructions, 2_000_000_000), args.rss_limit, args.out, until)
    else:
        indices = None
        if args.indices:
            with open(args.indices) as f:
                indices = [int(line) for line in f if line.strip()]
        summary = campaign(args.n, args.seed, args.j, args.out, args.image, args.timeout, args.max_instructions,
                           args.rss_limit, progress=True, until=until, indices=indices)
    results = summary.pop("results")
    print(json.dumps(summary, indent=2, sort_keys=True))
    for r in results:
        if r["class"] in BUGS:
            print(f"{r['class']}: mutant {r['index']} of {r['seed_image']} ({', '.join(r['mutations'])}): "
                  f"{r['stderr'].strip().splitlines()[-1] if r['stderr'].strip() else r['status']}")
    return 1 if summary["bugs"] else 0


if __name__ == "__main__":
    sys.exit(main())
