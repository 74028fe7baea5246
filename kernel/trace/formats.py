"""Writing a decoded trace: text, JSON Lines, Tenet, drcov, and the strace-like system-call log.

Every writer takes the records of records.steps() in order: a Step (with its module and
symbol) or an event dict. Text, JSON Lines and the syscall log are streamed; drcov gathers the
covered blocks and writes them at the end.
"""
import json
import struct

from .syscalls import format_syscall

TENET_REGS = ("rax", "rbx", "rcx", "rdx", "rbp", "rsp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13",
              "r14", "r15")
_BRANCHES = ("j", "call", "ret", "loop", "syscall", "sysret", "iret", "int", "ud2", "hlt")


_DECIMAL = ("pid", "tid", "cpu", "old_tid", "new_tid", "old_pid", "new_pid", "priority", "old_priority",
            "new_priority", "old_state", "stage", "number", "increment")


def _event_text(event: dict) -> str:
    kind = event["kind"]
    if kind == "syscall":
        return "syscall " + format_syscall(event)
    fields = " ".join(f"{k}={v if k in _DECIMAL else _value(v)}" for k, v in event.items()
                      if k not in ("kind", "regs", "time"))
    return f"{kind} {fields}"


def _value(v) -> str:
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, int):
        return hex(v) if v > 9 else str(v)
    if isinstance(v, dict):
        return "{" + ",".join(f"{k}:{_value(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(_value(x) for x in v) + "]"
    if isinstance(v, str) and not v.isprintable():
        return json.dumps(v)                # a debug print's newline stays on its line
    return str(v)


class TextWriter:
    """One line per instruction: time cpu pid.tid ring symbol address bytes disassembly changes.
    Kernel events are lines starting with '--'."""

    def __init__(self, out):
        self.out = out
        self.time = 0

    def step(self, s, module: str, symbol: str) -> None:
        self.time = s.time
        insn = s.insn
        changes = [f"{name}={value:#x}" for name, value in s.regs]
        for access, address, size, value in s.mem:
            changes.append(f"{access}[{address:#x}]={value.hex() if value is not None else '?' * (2 * size)}")
        if s.faulted:
            changes.append("(faulted)")
        self.out.write(f"{s.time:>10} {s.cpu} {s.pid}.{s.tid} r{s.ring} {symbol:<36} {insn.address:016x} "
                       f"{insn.code.hex(' '):<29} {insn.text:<36} {' '.join(changes)}".rstrip() + "\n")

    def event(self, event: dict) -> None:
        # Events sit at their place in the stream: after the instruction shown last.
        self.out.write(f"{self.time:>10} -- {_event_text(event)}\n")

    def end(self) -> None:
        pass


class JsonlWriter:
    """One JSON object per line; the schema is kernel/trace/schema.json."""

    def __init__(self, out):
        self.out = out

    def step(self, s, module: str, symbol: str) -> None:
        insn = s.insn
        record = {"type": "insn", "time": s.time, "cpu": s.cpu, "pid": s.pid, "tid": s.tid, "ring": s.ring,
                  "address": f"{insn.address:#x}", "size": len(insn.code), "bytes": insn.code.hex(),
                  "module": module, "symbol": symbol, "disasm": insn.text,
                  "regs": {name: f"{value:#x}" for name, value in s.regs},
                  "mem": [{"access": a, "address": f"{addr:#x}", "size": size,
                           "value": value.hex() if value is not None else None}
                          for a, addr, size, value in s.mem]}
        if s.faulted:
            record["faulted"] = True
        self.out.write(json.dumps(record, separators=(",", ":")) + "\n")

    def event(self, event: dict) -> None:
        record = {"type": "event", **event}
        self.out.write(json.dumps(record, separators=(",", ":")) + "\n")

    def end(self) -> None:
        pass


class TenetWriter:
    """Tenet's text trace: per instruction, the registers changed since the previous line, rip,
    then the instruction's memory reads (mr=address:hex) and writes (mw=...). A thread's first
    line carries its whole register state."""

    def __init__(self, out):
        self.out = out
        self.pending: dict[str, int] = {}

    def step(self, s, module: str, symbol: str) -> None:
        parts = [f"{name}={value:#x}" for name, value in self.pending.items()]
        parts.append(f"rip={s.insn.address:#x}")
        for access, address, _size, value in s.mem:
            if value is not None:
                parts.append(f"m{access}={address:#x}:{value.hex()}")
        self.out.write(",".join(parts) + "\n")
        self.pending = {name: value for name, value in s.regs if name in TENET_REGS}

    def event(self, event: dict) -> None:
        if event["kind"] == "context" and "regs" in event:
            self.pending = {name: event["regs"][name] for name in TENET_REGS}

    def end(self) -> None:
        pass


