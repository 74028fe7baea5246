"""NtQuerySecurityObject and NtSetSecurityObject: an object's security descriptor through a handle.

Each object keeps its descriptor (sd.py's default, made when first asked for); a file's belongs to
the file, not the open, so it is kept per host file for the run, starting from the host file's
writability. Reading the owner, group or DACL needs READ_CONTROL on the handle, changing the owner
or group WRITE_OWNER, the DACL WRITE_DAC; the SACL needs ACCESS_SYSTEM_SECURITY either way. A new
owner must be the caller's user (no SeRestorePrivilege), a new group one of its groups. The
descriptor is not checked when objects are opened (every open is granted what it asks)."""
import os
import struct

from ..ob.handles import NT_CURRENT_PROCESS, NT_CURRENT_THREAD
from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_BUFFER_TOO_SMALL,
    STATUS_INVALID_PARAMETER,
    STATUS_SUCCESS,
    NtStatusError,
)
from .sd import (
    DACL_SECURITY_INFORMATION,
    GROUP_SECURITY_INFORMATION,
    LABEL_SECURITY_INFORMATION,
    OWNER_SECURITY_INFORMATION,
    SACL_SECURITY_INFORMATION,
    SE_DACL_PROTECTED,
    STATUS_INVALID_OWNER,
    STATUS_INVALID_PRIMARY_GROUP,
    default_descriptor,
    file_descriptor,
    read_descriptor,
)
from .sids import sid_bytes
from .token import GROUPS, USER_SID

READ_CONTROL, WRITE_DAC, WRITE_OWNER, ACCESS_SYSTEM_SECURITY = 0x20000, 0x40000, 0x80000, 0x01000000
VALID_INFORMATION = 0xF000001F                  # the parts and the (UN)PROTECTED_(D|S)ACL flags
PROTECTED_DACL_SECURITY_INFORMATION, UNPROTECTED_DACL_SECURITY_INFORMATION = 0x80000000, 0x20000000


def _reference(thread, handle: int):
    handles = thread.process.handles
    if handle == NT_CURRENT_PROCESS:
        return thread.process, 0x1FFFFF
    if handle == NT_CURRENT_THREAD:
        return thread, 0x1FFFFF
    return handles.lookup(handle), handles.access(handle)


def descriptor_of(kernel, obj):
    """The object's descriptor, made on first use."""
    node = getattr(obj, "node", None)
    host = getattr(node, "host", None) if node is not None else None
    if host is not None:                        # a file on a mount: one descriptor per host file
        table = kernel.__dict__.setdefault("file_security", {})
        sd = table.get(host)
        if sd is None:
            writable = not getattr(node, "read_only", False) and os.access(host, os.W_OK)
            sd = table[host] = file_descriptor(writable)
        return sd
    sd = getattr(obj, "security", None)
    if sd is None:
        sd = obj.security = default_descriptor(getattr(obj, "type_name", ""))
    return sd


def _needed(information: int, writing: bool) -> int:
    access = 0
    if information & (OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | LABEL_SECURITY_INFORMATION):
        access |= WRITE_OWNER if writing else READ_CONTROL
    if information & DACL_SECURITY_INFORMATION:
        access |= WRITE_DAC if writing else READ_CONTROL
    if information & SACL_SECURITY_INFORMATION:
        access |= ACCESS_SYSTEM_SECURITY
    return access


def NtQuerySecurityObject(kernel, thread, handle, information, buffer, length, length_needed):
    information, length = information & 0xFFFFFFFF, length & 0xFFFFFFFF
    space = thread.process.space
    space.probe_write(length_needed, b"\0" * 4)
    obj, granted = _reference(thread, handle)
    needed = _needed(information, False)
    if needed & ~granted:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    data = descriptor_of(kernel, obj).self_relative(information)
    space.probe_write(length_needed, struct.pack("<I", len(data)))
    if len(data) > length:
        return STATUS_BUFFER_TOO_SMALL
    space.probe_write(buffer, data)
    return STATUS_SUCCESS


def NtSetSecurityObject(kernel, thread, handle, information, descriptor):
    information &= 0xFFFFFFFF
    if not information or information & ~VALID_INFORMATION:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    obj, granted = _reference(thread, handle)
    if _needed(information, True) & ~granted:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    control, owner, group, dacl, sacl = read_descriptor(thread.process.space, descriptor)
    sd = descriptor_of(kernel, obj)
    # Step 1: check every part asked for before changing any.
    if information & OWNER_SECURITY_INFORMATION:
        if owner is None:
            raise NtStatusError(STATUS_INVALID_OWNER)
        if owner != sid_bytes(USER_SID):
            raise NtStatusError(STATUS_INVALID_OWNER)
    if information & GROUP_SECURITY_INFORMATION:
        if group is None or group not in [sid_bytes(USER_SID)] + [sid_bytes(s) for s, _ in GROUPS]:
            raise NtStatusError(STATUS_INVALID_PRIMARY_GROUP)
    # Step 2: replace them (a DACL not present, or a NULL one, both mean "no DACL": everyone allowed).
    if information & OWNER_SECURITY_INFORMATION:
        sd.owner = owner
    if information & GROUP_SECURITY_INFORMATION:
        sd.group = group
    if information & DACL_SECURITY_INFORMATION:
        sd.dacl = dacl if dacl else b""
        if information & PROTECTED_DACL_SECURITY_INFORMATION or control & SE_DACL_PROTECTED:
            sd.control |= SE_DACL_PROTECTED
        if information & UNPROTECTED_DACL_SECURITY_INFORMATION:
            sd.control &= ~SE_DACL_PROTECTED
    if information & SACL_SECURITY_INFORMATION:
        sd.sacl = sacl
    return STATUS_SUCCESS


SECURITY_SERVICES = {
    "NtQuerySecurityObject": (NtQuerySecurityObject, (
        ("Handle", "h"), ("SecurityInformation", "u"), ("SecurityDescriptor", "p"), ("Length", "u"),
        ("LengthNeeded", "pul"))),
    "NtSetSecurityObject": (NtSetSecurityObject, (
        ("Handle", "h"), ("SecurityInformation", "u"), ("SecurityDescriptor", "p"))),
}
