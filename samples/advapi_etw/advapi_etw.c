/* Event Tracing for Windows from a provider's side with no trace session running: registration,
 * the enabled checks, writes, provider traits, the thread's activity id, classic registration
 * and the logger-handle query, each printed with what it returned. */
#include <windows.h>
#include <evntprov.h>
#include <evntrace.h>
#include <stdio.h>

static const GUID Provider = {0x1a2b3c4d, 0x1111, 0x2222, {0x33, 0x33, 0x44, 0x44, 0x55, 0x55, 0x66, 0x66}};
static int callbacks;

static void NTAPI Enable(LPCGUID id, ULONG code, UCHAR level, ULONGLONG any, ULONGLONG all, PEVENT_FILTER_DESCRIPTOR f,
                         PVOID ctx)
{
    (void)id; (void)code; (void)level; (void)any; (void)all; (void)f; (void)ctx;
    callbacks++;
}

static ULONG WINAPI Request(WMIDPREQUESTCODE code, PVOID ctx, ULONG *size, PVOID buffer)
{
    (void)code; (void)ctx; (void)size; (void)buffer;
    callbacks++;
    return 0;
}

static int SameGuid(const GUID *a, const GUID *b) { return memcmp(a, b, sizeof(GUID)) == 0; }

int main(void)
{
    REGHANDLE h = 0;
    printf("register NULL provider %lu\n", EventRegister(NULL, NULL, NULL, &h));
    printf("register NULL handle %lu\n", EventRegister(&Provider, NULL, NULL, NULL));
    ULONG r = EventRegister(&Provider, Enable, NULL, &h);
    printf("register %lu handle nonzero %d callbacks %d\n", r, h != 0, callbacks);
    EVENT_DESCRIPTOR d;
    EventDescCreate(&d, 1, 0, 0, 4, 0, 0, 0x10);
    printf("enabled %d provider enabled %d\n", EventEnabled(h, &d), EventProviderEnabled(h, 4, 0x10));
    EVENT_DATA_DESCRIPTOR data[2];
    int value = 42;
    EventDataDescCreate(&data[0], &value, sizeof(value));
    EventDataDescCreate(&data[1], L"text", 10);
    printf("write %lu\n", EventWrite(h, &d, 2, data));
    printf("write NULL descriptor %lu\n", EventWrite(h, NULL, 0, NULL));
    printf("write 129 descriptors %lu\n", EventWrite(h, &d, 129, data));
    printf("write bad handle %lu\n", EventWrite(0x1234, &d, 0, NULL));
    GUID act = {0}, rel = {0};
    printf("write transfer %lu\n", EventWriteTransfer(h, &d, &act, &rel, 1, data));
    printf("write ex %lu\n", EventWriteEx(h, &d, 0, 0, NULL, NULL, 1, data));
    printf("write string %lu\n", EventWriteString(h, 4, 0, L"hello"));
    struct { USHORT size; char name[6]; } traits = {sizeof(traits), "prov"};
    printf("traits %lu\n", EventSetInformation(h, (EVENT_INFO_CLASS)2 /* EventProviderSetTraits */, &traits, sizeof(traits)));
    printf("traits bad size %lu\n", EventSetInformation(h, (EVENT_INFO_CLASS)2 /* EventProviderSetTraits */, &traits, sizeof(traits) - 1));
    printf("info class 99 %lu\n", EventSetInformation(h, (EVENT_INFO_CLASS)99, &traits, sizeof(traits)));

    GUID zero = {0}, id, created, old;
    r = EventActivityIdControl(EVENT_ACTIVITY_CTRL_GET_ID, &id);
    printf("get %lu zero %d\n", r, SameGuid(&id, &zero));
    EventActivityIdControl(EVENT_ACTIVITY_CTRL_CREATE_ID, &created);
    EventActivityIdControl(EVENT_ACTIVITY_CTRL_GET_ID, &id);
    printf("create leaves current %d new nonzero %d\n", SameGuid(&id, &zero), !SameGuid(&created, &zero));
    printf("set %lu\n", EventActivityIdControl(EVENT_ACTIVITY_CTRL_SET_ID, &created));
    EventActivityIdControl(EVENT_ACTIVITY_CTRL_GET_ID, &id);
    printf("current is created %d\n", SameGuid(&id, &created));
    old = zero;
    EventActivityIdControl(EVENT_ACTIVITY_CTRL_GET_SET_ID, &old);
    EventActivityIdControl(EVENT_ACTIVITY_CTRL_GET_ID, &id);
    printf("get-set returns previous %d current zero %d\n", SameGuid(&old, &created), SameGuid(&id, &zero));
    EventActivityIdControl(EVENT_ACTIVITY_CTRL_CREATE_SET_ID, &old);
    EventActivityIdControl(EVENT_ACTIVITY_CTRL_GET_ID, &id);
    printf("create-set previous zero %d current new %d differs %d\n", SameGuid(&old, &zero), !SameGuid(&id, &zero),
           !SameGuid(&id, &created));
    printf("bad code %lu NULL id %lu\n", EventActivityIdControl(9, &id), EventActivityIdControl(1, NULL));

    r = EventUnregister(h);
    printf("unregister %lu again %lu\n", r, EventUnregister(h));

    TRACEHANDLE classic = 0;
    TRACE_GUID_REGISTRATION reg = {&Provider, NULL};
    r = RegisterTraceGuidsW(Request, NULL, &Provider, 1, &reg, NULL, NULL, &classic);
    printf("classic register %lu nonzero %d callbacks %d\n", r, classic != 0, callbacks);
    SetLastError(0);
    TRACEHANDLE logger = GetTraceLoggerHandle(NULL);
    printf("logger %llx error %lu\n", (unsigned long long)logger, GetLastError());
    printf("classic unregister %lu\n", UnregisterTraceGuids(classic));
    return 0;
}
