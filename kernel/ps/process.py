"""Stage 3: PspAllocateProcess (3A-3E) and PspInsertProcess (3F)."""
import os
import struct

from loader.pe import parse_image

from ..ke.boot import GUEST_BIN
from ..layouts import BUILD, LAYOUTS, StructView
from ..mm.procsup import PEB_ADDRESS
from ..mm.pte import PAGE_EXECUTE_WRITECOPY, PAGE_READWRITE, PAGE_SIZE
from ..mm.section import SEC_IMAGE, MmCreateSection, MmMapViewOfSection
from ..mm.vad import MEM_COMMIT, MEM_PRIVATE, MEM_RESERVE, Vad
from ..mm.virtual import MmAllocateVirtualMemory, commit_pages
from ..ob.handles import HandleTable
from ..ob.namespace import SESSION_ID
from ..ob.object import ObCreateObject
from ..status import STATUS_PENDING
from .apiset import MmMapApiSetSchema
from .objects import EProcess
from .params import parameters_size, write_process_parameters

SYSTEM32 = "C:\\Windows\\System32\\"
# The system's NtGlobalFlag, which MmCreatePeb copies into every PEB: pool tagging is always on
# since Vista (FLG_POOL_ENABLE_TAGGING); an image's load configuration adds its own bits.
NT_GLOBAL_FLAG = 0x400
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
    ep.DefaultPagePriority = 5                      # MEMORY_PRIORITY_NORMAL
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


def MmCreatePeb(kernel, process: EProcess, image, parameters_va: int) -> int:
    """3E: the PEB page and its fields."""
    space = process.space
    space.vads.insert(Vad(PEB_ADDRESS, PEB_ADDRESS + PAGE_SIZE, MEM_PRIVATE, PAGE_READWRITE, "PEB"))
    commit_pages(space, PEB_ADDRESS, PEB_ADDRESS + PAGE_SIZE, PAGE_READWRITE)
    peb = StructView(space, PEB_ADDRESS, LAYOUTS["PEB"])
    oh = image.headers.OPTIONAL_HEADER
    peb.ImageBaseAddress = process.image_base
    peb.ProcessParameters = parameters_va
    peb.ApiSetMap = MmMapApiSetSchema(process)
    peb.NumberOfProcessors = len(kernel.processors)
    peb.NtGlobalFlag = NT_GLOBAL_FLAG
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
    peb.SessionId = SESSION_ID
    return PEB_ADDRESS


def map_process_images(kernel, process: EProcess, image, guest_path: str) -> dict:
    """3D: the image's section and ntdll's mapped through MmMapViewOfSection, and nothing else:
    every other DLL is the guest loader's to map (LdrpInitializeProcess)."""
    exe_section = MmCreateSection(kernel, 0, PAGE_EXECUTE_WRITECOPY, SEC_IMAGE, image=image, name=guest_path)
    base, _, _ = MmMapViewOfSection(process, exe_section)
    process.image_base = base
    process.eprocess.SectionBaseAddress = base
    ntdll_section = MmCreateSection(kernel, 0, PAGE_EXECUTE_WRITECOPY, SEC_IMAGE, image=ntdll_image(),
                                    name=SYSTEM32 + "ntdll.dll")
    MmMapViewOfSection(process, ntdll_section)
    process.ntdll = process.modules[-1]
    return {"ImageBase": base, "relocated": base != image.image_base, "ntdll": process.ntdll.base,
            "modules": [m.name for m in process.modules]}


_ntdll: list = []


def ntdll_image():
    """The guest ntdll.dll, read and parsed once per host process (the system's own image)."""
    if not _ntdll:
        path = os.path.join(GUEST_BIN, "ntdll.dll")
        with open(path, "rb") as f:
            _ntdll.append(parse_image(path, f.read()))
    return _ntdll[0]


def write_process_data(kernel, process: EProcess, fields: dict) -> int:
    """The process parameters in a private region of their own (RtlCreateProcessParameters)."""
    space = process.space
    size = (parameters_size(fields) + 0xFFFF) & ~0xFFFF
    base, size = MmAllocateVirtualMemory(space, 0, size, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)
    end = write_process_parameters(space, base, fields)
    assert end <= base + size, "process parameters overflow their region"
    process.parameters = base
    return base


def new_handle_table(kernel, process: EProcess) -> None:
    """ObInitProcess: the process's HANDLE_TABLE (kernel/ob/handles.py)."""
    process.handles = HandleTable(kernel.system, kernel.object_headers)
    process.eprocess.ObjectTable = process.handles.address
    if kernel.limits is not None:
        process.handles.charge = lambda held: kernel.limits.charge_handle(process, held)
