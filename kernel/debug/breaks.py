"""Break points where debugger commands run: after process creation, at the entry point, at an
address, at an instruction count, and at exit. At each, the `-c` script runs; with --debug a
`kd>` prompt follows until `g` (go on) or `q` (end the run)."""
import sys

from unicorn import UC_HOOK_CODE

from ..errors import EXIT_USAGE, UserError
from ..ke.debugprint import debug_print_text
from .commands import cmd_help, execute
from .target import DebugError, Target, fmt_addr

DBG_TERMINATE_PROCESS = 0x40010004
WHEN = ("create", "entry", "exit", "exception")


class Break:
    def __init__(self, text: str):
        self.text = text
        low = text.lower()
        if low in WHEN:
            self.kind, self.value = low, None
        elif low.startswith("icount:"):
            try:
                self.kind, self.value = "icount", int(low[7:], 0)
            except ValueError:
                raise UserError(f"--break {text}: the instruction count must be a number", EXIT_USAGE) from None
            if self.value <= 0:
                raise UserError(f"--break {text}: the instruction count must be positive", EXIT_USAGE)
        else:
            self.kind, self.value = "address", text[5:] if low.startswith("addr:") else text


class Debugger:
    def __init__(self, kernel, breaks: list[Break], script: str | None, interactive: bool, out=None,
                 read_line=None):
        self.kernel = kernel
        self.breaks = breaks
        self.script = script
        self.interactive = interactive
        self.out = out or _stdout
        self.read_line = read_line or _prompt
        self.process = None
        self.quit = False
        self._pending: list[int] = []

    # -- where the breaks are installed
    def on_created(self, process, thread) -> None:
        self.process = process
        self.kernel.exception_hook = self._on_exception
        if any(b.kind == "exit" for b in self.breaks):
            # The exit is reported before the address space goes (DbgkExitProcess runs ahead
            # of MmCleanProcessAddressSpace), so memory is still there to look at.
            self.kernel.process_exit_hook = self._on_process_exit
        for b in self.breaks:
            if b.kind == "create":
                self.stop(Target(self.kernel, process, thread, where="after process creation"))
            elif b.kind == "entry":
                entry = process.image_base + process.image.entry_rva
                self._code_break(entry, "at the entry point", once=True)
            elif b.kind == "address":
                try:
                    va = Target(self.kernel, process, thread).evaluate(b.value)
                except DebugError as e:
                    raise UserError(f"--break {b.text}: {e}", EXIT_USAGE) from None
                self._code_break(va, f"at {fmt_addr(va)}", once=False)
        self._pending = sorted(b.value for b in self.breaks if b.kind == "icount")
        self._next_icount_break()

    def _next_icount_break(self) -> None:
        """icount:N stops on the kernel's clock where N - 1 instructions have retired, before
        the Nth runs."""
        if not self._pending:
            return
        n = self._pending[0]

        def reached():
            while self._pending and self._pending[0] == n:
                self._pending.pop(0)
                self._live_stop(f"at instruction {n}")
            self._next_icount_break()
        self.kernel.dispatcher.set_break(n - 1, reached)

    def _on_exception(self, thread, record, ctx, first_chance: bool) -> None:
        """KiDispatchException: keep the record and context for .exr -1 / .cxr; stop if asked."""
        thread.last_exception = (record.pack(), bytes(ctx))
        if thread.process is self.process and first_chance:
            text = debug_print_text(thread.process, record)
            if text:                            # OutputDebugString: shown as a debugger shows it
                self.out(text[:-1] if text.endswith("\n") else text)
        if thread.process is self.process and any(b.kind == "exception" for b in self.breaks):
            chance = "first" if first_chance else "second"
            self.stop(Target(self.kernel, thread.process, thread,
                             where=f"at exception {record.code:08x} ({chance} chance)", context=bytes(ctx)))

    def _on_process_exit(self, process) -> None:
        if process is self.process:
            self.on_exit(process)

    def on_exit(self, process) -> None:
        if getattr(self, "exit_seen", False):
            return
        self.exit_seen = True
        if any(b.kind == "exit" for b in self.breaks) and not self.quit:
            thread = process.threads[0] if process.threads else None
            self.stop(Target(self.kernel, process, thread, where="at exit"))

    def _code_break(self, va: int, where: str, once: bool) -> None:
        uc = self.kernel.machine.uc
        state = {"hook": None}

        def hit(uc_, address, size, _):
            current = self.kernel.dispatcher.current
            if current is None or current.process is not self.process:
                return
            if once:
                uc_.hook_del(state["hook"])
            self._live_stop(where)
        state["hook"] = uc.hook_add(UC_HOOK_CODE, hit, None, va, va)

    def _live_stop(self, where: str) -> None:
        thread = self.kernel.dispatcher.current
        process = thread.process if thread is not None else self.process
        self.stop(Target(self.kernel, process, thread, live=True, where=where))

    # -- one stop: the script, then the prompt
    def stop(self, target: Target) -> None:
        if self.quit:
            return
        regs = target.registers()
        rip = regs.get("rip")
        tid = target.thread.tid if target.thread is not None else 0
        head = f"Break {target.where}: process {target.process.pid:x} ({target.process.name}), thread {tid:x}"
        if rip is not None:
            head += f", rip {fmt_addr(rip)} {target.symbol(rip)}"
        self.out(head)
        controls = execute(target, self.script, self.out) if self.script else []
        if "q" in controls:
            return self._quit(target)
        if not self.interactive:
            return
        while True:
            line = self.read_line("kd> ")
            if line is None:
                return
            controls = execute(target, line, self.out)
            if "q" in controls:
                return self._quit(target)
            if "g" in controls:
                return

    def _quit(self, target: Target) -> None:
        """q: the debugger ends the target, as a debugger does, with DBG_TERMINATE_PROCESS."""
        from ..ps.exit import PspTerminateProcess
        self.quit = True
        if target.process is not None and not target.process.exited:
            PspTerminateProcess(self.kernel, target.process, DBG_TERMINATE_PROCESS)


def _stdout(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _prompt(text: str) -> str | None:
    try:
        return input(text)
    except EOFError:
        return None


def print_help() -> None:
    cmd_help(_stdout)
