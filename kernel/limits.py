"""The limits of one boot: how far a guest may go before the run ends (instructions, host wall
clock, output bytes) or its requests fail (handles, threads, processes), whatever the image does.

Ending limits raise LimitReached in the executive, which unwinds the dispatcher; the run then
ends with EXIT_LIMIT and the limit's name in the report. Quotas fail the guest's request with
STATUS_QUOTA_EXCEEDED, as a job object's limits do, and the run goes on; the first refusal of
each kind gets one line on stderr. The instruction limit rides on the counter's deadline
(the native block hook's own comparison), the timeout on a watchdog thread that stops the CPU.
"""
import threading
from argparse import ArgumentTypeError
from dataclasses import dataclass

from unicorn.unicorn_py3.unicorn import uclib

from .ke.kthread import Terminated
from .outputs import write_std
from .status import STATUS_QUOTA_EXCEEDED, NtStatusError

DEFAULT_MAX_INSTRUCTIONS = 10_000_000_000   # about 2.6 minutes of virtual time at the default tick
DEFAULT_TIMEOUT = 0.0                       # seconds of host wall clock; 0: none
DEFAULT_MAX_OUTPUT = 1 << 30                # guest bytes to stdout and stderr together
DEFAULT_MAX_HANDLES = 1 << 16               # per process (Windows allows about 16 million)
DEFAULT_MAX_THREADS = 10_000                # live threads in the boot
DEFAULT_MAX_PROCESSES = 64                  # live user processes in the boot

# The names limits have in the report and on stderr (the option that sets each).
MAX_INSTRUCTIONS, TIMEOUT, MAX_OUTPUT = "max-instructions", "timeout", "max-output"
MAX_HANDLES, MAX_THREADS, MAX_PROCESSES = "max-handles", "max-threads", "max-processes"


@dataclass
class Limits:
    """What a boot may use; 0 means no limit for the first three."""
    max_instructions: int = DEFAULT_MAX_INSTRUCTIONS
    timeout: float = DEFAULT_TIMEOUT
    max_output: int = DEFAULT_MAX_OUTPUT
    max_handles: int = DEFAULT_MAX_HANDLES
    max_threads: int = DEFAULT_MAX_THREADS
    max_processes: int = DEFAULT_MAX_PROCESSES


