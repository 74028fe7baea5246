"""The machine's native helpers: the SYSCALL hook (kernel/hal/native/syscall.c) and the
thread run (run.c). Their states are filled from the same offsets and values the Python
versions in machine.py use."""
import ctypes

from unicorn import UC_HOOK_INSN
from unicorn.unicorn_py3.unicorn import uclib
from unicorn.x86_const import UC_X86_INS_SYSCALL, UC_X86_REG_CR3, UC_X86_REG_EFLAGS

from . import cpustate as cs


class SyscallState(ctypes.Structure):
    _fields_ = [("reg_read", ctypes.c_void_p), ("context_save", ctypes.c_void_p),
                ("context_restore", ctypes.c_void_p), ("context", ctypes.c_void_p), ("blob", ctypes.c_void_p),
                ("lstar", ctypes.c_uint64), ("fmask", ctypes.c_uint64), ("eflags_id", ctypes.c_int32),
                ("off_rip", ctypes.c_uint32), ("off_rcx", ctypes.c_uint32), ("off_r11", ctypes.c_uint32),
                ("off_rflags", ctypes.c_uint32), ("off_df", ctypes.c_uint32), ("off_hflags", ctypes.c_uint32),
                ("off_cs", ctypes.c_uint32), ("off_ss", ctypes.c_uint32),
                ("cs_cache", ctypes.c_uint8 * 24), ("ss_cache", ctypes.c_uint8 * 24)]


def install_syscall(lib, uc, context, lstar: int, fmask: int, off_df: int) -> SyscallState:
    """Register the C hook on `uc`; `context` is a UcContext it edits (kept alive by the caller)."""
    s = SyscallState()
    fn = ctypes.c_void_p
    s.reg_read = ctypes.cast(uclib.uc_reg_read, fn).value
    s.context_save = ctypes.cast(uclib.uc_context_save, fn).value
    s.context_restore = ctypes.cast(uclib.uc_context_restore, fn).value
    s.context = ctypes.cast(context.context, fn).value
    s.blob = s.context + cs.CONTEXT_HEADER
    s.lstar = lstar
    s.fmask = fmask
    s.eflags_id = UC_X86_REG_EFLAGS
    s.off_rip, s.off_rcx, s.off_r11, s.off_rflags = cs.OFF_RIP, cs.REG_RCX, cs.REG_R11, cs.OFF_RFLAGS
    s.off_df, s.off_hflags = off_df, cs.OFF_HFLAGS
    s.off_cs = cs.OFF_SEGS + cs.SEG_CS * cs.SEG_SIZE
    s.off_ss = cs.OFF_SEGS + cs.SEG_SS * cs.SEG_SIZE
    s.cs_cache[:] = cs.KERNEL_CS_CACHE
    s.ss_cache[:] = cs.KERNEL_SS_CACHE
    hook = ctypes.c_size_t()
    err = uclib.uc_hook_add(uc._uch, ctypes.byref(hook), UC_HOOK_INSN,
                            ctypes.cast(lib.ki_syscall_hook, fn), ctypes.byref(s), 1, 0,
                            ctypes.c_int(UC_X86_INS_SYSCALL))
    if err:
        raise RuntimeError(f"uc_hook_add failed ({err})")
    return s


MAX_GATES = 8


class RunState(ctypes.Structure):
    _fields_ = [("uc", ctypes.c_void_p), ("context_save", ctypes.c_void_p), ("context_restore", ctypes.c_void_p),
                ("reg_write", ctypes.c_void_p), ("emu_start", ctypes.c_void_p), ("ic", ctypes.c_void_p),
                ("loaded_cr3", ctypes.c_uint64), ("gates", ctypes.c_uint64 * MAX_GATES),
                ("ngates", ctypes.c_uint32), ("off_rip", ctypes.c_uint32), ("off_cr3", ctypes.c_uint32),
                ("cr3_id", ctypes.c_int32)]


def run_state(uc, counter_state) -> RunState:
    s = RunState()
    fn = ctypes.c_void_p
    s.uc = uc._uch
    s.context_save = ctypes.cast(uclib.uc_context_save, fn).value
    s.context_restore = ctypes.cast(uclib.uc_context_restore, fn).value
    s.reg_write = ctypes.cast(uclib.uc_reg_write, fn).value
    s.emu_start = ctypes.cast(uclib.uc_emu_start, fn).value
    s.ic = ctypes.addressof(counter_state)
    s.loaded_cr3 = (1 << 64) - 1
    s.off_rip, s.off_cr3 = cs.OFF_RIP, cs.OFF_CR3
    s.cr3_id = UC_X86_REG_CR3
    return s


def add_gate(state: RunState, address: int) -> None:
    """A gate the run resumes past when the thread stopped on it."""
    if state.ngates == MAX_GATES:
        raise RuntimeError(f"more than {MAX_GATES} gates")
    state.gates[state.ngates] = address
    state.ngates += 1
