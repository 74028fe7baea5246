"""A process address space: its PML4 (user half private, kernel half shared), its VADs, and
the executive's reads and writes of its memory.

MmCreateProcessAddressSpace builds the PML4 from the system one; `read`/`write` are the
executive's own (kernel-mode) accesses; `probe_read`/`probe_write` check a user buffer the
way ProbeForRead/ProbeForWrite do before a service touches it.
"""
from ..status import STATUS_ACCESS_VIOLATION, NtStatusError
from .pagetables import PageTables
from .pte import PAGE_SIZE, PFN_MASK, P
from .vad import MM_HIGHEST_USER_ADDRESS, VadTree


class AddressSpace:
    def __init__(self, system, pml4_pa: int):
        self.system = system
        self.phys = system.phys
        self.pfn = system.pfn
        self.tables = PageTables(self.phys, self.pfn, pml4_pa)
        self.vads = VadTree()
        self.commit_charge = 0          # private pages committed (EPROCESS.CommitCharge's count)
        self.peak_commit_charge = 0     # the most commit_charge has been (EPROCESS.CommitChargePeak's)
        self.commit_hook = None         # (pages) -> None, may refuse a commit: a job's memory limits

    @property
    def cr3(self) -> int:
        return self.tables.pml4

    # -- the executive's own accesses (kernel mode: supervisor pages and read-only pages too)
    def _pa(self, va: int, user_only: bool, write: bool) -> int:
        if va >= 0xFFFF800000000000:
            if user_only:
                raise NtStatusError(STATUS_ACCESS_VIOLATION)
            pa = self.system.kernel_pa(va)
            if pa is not None:
                return pa
        if user_only:
            pa = self.tables.translate(va, write=write, user=True)
        else:
            pte = self.tables.get(va)
            pa = (pte & PFN_MASK) | (va & 0xFFF) if pte & P else None
        if pa is None:
            raise NtStatusError(STATUS_ACCESS_VIOLATION, "no access at %#x" % va)
        return pa

    def _copy(self, va: int, size: int, user_only: bool, write: bool, data=None) -> bytes | None:
        view = self.phys.view
        out = []
        done = 0
        while done < size:
            cur = va + done
            chunk = min(size - done, PAGE_SIZE - (cur & 0xFFF))
            pa = self._pa(cur, user_only, write)
            if data is None:
                out.append(bytes(view[pa:pa + chunk]))
            else:
                view[pa:pa + chunk] = data[done:done + chunk]
            done += chunk
        return b"".join(out) if data is None else None

    def read(self, va: int, size: int) -> bytes:
        return self._copy(va, size, False, False)

    def write(self, va: int, data) -> None:
        self._copy(va, len(data), False, True, bytes(data))

    # -- user buffers handed to a service (ProbeForRead / ProbeForWrite)
    def _check_user_range(self, va: int, size: int) -> None:
        if va + size > MM_HIGHEST_USER_ADDRESS + 1 or va + size < va:
            raise NtStatusError(STATUS_ACCESS_VIOLATION)

    def probe_read(self, va: int, size: int) -> bytes:
        if size == 0:
            return b""
        self._check_user_range(va, size)
        return self._copy(va, size, True, False)

    def probe_write(self, va: int, data) -> None:
        if not data:
            return
        self._check_user_range(va, len(data))
        self._copy(va, len(data), True, True, bytes(data))

    # -- page state
    def changed(self) -> None:
        """PTEs were edited: the CPU must not keep using what it cached of them."""
        self.system.flush_tlb()
