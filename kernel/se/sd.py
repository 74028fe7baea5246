"""Security descriptors: an object's owner, group, DACL and SACL, made self-relative as
NtQuerySecurityObject returns them (header, then SACL, DACL, owner, group), and read back from the
absolute or self-relative form a caller passes to NtSetSecurityObject.

A new object's descriptor is the default SeAssignSecurity gives an object created without one: the
token's user as owner, its primary group, and its default DACL with the generic rights mapped to
the object type's; a file on a mount gets one from the host file's writability instead."""
import struct

from ..ob.access import GENERIC_MAPPING
from ..status import NtStatusError, _define
from .sids import NONE_GROUP_SID, SYSTEM_SID, USER_SID, sid_bytes

# The security reference monitor's statuses (named here, with the others, in kernel/status.py's table).
STATUS_INVALID_OWNER = _define("STATUS_INVALID_OWNER", 0xC000005A)
STATUS_INVALID_PRIMARY_GROUP = _define("STATUS_INVALID_PRIMARY_GROUP", 0xC000005B)
STATUS_INVALID_ACL = _define("STATUS_INVALID_ACL", 0xC0000077)
STATUS_INVALID_SID = _define("STATUS_INVALID_SID", 0xC0000078)
STATUS_INVALID_SECURITY_DESCR = _define("STATUS_INVALID_SECURITY_DESCR", 0xC0000079)

OWNER_SECURITY_INFORMATION, GROUP_SECURITY_INFORMATION = 0x1, 0x2
DACL_SECURITY_INFORMATION, SACL_SECURITY_INFORMATION, LABEL_SECURITY_INFORMATION = 0x4, 0x8, 0x10
SE_DACL_PRESENT, SE_SACL_PRESENT, SE_DACL_PROTECTED, SE_SELF_RELATIVE = 0x4, 0x10, 0x1000, 0x8000
ACCESS_ALLOWED_ACE_TYPE = 0
GENERIC_ALL = 0x10000000
ADMINISTRATORS_SID = "S-1-5-32-544"
FILE_ALL_ACCESS, FILE_GENERIC_READ, FILE_GENERIC_EXECUTE = 0x1F01FF, 0x120089, 0x1200A0
_HEADER = struct.Struct("<BBHIIII")             # Revision, Sbz1, Control, Offset{Owner,Group,Sacl,Dacl}
_ABSOLUTE = struct.Struct("<BBH4xQQQQ")         # Revision, Sbz1, Control, Owner, Group, Sacl, Dacl (pointers)


def acl(aces: list) -> bytes:
    """An ACL (revision 2) of ACCESS_ALLOWED_ACEs given as (mask, SID string)."""
    body = b""
    for mask, sid in aces:
        raw = sid_bytes(sid)
        body += struct.pack("<BBHI", ACCESS_ALLOWED_ACE_TYPE, 0, 8 + len(raw), mask) + raw
    return struct.pack("<BBHHH", 2, 0, 8 + len(body), len(aces), 0) + body


class Descriptor:
    """One object's descriptor: SIDs as bytes, ACLs as bytes (None: not present)."""

    def __init__(self, owner: bytes, group: bytes, dacl: bytes | None, sacl: bytes | None = None, control: int = 0):
        self.owner, self.group, self.dacl, self.sacl, self.control = owner, group, dacl, sacl, control

    def self_relative(self, information: int) -> bytes:
        """The parts information asks for, self-relative."""
        control = SE_SELF_RELATIVE | (self.control & SE_DACL_PROTECTED)
        parts, offsets = b"", [0, 0, 0, 0]               # owner, group, sacl, dacl
        order = ((2, SACL_SECURITY_INFORMATION, self.sacl), (3, DACL_SECURITY_INFORMATION, self.dacl),
                 (0, OWNER_SECURITY_INFORMATION, self.owner), (1, GROUP_SECURITY_INFORMATION, self.group))
        for index, bit, data in order:
            if not information & bit:
                continue
            if index == 2:
                control |= SE_SACL_PRESENT if self.sacl is not None else 0
            if index == 3:
                control |= SE_DACL_PRESENT
            if data:
                offsets[index] = _HEADER.size + len(parts)
                parts += data
        return _HEADER.pack(1, 0, control, *offsets) + parts


def default_descriptor(type_name: str) -> Descriptor:
    """SeAssignSecurity without a creator descriptor or parent: owner, group and default DACL from the token."""
    every = GENERIC_MAPPING.get(type_name, (0, 0, 0, GENERIC_ALL))[3]
    return Descriptor(sid_bytes(USER_SID), sid_bytes(NONE_GROUP_SID), acl([(every, USER_SID), (every, SYSTEM_SID)]))


def file_descriptor(writable: bool) -> Descriptor:
    """A file on a mount: the user may do everything when the host file is writable, else read and
    execute; SYSTEM and Administrators everything. The DACL is protected (it is the host's, not inherited)."""
    mine = FILE_ALL_ACCESS if writable else FILE_GENERIC_READ | FILE_GENERIC_EXECUTE
    return Descriptor(sid_bytes(USER_SID), sid_bytes(NONE_GROUP_SID),
                      acl([(mine, USER_SID), (FILE_ALL_ACCESS, SYSTEM_SID), (FILE_ALL_ACCESS, ADMINISTRATORS_SID)]),
                      control=SE_DACL_PROTECTED)


# -- reading a caller's descriptor
def _read_sid(space, address: int) -> bytes:
    head = space.probe_read(address, 8)
    if head[0] != 1 or head[1] > 15:
        raise NtStatusError(STATUS_INVALID_SID)
    return space.probe_read(address, 8 + 4 * head[1])


def _read_acl(space, address: int) -> bytes:
    revision, _, size, count, _ = struct.unpack("<BBHHH", space.probe_read(address, 8))
    if revision not in (2, 4) or size < 8:
        raise NtStatusError(STATUS_INVALID_ACL)
    data = space.probe_read(address, size)
    at = 8
    for _ in range(count):                      # every ACE inside the ACL's size
        if at + 4 > size:
            raise NtStatusError(STATUS_INVALID_ACL)
        ace_size = struct.unpack_from("<H", data, at + 2)[0]
        if ace_size < 8 or at + ace_size > size:
            raise NtStatusError(STATUS_INVALID_ACL)
        at += ace_size
    return data


def read_descriptor(space, address: int) -> tuple:
    """(control, owner, group, dacl, sacl) of a SECURITY_DESCRIPTOR in guest memory; None for an absent
    part, b"" for a NULL DACL (present, no ACL)."""
    revision, _, control = struct.unpack("<BBH", space.probe_read(address, 4))
    if revision != 1:
        raise NtStatusError(STATUS_INVALID_SECURITY_DESCR)
    if control & SE_SELF_RELATIVE:
        _, _, _, owner, group, sacl, dacl = _HEADER.unpack(space.probe_read(address, _HEADER.size))
        where = [address + o if o else 0 for o in (owner, group, sacl, dacl)]
    else:
        where = list(_ABSOLUTE.unpack(space.probe_read(address, _ABSOLUTE.size))[3:])
    owner, group, sacl, dacl = where
    return (control,
            _read_sid(space, owner) if owner else None,
            _read_sid(space, group) if group else None,
            (_read_acl(space, dacl) if dacl else b"") if control & SE_DACL_PRESENT else None,
            (_read_acl(space, sacl) if sacl else b"") if control & SE_SACL_PRESENT else None)
