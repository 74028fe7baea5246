/* Event Tracing for Windows, the provider side, as a process meets it when no trace session is
 * running (none can be on this machine): EtwEventRegister hands out registration handles (and
 * calls no enable callback, since no session enables the provider), EtwEventEnabled and
 * EtwEventProviderEnabled answer FALSE, the EtwEventWrite family validates its arguments and
 * succeeds with nobody to deliver to, EtwEventSetInformation takes the documented classes, and
 * EtwEventActivityIdControl keeps the thread's activity id in TEB.ActivityId. The classic
 * (MOF) provider calls register likewise; a logger handle exists only inside a session's
 * callback, so GetTraceLoggerHandle outside one is an invalid handle. advapi32 forwards its
 * Event* and Trace* names here, as on Windows 10. */
#include "rtl.h"

typedef struct { ULONG Data1; USHORT Data2, Data3; UCHAR Data4[8]; } GUID;
typedef struct { USHORT Id; UCHAR Version, Channel, Level, Opcode; USHORT Task; ULONG64 Keyword; } EVENT_DESCRIPTOR;
typedef void (NTAPI *ENABLE_CALLBACK)(const GUID *, ULONG, UCHAR, ULONG64, ULONG64, PVOID, PVOID);

#define ERROR_SUCCESS 0
#define ERROR_INVALID_HANDLE 6
#define ERROR_NOT_ENOUGH_MEMORY 8
#define ERROR_INVALID_PARAMETER 87
#define ERROR_NOT_SUPPORTED 50
#define MAX_EVENT_DATA_DESCRIPTORS 128
#define REGISTRATION_MAGIC 0x52575445u          /* 'ETWR' */
#define TEB_ACTIVITY_ID 0x1710

typedef struct {
    ULONG Magic;
    GUID Provider;
    ENABLE_CALLBACK Callback;
    PVOID Context;
    ULONG Traits;                               /* EventProviderSetTraits was given */
} ETW_REGISTRATION;

static ETW_REGISTRATION *Registration(ULONG64 handle)
{
    ETW_REGISTRATION *r = (ETW_REGISTRATION *)(ULONG_PTR)handle;
    if (r == NULL || ((ULONG_PTR)r & 7))
        return NULL;
    return r->Magic == REGISTRATION_MAGIC ? r : NULL;
}

NTSYSAPI ULONG NTAPI EtwEventRegister(const GUID *provider, ENABLE_CALLBACK callback, PVOID context, ULONG64 *handle)
{
    if (provider == NULL || handle == NULL)
        return ERROR_INVALID_PARAMETER;
    ETW_REGISTRATION *r = RtlAllocateHeap(RtlpProcessHeap(), 0, sizeof(*r));
    if (r == NULL)
        return ERROR_NOT_ENOUGH_MEMORY;
    r->Magic = REGISTRATION_MAGIC;
    r->Provider = *provider;
    r->Callback = callback;
    r->Context = context;
    r->Traits = 0;
    *handle = (ULONG64)(ULONG_PTR)r;
    return ERROR_SUCCESS;
}

NTSYSAPI ULONG NTAPI EtwEventUnregister(ULONG64 handle)
{
    ETW_REGISTRATION *r = Registration(handle);
    if (r == NULL)
        return ERROR_INVALID_HANDLE;
    r->Magic = 0;
    RtlFreeHeap(RtlpProcessHeap(), 0, r);
    return ERROR_SUCCESS;
}

/* No session has enabled any provider. */
NTSYSAPI BOOLEAN NTAPI EtwEventEnabled(ULONG64 handle, const EVENT_DESCRIPTOR *descriptor)
{
    (void)handle; (void)descriptor;
    return 0;
}

NTSYSAPI BOOLEAN NTAPI EtwEventProviderEnabled(ULONG64 handle, UCHAR level, ULONG64 keyword)
{
    (void)handle; (void)level; (void)keyword;
    return 0;
}

/* The checks every write makes before it would deliver the event to the enabled sessions. */
static ULONG CheckWrite(ULONG64 handle, const EVENT_DESCRIPTOR *descriptor, ULONG count, const void *data)
{
    if (Registration(handle) == NULL)
        return ERROR_INVALID_HANDLE;
    if (descriptor == NULL || count > MAX_EVENT_DATA_DESCRIPTORS || (count && data == NULL))
        return ERROR_INVALID_PARAMETER;
    return ERROR_SUCCESS;
}

NTSYSAPI ULONG NTAPI EtwEventWrite(ULONG64 handle, const EVENT_DESCRIPTOR *descriptor, ULONG count, const void *data)
{
    return CheckWrite(handle, descriptor, count, data);
}

NTSYSAPI ULONG NTAPI EtwEventWriteTransfer(ULONG64 handle, const EVENT_DESCRIPTOR *descriptor, const GUID *activity,
                                           const GUID *related, ULONG count, const void *data)
{
    (void)activity; (void)related;
    return CheckWrite(handle, descriptor, count, data);
}

NTSYSAPI ULONG NTAPI EtwEventWriteEx(ULONG64 handle, const EVENT_DESCRIPTOR *descriptor, ULONG64 filter, ULONG flags,
                                     const GUID *activity, const GUID *related, ULONG count, const void *data)
{
    (void)filter; (void)flags; (void)activity; (void)related;
    return CheckWrite(handle, descriptor, count, data);
}

NTSYSAPI ULONG NTAPI EtwEventWriteString(ULONG64 handle, UCHAR level, ULONG64 keyword, const WCHAR *text)
{
    (void)level; (void)keyword;
    if (Registration(handle) == NULL)
        return ERROR_INVALID_HANDLE;
    return text == NULL ? ERROR_INVALID_PARAMETER : ERROR_SUCCESS;
}

