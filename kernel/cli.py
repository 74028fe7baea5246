"""`python -m kernel boot IMAGE [ARGS...]`: argument parsing and presentation only."""
import argparse
import os
import sys

from .errors import (
    EXIT_ABNORMAL,
    EXIT_DEADLOCK,
    EXIT_INTERNAL,
    EXIT_LIMIT,
    EXIT_USAGE,
    IMAGE_OPEN_EXIT,
    ImageOpenError,
    UserError,
)
from .ke.clock import DEFAULT_TICK_INSTRUCTIONS
from .ke.kernel import MAX_PROCESSORS
from .status import NtStatusError, nt_status_name

PRIORITY_CLASS_FLAGS = {"idle": 0x40, "below_normal": 0x4000, "normal": 0x20, "above_normal": 0x8000,
                        "high": 0x80, "realtime": 0x100}


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UserError(f"{self.prog}: {message} (see --help)", EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m kernel", description="An NT mini-kernel on an emulated x86-64 that boots "
                "64-bit Windows PE images.")
    p.add_argument("--version", action=_VersionAction)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    b = sub.add_parser("boot", help="create a process from IMAGE and run it until it exits",
                       description="Create a Windows process from IMAGE through the NT creation stages and run "
                       "it. Guest output goes to stdout/stderr unchanged; the exit status is the guest's exit "
                       "code (its low 8 bits when it does not fit, with a line on stderr naming the full "
                       "NTSTATUS).")
    _add_run_arguments(b)
    from .trace.command import add_trace_arguments
    add_trace_arguments(b, command=False)
    t = sub.add_parser("trace", help="run IMAGE like boot and record an instruction-level trace",
                       description="Run IMAGE as boot does and record every executed instruction (time, "
                       "processor, process.thread, ring, module!symbol, address, bytes, disassembly, registers "
                       "written, memory read and written) with the kernel's events woven in.")
    _add_run_arguments(t)
    add_trace_arguments(t, command=True)
    d = sub.add_parser("tracediff", help="the first difference between two traces",
                       description="Compare two traces of the same format record by record; print the first "
                       "divergence with the records before it. Exit 0 when identical, 1 when they differ.")
    d.add_argument("a", metavar="A")
    d.add_argument("b", metavar="B")
    d.add_argument("--context", type=int, default=5, metavar="N", help="records shown before the divergence "
                   "(default 5)")
    sub.add_parser("debug-help", help="list the debugger commands")
    from .run_corpus_cli import add_parser as add_run_corpus
    add_run_corpus(sub)
    return p


