"""Process creation, stage by stage, as CreateProcess and NtCreateUserProcess do it.

Each stage (and each of 3A-3F) is its own step and emits a "stage" event with the values it
decided; `--stages` prints them.
"""
import ntpath
import os

from loader.pe import ImageFile, ImageRefused, open_image

from ..errors import ImageOpenError
from ..io.console import ConsoleFile, console_device
from ..io.console_session import attach
from ..ke.procobj import KeInitializeProcess
from ..status import STATUS_SUCCESS
from .objects import EProcess
from .params import DEFAULT_ENVIRONMENT, GUEST_APP_DIR, boot_parameters, build_command_line
from .process import (
    PRIORITY_CLASS_BASE,
    MmCreatePeb,
    PspInsertProcess,
    allocate_eprocess,
    map_process_images,
    new_handle_table,
    write_process_data,
)
from .thread import PspCreateThread, PspInsertThread, PspResumeNewThread

CREATE_SUSPENDED = 0x4
PRIORITY_FLAGS = {0x40: "idle", 0x4000: "below_normal", 0x20: "normal", 0x8000: "above_normal",
                  0x80: "high", 0x100: "realtime"}


class CreateRequest:
    """What CreateProcess is asked: the image, its arguments, creation flags, environment."""

    def __init__(self, host_path: str, args: list[str] | None = None, creation_flags: int = 0,
                 environment: dict | None = None, may_use_realtime: bool = False):
        self.host_path = host_path
        self.args = list(args or [])
        self.creation_flags = creation_flags
        self.environment = environment
        self.may_use_realtime = may_use_realtime    # SeIncreaseBasePriorityPrivilege


class CsrProcess:
    """Stage 5's record in the Windows subsystem (CSR_PROCESS)."""

    def __init__(self, client_id: tuple):
        self.ClientId = client_id
        self.ShutdownLevel = 0x280
        self.ShutdownFlags = 0
        self.ThreadCount = 1
        self.Sequence = 0


def stage(kernel, number: str, title: str, **values) -> None:
    kernel.events.emit("stage", stage=number, name=title, values=values)


def PspConvertParameters(kernel, req: CreateRequest) -> dict:
    """Stage 1: priority class, flags, the Windows view of path and command line."""
    flags = req.creation_flags
    classes = [c for bit, c in PRIORITY_FLAGS.items() if flags & bit]
    priority_class = classes[-1] if classes else "normal"
    if priority_class == "realtime" and not req.may_use_realtime:
        priority_class = "high"         # no SeIncreaseBasePriorityPrivilege: High instead
    guest_path = GUEST_APP_DIR + os.path.basename(req.host_path)
    decided = {
        "image": guest_path,
        "command_line": build_command_line(guest_path, req.args),
        "priority_class": priority_class,
        "base_priority": PRIORITY_CLASS_BASE[priority_class],
        "suspended": bool(flags & CREATE_SUSPENDED),
    }
    stage(kernel, "1", "convert and validate parameters", **decided)
    return decided


def PspOpenImage(kernel, req: CreateRequest) -> ImageFile:
    """Stage 2: open the file and decide by the decision matrix; create its image section."""
    try:
        image = open_image(req.host_path)
    except IsADirectoryError as e:
        raise ImageOpenError(f"{req.host_path}: is a directory, not an image", "no-input") from e
    except FileNotFoundError as e:
        raise ImageOpenError(f"{req.host_path}: no such file", "no-input") from e
    except OSError as e:
        raise ImageOpenError(f"{req.host_path}: cannot read ({e.strerror})", "no-input") from e
    except ImageRefused as e:
        raise ImageOpenError(f"{req.host_path}: {e}", "not-pe" if e.not_pe else "unsupported") from e
    oh = image.headers.OPTIONAL_HEADER
    stage(kernel, "2", "open image and create section", kind="native x64 executable",
          image_base=oh.ImageBase, entry_point=oh.AddressOfEntryPoint, size_of_image=oh.SizeOfImage,
          subsystem=oh.Subsystem)
    return image


def PspAllocateProcess(kernel, params: dict, image: ImageFile, parent: EProcess, setup_handles, parameters_of,
                       affinity: int = 1) -> EProcess:
    """Stage 3, 3A-3E (3F is PspInsertProcess). setup_handles(process) fills the new handle table
    and returns the standard handles; parameters_of(process) gives the process parameters."""
    name = ntpath.basename(params["image"])
    process = allocate_eprocess(kernel, name, parent.pid, params["base_priority"])
    process.affinity = affinity
    process.image = image
    process.image_path = params["image"]
    stage(kernel, "3A", "set up EPROCESS", eprocess=process.address, exit_status=process.exit_status,
          parent=parent.pid, affinity=process.affinity, name=process.name)

    process.space = kernel.system.create_address_space()
    process.eprocess.Pcb.DirectoryTableBase = process.space.cr3
    stage(kernel, "3B", "create initial address space", directory_table_base=process.space.cr3,
          kuser_shared_data=0x7FFE0000)

    stage(kernel, "3C", "KeInitializeProcess", **KeInitializeProcess(kernel, process))

    new_handle_table(kernel, process)
    process.std_handles = setup_handles(process)
    mapped = map_process_images(kernel, process, image, params["image"])
    params_va = write_process_data(kernel, process, parameters_of(process))
    stage(kernel, "3D", "map image and ntdll, write parameters", image_base=mapped["ImageBase"],
          relocated=mapped["relocated"], ntdll_base=mapped["ntdll"], modules=mapped["modules"],
          process_parameters=params_va, std_handles=list(process.std_handles))

    process.peb = MmCreatePeb(kernel, process, image, params_va)
    process.eprocess.Peb = process.peb
    stage(kernel, "3E", "MmCreatePeb", peb=process.peb)
    return process


