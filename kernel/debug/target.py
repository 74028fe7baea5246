"""What the debugger looks at: the kernel, the process and thread in focus, their memory,
registers and symbols, and WinDbg-style address expressions."""
import ntpath
import re
import struct

from unicorn.x86_const import (
    UC_X86_REG_EFLAGS,
    UC_X86_REG_R8,
    UC_X86_REG_R9,
    UC_X86_REG_R10,
    UC_X86_REG_R11,
    UC_X86_REG_R12,
    UC_X86_REG_R13,
    UC_X86_REG_R14,
    UC_X86_REG_R15,
    UC_X86_REG_RAX,
    UC_X86_REG_RBP,
    UC_X86_REG_RBX,
    UC_X86_REG_RCX,
    UC_X86_REG_RDI,
    UC_X86_REG_RDX,
    UC_X86_REG_RIP,
    UC_X86_REG_RSI,
    UC_X86_REG_RSP,
)

from ..layouts import LAYOUTS, StructView
from ..mm.vad import MEM_IMAGE

KERNEL_SPACE = 0xFFFF800000000000
REGS = {"rax": UC_X86_REG_RAX, "rbx": UC_X86_REG_RBX, "rcx": UC_X86_REG_RCX, "rdx": UC_X86_REG_RDX,
        "rsi": UC_X86_REG_RSI, "rdi": UC_X86_REG_RDI, "rbp": UC_X86_REG_RBP, "rsp": UC_X86_REG_RSP,
        "r8": UC_X86_REG_R8, "r9": UC_X86_REG_R9, "r10": UC_X86_REG_R10, "r11": UC_X86_REG_R11,
        "r12": UC_X86_REG_R12, "r13": UC_X86_REG_R13, "r14": UC_X86_REG_R14, "r15": UC_X86_REG_R15,
        "rip": UC_X86_REG_RIP, "efl": UC_X86_REG_EFLAGS}
_TF_REGS = {"rax": "Rax", "rcx": "Rcx", "rdx": "Rdx", "r8": "R8", "r9": "R9", "r10": "R10", "r11": "R11",
            "rbx": "Rbx", "rdi": "Rdi", "rsi": "Rsi", "rbp": "Rbp", "rip": "Rip", "rsp": "Rsp", "efl": "EFlags"}


class DebugError(Exception):
    """A command the debugger cannot carry out; printed as one line, the session goes on."""


