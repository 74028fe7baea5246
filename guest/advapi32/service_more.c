/* The rest of the service control manager's calls, on the same machine with no service installed
 * (service.c): the standard user's SCM handle lacks SC_MANAGER_CREATE_SERVICE and SC_MANAGER_LOCK
 * (CreateService, LockServiceDatabase: ERROR_ACCESS_DENIED), names resolve to no service
 * (ERROR_SERVICE_DOES_NOT_EXIST), the lock status reads "not locked", and every call that takes a
 * service handle fails with ERROR_INVALID_HANDLE, since OpenService never gives one. The SCM's own
 * security descriptor is not modelled: QueryServiceObjectSecurity of it is ERROR_ACCESS_DENIED. */
#include "service.h"

static BOOL NoService(SC_HANDLE service)
{
    (void)service;
    return AdvFailError(ERROR_INVALID_HANDLE);
}

static SC_HANDLE CreateFailed(SC_HANDLE scm, const void *name)
{
    SCM_HANDLE *h = ScmOf(scm);
    SetLastError(!h ? ERROR_INVALID_HANDLE : !(h->access & SC_MANAGER_CREATE_SERVICE) ? ERROR_ACCESS_DENIED
                 : name ? ERROR_ACCESS_DENIED : ERROR_INVALID_ADDRESS);
    return NULL;
}

ADVAPI SC_HANDLE WINAPI CreateServiceW(SC_HANDLE scm, LPCWSTR name, LPCWSTR display, DWORD access, DWORD type,
                                       DWORD start, DWORD error, LPCWSTR path, LPCWSTR group, LPDWORD tag,
                                       LPCWSTR dependencies, LPCWSTR account, LPCWSTR password)
{
    (void)display; (void)access; (void)type; (void)start; (void)error; (void)path; (void)group; (void)tag;
    (void)dependencies; (void)account; (void)password;
    return CreateFailed(scm, name);
}

ADVAPI SC_HANDLE WINAPI CreateServiceA(SC_HANDLE scm, LPCSTR name, LPCSTR display, DWORD access, DWORD type,
                                       DWORD start, DWORD error, LPCSTR path, LPCSTR group, LPDWORD tag,
                                       LPCSTR dependencies, LPCSTR account, LPCSTR password)
{
    (void)display; (void)access; (void)type; (void)start; (void)error; (void)path; (void)group; (void)tag;
    (void)dependencies; (void)account; (void)password;
    return CreateFailed(scm, name);
}

ADVAPI SC_LOCK WINAPI LockServiceDatabase(SC_HANDLE scm)
{
    SCM_HANDLE *h = ScmOf(scm);
    SetLastError(!h ? ERROR_INVALID_HANDLE : ERROR_ACCESS_DENIED);
    return NULL;
}

ADVAPI BOOL WINAPI UnlockServiceDatabase(SC_LOCK lock)
{
    return AdvFailError(lock ? ERROR_INVALID_SERVICE_LOCK : ERROR_INVALID_SERVICE_LOCK);
}

/* Not locked: fIsLocked 0, an empty owner, no duration. */
static BOOL LockStatus(SC_HANDLE scm, void *buffer, DWORD size, LPDWORD needed, BOOL wide)
{
    SCM_HANDLE *h = ScmOf(scm);
    if (!h)
        return AdvFailError(ERROR_INVALID_HANDLE);
    if (!(h->access & SC_MANAGER_QUERY_LOCK_STATUS))
        return AdvFailError(ERROR_ACCESS_DENIED);
    if (!needed)
        return AdvFailError(ERROR_INVALID_ADDRESS);
    DWORD base = wide ? sizeof(QUERY_SERVICE_LOCK_STATUSW) : sizeof(QUERY_SERVICE_LOCK_STATUSA);
    DWORD total = base + (wide ? sizeof(WCHAR) : 1);
    *needed = total;
    if (!buffer || size < total)
        return AdvFailError(ERROR_INSUFFICIENT_BUFFER);
    BYTE *p = buffer;
    memset(p, 0, total);
    if (wide)
        ((QUERY_SERVICE_LOCK_STATUSW *)p)->lpLockOwner = (WCHAR *)(p + base);
    else
        ((QUERY_SERVICE_LOCK_STATUSA *)p)->lpLockOwner = (char *)(p + base);
    return TRUE;
}

