/* Family 3, the legacy thread pool: timer queues (one-shot timers fire once in due order, equal due
 * times in creation order on the timer thread, periodic ones until deleted, ChangeTimerQueueTimer,
 * the three ways to delete while a callback runs, DeleteTimerQueueEx) and registered waits
 * (signalled / timed out, WT_EXECUTEONLYONCE, UnregisterWait's ERROR_IO_PENDING). Callbacks record
 * what they saw; only the main thread prints, so the output is the same on any number of CPUs. */
#include "../k32.h"

static volatile LONG order[8], slots, fired_true, count;
static HANDLE all_done, gate, started;
static DWORD timer_thread[2];

static VOID CALLBACK Ordered(PVOID param, BOOLEAN fired)
{
    order[InterlockedIncrement(&slots) - 1] = (LONG)(ULONG_PTR)param;
    if (fired) InterlockedIncrement(&fired_true);
    if (slots == 3) SetEvent(all_done);
}

static VOID CALLBACK InTimerThread(PVOID param, BOOLEAN fired)
{
    (void)fired;
    LONG i = InterlockedIncrement(&slots) - 1;
    order[i] = (LONG)(ULONG_PTR)param;
    timer_thread[i] = GetCurrentThreadId();
    if (slots == 2) SetEvent(all_done);
}

static VOID CALLBACK Counter(PVOID param, BOOLEAN fired)
{
    (void)param; (void)fired;
    if (InterlockedIncrement(&count) == 5) SetEvent(all_done);
}

static VOID CALLBACK Blocking(PVOID param, BOOLEAN fired)
{
    (void)param; (void)fired;
    SetEvent(started);
    WaitForSingleObject(gate, INFINITE);
    InterlockedIncrement(&count);
}

static volatile LONG waits_signalled, waits_timed_out;
static VOID CALLBACK WaitCallback(PVOID param, BOOLEAN timed_out)
{
    if (timed_out) InterlockedIncrement(&waits_timed_out);
    else InterlockedIncrement(&waits_signalled);
    SetEvent((HANDLE)param);
}

static HANDLE self_wait;
static volatile LONG self_result, self_error;
static VOID CALLBACK SelfUnregister(PVOID param, BOOLEAN timed_out)
{
    (void)timed_out;
    self_result = UnregisterWait(self_wait);
    self_error = (LONG)GetLastError();
    SetEvent((HANDLE)param);
}

