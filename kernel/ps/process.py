"""Stage 3: PspAllocateProcess (3A-3E) and PspInsertProcess (3F)."""
import ntpath
import struct

from ..layouts import LAYOUTS
from ..mm.pte import PAGE_READWRITE
from ..mm.vad import MEM_COMMIT, MEM_RESERVE
from ..mm.virtual import MmAllocateVirtualMemory
from ..ob.handles import HandleTable
from ..ob.object import ObCreateObject
from ..status import STATUS_PENDING
from .image import build_loader_lists, map_module, snap_imports
from .objects import EProcess
from .params import write_process_parameters

PRIORITY_CLASS_BASE = {"idle": 4, "below_normal": 6, "normal": 8, "above_normal": 10, "high": 13, "realtime": 24}


def _list_init(view, name: str) -> None:
    head = view.field_address(name)
    view.space.write(head, struct.pack("<QQ", head, head))


def _list_insert_tail(space, head: int, entry: int) -> None:
    blink = struct.unpack("<Q", space.read(head + 8, 8))[0]
    space.write(entry, struct.pack("<QQ", head, blink))
    space.write(blink, struct.pack("<Q", entry))
    space.write(head + 8, struct.pack("<Q", entry))


def allocate_eprocess(kernel, name: str, parent_pid: int, base_priority: int) -> EProcess:
    """3A: the EPROCESS with its exit status pending and its creator recorded; 3C's KPROCESS."""
    system = kernel.system
    address = ObCreateObject(kernel, "Process", LAYOUTS["EPROCESS"].size)
    process = EProcess(system, address)
    process.bind_header(system, address)
    ep = process.eprocess
    ep.ExitStatus = STATUS_PENDING
    ep.InheritedFromUniqueProcessId = parent_pid
    ep.ImageFileName = name.encode("ascii", "replace")[:14]
    ep.CreateTime.QuadPart = kernel.system_time()
    pcb = ep.Pcb
    pcb.Header.Size = (LAYOUTS["KPROCESS"].size // 4) & 0xFF
    _list_init(pcb, "ThreadListHead")
    _list_init(ep, "ThreadListHead")
    process.base_priority = base_priority
    process.affinity = 1
    return process


def PspInsertProcess(kernel, process: EProcess, pid: int | None = None) -> int:
    """3F: the id from the CID table, the tail of PsActiveProcessHead."""
    ep = process.eprocess
    ep.UniqueProcessId = kernel.allocate_cid() if pid is None else pid
    _list_insert_tail(kernel.system, kernel.active_process_head, ep.field_address("ActiveProcessLinks"))
    kernel.processes.append(process)
    return ep.UniqueProcessId


def map_process_images(kernel, process: EProcess, image, guest_path: str, host_dir: str) -> dict:
    """3D: the image section and ntdll mapped, imports bound, loader data and parameters written."""
    from .image import open_guest_dll
    process.init_order = []
    exe = map_module(process, image, ntpath.basename(guest_path), guest_path)
    process.image_base = exe.base
    process.eprocess.SectionBaseAddress = exe.base
    ntdll = map_module(process, open_guest_dll("ntdll.dll", []), "ntdll.dll", "C:\\Windows\\System32\\ntdll.dll")
    process.ntdll = ntdll
    process.init_order.append(ntdll)
    snap_imports(process, ntdll, [host_dir])
    snap_imports(process, exe, [host_dir])
    return {"ImageBase": exe.base, "relocated": exe.base != image.image_base, "ntdll": ntdll.base,
            "modules": [m.name for m in process.modules]}


def write_process_data(kernel, process: EProcess, guest_path: str, command_line: str, env: dict) -> tuple[int, int]:
    """Process parameters and loader lists in one private region, as the loader data."""
    space = process.space
    base, size = MmAllocateVirtualMemory(space, 0, 0x10000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)
    params_end = write_process_parameters(space, base, guest_path, command_line, env, process.std_handles)
    ldr_va = (params_end + 15) & ~15
    end = build_loader_lists(process, ldr_va, ldr_va + ((LAYOUTS["PEB_LDR_DATA"].size + 15) & ~15))
    assert end <= base + size, "process parameters overflow their region"
    process.parameters = base
    return base, ldr_va


def new_handle_table(kernel, process: EProcess) -> None:
    """ObInitProcess: the process's HANDLE_TABLE (kernel/ob/handles.py)."""
    process.handles = HandleTable(kernel.system, kernel.object_headers)
    process.eprocess.ObjectTable = process.handles.address
