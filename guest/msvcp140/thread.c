/* The _Thrd_* entry points under std::thread and std::this_thread (a _Thrd_t is the thread's
 * handle and id), and the clocks the STL's chrono and timed waits read: _Xtime_get_ticks (100 ns
 * units since 1601), _Query_perf_counter/_frequency, xtime_get. */
#include "msvcp.h"

typedef struct { void *handle; unsigned int id; } thrd_t;
typedef struct { long long tv_sec; long tv_nsec; } timespec64;
typedef unsigned int (WINAPI *thread_start)(void *);
enum { THRD_SUCCESS, THRD_NOMEM, THRD_TIMEDOUT, THRD_BUSY, THRD_ERROR };

__declspec(dllimport) unsigned int WINAPI WaitForSingleObjectEx(void *, unsigned int, int);
__declspec(dllimport) int WINAPI GetExitCodeThread(void *, unsigned int *);
__declspec(dllimport) int WINAPI CloseHandle(void *);
__declspec(dllimport) int WINAPI SwitchToThread(void);
__declspec(dllimport) void WINAPI Sleep(unsigned int);
__declspec(dllimport) void WINAPI GetSystemTimePreciseAsFileTime(unsigned long long *);
__declspec(dllimport) int WINAPI QueryPerformanceCounter(long long *);
__declspec(dllimport) int WINAPI QueryPerformanceFrequency(long long *);
__declspec(dllimport) unsigned int WINAPI GetActiveProcessorCount(unsigned short);
__declspec(dllimport) __attribute__((noreturn)) void _endthreadex(unsigned int);
__declspec(dllimport) size_t _beginthreadex(void *, unsigned int, thread_start, void *, unsigned int, unsigned int *);

/* _Thrd_join(thr, code): wait for the thread, its exit code, the handle closed */
int Thrd_join(thrd_t thr, int *code)
{
    if (WaitForSingleObjectEx(thr.handle, 0xFFFFFFFFu, 0) == 0xFFFFFFFFu)
        return THRD_ERROR;
    if (code != NULL) {
        unsigned int exit_code;
        if (!GetExitCodeThread(thr.handle, &exit_code))
            return THRD_ERROR;
        *code = (int)exit_code;
    }
    return CloseHandle(thr.handle) ? THRD_SUCCESS : THRD_ERROR;
}

int Thrd_detach(thrd_t thr) { return CloseHandle(thr.handle) ? THRD_SUCCESS : THRD_ERROR; }

/* _Thrd_start(thr, func, arg) and the older _Thrd_create(thr, func, arg) with an int result */
int Thrd_start(thrd_t *thr, thread_start func, void *arg)
{
    thr->handle = (void *)_beginthreadex(NULL, 0, func, arg, 0, &thr->id);
    return thr->handle == NULL ? THRD_ERROR : THRD_SUCCESS;
}

typedef struct { int (*func)(void *); void *arg; } create_args;

static unsigned int WINAPI CreateTrampoline(void *p)
{
    create_args a = *(create_args *)p;
    free(p);
    return (unsigned int)a.func(a.arg);
}

int Thrd_create(thrd_t *thr, int (*func)(void *), void *arg)
{
    create_args *a = malloc(sizeof *a);
    if (a == NULL)
        return THRD_NOMEM;
    a->func = func;
    a->arg = arg;
    int r = Thrd_start(thr, CreateTrampoline, a);
    if (r != THRD_SUCCESS)
        free(a);
    return r;
}

void Thrd_exit(int code) { _endthreadex((unsigned int)code); }
void Thrd_yield(void) { SwitchToThread(); }
unsigned int Thrd_id(void) { return GetCurrentThreadId(); }
int Thrd_equal(thrd_t a, thrd_t b) { return a.id == b.id; }
int Thrd_lt(thrd_t a, thrd_t b) { return a.id < b.id; }

thrd_t *Thrd_current(thrd_t *out)
{
    out->handle = (void *)-2;                       /* the current-thread pseudo-handle */
    out->id = GetCurrentThreadId();
    return out;
}

/* The number of logical processors (0 when unknown) */
unsigned int Thrd_hardware_concurrency(void) { return GetActiveProcessorCount(0xFFFF /* ALL_PROCESSOR_GROUPS */); }

/* -- clocks */
long long Xtime_get_ticks(void)
{
    unsigned long long ft;
    GetSystemTimePreciseAsFileTime(&ft);
    return (long long)ft;
}

long long Query_perf_counter(void)
{
    long long v;
    QueryPerformanceCounter(&v);
    return v;
}

long long Query_perf_frequency(void)
{
    long long v;
    QueryPerformanceFrequency(&v);
    return v;
}

#define EPOCH_1970 116444736000000000LL

/* xtime_get(xt, TIME_UTC): the time since 1970 in seconds and nanoseconds */
int xtime_get_impl(timespec64 *xt, int base)
{
    if (base != 1 /* TIME_UTC */)
        return 0;
    long long t = Xtime_get_ticks() - EPOCH_1970;
    xt->tv_sec = t / 10000000;
    xt->tv_nsec = (long)(t % 10000000) * 100;
    return base;
}

/* The milliseconds from now until xt (0 when it has passed), rounded up */
long Xtime_diff_to_millis(const timespec64 *xt)
{
    long long left = (xt->tv_sec * 10000000 + xt->tv_nsec / 100) - (Xtime_get_ticks() - EPOCH_1970);
    if (left <= 0)
        return 0;
    return (long)((left + 9999) / 10000);
}

long Xtime_diff_to_millis2(const timespec64 *xt1, const timespec64 *xt2)
{
    long long d = (xt1->tv_sec - xt2->tv_sec) * 1000000000LL + (xt1->tv_nsec - xt2->tv_nsec);
    if (d <= 0)
        return 0;
    return (long)((d + 999999) / 1000000);
}

/* _Thrd_sleep(xt): sleep until the absolute time xt */
void Thrd_sleep(const timespec64 *xt)
{
    long ms;
    while ((ms = Xtime_diff_to_millis(xt)) > 0)
        Sleep((unsigned int)ms);
}
