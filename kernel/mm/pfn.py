"""The page-frame database: which physical pages are free.

Frames are handed out lowest-first and recycled last-freed-first, so a run's physical
layout depends only on what the run did (determinism).
"""
from ..status import STATUS_NO_MEMORY, NtStatusError

PAGE_SIZE = 0x1000


class PfnDatabase:
    def __init__(self, phys, first_pa: int, last_pa: int):
        self.phys = phys
        self._next = first_pa
        self._limit = last_pa
        self._free: list[int] = []
        self.in_use = 0

    @property
    def available(self) -> int:
        """Frames that can still be handed out: the commit limit's measure."""
        return (self._limit - self._next) // PAGE_SIZE + len(self._free)

    def allocate(self, zero: bool = True) -> int:
        """MiRemoveAnyPage: one zeroed frame."""
        if self._free:
            pa = self._free.pop()
        elif self._next < self._limit:
            pa = self._next
            self._next += PAGE_SIZE
        else:
            raise NtStatusError(STATUS_NO_MEMORY)
        if zero:
            self.phys.zero(pa, PAGE_SIZE)
        self.in_use += 1
        return pa

    def allocate_contiguous(self, pages: int) -> int:
        """A physically contiguous run (kernel stacks, pool)."""
        if self._next + pages * PAGE_SIZE > self._limit:
            raise NtStatusError(STATUS_NO_MEMORY)
        pa = self._next
        self._next += pages * PAGE_SIZE
        self.phys.zero(pa, pages * PAGE_SIZE)
        self.in_use += pages
        return pa

    def free(self, pa: int) -> None:
        self._free.append(pa)
        self.in_use -= 1