/* EVENT_INFO_CLASS: EventProviderBinaryTrackInfo 0, EventProviderSetReserved1 1,
 * EventProviderSetTraits 2 (a blob whose first USHORT is its own size), EventProviderUseDescriptorType 3
 * (a BOOLEAN). */
NTSYSAPI ULONG NTAPI EtwEventSetInformation(ULONG64 handle, ULONG info_class, const void *info, ULONG length)
{
    ETW_REGISTRATION *r = Registration(handle);
    if (r == NULL)
        return ERROR_INVALID_HANDLE;
    switch (info_class) {
    case 0: case 1:
        return ERROR_SUCCESS;
    case 2:
        if (info == NULL || length < 2 || *(const USHORT *)info != length)
            return ERROR_INVALID_PARAMETER;
        r->Traits = 1;
        return ERROR_SUCCESS;
    case 3:
        return info != NULL && length == 1 ? ERROR_SUCCESS : ERROR_INVALID_PARAMETER;
    default:
        return ERROR_NOT_SUPPORTED;
    }
}

/* A new activity id: unique in the process, the same sequence every run (virtual time). */
static void NewActivityId(GUID *id)
{
    static volatile LONG64 sequence;
    LONG64 n = __atomic_add_fetch(&sequence, 1, __ATOMIC_SEQ_CST);
    id->Data1 = (ULONG)n;
    id->Data2 = (USHORT)(n >> 32);
    id->Data3 = 0x4000 | (USHORT)((ULONG_PTR)NtCurrentTeb()->ClientId.UniqueProcess & 0x0FFF);
    ULONG64 pid = (ULONG_PTR)NtCurrentTeb()->ClientId.UniqueProcess;
    for (int i = 0; i < 8; i++) id->Data4[i] = (UCHAR)(pid >> (8 * i));
    id->Data4[0] = (UCHAR)((id->Data4[0] & 0x3F) | 0x80);
}

/* EVENT_ACTIVITY_CTRL_GET_ID 1, SET_ID 2, CREATE_ID 3, GET_SET_ID 4, CREATE_SET_ID 5. */
NTSYSAPI ULONG NTAPI EtwEventActivityIdControl(ULONG code, GUID *id)
{
    GUID *current = (GUID *)((UCHAR *)NtCurrentTeb() + TEB_ACTIVITY_ID);
    if (id == NULL)
        return ERROR_INVALID_PARAMETER;
    GUID old = *current;
    switch (code) {
    case 1: *id = old; break;
    case 2: *current = *id; break;
    case 3: NewActivityId(id); break;
    case 4: *current = *id; *id = old; break;
    case 5: NewActivityId(current); *id = old; break;
    default: return ERROR_INVALID_PARAMETER;
    }
    return ERROR_SUCCESS;
}

/* Classic providers: the registration succeeds; the request callback is never called. */
NTSYSAPI ULONG NTAPI EtwRegisterTraceGuidsW(PVOID request, PVOID context, const GUID *control, ULONG count,
                                            PVOID regs, const WCHAR *mof_path, const WCHAR *mof_resource,
                                            ULONG64 *handle)
{
    (void)mof_path; (void)mof_resource; (void)regs;
    if (request == NULL || control == NULL || handle == NULL || (count && regs == NULL))
        return ERROR_INVALID_PARAMETER;
    return EtwEventRegister(control, NULL, context, handle);
}

NTSYSAPI ULONG NTAPI EtwRegisterTraceGuidsA(PVOID request, PVOID context, const GUID *control, ULONG count,
                                            PVOID regs, const char *mof_path, const char *mof_resource,
                                            ULONG64 *handle)
{
    (void)mof_path; (void)mof_resource;
    return EtwRegisterTraceGuidsW(request, context, control, count, regs, NULL, NULL, handle);
}

NTSYSAPI ULONG NTAPI EtwUnregisterTraceGuids(ULONG64 handle) { return EtwEventUnregister(handle); }

/* A logger (session) handle: only a session's enable request carries one. */
NTSYSAPI ULONG64 NTAPI EtwGetTraceLoggerHandle(PVOID buffer)
{
    (void)buffer;
    RtlSetLastWin32Error(ERROR_INVALID_HANDLE);
    return (ULONG64)-1;
}

NTSYSAPI UCHAR NTAPI EtwGetTraceEnableLevel(ULONG64 logger)
{
    (void)logger;
    RtlSetLastWin32Error(ERROR_INVALID_HANDLE);
    return 0;
}

NTSYSAPI ULONG NTAPI EtwGetTraceEnableFlags(ULONG64 logger)
{
    (void)logger;
    RtlSetLastWin32Error(ERROR_INVALID_HANDLE);
    return 0;
}

/* Writing to a session handle: there is no session with that handle. */
NTSYSAPI ULONG NTAPI EtwTraceEvent(ULONG64 session, PVOID header)
{
    (void)session;
    return header == NULL ? ERROR_INVALID_PARAMETER : ERROR_INVALID_HANDLE;
}

NTSYSAPI ULONG __cdecl EtwTraceMessage(ULONG64 session, ULONG flags, const GUID *guid, USHORT number, ...)
{
    (void)flags; (void)guid; (void)number; (void)session;
    return ERROR_INVALID_HANDLE;
}

NTSYSAPI ULONG NTAPI EtwTraceMessageVa(ULONG64 session, ULONG flags, const GUID *guid, USHORT number, void *args)
{
    (void)flags; (void)guid; (void)number; (void)session; (void)args;
    return ERROR_INVALID_HANDLE;
}
