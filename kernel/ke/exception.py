"""KiDispatchException: an exception of a user-mode thread goes to ntdll!KiUserExceptionDispatcher.

First chance: the CONTEXT and EXCEPTION_RECORD are copied to the user stack in Windows x64's
layout (CONTEXT at RSP, CONTEXT_EX at +0x4D0, EXCEPTION_RECORD at +0x4F0, a MACHINE_FRAME at
+0x590) and the thread returns to user mode at the dispatcher. Second chance, or a frame that
cannot be written, is left to the caller (kernel/ex/exception.py), which ends the process.
"""
import ctypes
import struct
from dataclasses import dataclass, field

from unicorn import x86_const as ux

from ..layouts import LAYOUTS
from ..mm.fault import MmProbeUserStack
from .debugprint import DBG_PRINTEXCEPTION_C, KdpReportDebugPrint

CONTEXT_SIZE = 0x4D0
CONTEXT_AMD64 = 0x100000
CONTEXT_CONTROL, CONTEXT_INTEGER, CONTEXT_SEGMENTS, CONTEXT_FLOATING_POINT = 0x1, 0x2, 0x4, 0x8
CONTEXT_EXCEPTION_FLAGS = CONTEXT_AMD64 | 0x1F          # what an exception's context holds
EXCEPTION_NONCONTINUABLE = 0x1
EXCEPTION_MAXIMUM_PARAMETERS = 15
EXCEPTION_RECORD_SIZE = 0x98
# The exception frame KiUserExceptionDispatcher finds at RSP.
FRAME_SIZE, OFF_CONTEXT_EX, OFF_RECORD, OFF_MACHINE_FRAME = 0x5C0, 0x4D0, 0x4F0, 0x590
EFLAGS_TF, EFLAGS_DF = 0x100, 0x400
USER_EFLAGS_MASK = 0x0CD5           # CF PF AF ZF SF TF DF OF: what user mode may set

# CONTEXT offsets
C_FLAGS, C_MXCSR, C_SEGCS, C_EFLAGS, C_GPRS, C_RIP = 0x30, 0x34, 0x38, 0x44, 0x78, 0xF8
C_FLTSAVE, C_XMM0 = 0x100, 0x1A0
_TF = LAYOUTS["KTRAP_FRAME"]
TF_RAX, TF_RBX, TF_RIP, TF_EXCEPTION_ACTIVE = (_TF.offset(n) for n in ("Rax", "Rbx", "Rip", "ExceptionActive"))
_TF_VOLATILE, _TF_NONVOLATILE, _TF_IRET = struct.Struct("<7Q"), struct.Struct("<4Q"), struct.Struct("<5Q")
GPR_NAMES = ("Rax", "Rcx", "Rdx", "Rbx", "Rsp", "Rbp", "Rsi", "Rdi",
             "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15")
_XMM = [getattr(ux, f"UC_X86_REG_XMM{i}") for i in range(16)]
_HIGH = (ux.UC_X86_REG_R12, ux.UC_X86_REG_R13, ux.UC_X86_REG_R14, ux.UC_X86_REG_R15)
_READ = (ux.UC_X86_REG_MXCSR, ux.UC_X86_REG_FPCW, ux.UC_X86_REG_FPSW, ux.UC_X86_REG_FPTAG, *_HIGH, *_XMM)
_FLOAT_WRITE = (ux.UC_X86_REG_MXCSR, ux.UC_X86_REG_FPCW, *_XMM)


class _Registers:
    """One uc_reg_read_batch / uc_reg_write_batch call for a fixed list of registers (each
    value in a 16-byte buffer): a CONTEXT moves in or out of the CPU in one engine call."""

    def __init__(self, regs):
        self.count = len(regs)
        self.ids = (ctypes.c_int * self.count)(*regs)
        self.buffers = [ctypes.create_string_buffer(16) for _ in regs]
        self.pointers = (ctypes.c_void_p * self.count)(*(ctypes.addressof(b) for b in self.buffers))

    def read(self, uc) -> list[int]:
        from unicorn.unicorn_py3.unicorn import uclib
        uclib.uc_reg_read_batch(uc._uch, self.ids, self.pointers, self.count)
        return [int.from_bytes(b.raw, "little") for b in self.buffers]

    def write(self, uc, values) -> None:
        from unicorn.unicorn_py3.unicorn import uclib
        for buffer, value in zip(self.buffers, values, strict=True):
            buffer.raw = value.to_bytes(16, "little")
        uclib.uc_reg_write_batch(uc._uch, self.ids, self.pointers, self.count)


