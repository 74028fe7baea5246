"""Structure layouts as data, and typed views of structures that live in guest memory.

A Layout lists the members of one Windows structure with WinDbg's flattening: members of
anonymous unions and structures appear at their own offsets, so `dt` shows what WinDbg shows.
A member type is a scalar name (UCHAR, ULONG ...), "*T" (a pointer to T), "T[n]" (an array), an
enumeration name, or another layout's name; bitfields carry their bit position and width.
A StructView reads and writes those members in guest memory directly, so what the executive
uses is what a debugger shows.
"""
import struct

# scalar type -> struct format
SCALARS = {
    "UCHAR": "B", "CHAR": "b", "USHORT": "H", "SHORT": "h", "WCHAR": "H", "ULONG": "I", "LONG": "i",
    "ULONGLONG": "Q", "LONGLONG": "q", "HRESULT": "i", "double": "d", "float": "f",
}


class Field:
    __slots__ = ("name", "offset", "type", "size", "bit", "width", "fmt")

    def __init__(self, name, offset, type_, size, bit=None, width=None, fmt=None):
        self.name = name
        self.offset = offset
        self.type = type_
        self.size = size
        self.bit = bit              # bitfields: position and width within the unit at offset
        self.width = width
        self.fmt = fmt              # struct format of a scalar, pointer or enum; None otherwise


def split_array(ftype: str) -> tuple[str, int]:
    """"T[a][b]" -> ("T[b]", a): the element type and the outer count."""
    i = ftype.index("[")
    j = ftype.index("]", i)
    return ftype[:i] + ftype[j + 1:], int(ftype[i + 1:j], 0)


class Layout:
    def __init__(self, name: str, kind: str, size: int, members, registry):
        self.name = name
        self.kind = kind                    # "struct" or "union"
        self.size = size
        self.registry = registry
        self.members: list[Field] = []
        self.fields: dict[str, Field] = {}   # first member of each name (unions may repeat none)
        for m in members:
            fname, off, ftype = m[0], m[1], m[2]
            bit, width = (m[3], m[4]) if len(m) > 3 else (None, None)
            f = Field(fname, off, ftype, registry.sizeof(ftype), bit, width, registry.format_of(ftype))
            self.members.append(f)
            self.fields.setdefault(fname, f)
        self._codecs: dict = {}

    def offset(self, name: str) -> int:
        """Offset of a member; dotted names reach into nested structures ("Pcb.DirectoryTableBase")."""
        head, _, rest = name.partition(".")
        f = self.fields[head]
        if not rest:
            return f.offset
        return f.offset + self.registry[f.type].offset(rest)

    def codec(self, name: str) -> struct.Struct:
        codec = self._codecs.get(name)
        if codec is None:
            f = self.fields[name]
            if f.fmt is None or f.bit is not None:
                raise KeyError(f"{self.name}.{name} is not a scalar member")
            codec = self._codecs[name] = struct.Struct("<" + f.fmt)
        return codec


class Registry(dict):
    """Layouts by name (without the leading underscore), built on first use from type tables."""

    def __init__(self, types: dict, enums: dict):
        super().__init__()
        self.types = types
        self.enums = enums

    def __missing__(self, name):
        entry = self.types.get(name)
        if entry is None:
            raise KeyError(name)
        kind, size, members = entry
        layout = Layout(name, kind, size, members, self)
        self[name] = layout
        return layout

    def __contains__(self, name):
        return dict.__contains__(self, name) or name in self.types

    def names(self) -> list[str]:
        return sorted(self.types)

    def sizeof(self, ftype: str) -> int:
        if ftype.startswith("*"):
            return 8
        if ftype.endswith("]"):
            elem, count = split_array(ftype)
            return self.sizeof(elem) * count
        if ftype in SCALARS:
            return struct.calcsize(SCALARS[ftype])
        if ftype in self.enums:
            return 4
        if ftype == "VOID":
            return 0
        return self.types[ftype][1]

    def format_of(self, ftype: str) -> str | None:
        if ftype.startswith("*"):
            return "Q"
        if ftype in SCALARS:
            return SCALARS[ftype]
        if ftype in self.enums:
            return "i"
        return None


class StructView:
    """A structure at `address` in the address space `space` (anything with read/write).

    Scalars, pointers, enums and bitfields read as ints; nested structures as views; arrays as
    bytes. Assigning writes guest memory at once (bitfields read-modify-write their unit).
    """

    __slots__ = ("space", "address", "layout")

    def __init__(self, space, address: int, layout: Layout):
        object.__setattr__(self, "space", space)
        object.__setattr__(self, "address", address)
        object.__setattr__(self, "layout", layout)

    def __getattr__(self, name):
        layout = self.layout
        f = layout.fields.get(name)
        if f is None:
            raise AttributeError(f"{layout.name} has no member {name}")
        if f.fmt is None:
            if f.type in layout.registry:
                return StructView(self.space, self.address + f.offset, layout.registry[f.type])
            return self.space.read(self.address + f.offset, f.size)
        codec = layout.codec(name) if f.bit is None else None
        if codec is not None:
            return codec.unpack(self.space.read(self.address + f.offset, codec.size))[0]
        unit = int.from_bytes(self.space.read(self.address + f.offset, f.size), "little")
        return (unit >> f.bit) & ((1 << f.width) - 1)

    def __setattr__(self, name, value):
        layout = self.layout
        f = layout.fields[name]
        address = self.address + f.offset
        if f.fmt is None:
            data = bytes(value)
            if len(data) > f.size:
                raise ValueError(f"{layout.name}.{name} holds {f.size} bytes")
            self.space.write(address, data.ljust(f.size, b"\0"))
        elif f.bit is None:
            codec = layout.codec(name)
            try:
                data = codec.pack(value)
            except struct.error:        # an NTSTATUS into a LONG and the like: keep the bits
                bits = 8 * codec.size
                value &= (1 << bits) - 1
                data = codec.pack(value - (1 << bits) if value >> (bits - 1) else value)
            self.space.write(address, data)
        else:
            mask = ((1 << f.width) - 1) << f.bit
            unit = int.from_bytes(self.space.read(address, f.size), "little")
            unit = (unit & ~mask) | ((value << f.bit) & mask)
            self.space.write(address, unit.to_bytes(f.size, "little"))

    def field_address(self, name: str) -> int:
        return self.address + self.layout.offset(name)

    def _element(self, name: str, index: int) -> tuple[int, struct.Struct]:
        """Address and codec of element `index` of a scalar array member."""
        f = self.layout.fields[name]
        codec = struct.Struct("<" + self.layout.registry.format_of(split_array(f.type)[0]))
        return self.address + f.offset + index * codec.size, codec

    def item(self, name: str, index: int) -> int:
        address, codec = self._element(name, index)
        return codec.unpack(self.space.read(address, codec.size))[0]

    def set_item(self, name: str, index: int, value: int) -> None:
        address, codec = self._element(name, index)
        self.space.write(address, codec.pack(value))
