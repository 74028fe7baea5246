"""NtCreateUserProcess from a guest (kernel32's CreateProcessInternalW): the creator's process
parameters and attribute list captured, the stages of kernel/ps/create.py run for the new
process, and the creator given handles to it and to its initial thread."""
import ntpath
import struct

from ..io.create import IoOpenFileForKernel
from ..mm.section import _validated_image
from ..ps.attributes import (
    PS_ATTRIBUTE_CLIENT_ID,
    PS_ATTRIBUTE_IMAGE_INFO,
    PS_ATTRIBUTE_TEB_ADDRESS,
    PS_CREATE_FAIL_EXE_FORMAT,
    PS_CREATE_FAIL_ON_FILE_OPEN,
    PS_CREATE_FAIL_ON_SECTION_CREATE,
    PS_CREATE_SUCCESS,
    capture_attribute_list,
    check_create_info,
    write_attribute_outputs,
    write_create_info,
)
from ..ps.create import PspAllocateProcess, PspCreateInitialThread, PspInsertUserProcess, stage
from ..ps.exit import PspTerminateProcess
from ..ps.inherit import PspInheritHandles, PspSetupStdHandles
from ..ps.job import PspInheritJob
from ..ps.params import environment_length, read_process_parameters
from ..ps.process import PRIORITY_CLASS_BASE
from ..status import (
    STATUS_INVALID_IMAGE_FORMAT,
    STATUS_INVALID_PARAMETER,
    STATUS_OBJECT_PATH_SYNTAX_BAD,
    STATUS_PROCESS_IS_TERMINATING,
    STATUS_SUCCESS,
    NtStatusError,
)
from .handles import reference_process
from .section import section_image_information

PROCESS_CREATE_FLAGS_BREAKAWAY = 0x1
PROCESS_CREATE_FLAGS_INHERIT_HANDLES = 0x4
THREAD_CREATE_FLAGS_CREATE_SUSPENDED = 0x1
FILE_EXECUTE, FILE_READ_DATA, FILE_READ_ATTRIBUTES = 0x20, 0x1, 0x80
MAXIMUM_ALLOWED, PROCESS_ALL_ACCESS, THREAD_ALL_ACCESS = 0x02000000, 0x1FFFFF, 0x1FFFFF
IMAGE_FILE_DLL = 0x2000
WINDOWS_SUBSYSTEMS = (2, 3)             # IMAGE_SUBSYSTEM_WINDOWS_GUI, _CUI
# PROCESS_PRIORITY_CLASS.PriorityClass -> the class kernel/ps/process.py names
PRIORITY_CLASSES = {1: "idle", 2: "normal", 3: "high", 4: "realtime", 5: "below_normal", 6: "above_normal"}
_Q = struct.Struct("<Q")


def _granted(access: int, full: int) -> int:
    access &= 0xFFFFFFFF
    return full if access & MAXIMUM_ALLOWED or not access else access


def _dos_path(nt_path: str) -> str:
    return nt_path[4:] if nt_path.startswith(("\\??\\", "\\\\?\\")) else nt_path


def PspOpenImageForCreator(kernel, parent, nt_path: str, space, create_info: int):
    """Stage 2 for a guest's request: open the file, validate it as an image section would, and
    refuse what is not a Windows x64 executable (PS_CREATE_INFO says which step failed)."""
    try:
        file = IoOpenFileForKernel(kernel, parent, nt_path, FILE_EXECUTE | FILE_READ_DATA | FILE_READ_ATTRIBUTES)
    except NtStatusError:
        write_create_info(space, create_info, PS_CREATE_FAIL_ON_FILE_OPEN, _Q.pack(0))
        raise
    holder = kernel.system_process.handles.insert(file)     # the executive's reference while it reads
    try:
        image = _validated_image(file, _dos_path(nt_path))
    except NtStatusError:
        write_create_info(space, create_info, PS_CREATE_FAIL_ON_SECTION_CREATE, _Q.pack(0))
        raise
    finally:
        kernel.system_process.handles.close(holder, force=True)
    oh, fh = image.headers.OPTIONAL_HEADER, image.headers.FILE_HEADER
    if fh.Characteristics & IMAGE_FILE_DLL or oh.Subsystem not in WINDOWS_SUBSYSTEMS:
        write_create_info(space, create_info, PS_CREATE_FAIL_EXE_FORMAT, struct.pack("<H", oh.DllCharacteristics))
        raise NtStatusError(STATUS_INVALID_IMAGE_FORMAT)
    stage(kernel, "2", "open image and create section", kind="native x64 executable",
          image_base=oh.ImageBase, entry_point=oh.AddressOfEntryPoint, size_of_image=oh.SizeOfImage,
          subsystem=oh.Subsystem)
    return image, file.host_path