ADVAPI BOOL WINAPI QueryServiceLockStatusW(SC_HANDLE scm, LPQUERY_SERVICE_LOCK_STATUSW status, DWORD size, LPDWORD needed)
{
    return LockStatus(scm, status, size, needed, TRUE);
}

ADVAPI BOOL WINAPI QueryServiceLockStatusA(SC_HANDLE scm, LPQUERY_SERVICE_LOCK_STATUSA status, DWORD size, LPDWORD needed)
{
    return LockStatus(scm, status, size, needed, FALSE);
}

static BOOL NoSuchName(SC_HANDLE scm, const void *name, LPDWORD size)
{
    if (!ScmOf(scm))
        return AdvFailError(ERROR_INVALID_HANDLE);
    if (!name || !size)
        return AdvFailError(ERROR_INVALID_ADDRESS);
    return AdvFailError(ERROR_SERVICE_DOES_NOT_EXIST);
}

ADVAPI BOOL WINAPI GetServiceKeyNameW(SC_HANDLE scm, LPCWSTR display, LPWSTR name, LPDWORD size)
{
    (void)name;
    return NoSuchName(scm, display, size);
}

ADVAPI BOOL WINAPI GetServiceKeyNameA(SC_HANDLE scm, LPCSTR display, LPSTR name, LPDWORD size)
{
    (void)name;
    return NoSuchName(scm, display, size);
}

ADVAPI BOOL WINAPI GetServiceDisplayNameW(SC_HANDLE scm, LPCWSTR name, LPWSTR display, LPDWORD size)
{
    (void)display;
    return NoSuchName(scm, name, size);
}

ADVAPI BOOL WINAPI GetServiceDisplayNameA(SC_HANDLE scm, LPCSTR name, LPSTR display, LPDWORD size)
{
    (void)display;
    return NoSuchName(scm, name, size);
}

/* On the SCM handle only creations and deletions can be watched; none ever comes. */
static DWORD NotifyChange(SC_HANDLE s, DWORD mask, const void *notify)
{
    if (!ScmOf(s))
        return ERROR_INVALID_HANDLE;
    if (!notify || !mask || (mask & ~(DWORD)(SERVICE_NOTIFY_CREATED | SERVICE_NOTIFY_DELETED)))
        return ERROR_INVALID_PARAMETER;
    return ERROR_SUCCESS;
}

