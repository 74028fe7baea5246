"""Tokens: the primary token each process runs with, and its services NtOpenProcessToken(Ex),
NtOpenThreadToken(Ex), NtQueryInformationToken and NtAdjustPrivilegesToken.

Every process has the same kind of token, made when it is first asked for (SeCreateAccessState's
primary token, EPROCESS.Token points at it): the user of kernel/se/sids.py, a standard (not
administrator) interactive account, at medium integrity, not elevated (TokenElevationTypeDefault),
in session 1, with the five privileges Windows 10 gives such a user (only SeChangeNotifyPrivilege
enabled). A thread has no token (STATUS_NO_TOKEN) until it impersonates (kernel/se/impersonate.py:
NtDuplicateToken makes impersonation tokens, NtSetInformationThread(ThreadImpersonationToken) puts one
on a thread); NtOpenThreadToken then opens that one."""
import struct

from ..ex.handles import reference_process, reference_thread
from ..ob.access import ObpMapAccess
from ..ob.namespace import OBJ_INHERIT
from ..ob.object import ObCreateObject, ObjectBody
from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_BUFFER_TOO_SMALL,
    STATUS_INVALID_INFO_CLASS,
    STATUS_INVALID_PARAMETER,
    STATUS_NO_SUCH_LOGON_SESSION,
    STATUS_NO_TOKEN,
    STATUS_NOT_ALL_ASSIGNED,
    STATUS_SUCCESS,
    NtStatusError,
)
from .sids import LOGON_SID, MEDIUM_INTEGRITY_SID, NONE_GROUP_SID, SYSTEM_SID, USER_SID, sid_bytes

TOKEN_OBJECT_SIZE = 0x498               # TOKEN on x64 (build 19045)
TOKEN_ASSIGN_PRIMARY, TOKEN_DUPLICATE, TOKEN_IMPERSONATE, TOKEN_QUERY = 0x1, 0x2, 0x4, 0x8
TOKEN_QUERY_SOURCE, TOKEN_ADJUST_PRIVILEGES, TOKEN_ADJUST_GROUPS, TOKEN_ADJUST_DEFAULT = 0x10, 0x20, 0x40, 0x80
SE_PRIVILEGE_ENABLED_BY_DEFAULT, SE_PRIVILEGE_ENABLED, SE_PRIVILEGE_REMOVED = 0x1, 0x2, 0x4
SE_GROUP_MANDATORY_ENABLED = 0x7        # mandatory, enabled by default, enabled
SE_GROUP_LOGON_ID = 0xC0000000
SE_GROUP_INTEGRITY = 0x60               # SE_GROUP_INTEGRITY | SE_GROUP_INTEGRITY_ENABLED
TokenPrimary, TokenImpersonation = 1, 2
TokenElevationTypeDefault = 1
SESSION_ID = 1
# (SID, attributes) of the groups a standard local user's interactive logon gives, in order.
GROUPS = [
    (NONE_GROUP_SID, SE_GROUP_MANDATORY_ENABLED), ("S-1-1-0", SE_GROUP_MANDATORY_ENABLED),
    ("S-1-5-32-545", SE_GROUP_MANDATORY_ENABLED), ("S-1-5-4", SE_GROUP_MANDATORY_ENABLED),
    ("S-1-2-1", SE_GROUP_MANDATORY_ENABLED), ("S-1-5-11", SE_GROUP_MANDATORY_ENABLED),
    ("S-1-5-15", SE_GROUP_MANDATORY_ENABLED), ("S-1-5-113", SE_GROUP_MANDATORY_ENABLED),
    (LOGON_SID, SE_GROUP_LOGON_ID | SE_GROUP_MANDATORY_ENABLED), ("S-1-2-0", SE_GROUP_MANDATORY_ENABLED),
    ("S-1-5-64-10", SE_GROUP_MANDATORY_ENABLED), (MEDIUM_INTEGRITY_SID, SE_GROUP_INTEGRITY),
]
# (LUID, attributes): SeShutdown, SeChangeNotify, SeUndock, SeIncreaseWorkingSet, SeTimeZone.
PRIVILEGES = [(19, 0), (23, SE_PRIVILEGE_ENABLED_BY_DEFAULT | SE_PRIVILEGE_ENABLED), (25, 0), (33, 0), (34, 0)]
AUTHENTICATION_ID = 0x2A7F1             # the logon session's LUID
GENERIC_ALL = 0x10000000

# TOKEN_INFORMATION_CLASS
(TokenUser, TokenGroups, TokenPrivileges, TokenOwner, TokenPrimaryGroup, TokenDefaultDacl, TokenSource,
 TokenType, TokenImpersonationLevel, TokenStatistics) = range(1, 11)
