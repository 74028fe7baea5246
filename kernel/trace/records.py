"""Reading the raw capture stream (the layout is trace.c's) back as records, in one pass.

An instruction record becomes a `Step` carrying its context (processor, process, thread) and
its results; an event record becomes a dict. `steps()` yields both, in capture order.
"""
import json
import struct

from .isa import FIRST_XMM, SLOT_NAMES, Insn

_WORD = struct.Struct("<I")
_TIME = struct.Struct("<Q")
_EVENT_LEN = struct.Struct("<I")
TAG_EVENT = 2
KERNEL_BASE = 0xFFFF800000000000


class Step:
    """One executed instruction."""

    __slots__ = ("time", "cpu", "pid", "tid", "insn", "regs", "mem", "faulted")

    def __init__(self, time, cpu, pid, tid, insn: Insn, regs, mem, faulted):
        self.time = time
        self.cpu = cpu
        self.pid = pid
        self.tid = tid
        self.insn = insn
        self.regs = regs                # [(name, value)] written by the instruction
        self.mem = mem                  # [(access "r"|"w", address, size, bytes or None)]
        self.faulted = faulted

    @property
    def address(self) -> int:
        return self.insn.address

    @property
    def ring(self) -> int:
        return 0 if self.insn.address >= KERNEL_BASE else 3


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    """An unsigned LEB128 value at pos: (value, the position after it)."""
    value = shift = 0
    while True:
        b = data[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, pos
        shift += 7


def read_chunks(raw, size: int = 1 << 22):
    raw.seek(0)
    while True:
        chunk = raw.read(size)
        if not chunk:
            return
        yield chunk


def steps(raw, insns: list[Insn]):
    """Yield Step and event dicts from the raw file, tracking the context events."""
    cpu = pid = tid = 0
    last_time = -1
    last_va = 0
    last_reg = [0] * FIRST_XMM
    data = b""
    pos = 0
    chunks = read_chunks(raw)
    exhausted = False
    from_bytes = int.from_bytes
    while True:
        if not exhausted and len(data) - pos < 1 << 16:
            more = next(chunks, None)
            exhausted = more is None
            data = data[pos:] + (more or b"")
            pos = 0
        if pos >= len(data):
            return
        if data[pos] & 1:
            word = _WORD.unpack_from(data, pos)[0]
            pos += 4
            if word & 4:
                last_time = _TIME.unpack_from(data, pos)[0]
                pos += 8
            else:
                last_time += 1
            insn = insns[word >> 3]
            faulted = bool(word & 2)
            regs = []
            if not faulted:
                for slot in insn.writes:
                    if slot >= FIRST_XMM:
                        regs.append((SLOT_NAMES[slot], from_bytes(data[pos:pos + 16], "little")))
                        pos += 16
                        continue
                    delta, pos = _varint(data, pos)
                    value = last_reg[slot] = last_reg[slot] ^ delta
                    regs.append((SLOT_NAMES[slot], value))
            mem = []
            for _base, _index, _scale, size, access, _seg, _disp in insn.mem:
                valid = data[pos]
                pos += 1
                delta, pos = _varint(data, pos)
                va = last_va = last_va ^ delta
                value = None
                if valid:
                    value = data[pos:pos + size]
                    pos += size
                mem.append(("r" if access == 1 else "w", va, size, value))
            yield Step(last_time, cpu, pid, tid, insn, regs, mem, faulted)
        elif data[pos] == TAG_EVENT:
            length = _EVENT_LEN.unpack_from(data, pos + 4)[0]
            event = json.loads(data[pos + 8:pos + 8 + length])
            pos += 8 + length
            last_va = 0
            last_reg = [0] * FIRST_XMM
            if event["kind"] == "context":
                cpu, pid, tid = event["cpu"], event["pid"], event["tid"]
            yield event
        else:
            raise ValueError(f"corrupt trace stream at byte {pos} (tag {data[pos]})")