_READER, _FLOAT_WRITER, _HIGH_WRITER = _Registers(_READ), _Registers(_FLOAT_WRITE), _Registers(_HIGH)


@dataclass
class ExceptionRecord:
    code: int
    address: int
    params: list = field(default_factory=list)
    flags: int = 0
    nested: int = 0                 # ExceptionRecord: the record this one was raised during

    def pack(self) -> bytes:
        params = (list(self.params) + [0] * EXCEPTION_MAXIMUM_PARAMETERS)[:EXCEPTION_MAXIMUM_PARAMETERS]
        return struct.pack("<IIQQI4x15Q", self.code & 0xFFFFFFFF, self.flags, self.nested, self.address,
                           min(len(self.params), EXCEPTION_MAXIMUM_PARAMETERS), *params)

    @classmethod
    def unpack(cls, data: bytes) -> "ExceptionRecord":
        code, flags, nested, address, count = struct.unpack_from("<IIQQI", data)
        count = min(count, EXCEPTION_MAXIMUM_PARAMETERS)
        return cls(code, address, list(struct.unpack_from(f"<{count}Q", data, 0x20)), flags, nested)


def context_gprs(ctx) -> list[int]:
    return list(struct.unpack_from("<16Q", ctx, C_GPRS))


def context_rip(ctx) -> int:
    return struct.unpack_from("<Q", ctx, C_RIP)[0]


def KeContextFromTrapFrame(kernel, tf) -> bytearray:
    """The interrupted user state as a CONTEXT: the trap frame's registers, R12-R15, the XMM
    registers, MXCSR and the x87 control state still in the CPU (the executive never touches them)."""
    values = _READER.read(kernel.machine.uc)
    mxcsr, fpcw, fpsw, fptag = (v & 0xFFFFFFFF for v in values[:4])
    ctx = bytearray(CONTEXT_SIZE)
    struct.pack_into("<II", ctx, C_FLAGS, CONTEXT_EXCEPTION_FLAGS, mxcsr)
    struct.pack_into("<HHHHHHI", ctx, C_SEGCS, 0x33, 0x2B, 0x2B, 0x53, 0x2B, 0x2B, tf.EFlags & 0xFFFFFFFF)
    regs = [getattr(tf, name) for name in GPR_NAMES[:12]] + list(values[4:8])
    struct.pack_into("<16Q", ctx, C_GPRS, *regs)
    struct.pack_into("<Q", ctx, C_RIP, tf.Rip)
    # FltSave: the FXSAVE image (control, status and tag words, MXCSR and its mask, XMM0-15).
    struct.pack_into("<HHB", ctx, C_FLTSAVE, fpcw, fpsw, _abridged_tag(fptag))
    struct.pack_into("<II", ctx, C_FLTSAVE + 0x18, mxcsr, 0xFFFF)
    for i, value in enumerate(values[8:]):
        ctx[C_XMM0 + 16 * i:C_XMM0 + 16 * i + 16] = value.to_bytes(16, "little")
    return ctx


def _abridged_tag(tag: int) -> int:
    """FXSAVE keeps one bit per x87 register (1 = valid) where FTW has two (11 = empty)."""
    return sum(1 << i for i in range(8) if (tag >> (2 * i)) & 3 != 3)


def KeRestoreFloatingState(kernel, ctx) -> None:
    """NtContinue's CONTEXT_FLOATING_POINT part: MXCSR, the x87 control word and XMM0-15."""
    values = [struct.unpack_from("<I", ctx, C_MXCSR)[0] & 0xFFFF, struct.unpack_from("<H", ctx, C_FLTSAVE)[0]]
    values += [int.from_bytes(ctx[C_XMM0 + 16 * i:C_XMM0 + 16 * i + 16], "little") for i in range(16)]
    _FLOAT_WRITER.write(kernel.machine.uc, values)


