#!/usr/bin/env python3
"""Write fh4.S: except_fh4's catching functions with hand-made __CxxFrameHandler4 tables.

Each function (and each catch funclet, and the separated function's cold segment) is a .pdata
function of its own, in a section of its own, so that `.org` puts the code of each EH state at a
known offset from the function's start: the IP-to-state maps and the function-relative continuation
addresses below are those offsets. Each has `.seh_handler __CxxFrameHandler4, @unwind, @except`
and, as its handler data, the RVA of its FuncInfo4, as MSVC lays them out. The tables are
compressed as FH4 reads them (ehdata4's format: the length in the low bits of the first byte);
a few values are written in longer forms than they need (`Int(value, width)`), which the format
allows and the decoder must read the same.

Frames: a function pushes rbx and allocates FRAME bytes; its establisher frame is rsp after the
prologue, and its locals are at fixed offsets from it. A catch funclet is called with the function's
frame in rdx: it keeps it in its home slot (dispFrame 0x38 from its own establisher frame), keeps
it in rbp, and returns 0 or 1 (an index into its catch clause's continuation addresses) or an
address. Run `python3 samples/except_fh4/gen_fh4.py` after changing this file; build_samples.py
assembles the result.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# Header bits of FuncInfo4 and HandlerType4
IS_CATCH, IS_SEPARATED, UNWIND_MAP, TRY_BLOCK_MAP, EHS, NO_EXCEPT = 0x01, 0x02, 0x08, 0x10, 0x20, 0x40
H_ADJECTIVES, H_TYPE, H_CATCH_OBJ, H_CONT_RVA, H_CONT_ONE, H_CONT_TWO = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20
NO_UW, DTOR_OBJECT, DTOR_POINTER, FUNCLET = 0, 1, 2, 3
IS_REFERENCE = 0x8
DISP_FRAME = 0x38

NOISY_CTOR = '"??0Noisy@@QEAA@PEBD@Z"'
NOISY_DTOR = '"??1Noisy@@QEAA@XZ"'
COUNTED_DTOR = '"??1Counted@@QEAA@XZ"'
TD_INT, TD_BASE, TD_COUNTED, TD_BASE_PTR = '"??_R0H@8"', '"??_R0?AUBase@@@8"', '"??_R0?AUCounted@@@8"', \
    '"??_R0PEAUBase@@@8"'
TD_RIGHT = '"??_R0?AURight@@@8"'


class Int:
    """A compressed unsigned integer, in its shortest form or in `width` bytes."""

    def __init__(self, value: int, width: int | None = None):
        self.value, self.width = value, width

    def encode(self) -> list[int]:
        v = self.value
        width = self.width or next(w for w, limit in ((1, 1 << 7), (2, 1 << 14), (3, 1 << 21), (4, 1 << 28),
                                                      (5, 1 << 32)) if v < limit)
        if width == 5:
            return [0x0F, *v.to_bytes(4, "little")]
        assert v < 1 << (7 * width)
        word = (v << width) | ((1 << (width - 1)) - 1)      # the low bits: 0, 01, 011, 0111
        return list(word.to_bytes(width, "little"))


class Rva:
    def __init__(self, symbol: str):
        self.symbol = symbol


def emit(items: list) -> list[str]:
    """Assembler lines for a stream of bytes, compressed ints and RVAs."""
    lines, run = [], []
    for item in items:
        if isinstance(item, Rva):
            if run:
                lines.append("    .byte " + ", ".join(f"0x{b:02x}" for b in run))
                run = []
            lines.append(f"    .rva {item.symbol}")
        else:
            run += item.encode() if isinstance(item, Int) else [item]
    if run:
        lines.append("    .byte " + ", ".join(f"0x{b:02x}" for b in run))
    return lines


def size(items: list) -> int:
    return sum(4 if isinstance(i, Rva) else len(i.encode()) if isinstance(i, Int) else 1 for i in items)


class Out:
    def __init__(self):
        self.text: list[str] = []
        self.data: list[str] = []
        self.strings: dict[str, str] = {}

    def string(self, s: str) -> str:
        if s not in self.strings:
            self.strings[s] = f"S{len(self.strings)}"
        return self.strings[s]

    def table(self, label: str, items: list):
        self.data += [f"{label}:", *emit(items)]

    def unwind_map(self, label: str, entries: list):
        """entries: (to_state, kind, action, object) per state from 0."""
        items, starts = [], []
        for state, (to, kind, action, obj) in enumerate(entries):
            starts.append(size(items))
            # nextOffset: from this entry back to the entry of the state it goes to; state -1
            # is before the first entry.
            back = starts[state] - starts[to] if to >= 0 else starts[state] + 1
            items.append(Int(back << 2 | kind))
            if kind in (DTOR_OBJECT, DTOR_POINTER):
                items += [Rva(action), Int(obj)]
            elif kind == FUNCLET:
                items.append(Rva(action))
        self.table(label, [Int(len(entries)), *items])

    def ip_map(self, label: str, entries: list, widths: dict | None = None):
        """entries: (offset from the function's start, state); widths: {index: width of its state}."""
        items, at = [Int(len(entries))], 0
        for i, (offset, state) in enumerate(entries):
            items += [Int(offset - at), Int(state + 1, (widths or {}).get(i))]
            at = offset
        self.table(label, items)

    def handlers(self, label: str, handlers: list):
        """handlers: dicts with handler, and optionally adjectives, type, obj, cont (offsets),
        cont_rva (symbols)."""
        items = [Int(len(handlers))]
        for h in handlers:
            header = (H_ADJECTIVES if "adjectives" in h else 0) | (H_TYPE if "type" in h else 0) \
                | (H_CATCH_OBJ if "obj" in h else 0)
            conts = h.get("cont", h.get("cont_rva", []))
            header |= (H_CONT_RVA if "cont_rva" in h else 0) | {0: 0, 1: H_CONT_ONE, 2: H_CONT_TWO}[len(conts)]
            items.append(header)
            if "adjectives" in h:
                items.append(Int(h["adjectives"]))
            if "type" in h:
                items.append(Rva(h["type"]))
            if "obj" in h:
                items.append(Int(h["obj"]))
            items.append(Rva(h["handler"]))
            items += [Rva(c) for c in conts] if "cont_rva" in h else [Int(c) for c in conts]
        self.table(label, items)

    def try_map(self, label: str, blocks: list, count_width: int | None = None):
        """blocks, innermost first: (tryLow, tryHigh, catchHigh, handler array label[, widths])."""
        items = [Int(len(blocks), count_width)]
        for block in blocks:
            low, high, catch, handlers = block[:4]
            w = block[4] if len(block) > 4 else (None, None, None)
            items += [Int(low, w[0]), Int(high, w[1]), Int(catch, w[2]), Rva(handlers)]
        self.table(label, items)

    def func_info(self, label: str, header: int, unwind: str | None, tries: str | None, ip: str,
                  disp_frame: int | None = None):
        header |= (UNWIND_MAP if unwind else 0) | (TRY_BLOCK_MAP if tries else 0) | (IS_CATCH if disp_frame else 0)
        items = [header] + ([Rva(unwind)] if unwind else []) + ([Rva(tries)] if tries else []) + [Rva(ip)]
        if disp_frame:
            items.append(Int(disp_frame))
        self.table(label, items)

    def function(self, name: str, body: str, frame: int, info: str | None, global_: bool = False,
                 prologue: bool = True):
        """A function in its own section; `frame` bytes below a pushed rbx (prologue=False: the same
        frame described for a segment that has no prologue of its own)."""
        t = self.text
        t += [f"    .section .text$fh4_{name},\"xr\"", "    .p2align 4"]
        if global_:
            t += [f"    .globl {name}", f"    .def {name}; .scl 2; .type 32; .endef"]
        t += [f"{name}:", f"    .seh_proc {name}"]
        if prologue:
            t += ["    push rbx", "    .seh_pushreg rbx", f"    sub rsp, {frame:#x}", f"    .seh_stackalloc {frame:#x}"]
        else:
            t += ["    .seh_pushreg rbx", f"    .seh_stackalloc {frame:#x}"]
        t += ["    .seh_endprologue", *body.strip("\n").splitlines()]
        self._end(name, info)

    def funclet(self, name: str, body: str, info: str | None, result: str = "xor eax, eax"):
        """A catch funclet (info: its FuncInfo4) or a cleanup funclet (info None), called with the
        function's frame in rdx, which it keeps in rbp."""
        t = self.text
        t += [f"    .section .text$fh4_{name},\"xr\"", "    .p2align 4", f"{name}:", f"    .seh_proc {name}",
              "    mov [rsp+0x10], rdx", "    push rbp", "    .seh_pushreg rbp", "    sub rsp, 0x20",
              "    .seh_stackalloc 0x20", "    .seh_endprologue", "    mov rbp, rdx", *body.strip("\n").splitlines(),
              f"    {result}", "    add rsp, 0x20", "    pop rbp", "    ret"]
        self._end(name, info)

    def _end(self, name: str, info: str | None):
        if info:
            self.text += ["    .seh_handler __CxxFrameHandler4, @unwind, @except", "    .seh_handlerdata",
                          f"    .rva {info}", f"    .section .text$fh4_{name},\"xr\""]
        self.text += ["    .seh_endproc", ""]

    def catch_funclet(self, name: str, body: str, state: int, unwind: str, tries: str, result: str = "xor eax, eax",
                      ip: list | None = None):
        """A catch funclet with its FuncInfo4 (isCatch, the function's unwind and try-block maps, an
        IP-to-state map of its own: the catch block's state unless `ip` says more)."""
        self.ip_map(f"IP_{name}", ip or [(0, state)])
        self.func_info(f"FI_{name}", 0, unwind, tries, f"IP_{name}", disp_frame=DISP_FRAME)
        self.funclet(name, body, f"FI_{name}", result)

    def say(self, text: str) -> str:
        return f"    lea rcx, [rip+{self.string(text)}]\n    call Say\n"

    def say_number(self, text: str, value: str) -> str:
        """value: an operand movsxd/mov can load into rdx."""
        load = f"    movsxd rdx, dword ptr {value}\n" if "dword" not in value and "[" in value else ""
        load = load or f"    mov rdx, {value}\n"
        return load + f"    lea rcx, [rip+{self.string(text)}]\n    call SayNumber\n"

    def noisy(self, slot: str, name: str) -> str:
        return f"    lea rcx, {slot}\n    lea rdx, [rip+{self.string(name)}]\n    call {NOISY_CTOR}\n"


def catch_typed(o: Out):
    """Fh4CatchTyped(kind, v): a Noisy local, a try around ThrowKind with five typed catches
    (int, Base&, Counted by value, Base*, Right&) and no catch(...). Catch objects far into a 0x400 frame:
    two-byte dispCatchObj."""
    name = "Fh4CatchTyped"
    o.function(name, f"""
    mov [rsp+0x20], ecx
    mov [rsp+0x24], edx
    mov qword ptr [rsp+0x28], -1
{o.noisy("[rsp+0x30]", "in Fh4CatchTyped")}
    .org 0x40, 0x90
    nop
    .org 0x50, 0x90
    mov ecx, [rsp+0x20]
    mov edx, [rsp+0x24]
    call ThrowKind
    mov qword ptr [rsp+0x28], 0
    .org 0x70, 0x90
    lea rcx, [rsp+0x30]
    call {NOISY_DTOR}
    mov rax, [rsp+0x28]
    .org 0x90, 0x90
    add rsp, 0x400
    pop rbx
    ret
""", 0x400, f"FI_{name}", global_=True)
    o.ip_map(f"IP_{name}", [(0, -1), (0x40, 0), (0x50, 1), (0x70, 0), (0x90, -1)])
    o.unwind_map(f"UW_{name}", [(-1, DTOR_OBJECT, NOISY_DTOR, 0x30), (0, NO_UW, None, 0), (0, NO_UW, None, 0)])
    o.handlers(f"H_{name}", [
        dict(type=TD_INT, obj=0x300, handler=f"{name}_catch_int", cont=[0x70]),
        dict(adjectives=IS_REFERENCE, type=TD_BASE, obj=0x308, handler=f"{name}_catch_base_ref", cont=[0x70]),
        dict(type=TD_COUNTED, obj=0x310, handler=f"{name}_catch_counted", cont=[0x70]),
        dict(type=TD_BASE_PTR, obj=0x318, handler=f"{name}_catch_base_ptr", cont=[0x70]),
        dict(adjectives=IS_REFERENCE, type=TD_RIGHT, obj=0x320, handler=f"{name}_catch_right_ref", cont=[0x70]),
    ])
    o.try_map(f"TB_{name}", [(1, 1, 2, f"H_{name}")])
    o.func_info(f"FI_{name}", EHS, f"UW_{name}", f"TB_{name}", f"IP_{name}")
    uw, tb = f"UW_{name}", f"TB_{name}"
    o.catch_funclet(f"{name}_catch_int", o.say_number("caught int ", "[rbp+0x300]")
                    + "    movsxd rax, dword ptr [rbp+0x300]\n    mov [rbp+0x28], rax\n"
                    "    call ReportCurrentException\n",
                    2, uw, tb)
    o.catch_funclet(f"{name}_catch_base_ref", "    mov rcx, [rbp+0x308]\n    call BaseValue\n    cdqe\n"
                    "    mov [rbp+0x28], rax\n" + o.say_number("caught Base& (v * 16 + Kind) ", "rax"), 2, uw, tb)
    o.catch_funclet(f"{name}_catch_counted", o.say_number("caught Counted by value, id ", "[rbp+0x310]")
                    + "    movsxd rax, dword ptr [rbp+0x310]\n    mov [rbp+0x28], rax\n"
                    "    call LiveCounted\n    cdqe\n" + o.say_number("live Counted objects in the catch ", "rax")
                    + f"    lea rcx, [rbp+0x310]\n    call {COUNTED_DTOR}\n", 2, uw, tb)
    o.catch_funclet(f"{name}_catch_base_ptr", "    mov rcx, [rbp+0x318]\n    call BaseValue\n    cdqe\n"
                    "    mov [rbp+0x28], rax\n" + o.say_number("caught Base* (v * 16 + Kind) ", "rax"), 2, uw, tb)
    o.catch_funclet(f"{name}_catch_right_ref", "    mov rcx, [rbp+0x320]\n    call RightValue\n    cdqe\n"
                    "    mov [rbp+0x28], rax\n" + o.say_number("caught Right& of a Both: its r ", "rax"), 2, uw, tb)


def catcher(o: Out):
    """Fh4Catcher(fn, a, b): fn(a, b) in a try with catch(int) and catch(...); the continuation
    0x100 bytes into the function (two-byte IP delta and continuation offset)."""
    _catcher(o, "Fh4Catcher", EHS, -2)


def async_catcher(o: Out):
    """Fh4AsyncCatcher(fn, a, b): Fh4Catcher's shape built /EHa (no EHs bit in its header): a
    structured exception out of fn goes to the thread's translator, then to catch(...)."""
    _catcher(o, "Fh4AsyncCatcher", 0, -3)


def _catcher(o: Out, name: str, flags: int, dotdot: int):
    """The catching function `name` with the FuncInfo4 header `flags`; its catch(...) returns `dotdot`."""
    o.function(name, """
    mov [rsp+0x20], rcx
    mov [rsp+0x28], rdx
    mov [rsp+0x30], r8
    .org 0x20, 0x90
    mov rcx, [rsp+0x28]
    mov rdx, [rsp+0x30]
    call qword ptr [rsp+0x20]
    mov [rsp+0x38], rax
    .org 0x100, 0x90
    mov rax, [rsp+0x38]
    add rsp, 0x100
    pop rbx
    ret
""", 0x100, f"FI_{name}", global_=True)
    o.ip_map(f"IP_{name}", [(0, -1), (0x20, 0), (0x100, -1)])
    o.unwind_map(f"UW_{name}", [(-1, NO_UW, None, 0), (-1, NO_UW, None, 0)])
    o.handlers(f"H_{name}", [dict(type=TD_INT, obj=0x40, handler=f"{name}_catch_int", cont=[0x100]),
                             dict(handler=f"{name}_catch_all", cont=[0x100])])
    o.try_map(f"TB_{name}", [(0, 0, 1, f"H_{name}")])
    o.func_info(f"FI_{name}", flags, f"UW_{name}", f"TB_{name}", f"IP_{name}")
    uw, tb = f"UW_{name}", f"TB_{name}"
    o.catch_funclet(f"{name}_catch_int", o.say_number(f"{name} caught int ", "[rbp+0x40]")
                    + "    movsxd rax, dword ptr [rbp+0x40]\n    mov [rbp+0x38], rax\n", 1, uw, tb)
    o.catch_funclet(f"{name}_catch_all", o.say(f"{name} caught (...)\n")
                    + f"    mov qword ptr [rbp+0x38], {dotdot}\n", 1, uw, tb)


def dtors(o: Out):
    """Fh4Dtors(v): a; { b; } c (through a pointer in the frame); d (by a cleanup funclet); then
    ThrowInt(v), no try: the unwind map's three action kinds, c's entry going back past b's."""
    name = "Fh4Dtors"
    o.function(name, f"""
    mov [rsp+0x20], rcx
{o.noisy("[rsp+0x40]", "a, by its frame offset")}
    .org 0x40, 0x90
{o.noisy("[rsp+0x48]", "b, whose scope ends")}
    .org 0x60, 0x90
{o.say("  b's scope ends" + chr(10))}
    .org 0x80, 0x90
    lea rcx, [rsp+0x48]
    call {NOISY_DTOR}
{o.noisy("[rsp+0x50]", "c, through a pointer in the frame")}
    .org 0xa0, 0x90
    lea rax, [rsp+0x50]
    mov [rsp+0x58], rax
{o.noisy("[rsp+0x60]", "d, by a cleanup funclet")}
    .org 0xc0, 0x90
    nop
    .org 0xd0, 0x90
    mov rcx, [rsp+0x20]
    call ThrowInt
    nop
    .org 0xf0, 0x90
    add rsp, 0x100
    pop rbx
    ret
""", 0x100, f"FI_{name}", global_=True)
    o.ip_map(f"IP_{name}", [(0, -1), (0x40, 0), (0x60, 1), (0x80, 0), (0xa0, 2), (0xc0, 3), (0xd0, 4), (0xf0, -1)])
    o.unwind_map(f"UW_{name}", [(-1, DTOR_OBJECT, NOISY_DTOR, 0x40), (0, DTOR_OBJECT, NOISY_DTOR, 0x48),
                                (0, DTOR_POINTER, NOISY_DTOR, 0x58), (2, FUNCLET, f"{name}_dtor_d", 0),
                                (3, NO_UW, None, 0)])
    o.func_info(f"FI_{name}", EHS, f"UW_{name}", None, f"IP_{name}")
    o.funclet(f"{name}_dtor_d", f"    lea rcx, [rbp+0x60]\n    call {NOISY_DTOR}\n", None)


def nested(o: Out, name: str, inner: dict, outer: dict, throw: str, inner_body: str, outer_body: str,
           count_width=None, widths=None, state_widths=None, inner_noisy: str | None = None):
    """try { try { [Noisy r;] throw } catch (inner) {...} } catch (outer) {...}: states 0 outer
    try, 1 inner try, [2 r,] then the inner catch's and the outer catch's."""
    k = 1 if inner_noisy else 0             # the states after the inner try's object move up by one
    ctor = o.noisy("[rsp+0x40]", inner_noisy) if inner_noisy else "    nop"
    o.function(name, f"""
    mov [rsp+0x20], rcx
    mov qword ptr [rsp+0x28], -1
    .org 0x20, 0x90
    nop
    .org 0x28, 0x90
{ctor}
    .org 0x48, 0x90
{throw}
    nop
    .org 0x60, 0x90
    nop
    .org 0x70, 0x90
    mov rax, [rsp+0x28]
    add rsp, 0x100
    pop rbx
    ret
""", 0x100, f"FI_{name}", global_=True)
    o.ip_map(f"IP_{name}", [(0, -1), (0x20, 0), (0x28, 1), (0x48, 1 + k), (0x60, 0), (0x70, -1)], state_widths)
    o.unwind_map(f"UW_{name}", [(-1, NO_UW, None, 0), (0, NO_UW, None, 0)]
                 + ([(1, DTOR_OBJECT, NOISY_DTOR, 0x40)] if inner_noisy else [])
                 + [(0, NO_UW, None, 0), (-1, NO_UW, None, 0)])
    o.handlers(f"HI_{name}", [dict(inner, handler=f"{name}_catch_inner", cont=[0x60])])
    o.handlers(f"HO_{name}", [dict(outer, handler=f"{name}_catch_outer", cont=[0x70])])
    o.try_map(f"TB_{name}", [(1, 1 + k, 2 + k, f"HI_{name}", widths or (None, None, None)),
                             (0, 2 + k, 3 + k, f"HO_{name}")], count_width)
    o.func_info(f"FI_{name}", EHS, f"UW_{name}", f"TB_{name}", f"IP_{name}")
    o.catch_funclet(f"{name}_catch_inner", inner_body, 2 + k, f"UW_{name}", f"TB_{name}")
    o.catch_funclet(f"{name}_catch_outer", outer_body, 3 + k, f"UW_{name}", f"TB_{name}")


def try_in_catch(o: Out):
    """Fh4TryInCatch(v): try { ThrowKind(int) } catch (int x) { try { ThrowKind(Derived, x + 1) }
    catch (Base &b) {...} ... x ... }: the inner try's states (2, its catch 3) inside the outer
    catch's (1); the inner catch resumes in the outer catch funclet, at an offset from its start."""
    name = "Fh4TryInCatch"
    o.function(name, """
    mov [rsp+0x20], rcx
    mov qword ptr [rsp+0x28], -1
    .org 0x20, 0x90
    xor ecx, ecx
    mov edx, [rsp+0x20]
    call ThrowKind
    nop
    .org 0x40, 0x90
    mov rax, [rsp+0x28]
    add rsp, 0x100
    pop rbx
    ret
""", 0x100, f"FI_{name}", global_=True)
    o.ip_map(f"IP_{name}", [(0, -1), (0x20, 0), (0x40, -1)])
    o.unwind_map(f"UW_{name}", [(-1, NO_UW, None, 0), (-1, NO_UW, None, 0), (1, NO_UW, None, 0),
                                (1, NO_UW, None, 0)])
    o.handlers(f"HI_{name}", [dict(adjectives=IS_REFERENCE, type=TD_BASE, obj=0x38, handler=f"{name}_catch_inner",
                                   cont=[0x40])])
    o.handlers(f"HO_{name}", [dict(type=TD_INT, obj=0x30, handler=f"{name}_catch_outer", cont=[0x40])])
    o.try_map(f"TB_{name}", [(2, 2, 3, f"HI_{name}"), (0, 0, 3, f"HO_{name}")])
    o.func_info(f"FI_{name}", EHS, f"UW_{name}", f"TB_{name}", f"IP_{name}")
    uw, tb = f"UW_{name}", f"TB_{name}"
    o.catch_funclet(f"{name}_catch_outer", o.say_number("catch(int) got ", "[rbp+0x30]") + """
    .org 0x20, 0x90
    mov ecx, 1
    mov edx, [rbp+0x30]
    add edx, 1
    call ThrowKind
    nop
    .org 0x40, 0x90
""" + o.say_number("the outer catch still has x = ", "[rbp+0x30]") + """
    movsxd rax, dword ptr [rbp+0x30]
    add [rbp+0x28], rax
    .org 0x60, 0x90
""", 1, uw, tb, ip=[(0, 1), (0x20, 2), (0x40, 1), (0x60, -1)])
    o.catch_funclet(f"{name}_catch_inner", "    mov rcx, [rbp+0x38]\n    call BaseValue\n    cdqe\n"
                    "    mov [rbp+0x28], rax\n"
                    + o.say_number("inner catch(Base&) inside the catch block: v * 16 + Kind ", "rax"), 3, uw, tb)


def throw_from_nested_catch(o: Out):
    """Fh4ThrowFromNestedCatch(v): try { ThrowKind(int) } catch (int x) { try { ThrowKind(Derived, x) }
    catch (Base &) { Noisy z; ThrowInt(x + 2); } }: the int leaves both catch blocks for the caller;
    z, a local of the inner catch block (state 4), is destroyed once."""
    name = "Fh4ThrowFromNestedCatch"
    o.function(name, """
    mov [rsp+0x20], rcx
    .org 0x20, 0x90
    xor ecx, ecx
    mov edx, [rsp+0x20]
    call ThrowKind
    nop
    .org 0x40, 0x90
    xor eax, eax
    add rsp, 0x100
    pop rbx
    ret
""", 0x100, f"FI_{name}", global_=True)
    o.ip_map(f"IP_{name}", [(0, -1), (0x20, 0), (0x40, -1)])
    o.unwind_map(f"UW_{name}", [(-1, NO_UW, None, 0), (-1, NO_UW, None, 0), (1, NO_UW, None, 0),
                                (1, NO_UW, None, 0), (3, DTOR_OBJECT, NOISY_DTOR, 0x40)])
    o.handlers(f"HI_{name}", [dict(adjectives=IS_REFERENCE, type=TD_BASE, obj=0x38, handler=f"{name}_catch_inner",
                                   cont=[0x40])])
    o.handlers(f"HO_{name}", [dict(type=TD_INT, obj=0x30, handler=f"{name}_catch_outer", cont=[0x40])])
    o.try_map(f"TB_{name}", [(2, 2, 4, f"HI_{name}"), (0, 0, 4, f"HO_{name}")])
    o.func_info(f"FI_{name}", EHS, f"UW_{name}", f"TB_{name}", f"IP_{name}")
    uw, tb = f"UW_{name}", f"TB_{name}"
    o.catch_funclet(f"{name}_catch_outer", o.say_number("catch(int) got ", "[rbp+0x30]") + """
    .org 0x20, 0x90
    mov ecx, 1
    mov edx, [rbp+0x30]
    call ThrowKind
    nop
    .org 0x40, 0x90
""", 1, uw, tb, ip=[(0, 1), (0x20, 2), (0x40, 1)])
    o.catch_funclet(f"{name}_catch_inner", o.say("inner catch(Base&): throwing an int" + chr(10))
                    + o.noisy("[rbp+0x40]", "in the inner catch block") + """
    .org 0x40, 0x90
    mov ecx, [rbp+0x30]
    add ecx, 2
    call ThrowInt
    nop
    .org 0x60, 0x90
""", 3, uw, tb, ip=[(0, 3), (0x40, 4), (0x60, 3)])


def separated(o: Out):
    """Fh4Separated(v): the try's code is a separated segment (a .pdata function of its own with
    the same frame and handler data); isSeparated: the FuncInfo4's IP-to-state map is a segment
    table, and the continuation is an RVA."""
    name = "Fh4Separated"
    o.function(name, """
    mov [rsp+0x20], rcx
    mov qword ptr [rsp+0x28], -1
    .org 0x20, 0x90
    jmp Fh4SeparatedCold
    .org 0x40, 0x90
Fh4Separated_after:
    mov rax, [rsp+0x28]
    add rsp, 0x100
    pop rbx
    ret
""", 0x100, f"FI_{name}", global_=True)
    o.function("Fh4SeparatedCold", """
    mov ecx, [rsp+0x20]
    call ThrowInt
    nop
    jmp Fh4Separated_after
    .org 0x20, 0x90
""", 0x100, f"FI_{name}", prologue=False)
    o.ip_map(f"IP_{name}", [(0, -1), (0x20, 0), (0x40, -1)])
    o.ip_map(f"IPC_{name}", [(0, 0), (0x20, -1)])
    o.table(f"SEG_{name}", [Int(2), Rva(name), Rva(f"IP_{name}"), Rva("Fh4SeparatedCold"), Rva(f"IPC_{name}")])
    o.unwind_map(f"UW_{name}", [(-1, NO_UW, None, 0), (-1, NO_UW, None, 0)])
    o.handlers(f"H_{name}", [dict(type=TD_INT, obj=0x30, handler=f"{name}_catch_int",
                                  cont_rva=["Fh4Separated_after"])])
    o.try_map(f"TB_{name}", [(0, 0, 1, f"H_{name}")])
    o.func_info(f"FI_{name}", EHS | IS_SEPARATED, f"UW_{name}", f"TB_{name}", f"SEG_{name}")
    o.catch_funclet(f"{name}_catch_int", o.say_number("caught the int thrown in a separated segment ", "[rbp+0x30]")
                    + "    movsxd rax, dword ptr [rbp+0x30]\n    mov [rbp+0x28], rax\n", 1, f"UW_{name}",
                    f"TB_{name}")


def continuations(o: Out):
    """Fh4Continuations(v): a catch clause with two continuation addresses (its funclet returns
    the index: v's low bit), then a try whose catch clause has none (its funclet returns the
    address)."""
    name = "Fh4Continuations"
    o.function(name, f"""
    mov [rsp+0x20], rcx
    mov qword ptr [rsp+0x28], 0
    .org 0x20, 0x90
    xor ecx, ecx
    mov edx, [rsp+0x20]
    call ThrowKind
    nop
    .org 0x40, 0x90
    nop
    .org 0x60, 0x90
{o.say("continuation address 0 (v is even)" + chr(10))}
    add qword ptr [rsp+0x28], 0x1000
    jmp Fh4Continuations_b
    .org 0x80, 0x90
{o.say("continuation address 1 (v is odd)" + chr(10))}
    add qword ptr [rsp+0x28], 0x2000
    jmp Fh4Continuations_b
    .org 0xa0, 0x90
Fh4Continuations_b:
    xor ecx, ecx
    mov edx, [rsp+0x20]
    call ThrowKind
    nop
    .org 0xc0, 0x90
Fh4Continuations_returned:
{o.say("resumed where the funclet said" + chr(10))}
    mov rax, [rsp+0x28]
    add rsp, 0x100
    pop rbx
    ret
""", 0x100, f"FI_{name}", global_=True)
    o.ip_map(f"IP_{name}", [(0, -1), (0x20, 0), (0x40, -1), (0xa0, 2), (0xc0, -1)])
    o.unwind_map(f"UW_{name}", [(-1, NO_UW, None, 0)] * 4)
    o.handlers(f"HA_{name}", [dict(type=TD_INT, obj=0x30, handler=f"{name}_catch_a", cont=[0x60, 0x80])])
    o.handlers(f"HB_{name}", [dict(type=TD_INT, obj=0x34, handler=f"{name}_catch_b")])
    o.try_map(f"TB_{name}", [(0, 0, 1, f"HA_{name}"), (2, 2, 3, f"HB_{name}")])
    o.func_info(f"FI_{name}", EHS, f"UW_{name}", f"TB_{name}", f"IP_{name}")
    uw, tb = f"UW_{name}", f"TB_{name}"
    o.catch_funclet(f"{name}_catch_a", o.say_number("catch A got ", "[rbp+0x30]")
                    + "    movsxd rax, dword ptr [rbp+0x30]\n    add [rbp+0x28], rax\n", 1, uw, tb,
                    result="mov eax, [rbp+0x30]\n    and eax, 1")
    o.catch_funclet(f"{name}_catch_b", o.say_number("catch B got ", "[rbp+0x34]")
                    + "    movsxd rax, dword ptr [rbp+0x34]\n    add [rbp+0x28], rax\n", 3, uw, tb,
                    result="lea rax, [rip+Fh4Continuations_returned]")


def no_except(o: Out):
    """Fh4Noexcept(v): a noexcept function (NoExcept in its header) with a Noisy local, calling
    ThrowInt: terminate() when the search reaches it, nothing unwound."""
    name = "Fh4Noexcept"
    o.function(name, f"""
    mov [rsp+0x20], rcx
{o.noisy("[rsp+0x30]", "in the noexcept function")}
    .org 0x40, 0x90
    mov ecx, [rsp+0x20]
    call ThrowInt
    nop
    .org 0x60, 0x90
    lea rcx, [rsp+0x30]
    call {NOISY_DTOR}
    .org 0x80, 0x90
    add rsp, 0x100
    pop rbx
    ret
""", 0x100, f"FI_{name}", global_=True)
    o.ip_map(f"IP_{name}", [(0, -1), (0x40, 0), (0x80, -1)])
    o.unwind_map(f"UW_{name}", [(-1, DTOR_OBJECT, NOISY_DTOR, 0x30)])
    o.func_info(f"FI_{name}", EHS | NO_EXCEPT, f"UW_{name}", None, f"IP_{name}")


def generate() -> str:
    o = Out()
    catch_typed(o)
    catcher(o)
    async_catcher(o)
    dtors(o)
    # Nested try blocks; the try-block map's count, the inner block's states and a state in the
    # IP map in longer forms than they need (5, 4, 3, 2 and 4 bytes).
    nested(o, "Fh4Nested", dict(adjectives=IS_REFERENCE, type=TD_BASE, obj=0x30), dict(type=TD_INT, obj=0x38),
           "    mov ecx, [rsp+0x20]\n    call ThrowInt",
           o.say("wrong: the inner catch(Base&)\n"),
           o.say_number("the outer catch(int) of the nested try got ", "[rbp+0x38]")
           + "    movsxd rax, dword ptr [rbp+0x38]\n    add rax, 0x100\n    mov [rbp+0x28], rax\n",
           count_width=5, widths=(4, 3, 2), state_widths={2: 4})
    nested(o, "Fh4Rethrow", dict(), dict(adjectives=IS_REFERENCE, type=TD_COUNTED, obj=0x38),
           "    mov ecx, 2\n    mov edx, [rsp+0x20]\n    call ThrowKind",
           o.say("catch(...): rethrow\n") + "    call RethrowCurrent\n",
           "    mov rax, [rbp+0x38]\n    movsxd rax, dword ptr [rax]\n    mov [rbp+0x28], rax\n"
           + o.say_number("outer catch(Counted&) after the rethrow: id ", "rax")
           + "    call LiveCounted\n    cdqe\n" + o.say_number("live Counted objects in the outer catch ", "rax"),
           inner_noisy="in the inner try")
    try_in_catch(o)
    throw_from_nested_catch(o)
    separated(o)
    continuations(o)
    no_except(o)
    strings = []
    for text, label in o.strings.items():
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        strings += [f"{label}:", f'    .asciz "{escaped}"']
    return "\n".join([
        "/* Generated by gen_fh4.py: except_fh4's catching functions and their __CxxFrameHandler4",
        " * tables (see gen_fh4.py for the layout). */",
        "    .intel_syntax noprefix", "", *o.text,
        "    .section .rdata$fh4,\"dr\"", *o.data, *strings, ""])


if __name__ == "__main__":
    with open(os.path.join(HERE, "fh4.S"), "w") as f:
        f.write(generate())