TokenRestrictedSids = 11
TokenSessionId, TokenOrigin, TokenElevationType, TokenLinkedToken, TokenElevation = 12, 17, 18, 19, 20
TokenHasRestrictions, TokenVirtualizationAllowed, TokenVirtualizationEnabled = 21, 23, 24
TokenIntegrityLevel, TokenUIAccess, TokenMandatoryPolicy, TokenLogonSid, TokenIsAppContainer = 25, 26, 27, 28, 29
TokenAppContainerNumber = 32
_Q = struct.Struct("<Q")
_I = struct.Struct("<I")


class Token(ObjectBody):
    type_name = "Token"

    def __init__(self, kernel, token_id: int):
        self.address = ObCreateObject(kernel, "Token", TOKEN_OBJECT_SIZE)
        self.bind_header(kernel.system, self.address)
        self.token_id = token_id
        self.modified_id = token_id
        self.privileges = dict(PRIVILEGES)        # LUID -> attributes, in Windows' order
        self.token_type = TokenPrimary
        self.impersonation_level = 0              # SECURITY_IMPERSONATION_LEVEL of an impersonation token
        self.groups = list(GROUPS)                # (SID, attributes)
        self.user_attributes = 0                  # SE_GROUP_USE_FOR_DENY_ONLY once filtered out (kernel/se/filter.py)
        self.restricted_sids = []                 # (SID, attributes) of a restricted token
        self.filtered = False                     # made by NtFilterToken: TokenHasRestrictions

    def privilege_list(self) -> list:
        return list(self.privileges.items())


def PsReferencePrimaryToken(kernel, process) -> Token:
    """The process's token, made the first time (its address then in EPROCESS.Token, an
    EX_FAST_REF whose low four bits are a reference cache)."""
    token = getattr(process, "primary_token", None)
    if token is None:
        kernel.next_token_id = getattr(kernel, "next_token_id", 0x3A000) + 0x1000
        token = process.primary_token = Token(kernel, kernel.next_token_id)
        token.handle_opened()                     # the process's own reference
        process.eprocess.Token.Value = token.address | 0xF
    return token


def _open(kernel, thread, token, access, attributes, handle_out) -> int:
    handle = thread.process.handles.insert(token, ObpMapAccess("Token", access), attributes & OBJ_INHERIT)
    thread.process.space.probe_write(handle_out, _Q.pack(handle))
    return STATUS_SUCCESS


def NtOpenProcessTokenEx(kernel, thread, process_handle, access, attributes, handle_out):
    thread.process.space.probe_write(handle_out, b"\0" * 8)
    process = reference_process(thread, process_handle)
    return _open(kernel, thread, PsReferencePrimaryToken(kernel, process), access, attributes, handle_out)


def NtOpenProcessToken(kernel, thread, process_handle, access, handle_out):
    return NtOpenProcessTokenEx(kernel, thread, process_handle, access, 0, handle_out)


def NtOpenThreadTokenEx(kernel, thread, thread_handle, access, open_as_self, attributes, handle_out):
    thread.process.space.probe_write(handle_out, b"\0" * 8)
    target = reference_thread(thread, thread_handle)
    token = getattr(target, "impersonation_token", None)
    if token is None:
        raise NtStatusError(STATUS_NO_TOKEN)      # the thread does not impersonate
    return _open(kernel, thread, token, access, attributes, handle_out)


def NtOpenThreadToken(kernel, thread, thread_handle, access, open_as_self, handle_out):
    return NtOpenThreadTokenEx(kernel, thread, thread_handle, access, open_as_self, 0, handle_out)


# -- NtQueryInformationToken: each class's record, laid out at the caller's buffer address
def _sid_and_attributes(base: int, entries: list, head: bytes = b"") -> bytes:
    """SID_AND_ATTRIBUTES[] after `head`, the SIDs after the array."""
    table = bytearray(head)
    sids = bytearray()
    at = base + len(head) + 16 * len(entries)
    for sid, attributes in entries:
        raw = sid_bytes(sid)
        table += struct.pack("<QI4x", at + len(sids), attributes)
        sids += raw
    return bytes(table + sids)


def _pointer_to_sid(base: int, sid: str) -> bytes:
    return _Q.pack(base + 8) + sid_bytes(sid)


def _default_dacl(base: int) -> bytes:
    """A PACL and the ACL: the user and SYSTEM with GENERIC_ALL (ACCESS_ALLOWED_ACEs)."""
    aces = b""
    for sid in (USER_SID, SYSTEM_SID):
        raw = sid_bytes(sid)
        aces += struct.pack("<BBHI", 0, 0, 8 + len(raw), GENERIC_ALL) + raw
    acl = struct.pack("<BBHHH", 2, 0, 8 + len(aces), 2, 0) + aces
    return _Q.pack(base + 8) + acl


