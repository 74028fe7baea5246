"""Structure layouts as data, and typed views of structures that live in guest memory.

A Layout lists (name, offset, type) for one Windows structure; a StructView reads and writes
those fields in guest memory directly, so what the executive uses is what a debugger shows.
"""
import struct
from typing import NamedTuple

_SCALARS = {
    "UCHAR": "B", "CHAR": "b", "USHORT": "H", "SHORT": "h", "ULONG": "I", "LONG": "i",
    "ULONG64": "Q", "LONG64": "q", "PVOID": "Q", "HANDLE": "Q", "SIZE_T": "Q", "KAFFINITY": "Q",
    "LARGE_INTEGER": "q", "BOOLEAN": "B", "KPRIORITY": "i", "NTSTATUS": "I",
}


class Field(NamedTuple):
    name: str
    offset: int
    type: str           # a scalar name above, another layout's name, or "UCHAR[15]"-style arrays
    size: int


class _LazyCodecs(dict):
    """struct.Struct per scalar field (None for other fields), compiled on first use: boot
    touches few of them, and later lookups stay plain dict lookups."""

    def __init__(self, fields: dict):
        super().__init__()
        self._fields = fields

    def __missing__(self, name):
        f = self._fields.get(name)
        codec = struct.Struct("<" + _SCALARS[f.type]) if f is not None and f.type in _SCALARS else None
        self[name] = codec
        return codec


class Layout:
    def __init__(self, name: str, size: int, fields: list[tuple[str, int, str]], registry: dict):
        self.name = name
        self.size = size
        self.fields: dict[str, Field] = {}
        self._registry = registry
        for fname, off, ftype in fields:
            self.fields[fname] = Field(fname, off, ftype, self._sizeof(ftype))
        self._codecs = _LazyCodecs(self.fields)
        registry[name] = self

    def _sizeof(self, ftype: str) -> int:
        if "[" in ftype:
            base, count = ftype[:-1].split("[")
            return self._sizeof(base) * int(count, 0)
        if ftype in _SCALARS:
            return struct.calcsize(_SCALARS[ftype])
        return self._registry[ftype].size

    def offset(self, name: str) -> int:
        """Offset of a field; dotted names reach into nested structures ("Pcb.DirectoryTableBase")."""
        head, _, rest = name.partition(".")
        f = self.fields[head]
        if not rest:
            return f.offset
        return f.offset + self._registry[f.type].offset(rest)

    def codec(self, name: str) -> struct.Struct:
        codec = self._codecs[name]
        if codec is None:
            raise KeyError(f"{self.name}.{name} is not a scalar field")
        return codec


class StructView:
    """A structure at `address` in the address space `space` (anything with read/write)."""

    __slots__ = ("space", "address", "layout")

    def __init__(self, space, address: int, layout: Layout):
        object.__setattr__(self, "space", space)
        object.__setattr__(self, "address", address)
        object.__setattr__(self, "layout", layout)

    def __getattr__(self, name):
        layout = self.layout
        codec = layout._codecs[name]
        if codec is None:
            f = layout.fields.get(name)
            if f is None:
                raise AttributeError(f"{layout.name} has no field {name}")
            if f.type in layout._registry:
                return StructView(self.space, self.address + f.offset, layout._registry[f.type])
            return self.space.read(self.address + f.offset, f.size)
        f = layout.fields[name]
        return codec.unpack(self.space.read(self.address + f.offset, codec.size))[0]

    def __setattr__(self, name, value):
        layout = self.layout
        f = layout.fields[name]
        codec = layout._codecs[name]
        if codec is None:
            data = bytes(value)
            if len(data) > f.size:
                raise ValueError(f"{layout.name}.{name} holds {f.size} bytes")
            self.space.write(self.address + f.offset, data.ljust(f.size, b"\0"))
        else:
            self.space.write(self.address + f.offset, codec.pack(value))

    def field_address(self, name: str) -> int:
        return self.address + self.layout.offset(name)
