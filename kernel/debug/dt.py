"""`dt`: display a type, or a structure in memory, in WinDbg's layout.

    dt [-r[N]] [-l ListField] [module!]Type [Address] [Field ...]
"""
import fnmatch
import struct

from ..layouts import LAYOUTS
from ..layouts.struct import SCALARS, Field, split_array
from .target import DebugError, Target, fmt_addr

_WINDBG = {"UCHAR": "UChar", "CHAR": "Char", "USHORT": "Uint2B", "SHORT": "Int2B", "WCHAR": "Wchar",
           "ULONG": "Uint4B", "LONG": "Int4B", "ULONGLONG": "Uint8B", "LONGLONG": "Int8B", "HRESULT": "Int4B",
           "float": "Float", "double": "Double"}
_SIGNED = {"CHAR", "SHORT", "LONG", "LONGLONG", "HRESULT"}
MAX_LIST = 1000


def type_name(ftype: str) -> str:
    """A member type as WinDbg names it."""
    if ftype.startswith("*"):
        inner = ftype[1:]
        return "Ptr64 " + ("Void" if inner in ("VOID", "FUNCTION") else type_name(inner))
    if ftype.endswith("]"):
        elem, count = split_array(ftype)
        return f"[{count}] {type_name(elem)}"
    if ftype in _WINDBG:
        return _WINDBG[ftype]
    if "::" in ftype:
        return "<anonymous-tag>"
    return "_" + ftype


def _scalar_text(ftype: str, value: int) -> str:
    if ftype in ("UCHAR", "CHAR"):
        ch = chr(value & 0xFF) if 0x20 <= (value & 0xFF) < 0x7F else ""
        head = f"0n{value}" if ftype == "CHAR" else (f"{value:#x}" if value else "0")
        return f"{head} '{ch}'"
    if ftype in _SIGNED:
        return f"0n{value}"
    if ftype in ("float", "double"):
        return repr(value)
    return f"{value:#x}" if value else "0"


def _pointer_text(ftype: str, value: int) -> str:
    if not value:
        return "(null)"
    inner = ftype[1:]
    target = "Void" if inner in ("VOID", "FUNCTION") else type_name(inner)
    return f"0x{fmt_addr(value)} {target}"


