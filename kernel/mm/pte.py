"""x64 page-table entry bits and the PAGE_* protections they encode.

A committed user page whose protection denies all access (PAGE_NOACCESS, PAGE_GUARD) keeps its
frame in a not-present PTE, the way NT keeps a software PTE: bits 52-57 (ignored by the CPU)
hold the protection, so the page tables alone say what is committed and how.
"""
P, RW, US, PWT, PCD, A, D, PS, G = 1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80, 0x100
NX = 1 << 63
PFN_MASK = 0x000FFFFFFFFFF000
PAGE_SIZE = 0x1000
PAGE_MASK = ~0xFFF & 0xFFFFFFFFFFFFFFFF

PAGE_NOACCESS = 0x01
PAGE_READONLY = 0x02
PAGE_READWRITE = 0x04
PAGE_WRITECOPY = 0x08
PAGE_EXECUTE = 0x10
PAGE_EXECUTE_READ = 0x20
PAGE_EXECUTE_READWRITE = 0x40
PAGE_EXECUTE_WRITECOPY = 0x80
PAGE_GUARD = 0x100
PAGE_NOCACHE = 0x200
PAGE_WRITECOMBINE = 0x400

_BASE = (PAGE_NOACCESS, PAGE_READONLY, PAGE_READWRITE, PAGE_WRITECOPY, PAGE_EXECUTE,
         PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE, PAGE_EXECUTE_WRITECOPY)
_HW = {
    PAGE_NOACCESS: 0,
    PAGE_READONLY: P | US | NX,
    PAGE_READWRITE: P | RW | US | NX,
    PAGE_WRITECOPY: P | RW | US | NX,
    PAGE_EXECUTE: P | US,
    PAGE_EXECUTE_READ: P | US,
    PAGE_EXECUTE_READWRITE: P | RW | US,
    PAGE_EXECUTE_WRITECOPY: P | RW | US,
}
SW_SHIFT = 52
SW_MASK = 0x3F << SW_SHIFT
_GUARD_BIT = 1 << 57


def valid_protection(protect: int) -> bool:
    """One base protection, optionally with one of GUARD/NOCACHE/WRITECOMBINE (not on NOACCESS)."""
    base = protect & 0xFF
    mods = protect & ~0xFF
    if base not in _BASE or mods & ~(PAGE_GUARD | PAGE_NOCACHE | PAGE_WRITECOMBINE):
        return False
    if mods and base == PAGE_NOACCESS:
        return False
    return bin(mods).count("1") <= 1


def make_user_pte(pa: int, protect: int) -> int:
    """The PTE of a committed user page with this protection."""
    base = protect & 0xFF
    code = _BASE.index(base) + 1
    sw = (code << SW_SHIFT) | (_GUARD_BIT if protect & PAGE_GUARD else 0)
    hw = 0 if protect & PAGE_GUARD else _HW[base]
    if protect & PAGE_NOCACHE:
        hw |= PCD
    return pa | hw | sw


def pte_protection(pte: int) -> int:
    """PAGE_* of a committed user PTE, 0 if the PTE commits nothing."""
    code = (pte >> SW_SHIFT) & 0xF
    if not code:
        return 0
    prot = _BASE[code - 1]
    if pte & _GUARD_BIT:
        prot |= PAGE_GUARD
    if pte & PCD:
        prot |= PAGE_NOCACHE
    return prot

