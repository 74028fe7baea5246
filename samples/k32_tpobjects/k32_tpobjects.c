/* Family 3, the thread pool's timer, wait and I/O objects: one-shot and periodic timers (relative
 * and absolute due times, IsThreadpoolTimerSet, SetThreadpoolTimerEx's result, cancelling, due order
 * on a one-thread pool), waits (signalled, timed out, once per set, re-set from the callback,
 * cancelled, SetThreadpoolWaitEx's result) and I/O objects (a completion per StartThreadpoolIo, with
 * the OVERLAPPED, the error and the bytes; CancelThreadpoolIo). Only the main thread prints. */
#include "../k32.h"

static volatile LONG fired, order[4], slots;
static PTP_TIMER seen_timer;
static PVOID seen_context;
static HANDLE done;

static VOID CALLBACK OnTimer(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_TIMER timer)
{
    (void)inst;
    seen_timer = timer;
    seen_context = ctx;
    InterlockedIncrement(&fired);
    SetEvent(done);
}

static VOID CALLBACK Ordered(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_TIMER timer)
{
    (void)inst; (void)timer;
    order[InterlockedIncrement(&slots) - 1] = (LONG)(ULONG_PTR)ctx;
    if (slots == 3) SetEvent(done);
}

static volatile LONG wait_calls;
static TP_WAIT_RESULT wait_result;
static VOID CALLBACK OnWait(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WAIT wait, TP_WAIT_RESULT result)
{
    (void)inst; (void)wait; (void)ctx;
    wait_result = result;
    InterlockedIncrement(&wait_calls);
    SetEvent(done);
}

static HANDLE sem;
static VOID CALLBACK Rearm(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WAIT wait, TP_WAIT_RESULT result)
{
    (void)inst; (void)ctx; (void)result;
    if (InterlockedIncrement(&wait_calls) < 3) SetThreadpoolWait(wait, sem, NULL);
    else SetEvent(done);
}

static volatile LONG io_calls;
static PVOID io_overlapped;
static ULONG io_result;
static ULONG_PTR io_bytes;
static VOID CALLBACK OnIo(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PVOID overlapped, ULONG result, ULONG_PTR bytes, PTP_IO io)
{
    (void)inst; (void)ctx; (void)io;
    io_overlapped = overlapped;
    io_result = result;
    io_bytes = bytes;
    InterlockedIncrement(&io_calls);
}

static FILETIME Relative(LONGLONG ms)
{
    ULARGE_INTEGER v;
    v.QuadPart = (ULONGLONG)(-ms * 10000);
    FILETIME ft = {v.LowPart, v.HighPart};
    return ft;
}

