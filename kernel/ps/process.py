"""Stage 3: PspAllocateProcess (3A-3E) and PspInsertProcess (3F)."""
import ntpath
import struct

from ..layouts import BUILD, LAYOUTS, StructView
from ..mm.pte import PAGE_READWRITE, PAGE_SIZE
from ..mm.vad import MEM_COMMIT, MEM_PRIVATE, MEM_RESERVE, Vad
from ..mm.virtual import MmAllocateVirtualMemory, commit_pages
from ..ob.handles import HandleTable
from ..ob.object import ObCreateObject
from ..status import STATUS_PENDING
from .image import build_loader_lists, map_module, snap_imports
from .objects import EProcess
from .params import write_process_parameters

PEB_ADDRESS = 0x7FFFFFFDF000        # MmCreatePeb's page; TEBs are placed below it
PRIORITY_CLASS_BASE = {"idle": 4, "below_normal": 6, "normal": 8, "above_normal": 10, "high": 13, "realtime": 24}
PROCESS_QUANTUM_RESET = 6           # KeInitializeProcess: 2 clock ticks of 3 quantum units


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


def KeInitializeProcess(kernel, process: EProcess) -> dict:
    """3C: thread list, quantum, base priority, affinity (kept in KPROCESS)."""
    pcb = process.eprocess.Pcb
    pcb.QuantumReset = PROCESS_QUANTUM_RESET
    pcb.ActiveProcessors.Count = 1
    pcb.ActiveProcessors.Size = 20
    process.affinity = (1 << len(kernel.processors)) - 1     # every active processor
    return {"BasePriority": pcb.BasePriority, "QuantumReset": pcb.QuantumReset, "Affinity": process.affinity}


def MmCreatePeb(kernel, process: EProcess, image, parameters_va: int, ldr_va: int) -> int:
    """3E: the PEB page and its fields."""
    space = process.space
    space.vads.insert(Vad(PEB_ADDRESS, PEB_ADDRESS + PAGE_SIZE, MEM_PRIVATE, PAGE_READWRITE, "PEB"))
    commit_pages(space, PEB_ADDRESS, PEB_ADDRESS + PAGE_SIZE, PAGE_READWRITE)
    peb = StructView(space, PEB_ADDRESS, LAYOUTS["PEB"])
    oh = image.pe.OPTIONAL_HEADER
    peb.ImageBaseAddress = process.image_base
    peb.Ldr = ldr_va
    peb.ProcessParameters = parameters_va
    peb.NumberOfProcessors = 1
    peb.OSMajorVersion = BUILD["major"]
    peb.OSMinorVersion = BUILD["minor"]
    peb.OSBuildNumber = BUILD["build"]
    peb.OSPlatformId = 2                # VER_PLATFORM_WIN32_NT
    peb.ImageSubsystem = oh.Subsystem
    peb.ImageSubsystemMajorVersion = oh.MajorSubsystemVersion
    peb.ImageSubsystemMinorVersion = oh.MinorSubsystemVersion
    peb.ActiveProcessAffinityMask = process.affinity
    peb.CriticalSectionTimeout.QuadPart = -(2592000 * 10_000_000)     # MmCriticalSectionTimeout: 30 days
    peb.HeapSegmentReserve = oh.SizeOfHeapReserve or 0x100000
    peb.HeapSegmentCommit = oh.SizeOfHeapCommit or 0x2000
    peb.HeapDeCommitTotalFreeThreshold = 0x10000
    peb.HeapDeCommitFreeBlockThreshold = 0x1000
    peb.MaximumNumberOfHeaps = 16
    peb.SessionId = 1
    return PEB_ADDRESS


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
    process.handles = HandleTable()
    if kernel.limits is not None:
        process.handles.charge = lambda held: kernel.limits.charge_handle(process, held)
    process.eprocess.ObjectTable = kernel.system.allocate_pool(0x80, 0x10)    # HANDLE_TABLE
