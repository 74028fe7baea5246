/* The service control manager as a console program meets it: there is no SCM process and no
 * service is installed. OpenSCManager gives a handle to the (empty) active database for the rights
 * a standard user holds (connect, enumerate, query the lock status, read: ERROR_ACCESS_DENIED for
 * more, as for a non-administrator); OpenService is ERROR_SERVICE_DOES_NOT_EXIST; the enumerations
 * return no entries; a program not started by the SCM cannot become a service:
 * StartServiceCtrlDispatcher is ERROR_FAILED_SERVICE_CONTROLLER_CONNECT, RegisterServiceCtrlHandler
 * ERROR_SERVICE_DOES_NOT_EXIST, and SetServiceStatus has no status handle (ERROR_INVALID_HANDLE). */
#include "service.h"

SCM_HANDLE *ScmOf(SC_HANDLE handle)
{
    SCM_HANDLE *h = (SCM_HANDLE *)handle;
    return h && h->magic == SCM_MAGIC ? h : NULL;
}

/* The machine name: NULL, empty, or this computer's (with or without the leading backslashes). */
static BOOL IsLocalMachine(const WCHAR *machine)
{
    WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD size = MAX_COMPUTERNAME_LENGTH + 1;
    if (!machine || !*machine)
        return TRUE;
    if (machine[0] == L'\\' && machine[1] == L'\\')
        machine += 2;
    return GetComputerNameW(name, &size) && CompareStringOrdinal(machine, -1, name, -1, TRUE) == CSTR_EQUAL;
}

ADVAPI SC_HANDLE WINAPI OpenSCManagerW(LPCWSTR machine, LPCWSTR database, DWORD access)
{
    if (!IsLocalMachine(machine)) {
        SetLastError(RPC_S_SERVER_UNAVAILABLE);
        return NULL;
    }
    if (database && CompareStringOrdinal(database, -1, SERVICES_ACTIVE_DATABASEW, -1, TRUE) != CSTR_EQUAL) {
        SetLastError(CompareStringOrdinal(database, -1, SERVICES_FAILED_DATABASEW, -1, TRUE) == CSTR_EQUAL ?
                     ERROR_DATABASE_DOES_NOT_EXIST : ERROR_INVALID_NAME);
        return NULL;
    }
    if (access & ~(DWORD)SCM_USER_RIGHTS) {
        SetLastError(ERROR_ACCESS_DENIED);
        return NULL;
    }
    SCM_HANDLE *h = AdvAlloc(sizeof(*h));
    if (!h) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    h->magic = SCM_MAGIC;
    h->access = access | SC_MANAGER_CONNECT;
    return (SC_HANDLE)h;
}

ADVAPI SC_HANDLE WINAPI OpenSCManagerA(LPCSTR machine, LPCSTR database, DWORD access)
{
    WCHAR *m = AdvAnsiToWide(machine), *d = AdvAnsiToWide(database);
    SC_HANDLE h = OpenSCManagerW(m, d, access);
    DWORD error = GetLastError();
    AdvFree(m);
    AdvFree(d);
    SetLastError(error);
    return h;
}