class DrcovWriter:
    """drcov version 2: the module table, then the covered basic blocks (start offset, size,
    module id) as binary records. Blocks are runs of consecutively executed instructions inside
    one module, ended by a control transfer; instructions outside every module are left out."""

    def __init__(self, out, symbolizer):
        self.out = out
        self.symbolizer = symbolizer
        self.blocks: dict[tuple, None] = {}
        self.current = None             # [module, start, end]

    def step(self, s, module: str, symbol: str) -> None:
        mod = self.symbolizer.module_of(s.pid, s.insn.address) if module else None
        address = s.insn.address
        cur = self.current
        if cur is not None and (mod is not cur[0] or address != cur[2]):
            self._close()
            cur = None
        if mod is None:
            return
        if cur is None:
            cur = self.current = [mod, address, address]
        cur[2] = address + len(s.insn.code)
        if s.insn.mnemonic.split()[-1].startswith(_BRANCHES):
            self._close()

    def _close(self) -> None:
        cur = self.current
        if cur is not None:
            self.blocks.setdefault((id(cur[0]), cur[0], cur[1] - cur[0].base, cur[2] - cur[1]), None)
        self.current = None

    def event(self, event: dict) -> None:
        if event["kind"] == "context":
            self._close()

    def end(self) -> None:
        self._close()
        modules = self.symbolizer.modules()
        ids = {id(m): n for n, m in enumerate(modules)}
        lines = ["DRCOV VERSION: 2", "DRCOV FLAVOR: ntmini",
                 f"Module Table: version 2, count {len(modules)}",
                 "Columns: id, base, end, entry, checksum, timestamp, path"]
        for n, m in enumerate(modules):
            lines.append(f"{n:>3}, {m.base:#018x}, {m.base + m.size:#018x}, 0x0000000000000000, 0x00000000, "
                         f"0x00000000, {m.path or m.name}")
        lines.append(f"BB Table: {len(self.blocks)} bbs")
        self.out.write(("\n".join(lines) + "\n").encode())
        pack = struct.Struct("<IHH").pack
        self.out.write(b"".join(pack(start, size, ids[key]) for key, _m, start, size in self.blocks))


class SyscallWriter:
    """--syscalls: one line per system call, as strace prints them."""

    def __init__(self, out):
        self.out = out

    def step(self, s, module: str, symbol: str) -> None:
        pass

    def event(self, event: dict) -> None:
        kind = event["kind"]
        if kind == "syscall":
            self.out.write(f"{event.get('time', 0):>10} {event['pid']}.{event['tid']} {format_syscall(event)}\n")
        elif kind == "unwait":
            self.out.write(f"{event['time']:>10} ?.{event['tid']} <... wait resumed> = "
                           f"{event['status'] & 0xFFFFFFFF:#010x}\n")
        elif kind in ("thread-exit", "process-exit", "fault", "exception", "exception-handled", "debug-print"):
            self.out.write(f"{event.get('time', 0):>10} +++ {_event_text(event)} +++\n")

    def end(self) -> None:
        pass


def make_writer(fmt: str, out, symbolizer):
    if fmt == "text":
        return TextWriter(out)
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt == "tenet":
        return TenetWriter(out)
    if fmt == "drcov":
        return DrcovWriter(out, symbolizer)
    if fmt == "syscalls":
        return SyscallWriter(out)
    raise ValueError(f"unknown trace format {fmt}")


def decode(raw, insns, fmt: str, out) -> int:
    """Stream the raw capture into `out` in format `fmt`; returns the number of instructions."""
    from .records import Step, steps
    from .symbols import Symbolizer
    symbolizer = Symbolizer()
    writer = make_writer(fmt, out, symbolizer)
    lookup = symbolizer.lookup
    count = 0
    for record in steps(raw, insns):
        if type(record) is Step:
            module, symbol = lookup(record.pid, record.insn.address)
            writer.step(record, module, symbol)
            count += 1
        else:
            if record["kind"] == "image-load":
                symbolizer.add(record)
            writer.event(record)
    writer.end()
    return count
