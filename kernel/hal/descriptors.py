"""GDT, TSS and IDT laid out as on Windows x64.

Selectors: 0x10 kernel code, 0x18 kernel data, 0x23 user code (32-bit), 0x2B user data,
0x33 user code (64-bit), 0x40 the TSS (16-byte system descriptor), 0x53 the WoW64 TEB.
"""
import struct

KGDT64_R0_CODE, KGDT64_R0_DATA, KGDT64_R3_CMCODE, KGDT64_R3_DATA, KGDT64_R3_CODE = 0x10, 0x18, 0x20, 0x28, 0x30
KGDT64_SYS_TSS, KGDT64_R3_CMTEB = 0x40, 0x50
GDT_SIZE = 0x60
TSS_SIZE = 0x68
IDT_SIZE = 256 * 16


def _segment(type_: int, dpl: int, long_mode: int, db: int) -> int:
    return (0xFFFF | (type_ << 40) | (1 << 44) | (dpl << 45) | (1 << 47) | (0xF << 48)
            | (long_mode << 53) | (db << 54) | (1 << 55))


def build_gdt(tss_va: int) -> bytes:
    gdt = bytearray(GDT_SIZE)
    entries = {
        KGDT64_R0_CODE: _segment(0xB, 0, 1, 0),
        KGDT64_R0_DATA: _segment(0x3, 0, 0, 1),
        KGDT64_R3_CMCODE: _segment(0xB, 3, 0, 1),
        KGDT64_R3_DATA: _segment(0x3, 3, 0, 1),
        KGDT64_R3_CODE: _segment(0xB, 3, 1, 0),
        KGDT64_R3_CMTEB: (0x3C00 | (0x3 << 40) | (1 << 44) | (3 << 45) | (1 << 47) | (1 << 54)),
    }
    for sel, value in entries.items():
        struct.pack_into("<Q", gdt, sel, value)
    limit = TSS_SIZE - 1
    lo = (limit & 0xFFFF) | ((tss_va & 0xFFFFFF) << 16) | (0x89 << 40) | ((limit >> 16) << 48) \
        | (((tss_va >> 24) & 0xFF) << 56)
    struct.pack_into("<QQ", gdt, KGDT64_SYS_TSS, lo, tss_va >> 32)
    return bytes(gdt)


def build_tss(rsp0: int) -> bytes:
    tss = bytearray(TSS_SIZE)
    struct.pack_into("<Q", tss, 4, rsp0)
    struct.pack_into("<H", tss, 0x66, TSS_SIZE)      # IoMapBase past the end: no I/O bitmap
    return bytes(tss)


def interrupt_gate(handler: int, dpl: int) -> bytes:
    lo = (handler & 0xFFFF) | (KGDT64_R0_CODE << 16) | (0x8E << 40) | (dpl << 45) \
        | (((handler >> 16) & 0xFFFF) << 48)
    return struct.pack("<QQ", lo, handler >> 32)


# IDT vectors and their NT handlers; DPL 3 where user mode may raise them with INT n.
IDT_HANDLERS = {
    0x00: ("KiDivideErrorFault", 0), 0x01: ("KiDebugTrapOrFault", 0), 0x02: ("KiNmiInterrupt", 0),
    0x03: ("KiBreakpointTrap", 3), 0x04: ("KiOverflowTrap", 3), 0x05: ("KiBoundFault", 0),
    0x06: ("KiInvalidOpcodeFault", 0), 0x07: ("KiNpxNotAvailableFault", 0), 0x08: ("KiDoubleFaultAbort", 0),
    0x09: ("KiNpxSegmentOverrunAbort", 0), 0x0A: ("KiInvalidTssFault", 0),
    0x0B: ("KiSegmentNotPresentFault", 0), 0x0C: ("KiStackFault", 0),
    0x0D: ("KiGeneralProtectionFault", 0), 0x0E: ("KiPageFault", 0), 0x10: ("KiFloatingErrorFault", 0),
    0x11: ("KiAlignmentFault", 0), 0x12: ("KiMcheckAbort", 0), 0x13: ("KiXmmException", 0),
    0x29: ("KiRaiseSecurityCheckFailure", 3), 0x2C: ("KiRaiseAssertion", 3), 0x2D: ("KiDebugServiceTrap", 3),
}


def build_idt(exports: dict[str, int]) -> bytes:
    idt = bytearray(IDT_SIZE)
    for vector, (name, dpl) in IDT_HANDLERS.items():
        idt[vector * 16:vector * 16 + 16] = interrupt_gate(exports[name], dpl)
    return bytes(idt)
