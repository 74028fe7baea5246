"""What one x86-64 instruction writes and which memory it touches, from capstone, once per
unique instruction: the description the capture hook works from, and the disassembly the
formatters print (nothing is disassembled twice).

Registers are numbered in slots: 0-15 the general registers in encoding order, 16 RFLAGS,
17-32 XMM0-15. A sub-register write (al, eax) is recorded as the whole register it lives in.
"""
import ctypes

import capstone
from capstone import x86

GPR = ("rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14",
       "r15")
SLOT_NAMES = GPR + ("rflags",) + tuple(f"xmm{i}" for i in range(16))
FIRST_XMM = 17
SLOT_RIP, SLOT_NONE = 0xFE, 0xFF
ACCESS_READ, ACCESS_WRITE = 1, 2
MAX_WRITES, MAX_MEM, VALUE_MAX = 12, 3, 64

_ALIASES = {
    "rax": ("al", "ah", "ax", "eax"), "rcx": ("cl", "ch", "cx", "ecx"), "rdx": ("dl", "dh", "dx", "edx"),
    "rbx": ("bl", "bh", "bx", "ebx"), "rsp": ("spl", "sp", "esp"), "rbp": ("bpl", "bp", "ebp"),
    "rsi": ("sil", "si", "esi"), "rdi": ("dil", "di", "edi"),
}


def _slot_table() -> dict[str, int]:
    table = {name: i for i, name in enumerate(GPR)}
    for full, aliases in _ALIASES.items():
        for a in aliases:
            table[a] = GPR.index(full)
    for n in range(8, 16):
        for suffix in ("b", "w", "d"):
            table[f"r{n}{suffix}"] = n
    table["rflags"] = table["eflags"] = table["flags"] = 16
    for n in range(16):
        table[f"xmm{n}"] = table[f"ymm{n}"] = FIRST_XMM + n
    return table


SLOTS = _slot_table()

# Writes capstone leaves out of regs_access().
_EXTRA_WRITES = {
    "cmpxchg": ("rax", "rflags"), "cmpxchg8b": ("rax", "rdx", "rflags"), "cmpxchg16b": ("rax", "rdx", "rflags"),
    "syscall": ("rcx", "r11", "rflags"), "sysretq": ("rsp", "rflags"), "sysret": ("rsp", "rflags"),
    "iretq": ("rsp", "rflags"), "iret": ("rsp", "rflags"), "popfq": ("rsp", "rflags"),
    "xadd": ("rflags",), "rdtsc": ("rax", "rdx"), "rdtscp": ("rax", "rdx", "rcx"),
}
_STRING_OPS = ("movs", "stos", "lods", "cmps", "scas")
# Implicit stack accesses: (base register, displacement, size, access).
_STACK = {"push": ("rsp", -8, 8, ACCESS_WRITE), "pushfq": ("rsp", -8, 8, ACCESS_WRITE),
          "call": ("rsp", -8, 8, ACCESS_WRITE), "pop": ("rsp", 0, 8, ACCESS_READ),
          "popfq": ("rsp", 0, 8, ACCESS_READ), "ret": ("rsp", 0, 8, ACCESS_READ),
          "leave": ("rbp", 0, 8, ACCESS_READ), "iretq": ("rsp", 0, 40, ACCESS_READ)}
_NO_ACCESS = ("lea", "nop", "prefetch", "prefetchw", "prefetcht0", "prefetcht1", "prefetcht2", "prefetchnta",
              "clflush", "clflushopt", "invlpg")


class MemOp(ctypes.Structure):
    _fields_ = [("base", ctypes.c_uint8), ("index", ctypes.c_uint8), ("scale", ctypes.c_uint8),
                ("size", ctypes.c_uint8), ("access", ctypes.c_uint8), ("seg", ctypes.c_uint8),
                ("pad", ctypes.c_uint8 * 2), ("disp", ctypes.c_int64)]


