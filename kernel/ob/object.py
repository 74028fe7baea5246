"""Object headers and types: every object the object manager hands out handles to sits in
nonpaged pool behind an OBJECT_HEADER whose PointerCount and HandleCount are the object's
reference counts and whose TypeIndex names its OBJECT_TYPE, encoded as Windows 10 encodes it:
the index in ObTypeIndexTable XOR ObHeaderCookie XOR the second byte of the header's address.
Every type of TYPE_INDEX has its OBJECT_TYPE object (ObInitSystem)."""
import struct

from ..layouts import LAYOUTS, StructView

OBJECT_HEADER = LAYOUTS["OBJECT_HEADER"]
OBJECT_HEADER_BODY = OBJECT_HEADER.offset("Body")
_OFF_TYPE_INDEX = OBJECT_HEADER.offset("TypeIndex")
OBJECT_TYPE = LAYOUTS["OBJECT_TYPE"]
_OFF_TOTAL_OBJECTS = OBJECT_TYPE.offset("TotalNumberOfObjects")
# Object type indices as build 19045 numbers them (ObTypeIndexTable).
TYPE_INDEX = {"Type": 2, "Directory": 3, "SymbolicLink": 4, "Token": 5, "Job": 6, "Process": 7, "Thread": 8,
              "Event": 16, "Mutant": 17, "Semaphore": 19, "Timer": 20, "KeyedEvent": 23, "IoCompletion": 35,
              "WaitCompletionPacket": 36, "File": 37, "Section": 42, "Key": 44,
              "PowerRequest": 48}
# ObHeaderCookie: a byte Windows draws at boot; a fixed one here, so that runs are identical.
OB_HEADER_COOKIE = 0x5C
_q = struct.Struct("<q")
_Q = struct.Struct("<Q")
_I = struct.Struct("<I")


def encode_type_index(header: int, index: int) -> int:
    return index ^ OB_HEADER_COOKIE ^ ((header >> 8) & 0xFF)


decode_type_index = encode_type_index       # the XOR is its own inverse


def ObCreateObject(kernel, type_name: str, body_size: int) -> int:
    """Allocate header and body; returns the body's address. Counts start at zero."""
    system = kernel.system
    header = system.allocate_pool(OBJECT_HEADER_BODY + body_size, 0x10)
    index = TYPE_INDEX[type_name]
    system.write(header + _OFF_TYPE_INDEX, bytes([encode_type_index(header, index)]))
    types = getattr(kernel, "object_types", None)
    if types is not None and type_name in types:
        pa = system.kernel_pa(types[type_name] + _OFF_TOTAL_OBJECTS)
        _I.pack_into(system.phys.buffer, pa, _I.unpack_from(system.phys.buffer, pa)[0] + 1)
    return header + OBJECT_HEADER_BODY


def ObInitSystem(kernel) -> None:
    """The OBJECT_TYPE of every type (objects of type Type themselves) and ObTypeIndexTable,
    the array of pointers to them that TypeIndex indexes."""
    system = kernel.system
    kernel.ob_type_index_table = table = system.allocate_pool(256 * 8, 0x10)
    kernel.object_types = {}
    for name, index in sorted(TYPE_INDEX.items(), key=lambda item: item[1]):
        body = ObCreateObject(kernel, "Type", OBJECT_TYPE.size)
        t = StructView(system, body, OBJECT_TYPE)
        text = name.encode("utf-16-le")
        buffer = system.allocate_pool(len(text) + 2, 0x10)
        system.write(buffer, text + b"\0\0")
        t.Name.Length, t.Name.MaximumLength, t.Name.Buffer = len(text), len(text) + 2, buffer
        t.Index = index
        t.TypeList.Flink = t.TypeList.Blink = body     # the list of objects of the type: empty
        t.Key = int.from_bytes(name.encode("ascii")[:4].ljust(4, b" "), "little")
        system.write(table + 8 * index, _Q.pack(body))
        kernel.object_types[name] = body
    # the Type objects created before the Type type existed count now
    pa = system.kernel_pa(kernel.object_types["Type"] + _OFF_TOTAL_OBJECTS)
    _I.pack_into(system.phys.buffer, pa, len(TYPE_INDEX))


class ObjectBody:
    """Mixin for Python objects standing for a body with an OBJECT_HEADER in front of it.

    A named object knows its directory and its name there (container, entry_name); a temporary
    one (every object a guest names: OBJ_PERMANENT needs a privilege it lacks) leaves its
    directory when its last handle is closed (ObpDecrementHandleCount -> ObpDeleteNameCheck),
    whatever pointer references remain."""

    type_name = ""
    _header_pa = None                   # physical address of the OBJECT_HEADER
    _mem = None
    permanent = True
    container = None                    # the ObjectDirectory holding it by name, if any
    entry_name = ""

    def bind_header(self, system, body_va: int) -> None:
        self._header_pa = system.kernel_pa(body_va - OBJECT_HEADER_BODY)
        self._mem = system.phys.buffer

    @property
    def header_address(self) -> int:
        return self.address - OBJECT_HEADER_BODY

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
        if self.container is not None and not self.permanent and self.handle_count == 0:
            self.container.remove(self.entry_name, self)     # ObpDeleteNameCheck
            self.container = None
