"""The saved CPU state (Unicorn's context blob, QEMU's CPUX86State) and the edits that
stand in for what the processor does on SYSCALL and on interrupt delivery.

Unicorn cannot change the CPL from its API (see ../shared/notes/unicorn-2.1.4.md), so the
executive edits the blob: hflags' CPL bits, the CS/SS descriptor caches, RIP, RSP, RFLAGS.
Offsets are those of Unicorn 2.1.4's x86-64 CPUX86State; `calibrate` checks them against the
live engine at boot, so a different Unicorn build fails loudly instead of corrupting state.
"""
import ctypes
import struct

# uc_context header: size_t, mode, arch, snapshot_level, bool, RAMBlock*, FlatView*
CONTEXT_HEADER = 40

REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI = (8 * i for i in range(8))
REG_R8 = 64
REG_R11 = 88
OFF_RIP = 128
OFF_RFLAGS = 136
OFF_HFLAGS = 176
OFF_SEGS = 184          # segs[6] of SegmentCache {u32 selector; u64 base; u32 limit; u32 flags}
SEG_SIZE = 24
SEG_CS, SEG_SS, SEG_GS = 1, 2, 5
OFF_CR = 424            # after segs, ldt, tr, gdt, idt
OFF_CR3 = OFF_CR + 3 * 8

HF_CPL_MASK = 3

# QEMU descriptor-cache flags for flat 64-bit kernel code and data (what SYSCALL loads).
_DESC_G, _DESC_B, _DESC_L, _DESC_P, _DESC_S = 1 << 23, 1 << 22, 1 << 21, 1 << 15, 1 << 12
_DESC_CS, _DESC_R, _DESC_W, _DESC_A = 1 << 11, 1 << 9, 1 << 9, 1 << 8
KERNEL_CS_FLAGS = _DESC_G | _DESC_P | _DESC_S | _DESC_CS | _DESC_R | _DESC_A | _DESC_L
KERNEL_SS_FLAGS = _DESC_G | _DESC_B | _DESC_P | _DESC_S | _DESC_W | _DESC_A
_SEG = struct.Struct("<IIQII")
KERNEL_CS_CACHE = _SEG.pack(0x10, 0, 0, 0xFFFFFFFF, KERNEL_CS_FLAGS)
KERNEL_SS_CACHE = _SEG.pack(0x18, 0, 0, 0xFFFFFFFF, KERNEL_SS_FLAGS)


class CpuLayout:
    """Blob offsets found at boot by writing sentinels and searching for them."""

    kernel_gs_base: int
    error_code: int
    exception_is_int: int
    old_exception: int


def blob_view(ctx) -> memoryview:
    """A writable view of a UcContext's CPUX86State bytes."""
    base = ctypes.cast(ctx.context, ctypes.c_void_p).value + CONTEXT_HEADER
    return memoryview((ctypes.c_char * ctx.size).from_address(base)).cast("B")[: ctx.size - CONTEXT_HEADER]


def calibrate(uc) -> CpuLayout:
    from unicorn.x86_const import UC_X86_REG_RAX
    layout = CpuLayout()
    ctx = uc.context_save()
    view = blob_view(ctx)
    uc.reg_write(UC_X86_REG_RAX, 0x1122334455667788)
    uc.msr_write(0xC0000102, 0x0BADC0DE0BADF00D)
    uc.context_update(ctx)
    assert struct.unpack_from("<Q", view, REG_RAX)[0] == 0x1122334455667788, "Unicorn context layout changed"
    raw = bytes(view)
    layout.kernel_gs_base = raw.index(struct.pack("<Q", 0x0BADC0DE0BADF00D))
    dr67 = raw.index(struct.pack("<QQ", 0xFFFF0FF0, 0x400))
    dr0 = dr67 - 6 * 8
    layout.error_code = dr0 - 16
    layout.exception_is_int = dr0 - 12
    layout.old_exception = dr0 + 8 * 8 + 4 * 8
    uc.msr_write(0xC0000102, 0)
    uc.reg_write(UC_X86_REG_RAX, 0)
    return layout


def set_kernel_mode(view) -> None:
    """CPL 0 with flat kernel CS/SS, as SYSCALL or an interrupt gate to ring 0 leaves them."""
    hf = struct.unpack_from("<I", view, OFF_HFLAGS)[0]
    struct.pack_into("<I", view, OFF_HFLAGS, hf & ~HF_CPL_MASK)
    view[OFF_SEGS + SEG_CS * SEG_SIZE: OFF_SEGS + (SEG_CS + 1) * SEG_SIZE] = KERNEL_CS_CACHE
    view[OFF_SEGS + SEG_SS * SEG_SIZE: OFF_SEGS + (SEG_SS + 1) * SEG_SIZE] = KERNEL_SS_CACHE


def cpl(view) -> int:
    return struct.unpack_from("<I", view, OFF_HFLAGS)[0] & HF_CPL_MASK
