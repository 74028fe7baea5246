"""NtSetSystemTime: setting the clock needs SeSystemtimePrivilege enabled in the caller's token
(SeSinglePrivilegeCheck). The interactive user's token does not hold it (kernel/se/token.py), so
every caller gets STATUS_PRIVILEGE_NOT_HELD; the virtual clock itself is the executive's and is
never set from the guest, so a token that did hold it would get STATUS_NOT_IMPLEMENTED."""
from ..se.token import SE_PRIVILEGE_ENABLED, PsReferencePrimaryToken
from ..status import STATUS_NOT_IMPLEMENTED, STATUS_PRIVILEGE_NOT_HELD, NtStatusError

SE_SYSTEMTIME_PRIVILEGE = 12


def NtSetSystemTime(kernel, thread, new_time, previous_time):
    if new_time:
        thread.process.space.probe_read(new_time, 8)
    token = PsReferencePrimaryToken(kernel, thread.process)
    if not token.privileges.get(SE_SYSTEMTIME_PRIVILEGE, 0) & SE_PRIVILEGE_ENABLED:
        raise NtStatusError(STATUS_PRIVILEGE_NOT_HELD)
    raise NtStatusError(STATUS_NOT_IMPLEMENTED)


SYSTEM_TIME_SERVICES = {
    "NtSetSystemTime": (NtSetSystemTime, (("SystemTime", "p"), ("PreviousTime", "p"))),
}
