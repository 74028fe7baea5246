/* Services and the event log from a console program: the (empty) service database a standard user
 * may open, what a program not started by the SCM gets, and events reported to a source (they reach
 * the kernel's event stream as debug-print records). Exit code: failed checks. */
#include "../k32.h"

static void WINAPI ServiceMain(DWORD argc, LPWSTR *argv) {}

void Entry(void)
{
    CheckError(!OpenSCManagerW(NULL, NULL, SC_MANAGER_ALL_ACCESS), ERROR_ACCESS_DENIED,
               "OpenSCManager with every right: ERROR_ACCESS_DENIED");
    CheckError(!OpenSCManagerW(NULL, L"NoSuchDatabase", SC_MANAGER_CONNECT), ERROR_INVALID_NAME,
               "an unknown database: ERROR_INVALID_NAME");
    SC_HANDLE scm = OpenSCManagerW(NULL, SERVICES_ACTIVE_DATABASEW, SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE);
    Check(scm != NULL, "OpenSCManagerW for connect and enumerate");
    CheckError(!OpenServiceW(scm, L"Spooler", SERVICE_QUERY_STATUS), ERROR_SERVICE_DOES_NOT_EXIST,
               "OpenServiceW: ERROR_SERVICE_DOES_NOT_EXIST");
    DWORD needed = 99, returned = 99, resume = 5;
    BYTE buffer[256];
    Check(EnumServicesStatusExW(scm, SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_STATE_ALL, buffer, sizeof(buffer),
                                &needed, &returned, &resume, NULL) && !needed && !returned && !resume,
          "EnumServicesStatusExW: no services");
    CheckError(!EnumServicesStatusExW(scm, 7, SERVICE_WIN32, SERVICE_STATE_ALL, buffer, sizeof(buffer), &needed,
                                      &returned, NULL, NULL), ERROR_INVALID_LEVEL, "a bad level: ERROR_INVALID_LEVEL");
    SERVICE_STATUS status;
    CheckError(!QueryServiceStatus(scm, &status), ERROR_INVALID_HANDLE,
               "QueryServiceStatus of the manager: ERROR_INVALID_HANDLE");
    CheckError(!CreateServiceW(scm, L"demo", L"Demo", SERVICE_ALL_ACCESS, SERVICE_WIN32_OWN_PROCESS,
                               SERVICE_DEMAND_START, SERVICE_ERROR_NORMAL, L"C:\\demo.exe", NULL, NULL, NULL, NULL, NULL),
               ERROR_ACCESS_DENIED, "CreateServiceW without SC_MANAGER_CREATE_SERVICE: ERROR_ACCESS_DENIED");
    CheckError(LockServiceDatabase(scm) == NULL, ERROR_ACCESS_DENIED, "LockServiceDatabase: ERROR_ACCESS_DENIED");
    DWORD need_lock = 0;
    CheckError(!QueryServiceLockStatusW(scm, NULL, 0, &need_lock), ERROR_ACCESS_DENIED,
               "QueryServiceLockStatusW without SC_MANAGER_QUERY_LOCK_STATUS: ERROR_ACCESS_DENIED");
    SC_HANDLE scm_lock = OpenSCManagerW(NULL, NULL, SC_MANAGER_QUERY_LOCK_STATUS);
    CheckError(!QueryServiceLockStatusW(scm_lock, NULL, 0, &need_lock), ERROR_INSUFFICIENT_BUFFER,
               "QueryServiceLockStatusW without a buffer: ERROR_INSUFFICIENT_BUFFER");
    QUERY_SERVICE_LOCK_STATUSW *lock = (QUERY_SERVICE_LOCK_STATUSW *)buffer;
    Check(need_lock > sizeof(*lock) && QueryServiceLockStatusW(scm_lock, lock, sizeof(buffer), &need_lock) &&
          !lock->fIsLocked && lock->lpLockOwner[0] == 0, "QueryServiceLockStatusW: not locked, no owner");
    CloseServiceHandle(scm_lock);
    WCHAR key[64];
    DWORD key_size = 64;
    CheckError(!GetServiceKeyNameW(scm, L"Demo", key, &key_size), ERROR_SERVICE_DOES_NOT_EXIST,
               "GetServiceKeyNameW: ERROR_SERVICE_DOES_NOT_EXIST");
    CheckError(!StartServiceW(scm, 0, NULL), ERROR_INVALID_HANDLE, "StartServiceW of the manager: ERROR_INVALID_HANDLE");
    CheckError(!ControlService(scm, SERVICE_CONTROL_STOP, &status), ERROR_INVALID_HANDLE,
               "ControlService of the manager: ERROR_INVALID_HANDLE");
    SERVICE_NOTIFYW notify = {.dwVersion = SERVICE_NOTIFY_STATUS_CHANGE};
    Check(NotifyServiceStatusChangeW(scm, SERVICE_NOTIFY_CREATED, &notify) == ERROR_SUCCESS &&
          NotifyServiceStatusChangeW(scm, SERVICE_NOTIFY_RUNNING, &notify) == ERROR_INVALID_PARAMETER,
          "NotifyServiceStatusChangeW on the manager: creations only");
    Check(CloseServiceHandle(scm), "CloseServiceHandle");
    CheckError(!CloseServiceHandle(NULL), ERROR_INVALID_HANDLE, "CloseServiceHandle(NULL): ERROR_INVALID_HANDLE");
    SERVICE_TABLE_ENTRYW table[] = {{L"demo", ServiceMain}, {NULL, NULL}};
    CheckError(!StartServiceCtrlDispatcherW(table), ERROR_FAILED_SERVICE_CONTROLLER_CONNECT,
               "StartServiceCtrlDispatcherW: ERROR_FAILED_SERVICE_CONTROLLER_CONNECT");
    CheckError(!RegisterServiceCtrlHandlerExW(L"demo", NULL, NULL), ERROR_SERVICE_DOES_NOT_EXIST,
               "RegisterServiceCtrlHandlerExW: ERROR_SERVICE_DOES_NOT_EXIST");

    HANDLE source = RegisterEventSourceW(NULL, L"advapi_svc");
    Check(source != NULL, "RegisterEventSourceW");
    LPCWSTR strings[] = {L"first", L"second"};
    Check(ReportEventW(source, EVENTLOG_WARNING_TYPE, 0, 1001, NULL, 2, 0, strings, NULL), "ReportEventW");
    LPCSTR narrow[] = {"narrow"};
    Check(ReportEventA(source, EVENTLOG_INFORMATION_TYPE, 0, 7, NULL, 1, 0, narrow, NULL), "ReportEventA");
    CheckError(!ReportEventW(source, 3, 0, 1, NULL, 0, 0, NULL, NULL), ERROR_INVALID_PARAMETER,
               "a bad event type: ERROR_INVALID_PARAMETER");
    Check(DeregisterEventSource(source), "DeregisterEventSource");
    CheckError(!ReportEventW(NULL, EVENTLOG_ERROR_TYPE, 0, 1, NULL, 0, 0, NULL, NULL), ERROR_INVALID_HANDLE,
               "no source: ERROR_INVALID_HANDLE");
    HANDLE log = OpenEventLogW(NULL, L"Application");
    DWORD records = 99, read, need;
    Check(log && GetNumberOfEventLogRecords(log, &records) && records == 0, "OpenEventLogW: no records");
    CheckError(!ReadEventLogW(log, EVENTLOG_SEQUENTIAL_READ | EVENTLOG_FORWARDS_READ, 0, buffer, sizeof(buffer), &read,
                              &need), ERROR_HANDLE_EOF, "ReadEventLogW: ERROR_HANDLE_EOF");
    Check(CloseEventLog(log), "CloseEventLog");
    ExitProcess(failures);
}
