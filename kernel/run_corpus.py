"""`python -m kernel run-corpus DIR_OR_LIST [-j N] -o DIR [--expect MANIFEST] [--ray ADDRESS]`:
boot many images, each in its own worker process (`python -m kernel boot` with the limits), and
write one JSON report per image, a summary table (text and JSON) and, against a manifest of
expected outcomes, the differences (exit status 1 when there is one).

A job is an image, its arguments and the support files copied into its working directory. The
jobs come from a folder (every *.exe in it), a list file (one image path per line, arguments
after it; `#` comments) or a manifest (the shape of ../shared/corpus/MANIFEST.json: cases with
file, args, support, expect.stdout or expect.stdout_regex, expect.exit_code; a manifest given
as the source brings its own expectations). Jobs run in a pool
of N threads each driving one boot process, or as Ray tasks on a cluster with --ray.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time

from .errors import EXIT_CANT_CREATE, EXIT_NO_INPUT, EXIT_USAGE, UserError
from .limits import from_args, to_argv
from .run_corpus_cli import CORPUS_LIMITS, add_parser  # noqa: F401  (the command's arguments)
from .status import nt_status_name

REPORT_SCHEMA = "ntmini-corpus-report"
REPORT_VERSION = 1
SUMMARY_VERSION = 1
HEAD_BYTES = 512
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

KILL_GRACE = 30.0               # past --timeout, the worker process is killed ("hang")


# -- the jobs
class Job:
    def __init__(self, index: int, path: str, args: list[str], support: list[str], expect: dict | None,
                 what: str = ""):
        self.index = index
        self.path = path
        self.args = list(args)
        self.support = list(support)        # host paths copied into the working directory
        self.expect = expect
        self.what = what
        self.id = f"{index:04d}-{os.path.basename(path)}"

    def to_dict(self) -> dict:
        return {"index": self.index, "path": self.path, "args": self.args, "support": self.support,
                "expect": self.expect, "what": self.what, "id": self.id}


def _manifest_cases(path: str) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise UserError(f"{path}: no such file", EXIT_NO_INPUT) from None
    except (OSError, ValueError) as e:
        raise UserError(f"{path}: not a readable manifest ({e})", EXIT_NO_INPUT) from None
    cases = data.get("cases") if isinstance(data, dict) else None
    if not isinstance(cases, list) or not all(isinstance(c, dict) and isinstance(c.get("file"), str) for c in cases):
        raise UserError(f"{path}: a manifest has a list `cases` of objects with a `file`", EXIT_USAGE)
    return cases


def _case_job(index: int, case: dict, folder: str, with_expect: bool) -> Job:
    support = [os.path.join(folder, s) for s in case.get("support", [])]
    args = case.get("args", [])
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        raise UserError(f"case {case['file']}: `args` must be a list of strings", EXIT_USAGE)
    return Job(index, os.path.join(folder, case["file"]), args, support,
               case.get("expect") if with_expect else None, case.get("what", ""))


def collect_jobs(source: str, expect: str | None) -> list[Job]:
    """The jobs of a folder, list or manifest, with the expectations of --expect attached."""
    expected: dict[str, list[dict]] = {}
    if expect:
        for case in _manifest_cases(expect):
            expected.setdefault(case["file"], []).append(case)
    jobs: list[Job] = []
    if os.path.isdir(source):
        names = sorted(n for n in os.listdir(source) if n.lower().endswith(".exe")
                       and os.path.isfile(os.path.join(source, n)))
        for name in names:
            cases = expected.pop(name, None)
            if cases:
                folder = os.path.dirname(os.path.abspath(expect))
                for case in cases:
                    job = _case_job(len(jobs), case, folder, True)
                    job.path = os.path.join(source, name)
                    jobs.append(job)
            else:
                jobs.append(Job(len(jobs), os.path.join(source, name), [], [], None))
        for cases in expected.values():        # expected but not in the folder: a difference
            for case in cases:
                job = _case_job(len(jobs), case, source, True)
                jobs.append(job)
        return jobs
    if not os.path.exists(source):
        raise UserError(f"{source}: no such file or folder", EXIT_NO_INPUT)
    folder = os.path.dirname(os.path.abspath(source))
    if source.lower().endswith((".exe", ".dll", ".com", ".scr")):       # one image
        cases = expected.get(os.path.basename(source))
        return [Job(0, source, [], [], cases[0].get("expect") if cases else None)]
    if source.lower().endswith(".json"):
        for case in _manifest_cases(source):        # its own expectations, unless --expect has others
            cases = expected.get(case["file"])
            job = _case_job(len(jobs), case, folder, True)
            if cases:
                job.expect = cases[0].get("expect")
            jobs.append(job)
        return jobs
    try:
        with open(source, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise UserError(f"{source}: cannot read the list ({e})", EXIT_NO_INPUT) from None
    import shlex
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            words = shlex.split(line)
        except ValueError as e:
            raise UserError(f"{source}:{number}: {e}", EXIT_USAGE) from None
        path = words[0] if os.path.isabs(words[0]) else os.path.join(folder, words[0])
        cases = expected.get(os.path.basename(path))
        jobs.append(Job(len(jobs), path, words[1:], [], cases[0].get("expect") if cases else None))
    return jobs


# -- one job, in a worker process (the same function runs as a Ray task)
def run_job(job: dict, work_root: str, options: list[str], kill_after: float | None) -> dict:
    """Boot one image in its own process, in a working directory of its own under work_root
    that holds its support files, and return its report."""
    work = os.path.join(work_root, job["id"])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    boot_report = os.path.join(work, "boot-report.json")
    for path in job["support"]:
        if os.path.isfile(path):
            shutil.copyfile(path, os.path.join(work, os.path.basename(path)))
    image = os.path.abspath(job["path"])
    command = [sys.executable, "-m", "kernel", "boot", "--report", boot_report, *options, image, *job["args"]]
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("NTMINI_TRACEBACK", None)
    started = time.monotonic()
    killed = False
    try:
        done = subprocess.run(command, cwd=work, env=env, capture_output=True, timeout=kill_after,
                              stdin=subprocess.DEVNULL)
        status, stdout, stderr = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as e:
        killed = True
        status, stdout, stderr = None, e.stdout or b"", e.stderr or b""
    elapsed = time.monotonic() - started
    boot = None
    try:
        with open(boot_report, encoding="utf-8") as f:
            boot = json.load(f)
    except (OSError, ValueError):
        pass
    return build_report(job, image, status, stdout, stderr, boot, elapsed, killed)


def write_report(out_dir: str, report: dict) -> None:
    path = os.path.join(out_dir, "reports", report["id"] + ".json")
    try:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2, sort_keys=True)
            f.write("\n")
    except OSError as e:
        raise UserError(f"-o {out_dir}: cannot write {path} ({e.strerror})", EXIT_CANT_CREATE) from None


def _stream(data: bytes) -> dict:
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
            "head": data[:HEAD_BYTES].decode("utf-8", "backslashreplace")}


def _file_sha256(path: str) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


def _imports(path: str) -> dict[str, list[str]]:
    """The APIs the image imports, by DLL (ordinals as #N), as its import directory lists them."""
    try:
        import pefile
        pe = pefile.PE(path, fast_load=True)
        pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"]])
        result: dict[str, list[str]] = {}
        for entry in getattr(pe, "DIRECTORY_ENTRY_IMPORT", [])[:256]:
            dll = entry.dll.decode("latin-1")
            names = result.setdefault(dll, [])
            for imp in entry.imports[:4096]:
                names.append(imp.name.decode("latin-1") if imp.name else f"#{imp.ordinal}")
        pe.close()
        return result
    except Exception:       # a file pefile cannot read has no import list to give
        return {}


def classify(status, killed: bool, boot: dict | None, stderr: bytes) -> str:
    """The outcome in one word: exit, deadlock, limit, refused, creation-failed, internal, hang."""
    if killed:
        return "hang"
    if status == 71:
        return "internal"
    if boot is not None:
        return boot["end"]
    if b"Traceback" in stderr:
        return "internal"
    return "refused"                # the kernel refused the file before a process existed


def build_report(job: dict, image: str, status, stdout: bytes, stderr: bytes, boot: dict | None,
                 elapsed: float, killed: bool) -> dict:
    outcome = classify(status, killed, boot, stderr)
    code = boot["exit_code"] if boot is not None else None
    report = {
        "schema": REPORT_SCHEMA,
        "version": REPORT_VERSION,
        "id": job["id"],
        "image": image,
        "sha256": _file_sha256(image),
        "args": job["args"],
        "what": job["what"],
        "outcome": outcome,
        "exit_status": status,                  # the boot command's own status (None: killed)
        "exit_code": code,                      # the guest's full 32-bit code
        "exit_status_name": nt_status_name(code) if code is not None else None,
        "stdout": _stream(stdout),
        "stderr": _stream(stderr),
        "counts": {k: boot.get(k) for k in ("instructions", "syscalls", "context_switches", "output_bytes")}
        if boot else {},
        "dlls": sorted({m["name"] for m in boot.get("modules", [])}) if boot else [],
        "imports": _imports(image),
        "services": boot.get("services", {}) if boot else {},
        "exceptions": boot.get("faults", []) if boot else [],
        "limit": boot.get("limit") if boot else ("kill" if killed else None),
        "limits_hit": boot.get("limits_hit", []) if boot else [],
        "time": round(elapsed, 3),
    }
    report["verdict"], report["differences"] = compare(job["expect"], status, code, stdout)
    return report


def compare(expect: dict | None, status, code, stdout: bytes) -> tuple[str, list[str]]:
    """pass / fail against the expectation (or `none` without one), with each difference."""
    if expect is None:
        return "none", []
    differences = []
    text = stdout.decode("utf-8", "surrogateescape")
    if "stdout" in expect and text != expect["stdout"]:
        differences.append(f"stdout is {_short(text)}, expected {_short(expect['stdout'])}")
    if "stdout_regex" in expect and not re.search(expect["stdout_regex"], text):
        differences.append(f"stdout {_short(text)} does not match {_short(expect['stdout_regex'])}")
    if "exit_code" in expect:
        want = expect["exit_code"] & 0xFFFFFFFF
        if code is None:
            differences.append(f"no exit code (the run ended with status {status}), expected {want:#x}")
        elif code != want:
            differences.append(f"exit code {code:#x}, expected {want:#x}")
    return ("fail" if differences else "pass"), differences


def _short(text: str, n: int = 60) -> str:
    return repr(text if len(text) <= n else text[:n] + "...")


# -- the run as a whole
class Progress:
    """A one-line bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int):
        self.total = total
        self.done = 0
        self.live = sys.stderr is not None and sys.stderr.isatty()
        self._draw()

    def step(self) -> None:
        self.done += 1
        self._draw()

    def _draw(self) -> None:
        if not self.live:
            return
        width = 30
        filled = width * self.done // max(self.total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} images")
        if self.done == self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _boot_options(args) -> list[str]:
    if not 64 <= args.memory <= 8192:
        raise UserError("--memory must be between 64 and 8192 MB", EXIT_USAGE)
    if not 1 <= args.cpus <= 64:
        raise UserError("--cpus must be between 1 and 64", EXIT_USAGE)
    return ["--memory", str(args.memory), "--cpus", str(args.cpus), *to_argv(from_args(args))]


def run_corpus(args) -> int:
    options = _boot_options(args)
    limits = from_args(args)
    kill_after = limits.timeout + KILL_GRACE if limits.timeout else None
    jobs = collect_jobs(args.source, args.expect)
    if not jobs:
        raise UserError(f"{args.source}: no images to run", EXIT_NO_INPUT)
    out = args.out
    try:
        os.makedirs(os.path.join(out, "reports"), exist_ok=True)
        os.makedirs(os.path.join(out, "work"), exist_ok=True)
    except OSError as e:
        raise UserError(f"-o {out}: cannot create ({e.strerror})", EXIT_CANT_CREATE) from None
    started = time.monotonic()
    progress = Progress(len(jobs))
    job_dicts = [j.to_dict() for j in jobs]
    reports: list = [None] * len(jobs)

    def done(report: dict) -> None:
        write_report(out, report)
        reports[report_index[report["id"]]] = report
        progress.step()

    report_index = {j["id"]: j["index"] for j in job_dicts}
    if args.ray:
        from .run_corpus_ray import run_on_ray
        run_on_ray(args.ray, job_dicts, options, kill_after, done)
    else:
        work_root = os.path.abspath(os.path.join(out, "work"))
        from concurrent.futures import ThreadPoolExecutor, as_completed  # only a corpus run needs it
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(run_job, j, work_root, options, kill_after) for j in job_dicts]
            for future in as_completed(futures):
                done(future.result())
    elapsed = time.monotonic() - started
    summary = summarize(reports, elapsed, args)
    text = summary_text(summary)
    try:
        with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2, sort_keys=True)
            f.write("\n")
        with open(os.path.join(out, "summary.txt"), "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as e:
        raise UserError(f"-o {out}: cannot write the summary ({e.strerror})", EXIT_CANT_CREATE) from None
    sys.stdout.write(text)
    sys.stdout.flush()
    return 1 if summary["totals"]["fail"] else 0


def summarize(reports: list[dict], elapsed: float, args) -> dict:
    rows = [{"id": r["id"], "image": os.path.basename(r["image"]), "args": r["args"], "outcome": r["outcome"],
             "exit_status": r["exit_status"], "exit_code": r["exit_code"], "exit_status_name": r["exit_status_name"],
             "limit": r["limit"], "verdict": r["verdict"], "differences": r["differences"], "time": r["time"]}
            for r in reports]
    outcomes: dict[str, int] = {}
    for r in reports:
        outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
    totals = {v: sum(1 for r in reports if r["verdict"] == v) for v in ("pass", "fail", "none")}
    return {"schema": "ntmini-corpus-summary", "version": SUMMARY_VERSION, "images": len(reports),
            "jobs": 0 if args.ray else args.jobs, "ray": args.ray, "wall_time": round(elapsed, 3),
            "images_per_second": round(len(reports) / elapsed, 3) if elapsed > 0 else None,
            "outcomes": dict(sorted(outcomes.items())), "totals": totals, "rows": rows}


def summary_text(summary: dict) -> str:
    rows = summary["rows"]
    width = max([len(r["id"]) for r in rows] + [5])
    lines = [f"{'image':<{width}}  {'outcome':<15}  {'exit code':<36}  {'verdict':<7}  time"]
    for r in rows:
        code = "-" if r["exit_code"] is None else f"{r['exit_code']:#x} {r['exit_status_name']}"
        lines.append(f"{r['id']:<{width}}  {r['outcome']:<15}  {code:<36.36}  {r['verdict']:<7}  {r['time']:.2f}s")
        for d in r["differences"]:
            lines.append(f"{'':<{width}}    - {d}")
    t = summary["totals"]
    outcomes = ", ".join(f"{k} {v}" for k, v in summary["outcomes"].items())
    lines.append(f"{summary['images']} images in {summary['wall_time']:.1f} s "
                 f"({summary['images_per_second']} images/s): {outcomes}; "
                 f"expected: {t['pass']} pass, {t['fail']} fail, {t['none']} without expectation")
    return "\n".join(lines) + "\n"
