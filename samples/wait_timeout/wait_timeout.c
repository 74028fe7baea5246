/* Wait timeouts: a poll (zero timeout), a relative timeout, an absolute one, and a delay, each
 * measured on the virtual clock. */
#include "../nt.h"

int Entry(void)
{
    HANDLE event;
    int ok = 1;
    NtCreateEvent(&event, 0x1F0003, 0, 0, 0);
    LARGE_INTEGER zero = {0};
    NTSTATUS s = NtWaitForSingleObject(event, 0, &zero);
    PrintHex("poll: ", (ULONG)s);
    ok &= s == STATUS_TIMEOUT;

    long long t0 = NowMs();
    LARGE_INTEGER rel = Ms(100);
    s = NtWaitForSingleObject(event, 0, &rel);
    long long waited = NowMs() - t0;
    PrintHex("100 ms relative: ", (ULONG)s);
    Print(waited >= 100 && waited < 120 ? "waited 100-120 ms: yes\n" : "waited 100-120 ms: no\n");
    ok &= s == STATUS_TIMEOUT && waited >= 100 && waited < 120;

    LARGE_INTEGER now, due;
    NtQuerySystemTime(&now);
    due.QuadPart = now.QuadPart + 50 * 10000;
    t0 = NowMs();
    s = NtWaitForSingleObject(event, 0, &due);
    waited = NowMs() - t0;
    PrintHex("absolute +50 ms: ", (ULONG)s);
    Print(waited >= 50 && waited < 70 ? "waited 50-70 ms: yes\n" : "waited 50-70 ms: no\n");
    ok &= s == STATUS_TIMEOUT && waited >= 50 && waited < 70;

    t0 = NowMs();
    LARGE_INTEGER d = Ms(250);
    s = NtDelayExecution(0, &d);
    waited = NowMs() - t0;
    PrintHex("delay 250 ms: ", (ULONG)s);
    Print(waited >= 250 && waited < 270 ? "slept 250-270 ms: yes\n" : "slept 250-270 ms: no\n");
    ok &= s == 0 && waited >= 250 && waited < 270;

    NtSetEvent(event, 0);
    s = NtWaitForSingleObject(event, 0, &rel);
    PrintHex("signalled: ", (ULONG)s);
    ok &= s == 0;
    NtClose(event);
    return ok ? 0 : 1;
}