class Target:
    def __init__(self, kernel, process, thread, live: bool = False, where: str = "", context: bytes | None = None):
        self.kernel = kernel
        self.context = context          # at an exception: the CONTEXT it was raised in
        self.process = process
        self.thread = thread
        self.live = live                # True inside a CPU hook: registers come from the CPU
        self.where = where

    # -- memory
    def space_for(self, va: int):
        if va >= KERNEL_SPACE or self.process is None or self.process.space is None:
            return self.kernel.system
        return self.process.space

    def read(self, va: int, size: int) -> bytes:
        try:
            return self.space_for(va).read(va, size)
        except Exception as e:          # not mapped: the address space says how
            raise DebugError(f"Memory access error at {fmt_addr(va)}") from e

    def write(self, va: int, data) -> None:
        try:
            self.space_for(va).write(va, data)
        except Exception as e:
            raise DebugError(f"Memory access error at {fmt_addr(va)}") from e

    def try_read(self, va: int, size: int) -> bytes | None:
        try:
            return self.read(va, size)
        except DebugError:
            return None

    def q(self, va: int) -> int:
        return struct.unpack("<Q", self.read(va, 8))[0]

    def view(self, type_name: str, va: int) -> StructView:
        """A structure read through this target: an address that is not mapped is a
        "Memory access error" line, not a failure of the session."""
        return StructView(self, va, LAYOUTS[type_name])

    def unicode_string(self, us: StructView) -> str | None:
        if not us.Buffer or not us.Length:
            return "" if us.Buffer else None
        data = self.try_read(us.Buffer, min(us.Length, 0x1000))
        return None if data is None else data.decode("utf-16-le", "replace")

    # -- registers
    def registers(self) -> dict:
        if self.context is not None:
            names = ("rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12",
                     "r13", "r14", "r15")
            regs = dict(zip(names, struct.unpack_from("<16Q", self.context, 0x78), strict=True))
            regs["rip"] = struct.unpack_from("<Q", self.context, 0xF8)[0]
            regs["efl"] = struct.unpack_from("<I", self.context, 0x44)[0]
            return regs
        if self.live:
            uc = self.kernel.machine.uc
            return {name: uc.reg_read(reg) for name, reg in REGS.items()}
        if self.thread is None:
            return {}
        tf = StructView(self.kernel.system, self.thread.trap_frame, LAYOUTS["KTRAP_FRAME"])
        return {name: getattr(tf, field) for name, field in _TF_REGS.items()}

    # -- symbols: the exports of the modules in guest memory, and our guest kernel image's
    def modules(self) -> list:
        """The process's user modules as GuestModules: PEB->Ldr's InLoadOrderModuleList once the
        loader has built it, else the image views the kernel mapped (MEM_IMAGE VADs)."""
        p = self.process
        if p is None:
            return []
        peb = self.view("EPROCESS", p.address).Peb
        ldr = self.view("PEB", peb).Ldr if peb else 0
        rows = []
        if ldr:
            head = ldr + LAYOUTS["PEB_LDR_DATA"].offset("InLoadOrderModuleList")
            entry = self.q(head)
            while entry != head and entry and len(rows) < 4096:
                e = self.view("LDR_DATA_TABLE_ENTRY", entry)
                rows.append((self.unicode_string(e.BaseDllName) or "?", e.DllBase, e.SizeOfImage))
                entry = self.q(entry)
        if not rows and p.space is not None:
            rows = [(ntpath.basename(v.name), v.start, v.end - v.start) for v in p.space.vads if v.type == MEM_IMAGE]
        cache = self.kernel.__dict__.setdefault("_debug_modules", {})
        out = []
        for name, base, size in rows:
            key = (p.address, name, base, size)
            if key not in cache:
                cache[key] = GuestModule(self, name, base, size)
            out.append(cache[key])
        return out

    def module_at(self, va: int):
        for m in self.modules():
            if m.base <= va < m.base + m.size:
                return m
        return None

    def symbol(self, va: int) -> str:
        """module!name+0xoff, or module+0xoff, or the bare address."""
        candidates = []
        for m in self.modules():
            if m.base <= va < m.base + m.size:
                candidates.append((m.name.rsplit(".", 1)[0], m.base, m.exports.by_name if m.exports else {}))
        image = self.kernel.image
        if image.base <= va < image.base + image.size:
            candidates.append(("nt", image.base, {n: a - image.base for n, a in image.exports.items()}))
        for mod, base, exports in candidates:
            best = None
            for name, rva in exports.items():
                if base + rva <= va and (best is None or rva > best[1]):
                    best = (name, rva)
            if best is not None and va - (base + best[1]) < 0x10000:
                off = va - base - best[1]
                return f"{mod}!{best[0]}" + (f"+{off:#x}" if off else "")
            return f"{mod}+{va - base:#x}"
        return fmt_addr(va)

    def lookup(self, name: str) -> int:
        mod, _, sym = name.partition("!")
        if mod.lower() == "nt":
            exports = self.kernel.image.exports
            if sym in exports:
                return exports[sym]
            raise DebugError(f"Couldn't resolve symbol '{name}'")
        for m in self.modules():
            if m.name.lower().rsplit(".", 1)[0] == mod.lower() or m.name.lower() == mod.lower():
                if not sym:
                    return m.base
                rva = (m.exports.by_name if m.exports else {}).get(sym)
                if rva is not None:
                    return m.base + rva
        raise DebugError(f"Couldn't resolve symbol '{name}'")

    # -- expressions: hex numbers (with ` separators), 0n decimal, @$peb/@$teb/@$proc/@$thread/
    #    @$prcb/@$pcr, @register, module!symbol, and + - between terms
    def evaluate(self, text: str) -> int:
        text = text.strip()
        if not text:
            raise DebugError("Missing expression")
        total, sign = 0, 1
        for token in re.findall(r"[+-]|[^+\-\s]+", text.replace("`", "")):
            if token in "+-":
                sign = 1 if token == "+" else -1
                continue
            total += sign * self._term(token)
            sign = 1
        return total & 0xFFFFFFFFFFFFFFFF

    def _term(self, t: str) -> int:
        low = t.lower()
        pseudo = {"@$peb": lambda: self.process.peb, "@$teb": lambda: self.thread.teb,
                  "@$proc": lambda: self.process.address, "@$thread": lambda: self.thread.address,
                  "@$pcr": lambda: self.kernel.processor.kpcr,
                  "@$prcb": lambda: self.kernel.processor.kpcr + LAYOUTS["KPCR"].offset("Prcb"),
                  "@$exentry": lambda: self.process.image_base + self.process.image.entry_rva}
        if low in pseudo:
            return pseudo[low]()
        if low.startswith("@"):
            regs = self.registers()
            if low[1:] in regs:
                return regs[low[1:]]
            raise DebugError(f"Bad register '{t}'")
        if "!" in t:
            return self.lookup(t)
        try:
            if low.startswith("0n"):
                return int(low[2:], 10)
            if low.startswith("0x"):
                return int(low, 16)
            return int(low, 16)
        except ValueError:
            pass
        try:
            return self.lookup(t + "!")
        except DebugError:
            raise DebugError(f"Couldn't resolve error at '{t}'") from None