class InsnInfo(ctypes.Structure):
    """struct insn_info of trace.c."""
    _fields_ = [("address", ctypes.c_uint64), ("space", ctypes.c_uint64), ("size", ctypes.c_uint8),
                ("nwrites", ctypes.c_uint8), ("nmem", ctypes.c_uint8), ("pad", ctypes.c_uint8),
                ("bytes", ctypes.c_uint8 * 16), ("writes", ctypes.c_uint8 * MAX_WRITES),
                ("mem", MemOp * MAX_MEM), ("succ", ctypes.c_uint32), ("pad2", ctypes.c_uint32)]


class Insn:
    """One unique instruction as the trace knows it."""

    __slots__ = ("address", "code", "mnemonic", "op_str", "writes", "mem", "text")

    def __init__(self, address: int, code: bytes, mnemonic: str, op_str: str, writes: tuple, mem: tuple):
        self.address = address
        self.code = code
        self.mnemonic = mnemonic
        self.op_str = op_str
        self.writes = writes            # register slots, in record order
        self.mem = mem                  # (base, index, scale, size, access, seg, disp) each
        self.text = f"{mnemonic} {op_str}" if op_str else mnemonic


_md = None


def _disassembler():
    global _md
    if _md is None:
        _md = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64)
        _md.detail = True
    return _md


def describe(address: int, code: bytes) -> Insn:
    """Disassemble one instruction and say what it writes and touches."""
    md = _disassembler()
    insn = next(md.disasm(code, address, 1), None)
    if insn is None:
        return Insn(address, code, "(bad)", "", (), ())
    mnemonic = insn.mnemonic
    writes: list[int] = []

    def add(name: str) -> None:
        slot = SLOTS.get(name)
        if slot is not None and slot not in writes and len(writes) < MAX_WRITES:
            writes.append(slot)

    try:
        _read, written = insn.regs_access()
    except capstone.CsError:
        written = ()
    for r in written:
        add(insn.reg_name(r))
    mem: list[tuple] = []
    base_mnemonic = mnemonic.split()[-1]
    for op in insn.operands:
        if op.type == x86.X86_OP_REG and op.access & capstone.CS_AC_WRITE:
            add(insn.reg_name(op.reg))
        elif op.type == x86.X86_OP_MEM and op.access and base_mnemonic not in _NO_ACCESS:
            seg = {"fs": 1, "gs": 2}.get(insn.reg_name(op.mem.segment) or "", 0)
            base = insn.reg_name(op.mem.base) if op.mem.base else None
            index = insn.reg_name(op.mem.index) if op.mem.index else None
            access = (ACCESS_READ if op.access & capstone.CS_AC_READ else 0) | \
                (ACCESS_WRITE if op.access & capstone.CS_AC_WRITE else 0)
            b = SLOT_RIP if base == "rip" else SLOTS.get(base, SLOT_NONE) if base else SLOT_NONE
            i = SLOTS.get(index, SLOT_NONE) if index else SLOT_NONE
            for one in (ACCESS_READ, ACCESS_WRITE):
                if access & one and len(mem) < MAX_MEM:
                    mem.append((b, i, op.mem.scale, min(op.size, VALUE_MAX), one, seg, op.mem.disp))
    for name in _EXTRA_WRITES.get(base_mnemonic, ()):
        add(name)
    if base_mnemonic.startswith(_STRING_OPS) and mnemonic.startswith("rep"):
        for name in ("rcx", "rsi", "rdi"):
            add(name)
    stack = _STACK.get(base_mnemonic)
    if stack is not None and len(mem) < MAX_MEM:
        reg, disp, size, access = stack
        mem.append((SLOTS[reg], SLOT_NONE, 1, size, access, 0, disp))
        add("rsp")
    return Insn(address, bytes(code[:insn.size]), mnemonic, insn.op_str, tuple(writes), tuple(mem))


def fill_info(info: InsnInfo, insn: Insn) -> None:
    info.nwrites = len(insn.writes)
    for n, slot in enumerate(insn.writes):
        info.writes[n] = slot
    info.nmem = len(insn.mem)
    for n, (base, index, scale, size, access, seg, disp) in enumerate(insn.mem):
        m = info.mem[n]
        m.base, m.index, m.scale, m.size, m.access, m.seg, m.disp = base, index, scale, size, access, seg, disp
