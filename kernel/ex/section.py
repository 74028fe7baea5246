"""Section services: capture the arguments, call the Mm routine, write the results back.

NtCreateSection (named through the object manager), NtOpenSection, NtMapViewOfSection,
NtUnmapViewOfSection(Ex), NtQuerySection and NtExtendSection, with the argument checks and
NTSTATUS values of Windows.
"""
import struct

from ..mm.section import (
    SEC_COMMIT,
    SEC_IMAGE,
    SEC_RESERVE,
    MmCreateSection,
    MmMapViewOfSection,
    MmUnmapViewOfSection,
    Section,
)
from ..ob.namespace import ObCreateNamedObject, ObOpenObjectByName
from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_FILE_FOR_SECTION,
    STATUS_INVALID_HANDLE,
    STATUS_INVALID_INFO_CLASS,
    STATUS_INVALID_PARAMETER_6,
    STATUS_INVALID_PARAMETER_8,
    STATUS_INVALID_PARAMETER_9,
    STATUS_INVALID_PARAMETER_10,
    STATUS_SECTION_NOT_EXTENDED,
    STATUS_SECTION_NOT_IMAGE,
    STATUS_SECTION_TOO_BIG,
    STATUS_SUCCESS,
    NtStatusError,
)
from .handles import reference_process

_Q = struct.Struct("<Q")
SectionBasicInformation, SectionImageInformation = 0, 1
SECTION_ALL_ACCESS = 0xF001F
FILE_READ_DATA, FILE_WRITE_DATA, FILE_EXECUTE = 0x1, 0x2, 0x20
_WRITABLE = (0x04, 0x40)                        # PAGE_READWRITE, PAGE_EXECUTE_READWRITE


def _read_q(space, va):
    return _Q.unpack(space.probe_read(va, 8))[0]


def _reference_file(thread, handle):
    from ..io.file import FileObject
    try:
        return thread.process.handles.lookup(handle, FileObject)
    except NtStatusError as e:
        if e.status == STATUS_INVALID_HANDLE:
            raise
        raise NtStatusError(STATUS_INVALID_FILE_FOR_SECTION) from e


def _object_name(space, object_attributes: int) -> str:
    """The OBJECT_ATTRIBUTES' ObjectName, '' when there is none."""
    if not object_attributes:
        return ""
    name_ptr = _read_q(space, object_attributes + 0x10)
    if not name_ptr:
        return ""
    length, _, buffer = struct.unpack("<HHxxxxQ", space.probe_read(name_ptr, 16))
    return space.probe_read(buffer, length).decode("utf-16-le", "replace")


def NtCreateSection(kernel, thread, handle_ptr, access, object_attributes, size_ptr, protection, attributes,
                    file_handle):
    space = thread.process.space
    protection &= 0xFFFFFFFF
    attributes &= 0xFFFFFFFF
    space.probe_write(handle_ptr, b"\0" * 8)
    size = _read_q(space, size_ptr) if size_ptr else 0
    if size >> 63:
        raise NtStatusError(STATUS_SECTION_TOO_BIG)
    if not attributes & (SEC_COMMIT | SEC_RESERVE | SEC_IMAGE):
        raise NtStatusError(STATUS_INVALID_PARAMETER_6)
    file = None
    if file_handle:
        file = _reference_file(thread, file_handle)
        granted = getattr(file, "granted_access", FILE_READ_DATA)
        if not granted & FILE_READ_DATA or (protection in _WRITABLE and not attributes & SEC_IMAGE
                                            and not granted & FILE_WRITE_DATA):
            raise NtStatusError(STATUS_ACCESS_DENIED)
    elif attributes & SEC_IMAGE:
        raise NtStatusError(STATUS_INVALID_FILE_FOR_SECTION)
    name = getattr(file, "guest_path", "") if file is not None else _object_name(space, object_attributes)
    if file is not None and not attributes & SEC_IMAGE and size > file.size() and protection not in _WRITABLE:
        raise NtStatusError(STATUS_SECTION_TOO_BIG)       # only a writable section may extend its file
    # ObInsertObject: a name in the namespace (OBJ_OPENIF opens the section already there)
    return ObCreateNamedObject(kernel, thread, handle_ptr, access & 0xFFFFFFFF or SECTION_ALL_ACCESS,
                               object_attributes, Section,
                               lambda: MmCreateSection(kernel, size, protection, attributes, file=file, name=name))


