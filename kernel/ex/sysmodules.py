"""NtQuerySystemInformation(SystemModuleInformation): RTL_PROCESS_MODULES, one
RTL_PROCESS_MODULE_INFORMATION per image on PsLoadedModuleList in load order (ImageBase,
ImageSize, the index, and FullPathName as 8-bit text with OffsetToFileName at its last part),
what EnumDeviceDrivers and GetDeviceDriver*Name read."""
import struct

from ..layouts import LAYOUTS, StructView

SystemModuleInformation = 11
MODULE_SIZE = 0x128                 # RTL_PROCESS_MODULE_INFORMATION, x64
LIST_LIMIT = 4096                   # a list longer than this is a broken one


def _unicode(system, us) -> str:
    return system.read(us.Buffer, us.Length).decode("utf-16-le") if us.Length else ""


def loaded_modules(kernel) -> list[tuple[int, int, str]]:
    """(base, size, full path) of each entry of PsLoadedModuleList."""
    system = kernel.system
    head = kernel.loaded_module_list
    layout = LAYOUTS["LDR_DATA_TABLE_ENTRY"]
    out = []
    entry = struct.unpack("<Q", system.read(head, 8))[0]
    while entry != head and len(out) < LIST_LIMIT:
        e = StructView(system, entry, layout)
        out.append((e.DllBase, e.SizeOfImage, _unicode(system, e.FullDllName)))
        entry = struct.unpack("<Q", system.read(entry, 8))[0]
    return out


def system_module_information(kernel) -> bytes:
    modules = loaded_modules(kernel)
    data = bytearray(struct.pack("<I4x", len(modules)))
    for index, (base, size, path) in enumerate(modules):
        name = path.encode("ascii", "replace")[:255]
        offset = name.rfind(b"\\") + 1
        data += struct.pack("<QQQIIHHHH", 0, 0, base, size, 0x08804000, index, 0, 1, offset) + name.ljust(256, b"\0")
    return bytes(data)