def _token_information(token: Token, info_class: int, base: int) -> bytes:
    privileges = token.privilege_list()
    if info_class == TokenUser:
        return _sid_and_attributes(base, [(USER_SID, token.user_attributes)])
    if info_class == TokenGroups:
        return _sid_and_attributes(base, token.groups, struct.pack("<I4x", len(token.groups)))
    if info_class == TokenRestrictedSids:
        return _sid_and_attributes(base, token.restricted_sids, struct.pack("<I4x", len(token.restricted_sids)))
    if info_class == TokenHasRestrictions:
        return _I.pack(int(token.filtered))
    if info_class == TokenLogonSid:
        return _sid_and_attributes(base, [(LOGON_SID, SE_GROUP_LOGON_ID | SE_GROUP_MANDATORY_ENABLED)],
                                   struct.pack("<I4x", 1))
    if info_class == TokenPrivileges:
        return _I.pack(len(privileges)) + b"".join(struct.pack("<IiI", luid, 0, a) for luid, a in privileges)
    if info_class == TokenOwner:
        return _pointer_to_sid(base, USER_SID)
    if info_class == TokenPrimaryGroup:
        return _pointer_to_sid(base, NONE_GROUP_SID)
    if info_class == TokenDefaultDacl:
        return _default_dacl(base)
    if info_class == TokenSource:
        return b"User32  " + struct.pack("<Ii", 0x2A7E9, 0)
    if info_class == TokenType:
        return _I.pack(token.token_type)
    if info_class == TokenImpersonationLevel and token.token_type == TokenImpersonation:
        return _I.pack(token.impersonation_level)
    if info_class == TokenStatistics:
        return struct.pack("<IiIiqIIIIIIIi", token.token_id, 0, AUTHENTICATION_ID, 0, 0x7FFFFFFFFFFFFFFF,
                           token.token_type, token.impersonation_level, 4096, 4096 - 0x2F0, len(token.groups),
                           len(privileges), token.modified_id, 0)
    if info_class == TokenSessionId:
        return _I.pack(SESSION_ID)
    if info_class == TokenOrigin:
        return struct.pack("<Ii", 0x3E7, 0)     # the logon session that made it: SYSTEM's
    if info_class == TokenLinkedToken:
        raise NtStatusError(STATUS_NO_SUCH_LOGON_SESSION)   # a default (unsplit) token has no twin
    if info_class == TokenElevationType:
        return _I.pack(TokenElevationTypeDefault)
    if info_class == TokenIntegrityLevel:
        return _sid_and_attributes(base, [(MEDIUM_INTEGRITY_SID, SE_GROUP_INTEGRITY)])
    if info_class == TokenMandatoryPolicy:
        return _I.pack(3)                       # NO_WRITE_UP | NEW_PROCESS_MIN
    if info_class == TokenVirtualizationAllowed:
        return _I.pack(1)
    if info_class in (TokenElevation, TokenVirtualizationEnabled, TokenUIAccess,
                      TokenIsAppContainer, TokenAppContainerNumber):
        return _I.pack(0)
    raise NtStatusError(STATUS_INVALID_INFO_CLASS)   # TokenImpersonationLevel of a primary token too


# The token pseudo-handles of Windows 8 and later (GetCurrentProcessToken, GetCurrentThreadToken,
# GetCurrentThreadEffectiveToken): no handle-table entry, TOKEN_QUERY | TOKEN_QUERY_SOURCE only.
NT_CURRENT_PROCESS_TOKEN, NT_CURRENT_THREAD_TOKEN, NT_CURRENT_THREAD_EFFECTIVE_TOKEN = (
    (1 << 64) - 4, (1 << 64) - 5, (1 << 64) - 6)


def _reference(kernel, thread, handle: int, needed: int) -> Token:
    if handle in (NT_CURRENT_PROCESS_TOKEN, NT_CURRENT_THREAD_TOKEN, NT_CURRENT_THREAD_EFFECTIVE_TOKEN):
        if needed & ~(TOKEN_QUERY | TOKEN_QUERY_SOURCE):
            raise NtStatusError(STATUS_ACCESS_DENIED)
        impersonating = getattr(thread, "impersonation_token", None)
        if handle == NT_CURRENT_THREAD_TOKEN and impersonating is None:
            raise NtStatusError(STATUS_NO_TOKEN)
        if handle != NT_CURRENT_PROCESS_TOKEN and impersonating is not None:
            return impersonating
        return PsReferencePrimaryToken(kernel, thread.process)
    handles = thread.process.handles
    token = handles.lookup(handle, Token)
    if handles.access(handle) & needed != needed:
        raise NtStatusError(STATUS_ACCESS_DENIED)
    return token


