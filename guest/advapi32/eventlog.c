/* The event log as a console program meets it, with no event log service: RegisterEventSource
 * gives a handle for a source on this machine, and ReportEvent sends each event to the kernel's
 * event stream as a debug-print record (OutputDebugStringW, the text "EventLog: <source> <type>
 * <id>: <strings>"), not to a log file; OpenEventLog opens a log that holds no records
 * (GetNumberOfEventLogRecords 0, ReadEventLog ERROR_HANDLE_EOF). A remote server is
 * RPC_S_SERVER_UNAVAILABLE. */
#include "advapi32.h"

#define SOURCE_MAGIC 0x53545645u        /* 'EVTS' */
#define LOG_MAGIC 0x4C545645u           /* 'EVTL' */
typedef struct { DWORD magic; WCHAR name[128]; } EVENT_HANDLE;

static EVENT_HANDLE *EventOf(HANDLE handle, DWORD magic)
{
    EVENT_HANDLE *h = handle;
    return h && h->magic == magic ? h : NULL;
}

static HANDLE EventOpen(LPCWSTR server, LPCWSTR name, DWORD magic)
{
    if (server && *server) {
        WCHAR local[MAX_COMPUTERNAME_LENGTH + 1];
        DWORD size = MAX_COMPUTERNAME_LENGTH + 1;
        const WCHAR *s = server[0] == L'\\' && server[1] == L'\\' ? server + 2 : server;
        if (!GetComputerNameW(local, &size) || CompareStringOrdinal(s, -1, local, -1, TRUE) != CSTR_EQUAL) {
            SetLastError(RPC_S_SERVER_UNAVAILABLE);
            return NULL;
        }
    }
    if (!name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    EVENT_HANDLE *h = AdvAlloc(sizeof(*h));
    if (!h) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    h->magic = magic;
    SIZE_T n = wcslen(name);
    if (n > 127)
        n = 127;
    memcpy(h->name, name, n * sizeof(WCHAR));
    h->name[n] = 0;
    return h;
}

static HANDLE EventOpenA(LPCSTR server, LPCSTR name, DWORD magic)
{
    WCHAR *s = AdvAnsiToWide(server), *n = AdvAnsiToWide(name);
    HANDLE h = EventOpen(s, n, magic);
    DWORD error = GetLastError();
    AdvFree(s);
    AdvFree(n);
    SetLastError(error);
    return h;
}

static BOOL EventClose(HANDLE handle, DWORD magic)
{
    EVENT_HANDLE *h = EventOf(handle, magic);
    if (!h)
        return AdvFailError(ERROR_INVALID_HANDLE);
    h->magic = 0;
    AdvFree(h);
    return TRUE;
}

ADVAPI HANDLE WINAPI RegisterEventSourceW(LPCWSTR server, LPCWSTR source) { return EventOpen(server, source, SOURCE_MAGIC); }
ADVAPI HANDLE WINAPI RegisterEventSourceA(LPCSTR server, LPCSTR source) { return EventOpenA(server, source, SOURCE_MAGIC); }
ADVAPI BOOL WINAPI DeregisterEventSource(HANDLE handle) { return EventClose(handle, SOURCE_MAGIC); }
ADVAPI HANDLE WINAPI OpenEventLogW(LPCWSTR server, LPCWSTR source) { return EventOpen(server, source, LOG_MAGIC); }
ADVAPI HANDLE WINAPI OpenEventLogA(LPCSTR server, LPCSTR source) { return EventOpenA(server, source, LOG_MAGIC); }
ADVAPI BOOL WINAPI CloseEventLog(HANDLE handle) { return EventClose(handle, LOG_MAGIC); }

static void Append(WCHAR *out, SIZE_T *at, SIZE_T room, const WCHAR *s)
{
    while (s && *s && *at + 1 < room)
        out[(*at)++] = *s++;
    out[*at] = 0;
}

static const WCHAR *EventTypeName(WORD type)
{
    switch (type) {
    case EVENTLOG_SUCCESS: return L"success";
    case EVENTLOG_ERROR_TYPE: return L"error";
    case EVENTLOG_WARNING_TYPE: return L"warning";
    case EVENTLOG_INFORMATION_TYPE: return L"information";
    case EVENTLOG_AUDIT_SUCCESS: return L"audit-success";
    case EVENTLOG_AUDIT_FAILURE: return L"audit-failure";
    }
    return NULL;
}

ADVAPI BOOL WINAPI ReportEventW(HANDLE handle, WORD type, WORD category, DWORD id, PSID user, WORD count,
                                DWORD data_size, LPCWSTR *strings, LPVOID data)
{
    EVENT_HANDLE *h = EventOf(handle, SOURCE_MAGIC);
    if (!h)
        return AdvFailError(ERROR_INVALID_HANDLE);
    const WCHAR *type_name = EventTypeName(type);
    if (!type_name || (count && !strings) || (data_size && !data))
        return AdvFailError(ERROR_INVALID_PARAMETER);
    WCHAR text[1024], number[12];
    SIZE_T at = 0;
    Append(text, &at, 1024, L"EventLog: ");
    Append(text, &at, 1024, h->name);
    Append(text, &at, 1024, L" ");
    Append(text, &at, 1024, type_name);
    Append(text, &at, 1024, L" ");
    int n = 11;
    number[n] = 0;
    DWORD v = id;
    do { number[--n] = (WCHAR)(L'0' + v % 10); v /= 10; } while (v);
    Append(text, &at, 1024, number + n);
    Append(text, &at, 1024, L":");
    for (WORD i = 0; i < count; i++) {
        Append(text, &at, 1024, L" ");
        Append(text, &at, 1024, strings[i]);
    }
    Append(text, &at, 1024, L"\n");
    OutputDebugStringW(text);
    return TRUE;
}

ADVAPI BOOL WINAPI ReportEventA(HANDLE handle, WORD type, WORD category, DWORD id, PSID user, WORD count,
                                DWORD data_size, LPCSTR *strings, LPVOID data)
{
    if (count && !strings)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    LPCWSTR *wide = count ? AdvAlloc(count * sizeof(LPCWSTR)) : NULL;
    if (count && !wide)
        return AdvFailError(ERROR_NOT_ENOUGH_MEMORY);
    for (WORD i = 0; i < count; i++)
        wide[i] = AdvAnsiToWide(strings[i]);
    BOOL ok = ReportEventW(handle, type, category, id, user, count, data_size, wide, data);
    DWORD error = GetLastError();
    for (WORD i = 0; i < count; i++)
        AdvFree((void *)wide[i]);
    AdvFree(wide);
    SetLastError(error);
    return ok;
}

ADVAPI BOOL WINAPI GetNumberOfEventLogRecords(HANDLE handle, PDWORD count)
{
    if (!EventOf(handle, LOG_MAGIC))
        return AdvFailError(ERROR_INVALID_HANDLE);
    if (!count)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    *count = 0;
    return TRUE;
}

ADVAPI BOOL WINAPI GetOldestEventLogRecord(HANDLE handle, PDWORD oldest)
{
    if (!EventOf(handle, LOG_MAGIC))
        return AdvFailError(ERROR_INVALID_HANDLE);
    if (!oldest)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    *oldest = 0;
    return TRUE;
}

ADVAPI BOOL WINAPI ReadEventLogW(HANDLE handle, DWORD flags, DWORD offset, LPVOID buffer, DWORD size, DWORD *read,
                                 DWORD *needed)
{
    if (!EventOf(handle, LOG_MAGIC))
        return AdvFailError(ERROR_INVALID_HANDLE);
    if (!read || !needed || !(flags & (EVENTLOG_SEQUENTIAL_READ | EVENTLOG_SEEK_READ)) ||
        (flags & EVENTLOG_SEQUENTIAL_READ && flags & EVENTLOG_SEEK_READ) ||
        !(flags & (EVENTLOG_FORWARDS_READ | EVENTLOG_BACKWARDS_READ)))
        return AdvFailError(ERROR_INVALID_PARAMETER);
    *read = *needed = 0;
    return AdvFailError(ERROR_HANDLE_EOF);
}

ADVAPI BOOL WINAPI ReadEventLogA(HANDLE handle, DWORD flags, DWORD offset, LPVOID buffer, DWORD size, DWORD *read,
                                 DWORD *needed)
{
    return ReadEventLogW(handle, flags, offset, buffer, size, read, needed);
}
