"""The pure-Python capture hook: trace.c's logic as a plain per-instruction Unicorn hook, writing
the identical raw stream. It is the fallback without the native helper (about fifty times
slower) and what tools/bench_trace.py compares the native capture with.
"""
import struct

from unicorn import UC_HOOK_CODE
from unicorn.x86_const import UC_X86_REG_FS_BASE, UC_X86_REG_GS_BASE

from . import isa

_I = struct.Struct("<I")
_Q = struct.Struct("<Q")
_MASK128 = (1 << 128) - 1
USER_LIMIT = 0x0000800000000000
NO_LIMIT = (1 << 64) - 1
FLUSH_BYTES = 8 << 20


def _varint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


class PythonTraceHook:
    def __init__(self, capture):
        from .capture import REGISTER_IDS
        self.capture = capture
        kernel = capture.kernel
        self.kernel = kernel
        self.counter = kernel.counter
        self.uc = kernel.machine.uc
        self.regids = REGISTER_IDS
        self.out = bytearray()
        self.table: dict = {}           # (address, space) -> (id, code)
        self.enabled = not capture.options.threads
        self.ranges: list = []
        self.started = False
        self.stopped = False
        self.pending = None             # (id, time, [(va, access, size, value)])
        self.last_time = -1
        self.last_va = 0
        self.last_reg = [0] * isa.FIRST_XMM
        capture._apply_limits(self)
        self.ring_lo, self.ring_hi = capture.ring_range()
        self.uc.hook_add(UC_HOOK_CODE, self._hook, None, 1, 0)

    # the same attribute names as trace.c's state, for TraceCapture._apply_limits
    start_address = stop_address = start_time = stop_time = NO_LIMIT

    def _space(self, address: int) -> int:
        return self.counter.space_tag if address < USER_LIMIT else 0

    def _read(self, va: int, size: int):
        try:
            return self.kernel._read_code(va, size)
        except Exception:
            return None

    def _hook(self, uc, address, size, _data):
        counter = self.counter
        time = counter.block_start + counter.block_index
        counter.block_index += 1
        if self.pending is not None:
            self.finish(False)
        if not self.enabled:
            return
        if not self.started:
            if self.stopped or (address != self.start_address and time < self.start_time):
                return
            self.started = True
        if address == self.stop_address or time >= self.stop_time:
            self.started = False
            self.stopped = True
            return
        if not self.ring_lo <= address <= self.ring_hi:
            return
        if self.ranges and not any(lo <= address < hi for lo, hi in self.ranges):
            return
        code = self._read(address, size)
        if code is None:
            return
        key = (address, self._space(address))
        hit = self.table.get(key)
        if hit is None or hit[1] != code:
            insns = self.capture.insns
            hit = self.table[key] = (len(insns), code)
            insns.append(isa.describe(address, code))
        ident = hit[0]
        insn = self.capture.insns[ident]
        mem = []
        for base, index, scale, msize, access, seg, disp in insn.mem:
            va = disp
            if base == isa.SLOT_RIP:
                va += address + size
            elif base != isa.SLOT_NONE:
                va += uc.reg_read(self.regids[base])
            if index != isa.SLOT_NONE:
                va += uc.reg_read(self.regids[index]) * scale
            if seg:
                va += uc.reg_read(UC_X86_REG_FS_BASE if seg == 1 else UC_X86_REG_GS_BASE)
            va &= NO_LIMIT
            value = self._read(va, msize) if access == isa.ACCESS_READ else None
            mem.append([va, access, msize, value])
        self.pending = (ident, time, mem)

    def finish(self, faulted: bool) -> None:
        if self.pending is None:
            return
        ident, time, mem = self.pending
        self.pending = None
        insn = self.capture.insns[ident]
        uc = self.uc
        out = self.out
        word = ident << 3 | 1 | (2 if faulted else 0)
        timed = time != self.last_time + 1
        out += _I.pack(word | 4) + _Q.pack(time) if timed else _I.pack(word)
        self.last_time = time
        if not faulted:
            last = self.last_reg
            for slot in insn.writes:
                value = uc.reg_read(self.regids[slot])
                if slot >= isa.FIRST_XMM:
                    out += (value & _MASK128).to_bytes(16, "little")
                else:
                    out += _varint(value ^ last[slot])
                    last[slot] = value
        for va, access, size, value in mem:
            if faulted:                 # the access did not happen
                value = None
            elif access == isa.ACCESS_WRITE:
                value = self._read(va, size)
            out.append(0 if value is None else 1)
            out += _varint(va ^ self.last_va)
            self.last_va = va
            if value is not None:
                out += value
        if len(out) > FLUSH_BYTES:
            self.drain()

    def event(self, payload: bytes) -> None:
        if self.pending is not None:
            self.finish(False)
        self.out += b"\x02\0\0\0" + len(payload).to_bytes(4, "little") + payload
        self.last_va = 0
        self.last_reg = [0] * isa.FIRST_XMM

    def drain(self) -> None:
        self.capture.raw.write(self.out)
        self.out = bytearray()
