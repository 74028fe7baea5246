"""Handle tables: per-process maps from handle values (multiples of 4) to referenced objects,
with the objects' handle and pointer counts kept in their OBJECT_HEADERs."""
from ..status import STATUS_INVALID_HANDLE, STATUS_OBJECT_TYPE_MISMATCH, NtStatusError

NT_CURRENT_PROCESS = 0xFFFFFFFFFFFFFFFF
NT_CURRENT_THREAD = 0xFFFFFFFFFFFFFFFE


class HandleTable:
    def __init__(self):
        self._entries: dict[int, tuple[object, int]] = {}
        self._next = 4
        self._free: list[int] = []
        self.charge = None              # (handles held) -> None: the quota check (kernel/limits.py)

    def insert(self, obj, access: int = 0x1FFFFF) -> int:
        """ObInsertObject / ObOpenObjectByPointer: a new handle to obj."""
        if self.charge is not None:
            self.charge(len(self._entries))
        handle = self._free.pop() if self._free else self._next
        if handle == self._next:
            self._next += 4
        self._entries[handle] = (obj, access)
        if getattr(obj, "_header_pa", None) is not None:
            obj.handle_opened()
        return handle

    def lookup(self, handle: int, kind: type | tuple = object):
        """ObReferenceObjectByHandle (the pseudo-handles are resolved by the caller)."""
        entry = self._entries.get(handle & ~3)
        if entry is None:
            raise NtStatusError(STATUS_INVALID_HANDLE)
        if not isinstance(entry[0], kind):
            raise NtStatusError(STATUS_OBJECT_TYPE_MISMATCH)
        return entry[0]

    def access(self, handle: int) -> int:
        return self._entries[handle & ~3][1]

    def close(self, handle: int):
        entry = self._entries.pop(handle & ~3, None)
        if entry is None:
            raise NtStatusError(STATUS_INVALID_HANDLE)
        self._free.append(handle & ~3)
        obj = entry[0]
        if getattr(obj, "_header_pa", None) is not None:
            obj.handle_closed()
        return obj

    def __len__(self) -> int:
        return len(self._entries)

    def items(self):
        return sorted(self._entries.items())

    def clear(self) -> None:
        for handle in list(self._entries):
            self.close(handle)
