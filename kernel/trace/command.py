"""`python -m kernel trace IMAGE -o FILE` and `boot --trace FILE`: the options, and a run's
capture from before process creation to the decode after exit."""
import os
import sys

from ..errors import EXIT_CANT_CREATE, EXIT_USAGE, UserError
from . import FORMATS

_EXTENSIONS = {".jsonl": "jsonl", ".json": "jsonl", ".tenet": "tenet", ".drcov": "drcov", ".cov": "drcov"}


def add_trace_arguments(parser, command: bool) -> None:
    g = parser.add_argument_group("tracing", "record every executed instruction with its register and memory "
                                  "effects, and the kernel's events, then write them in a chosen format")
    if command:
        g.add_argument("-o", "--output", dest="trace", metavar="FILE",
                       help="where the trace goes (required, except with --syscalls: stderr)")
    else:
        g.add_argument("--trace", metavar="FILE", help="record a trace of the run into FILE")
    g.add_argument("--format", dest="trace_format", choices=FORMATS,
                   help="text (default; by extension: .jsonl, .tenet, .drcov), jsonl, tenet or drcov")
    g.add_argument("--syscalls", action="store_true",
                   help="only the system calls, strace-like, with decoded arguments and results")
    g.add_argument("--ring", choices=("user", "kernel", "all"), default="all",
                   help="which privilege level's instructions to record (default all)")
    g.add_argument("--module", dest="trace_modules", action="append", default=[], metavar="NAME",
                   help="only instructions inside this module (e.g. ntdll.dll, ntoskrnl.exe); repeatable")
    g.add_argument("--range", dest="trace_ranges", action="append", default=[], metavar="LO-HI",
                   help="only instructions at addresses LO <= a < HI (hex); repeatable")
    g.add_argument("--thread", dest="trace_threads", action="append", default=[], type=_number, metavar="TID",
                   help="only this thread's instructions and events; repeatable")
    g.add_argument("--start", dest="trace_start", metavar="WHERE",
                   help="start recording at an address (hex or module!export) or at icount:N")
    g.add_argument("--stop", dest="trace_stop", metavar="WHERE",
                   help="stop recording before an address (hex or module!export) or at icount:N")


def _number(text: str) -> int:
    try:
        return int(text, 0)
    except ValueError:
        raise UserError(f"not a number: {text}", EXIT_USAGE) from None


def wanted(args) -> bool:
    return bool(getattr(args, "trace", None) or getattr(args, "syscalls", False))


def _range(text: str) -> tuple[int, int]:
    lo, sep, hi = text.replace(":", "-").partition("-")
    try:
        lo_v, hi_v = int(lo, 16), int(hi, 16)
    except ValueError:
        lo_v = hi_v = -1
    if not sep or lo_v < 0 or hi_v <= lo_v:
        raise UserError(f"--range {text}: expected LO-HI in hex with LO < HI", EXIT_USAGE)
    return lo_v, hi_v


class TraceRun:
    """One traced run: begin() before process creation, created() after, end() after exit."""

    def __init__(self, args):
        self.args = args
        self.syscalls_only = args.syscalls
        if args.trace is None and not args.syscalls:
            raise UserError("trace: -o FILE is required (or --syscalls)", EXIT_USAGE)
        fmt = args.trace_format
        if fmt is None:
            ext = os.path.splitext(args.trace or "")[1].lower()
            fmt = _EXTENSIONS.get(ext, "text")
        self.format = "syscalls" if args.syscalls else fmt
        if args.syscalls and args.trace_format:
            raise UserError("--syscalls writes its own log; it takes no --format", EXIT_USAGE)
        self.ranges = [_range(r) for r in args.trace_ranges]
        self.start = self._limit(args.trace_start, "--start")
        self.stop = self._limit(args.trace_stop, "--stop")
        self.capture = None
        if args.trace is not None:
            try:                        # fail before the run, not after it
                open(args.trace, "wb").close()
            except OSError as e:
                raise UserError(f"cannot write {args.trace}: {e.strerror}", EXIT_CANT_CREATE) from e

    @staticmethod
    def _limit(text, option):
        if text is None:
            return None
        if text.lower().startswith("icount:"):
            try:
                value = _number(text[7:])
            except UserError:
                raise UserError(f"{option} {text}: the count is not a number", EXIT_USAGE) from None
            if value < 0:
                raise UserError(f"{option} {text}: the count must not be negative", EXIT_USAGE)
            return ("time", value)
        return ("address", text)

    def begin(self, kernel) -> None:
        from .capture import TraceCapture, TraceOptions
        a = self.args
        options = TraceOptions(ring=a.ring, threads=a.trace_threads, instructions=not self.syscalls_only)
        for which, limit in (("start", self.start), ("stop", self.stop)):
            if limit is not None and limit[0] == "time":
                setattr(options, f"{which}_time", limit[1])
        self.capture = TraceCapture(kernel, options)

    def created(self, kernel, process, thread) -> None:
        """Resolve what needs the process's modules: --module, and --start/--stop addresses."""
        from ..debug.target import DebugError, Target
        from .capture import MAX_RANGES
        capture = self.capture
        ranges = list(self.ranges)
        for name in self.args.trace_modules:
            low = name.lower()
            if low in ("nt", "ntoskrnl", "ntoskrnl.exe"):
                ranges.append((kernel.image.base, kernel.image.base + kernel.image.size))
                continue
            mod = next((m for m in process.modules if m.name.lower() in (low, low + ".dll", low + ".exe")), None)
            if mod is None:
                names = ", ".join(m.name for m in process.modules)
                raise UserError(f"--module {name}: not loaded (loaded: {names}, ntoskrnl.exe)", EXIT_USAGE)
            ranges.append((mod.base, mod.base + mod.size))
        if ranges and capture.options.instructions:
            if len(ranges) > MAX_RANGES:
                raise UserError(f"at most {MAX_RANGES} --module/--range filters", EXIT_USAGE)
            capture.set_ranges(ranges)
        target = Target(kernel, process, thread)
        for which, limit in (("start", self.start), ("stop", self.stop)):
            if limit is not None and limit[0] == "address":
                try:
                    address = target.evaluate(limit[1])
                except DebugError as e:
                    raise UserError(f"--{which} {limit[1]}: {e}", EXIT_USAGE) from None
                capture.set_limit(which, address)

    def end(self) -> int:
        """Close the capture and write the output; returns the number of instructions written."""
        from .formats import decode
        capture = self.capture
        capture.close()
        binary = self.format == "drcov"
        path = self.args.trace
        try:
            if path is None:
                out = sys.stderr
                count = decode(capture.raw, capture.insns, self.format, out)
                out.flush()
            else:
                with open(path, "wb" if binary else "w", encoding=None if binary else "utf-8",
                          newline=None if binary else "\n") as out:
                    count = decode(capture.raw, capture.insns, self.format, out)
        except OSError as e:
            raise UserError(f"cannot write {e.filename or path}: {e.strerror}", EXIT_CANT_CREATE) from e
        finally:
            capture.raw.close()
        return count
