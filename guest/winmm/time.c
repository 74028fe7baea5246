/* The multimedia timer's resolution requests and clock. timeBeginPeriod(n) asks for a timer
 * resolution of n ms (1 to 1,000,000, as timeGetDevCaps says, else TIMERR_NOCANDO) until the
 * matching timeEndPeriod(n); an end without a begin for that period is TIMERR_NOCANDO. The virtual
 * clock has one resolution whatever is asked, so the requests are counted, not applied. timeGetTime
 * is the milliseconds since boot, from KUSER_SHARED_DATA's interrupt time. */
#define _WINMM_                         /* mmsystem.h: declare the calls without dllimport */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <mmsystem.h>

#define PERIOD_MIN 1
#define PERIOD_MAX 1000000
#define TRACKED 64                      /* distinct periods counted; more give TIMERR_NOCANDO */

static struct { UINT period; LONG count; } requests[TRACKED];
static SRWLOCK lock = SRWLOCK_INIT;

__declspec(dllexport) MMRESULT WINAPI timeBeginPeriod(UINT period)
{
    MMRESULT result = TIMERR_NOCANDO;
    if (period < PERIOD_MIN || period > PERIOD_MAX)
        return TIMERR_NOCANDO;
    AcquireSRWLockExclusive(&lock);
    for (int i = 0; i < TRACKED; i++) {
        if (requests[i].count && requests[i].period == period) {
            requests[i].count++;
            result = TIMERR_NOERROR;
            break;
        }
    }
    for (int i = 0; result != TIMERR_NOERROR && i < TRACKED; i++) {
        if (requests[i].count == 0) {
            requests[i].period = period;
            requests[i].count = 1;
            result = TIMERR_NOERROR;
        }
    }
    ReleaseSRWLockExclusive(&lock);
    return result;
}

__declspec(dllexport) MMRESULT WINAPI timeEndPeriod(UINT period)
{
    MMRESULT result = TIMERR_NOCANDO;
    AcquireSRWLockExclusive(&lock);
    for (int i = 0; i < TRACKED; i++) {
        if (requests[i].count && requests[i].period == period) {
            requests[i].count--;
            result = TIMERR_NOERROR;
            break;
        }
    }
    ReleaseSRWLockExclusive(&lock);
    return result;
}

__declspec(dllexport) MMRESULT WINAPI timeGetDevCaps(LPTIMECAPS caps, UINT size)
{
    if (caps == NULL || size != sizeof(TIMECAPS))
        return TIMERR_NOCANDO;
    caps->wPeriodMin = PERIOD_MIN;
    caps->wPeriodMax = PERIOD_MAX;
    return TIMERR_NOERROR;
}

__declspec(dllexport) DWORD WINAPI timeGetTime(void)
{
    /* KUSER_SHARED_DATA.InterruptTime (100 ns units): High1Time, LowPart, then High2Time again. */
    volatile LONG *high1 = (volatile LONG *)0x7FFE000C, *high2 = (volatile LONG *)0x7FFE0010;
    volatile ULONG *low = (volatile ULONG *)0x7FFE0008;
    LONG h;
    ULONG l;
    do {
        h = *high1;
        l = *low;
    } while (h != *high2);
    return (DWORD)((((ULONG64)(ULONG)h << 32) | l) / 10000);
}

BOOL WINAPI WinmmDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    return TRUE;
}
