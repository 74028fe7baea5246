"""Handle tables as Windows 10 lays them out, in nonpaged pool: EPROCESS.ObjectTable is a
HANDLE_TABLE whose TableCode points at the top level of the table, its low two bits the number
of levels above the leaves. A leaf is a page of 256 HANDLE_TABLE_ENTRYs whose first is reserved
(its HighValue holds the leaf's first handle value, LeafHandleValue); a mid-level page holds 512
pointers to leaves, a top page 512 pointers to mid-level pages. A handle's entry is the
(handle / 4)th. An entry in use holds, in LowValue, ObjectPointerBits (the OBJECT_HEADER's address
>> 4) at bit 20, its Attributes at bit 17 and Unlocked at bit 0, and in HighValue its
GrantedAccessBits. A free entry is zero in LowValue and chains to the next free one through
NextFreeHandleEntry, from FreeLists[0].FirstFreeHandleEntry (the last freed first).

HandleTable is the executive's handle onto one such table; which Python object stands for an
OBJECT_HEADER is kept in one dict per kernel (the objects themselves are in guest memory)."""
import struct

from ..layouts import LAYOUTS
from ..status import STATUS_HANDLE_NOT_CLOSABLE, STATUS_INVALID_HANDLE, STATUS_OBJECT_TYPE_MISMATCH, NtStatusError

NT_CURRENT_PROCESS = 0xFFFFFFFFFFFFFFFF
NT_CURRENT_THREAD = 0xFFFFFFFFFFFFFFFE
HANDLE_PROTECT_FROM_CLOSE, HANDLE_INHERIT = 0x1, 0x2        # an entry's Attributes bits

HANDLE_TABLE = LAYOUTS["HANDLE_TABLE"]
_FREE = HANDLE_TABLE.offset("FreeLists")
_FREE_LIST = LAYOUTS["HANDLE_TABLE_FREE_LIST"]
OFF_FIRST_FREE = _FREE + _FREE_LIST.offset("FirstFreeHandleEntry")
OFF_HANDLE_COUNT = _FREE + _FREE_LIST.offset("HandleCount")
OFF_HIGH_WATER = _FREE + _FREE_LIST.offset("HighWaterMark")
OFF_TABLE_CODE = HANDLE_TABLE.offset("TableCode")
OFF_NEXT_NEEDING_POOL = HANDLE_TABLE.offset("NextHandleNeedingPool")
OFF_UNIQUE_PROCESS_ID = HANDLE_TABLE.offset("UniqueProcessId")
PAGE = 0x1000
LEAF_ENTRIES = PAGE // 16               # 256 entries of 16 bytes
POINTERS = PAGE // 8                    # 512 pointers per upper-level page
HANDLES_PER_LEAF = LEAF_ENTRIES * 4
POINTER_BITS = (1 << 44) - 1
ACCESS_BITS = (1 << 25) - 1
_QQ = struct.Struct("<QQ")
_Q = struct.Struct("<Q")
_I = struct.Struct("<I")


def entry_address(read_q, table_code: int, handle: int) -> int | None:
    """The HANDLE_TABLE_ENTRY of a handle value (ExpLookupHandleTableEntry), or None beyond the
    table; `read_q(va)` reads a pointer of the upper levels."""
    index = handle >> 2
    leaf, slot = divmod(index, LEAF_ENTRIES)
    level = table_code & 3
    top = table_code & ~3
    if level == 0:
        page = top if leaf == 0 else 0
    elif level == 1:
        page = read_q(top + 8 * leaf) if leaf < POINTERS else 0
    else:
        mid_index, leaf_index = divmod(leaf, POINTERS)
        mid = read_q(top + 8 * mid_index) if mid_index < POINTERS else 0
        page = read_q(mid + 8 * leaf_index) if mid else 0
    return page + 16 * slot if page and slot else None


def leaf_pages(read_q, table_code: int) -> list:
    """(first handle value, page address) of every leaf, in handle order."""
    level = table_code & 3
    top = table_code & ~3
    if level == 0:
        return [(0, top)]
    mids = [top] if level == 1 else [p for p in (read_q(top + 8 * i) for i in range(POINTERS)) if p]
    out = []
    for m, mid in enumerate(mids):
        for i in range(POINTERS):
            page = read_q(mid + 8 * i)
            if page:
                out.append(((m * POINTERS + i) * HANDLES_PER_LEAF, page))
    return out


def decode_entry(low: int, high: int) -> tuple:
    """(OBJECT_HEADER address, GrantedAccess, Attributes) of an entry in use."""
    return (((low >> 20) & POINTER_BITS) << 4) | 0xFFFF000000000000, high & ACCESS_BITS, (low >> 17) & 7


