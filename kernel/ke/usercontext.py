"""A thread's user-mode registers wherever they are: in its saved CPU state when it stopped at
ring 3, else in its trap frame (RAX-R11, RIP, RFLAGS, RSP) with R12-R15 in the CPU (the current
thread) or its saved state; and the way back, a trap frame left through iretq (ExceptionActive).
NtGetContextThread/NtSetContextThread and user APC delivery read and write them here."""
import struct

from unicorn.x86_const import UC_X86_REG_R12, UC_X86_REG_R13, UC_X86_REG_R14, UC_X86_REG_R15

from ..hal import cpustate as cs
from ..layouts import LAYOUTS, StructView

_Q = struct.Struct("<Q")
# The trap frame's fields by register-file index (RAX=0 ... R11=11); R12-R15 are never in it.
_R12_R15 = (UC_X86_REG_R12, UC_X86_REG_R13, UC_X86_REG_R14, UC_X86_REG_R15)
_TF_NAMES = ["Rax", "Rcx", "Rdx", "Rbx", "Rsp", "Rbp", "Rsi", "Rdi", "R8", "R9", "R10", "R11"]


def user_state(kernel, target):
    """Returns (regs[16], rip, eflags) of the thread's user mode."""
    view = None if target is kernel.dispatcher.current else target.view
    if view is not None and cs.cpl(view) == 3:
        regs = list(struct.unpack_from("<16Q", view, 0))
        return regs, _Q.unpack_from(view, cs.OFF_RIP)[0], _Q.unpack_from(view, cs.OFF_RFLAGS)[0]
    # In the kernel: the trap frame holds user mode's state; R12-R15 are untouched in the CPU.
    if view is None:
        high = [kernel.machine.uc.reg_read(r) for r in _R12_R15]
    else:
        high = list(struct.unpack_from("<4Q", view, 12 * 8))
    tf = StructView(kernel.system, target.trap_frame, LAYOUTS["KTRAP_FRAME"])
    regs = [getattr(tf, name) for name in _TF_NAMES] + high
    return regs, tf.Rip, tf.EFlags


def set_user_state(kernel, target, regs, rip: int, eflags: int) -> None:
    """The thread resumes user mode with these registers: in its saved CPU state if it was
    stopped at ring 3, else in its trap frame, left through iretq (ExceptionActive)."""
    view = None if target is kernel.dispatcher.current else target.view
    if view is not None and cs.cpl(view) == 3:
        struct.pack_into("<16Q", view, 0, *regs)
        _Q.pack_into(view, cs.OFF_RIP, rip)
        _Q.pack_into(view, cs.OFF_RFLAGS, eflags)
        return
    tf = StructView(kernel.system, target.trap_frame, LAYOUTS["KTRAP_FRAME"])
    for name, value in zip(_TF_NAMES, regs[:12], strict=True):
        setattr(tf, name, value)
    tf.Rip, tf.EFlags = rip, eflags
    tf.SegCs, tf.SegSs = 0x33, 0x2B
    tf.ExceptionActive = 1
    if view is None:
        for reg, value in zip(_R12_R15, regs[12:], strict=True):
            kernel.machine.uc.reg_write(reg, value)
    else:
        struct.pack_into("<4Q", view, 12 * 8, *regs[12:])

