"""Virtual address descriptors: the reserved ranges of a process's user space.

The VAD says a range is reserved and how it was allocated; which of its pages are committed,
and with what protection, is in the page tables (see pte.py).
"""
import bisect

MEM_COMMIT = 0x1000
MEM_RESERVE = 0x2000
MEM_DECOMMIT = 0x4000
MEM_RELEASE = 0x8000
MEM_FREE = 0x10000
MEM_PRIVATE = 0x20000
MEM_MAPPED = 0x40000
MEM_RESET = 0x80000
MEM_TOP_DOWN = 0x100000
MEM_IMAGE = 0x1000000

MM_LOWEST_USER_ADDRESS = 0x10000
MM_HIGHEST_USER_ADDRESS = 0x7FFFFFFEFFFF
ALLOCATION_GRANULARITY = 0x10000


class Vad:
    __slots__ = ("start", "end", "type", "protection", "name", "owns_frames", "view")

    def __init__(self, start: int, end: int, type: int, protection: int, name: str = "",
                 owns_frames: bool = True, view=None):
        self.start = start              # first byte
        self.end = end                  # one past the last byte
        self.type = type                # MEM_PRIVATE, MEM_MAPPED or MEM_IMAGE
        self.protection = protection    # the protection given when the range was allocated
        self.name = name                # image path for MEM_IMAGE views
        self.owns_frames = owns_frames  # False where the frames are shared (KUSER_SHARED_DATA, data sections)
        self.view = view                # the section view a MEM_IMAGE or MEM_MAPPED range is

    def __repr__(self) -> str:
        return f"Vad({self.start:#x}-{self.end:#x} type={self.type:#x} protect={self.protection:#x} {self.name})"

    @property
    def size(self) -> int:
        return self.end - self.start


class VadTree:
    """Sorted, non-overlapping VADs (NT keeps an AVL tree; a sorted list serves the same queries)."""

    def __init__(self):
        self._starts: list[int] = []
        self._vads: list[Vad] = []

    def __iter__(self):
        return iter(list(self._vads))

    def __len__(self):
        return len(self._vads)

    def find(self, va: int) -> Vad | None:
        i = bisect.bisect_right(self._starts, va) - 1
        if i >= 0 and va < self._vads[i].end:
            return self._vads[i]
        return None

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._vads[i].end > start

    def insert(self, vad: Vad) -> None:
        i = bisect.bisect_left(self._starts, vad.start)
        self._starts.insert(i, vad.start)
        self._vads.insert(i, vad)

    def remove(self, vad: Vad) -> None:
        i = self._vads.index(vad)
        del self._starts[i]
        del self._vads[i]

    def next_after(self, va: int) -> Vad | None:
        i = bisect.bisect_right(self._starts, va)
        return self._vads[i] if i < len(self._vads) else None

    def find_free(self, size: int, top_down: bool = False, lowest: int = MM_LOWEST_USER_ADDRESS,
                  highest: int = MM_HIGHEST_USER_ADDRESS + 1, align: int = ALLOCATION_GRANULARITY) -> int | None:
        """MiFindEmptyAddressRange: the lowest (or highest) aligned gap that fits."""
        gaps = []
        cursor = lowest
        for vad in self._vads:
            if vad.start > cursor:
                gaps.append((cursor, vad.start))
            cursor = max(cursor, vad.end)
        gaps.append((cursor, highest))
        order = reversed(gaps) if top_down else gaps
        for lo, hi in order:
            if top_down:
                start = (hi - size) & ~(align - 1)
                if start >= lo and start + size <= hi:
                    return start
            else:
                start = (lo + align - 1) & ~(align - 1)
                if start + size <= hi:
                    return start
        return None
