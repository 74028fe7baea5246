"""Impersonation and access checks: NtDuplicateToken (a primary or impersonation copy of a token at
the level the caller's SECURITY_QUALITY_OF_SERVICE names), the thread's impersonation token that
NtSetInformationThread(ThreadImpersonationToken) sets and clears, NtAccessCheck (a descriptor's DACL
evaluated against an impersonation token's user and enabled groups, generic rights mapped),
NtPrivilegeCheck, and NtAllocateLocallyUniqueId."""
import struct

from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_BUFFER_TOO_SMALL,
    STATUS_INVALID_PARAMETER,
    STATUS_PRIVILEGE_NOT_HELD,
    STATUS_SUCCESS,
    NtStatusError,
    _define,
)
from .sd import STATUS_INVALID_SECURITY_DESCR, read_descriptor
from .sids import USER_SID, sid_bytes
from .token import (
    SE_PRIVILEGE_ENABLED,
    TOKEN_DUPLICATE,
    TOKEN_IMPERSONATE,
    TOKEN_QUERY,
    Token,
    TokenImpersonation,
    TokenPrimary,
    _open,
    _reference,
)

STATUS_NO_IMPERSONATION_TOKEN = _define("STATUS_NO_IMPERSONATION_TOKEN", 0xC000005C)
STATUS_BAD_IMPERSONATION_LEVEL = _define("STATUS_BAD_IMPERSONATION_LEVEL", 0xC00000A5)
STATUS_BAD_TOKEN_TYPE = _define("STATUS_BAD_TOKEN_TYPE", 0xC00000A8)
STATUS_GENERIC_NOT_MAPPED = _define("STATUS_GENERIC_NOT_MAPPED", 0xC00000E6)

SecurityAnonymous, SecurityIdentification, SecurityImpersonation, SecurityDelegation = range(4)
GENERIC_READ, GENERIC_WRITE, GENERIC_EXECUTE, GENERIC_ALL = 0x80000000, 0x40000000, 0x20000000, 0x10000000
MAXIMUM_ALLOWED, ACCESS_SYSTEM_SECURITY = 0x02000000, 0x01000000
READ_CONTROL, WRITE_DAC = 0x00020000, 0x00040000
ACCESS_ALLOWED_ACE_TYPE, ACCESS_DENIED_ACE_TYPE = 0, 1
INHERIT_ONLY_ACE = 0x08
SE_GROUP_ENABLED, SE_GROUP_USE_FOR_DENY_ONLY = 0x4, 0x10
SE_SECURITY_PRIVILEGE = 8
SE_PRIVILEGE_USED_FOR_ACCESS = 0x80000000
PRIVILEGE_SET_ALL_NECESSARY = 1
_I = struct.Struct("<I")


def _quality_of_service_level(space, object_attributes: int) -> int | None:
    """ImpersonationLevel of OBJECT_ATTRIBUTES.SecurityQualityOfService, None when there is none."""
    if not object_attributes:
        return None
    qos = struct.unpack("<Q", space.probe_read(object_attributes + 0x28, 8))[0]
    if not qos:
        return None
    return _I.unpack(space.probe_read(qos + 4, 4))[0]


def NtDuplicateToken(kernel, thread, existing, access, object_attributes, effective_only, token_type, handle_out):
    space = thread.process.space
    space.probe_write(handle_out, b"\0" * 8)
    source = _reference(kernel, thread, existing, TOKEN_DUPLICATE)
    token_type &= 0xFFFFFFFF
    if token_type not in (TokenPrimary, TokenImpersonation):
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    level = _quality_of_service_level(space, object_attributes)
    if token_type == TokenImpersonation:
        level = SecurityAnonymous if level is None else level
        if level > SecurityDelegation:
            raise NtStatusError(STATUS_BAD_IMPERSONATION_LEVEL)
        # A copy cannot raise the level of the impersonation token it comes from.
        if source.token_type == TokenImpersonation and level > source.impersonation_level:
            raise NtStatusError(STATUS_BAD_IMPERSONATION_LEVEL)
    elif source.token_type == TokenImpersonation and source.impersonation_level < SecurityImpersonation:
        raise NtStatusError(STATUS_BAD_IMPERSONATION_LEVEL)
    kernel.next_token_id = getattr(kernel, "next_token_id", 0x3A000) + 0x1000
    copy = Token(kernel, kernel.next_token_id)
    copy.privileges = dict(source.privileges)
    copy.groups = list(source.groups)
    copy.user_attributes = source.user_attributes
    copy.restricted_sids = list(source.restricted_sids)
    copy.filtered = source.filtered
    copy.token_type = token_type
    copy.impersonation_level = level if token_type == TokenImpersonation else 0
    if effective_only & 0xFF:                 # only what is enabled survives
        copy.privileges = {luid: a for luid, a in copy.privileges.items() if a & SE_PRIVILEGE_ENABLED}
        copy.groups = [(sid, a) for sid, a in copy.groups if a & SE_GROUP_ENABLED]
    attributes = _I.unpack(space.probe_read(object_attributes + 0x18, 4))[0] if object_attributes else 0
    return _open(kernel, thread, copy, access or TOKEN_QUERY, attributes, handle_out)


