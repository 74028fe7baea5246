"""System space: the kernel half shared by every address space.

MmInitSystem lays it out once at boot: the system PML4 whose upper 256 entries every process
PML4 copies, a nonpaged pool mapped linearly (kernel objects, kernel stacks), the kernel
image, and KUSER_SHARED_DATA at 0xFFFFF78000000000 (kernel, writable) whose frame is also
mapped read-only for user mode at 0x7FFE0000 in every process.
"""
from ..status import STATUS_INSUFFICIENT_RESOURCES, NtStatusError
from .addrspace import AddressSpace
from .pagetables import PageTables
from .pfn import PfnDatabase
from .pte import NX, PAGE_READONLY, PAGE_SIZE, RW, G, P, make_user_pte
from .vad import MEM_PRIVATE, Vad

KUSER_SHARED_DATA_KERNEL = 0xFFFFF78000000000
KUSER_SHARED_DATA_USER = 0x7FFE0000
KERNEL_IMAGE_BASE = 0xFFFFF80000000000
POOL_BASE = 0xFFFFE00000000000
LARGE_PAGE = 0x200000
KERNEL_STACK_SIZE = 0x6000          # KERNEL_STACK_SIZE on x64


class SystemSpace:
    def __init__(self, phys, pool_size: int | None = None):
        if pool_size is None:           # a quarter of memory, at most 64 MB, in large pages
            pool_size = max(LARGE_PAGE, min(64 << 20, phys.size // 4) & ~(LARGE_PAGE - 1))
        self.phys = phys
        pool_pa = LARGE_PAGE
        self.pool_pa = pool_pa
        self.pool_size = pool_size
        self.pfn = PfnDatabase(phys, pool_pa + pool_size, phys.size)
        self._early = PfnDatabase(phys, PAGE_SIZE, pool_pa)      # page-table pages below the pool
        self.tables = PageTables(phys, self._early, self._early.allocate())
        self._linear: list[tuple[int, int, int]] = []           # (va, pa, size)

        # Nonpaged pool: 2 MB pages, supervisor, no-execute, global.
        for off in range(0, pool_size, LARGE_PAGE):
            self.tables.map_large(POOL_BASE + off, pool_pa + off, P | RW | NX | G)
        self._linear.append((POOL_BASE, pool_pa, pool_size))
        self._pool_next = POOL_BASE
        self._pool_free: dict[int, list[int]] = {}

        # KUSER_SHARED_DATA: one frame, two mappings.
        self.kuser_pa = self.pfn.allocate()
        self.tables.set(KUSER_SHARED_DATA_KERNEL, self.kuser_pa | P | RW | NX | G)
        self._linear.append((KUSER_SHARED_DATA_KERNEL, self.kuser_pa, PAGE_SIZE))
        # Pre-create the kernel image's page directory so later mappings land in shared tables.
        self.tables.pte_slot(KERNEL_IMAGE_BASE, create=True)
        self._image_next = KERNEL_IMAGE_BASE
        self.tables.pfn = self.pfn
        self.flush_tlb = lambda: None    # the processor's TLB flush, wired in at boot

    # -- nonpaged pool (ExAllocatePoolWithTag's job, first-fit by size class)
    def allocate_pool(self, size: int, align: int = 16) -> int:
        size = (size + 15) & ~15
        free = self._pool_free.get(size)
        if free:
            va = free.pop()
            self.phys.zero(va - POOL_BASE + self.pool_pa, size)
            return va
        va = (self._pool_next + align - 1) & ~(align - 1)
        if va + size > POOL_BASE + self.pool_size:
            raise NtStatusError(STATUS_INSUFFICIENT_RESOURCES, "nonpaged pool exhausted")
        self._pool_next = va + size
        self.phys.zero(va - POOL_BASE + self.pool_pa, size)
        return va

    def free_pool(self, va: int, size: int) -> None:
        self._pool_free.setdefault((size + 15) & ~15, []).append(va)

    def allocate_kernel_stack(self) -> int:
        """MmCreateKernelStack: returns the stack base (highest address)."""
        return self.allocate_pool(KERNEL_STACK_SIZE, PAGE_SIZE) + KERNEL_STACK_SIZE

    # -- the executive's view of kernel addresses
    def kernel_pa(self, va: int) -> int | None:
        for base, pa, size in self._linear:
            if base <= va < base + size:
                return pa + va - base
        return None

    def read(self, va: int, size: int) -> bytes:
        pa = self.kernel_pa(va)
        return self.phys.read(pa, size)

    def write(self, va: int, data) -> None:
        pa = self.kernel_pa(va)
        self.phys.write(pa, data)

    # -- kernel images
    def map_kernel_image(self, layout: bytes, size: int) -> int:
        """Map an image's bytes at the next kernel image address, executable, supervisor-only."""
        base = self._image_next
        pages = (size + PAGE_SIZE - 1) // PAGE_SIZE
        pa = self.pfn.allocate_contiguous(pages)
        self.phys.write(pa, layout)
        for i in range(pages):
            self.tables.set(base + i * PAGE_SIZE, (pa + i * PAGE_SIZE) | P | RW | G)
        self._linear.append((base, pa, pages * PAGE_SIZE))
        self._image_next = base + ((pages * PAGE_SIZE + 0xFFFF) & ~0xFFFF)
        return base

    # -- process address spaces
    def create_address_space(self) -> AddressSpace:
        """MmCreateProcessAddressSpace: a PML4 whose kernel half is the system one."""
        pml4 = self.pfn.allocate()
        top = self.phys.read(self.tables.pml4 + 256 * 8, 256 * 8)
        self.phys.write(pml4 + 256 * 8, top)
        space = AddressSpace(self, pml4)
        space.tables.set(KUSER_SHARED_DATA_USER, make_user_pte(self.kuser_pa, PAGE_READONLY))
        space.vads.insert(Vad(KUSER_SHARED_DATA_USER, KUSER_SHARED_DATA_USER + PAGE_SIZE, MEM_PRIVATE,
                              PAGE_READONLY, "KUSER_SHARED_DATA", owns_frames=False))
        return space

