"""What a user-mode trap becomes: KiPageFault's stack growth, and otherwise the exception
code Windows raises. Until exceptions are dispatched to user-mode handlers, an exception
ends the process with that code, as an unhandled one does on Windows."""
import ntpath
import struct

from ..layouts import LAYOUTS, StructView
from ..mm.pte import PAGE_GUARD, PAGE_SIZE, pte_protection
from ..ps.exit import PspTerminateProcess
from ..status import (
    STATUS_ACCESS_VIOLATION,
    STATUS_ASSERTION_FAILURE,
    STATUS_BREAKPOINT,
    STATUS_DATATYPE_MISALIGNMENT,
    STATUS_FLOAT_INVALID_OPERATION,
    STATUS_GUARD_PAGE_VIOLATION,
    STATUS_ILLEGAL_INSTRUCTION,
    STATUS_INTEGER_DIVIDE_BY_ZERO,
    STATUS_INTEGER_OVERFLOW,
    STATUS_PRIVILEGED_INSTRUCTION,
    STATUS_SINGLE_STEP,
    STATUS_STACK_BUFFER_OVERRUN,
    STATUS_STACK_OVERFLOW,
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


def _grow_user_stack(thread, address: int) -> bool:
    """MiCheckForUserStackOverflow: a touch of the stack's guard page moves the guard down."""
    space = thread.process.space
    bottom, limit, top = thread.user_stack
    page = address & ~(PAGE_SIZE - 1)
    if not bottom <= page < top or not pte_protection(space.tables.get(page)) & PAGE_GUARD:
        return False
    from ..mm.virtual import commit_pages
    commit_pages(space, page, page + PAGE_SIZE, 0x04)
    if page - PAGE_SIZE >= bottom:
        commit_pages(space, page - PAGE_SIZE, page, 0x04 | PAGE_GUARD)
    thread.user_stack = (bottom, page, top)
    StructView(space, thread.teb, LAYOUTS["TEB"]).NtTib.StackLimit = page
    return True


def KiDispatchTrap(kernel, thread, frame_pa: int) -> None:
    mem = kernel.mem
    tf = LAYOUTS["KTRAP_FRAME"]
    vector = struct.unpack_from("<Q", mem, frame_pa + tf.offset("P1Home"))[0]
    error = struct.unpack_from("<Q", mem, frame_pa + tf.offset("ErrorCode"))[0]
    rip = struct.unpack_from("<Q", mem, frame_pa + tf.offset("Rip"))[0]
    fault_va = struct.unpack_from("<Q", mem, frame_pa + tf.offset("FaultAddress"))[0]
    space = thread.process.space
    detail = ""
    if vector == 0x0E:
        if error & 1 == 0 and _grow_user_stack(thread, fault_va):
            return                              # the instruction runs again on the grown stack
        pte = space.tables.get(fault_va) if fault_va < 0x800000000000 else 0
        if pte_protection(pte) & PAGE_GUARD:
            status = STATUS_GUARD_PAGE_VIOLATION
            bottom, _, top = thread.user_stack
            if bottom <= fault_va < bottom + PAGE_SIZE:
                status = STATUS_STACK_OVERFLOW
        else:
            status = STATUS_ACCESS_VIOLATION
        access = "executing" if error & 0x10 else "writing" if error & 2 else "reading"
        detail = f"{access} {fault_va:#x}"
    elif vector == 0x0D:
        status = STATUS_PRIVILEGED_INSTRUCTION if _is_privileged(_instruction(space, rip)) else STATUS_ACCESS_VIOLATION
        if status == STATUS_ACCESS_VIOLATION:
            detail = "reading 0xffffffffffffffff"   # a #GP reports no address (Windows gives -1)
    elif vector == 0x00:
        insn = _instruction(space, rip)
        status = STATUS_INTEGER_DIVIDE_BY_ZERO
        if insn is not None and insn.mnemonic == "idiv" and _divisor_nonzero(kernel, thread, frame_pa, insn):
            status = STATUS_INTEGER_OVERFLOW
    else:
        status = _VECTOR_STATUS.get(vector, STATUS_ILLEGAL_INSTRUCTION)
    if vector == 0x03:
        rip -= 1                                # the exception address is the int3 itself
    process = thread.process
    kernel.events.emit("fault", pid=process.pid, tid=thread.tid, vector=vector, status=status, rip=rip,
                       address=fault_va if vector == 0x0E else None, error_code=error)
    image = ntpath.basename(process.image_path)
    kernel.report_fault(f"{image}: unhandled exception {nt_status_name(status)} (0x{status:08X}) "
                        f"at {rip:#x}{' ' + detail if detail else ''} in thread {process.pid}.{thread.tid}")
    PspTerminateProcess(kernel, process, status)


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