def NtOpenSection(kernel, thread, handle_ptr, access, object_attributes):
    return ObOpenObjectByName(kernel, thread, handle_ptr, access, object_attributes, Section)


def NtMapViewOfSection(kernel, thread, section_handle, process_handle, base_ptr, zero_bits, commit_size,
                       offset_ptr, view_size_ptr, inherit, alloc_type, protect):
    caller = thread.process.space
    section = thread.process.handles.lookup(section_handle, Section)
    target = reference_process(thread, process_handle)
    base = _read_q(caller, base_ptr)
    view_size = _read_q(caller, view_size_ptr)
    offset = _read_q(caller, offset_ptr) if offset_ptr else 0
    if inherit & 0xFFFFFFFF not in (1, 2):                  # ViewShare, ViewUnmap
        raise NtStatusError(STATUS_INVALID_PARAMETER_8)
    if alloc_type & ~0x20502000 & 0xFFFFFFFF:                # MEM_RESERVE, TOP_DOWN, LARGE_PAGES, DOS_LIM
        raise NtStatusError(STATUS_INVALID_PARAMETER_9)
    if section.image is None and not protect & 0xFFFF:
        raise NtStatusError(STATUS_INVALID_PARAMETER_10)
    start, size, status = MmMapViewOfSection(target, section, base, offset, view_size, protect & 0xFFFFFFFF,
                                             zero_bits)
    caller.probe_write(base_ptr, _Q.pack(start))
    caller.probe_write(view_size_ptr, _Q.pack(size))
    return status


def NtUnmapViewOfSection(kernel, thread, process_handle, base):
    MmUnmapViewOfSection(reference_process(thread, process_handle), base)
    return STATUS_SUCCESS


def NtUnmapViewOfSectionEx(kernel, thread, process_handle, base, flags):
    return NtUnmapViewOfSection(kernel, thread, process_handle, base)


def NtQuerySection(kernel, thread, section_handle, info_class, buffer, length, return_length):
    space = thread.process.space
    section = thread.process.handles.lookup(section_handle, Section)
    length &= 0xFFFFFFFFFFFFFFFF
    if info_class == SectionBasicInformation:
        data = struct.pack("<QIIQ", 0, section.attributes | (0x800000 if section.file else 0), 0, section.size)
    elif info_class == SectionImageInformation:
        if section.image is None:
            raise NtStatusError(STATUS_SECTION_NOT_IMAGE)
        data = section_image_information(section.image)
    else:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length < len(data):
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    space.probe_write(buffer, data)
    if return_length:
        space.probe_write(return_length, _Q.pack(len(data)))
    return STATUS_SUCCESS


def section_image_information(image) -> bytes:
    """SECTION_IMAGE_INFORMATION (0x40 bytes) from the image's headers."""
    pe = image.headers
    oh, fh = pe.OPTIONAL_HEADER, pe.FILE_HEADER
    has_code = any(s.Characteristics & 0x20000020 for s in pe.sections) or oh.SizeOfCode != 0
    return struct.pack("<QI4xQQIHHHHHHHBBIII",
                       image.image_base + oh.AddressOfEntryPoint, 0, oh.SizeOfStackReserve, oh.SizeOfStackCommit,
                       oh.Subsystem, oh.MinorSubsystemVersion, oh.MajorSubsystemVersion,
                       oh.MajorOperatingSystemVersion, oh.MinorOperatingSystemVersion, fh.Characteristics,
                       oh.DllCharacteristics, fh.Machine, 1 if has_code else 0, 0, oh.LoaderFlags,
                       len(image.data) & 0xFFFFFFFF, oh.CheckSum)


def NtExtendSection(kernel, thread, section_handle, size_ptr):
    space = thread.process.space
    section = thread.process.handles.lookup(section_handle, Section)
    size = _read_q(space, size_ptr)
    if section.image is not None:
        raise NtStatusError(STATUS_SECTION_NOT_EXTENDED)
    if size > section.size:
        pfn = kernel.system.pfn
        while len(section.frames) * 0x1000 < size:
            section.frames.append(pfn.allocate())
        section.size = size
    space.probe_write(size_ptr, _Q.pack(section.size))
    return STATUS_SUCCESS
