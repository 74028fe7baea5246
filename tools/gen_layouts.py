#!/usr/bin/env python3
"""Regenerate kernel/layouts/win10_19045.py from a type dump of the Windows 10 22H2 kernel.

The offsets come from the public symbol files of build 10.0.19045.2965 (x64) as published by the
Vergilius Project; its type dump is a C header whose members carry "// offset: 0x.." comments.
Usage: tools/gen_layouts.py HEADER > kernel/layouts/win10_19045.py

Only facts are carried over: structure names, sizes, member names, offsets, types and bit positions.
The roots below and every structure they embed by value are emitted; pointers stay pointers.
"""
import re
import sys

ROOTS = [
    "_EPROCESS", "_KPROCESS", "_ETHREAD", "_KTHREAD", "_KPCR", "_KPRCB", "_PEB", "_TEB", "_NT_TIB",
    "_PEB_LDR_DATA", "_LDR_DATA_TABLE_ENTRY", "_RTL_USER_PROCESS_PARAMETERS", "_UNICODE_STRING",
    "_LIST_ENTRY", "_CLIENT_ID", "_KUSER_SHARED_DATA", "_OBJECT_HEADER", "_HANDLE_TABLE_ENTRY",
    "_HANDLE_TABLE", "_KTRAP_FRAME", "_DISPATCHER_HEADER", "_CURDIR", "_KSYSTEM_TIME", "_CONTEXT",
    "_EXCEPTION_RECORD", "_KEVENT", "_KMUTANT", "_KSEMAPHORE", "_KTIMER", "_OBJECT_TYPE",
    "_KWAIT_BLOCK", "_MMVAD_SHORT", "_RTL_BALANCED_NODE", "_KAPC_STATE", "_STRING",
]
SCALARS = {"uint8_t": "UCHAR", "int8_t": "CHAR", "uint16_t": "USHORT", "int16_t": "SHORT", "uint32_t": "ULONG",
           "int32_t": "LONG", "uint64_t": "ULONGLONG", "int64_t": "LONGLONG", "void": "VOID"}
SIZES = {"UCHAR": 1, "CHAR": 1, "USHORT": 2, "SHORT": 2, "WCHAR": 2, "ULONG": 4, "LONG": 4, "ULONGLONG": 8,
         "LONGLONG": 8, "HRESULT": 4, "VOID": 0, "double": 8, "float": 4}
MEMBER = re.compile(r"^(?P<type>.*?)(?P<ptr>[\s*]*?\*[\s*]*(?:volatile\s+|const\s+)*)?(?P<name>\w+)"
                    r"(?P<dims>(?:\[\d+\])*)\s*(?::\s*(?P<bits>\d+))?\s*;$")


def statements(text):
    """Yield (code, offset) per declaration, with wrapped lines joined."""
    buf = ""
    for line in text.splitlines():
        code, _, comment = line.partition("//")
        buf += " " + code.strip()
        if not any(c in code for c in ";{}"):
            continue
        m = re.search(r"offset: 0x([0-9a-f]+)", comment)
        yield " ".join(buf.split()), int(m.group(1), 16) if m else None
        buf = ""


def clean_type(t):
    t = re.sub(r"\b(volatile|const|struct|union|enum)\b", " ", t)
    return " ".join(t.split())


def parse_enums(text):
    """Enumerations, {name: {value: member}}, and the text with them removed."""
    enums = {}
    for m in re.finditer(r"enum (\w+) \{(.*?)\};", text, re.S):
        enums[m.group(1)] = {int(v, 0): k for k, v in re.findall(r"(\w+) = (-?(?:0x)?[0-9a-fA-F]+)", m.group(2))}
    return enums, re.sub(r"enum (\w+) \{(.*?)\};", "", text, flags=re.S)


