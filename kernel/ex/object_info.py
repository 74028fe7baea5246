"""Object information services: NtQueryObject (ObjectBasicInformation, ObjectHandleFlagInformation)
and NtSetInformationObject (ObjectHandleFlagInformation), which kernelbase's GetHandleInformation
and SetHandleInformation call. A handle's flags are its HANDLE_TABLE_ENTRY's Attributes."""
import struct

from ..ob.handles import HANDLE_INHERIT, HANDLE_PROTECT_FROM_CLOSE, NT_CURRENT_PROCESS, NT_CURRENT_THREAD
from ..status import (
    STATUS_INFO_LENGTH_MISMATCH,
    STATUS_INVALID_HANDLE,
    STATUS_INVALID_INFO_CLASS,
    STATUS_SUCCESS,
    NtStatusError,
)

ObjectBasicInformation, ObjectHandleFlagInformation = 0, 4
_BASIC = struct.Struct("<IIII8x12xIIIq")          # OBJECT_BASIC_INFORMATION, 0x38 bytes


def _entry_handle(thread, handle: int) -> int:
    """A real handle of the caller's table (the pseudo-handles have no entry)."""
    if handle in (NT_CURRENT_PROCESS, NT_CURRENT_THREAD) or not handle & ~3:
        raise NtStatusError(STATUS_INVALID_HANDLE)
    return handle


def NtQueryObject(kernel, thread, handle, info_class, buffer, length, return_length):
    space = thread.process.space
    handles = thread.process.handles
    length &= 0xFFFFFFFF
    info_class &= 0xFFFFFFFF
    if info_class == ObjectBasicInformation:
        if length != _BASIC.size:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        if handle == NT_CURRENT_PROCESS:
            obj, access, attributes = thread.process, 0x1FFFFF, 0
        elif handle == NT_CURRENT_THREAD:
            obj, access, attributes = thread, 0x1FFFFF, 0
        else:
            obj = handles.lookup(handle)
            access, attributes = handles.access(handle), handles.attributes(handle)
        # Attributes as OBJ_* bits: OBJ_INHERIT (2), OBJ_PERMANENT (0x10) for a permanent object,
        # and 1 (protect from close) as the handle entry has it
        flags = attributes & (HANDLE_PROTECT_FROM_CLOSE | HANDLE_INHERIT)
        if getattr(obj, "permanent", False) and getattr(obj, "container", None) is not None:
            flags |= 0x10
        data = _BASIC.pack(flags, access, obj.handle_count, obj.pointer_count, 0, 0, 0, 0)
    elif info_class == ObjectHandleFlagInformation:
        if length != 2:
            raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
        attributes = handles.attributes(_entry_handle(thread, handle))
        data = bytes([1 if attributes & HANDLE_INHERIT else 0, 1 if attributes & HANDLE_PROTECT_FROM_CLOSE else 0])
    else:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    space.probe_write(buffer, data)
    if return_length:
        space.probe_write(return_length, struct.pack("<I", len(data)))
    return STATUS_SUCCESS


def NtSetInformationObject(kernel, thread, handle, info_class, buffer, length):
    space = thread.process.space
    length &= 0xFFFFFFFF
    if info_class & 0xFFFFFFFF != ObjectHandleFlagInformation:
        raise NtStatusError(STATUS_INVALID_INFO_CLASS)
    if length != 2:
        raise NtStatusError(STATUS_INFO_LENGTH_MISMATCH)
    inherit, protect = space.probe_read(buffer, 2)
    handles = thread.process.handles
    handle = _entry_handle(thread, handle)
    attributes = handles.attributes(handle) & ~(HANDLE_INHERIT | HANDLE_PROTECT_FROM_CLOSE)
    attributes |= (HANDLE_INHERIT if inherit else 0) | (HANDLE_PROTECT_FROM_CLOSE if protect else 0)
    handles.set_attributes(handle, attributes)
    return STATUS_SUCCESS
