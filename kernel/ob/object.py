"""Object headers: every object the object manager hands out handles to sits in nonpaged pool
behind an OBJECT_HEADER whose PointerCount and HandleCount are the object's reference counts.
"""
import struct

from ..layouts import LAYOUTS

OBJECT_HEADER_BODY = LAYOUTS["OBJECT_HEADER"].offset("Body")
# Object type indices as build 19045 numbers them (ObTypeIndexTable).
TYPE_INDEX = {"Type": 2, "Directory": 3, "SymbolicLink": 4, "Token": 5, "Job": 6, "Process": 7, "Thread": 8,
              "Event": 16, "Mutant": 17, "Semaphore": 19, "Timer": 20, "KeyedEvent": 23, "IoCompletion": 35,
              "File": 37, "Section": 42, "Key": 44}
_q = struct.Struct("<q")


def ObCreateObject(kernel, type_name: str, body_size: int) -> int:
    """Allocate header and body; returns the body's address. Counts start at zero."""
    system = kernel.system
    header = system.allocate_pool(OBJECT_HEADER_BODY + body_size, 0x10)
    system.write(header + LAYOUTS["OBJECT_HEADER"].offset("TypeIndex"), bytes([TYPE_INDEX[type_name]]))
    return header + OBJECT_HEADER_BODY


class ObjectBody:
    """Mixin for Python objects standing for a body with an OBJECT_HEADER in front of it."""

    type_name = ""
    _header_pa = None                   # physical address of the OBJECT_HEADER
    _mem = None

    def bind_header(self, system, body_va: int) -> None:
        self._header_pa = system.kernel_pa(body_va - OBJECT_HEADER_BODY)
        self._mem = system.phys.buffer

    @property
    def pointer_count(self) -> int:
        return _q.unpack_from(self._mem, self._header_pa)[0]

    @property
    def handle_count(self) -> int:
        return _q.unpack_from(self._mem, self._header_pa + 8)[0]

    def _add(self, offset: int, delta: int) -> int:
        value = _q.unpack_from(self._mem, self._header_pa + offset)[0] + delta
        _q.pack_into(self._mem, self._header_pa + offset, value)
        return value

    # ObpIncrementHandleCount / ObpDecrementHandleCount: a handle holds a reference too
    def handle_opened(self) -> None:
        self._add(8, 1)
        self._add(0, 1)

    def handle_closed(self) -> None:
        self._add(8, -1)
        self._add(0, -1)