def PsImpersonateClient(kernel, thread, target, handle: int) -> None:
    """ThreadImpersonationToken: handle 0 reverts the thread to its process's token; otherwise an
    impersonation token opened with TOKEN_IMPERSONATE becomes the thread's."""
    if handle == 0:
        target.impersonation_token = None
        return
    token = thread.process.handles.lookup(handle, Token)
    if thread.process.handles.access(handle) & TOKEN_IMPERSONATE != TOKEN_IMPERSONATE:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    if token.token_type != TokenImpersonation:
        raise NtStatusError(STATUS_BAD_TOKEN_TYPE)
    token.handle_opened()                     # the thread's own reference
    target.impersonation_token = token


def _client_token(kernel, thread, handle: int) -> Token:
    token = _reference(kernel, thread, handle, TOKEN_QUERY)
    if token.token_type != TokenImpersonation:
        raise NtStatusError(STATUS_NO_IMPERSONATION_TOKEN)
    if token.impersonation_level < SecurityIdentification:
        raise NtStatusError(STATUS_BAD_IMPERSONATION_LEVEL)
    return token


def _map_generic(mask: int, mapping: tuple) -> int:
    read, write, execute, everything = mapping
    for bit, rights in ((GENERIC_READ, read), (GENERIC_WRITE, write), (GENERIC_EXECUTE, execute),
                        (GENERIC_ALL, everything)):
        if mask & bit:
            mask = (mask & ~bit) | rights
    return mask


def _aces(dacl: bytes):
    count = struct.unpack_from("<H", dacl, 4)[0]
    at = 8
    for _ in range(count):
        ace_type, flags, size = struct.unpack_from("<BBH", dacl, at)
        mask = _I.unpack_from(dacl, at + 4)[0]
        yield ace_type, flags, mask, dacl[at + 8:at + size]
        at += size


def _walk_dacl(dacl: bytes, mapping: tuple, enabled: set, deny_only: set, granted: int) -> int:
    """The rights the DACL grants the SIDs: allow ACEs grant what no earlier deny ACE took, deny
    ACEs take what no earlier allow ACE gave."""
    denied = 0
    for ace_type, flags, mask, sid in _aces(dacl):
        if flags & INHERIT_ONLY_ACE:
            continue
        mask = _map_generic(mask, mapping)
        if ace_type == ACCESS_ALLOWED_ACE_TYPE and sid in enabled:
            granted |= mask & ~denied
        elif ace_type == ACCESS_DENIED_ACE_TYPE and sid in deny_only:
            denied |= mask & ~granted
    return granted


def SeAccessCheck(token: Token, descriptor: tuple, desired: int, mapping: tuple) -> tuple[int, int]:
    """(status, granted) of the DACL walk (_walk_dacl); the owner always gets READ_CONTROL and
    WRITE_DAC. A restricted token (kernel/se/filter.py) is granted only what a second walk over its
    restricting SIDs grants too."""
    _control, owner, group, dacl, _sacl = descriptor
    if owner is None or group is None:
        return STATUS_INVALID_SECURITY_DESCR, 0
    user = set() if token.user_attributes & SE_GROUP_USE_FOR_DENY_ONLY else {sid_bytes(USER_SID)}
    enabled = user | {sid_bytes(s) for s, a in token.groups
                      if a & SE_GROUP_ENABLED and not a & SE_GROUP_USE_FOR_DENY_ONLY}
    deny_only = enabled | {sid_bytes(USER_SID)} | {sid_bytes(s) for s, a in token.groups
                                                   if a & SE_GROUP_USE_FOR_DENY_ONLY}
    if desired & ACCESS_SYSTEM_SECURITY and not token.privileges.get(SE_SECURITY_PRIVILEGE, 0) & SE_PRIVILEGE_ENABLED:
        return STATUS_PRIVILEGE_NOT_HELD, 0
    wanted = desired & ~(MAXIMUM_ALLOWED | ACCESS_SYSTEM_SECURITY)
    if dacl is None or dacl == b"":             # no DACL, or a NULL DACL: everything
        everything = _map_generic(GENERIC_ALL, mapping) | READ_CONTROL | WRITE_DAC | 0x000F0000
        rights = everything if desired & MAXIMUM_ALLOWED else wanted
        return STATUS_SUCCESS, rights | (desired & ACCESS_SYSTEM_SECURITY)
    granted = _walk_dacl(dacl, mapping, enabled, deny_only, READ_CONTROL | WRITE_DAC if owner in enabled else 0)
    if token.restricted_sids:
        restricting = {sid_bytes(s) for s, _a in token.restricted_sids}
        granted &= _walk_dacl(dacl, mapping, restricting, restricting,
                              READ_CONTROL | WRITE_DAC if owner in restricting else 0)
    if desired & MAXIMUM_ALLOWED:
        if wanted & ~granted or not granted:
            return STATUS_ACCESS_DENIED, 0
        return STATUS_SUCCESS, granted | (desired & ACCESS_SYSTEM_SECURITY)
    if wanted & ~granted:
        return STATUS_ACCESS_DENIED, 0
    return STATUS_SUCCESS, desired