void Entry(void)
{
    done = CreateEventA(NULL, FALSE, FALSE, NULL);

    /* A one-shot timer, 10 ms from now. */
    PTP_TIMER timer = CreateThreadpoolTimer(OnTimer, (PVOID)0x1234, NULL);
    Check(timer != NULL, "CreateThreadpoolTimer");
    Check(!IsThreadpoolTimerSet(timer), "a new timer is not set");
    FILETIME due = Relative(10);
    SetThreadpoolTimer(timer, &due, 0, 0);
    Check(IsThreadpoolTimerSet(timer), "SetThreadpoolTimer: set");
    Check(WaitForSingleObject(done, 2000) == WAIT_OBJECT_0 && fired == 1, "the callback runs when due");
    Check(seen_timer == timer && seen_context == (PVOID)0x1234, "with the timer and its context");
    Sleep(30);
    Check(fired == 1, "once");
    Check(IsThreadpoolTimerSet(timer), "a spent one-shot timer still counts as set");

    /* Periodic, then stopped. */
    fired = 0;
    due = Relative(5);
    Check(!SetThreadpoolTimerEx(timer, &due, 5, 0), "SetThreadpoolTimerEx on a spent timer -> FALSE");
    while (fired < 5) WaitForSingleObject(done, 2000);
    Check(SetThreadpoolTimerEx(timer, NULL, 0, 0), "SetThreadpoolTimerEx(NULL) on a set timer -> TRUE");
    WaitForThreadpoolTimerCallbacks(timer, TRUE);
    LONG settled = fired;
    Sleep(30);
    Check(settled >= 5 && fired == settled && !IsThreadpoolTimerSet(timer), "a periodic timer, stopped: no more callbacks");

    /* An absolute due time: the system time 10 ms on. */
    fired = 0;
    ResetEvent(done);                           /* the periodic callbacks set it more than waited for */
    GetSystemTimeAsFileTime(&due);
    ULARGE_INTEGER abs_due = {{due.dwLowDateTime, due.dwHighDateTime}};
    abs_due.QuadPart += 100000;
    due.dwLowDateTime = abs_due.LowPart;
    due.dwHighDateTime = abs_due.HighPart;
    SetThreadpoolTimer(timer, &due, 0, 0);
    Check(WaitForSingleObject(done, 2000) == WAIT_OBJECT_0 && fired == 1, "an absolute due time");

    /* Due time zero: at once. */
    fired = 0;
    due.dwLowDateTime = due.dwHighDateTime = 0;
    SetThreadpoolTimer(timer, &due, 0, 0);
    Check(WaitForSingleObject(done, 2000) == WAIT_OBJECT_0 && fired == 1, "a due time of zero fires at once");

    /* Closing a set timer: it never fires. */
    fired = 0;
    due = Relative(10);
    SetThreadpoolTimer(timer, &due, 0, 0);
    CloseThreadpoolTimer(timer);
    Sleep(40);
    Check(fired == 0, "CloseThreadpoolTimer cancels a set timer");

    /* Due order on a pool of one thread: 30, 10, 20 ms fire 10, 20, 30. */
    PTP_POOL pool = CreateThreadpool(NULL);
    SetThreadpoolThreadMaximum(pool, 1);
    TP_CALLBACK_ENVIRON env;
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackPool(&env, pool);
    PTP_TIMER t[3];
    LONGLONG dues[3] = {30, 10, 20};
    for (int i = 0; i < 3; i++) {
        t[i] = CreateThreadpoolTimer(Ordered, (PVOID)(ULONG_PTR)(i + 1), &env);
        due = Relative(dues[i]);
        SetThreadpoolTimer(t[i], &due, 0, 0);
    }
    Check(WaitForSingleObject(done, 2000) == WAIT_OBJECT_0 && order[0] == 2 && order[1] == 3 && order[2] == 1,
          "timers fire in due order");
    for (int i = 0; i < 3; i++) { WaitForThreadpoolTimerCallbacks(t[i], FALSE); CloseThreadpoolTimer(t[i]); }

    /* Waits. */
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    PTP_WAIT wait = CreateThreadpoolWait(OnWait, NULL, NULL);
    Check(wait != NULL, "CreateThreadpoolWait");
    SetThreadpoolWait(wait, ev, NULL);
    SetEvent(ev);
    Check(WaitForSingleObject(done, 2000) == WAIT_OBJECT_0 && wait_calls == 1 && wait_result == WAIT_OBJECT_0,
          "signalled: the callback with WAIT_OBJECT_0");
    SetEvent(ev);
    Sleep(20);
    Check(wait_calls == 1 && WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "once per SetThreadpoolWait");
    due = Relative(10);
    SetThreadpoolWait(wait, ev, &due);
    Check(WaitForSingleObject(done, 2000) == WAIT_OBJECT_0 && wait_calls == 2 && wait_result == WAIT_TIMEOUT,
          "timed out: the callback with WAIT_TIMEOUT");
    FILETIME zero = {0, 0};
    SetThreadpoolWait(wait, ev, &zero);
    Check(WaitForSingleObject(done, 2000) == WAIT_OBJECT_0 && wait_calls == 3 && wait_result == WAIT_TIMEOUT,
          "a zero timeout on an unsignalled object: WAIT_TIMEOUT at once");
    Check(!SetThreadpoolWaitEx(wait, ev, NULL, NULL), "SetThreadpoolWaitEx on an idle wait -> FALSE");
    Check(SetThreadpoolWaitEx(wait, NULL, NULL, NULL), "SetThreadpoolWaitEx(NULL) on a pending wait -> TRUE");
    SetEvent(ev);
    Sleep(20);
    Check(wait_calls == 3, "a cancelled wait does not fire");
    WaitForThreadpoolWaitCallbacks(wait, FALSE);
    CloseThreadpoolWait(wait);

    /* Re-set from its own callback: a semaphore released three times, three callbacks. */
    sem = CreateSemaphoreA(NULL, 0, 10, NULL);
    wait_calls = 0;
    wait = CreateThreadpoolWait(Rearm, NULL, NULL);
    SetThreadpoolWait(wait, sem, NULL);
    ReleaseSemaphore(sem, 3, NULL);
    Check(WaitForSingleObject(done, 2000) == WAIT_OBJECT_0 && wait_calls == 3 && WaitForSingleObject(sem, 0) == WAIT_TIMEOUT,
          "re-set in its callback: each release a callback");
    WaitForThreadpoolWaitCallbacks(wait, FALSE);
    CloseThreadpoolWait(wait);

    /* I/O objects. */
    HANDLE f = CreateFileA("k32_tpobjects.tmp", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    PTP_IO io = CreateThreadpoolIo(f, OnIo, NULL, NULL);
    Check(f != INVALID_HANDLE_VALUE && io != NULL, "CreateThreadpoolIo on an overlapped file");
    static char data[100] = "thread pool I/O";
    OVERLAPPED ov;
    memset(&ov, 0, sizeof(ov));
    StartThreadpoolIo(io);
    BOOL ok = WriteFile(f, data, sizeof(data), NULL, &ov);
    if (!ok && GetLastError() != ERROR_IO_PENDING) CancelThreadpoolIo(io);
    WaitForThreadpoolIoCallbacks(io, FALSE);
    Check(io_calls == 1 && io_overlapped == &ov && io_result == NO_ERROR && io_bytes == sizeof(data),
          "a write: one callback with its OVERLAPPED, NO_ERROR and 100 bytes");
    char back[100];
    memset(&ov, 0, sizeof(ov));
    ov.Offset = 50;
    StartThreadpoolIo(io);
    ok = ReadFile(f, back, sizeof(back), NULL, &ov);
    if (!ok && GetLastError() != ERROR_IO_PENDING) CancelThreadpoolIo(io);
    WaitForThreadpoolIoCallbacks(io, FALSE);
    Check(io_calls == 2 && io_bytes == 50, "a read at offset 50: 50 bytes");
    StartThreadpoolIo(io);
    CancelThreadpoolIo(io);
    WaitForThreadpoolIoCallbacks(io, FALSE);
    Check(io_calls == 2, "CancelThreadpoolIo: nothing expected, no callback");
    CloseThreadpoolIo(io);
    CloseHandle(f);
    SetLastError(0);
    Check(CreateThreadpoolIo(INVALID_HANDLE_VALUE, OnIo, NULL, NULL) == NULL && GetLastError() == ERROR_INVALID_HANDLE,
          "CreateThreadpoolIo(INVALID_HANDLE_VALUE) -> ERROR_INVALID_HANDLE");
    CloseThreadpool(pool);
    ExitProcess(failures);
}
