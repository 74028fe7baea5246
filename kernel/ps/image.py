"""Mapping images into a process (MmMapViewOfSection for image sections), binding their
imports, and recording them in PEB->Ldr the way the loader lists them."""
import os
import struct

from loader.exports import Exports, read_exports_cached
from loader.image import build_layout
from loader.imports import read_imports
from loader.pe import ImageFile, ImageRefused, parse_image

from ..ke.boot import GUEST_BIN
from ..layouts import LAYOUTS, StructView
from ..mm.pte import PAGE_SIZE, make_user_pte
from ..mm.vad import MEM_IMAGE, MM_HIGHEST_USER_ADDRESS, Vad
from ..status import (
    STATUS_CONFLICTING_ADDRESSES,
    STATUS_DLL_NOT_FOUND,
    STATUS_ENTRYPOINT_NOT_FOUND,
    STATUS_INVALID_IMAGE_FORMAT,
    STATUS_NO_MEMORY,
    STATUS_ORDINAL_NOT_FOUND,
    NtStatusError,
)

SYSTEM32 = "C:\\Windows\\System32\\"


class Module:
    """A module mapped into a process."""

    def __init__(self, name: str, path: str, image: ImageFile, base: int, size: int, entry: int,
                 exports: Exports):
        self.name = name                # base name, as BaseDllName
        self.path = path                # the guest path, as FullDllName
        self.image = image
        self.base = base
        self.size = size
        self.entry = entry              # 0 for none
        self.exports = exports
        self.ldr_entry = 0


_image_cache: dict[str, ImageFile] = {}


def open_guest_dll(name: str, search_dirs: list[str]) -> ImageFile | None:
    """Find a DLL: the application's folder first, then the guest system folder."""
    for folder in search_dirs + [GUEST_BIN]:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            key = os.path.realpath(path)
            if key not in _image_cache:
                with open(path, "rb") as f:
                    _image_cache[key] = parse_image(path, f.read())
            return _image_cache[key]
        lower = name.lower()
        if os.path.isdir(folder):
            for entry in os.listdir(folder):
                if entry.lower() == lower:
                    return open_guest_dll(entry, [folder])
    return None


def MmMapViewOfImageSection(space, image: ImageFile, name: str) -> tuple[int, int]:
    """Map at the preferred base when it is free and in user space, else where there is room."""
    size = (image.size_of_image + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)
    if size // PAGE_SIZE > space.pfn.available:     # refused before a byte of it is built
        raise NtStatusError(STATUS_NO_MEMORY, f"{name}: SizeOfImage {image.size_of_image:#x} is more than the "
                            "guest's free memory")
    base = image.image_base
    fits = base % 0x10000 == 0 and 0x10000 <= base and base + size <= MM_HIGHEST_USER_ADDRESS + 1
    if not fits or space.vads.overlaps(base, base + size):
        base = space.vads.find_free(size, highest=0x7FF000000000)
        if base is None:
            raise NtStatusError(STATUS_CONFLICTING_ADDRESSES)
    try:
        layout = build_layout(image, base)
    except ImageRefused as e:           # LdrRelocateImage's answer to relocations it cannot apply
        raise NtStatusError(STATUS_INVALID_IMAGE_FORMAT, f"{name}: {e}") from e
    pfn = space.pfn
    phys = space.phys
    for i, prot in enumerate(layout.protections):
        frame = pfn.allocate(zero=False)
        phys.write(frame, layout.data[i * PAGE_SIZE:(i + 1) * PAGE_SIZE])
        space.tables.set(base + i * PAGE_SIZE, make_user_pte(frame, prot))
    space.vads.insert(Vad(base, base + size, MEM_IMAGE, 0x80, name))   # PAGE_EXECUTE_WRITECOPY
    return base, size


def map_module(process, image: ImageFile, name: str, path: str) -> Module:
    space = process.space
    base, size = MmMapViewOfImageSection(space, image, path)
    entry = base + image.entry_rva if image.entry_rva else 0
    module = Module(name, path, image, base, size, entry, read_exports_cached(image.pe, image.data))
    process.modules.append(module)
    return module