def NtAccessCheck(kernel, thread, descriptor, client_token, desired, mapping, privileges, privileges_length,
                  granted_out, status_out):
    space = thread.process.space
    token = _client_token(kernel, thread, client_token)
    desired &= 0xFFFFFFFF
    if desired & (GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL):
        raise NtStatusError(STATUS_GENERIC_NOT_MAPPED)
    if not mapping or not descriptor:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    generic = struct.unpack("<4I", space.probe_read(mapping, 16))
    length = _I.unpack(space.probe_read(privileges_length, 4))[0] if privileges_length else 0
    if length < 8:                            # PRIVILEGE_SET's head: no privilege was used
        space.probe_write(privileges_length, _I.pack(20))
        raise NtStatusError(STATUS_BUFFER_TOO_SMALL)
    status, granted = SeAccessCheck(token, read_descriptor(space, descriptor), desired, generic)
    if status == STATUS_INVALID_SECURITY_DESCR:
        raise NtStatusError(status)
    space.probe_write(privileges, struct.pack("<II", 0, 0))
    space.probe_write(granted_out, _I.pack(granted))
    space.probe_write(status_out, _I.pack(status))
    return STATUS_SUCCESS


def NtPrivilegeCheck(kernel, thread, client_token, required, result_out):
    """Each privilege of the set that the token has enabled is marked SE_PRIVILEGE_USED_FOR_ACCESS;
    the result is whether all (PRIVILEGE_SET_ALL_NECESSARY) or any of them are."""
    space = thread.process.space
    token = _client_token(kernel, thread, client_token)
    count, control = struct.unpack("<II", space.probe_read(required, 8))
    raw = bytearray(space.probe_read(required + 8, 12 * count))
    held = 0
    for i in range(count):
        low, high, attributes = struct.unpack_from("<IiI", raw, 12 * i)
        if token.privileges.get(low | (high << 32), 0) & SE_PRIVILEGE_ENABLED:
            held += 1
            struct.pack_into("<I", raw, 12 * i + 8, attributes | SE_PRIVILEGE_USED_FOR_ACCESS)
    space.probe_write(required + 8, bytes(raw))
    ok = held == count if control & PRIVILEGE_SET_ALL_NECESSARY else held > 0
    space.probe_write(result_out, bytes([1 if ok else 0]))
    return STATUS_SUCCESS


def NtAllocateLocallyUniqueId(kernel, thread, luid_out):
    """A LUID no other caller of this boot gets: counted up from past the well-known ones."""
    kernel.next_luid = getattr(kernel, "next_luid", 0x3E8 + 0x40000) + 1
    luid = struct.pack("<Ii", kernel.next_luid & 0xFFFFFFFF, kernel.next_luid >> 32)
    thread.process.space.probe_write(luid_out, luid)
    return STATUS_SUCCESS


IMPERSONATION_SERVICES = {
    "NtDuplicateToken": (NtDuplicateToken, (
        ("ExistingTokenHandle", "h"), ("DesiredAccess", "u"), ("ObjectAttributes", "p"), ("EffectiveOnly", "b"),
        ("TokenType", "u"), ("NewTokenHandle", "ph"))),
    "NtAccessCheck": (NtAccessCheck, (
        ("SecurityDescriptor", "p"), ("ClientToken", "h"), ("DesiredAccess", "u"), ("GenericMapping", "p"),
        ("PrivilegeSet", "p"), ("PrivilegeSetLength", "pul"), ("GrantedAccess", "pul"), ("AccessStatus", "pul"))),
    "NtPrivilegeCheck": (NtPrivilegeCheck, (
        ("ClientToken", "h"), ("RequiredPrivileges", "p"), ("Result", "p"))),
    "NtAllocateLocallyUniqueId": (NtAllocateLocallyUniqueId, (("Luid", "p"),)),
}