class GuestModule:
    """A module as the debugger finds it in guest memory: its name, range and the exports its
    mapped export directory names (read once)."""

    def __init__(self, target: "Target", name: str, base: int, size: int):
        self.name = name
        self.base = base
        self.size = size
        self.exports = _Exports(read_export_names(target, base, size))


class _Exports:
    def __init__(self, by_name: dict):
        self.by_name = by_name


def read_export_names(target: "Target", base: int, size: int) -> dict:
    """name -> RVA from the IMAGE_EXPORT_DIRECTORY of the PE32+ image mapped at `base`."""
    try:
        nt = base + struct.unpack("<I", target.read(base + 0x3C, 4))[0]
        rva, length = struct.unpack("<II", target.read(nt + 0x18 + 0x70, 8))
        if not rva or rva + 40 > size:
            return {}
        _, _, _, _, _, _, functions, names, p_functions, p_names, p_ordinals = struct.unpack(
            "<IIHHIIIIIII", target.read(base + rva, 40))
        if names > 0x10000 or functions > 0x10000:
            return {}
        name_rvas = struct.unpack(f"<{names}I", target.read(base + p_names, 4 * names))
        ordinals = struct.unpack(f"<{names}H", target.read(base + p_ordinals, 2 * names))
        function_rvas = struct.unpack(f"<{functions}I", target.read(base + p_functions, 4 * functions))
        out = {}
        for name_rva, ordinal in zip(name_rvas, ordinals, strict=True):
            raw = target.read(base + name_rva, 256).split(b"\0", 1)[0]
            fn = function_rvas[ordinal] if ordinal < functions else 0
            if fn and not rva <= fn < rva + length:             # forwarders have no address here
                out[raw.decode("ascii", "replace")] = fn
        return out
    except DebugError:
        return {}


def fmt_addr(va: int) -> str:
    """WinDbg's 64-bit address form: 00007ff6`e4a00000."""
    return f"{(va >> 32) & 0xFFFFFFFF:08x}`{va & 0xFFFFFFFF:08x}"