ADVAPI SC_HANDLE WINAPI OpenServiceW(SC_HANDLE scm, LPCWSTR name, DWORD access)
{
    if (!ScmOf(scm)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    SetLastError(name ? ERROR_SERVICE_DOES_NOT_EXIST : ERROR_INVALID_ADDRESS);
    return NULL;
}

ADVAPI SC_HANDLE WINAPI OpenServiceA(SC_HANDLE scm, LPCSTR name, DWORD access)
{
    return OpenServiceW(scm, name ? L"" : NULL, access);
}

ADVAPI BOOL WINAPI CloseServiceHandle(SC_HANDLE handle)
{
    SCM_HANDLE *h = ScmOf(handle);
    if (!h)
        return AdvFailError(ERROR_INVALID_HANDLE);
    h->magic = 0;
    AdvFree(h);
    return TRUE;
}

/* Only a service handle has a status; no service handle can be opened. */
ADVAPI BOOL WINAPI QueryServiceStatus(SC_HANDLE service, LPSERVICE_STATUS status)
{
    return AdvFailError(ERROR_INVALID_HANDLE);
}

ADVAPI BOOL WINAPI QueryServiceStatusEx(SC_HANDLE service, SC_STATUS_TYPE level, LPBYTE buffer, DWORD size,
                                        LPDWORD needed)
{
    if (level != SC_STATUS_PROCESS_INFO)
        return AdvFailError(ERROR_INVALID_LEVEL);
    return AdvFailError(ERROR_INVALID_HANDLE);
}

static BOOL EnumEmpty(SC_HANDLE scm, DWORD type, DWORD state, LPDWORD needed, LPDWORD returned)
{
    SCM_HANDLE *h = ScmOf(scm);
    if (!h)
        return AdvFailError(ERROR_INVALID_HANDLE);
    if (!(h->access & (SC_MANAGER_ENUMERATE_SERVICE | GENERIC_READ)))
        return AdvFailError(ERROR_ACCESS_DENIED);
    if (!needed || !returned)
        return AdvFailError(ERROR_INVALID_ADDRESS);
    if (!type || (type & ~(DWORD)(SERVICE_DRIVER | SERVICE_WIN32 | SERVICE_INTERACTIVE_PROCESS | 0xE0)) ||
        !state || (state & ~(DWORD)SERVICE_STATE_ALL))
        return AdvFailError(ERROR_INVALID_PARAMETER);
    *needed = 0;
    *returned = 0;
    return TRUE;
}

ADVAPI BOOL WINAPI EnumServicesStatusExW(SC_HANDLE scm, SC_ENUM_TYPE level, DWORD type, DWORD state, LPBYTE buffer,
                                         DWORD size, LPDWORD needed, LPDWORD returned, LPDWORD resume,
                                         LPCWSTR group)
{
    if (level != SC_ENUM_PROCESS_INFO)
        return AdvFailError(ERROR_INVALID_LEVEL);
    if (!EnumEmpty(scm, type, state, needed, returned))
        return FALSE;
    if (resume)
        *resume = 0;
    return TRUE;
}

ADVAPI BOOL WINAPI EnumServicesStatusExA(SC_HANDLE scm, SC_ENUM_TYPE level, DWORD type, DWORD state, LPBYTE buffer,
                                         DWORD size, LPDWORD needed, LPDWORD returned, LPDWORD resume,
                                         LPCSTR group)
{
    return EnumServicesStatusExW(scm, level, type, state, buffer, size, needed, returned, resume, NULL);
}

ADVAPI BOOL WINAPI EnumServicesStatusW(SC_HANDLE scm, DWORD type, DWORD state, LPENUM_SERVICE_STATUSW buffer,
                                       DWORD size, LPDWORD needed, LPDWORD returned, LPDWORD resume)
{
    if (!EnumEmpty(scm, type, state, needed, returned))
        return FALSE;
    if (resume)
        *resume = 0;
    return TRUE;
}

ADVAPI BOOL WINAPI EnumServicesStatusA(SC_HANDLE scm, DWORD type, DWORD state, LPENUM_SERVICE_STATUSA buffer,
                                       DWORD size, LPDWORD needed, LPDWORD returned, LPDWORD resume)
{
    return EnumServicesStatusW(scm, type, state, (LPENUM_SERVICE_STATUSW)buffer, size, needed, returned, resume);
}

ADVAPI BOOL WINAPI StartServiceCtrlDispatcherW(const SERVICE_TABLE_ENTRYW *table)
{
    if (!table)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    return AdvFailError(ERROR_FAILED_SERVICE_CONTROLLER_CONNECT);
}

ADVAPI BOOL WINAPI StartServiceCtrlDispatcherA(const SERVICE_TABLE_ENTRYA *table)
{
    return StartServiceCtrlDispatcherW((const SERVICE_TABLE_ENTRYW *)table);
}

ADVAPI SERVICE_STATUS_HANDLE WINAPI RegisterServiceCtrlHandlerExW(LPCWSTR name, LPHANDLER_FUNCTION_EX handler,
                                                                  LPVOID context)
{
    SetLastError(ERROR_SERVICE_DOES_NOT_EXIST);
    return NULL;
}

ADVAPI SERVICE_STATUS_HANDLE WINAPI RegisterServiceCtrlHandlerExA(LPCSTR name, LPHANDLER_FUNCTION_EX handler,
                                                                  LPVOID context)
{
    return RegisterServiceCtrlHandlerExW(NULL, handler, context);
}

ADVAPI SERVICE_STATUS_HANDLE WINAPI RegisterServiceCtrlHandlerW(LPCWSTR name, LPHANDLER_FUNCTION handler)
{
    return RegisterServiceCtrlHandlerExW(name, NULL, NULL);
}

ADVAPI SERVICE_STATUS_HANDLE WINAPI RegisterServiceCtrlHandlerA(LPCSTR name, LPHANDLER_FUNCTION handler)
{
    return RegisterServiceCtrlHandlerExW(NULL, NULL, NULL);
}

ADVAPI BOOL WINAPI SetServiceStatus(SERVICE_STATUS_HANDLE handle, LPSERVICE_STATUS status)
{
    return AdvFailError(ERROR_INVALID_HANDLE);
}