def KiDispatchException(kernel, thread, record: ExceptionRecord, ctx: bytearray, first_chance: bool = True) -> bool:
    """Deliver `record` raised in the user state `ctx` (a CONTEXT) of the current thread.
    False when it cannot be delivered (second chance, or no room on the stack)."""
    process = thread.process
    kernel.events.emit("exception", time=kernel.dispatcher.now(), pid=process.pid, tid=thread.tid,
                       code=record.code, address=record.address, params=list(record.params),
                       chance=1 if first_chance else 2)
    if first_chance and record.code == DBG_PRINTEXCEPTION_C:
        KdpReportDebugPrint(kernel, thread, record)
    hook = getattr(kernel, "exception_hook", None)
    if hook is not None:
        hook(thread, record, ctx, first_chance)
        if process.exited:
            return True
    if not first_chance:
        return False
    dispatcher = process.ntdll.base + process.ntdll.exports.by_name["KiUserExceptionDispatcher"]
    rsp = struct.unpack_from("<Q", ctx, C_GPRS + 4 * 8)[0]
    frame = (rsp - FRAME_SIZE) & ~0xF
    if not MmProbeUserStack(thread, frame, frame + FRAME_SIZE):
        return False
    eflags = struct.unpack_from("<I", ctx, C_EFLAGS)[0]
    space = process.space
    space.write(frame, bytes(ctx))
    # CONTEXT_EX: All and Legacy describe the CONTEXT just below it; no XSTATE.
    space.write(frame + OFF_CONTEXT_EX, struct.pack("<iIiIiI", -CONTEXT_SIZE, CONTEXT_SIZE + 0x20,
                                                    -CONTEXT_SIZE, CONTEXT_SIZE, 0x20, 0))
    space.write(frame + OFF_RECORD, record.pack())
    space.write(frame + OFF_MACHINE_FRAME, struct.pack("<5Q", context_rip(ctx), 0x33, eflags, rsp, 0x2B))
    regs = context_gprs(ctx)
    regs[4] = frame
    _leave_to(kernel, thread, regs, dispatcher, (eflags & ~(EFLAGS_TF | EFLAGS_DF) & USER_EFLAGS_MASK) | 0x200)
    thread.exception_pending = (record.code, record.address)
    return True


def _leave_to(kernel, thread, regs: list[int], rip: int, eflags: int) -> None:
    """The current thread leaves the kernel through iretq (ExceptionActive) with these registers:
    RAX-R11 from its trap frame, R12-R15 straight from the CPU."""
    mem, pa = kernel.mem, kernel.trap_frame_pa(thread)
    rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8, r9, r10, r11 = regs[:12]
    _TF_VOLATILE.pack_into(mem, pa + TF_RAX, rax, rcx, rdx, r8, r9, r10, r11)
    _TF_NONVOLATILE.pack_into(mem, pa + TF_RBX, rbx, rdi, rsi, rbp)
    _TF_IRET.pack_into(mem, pa + TF_RIP, rip, 0x33, eflags, rsp, 0x2B)
    mem[pa + TF_EXCEPTION_ACTIVE] = 1
    _HIGH_WRITER.write(kernel.machine.uc, regs[12:])


def KeContinue(kernel, thread, ctx) -> None:
    """NtContinue(Ex), for the current thread: it leaves the kernel with the whole
    CONTEXT (integer and control registers always, the floating state when its flag says so)."""
    flags = struct.unpack_from("<I", ctx, C_FLAGS)[0]
    eflags = (struct.unpack_from("<I", ctx, C_EFLAGS)[0] & USER_EFLAGS_MASK) | 0x200
    rip = context_rip(ctx)
    _leave_to(kernel, thread, context_gprs(ctx), rip, eflags)
    if flags & CONTEXT_FLOATING_POINT & 0xFF and len(ctx) >= CONTEXT_SIZE:
        KeRestoreFloatingState(kernel, ctx)
    pending = getattr(thread, "exception_pending", None)
    if pending is not None:
        thread.exception_pending = None
        code, address = pending
        kernel.events.emit("exception-handled", time=kernel.dispatcher.now(), pid=thread.process.pid,
                           tid=thread.tid, code=code, address=address, resume=rip,
                           frame=struct.unpack_from("<Q", ctx, C_GPRS + 4 * 8)[0])