class _VersionAction(argparse.Action):
    """--version: the installed distribution's number, looked up only when asked (importlib.metadata is slow
    to import, and every boot would pay for it)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        sys.stdout.write(_version() + "\n")
        parser.exit()


def _version() -> str:
    try:
        from importlib.metadata import version
        return "ntmini " + version("ntmini")
    except Exception:       # not installed: the source tree's own number
        return "ntmini (source tree)"


def _add_run_arguments(p) -> None:
    p.add_argument("image", help="a 64-bit Windows executable (PE32+)")
    rest = p.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to the program (optional)")
    rest.required = False                  # argparse marks a REMAINDER positional required
    rest.metavar = "ARGS"
    p.add_argument("--stages", action="store_true", help="print each creation stage and what it decided (stderr)")
    p.add_argument("--report", metavar="FILE", help="write a JSON report of the run to FILE")
    p.add_argument("--priority", choices=sorted(PRIORITY_CLASS_FLAGS), default=None,
                   help="priority class of the new process (realtime needs --allow-realtime)")
    p.add_argument("--allow-realtime", action="store_true",
                   help="hold SeIncreaseBasePriorityPrivilege: a realtime request stays realtime")
    p.add_argument("--suspended", action="store_true",
                   help="CREATE_SUSPENDED: create the process with its initial thread suspended")
    p.add_argument("--memory", type=int, default=512, metavar="MB", help="emulated physical memory (default 512)")
    p.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                   help="set a variable in the guest's environment (repeatable)")
    p.add_argument("--inherit-env", action="store_true",
                   help="start from the host's environment instead of the documented default one")
    f = p.add_argument_group("files", "the guest sees C:\\Windows\\System32 (its DLLs, read-only), C:\\app (the "
                             "image's folder, read-only), C:\\work (the current directory, read-write), C:\\Temp (a "
                             "fresh folder, removed at the end) and what --mount adds; nothing else of the host")
    f.add_argument("--mount", action="append", default=[], metavar="GUEST=HOST[:ro]",
                   help="show host folder HOST as guest folder GUEST (e.g. C:\\data=./data:ro); repeatable")
    f.add_argument("--read-only", action="store_true", help="make every mount read-only")
    s = p.add_argument_group("scheduling", "virtual time: a clock tick (15.625 ms) is a fixed number of retired "
                             "instructions, so runs are identical every time")
    s.add_argument("--cpus", type=int, default=1, metavar="N", help="logical processors, 1-64 (default 1)")
    s.add_argument("--tick", type=int, default=DEFAULT_TICK_INSTRUCTIONS, metavar="INSTRUCTIONS",
                   help=f"instructions per clock tick (default {DEFAULT_TICK_INSTRUCTIONS:,}; at least 1,000)")
    s.add_argument("--real-time", action="store_true",
                   help="start the guest's clock (KUSER_SHARED_DATA.SystemTime, GetSystemTime, file times "
                   "the guest sets) at the host's current UTC time instead of 2024-01-01 00:00:00; it still "
                   "advances with virtual time, so only the starting point differs between runs")
    s.add_argument("--timeline", metavar="FILE.svg",
                   help="draw which thread ran on which processor over virtual time (SVG)")
    s.add_argument("--events", metavar="FILE",
                   help="write the scheduler's event stream (switches, waits, priorities, exceptions, "
                   "OutputDebugString texts) as JSON Lines")
    d = p.add_argument_group("debugger", "WinDbg-style views at chosen points (output on stdout); "
                             "`python -m kernel debug-help` lists the commands")
    d.add_argument("--break", dest="breaks", action="append", default=[], metavar="WHEN",
                   help="stop at: create (after process creation), entry (the image's entry point), exit, exception, "
                   "icount:N (the Nth instruction), or an address (hex, module!export); repeatable")
    d.add_argument("-c", dest="commands", metavar="CMDS",
                   help="debugger commands to run at every break, separated by ';' (e.g. '!peb; lm')")
    d.add_argument("--debug", action="store_true",
                   help="a kd> prompt at every break (default break: entry); g goes on, q ends the run")
    from .limits import add_arguments as add_limit_arguments
    add_limit_arguments(p)


def _format_value(v) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, int):
        return hex(v) if v > 9 else str(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_format_value(x) for x in v) + "]"
    return str(v)


def print_stage(event) -> None:
    f = event.fields
    values = " ".join(f"{k}={_format_value(v)}" for k, v in f["values"].items())
    sys.stderr.write(f"[stage {f['stage']}] {f['name']}: {values}\n")
    sys.stderr.flush()


def _debugger(args, kernel):
    if not (args.breaks or args.commands or args.debug):
        return None
    from .debug.breaks import Break, Debugger
    if args.commands:
        _check_script(args.commands)
    breaks = [Break(text) for text in args.breaks]
    if not breaks:
        if args.commands and not args.debug:
            raise UserError("-c needs a --break to run at (create, entry, exit, icount:N or an address)",
                            EXIT_USAGE)
        breaks = [Break("entry")]
    return Debugger(kernel, breaks, args.commands, args.debug)


def _check_script(script: str) -> None:
    """Every -c command must be one the debugger knows (bad arguments are its own business)."""
    from .debug.commands import COMMANDS
    for command in (c.strip() for c in script.split(";")):
        name = command.split()[0].lower() if command else ""
        if name and name not in COMMANDS and name not in ("g", "q", "help", "?", ".help"):
            raise UserError(f"-c {script!r}: unknown debugger command {command.split()[0]!r} "
                            "(python -m kernel debug-help lists them)", EXIT_USAGE)


def boot(args) -> int:
    from .ps.create import CreateRequest
    from .session import Session

    if args.memory < 64 or args.memory > 8192:
        raise UserError("--memory must be between 64 and 8192 MB", EXIT_USAGE)
    if not 1 <= args.cpus <= MAX_PROCESSORS:
        raise UserError(f"--cpus must be between 1 and {MAX_PROCESSORS}", EXIT_USAGE)
    if args.tick < 1000:
        raise UserError("--tick must be at least 1000 instructions", EXIT_USAGE)
    flags = PRIORITY_CLASS_FLAGS[args.priority] if args.priority else 0
    if args.suspended:
        flags |= 0x4
    from . import outputs
    from .limits import LimitGuard
    from .limits import from_args as limits_from_args
    for option, path in (("--report", args.report), ("--events", args.events), ("--timeline", args.timeline),
                         ("--trace" if args.command == "boot" else "-o", getattr(args, "trace", None))):
        outputs.check_output_path(option, path)
    from .io.mounts import MountError, default_mounts
    from .ke.boot import GUEST_BIN, host_boot_time
    try:
        mounts = default_mounts(None, GUEST_BIN, extra=args.mount, read_only=args.read_only)
    except MountError as e:
        raise UserError(str(e), EXIT_USAGE) from e
    session = Session(args.memory << 20, args.cpus, args.tick, mounts=mounts,
                      boot_time=host_boot_time() if args.real_time else None)
    kernel = session.kernel
    faults: list[str] = []
    kernel.fault_sink = lambda line: (faults.append(line), say(line))
    guard = LimitGuard(kernel, limits_from_args(args), notice=say)
    report = None
    if args.report:
        from .report import ReportRecorder
        report = ReportRecorder(kernel)
    if args.stages:
        kernel.events.subscribe(print_stage, ("stage",))
    recorder = None
    if args.timeline or args.events:
        from .ke.timeline import EventRecorder
        recorder = EventRecorder(kernel)
    debugger = _debugger(args, kernel)
    tracer = None
    if args.command == "trace" or getattr(args, "trace", None) or args.syscalls:
        from .trace.command import TraceRun
        tracer = TraceRun(args)
        tracer.begin(kernel)
    if sys.stdout is not None:
        sys.stdout.flush()
    from .ps.params import guest_environment
    try:
        environment = guest_environment(args.env, dict(os.environ) if args.inherit_env else None)
    except ValueError as e:
        raise UserError(f"--env {e}", EXIT_USAGE) from e
    request = CreateRequest(os.path.abspath(args.image), list(args.args), flags, environment,
                            may_use_realtime=args.allow_realtime)
    try:
        process, thread = session.create_process(request)
    except NtStatusError as e:
        # The process cannot start (its image does not map, a DLL is missing): it ends with the
        # status before its first instruction, as the loader's failure ends it on Windows.
        return _creation_failed(args, e, report, guard)
    if tracer is not None:
        tracer.created(kernel, process, thread)
    if debugger is not None:
        debugger.on_created(process, thread)
    result = session.run(process, thread)
    session.close()                         # the boot's temporary folder goes
    if debugger is not None and result.limit is None:
        debugger.on_exit(process)
    if tracer is not None:
        tracer.end()
    code = result.exit_code & 0xFFFFFFFF
    if report is not None:
        outputs.write_output_file("--report", args.report,
                                  lambda path: report.write(path, args.image, result, guard, faults))
    if recorder is not None:
        if args.timeline:
            outputs.write_output_file("--timeline", args.timeline, recorder.write_svg)
        if args.events:
            outputs.write_output_file("--events", args.events, recorder.write_jsonl)
    if result.limit is not None:
        return EXIT_LIMIT
    for pid, name in result.orphans:
        say(f"process {pid} ({name}) was still waiting when the first process had ended: terminated")
    if result.deadlock:
        say("deadlock: every thread waits and nothing can wake them")
        return EXIT_DEADLOCK
    if code > 255:
        if getattr(process, "hard_error_status", None) != code:      # a hard error said it already
            say(f"process exited with 0x{code:08X} ({nt_status_name(code)})")
        return code & 0xFF
    return code


def _creation_failed(args, error, report, guard) -> int:
    code = error.status
    name = nt_status_name(code)
    detail = "" if str(error) == name else f": {error}"        # an NtStatusError without a reason is its name
    say(f"process creation failed with 0x{code:08X} ({name}){detail}")
    if report is not None:
        from .outputs import write_output_file
        from .session import BootResult
        result = BootResult(code, 0, 0, 0, 0, 0, 0)
        write_output_file("--report", args.report, lambda path: report.write(path, args.image, result, guard, []))
    return code & 0xFF or EXIT_ABNORMAL


def say(line: str) -> None:
    """One line on stderr (nothing when stderr is closed)."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except OSError:
        pass


