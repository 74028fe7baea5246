/* The per-thread message queue: created on the thread's first user32 call that needs it, holding
 * posted messages (FIFO), messages sent from other threads of the process (handled when the
 * thread next looks at its queue, or while it waits in SendMessage), the quit flag, the thread's
 * timers and the QS_* bits changed since the last look. A manual-reset event wakes the thread
 * when something arrives. Cross-process posting and sending are not done. */
#include "user32.h"

static QUEUE *Queues;
static DWORD QueueTls = TLS_OUT_OF_INDEXES;

QUEUE *UserQueueOf(DWORD tid)
{
    for (QUEUE *q = Queues; q; q = q->Next)
        if (q->ThreadId == tid) return q;
    return NULL;
}

QUEUE *UserQueue(void)
{
    if (QueueTls == TLS_OUT_OF_INDEXES) {
        LOCK();
        if (QueueTls == TLS_OUT_OF_INDEXES) QueueTls = TlsAlloc();
        UNLOCK();
    }
    QUEUE *q = TlsGetValue(QueueTls);
    if (q) return q;
    q = UserAlloc(sizeof(*q));
    q->ThreadId = GetCurrentThreadId();
    q->Wake = CreateEventW(NULL, TRUE, FALSE, NULL);
    LOCK();
    q->Next = Queues;
    Queues = q;
    UNLOCK();
    TlsSetValue(QueueTls, q);
    return q;
}

static void Append(QMSG **list, QMSG *m)
{
    while (*list) list = &(*list)->Next;
    m->Next = NULL;
    *list = m;
}

void UserPost(QUEUE *q, HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    QMSG *m = UserAlloc(sizeof(*m));
    m->Msg.hwnd = hwnd;
    m->Msg.message = msg;
    m->Msg.wParam = wp;
    m->Msg.lParam = lp;
    m->Msg.time = GetTickCount();
    GetCursorPos(&m->Msg.pt);
    Append(&q->Posted, m);
    q->Changed |= QS_POSTMESSAGE;
    SetEvent(q->Wake);
}

DWORD UserQueueBits(QUEUE *q)
{
    DWORD bits = 0;
    if (q->Posted || q->Quit) bits |= QS_POSTMESSAGE | QS_ALLPOSTMESSAGE;
    if (q->Sent) bits |= QS_SENDMESSAGE;
    if (UserNextTimer(q, GetTickCount64()) == 0) bits |= QS_TIMER;
    return bits;
}

/* Queue a message sent from another thread and wait for it to be handled, handling this thread's
 * own incoming sent messages meanwhile (so two threads sending to each other do not deadlock).
 * Returns FALSE when `timeout` ms pass before the receiver took it. */
BOOL UserSendToThread(QUEUE *target, HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode, DWORD timeout, LRESULT *result)
{
    QUEUE *self = UserQueue();
    QMSG m = {0};
    m.Msg.hwnd = hwnd; m.Msg.message = msg; m.Msg.wParam = wp; m.Msg.lParam = lp;
    m.Msg.time = GetTickCount();
    m.Sent = TRUE;
    m.Unicode = unicode;
    m.Done = CreateEventW(NULL, TRUE, FALSE, NULL);
    Append(&target->Sent, &m);
    target->Changed |= QS_SENDMESSAGE;
    SetEvent(target->Wake);
    UNLOCK();                                   /* called with the lock held */
    ULONGLONG deadline = timeout == INFINITE ? 0 : GetTickCount64() + timeout;
    BOOL done = FALSE;
    for (;;) {
        HANDLE both[2] = {m.Done, self->Wake};
        DWORD left = INFINITE;
        if (timeout != INFINITE) {
            ULONGLONG now = GetTickCount64();
            left = now >= deadline ? 0 : (DWORD)(deadline - now);
        }
        DWORD r = WaitForMultipleObjects(2, both, FALSE, left);
        if (r == WAIT_OBJECT_0) { done = TRUE; break; }
        if (r == WAIT_OBJECT_0 + 1) {
            if (!UserProcessSent(self)) {
                LOCK();
                if (!self->Sent) ResetEvent(self->Wake);
                UNLOCK();
            }
            continue;
        }
        LOCK();                                 /* timed out: withdraw it if not yet taken */
        BOOL withdrawn = FALSE;
        for (QMSG **p = &target->Sent; *p; p = &(*p)->Next)
            if (*p == &m) { *p = m.Next; withdrawn = TRUE; break; }
        UNLOCK();
        if (withdrawn) break;
        WaitForSingleObject(m.Done, INFINITE);  /* being handled: its answer comes */
        done = TRUE;
        break;
    }
    CloseHandle(m.Done);
    *result = m.Result;
    if (done && m.Abandoned) { SetLastError(ERROR_INVALID_WINDOW_HANDLE); return FALSE; }
    return done;
}

BOOL UserProcessSent(QUEUE *q)
{
    LOCK();
    QMSG *m = q->Sent;
    if (m) q->Sent = m->Next;
    UNLOCK();
    if (m == NULL) return FALSE;
    QMSG *outer = q->Handling;
    BOOL outerReplied = q->Replied;
    q->Handling = m;
    q->Replied = FALSE;
    LRESULT r = UserDeliverSent(m->Msg.hwnd, m->Msg.message, m->Msg.wParam, m->Msg.lParam, m->Unicode);
    if (!q->Replied) { m->Result = r; SetEvent(m->Done); }
    q->Handling = outer;
    q->Replied = outerReplied;
    return TRUE;
}

void UserForgetProps(HWND hwnd);

/* Step: a destroyed window's posted messages, timers and properties go with it. */
void UserForgetWindow(HWND hwnd)
{
    UserForgetProps(hwnd);
    LOCK();
    for (QUEUE *q = Queues; q; q = q->Next) {
        for (QMSG **p = &q->Posted; *p;) {
            QMSG *m = *p;
            if (m->Msg.hwnd == hwnd) { *p = m->Next; UserFree(m); } else p = &m->Next;
        }
        for (TIMER **t = &q->Timers; *t;) {
            TIMER *x = *t;
            if (x->Hwnd == hwnd) { *t = x->Next; UserFree(x); } else t = &x->Next;
        }
    }
    UNLOCK();
}

void UserThreadGone(DWORD tid)
{
    /* Step 1: its windows are destroyed without messages (the thread cannot receive them). */
    LOCK();
    for (WND **p = &UserWindows; *p;) {
        WND *w = *p;
        if (w->ThreadId != tid) { p = &w->Next; continue; }
        *p = w->Next;
        w->Class->Windows--;
        UserFree(w->Text);
        UserFree(w->Extra);
        UserFree(w);
    }
    /* Step 2: its queue; senders still waiting are answered 0. */
    QUEUE *q = NULL;
    for (QUEUE **p = &Queues; *p; p = &(*p)->Next)
        if ((*p)->ThreadId == tid) { q = *p; *p = q->Next; break; }
    if (q) {
        for (QMSG *m = q->Sent, *next; m; m = next) {
            next = m->Next;
            m->Abandoned = TRUE;
            SetEvent(m->Done);
        }
        for (QMSG *m = q->Posted, *next; m; m = next) { next = m->Next; UserFree(m); }
        for (TIMER *t = q->Timers, *next; t; t = next) { next = t->Next; UserFree(t); }
    }
    UNLOCK();
    if (q) {
        CloseHandle(q->Wake);
        UserFree(q);
        if (QueueTls != TLS_OUT_OF_INDEXES) TlsSetValue(QueueTls, NULL);
    }
}