def NtQueryInformationToken(kernel, thread, handle, info_class, buffer, length, return_length):
    info_class &= 0xFFFFFFFF
    token = _reference(kernel, thread, handle, TOKEN_QUERY_SOURCE if info_class == TokenSource else TOKEN_QUERY)
    record = _token_information(token, info_class, buffer)
    space = thread.process.space
    if return_length:
        space.probe_write(return_length, _I.pack(len(record)))
    if (length & 0xFFFFFFFF) < len(record):
        raise NtStatusError(STATUS_BUFFER_TOO_SMALL)
    space.probe_write(buffer, record)
    return STATUS_SUCCESS


def NtAdjustPrivilegesToken(kernel, thread, handle, disable_all, new_state, buffer_length, previous_state,
                            return_length):
    """Enable or disable privileges the token holds; one it does not hold is left out and the
    call ends STATUS_NOT_ALL_ASSIGNED (a success code). PreviousState gets the old attributes of
    those that changed."""
    needed = TOKEN_ADJUST_PRIVILEGES | (TOKEN_QUERY if previous_state else 0)
    token = _reference(kernel, thread, handle, needed)
    space = thread.process.space
    changes = []
    missing = False
    if disable_all & 0xFF:
        changes = [(luid, 0) for luid, attributes in token.privileges.items() if attributes & SE_PRIVILEGE_ENABLED]
    else:
        if not new_state:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        count = _I.unpack(space.probe_read(new_state, 4))[0]
        raw = space.probe_read(new_state + 4, 12 * count)
        for i in range(count):
            low, high, attributes = struct.unpack_from("<IiI", raw, 12 * i)
            luid = low | (high << 32)
            if luid not in token.privileges:
                missing = True
                continue
            old = token.privileges[luid]
            if attributes & SE_PRIVILEGE_REMOVED:
                new = None
            else:
                new = (old & ~SE_PRIVILEGE_ENABLED) | (attributes & SE_PRIVILEGE_ENABLED)
            changes.append((luid, new))
    changed = [(luid, token.privileges[luid]) for luid, new in changes if new != token.privileges[luid]]
    if previous_state:
        record = _I.pack(len(changed)) + b"".join(struct.pack("<IiI", luid, 0, a) for luid, a in changed)
        if return_length:
            space.probe_write(return_length, _I.pack(len(record)))
        if (buffer_length & 0xFFFFFFFF) < len(record):
            raise NtStatusError(STATUS_BUFFER_TOO_SMALL)
        space.probe_write(previous_state, record)
    for luid, new in changes:
        if new is None:
            token.privileges.pop(luid, None)
        elif disable_all & 0xFF:
            token.privileges[luid] &= ~SE_PRIVILEGE_ENABLED
        else:
            token.privileges[luid] = new
    if changed:
        kernel.next_token_id = getattr(kernel, "next_token_id", 0x3A000) + 1
        token.modified_id = kernel.next_token_id
    return STATUS_NOT_ALL_ASSIGNED if missing else STATUS_SUCCESS


TOKEN_SERVICES = {
    "NtOpenProcessToken": (NtOpenProcessToken, (
        ("ProcessHandle", "h"), ("DesiredAccess", "u"), ("TokenHandle", "ph"))),
    "NtOpenProcessTokenEx": (NtOpenProcessTokenEx, (
        ("ProcessHandle", "h"), ("DesiredAccess", "u"), ("HandleAttributes", "u"), ("TokenHandle", "ph"))),
    "NtOpenThreadToken": (NtOpenThreadToken, (
        ("ThreadHandle", "h"), ("DesiredAccess", "u"), ("OpenAsSelf", "b"), ("TokenHandle", "ph"))),
    "NtOpenThreadTokenEx": (NtOpenThreadTokenEx, (
        ("ThreadHandle", "h"), ("DesiredAccess", "u"), ("OpenAsSelf", "b"), ("HandleAttributes", "u"),
        ("TokenHandle", "ph"))),
    "NtQueryInformationToken": (NtQueryInformationToken, (
        ("TokenHandle", "h"), ("TokenInformationClass", "u"), ("TokenInformation", "p"),
        ("TokenInformationLength", "u"), ("ReturnLength", "pul"))),
    "NtAdjustPrivilegesToken": (NtAdjustPrivilegesToken, (
        ("TokenHandle", "h"), ("DisableAllPrivileges", "b"), ("NewState", "p"), ("BufferLength", "u"),
        ("PreviousState", "p"), ("ReturnLength", "pul"))),
}