def main(argv=None) -> int:
    from .outputs import claim_standard_fds
    claim_standard_fds()
    status = _main(argv)
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as e:
        say(f"error: cannot write to stdout: {e.strerror}")
        status = status or EXIT_ABNORMAL
    if status == EXIT_ABNORMAL or sys.stdout is None:
        # Nothing more reaches a broken stdout: the interpreter's own flush at exit must not fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    return status


def _main(argv=None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
        if args.command in ("boot", "trace"):
            return boot(args)
        if args.command == "tracediff":
            from .trace.diff import tracediff
            return tracediff(args.a, args.b, args.context)
        if args.command == "debug-help":
            from .debug.breaks import print_help
            print_help()
            return 0
        if args.command == "run-corpus":
            from .run_corpus import run_corpus
            return run_corpus(args)
        raise UserError(f"unknown command {args.command}", EXIT_USAGE)
    except UserError as e:
        say(f"error: {e}")
        return e.exit_status
    except ImageOpenError as e:
        sys.stderr.write(f"error: {e}\n")
        return IMAGE_OPEN_EXIT[e.reason]
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_ABNORMAL
    except Exception as e:     # an executive bug: one line, and the bugcheck status
        from .hal.machine import Bugcheck
        kind = "bugcheck" if isinstance(e, Bugcheck) else "internal error"
        say(f"{kind}: {type(e).__name__}: {e}")
        if os.environ.get("NTMINI_TRACEBACK"):
            raise
        return EXIT_INTERNAL