def NtCreateUserProcess(kernel, req: CreateRequest):
    """Create the first user process and its initial thread (the executive is its creator);
    returns (process, thread)."""
    params = PspConvertParameters(kernel, req)
    if kernel.limits is not None:
        kernel.limits.charge_process()
    image = PspOpenImage(kernel, req)
    parent = kernel.system_process

    def setup_handles(process):
        attach(console_device(kernel), process)        # the first process: on the host's terminal
        return tuple(process.handles.insert(f) for f in ConsoleFile.standard(kernel))

    def parameters_of(process):
        env = dict(DEFAULT_ENVIRONMENT if req.environment is None else req.environment)
        return boot_parameters(params["image"], params["command_line"], env, process.std_handles)

    process = PspAllocateProcess(kernel, params, image, parent, setup_handles, parameters_of)
    PspInsertUserProcess(kernel, process, parent, req.host_path, parent)
    thread = PspCreateInitialThread(kernel, process, params)
    return process, thread


def PspInsertUserProcess(kernel, process: EProcess, parent: EProcess, host_path: str, creator: EProcess,
                         access: int = 0x1FFFFF) -> int:
    """3F, and the process's creation and image events; returns the creator's handle to it."""
    pid = PspInsertProcess(kernel, process)
    handle = creator.handles.insert(process, access)
    stage(kernel, "3F", "PspInsertProcess", pid=pid, handle=handle, active_processes=len(kernel.processes))
    if kernel.events.wants("process-create"):
        kernel.events.emit("process-create", time=kernel.dispatcher.now(), pid=pid, parent_pid=parent.pid,
                           name=process.name, image=host_path)
    if kernel.events.wants("image-load"):
        for m in process.modules:      # the images mapped at 3D, now that the process has its id
            kernel.events.emit("image-load", pid=pid, name=m.name, base=m.base, size=m.size, path=m.path,
                               file=m.image.path)
    return handle


def PspCreateInitialThread(kernel, process: EProcess, params: dict, before_resume=None):
    """Stages 4 to 6: the initial thread, the subsystem's record, and the thread resumed unless
    the creator asked for it suspended. before_resume(thread) runs between 5 and 6."""
    image = process.image
    oh = image.headers.OPTIONAL_HEADER
    entry = process.image_base + image.entry_rva
    thread = PspCreateThread(kernel, process, entry, process.peb, oh.SizeOfStackReserve, oh.SizeOfStackCommit,
                             params["base_priority"])
    PspInsertThread(kernel, thread, params["suspended"])
    stack_bottom, stack_limit, stack_top = thread.user_stack
    stage(kernel, "4", "PspCreateThread", tid=thread.tid, teb=thread.teb, start_address=entry,
          priority=params["base_priority"], user_stack=[stack_limit, stack_top], stack_reserve_bottom=stack_bottom,
          kernel_stack=[thread.kernel_stack - 0x6000, thread.kernel_stack], trap_frame=thread.trap_frame)

    process.csr_process = CsrProcess((process.pid, thread.tid))
    stage(kernel, "5", "register with the Windows subsystem", client_id=[process.pid, thread.tid],
          shutdown_level=process.csr_process.ShutdownLevel)
    if callable(before_resume):
        before_resume(thread)

    if params["suspended"]:
        stage(kernel, "6", "initial thread left suspended", tid=thread.tid)
    else:
        PspResumeNewThread(kernel, thread)
        stage(kernel, "6", "resume initial thread", tid=thread.tid, state="Ready")
    kernel.flush_code()
    return thread


def PspUserThreadStartup(kernel, thread) -> None:
    """Stage 7, in the new thread at ring 0: hand over to ntdll!LdrInitializeThunk."""
    process = thread.process
    if thread is process.threads[0]:
        ntdll = process.ntdll
        stage(kernel, "7", "KiStartUserThread -> PspUserThreadStartup -> LdrInitializeThunk",
              tid=thread.tid, ldr_initialize_thunk=ntdll.base + ntdll.exports.by_name["LdrInitializeThunk"],
              rtl_user_thread_start=ntdll.base + ntdll.exports.by_name["RtlUserThreadStart"],
              entry_point=thread.ethread.StartAddress)
    return STATUS_SUCCESS
