"""What a user-mode trap becomes (KiPageFault, KiGeneralProtectionFault ... in NT): the page
fault MmAccessFault resolves, or the exception record Windows builds for it, dispatched through
KiDispatchException (kernel/ke/exception.py); NtRaiseException; and the end of a process whose
exception nobody handled."""
import ntpath
import struct

from ..ke.exception import (
    CONTEXT_SIZE,
    EXCEPTION_NONCONTINUABLE,
    EXCEPTION_RECORD_SIZE,
    ExceptionRecord,
    KeContextFromTrapFrame,
    KiDispatchException,
)
from ..layouts import LAYOUTS, StructView
from ..mm.fault import MmAccessFault
from ..ps.exit import PspTerminateProcess
from ..status import (
    STATUS_ACCESS_VIOLATION,
    STATUS_ASSERTION_FAILURE,
    STATUS_BREAKPOINT,
    STATUS_DATATYPE_MISALIGNMENT,
    STATUS_FLOAT_DENORMAL_OPERAND,
    STATUS_FLOAT_DIVIDE_BY_ZERO,
    STATUS_FLOAT_INEXACT_RESULT,
    STATUS_FLOAT_INVALID_OPERATION,
    STATUS_FLOAT_OVERFLOW,
    STATUS_FLOAT_STACK_CHECK,
    STATUS_FLOAT_UNDERFLOW,
    STATUS_ILLEGAL_INSTRUCTION,
    STATUS_INTEGER_DIVIDE_BY_ZERO,
    STATUS_INTEGER_OVERFLOW,
    STATUS_PRIVILEGED_INSTRUCTION,
    STATUS_SINGLE_STEP,
    STATUS_STACK_BUFFER_OVERRUN,
    nt_status_name,
)

STATUS_ARRAY_BOUNDS_EXCEEDED = 0xC000008C
_VECTOR_STATUS = {
    0x00: STATUS_INTEGER_DIVIDE_BY_ZERO, 0x01: STATUS_SINGLE_STEP, 0x03: STATUS_BREAKPOINT,
    0x04: STATUS_INTEGER_OVERFLOW, 0x05: STATUS_ARRAY_BOUNDS_EXCEEDED, 0x06: STATUS_ILLEGAL_INSTRUCTION,
    0x10: STATUS_FLOAT_INVALID_OPERATION, 0x11: STATUS_DATATYPE_MISALIGNMENT,
    0x13: STATUS_FLOAT_INVALID_OPERATION, 0x29: STATUS_STACK_BUFFER_OVERRUN, 0x2C: STATUS_ASSERTION_FAILURE,
    0x2D: STATUS_BREAKPOINT,
}
_PRIVILEGED = {"hlt", "cli", "sti", "lgdt", "lidt", "lldt", "ltr", "wrmsr", "rdmsr", "invlpg", "invd",
               "wbinvd", "swapgs", "sysret", "sysretq", "clts", "lmsw", "in", "out", "insb", "insw", "insd",
               "outsb", "outsw", "outsd", "rdpmc", "xsetbv"}
_disassembler = None


def _instruction(space, rip: int):
    global _disassembler
    if _disassembler is None:
        import capstone  # only faults need it: keep it off the boot path
        _disassembler = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64)
    try:
        code = space.read(rip, 16)
    except Exception:
        return None
    return next(_disassembler.disasm(code, rip, 1), None)


def _is_privileged(insn) -> bool:
    if insn is None:
        return False
    if insn.mnemonic in _PRIVILEGED:
        return True
    return insn.mnemonic == "mov" and any(r in insn.op_str for r in ("cr", "dr"))


_FLOAT_STATUS = (STATUS_FLOAT_INVALID_OPERATION, STATUS_FLOAT_DENORMAL_OPERAND, STATUS_FLOAT_DIVIDE_BY_ZERO,
                 STATUS_FLOAT_OVERFLOW, STATUS_FLOAT_UNDERFLOW, STATUS_FLOAT_INEXACT_RESULT)
NON_CANONICAL = 0xFFFFFFFFFFFFFFFF


def _float_status(kernel, vector: int) -> int:
    """#MF (x87) and #XM (SSE): the first unmasked exception whose flag is set names the code."""
    from unicorn import x86_const as ux
    uc = kernel.machine.uc
    if vector == 0x10:
        sw, cw = uc.reg_read(ux.UC_X86_REG_FPSW), uc.reg_read(ux.UC_X86_REG_FPCW)
        pending = sw & ~cw & 0x3F
        if pending & 1 and sw & 0x40:
            return STATUS_FLOAT_STACK_CHECK
    else:
        mxcsr = uc.reg_read(ux.UC_X86_REG_MXCSR)
        pending = mxcsr & ~(mxcsr >> 7) & 0x3F
    for bit, status in enumerate(_FLOAT_STATUS):
        if pending >> bit & 1:
            return status
    return STATUS_FLOAT_INVALID_OPERATION


RDTSC, RDTSCP = b"\x0f\x31", b"\x0f\x01\xf9"


def _emulate_time_stamp(kernel, thread, space, rip: int) -> bool:
    """CR4.TSD makes RDTSC and RDTSCP fault at ring 3: the time stamp is the processor's virtual
    time (instructions retired), the same every run; RDTSCP's TSC_AUX is the processor number."""
    try:
        code = space.read(rip, 2)
        if code == RDTSCP[:2]:
            code = space.read(rip, 3)
    except Exception:
        return False
    if code not in (RDTSC, RDTSCP):
        return False
    length = len(code)
    frame = StructView(kernel.system, thread.trap_frame, LAYOUTS["KTRAP_FRAME"])
    stamp = kernel.dispatcher.now()
    frame.Rax, frame.Rdx = stamp & 0xFFFFFFFF, (stamp >> 32) & 0xFFFFFFFF
    if length == 3:
        frame.Rcx = kernel.dispatcher.executing.number
    frame.Rip = rip + length
    return True