class TypeDumper:
    def __init__(self, target: Target | None, out):
        self.target = target
        self.out = out

    def value_text(self, f, address: int) -> str:
        t = self.target
        if f.bit is not None:
            unit = int.from_bytes(t.read(address, f.size), "little")
            v = (unit >> f.bit) & ((1 << f.width) - 1)
            text = "0y" + format(v, f"0{f.width}b")
            return text if f.width == 1 else f"{text} ({v:#x})"
        if f.type.startswith("*"):
            return _pointer_text(f.type, struct.unpack("<Q", t.read(address, 8))[0])
        if f.type in SCALARS:
            fmt = SCALARS[f.type]
            return _scalar_text(f.type, struct.unpack("<" + fmt, t.read(address, struct.calcsize(fmt)))[0])
        if f.type in LAYOUTS.enums:
            v = struct.unpack("<i", t.read(address, 4))[0]
            name = LAYOUTS.enums[f.type].get(v)
            return f"{v} ( {name} )" if name else f"0n{v}"
        if f.type.endswith("]"):
            return self._array_text(f.type, address)
        return self._struct_text(f.type, address)

    def _array_text(self, ftype: str, address: int) -> str:
        elem, count = split_array(ftype)
        head = f"[{count}] "
        if elem in ("UCHAR", "CHAR", "WCHAR"):
            width = 2 if elem == "WCHAR" else 1
            raw = self.target.read(address, count * width)
            text = raw.decode("utf-16-le" if width == 2 else "latin-1", "replace").split("\0", 1)[0]
            return head + f'"{text}"'
        if LAYOUTS.format_of(elem) is not None:
            first = Field("", 0, elem, LAYOUTS.sizeof(elem), fmt=LAYOUTS.format_of(elem))
            return head + self.value_text(first, address)
        return head + type_name(elem)

    def _struct_text(self, ftype: str, address: int) -> str:
        t = self.target
        name = type_name(ftype)
        if ftype == "LIST_ENTRY":
            flink, blink = struct.unpack("<QQ", t.read(address, 16))
            return f"{name} [ 0x{fmt_addr(flink)} - 0x{fmt_addr(blink)} ]"
        if ftype in ("UNICODE_STRING", "STRING"):
            view = t.view(ftype, address)
            if ftype == "STRING":
                data = t.try_read(view.Buffer, view.Length) if view.Buffer else b""
                text = None if data is None else data.decode("latin-1")
            else:
                text = t.unicode_string(view)
            return f'{name} "{text}"' if text is not None else f"{name} <not readable>"
        if ftype in ("LARGE_INTEGER", "ULARGE_INTEGER"):
            return f"{name} 0x{fmt_addr(struct.unpack('<Q', t.read(address, 8))[0])}"
        if ftype == "CLIENT_ID":
            p, th = struct.unpack("<QQ", t.read(address, 16))
            return f"{name} {{{p:x}.{th:x}}}"
        return name

    def dump(self, layout_name: str, address: int | None, fields: list[str], depth: int, indent: int = 0) -> None:
        layout = LAYOUTS[layout_name]
        pad = " " * (3 + indent)
        members = layout.members
        if fields:
            members = [m for m in members if any(fnmatch.fnmatchcase(m.name, p.split(".")[0]) for p in fields)]
            if not members:
                raise DebugError("Cannot find specified field members.")
        for f in members:
            kind = f"Pos {f.bit}, {f.width} Bit" + ("s" if f.width != 1 else "") if f.bit is not None \
                else type_name(f.type)
            line = f"{pad}+{f.offset:#05x} {f.name:<16} : "
            if address is None:
                self.out(line + kind)
            else:
                self.out(line + self.value_text(f, address + f.offset))
            sub = [p.split(".", 1)[1] for p in fields if "." in p and fnmatch.fnmatchcase(f.name, p.split(".")[0])]
            expand_all = "" in sub
            sub = [] if expand_all else sub
            nested = f.type in LAYOUTS and f.bit is None and not f.type.startswith("*")
            if nested and (depth > 0 or sub or expand_all):
                self.dump(f.type, None if address is None else address + f.offset, sub,
                          depth - 1 if depth > 0 else 0, indent + 3)


def parse_type(name: str) -> str:
    bare = name.split("!", 1)[-1]
    for candidate in (bare.lstrip("_"), bare):
        if candidate in LAYOUTS:
            return candidate
    raise DebugError(f"Symbol {name} not found.")


def cmd_dt(target: Target, args: list[str], out) -> None:
    depth, list_field, rest = 0, None, []
    i = 0
    while i < len(args):
        a = args[i]
        if a.startswith("-r"):
            depth = int(a[2:]) if a[2:] else 1
        elif a == "-l":
            if i + 1 >= len(args):
                raise DebugError("-l needs a list field")
            list_field = args[i + 1]
            i += 1
        elif a.startswith("-"):
            raise DebugError(f"Unknown option {a}")
        else:
            rest.append(a)
        i += 1
    if not rest:
        raise DebugError("Usage: dt [-r[N]] [-l ListField] Type [Address] [Field ...]")
    type_ = parse_type(rest[0])
    address, fields = None, rest[1:]
    if fields and target is not None:
        try:
            address = target.evaluate(fields[0])
            fields = fields[1:]
        except DebugError:
            if not (fields[0][0].isalpha() and fields[0] in LAYOUTS[type_].fields) and "*" not in fields[0]:
                raise
    dumper = TypeDumper(target, out)
    if list_field is None or address is None:
        if address is None:
            out(f"nt!_{type_}" if not type_.startswith("_") else f"nt!{type_}")
        dumper.dump(type_, address, fields, depth)
        return
    # -l: walk the list through ListField.Flink, which points at the same field of the next element
    layout = LAYOUTS[type_]
    try:
        link = layout.offset(list_field)
    except KeyError:
        raise DebugError(f"No field {list_field} in _{type_}") from None
    element, seen = address, set()
    for _ in range(MAX_LIST):
        out(f"{list_field} at 0x{fmt_addr(element)}")
        out("-" * 45)
        dumper.dump(type_, element, fields, depth)
        out("")
        seen.add(element)
        flink = target.q(element + link)
        element = flink - link
        if not flink or element in seen or element == address:
            break
