"""Four-level x64 page tables kept in emulated physical memory.

The tables are the truth for what is mapped; the executive walks them in Python the same
way the MMU does (MiGetPteAddress's job), reading physical memory directly.
"""
import struct

from .pte import PFN_MASK, PS, RW, US, P

_Q = struct.Struct("<Q")
_SHIFTS = (39, 30, 21)


class PageTables:
    def __init__(self, phys, pfn, pml4_pa: int):
        self.phys = phys
        self.pfn = pfn
        self.pml4 = pml4_pa
        self._mem = phys.buffer

    def pte_slot(self, va: int, create: bool = False) -> int | None:
        """Physical address of the PTE for va (creating missing tables when asked)."""
        mem = self._mem
        table = self.pml4
        user = va < 0x800000000000
        for shift in _SHIFTS:
            slot = table + ((va >> shift) & 511) * 8
            entry = _Q.unpack_from(mem, slot)[0]
            if not entry & P:
                if not create:
                    return None
                new = self.pfn.allocate()
                entry = new | P | RW | (US if user else 0)
                _Q.pack_into(mem, slot, entry)
            elif entry & PS:
                return None
            table = entry & PFN_MASK
        return table + ((va >> 12) & 511) * 8

    def get(self, va: int) -> int:
        slot = self.pte_slot(va)
        return 0 if slot is None else _Q.unpack_from(self._mem, slot)[0]

    def set(self, va: int, pte: int) -> int:
        """Write the PTE for va; returns the previous value."""
        slot = self.pte_slot(va, create=True)
        old = _Q.unpack_from(self._mem, slot)[0]
        _Q.pack_into(self._mem, slot, pte)
        return old

    def map_large(self, va: int, pa: int, flags: int) -> None:
        """A 2 MB kernel mapping (PDE with PS set)."""
        mem = self._mem
        table = self.pml4
        for shift in (39, 30):
            slot = table + ((va >> shift) & 511) * 8
            entry = _Q.unpack_from(mem, slot)[0]
            if not entry & P:
                entry = self.pfn.allocate() | P | RW
                _Q.pack_into(mem, slot, entry)
            table = entry & PFN_MASK
        _Q.pack_into(mem, table + ((va >> 21) & 511) * 8, pa | flags | PS)

    def translate(self, va: int, write: bool = False, user: bool = True) -> int | None:
        """Physical address for an access, or None where the MMU would fault."""
        mem = self._mem
        table = self.pml4
        for shift in (39, 30, 21, 12):
            entry = _Q.unpack_from(mem, table + ((va >> shift) & 511) * 8)[0]
            if not entry & P or (user and not entry & US) or (write and not entry & RW):
                return None
            if entry & PS:
                size = 1 << shift
                return (entry & PFN_MASK & ~(size - 1)) | (va & (size - 1))
            table = entry & PFN_MASK
        return table | (va & 0xFFF)

    def free_user_tables(self) -> None:
        """Return the user-half table pages (MmDeleteProcessAddressSpace)."""
        mem = self._mem

        def release(table, level):
            for i in range(512):
                entry = _Q.unpack_from(mem, table + i * 8)[0]
                if entry & P and not entry & PS and level < 3:
                    release(entry & PFN_MASK, level + 1)
                    self.pfn.free(entry & PFN_MASK)

        for i in range(256):
            entry = _Q.unpack_from(mem, self.pml4 + i * 8)[0]
            if entry & P:
                release(entry & PFN_MASK, 1)
                self.pfn.free(entry & PFN_MASK)
                _Q.pack_into(mem, self.pml4 + i * 8, 0)