def KiDispatchTrap(kernel, thread, frame_pa: int) -> None:
    """KiTrapGate: a fault or trap of the current thread at ring 3."""
    mem = kernel.mem
    tf = LAYOUTS["KTRAP_FRAME"]
    vector = struct.unpack_from("<Q", mem, frame_pa + tf.offset("P1Home"))[0]
    error = struct.unpack_from("<Q", mem, frame_pa + tf.offset("ErrorCode"))[0]
    rip = struct.unpack_from("<Q", mem, frame_pa + tf.offset("Rip"))[0]
    fault_va = struct.unpack_from("<Q", mem, frame_pa + tf.offset("FaultAddress"))[0]
    space = thread.process.space
    params: list[int] = []
    flags = 0
    if vector == 0x0E:
        status = MmAccessFault(thread, fault_va, bool(error & 2), bool(error & 1))
        if status is None:
            return                              # the instruction runs again
        access = 8 if error & 0x10 else 1 if error & 2 else 0
        params = [access, fault_va]
    elif vector == 0x0D:
        if _emulate_time_stamp(kernel, thread, space, rip):
            return                              # RDTSC(P): answered with virtual time
        status = STATUS_PRIVILEGED_INSTRUCTION if _is_privileged(_instruction(space, rip)) else STATUS_ACCESS_VIOLATION
        if status == STATUS_ACCESS_VIOLATION:
            params = [0, NON_CANONICAL]         # a #GP reports no address (Windows gives -1)
    elif vector == 0x00:
        insn = _instruction(space, rip)
        status = STATUS_INTEGER_DIVIDE_BY_ZERO
        if insn is not None and insn.mnemonic == "idiv" and _divisor_nonzero(kernel, thread, frame_pa, insn):
            status = STATUS_INTEGER_OVERFLOW
    elif vector in (0x10, 0x13):
        status = _float_status(kernel, vector)
    else:
        status = _VECTOR_STATUS.get(vector, STATUS_ILLEGAL_INSTRUCTION)
    frame = StructView(kernel.system, thread.trap_frame, tf)
    if vector == 0x03:
        rip -= 1                                # the exception address is the int3 itself
        params = [0]                            # BREAKPOINT_BREAK
    elif vector in (0x29, 0x2C):
        rip -= 2                                # int 29 / int 2c: the address is the instruction
        if vector == 0x29:
            params = [frame.Rcx]                # the FAST_FAIL code
            flags = EXCEPTION_NONCONTINUABLE
    elif vector == 0x01:
        frame.EFlags = frame.EFlags & ~0x100    # the single step is taken: TF is cleared
    frame.Rip = rip
    kernel.events.emit("fault", pid=thread.process.pid, tid=thread.tid, vector=vector, status=status, rip=rip,
                       address=fault_va if vector == 0x0E else None, error_code=error)
    record = ExceptionRecord(status, rip, params, flags)
    if vector == 0x29:                          # __fastfail: no handler ever sees it
        return KiUnhandledException(kernel, thread, record)
    if not KiDispatchException(kernel, thread, record, KeContextFromTrapFrame(kernel, frame)):
        KiUnhandledException(kernel, thread, record)


def KiUnhandledException(kernel, thread, record: ExceptionRecord) -> None:
    """No handler took it (or its frame could not be written): the process ends with its code."""
    process = thread.process
    if process.exited:
        return
    detail = ""
    if record.code == STATUS_ACCESS_VIOLATION and len(record.params) >= 2:
        access = {0: "reading", 1: "writing", 8: "executing"}.get(record.params[0], "reading")
        detail = f" {access} {record.params[1]:#x}"
    image = ntpath.basename(process.image_path)
    kernel.report_fault(f"{image}: unhandled exception {nt_status_name(record.code)} (0x{record.code:08X}) "
                        f"at {record.address:#x}{detail} in thread {process.pid}.{thread.tid}")
    PspTerminateProcess(kernel, process, record.code)


def NtRaiseException(kernel, thread, record_va, context_va, first_chance):
    """RtlRaiseException's service: dispatch the caller's record from its CONTEXT (first
    chance), or end the process when user mode found no handler (second chance)."""
    space = thread.process.space
    record = ExceptionRecord.unpack(space.probe_read(record_va, EXCEPTION_RECORD_SIZE))
    ctx = bytearray(space.probe_read(context_va, CONTEXT_SIZE))
    if not KiDispatchException(kernel, thread, record, ctx, bool(first_chance & 0xFF)):
        KiUnhandledException(kernel, thread, record)
    return None


def _divisor_nonzero(kernel, thread, frame_pa: int, insn) -> bool:
    """idiv raises #DE for a zero divisor and for an overflowing quotient; Windows tells them apart."""
    op = insn.op_str
    regs = {"rax": 0x30, "rcx": 0x38, "rdx": 0x40, "r8": 0x48, "r9": 0x50, "r10": 0x58, "r11": 0x60,
            "rbx": 0x140, "rdi": 0x148, "rsi": 0x150, "rbp": 0x158}
    names = {"eax": "rax", "ecx": "rcx", "edx": "rdx", "ebx": "rbx", "esi": "rsi", "edi": "rdi", "ebp": "rbp",
             "r8d": "r8", "r9d": "r9", "r10d": "r10", "r11d": "r11"}
    reg = names.get(op, op)
    if reg in regs:
        value = struct.unpack_from("<Q", kernel.mem, frame_pa + regs[reg])[0]
        if op != reg:
            value &= 0xFFFFFFFF
        return value != 0
    return True
