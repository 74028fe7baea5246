"""NtFilterToken: a restricted copy of a token (CreateRestrictedToken's service). The copy has the
source's type and level; the SIDs to disable become deny-only (SE_GROUP_USE_FOR_DENY_ONLY, no longer
enabled: they match only deny ACEs), the privileges to delete are gone (DISABLE_MAX_PRIVILEGE deletes
all but SeChangeNotifyPrivilege), the restricting SIDs are added to the source's, and access checks
then grant only what both the normal and the restricting SIDs are granted (kernel/se/impersonate.py).
The new handle has the access of the one it was made from."""
import struct

from ..status import STATUS_INVALID_PARAMETER, NtStatusError
from .sids import USER_SID
from .token import SE_GROUP_MANDATORY_ENABLED, TOKEN_DUPLICATE, Token, _open, _reference

DISABLE_MAX_PRIVILEGE, SANDBOX_INERT, LUA_TOKEN, WRITE_RESTRICTED = 0x1, 0x2, 0x4, 0x8
SE_CHANGE_NOTIFY_PRIVILEGE = 23
SE_GROUP_MANDATORY, SE_GROUP_ENABLED_BY_DEFAULT, SE_GROUP_ENABLED = 0x1, 0x2, 0x4
SE_GROUP_USE_FOR_DENY_ONLY = 0x10


def _read_sid(space, address: int) -> str:
    head = space.probe_read(address, 8)
    if head[0] != 1 or head[1] > 15:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    subs = struct.unpack(f"<{head[1]}I", space.probe_read(address + 8, 4 * head[1]))
    return "-".join(["S-1", str(int.from_bytes(head[2:8], "big")), *map(str, subs)])


def _read_groups(space, address: int) -> list:
    """TOKEN_GROUPS: the SIDs, in order."""
    if not address:
        return []
    count = struct.unpack("<I", space.probe_read(address, 4))[0]
    entries = space.probe_read(address + 8, 16 * count)
    return [_read_sid(space, struct.unpack_from("<Q", entries, 16 * i)[0]) for i in range(count)]


def _read_privileges(space, address: int) -> set:
    """TOKEN_PRIVILEGES: the LUIDs."""
    if not address:
        return set()
    count = struct.unpack("<I", space.probe_read(address, 4))[0]
    raw = space.probe_read(address + 4, 12 * count)
    return {low | (high << 32) for low, high, _a in struct.iter_unpack("<IiI", raw)}


def NtFilterToken(kernel, thread, existing, flags, sids_to_disable, privileges_to_delete, restricted_sids,
                  handle_out):
    space = thread.process.space
    space.probe_write(handle_out, b"\0" * 8)
    source = _reference(kernel, thread, existing, TOKEN_DUPLICATE)
    flags &= 0xFFFFFFFF
    if flags & ~(DISABLE_MAX_PRIVILEGE | SANDBOX_INERT | LUA_TOKEN | WRITE_RESTRICTED):
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    disable = {s.upper() for s in _read_groups(space, sids_to_disable)}
    delete = _read_privileges(space, privileges_to_delete)
    restricting = _read_groups(space, restricted_sids)
    # step 1: the copy, as NtDuplicateToken makes it
    kernel.next_token_id = getattr(kernel, "next_token_id", 0x3A000) + 0x1000
    copy = Token(kernel, kernel.next_token_id)
    copy.token_type = source.token_type
    copy.impersonation_level = source.impersonation_level
    copy.filtered = True
    # step 2: the SIDs to disable, the user's included, become deny-only
    copy.user_attributes = SE_GROUP_USE_FOR_DENY_ONLY if USER_SID.upper() in disable else source.user_attributes
    deny = ~(SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED)
    copy.groups = [(sid, (a & deny) | SE_GROUP_USE_FOR_DENY_ONLY if sid.upper() in disable else a)
                   for sid, a in source.groups]
    # step 3: the privileges
    if flags & DISABLE_MAX_PRIVILEGE:
        copy.privileges = {luid: a for luid, a in source.privileges.items() if luid == SE_CHANGE_NOTIFY_PRIVILEGE}
    else:
        copy.privileges = {luid: a for luid, a in source.privileges.items() if luid not in delete}
    # step 4: the restricting SIDs, after any the source has
    known = {s.upper() for s, _a in source.restricted_sids}
    copy.restricted_sids = list(source.restricted_sids) + [
        (sid, SE_GROUP_MANDATORY_ENABLED) for sid in restricting if sid.upper() not in known]
    access = thread.process.handles.access(existing)
    return _open(kernel, thread, copy, access, 0, handle_out)


FILTER_SERVICES = {
    "NtFilterToken": (NtFilterToken, (
        ("ExistingTokenHandle", "h"), ("Flags", "u"), ("SidsToDisable", "p"), ("PrivilegesToDelete", "p"),
        ("RestrictedSids", "p"), ("NewTokenHandle", "ph"))),
}