/* The calls on a service handle. */
ADVAPI BOOL WINAPI StartServiceW(SC_HANDLE s, DWORD argc, LPCWSTR *argv) { (void)argc; (void)argv; return NoService(s); }
ADVAPI BOOL WINAPI StartServiceA(SC_HANDLE s, DWORD argc, LPCSTR *argv) { (void)argc; (void)argv; return NoService(s); }
ADVAPI BOOL WINAPI DeleteService(SC_HANDLE s) { return NoService(s); }
ADVAPI BOOL WINAPI ControlService(SC_HANDLE s, DWORD control, LPSERVICE_STATUS status)
{
    (void)control; (void)status;
    return NoService(s);
}
ADVAPI BOOL WINAPI ControlServiceExW(SC_HANDLE s, DWORD control, DWORD level, PVOID params)
{
    (void)control; (void)level; (void)params;
    return NoService(s);
}
ADVAPI BOOL WINAPI ControlServiceExA(SC_HANDLE s, DWORD control, DWORD level, PVOID params)
{
    (void)control; (void)level; (void)params;
    return NoService(s);
}
ADVAPI BOOL WINAPI ChangeServiceConfigW(SC_HANDLE s, DWORD type, DWORD start, DWORD error, LPCWSTR path, LPCWSTR group,
                                        LPDWORD tag, LPCWSTR dependencies, LPCWSTR account, LPCWSTR password,
                                        LPCWSTR display)
{
    (void)type; (void)start; (void)error; (void)path; (void)group; (void)tag; (void)dependencies; (void)account;
    (void)password; (void)display;
    return NoService(s);
}
ADVAPI BOOL WINAPI ChangeServiceConfigA(SC_HANDLE s, DWORD type, DWORD start, DWORD error, LPCSTR path, LPCSTR group,
                                        LPDWORD tag, LPCSTR dependencies, LPCSTR account, LPCSTR password,
                                        LPCSTR display)
{
    (void)type; (void)start; (void)error; (void)path; (void)group; (void)tag; (void)dependencies; (void)account;
    (void)password; (void)display;
    return NoService(s);
}
ADVAPI BOOL WINAPI ChangeServiceConfig2W(SC_HANDLE s, DWORD level, LPVOID info) { (void)level; (void)info; return NoService(s); }
ADVAPI BOOL WINAPI ChangeServiceConfig2A(SC_HANDLE s, DWORD level, LPVOID info) { (void)level; (void)info; return NoService(s); }
ADVAPI BOOL WINAPI QueryServiceConfigW(SC_HANDLE s, LPQUERY_SERVICE_CONFIGW config, DWORD size, LPDWORD needed)
{
    (void)config; (void)size; (void)needed;
    return NoService(s);
}
ADVAPI BOOL WINAPI QueryServiceConfigA(SC_HANDLE s, LPQUERY_SERVICE_CONFIGA config, DWORD size, LPDWORD needed)
{
    (void)config; (void)size; (void)needed;
    return NoService(s);
}
ADVAPI BOOL WINAPI QueryServiceConfig2W(SC_HANDLE s, DWORD level, LPBYTE buffer, DWORD size, LPDWORD needed)
{
    (void)level; (void)buffer; (void)size; (void)needed;
    return NoService(s);
}
ADVAPI BOOL WINAPI QueryServiceConfig2A(SC_HANDLE s, DWORD level, LPBYTE buffer, DWORD size, LPDWORD needed)
{
    (void)level; (void)buffer; (void)size; (void)needed;
    return NoService(s);
}
ADVAPI BOOL WINAPI EnumDependentServicesW(SC_HANDLE s, DWORD state, LPENUM_SERVICE_STATUSW services, DWORD size,
                                          LPDWORD needed, LPDWORD returned)
{
    (void)state; (void)services; (void)size; (void)needed; (void)returned;
    return NoService(s);
}
ADVAPI BOOL WINAPI EnumDependentServicesA(SC_HANDLE s, DWORD state, LPENUM_SERVICE_STATUSA services, DWORD size,
                                          LPDWORD needed, LPDWORD returned)
{
    (void)state; (void)services; (void)size; (void)needed; (void)returned;
    return NoService(s);
}
ADVAPI BOOL WINAPI QueryServiceObjectSecurity(SC_HANDLE s, SECURITY_INFORMATION info, PSECURITY_DESCRIPTOR sd, DWORD size,
                                              LPDWORD needed)
{
    (void)info; (void)sd; (void)size; (void)needed;
    return ScmOf(s) ? AdvFailError(ERROR_ACCESS_DENIED) : NoService(s);
}
ADVAPI BOOL WINAPI SetServiceObjectSecurity(SC_HANDLE s, SECURITY_INFORMATION info, PSECURITY_DESCRIPTOR sd)
{
    (void)info; (void)sd;
    return ScmOf(s) ? AdvFailError(ERROR_ACCESS_DENIED) : NoService(s);
}
ADVAPI DWORD WINAPI NotifyServiceStatusChangeW(SC_HANDLE s, DWORD mask, PSERVICE_NOTIFYW notify)
{
    return NotifyChange(s, mask, notify);
}
ADVAPI DWORD WINAPI NotifyServiceStatusChangeA(SC_HANDLE s, DWORD mask, PSERVICE_NOTIFYA notify)
{
    return NotifyChange(s, mask, notify);
}
ADVAPI BOOL WINAPI SetServiceBits(SERVICE_STATUS_HANDLE status, DWORD bits, BOOL set, BOOL immediately)
{
    (void)status; (void)bits; (void)set; (void)immediately;
    return AdvFailError(ERROR_INVALID_HANDLE);
}

/* The undecorated name is the wide form's. */
#undef NotifyServiceStatusChange
ADVAPI DWORD WINAPI NotifyServiceStatusChange(SC_HANDLE s, DWORD mask, PSERVICE_NOTIFYW notify)
{
    return NotifyChange(s, mask, notify);
}