def NtCreateUserProcess(kernel, thread, process_handle_out, thread_handle_out, process_access, thread_access,
                        process_attributes, thread_attributes, process_flags, thread_flags, parameters,
                        create_info, attribute_list):
    creator = thread.process
    space = creator.space
    space.probe_write(process_handle_out, _Q.pack(0))
    space.probe_write(thread_handle_out, _Q.pack(0))
    check_create_info(space, create_info)
    attrs = capture_attribute_list(space, attribute_list)
    if not attrs.image_name:
        raise NtStatusError(STATUS_OBJECT_PATH_SYNTAX_BAD)
    if not parameters:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    fields = read_process_parameters(space, parameters)
    parent = creator if attrs.parent_handle is None else reference_process(thread, attrs.parent_handle)
    if parent.exited or parent.handles is None:
        raise NtStatusError(STATUS_PROCESS_IS_TERMINATING)
    if fields["Environment"] is None:
        fields["Environment"] = _creator_environment(creator)
    priority = PRIORITY_CLASSES.get(attrs.priority_class or 2)
    if priority is None:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    image_path = fields["ImagePathName"] or _dos_path(attrs.image_name)
    params = {"image": image_path, "command_line": fields["CommandLine"], "priority_class": priority,
              "base_priority": PRIORITY_CLASS_BASE[priority],
              "suspended": bool(thread_flags & THREAD_CREATE_FLAGS_CREATE_SUSPENDED)}
    stage(kernel, "1", "convert and validate parameters (kernel32)", creator=creator.pid, **params)
    if kernel.limits is not None:
        kernel.limits.charge_process()
    image, host_path = PspOpenImageForCreator(kernel, parent, attrs.image_name, space, create_info)
    inherit = bool(process_flags & PROCESS_CREATE_FLAGS_INHERIT_HANDLES)
    subsystem = image.headers.OPTIONAL_HEADER.Subsystem

    def setup_handles(process):
        inherited = PspInheritHandles(parent, process, attrs.handle_list) if inherit else set()
        return PspSetupStdHandles(kernel, parent, process, fields, attrs, inherited, subsystem)

    params["image"] = image_path
    process = PspAllocateProcess(kernel, params, image, parent, setup_handles, lambda _p: fields,
                                 affinity=parent.affinity)
    process_handle = PspInsertUserProcess(kernel, process, parent, host_path or ntpath.basename(image_path),
                                          creator, _granted(process_access, PROCESS_ALL_ACCESS))
    try:                                # PspInsertProcess's job step: the parent's job, or a breakaway
        PspInheritJob(kernel, parent, process, bool(process_flags & PROCESS_CREATE_FLAGS_BREAKAWAY))
    except NtStatusError as e:
        creator.handles.close(process_handle, force=True)
        PspTerminateProcess(kernel, process, e.status)      # no thread yet: it ends as it is
        raise
    new_thread = PspCreateInitialThread(kernel, process, params)
    thread_handle = creator.handles.insert(new_thread, _granted(thread_access, THREAD_ALL_ACCESS))
    space.probe_write(process_handle_out, _Q.pack(process_handle))
    space.probe_write(thread_handle_out, _Q.pack(thread_handle))
    write_attribute_outputs(space, attrs, {
        PS_ATTRIBUTE_CLIENT_ID: struct.pack("<QQ", process.pid, new_thread.tid),
        PS_ATTRIBUTE_TEB_ADDRESS: _Q.pack(new_thread.teb),
        PS_ATTRIBUTE_IMAGE_INFO: section_image_information(image),
    })
    write_create_info(space, create_info, PS_CREATE_SUCCESS, struct.pack(
        "<IxxxxQQQIIQIxxxxQI", 0, 0, 0, process.parameters, 0, 1, process.peb, 0, 0, 0))
    return STATUS_SUCCESS


def _creator_environment(creator) -> bytes:
    """The creator's current environment block (its process parameters' Environment)."""
    space = creator.space
    pp = _Q.unpack(space.probe_read(creator.peb + 0x20, 8))[0]
    env = _Q.unpack(space.probe_read(pp + 0x80, 8))[0]
    return space.probe_read(env, environment_length(space, env)) if env else b"\0\0\0\0"