class LimitReached(Exception):
    """An ending limit was reached: the run stops where it is."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


class LimitGuard:
    """The limits as one boot enforces them (kernel.limits)."""

    def __init__(self, kernel, limits: Limits, notice=None):
        self.kernel = kernel
        self.limits = limits
        self.notice = notice            # (line) -> None: where the one line per limit goes
        self.hit: list[str] = []        # limits reached or refused, in order, each once
        self.output_bytes = 0
        self.pending = None            # LimitReached set by the watchdog
        self._watchdog = None
        self._next_sink = kernel.output_sink
        self._threads_bound = sum(1 for p in kernel.processes for t in p.threads if t.state != Terminated)
        kernel.limits = self
        kernel.output_sink = self._write
        # the count at which the run ends (none: past any the counter reaches)
        self.instruction_limit = limits.max_instructions or 1 << 64
        if limits.max_instructions:
            kernel.counter.set_limit(limits.max_instructions)

    # -- the ending limits
    def start(self) -> None:
        """Start the wall clock (the run is about to begin)."""
        if self.limits.timeout:
            self._watchdog = threading.Thread(target=self._watch, name="ntmini-timeout", daemon=True)
            self._stop = threading.Event()
            self._watchdog.start()

    def stop(self) -> None:
        if self._watchdog is not None:
            self._stop.set()
            self._watchdog.join()
            self._watchdog = None

    def _watch(self) -> None:
        if self._stop.wait(self.limits.timeout):
            return
        self.pending = LimitReached(TIMEOUT, f"the run took longer than --timeout {self.limits.timeout:g} s")
        handle = self.kernel.machine.uc._uch
        # The CPU may be between runs when the stop arrives: repeat until the run has ended.
        while not self._stop.wait(0.02):
            uclib.uc_emu_stop(handle)
        return

    def check(self) -> None:
        """Called by the dispatcher around each run of a thread."""
        if self.pending is not None:
            raise self.pending
        limit = self.limits.max_instructions
        if limit and self.kernel.counter.instructions >= limit:
            raise LimitReached(MAX_INSTRUCTIONS, f"the guest retired {self.kernel.counter.instructions:,} "
                               f"instructions, --max-instructions is {limit:,}")

    def ended(self, e: LimitReached) -> None:
        self._record(e.name, f"limit: {e}; the run ends here")

    # -- output: the cap, and failures of the host's stdout/stderr
    def _write(self, fd: int, data: bytes) -> None:
        cap = self.limits.max_output
        over = cap and self.output_bytes + len(data) > cap
        if over:
            data = data[:cap - self.output_bytes]
        self.output_bytes += len(data)
        if self._next_sink is not None:
            self._next_sink(fd, data)
        else:
            write_std(fd, data)
        if over:
            raise LimitReached(MAX_OUTPUT, f"the guest wrote more than --max-output {cap:,} bytes")

    # -- quotas: the guest's request fails, the run goes on
    def charge_handle(self, process, count: int) -> None:
        if count >= self.limits.max_handles:
            self._refuse(MAX_HANDLES, f"process {process.pid} holds {count:,} handles, --max-handles is "
                         f"{self.limits.max_handles:,}")

    def charge_thread(self) -> None:
        # Threads created since the last count bound the live ones from above; they are counted
        # again (a walk of every process's threads) only once that bound reaches the limit.
        self._threads_bound += 1
        if self._threads_bound <= self.limits.max_threads:
            return
        live = sum(1 for p in self.kernel.processes for t in p.threads if t.state != Terminated)
        self._threads_bound = live + 1
        if live >= self.limits.max_threads:
            self._threads_bound = live
            self._refuse(MAX_THREADS, f"{live:,} threads are live, --max-threads is {self.limits.max_threads:,}")

    def charge_process(self) -> None:
        live = sum(1 for p in self.kernel.processes if p.pid != 4 and not p.exited)
        if live >= self.limits.max_processes:
            self._refuse(MAX_PROCESSES, f"{live:,} processes are live, --max-processes is "
                         f"{self.limits.max_processes:,}")

    def _refuse(self, name: str, message: str) -> None:
        self._record(name, f"limit: {message}; the guest gets STATUS_QUOTA_EXCEEDED")
        raise NtStatusError(STATUS_QUOTA_EXCEEDED, message)

    def _record(self, name: str, line: str) -> None:
        if name in self.hit:
            return
        self.hit.append(name)
        if self.notice is not None:
            self.notice(line)


# -- the options (kernel/cli.py adds them to boot and trace; run-corpus passes them on)
def add_arguments(p, defaults: Limits | None = None) -> None:
    d = defaults or Limits()
    g = p.add_argument_group("limits", "where a run ends (exit status 124, the limit named on stderr and in "
                             "the report) or a request fails (STATUS_QUOTA_EXCEEDED to the guest)")
    g.add_argument("--max-instructions", type=_count, default=d.max_instructions, metavar="N",
                   help=f"end the run once the guest has retired N instructions (virtual time; default "
                   f"{d.max_instructions:,}; 0: no limit)")
    g.add_argument("--timeout", type=_seconds, default=d.timeout, metavar="SECONDS",
                   help="end the run after SECONDS of host wall-clock time (default "
                   + (f"{d.timeout:g}" if d.timeout else "none") + "; 0: none)")
    g.add_argument("--max-output", type=_count, default=d.max_output, metavar="BYTES",
                   help=f"end the run once the guest has written BYTES to stdout and stderr (default "
                   f"{d.max_output:,}; 0: no limit)")
    g.add_argument("--max-handles", type=_positive, default=d.max_handles, metavar="N",
                   help=f"handles a process may hold (default {d.max_handles:,})")
    g.add_argument("--max-threads", type=_positive, default=d.max_threads, metavar="N",
                   help=f"live threads in the boot (default {d.max_threads:,})")
    g.add_argument("--max-processes", type=_positive, default=d.max_processes, metavar="N",
                   help=f"live user processes in the boot (default {d.max_processes:,})")


def from_args(args) -> Limits:
    return Limits(args.max_instructions, args.timeout, args.max_output, args.max_handles, args.max_threads,
                  args.max_processes)


def to_argv(limits: Limits) -> list[str]:
    """The options that give these limits, for a boot run as a command."""
    return ["--max-instructions", str(limits.max_instructions), "--timeout", f"{limits.timeout:g}",
            "--max-output", str(limits.max_output), "--max-handles", str(limits.max_handles),
            "--max-threads", str(limits.max_threads), "--max-processes", str(limits.max_processes)]


def _number(text: str) -> int:
    try:
        return int(text.replace("_", "").replace(",", ""), 0)
    except ValueError:
        raise ArgumentTypeError(f"not a number: {text!r}") from None


def _count(text: str) -> int:
    value = _number(text)
    if value < 0:
        raise ArgumentTypeError(f"must not be negative: {text}")
    return value


def _positive(text: str) -> int:
    value = _number(text)
    if value < 1:
        raise ArgumentTypeError(f"must be at least 1: {text}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise ArgumentTypeError(f"must be a finite number of seconds, at least 0: {text}")
    return value

