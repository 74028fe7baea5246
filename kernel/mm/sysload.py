"""PsLoadedModuleList, the kernel's list of its loaded images (MiInitializeLoadedModuleList):
one KLDR_DATA_TABLE_ENTRY per image, here the kernel image itself. The entry's first members
(InLoadOrderLinks, DllBase, EntryPoint, SizeOfImage, FullDllName, BaseDllName) lie where
LDR_DATA_TABLE_ENTRY has them, and are written through that layout."""
import struct

from ..layouts import LAYOUTS, StructView

FULL_NAME = "\\SystemRoot\\system32\\ntoskrnl.exe"


def _string(system, us, text: str) -> None:
    data = text.encode("utf-16-le")
    buffer = system.allocate_pool(len(data) + 2, 0x10)
    system.write(buffer, data + b"\0\0")
    us.Length = len(data)
    us.MaximumLength = len(data) + 2
    us.Buffer = buffer


def MiInitializeLoadedModuleList(system, image) -> int:
    """Returns the address of PsLoadedModuleList, with the kernel image's entry on it."""
    layout = LAYOUTS["LDR_DATA_TABLE_ENTRY"]
    head = system.allocate_pool(16, 0x10)
    entry = system.allocate_pool(layout.size, 0x10)
    e = StructView(system, entry, layout)
    e.DllBase = image.base
    e.SizeOfImage = image.size
    e.EntryPoint = image.base
    _string(system, e.FullDllName, FULL_NAME)
    _string(system, e.BaseDllName, FULL_NAME.rsplit("\\", 1)[1])
    system.write(head, struct.pack("<QQ", entry, entry))
    system.write(entry, struct.pack("<QQ", head, head))
    return head
