"""Addresses to module!symbol+offset: every loaded module's exports, plus the COFF symbol table
where the image keeps one (our own guest DLLs and kernel do), read with lief.

Modules come from the trace's image-load events: the kernel's (process 0) for kernel addresses,
each process's own for user addresses.
"""
import bisect

import lief

KERNEL_BASE = 0xFFFF800000000000
_SECTION_EXECUTE = 0x20000000


class ModuleSymbols:
    def __init__(self, name: str, base: int, size: int, path: str, file: str):
        self.name = name
        self.base = base
        self.size = size
        self.path = path                # the guest path
        self.file = file                # the host file it was mapped from
        self._rvas: list[int] | None = None
        self._names: list[str] = []

    def _load(self) -> None:
        found: dict[int, str] = {}
        binary = lief.parse(self.file) if self.file else None
        if isinstance(binary, lief.PE.Binary):
            sections = list(binary.sections)
            for sym in binary.symbols:
                idx = sym.section_idx
                name = sym.name
                if idx < 1 or idx > len(sections) or not name or name.startswith("."):
                    continue
                section = sections[idx - 1]
                if not section.characteristics & _SECTION_EXECUTE:
                    continue
                found.setdefault(section.virtual_address + sym.value, name)
            exports: dict[int, str] = {}
            for exp in binary.exported_functions:     # exports win: they are the public names
                if exp.name and (exp.address not in exports or exp.name < exports[exp.address]):
                    exports[exp.address] = exp.name      # of aliases (NtX, ZwX), the first by name
            found.update(exports)
        self._rvas = sorted(found)
        self._names = [found[r] for r in self._rvas]

    def symbolise(self, address: int) -> str:
        if self._rvas is None:
            self._load()
        rva = address - self.base
        i = bisect.bisect_right(self._rvas, rva) - 1
        if i < 0:
            return f"{self.name}+{rva:#x}"
        off = rva - self._rvas[i]
        return f"{self.name}!{self._names[i]}+{off:#x}" if off else f"{self.name}!{self._names[i]}"


class Symbolizer:
    def __init__(self):
        self._by_pid: dict[int, list[ModuleSymbols]] = {}
        self._files: dict[tuple, ModuleSymbols] = {}
        self._cache: dict[tuple, tuple] = {}

    def add(self, event: dict) -> None:
        key = (event["name"], event["base"], event["size"], event.get("file"))
        module = self._files.get(key)
        if module is None:
            module = self._files[key] = ModuleSymbols(event["name"], event["base"], event["size"],
                                                      event.get("path", ""), event.get("file", ""))
        self._by_pid.setdefault(event["pid"], []).append(module)
        self._cache.clear()

    def module_of(self, pid: int, address: int) -> ModuleSymbols | None:
        for module in self._by_pid.get(0 if address >= KERNEL_BASE else pid, ()):
            if module.base <= address < module.base + module.size:
                return module
        return None

    def lookup(self, pid: int, address: int) -> tuple[str, str]:
        """(module name or "", module!symbol+offset or the bare address)."""
        key = (pid if address < KERNEL_BASE else 0, address)
        hit = self._cache.get(key)
        if hit is None:
            module = self.module_of(pid, address)
            hit = ("", f"{address:#x}") if module is None else (module.name, module.symbolise(address))
            self._cache[key] = hit
        return hit

    def modules(self) -> list[ModuleSymbols]:
        """Every module seen, once, in load order."""
        seen, out = set(), []
        for mods in self._by_pid.values():
            for m in mods:
                if id(m) not in seen:
                    seen.add(id(m))
                    out.append(m)
        return out