void Entry(void)
{
    all_done = CreateEventA(NULL, FALSE, FALSE, NULL);
    gate = CreateEventA(NULL, TRUE, FALSE, NULL);
    started = CreateEventA(NULL, FALSE, FALSE, NULL);
    HANDLE q = CreateTimerQueue();
    Check(q != NULL, "CreateTimerQueue");

    /* One-shot timers: 30, 10 and 20 ms fire in due order, each with TimerOrWaitFired TRUE. */
    HANDLE t[4];
    BOOL ok = CreateTimerQueueTimer(&t[0], q, Ordered, (PVOID)1, 30, 0, WT_EXECUTEONLYONCE) &&
              CreateTimerQueueTimer(&t[1], q, Ordered, (PVOID)2, 10, 0, WT_EXECUTEONLYONCE) &&
              CreateTimerQueueTimer(&t[2], q, Ordered, (PVOID)3, 20, 0, WT_EXECUTEONLYONCE);
    Check(ok, "CreateTimerQueueTimer x3");
    Check(WaitForSingleObject(all_done, 2000) == WAIT_OBJECT_0 && order[0] == 2 && order[1] == 3 && order[2] == 1,
          "one-shot timers fire in due order (10, 20, 30 ms)");
    Check(fired_true == 3, "TimerOrWaitFired is TRUE for a timer");
    Sleep(50);
    Check(slots == 3, "and each only once");

    /* ChangeTimerQueueTimer on a spent one-shot timer leaves it spent; on a pending one it moves it. */
    Check(ChangeTimerQueueTimer(q, t[1], 5, 0), "ChangeTimerQueueTimer on a spent one-shot timer succeeds");
    Sleep(30);
    Check(slots == 3, "but the timer does not fire again");
    for (int i = 0; i < 3; i++) DeleteTimerQueueTimer(q, t[i], INVALID_HANDLE_VALUE);

    /* Equal due times on the timer thread: creation order, one thread for both, not the caller's. */
    slots = 0;
    ok = CreateTimerQueueTimer(&t[0], q, InTimerThread, (PVOID)7, 15, 0, WT_EXECUTEINTIMERTHREAD | WT_EXECUTEONLYONCE) &&
         CreateTimerQueueTimer(&t[1], q, InTimerThread, (PVOID)8, 15, 0, WT_EXECUTEINTIMERTHREAD | WT_EXECUTEONLYONCE);
    Check(ok && WaitForSingleObject(all_done, 2000) == WAIT_OBJECT_0 && order[0] == 7 && order[1] == 8,
          "equal due times fire in creation order");
    Check(timer_thread[0] == timer_thread[1] && timer_thread[0] != GetCurrentThreadId(),
          "WT_EXECUTEINTIMERTHREAD: both on the timer thread");
    DeleteTimerQueueTimer(q, t[0], INVALID_HANDLE_VALUE);
    DeleteTimerQueueTimer(q, t[1], INVALID_HANDLE_VALUE);

    /* A periodic timer runs until deleted; INVALID_HANDLE_VALUE waits for its callbacks. */
    count = 0;
    Check(CreateTimerQueueTimer(&t[0], q, Counter, NULL, 10, 10, 0) && WaitForSingleObject(all_done, 2000) == WAIT_OBJECT_0,
          "a periodic timer fires again and again");
    Check(DeleteTimerQueueTimer(q, t[0], INVALID_HANDLE_VALUE), "DeleteTimerQueueTimer(INVALID_HANDLE_VALUE)");
    LONG settled = count;
    Sleep(50);
    Check(count == settled, "no callback after the delete returned");

    /* ChangeTimerQueueTimer brings a far timer close. */
    count = 0;
    ok = CreateTimerQueueTimer(&t[0], q, Counter, NULL, 100000, 0, 0) && ChangeTimerQueueTimer(q, t[0], 5, 0);
    Sleep(50);
    Check(ok && count == 1, "ChangeTimerQueueTimer: a 100 s timer moved to 5 ms");
    Check(DeleteTimerQueueTimer(q, t[0], NULL), "DeleteTimerQueueTimer(NULL) with nothing running succeeds");

    /* Deleting while the callback runs: NULL and an event fail with ERROR_IO_PENDING. */
    count = 0;
    CreateTimerQueueTimer(&t[0], q, Blocking, NULL, 0, 0, 0);
    WaitForSingleObject(started, INFINITE);
    SetLastError(0xdeadbeef);
    CheckError(!DeleteTimerQueueTimer(q, t[0], NULL), ERROR_IO_PENDING,
               "DeleteTimerQueueTimer(NULL) while its callback runs -> ERROR_IO_PENDING");
    HANDLE gone = CreateEventA(NULL, TRUE, FALSE, NULL);
    CreateTimerQueueTimer(&t[1], q, Blocking, NULL, 0, 0, 0);
    WaitForSingleObject(started, INFINITE);
    CheckError(!DeleteTimerQueueTimer(q, t[1], gone), ERROR_IO_PENDING,
               "DeleteTimerQueueTimer(event) while its callback runs -> ERROR_IO_PENDING");
    Check(WaitForSingleObject(gone, 20) == WAIT_TIMEOUT, "the event is not set while the callback runs");
    SetEvent(gate);
    DWORD waited = WaitForSingleObject(gone, 2000);
    for (int i = 0; i < 100 && count < 2; i++)     /* the first timer's callback ends on another thread */
        Sleep(1);
    Check(waited == WAIT_OBJECT_0 && count == 2, "and is set once it returns");

    /* A finished timer deleted with an event: success, the event set at once. */
    ResetEvent(gone);
    count = 0;
    CreateTimerQueueTimer(&t[0], q, Counter, NULL, 0, 0, 0);
    Sleep(20);
    SetLastError(0xdeadbeef);
    Check(DeleteTimerQueueTimer(q, t[0], gone) && GetLastError() == 0xdeadbeef && WaitForSingleObject(gone, 0) == WAIT_OBJECT_0,
          "DeleteTimerQueueTimer(event) of an idle timer: TRUE, the event set");

    /* DeleteTimerQueueEx: a pending timer never fires; the queue's event is set. */
    count = 0;
    CreateTimerQueueTimer(&t[0], q, Counter, NULL, 10000, 0, 0);
    ResetEvent(gone);
    Check(DeleteTimerQueueEx(q, gone) && WaitForSingleObject(gone, 1000) == WAIT_OBJECT_0, "DeleteTimerQueueEx(event)");
    Check(count == 0, "its pending timer never fired");
    CheckError(!DeleteTimerQueueEx(NULL, NULL), ERROR_INVALID_HANDLE, "DeleteTimerQueueEx(default queue) -> ERROR_INVALID_HANDLE");
    /* The default queue. */
    count = 0;
    Check(CreateTimerQueueTimer(&t[0], NULL, Counter, NULL, 5, 0, 0) && (Sleep(30), count == 1) &&
          DeleteTimerQueueTimer(NULL, t[0], INVALID_HANDLE_VALUE), "the default timer queue");

    /* Registered waits: signalled (FALSE) and timed out (TRUE). */
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL), done = CreateEventA(NULL, FALSE, FALSE, NULL), w;
    Check(RegisterWaitForSingleObject(&w, ev, WaitCallback, done, INFINITE, 0), "RegisterWaitForSingleObject");
    SetEvent(ev);
    WaitForSingleObject(done, 2000);
    SetEvent(ev);
    WaitForSingleObject(done, 2000);
    Check(waits_signalled == 2 && waits_timed_out == 0, "without WT_EXECUTEONLYONCE it waits again: two signals, two callbacks");
    Check(UnregisterWaitEx(w, INVALID_HANDLE_VALUE), "UnregisterWaitEx(INVALID_HANDLE_VALUE)");
    SetEvent(ev);
    Sleep(20);
    Check(waits_signalled == 2, "no callback after unregistering");
    ResetEvent(ev);

    waits_signalled = waits_timed_out = 0;
    Check(RegisterWaitForSingleObject(&w, ev, WaitCallback, done, 10, WT_EXECUTEONLYONCE), "a wait with a 10 ms timeout");
    Check(WaitForSingleObject(done, 2000) == WAIT_OBJECT_0 && waits_timed_out == 1, "timed out: TimerOrWaitFired TRUE");
    Sleep(50);
    SetEvent(ev);
    Sleep(20);
    Check(waits_timed_out == 1 && waits_signalled == 0, "WT_EXECUTEONLYONCE: nothing more");
    Check(UnregisterWait(w), "UnregisterWait of a spent wait succeeds");
    ResetEvent(ev);

    /* Unregistering from inside the callback: ERROR_IO_PENDING (the callback is still running). */
    Check(RegisterWaitForSingleObject(&self_wait, ev, SelfUnregister, done, INFINITE, 0), "a wait that unregisters itself");
    SetEvent(ev);
    WaitForSingleObject(done, 2000);
    Check(!self_result && self_error == ERROR_IO_PENDING, "UnregisterWait inside its callback -> ERROR_IO_PENDING");
    CheckError(!UnregisterWait(NULL), ERROR_INVALID_HANDLE, "UnregisterWait(NULL) -> ERROR_INVALID_HANDLE");
    ExitProcess(failures);
}