def in_use_entries(read_q, table_code: int) -> list:
    """(handle, entry address, LowValue, HighValue) of every entry in use, in handle order."""
    out = []
    for first, page in leaf_pages(read_q, table_code):
        for slot in range(1, LEAF_ENTRIES):
            entry = page + 16 * slot
            low = read_q(entry)
            if low:
                out.append((first + 4 * slot, entry, low, read_q(entry + 8)))
    return out


class HandleTable:
    def __init__(self, system, objects: dict, pid: int = 0):
        self._system = system
        self._mem = system.phys.buffer
        self._objects = objects         # OBJECT_HEADER address -> the Python object for it
        self.address = system.allocate_pool(HANDLE_TABLE.size, 0x10)
        self._pa = system.kernel_pa(self.address)
        leaf = self._new_leaf(0)
        _Q.pack_into(self._mem, self._pa + OFF_TABLE_CODE, leaf)
        _I.pack_into(self._mem, self._pa + OFF_NEXT_NEEDING_POOL, HANDLES_PER_LEAF)
        _I.pack_into(self._mem, self._pa + OFF_HIGH_WATER, 4)
        _I.pack_into(self._mem, self._pa + OFF_UNIQUE_PROCESS_ID, pid)
        self.charge = None              # (handles held) -> None: the quota check (kernel/limits.py)

    # -- guest memory
    def _q(self, va: int) -> int:
        return _Q.unpack_from(self._mem, self._system.kernel_pa(va))[0]

    def _set_q(self, va: int, value: int) -> None:
        _Q.pack_into(self._mem, self._system.kernel_pa(va), value)

    def _field(self, offset: int, fmt=_I) -> int:
        return fmt.unpack_from(self._mem, self._pa + offset)[0]

    def _set_field(self, offset: int, value: int, fmt=_I) -> None:
        fmt.pack_into(self._mem, self._pa + offset, value)

    @property
    def table_code(self) -> int:
        return self._field(OFF_TABLE_CODE, _Q)

    def _new_leaf(self, first_handle: int) -> int:
        page = self._system.allocate_pool(PAGE, PAGE)
        self._set_q(page + 8, first_handle)             # entry 0: LeafHandleValue
        return page

    def _grow(self) -> None:
        """ExpAllocateHandleTableEntrySlow: a new leaf for handles from NextHandleNeedingPool,
        and a new level above when the current top is full."""
        first = self._field(OFF_NEXT_NEEDING_POOL)
        leaf_index = first // HANDLES_PER_LEAF
        code = self.table_code
        level, top = code & 3, code & ~3
        page = self._new_leaf(first)
        if level == 0:
            mid = self._system.allocate_pool(PAGE, PAGE)
            self._set_q(mid, top)
            self._set_q(mid + 8, page)
            self._set_field(OFF_TABLE_CODE, mid | 1, _Q)
        elif level == 1 and leaf_index < POINTERS:
            self._set_q(top + 8 * leaf_index, page)
        else:
            if level == 1:
                new_top = self._system.allocate_pool(PAGE, PAGE)
                self._set_q(new_top, top)
                self._set_field(OFF_TABLE_CODE, new_top | 2, _Q)
                top = new_top
            mid_index, index = divmod(leaf_index, POINTERS)
            mid = self._q(top + 8 * mid_index)
            if not mid:
                mid = self._system.allocate_pool(PAGE, PAGE)
                self._set_q(top + 8 * mid_index, mid)
            self._set_q(mid + 8 * index, page)
        self._set_field(OFF_NEXT_NEEDING_POOL, first + HANDLES_PER_LEAF)

    def _entry(self, handle: int) -> int | None:
        return entry_address(self._q, self.table_code, handle & ~3)

    def _handle_of(self, entry: int) -> int:
        page = entry & ~(PAGE - 1)
        return self._q(page + 8) + (entry - page) // 16 * 4

    # -- the executive's interface
    def insert(self, obj, access: int = 0x1FFFFF, attributes: int = 0) -> int:
        """ExCreateHandle (for ObInsertObject / ObOpenObjectByPointer): a new handle to obj;
        attributes are the entry's (OBJ_PROTECT_CLOSE, OBJ_INHERIT, OBJ_AUDIT_OBJECT_CLOSE)."""
        if self.charge is not None:
            self.charge(self._field(OFF_HANDLE_COUNT))
        entry = self._field(OFF_FIRST_FREE, _Q)
        if entry:
            self._set_field(OFF_FIRST_FREE, self._q(entry + 8), _Q)
            handle = self._handle_of(entry)
        else:
            handle = self._field(OFF_HIGH_WATER)
            if handle % HANDLES_PER_LEAF == 0:
                handle += 4                             # a leaf's first entry is reserved
            if handle >= self._field(OFF_NEXT_NEEDING_POOL):
                self._grow()
            self._set_field(OFF_HIGH_WATER, handle + 4)
            entry = self._entry(handle)
        header = obj.header_address
        self._objects[header] = obj
        low = ((header >> 4) & POINTER_BITS) << 20 | (attributes & 7) << 17 | 1     # Unlocked
        self._set_q(entry, low)
        self._set_q(entry + 8, access & ACCESS_BITS)
        self._set_field(OFF_HANDLE_COUNT, self._field(OFF_HANDLE_COUNT) + 1)
        obj.handle_opened()
        return handle

    def insert_at(self, handle: int, obj, access: int, attributes: int) -> int:
        """ExDupHandleTable's copy of one inherited entry into a new process's table: the same
        handle value as in the parent. Entries passed over on the way go on the free list.
        Handles must come in increasing order, before any other insertion."""
        while True:
            next_handle = self._field(OFF_HIGH_WATER)
            if next_handle % HANDLES_PER_LEAF == 0:
                next_handle += 4
            if next_handle > handle:
                raise ValueError(f"handle {handle:#x} is below the table's high-water mark")
            if next_handle >= self._field(OFF_NEXT_NEEDING_POOL):
                self._grow()
            self._set_field(OFF_HIGH_WATER, next_handle + 4)
            if next_handle == handle:
                break
            skipped = self._entry(next_handle)
            self._set_q(skipped + 8, self._field(OFF_FIRST_FREE, _Q))
            self._set_field(OFF_FIRST_FREE, skipped, _Q)
        entry = self._entry(handle)
        header = obj.header_address
        self._objects[header] = obj
        self._set_q(entry, ((header >> 4) & POINTER_BITS) << 20 | (attributes & 7) << 17 | 1)
        self._set_q(entry + 8, access & ACCESS_BITS)
        self._set_field(OFF_HANDLE_COUNT, self._field(OFF_HANDLE_COUNT) + 1)
        obj.handle_opened()
        return handle

    def _lookup_entry(self, handle: int):
        entry = self._entry(handle)
        low = self._q(entry) if entry is not None else 0
        if not low:
            raise NtStatusError(STATUS_INVALID_HANDLE)
        return entry, low

    def lookup(self, handle: int, kind: type | tuple = object):
        """ObReferenceObjectByHandle (the pseudo-handles are resolved by the caller)."""
        _entry, low = self._lookup_entry(handle)
        obj = self._objects[decode_entry(low, 0)[0]]
        if not isinstance(obj, kind):
            raise NtStatusError(STATUS_OBJECT_TYPE_MISMATCH)
        return obj

    def access(self, handle: int) -> int:
        entry, _low = self._lookup_entry(handle)
        return self._q(entry + 8) & ACCESS_BITS

    def attributes(self, handle: int) -> int:
        """The entry's Attributes (HANDLE_ATTRIBUTE_*: 1 protect from close, 2 inherit, 4 audit)."""
        _entry, low = self._lookup_entry(handle)
        return (low >> 17) & 7

    def set_attributes(self, handle: int, attributes: int) -> None:
        entry, low = self._lookup_entry(handle)
        self._set_q(entry, low & ~(7 << 17) | (attributes & 7) << 17)

    def close(self, handle: int, force: bool = False):
        """ExDestroyHandle: the entry goes to the head of the free list. A handle protected
        from close stays (STATUS_HANDLE_NOT_CLOSABLE) unless the process is going (force)."""
        entry, low = self._lookup_entry(handle)
        if (low >> 17) & HANDLE_PROTECT_FROM_CLOSE and not force:
            raise NtStatusError(STATUS_HANDLE_NOT_CLOSABLE)
        obj = self._objects[decode_entry(low, 0)[0]]
        self._set_q(entry, 0)
        self._set_q(entry + 8, self._field(OFF_FIRST_FREE, _Q))
        self._set_field(OFF_FIRST_FREE, entry, _Q)
        self._set_field(OFF_HANDLE_COUNT, self._field(OFF_HANDLE_COUNT) - 1)
        obj.handle_closed()
        return obj

    def __len__(self) -> int:
        return self._field(OFF_HANDLE_COUNT)

    def items(self):
        """[(handle, (object, granted access))] in handle order, read from the table."""
        out = []
        for handle, _entry, low, high in in_use_entries(self._q, self.table_code):
            header, access, _attributes = decode_entry(low, high)
            out.append((handle, (self._objects[header], access)))
        return out

    def clear(self) -> None:
        for handle, _ in self.items():
            self.close(handle, force=True)