def resolve_export(process, module: Module, name: str | None, ordinal: int | None, search_dirs, depth=0) -> int:
    exp = module.exports
    key = name if name is not None else ordinal
    if key in exp.forwarders and depth < 8:
        target_dll, _, target = exp.forwarders[key].partition(".")
        target_mod = load_dll(process, target_dll + ".dll", search_dirs)
        if target.startswith("#"):
            return resolve_export(process, target_mod, None, int(target[1:]), search_dirs, depth + 1)
        return resolve_export(process, target_mod, target, None, search_dirs, depth + 1)
    if name is not None:
        rva = exp.by_name.get(name)
        if rva is None:
            raise NtStatusError(STATUS_ENTRYPOINT_NOT_FOUND, f"{name} not found in {module.name}")
    else:
        rva = exp.by_ordinal.get(ordinal)
        if rva is None:
            raise NtStatusError(STATUS_ORDINAL_NOT_FOUND, f"ordinal {ordinal} not found in {module.name}")
    return module.base + rva


def load_dll(process, name: str, search_dirs: list[str]) -> Module:
    for m in process.modules:
        if m.name.lower() == name.lower():
            return m
    image = open_guest_dll(name, search_dirs)
    if image is None:
        raise NtStatusError(STATUS_DLL_NOT_FOUND, f"{name} was not found")
    module = map_module(process, image, os.path.basename(image.path), SYSTEM32 + os.path.basename(image.path))
    snap_imports(process, module, search_dirs)
    process.init_order.append(module)
    return module


def snap_imports(process, module: Module, search_dirs: list[str]) -> None:
    """LdrpSnapModule: write each import's address into the module's IAT."""
    space = process.space
    for imp in read_imports(module.image.pe):
        target = load_dll(process, imp.dll, search_dirs)
        address = resolve_export(process, target, imp.name, imp.ordinal, search_dirs)
        space.write(module.base + imp.iat_rva, struct.pack("<Q", address))


def _unicode_string(space, view, text: str, buffer_va: int) -> int:
    data = text.encode("utf-16-le") + b"\0\0"
    space.write(buffer_va, data)
    view.Length = len(data) - 2
    view.MaximumLength = len(data)
    view.Buffer = buffer_va
    return buffer_va + ((len(data) + 15) & ~15)


def build_loader_lists(process, ldr_va: int, cursor: int) -> int:
    """PEB_LDR_DATA and one LDR_DATA_TABLE_ENTRY per module: load order, memory order, and
    initialisation order (dependencies first, the image itself not included)."""
    space = process.space
    ldr = StructView(space, ldr_va, LAYOUTS["PEB_LDR_DATA"])
    ldr.Length = LAYOUTS["PEB_LDR_DATA"].size
    heads = {n: ldr.field_address(n) for n in ("InLoadOrderModuleList", "InMemoryOrderModuleList",
                                               "InInitializationOrderModuleList")}
    links = {"InLoadOrderModuleList": "InLoadOrderLinks", "InMemoryOrderModuleList": "InMemoryOrderLinks",
             "InInitializationOrderModuleList": "InInitializationOrderLinks"}
    entry_layout = LAYOUTS["LDR_DATA_TABLE_ENTRY"]
    for module in process.modules:
        module.ldr_entry = cursor
        cursor += (entry_layout.size + 15) & ~15
        e = StructView(space, module.ldr_entry, entry_layout)
        e.DllBase = module.base
        e.EntryPoint = module.entry
        e.SizeOfImage = module.size
        e.ObsoleteLoadCount = 0xFFFF
        e.TimeDateStamp = module.image.pe.FILE_HEADER.TimeDateStamp
        e.OriginalBase = module.image.image_base
        e.Flags = 0x4 if module.image.is_dll else 0     # LDRP_IMAGE_DLL
        cursor = _unicode_string(space, e.FullDllName, module.path, cursor)
        cursor = _unicode_string(space, e.BaseDllName, module.name, cursor)
        hl = e.field_address("HashLinks")
        space.write(hl, struct.pack("<QQ", hl, hl))

    def chain(head: str, modules: list[Module]) -> None:
        link_off = entry_layout.offset(links[head])
        nodes = [heads[head]] + [m.ldr_entry + link_off for m in modules]
        for i, node in enumerate(nodes):
            space.write(node, struct.pack("<QQ", nodes[(i + 1) % len(nodes)], nodes[i - 1]))

    chain("InLoadOrderModuleList", process.modules)
    chain("InMemoryOrderModuleList", process.modules)
    chain("InInitializationOrderModuleList", process.init_order)
    return cursor