def parse(text):
    typedefs, types = {}, {}
    stack = []      # open scopes: [name, kind, members, size]
    for code, off in statements(text):
        m = re.match(r"typedef (\w+) (\w+);", code)
        if m and not stack:
            typedefs[m.group(2)] = SCALARS.get(m.group(1), m.group(1))
            continue
        m = re.match(r"(struct|union) (\w+) \{\s*\};?$", code)
        if m and not stack:
            continue
        m = re.match(r"(struct|union) (\w+) \{$", code)
        if m and not stack:
            stack.append([m.group(2), m.group(1), [], None])
            continue
        if code in ("union {", "struct {"):
            stack.append([None, code.split()[0], [], None])
            continue
        m = re.match(r"\}\s*(\w*)\s*;$", code)
        if m:
            name, kind, members, _ = stack.pop()
            if not stack:
                types[name] = {"kind": kind, "members": members}
                continue
            if m.group(1):              # a named member of an inline type
                parent = stack[0][0]
                tname = f"{parent}::{m.group(1)}"
                # the member's own offset is on the closing line; inside, the dump gives some
                # offsets relative to the member and some absolute
                base = off if off is not None else min((mm[1] for mm in members), default=0)
                rel = [(n, o - base if o >= base else o, t, b) for n, o, t, b in members]
                types[tname] = {"kind": kind, "members": rel, "anonymous": True}
                stack[-1][2].append((m.group(1), base, tname, None))
            else:
                stack[-1][2].extend(members)
            continue
        if off is None or not stack:
            continue
        if "(*" in code:               # function pointer
            m = re.search(r"\(\*\s*(\w+)((?:\[\d+\])*)\)", code)
            ty = "*FUNCTION" + m.group(2)
            stack[-1][2].append((m.group(1), off, ty, None))
            continue
        mm = MEMBER.match(code)
        if not mm:
            raise SystemExit(f"cannot parse: {code}")
        t = clean_type(mm.group("type"))
        stars = (mm.group("ptr") or "").count("*")
        t = typedefs.get(t, t)
        if stars:
            t = "*" * stars + t
        dims = re.findall(r"\[(\d+)\]", mm.group("dims"))
        for d in reversed(dims):
            t = f"{t}[{d}]"
        bits = None
        if mm.group("bits"):            # consecutive bitfields of one unit in one scope pack upward
            width, scope = int(mm.group("bits")), stack[-1][2]
            last = scope[-1] if scope else None
            pos = 0
            if last and last[3] and last[1] == off and last[2] == t and sum(last[3]) + width <= 8 * SIZES[t]:
                pos = sum(last[3])
            bits = (pos, width)
        stack[-1][2].append((mm.group("name"), off, t, bits))
    return types


def sizes_from_header(text):
    out = {}
    for m in re.finditer(r"// 0x([0-9a-f]+) \(\d+\) bytes\n(?:struct|union) (\w+) \{", text):
        out[m.group(2)] = int(m.group(1), 16)
    return out


def base_type(t):
    while t.endswith("]"):
        t = t[:t.rindex("[")]
    return t


def type_size(t, sizes):
    if t.startswith("*"):
        return 8
    dims = re.findall(r"\[(\d+)\]", t)
    n = 1
    for d in dims:
        n *= int(d)
    b = base_type(t)
    return n * (SIZES[b] if b in SIZES else sizes[b])


def main():
    text = open(sys.argv[1]).read()
    enums, text = parse_enums(text)
    for e in enums:
        SIZES[e] = 4
    types = parse(text)
    sizes = sizes_from_header(text)
    for name, t in types.items():       # inline member types: size is their extent
        if t.get("anonymous"):
            sizes[name] = 0
    for name, t in types.items():
        if t.get("anonymous"):
            sizes[name] = max((o + type_size(ty, sizes) for _, o, ty, _ in t["members"]
                               if base_type(ty) in SIZES or ty.startswith("*") or base_type(ty) in sizes), default=0)
    need, todo, used_enums = [], list(ROOTS), []
    while todo:
        n = todo.pop(0)
        if n in need:
            continue
        if n not in types:
            raise SystemExit(f"missing type {n}")
        need.append(n)
        for _, _, ty, _ in types[n]["members"]:
            b = base_type(ty)
            if b in enums and b not in used_enums:
                used_enums.append(b)
            if not b.startswith("*") and b not in SIZES and b not in need:
                todo.append(b)
    # bit positions: consecutive bitfields at one offset and of one type pack upward
    print('"""Layouts of Windows 10 22H2 x64, build 10.0.19045.2965 (generated by tools/gen_layouts.py).')
    print()
    print("Names, offsets, types and sizes are those of the build's public kernel symbols as published")
    print("by the Vergilius Project (vergiliusproject.com, Windows 10 22H2). Each entry is")
    print("(kind, size, members); a member is (name, offset, type) or (name, offset, type, bit, width).")
    print('"""')
    print("# ruff: noqa: E501")
    print("TYPES = {")
    for n in sorted(need):
        t = types[n]
        key = n[1:] if n.startswith("_") else n
        print(f"    {key!r}: ({t['kind']!r}, {sizes[n]:#x}, (")
        for name, off, ty, bits in t["members"]:
            ty = ty[1:] if ty.startswith("_") else ty.replace("*_", "*")
            tail = f", {bits[0]}, {bits[1]}" if bits else ""
            print(f"        ({name!r}, {off:#x}, {ty!r}{tail}),")
        print("    )),")
    print("}")
    print()
    print("ENUMS = {")
    for e in sorted(used_enums):
        print(f"    {e[1:]!r}: {enums[e]!r},")
    print("}")


if __name__ == "__main__":
    main()
