/* The thread pool's shared internals (threadpool.c): pools, the queue's items, the counted base every
 * pool object (work, timer, wait, I/O, and the legacy timer-queue timers and registered waits) starts
 * with, and the waiter thread (tp_waiter.c) that turns due times and signalled handles into callbacks. */
#pragma once
#include "kernelbase.h"

NTDLL void NTAPI RtlAcquireSRWLockExclusive(SRWLOCK *);
NTDLL void NTAPI RtlReleaseSRWLockExclusive(SRWLOCK *);
NTDLL void NTAPI RtlWakeConditionVariable(CONDITION_VARIABLE *);
NTDLL void NTAPI RtlWakeAllConditionVariable(CONDITION_VARIABLE *);

struct _TP_CALLBACK_INSTANCE;

/* One queued callback: a work object's, an invoke routine's (timers, waits, I/O: their own
 * signature with the arguments saved here), TrySubmitThreadpoolCallback's or QueueUserWorkItem's. */
typedef struct _TP_ITEM {
    struct _TP_ITEM *next;
    struct _TP_WORK *work;                      /* the counted object it belongs to, or NULL */
    void (*invoke)(struct _TP_CALLBACK_INSTANCE *, struct _TP_ITEM *);
    PTP_SIMPLE_CALLBACK simple;
    LPTHREAD_START_ROUTINE routine;
    PVOID context;
    ULONG_PTR arg[3];
} TP_ITEM;

struct _TP_POOL {
    SRWLOCK lock;
    CONDITION_VARIABLE ready;                   /* an item queued (workers wait on it) */
    CONDITION_VARIABLE finished;                /* a callback returned (waiters for objects) */
    TP_ITEM *head, *tail;
    DWORD workers, idle, minimum, maximum;
    BOOL closing;
    TP_POOL_STACK_INFORMATION stack;            /* new workers' stack sizes, 0: the image's */
};

/* The counted base: what is queued, running and (I/O) pending, under the pool's lock. */
struct _TP_WORK {
    struct _TP_POOL *pool;
    PTP_WORK_CALLBACK callback;                 /* a work object's; the others' are in their own struct */
    PVOID context;
    LONG queued, running, pending;
    BOOL closed;
    HANDLE done_event;                          /* set when a closed object goes (legacy deletes) */
    void (*destroy)(struct _TP_WORK *);         /* frees it, when it is not a plain heap block */
    struct _TP_CLEANUP_GROUP *group;            /* the cleanup group it is a member of (tp_cleanup.c) */
    struct _TP_WORK *group_next;
    PTP_CLEANUP_GROUP_CANCEL_CALLBACK group_cancel;
    void (*stop)(struct _TP_WORK *);            /* a member's release: no new callbacks (timers, waits) */
    void (*close)(struct _TP_WORK *);           /* a member's release: the object's own Close */
};

/* What a callback's instance asks to be done when it returns. */
struct _TP_CALLBACK_INSTANCE {
    struct _TP_WORK *work;                      /* still counted as running until disassociated */
    HANDLE event, semaphore, mutex;
    LONG semaphore_count;
    PCRITICAL_SECTION section;
    HMODULE library;
    BOOL may_run_long;
};

extern struct _TP_POOL TpDefaultPool;
struct _TP_POOL *TpPoolOf(PTP_CALLBACK_ENVIRON env);
void TpFree(void *p);
TP_ITEM *TpNewItem(void);
BOOL TpEnqueue(struct _TP_POOL *pool, TP_ITEM *item);          /* the pool's lock held */
void TpRunItem(struct _TP_POOL *pool, TP_ITEM *item);          /* no lock; item counted as running */
void TpWorkDone(struct _TP_POOL *pool, struct _TP_WORK *work); /* the pool's lock held */
void TpReleaseIfDone(struct _TP_WORK *work);                   /* the pool's lock held */
void TpWaitForCallbacks(struct _TP_WORK *work, BOOL cancel_pending);
void TpClose(struct _TP_WORK *work);
void TpInitBase(struct _TP_WORK *work, struct _TP_POOL *pool, PVOID context);
/* tp_cleanup.c: a new object joins the environment's cleanup group (if any); TpClose leaves it. */
void TpJoinGroup(struct _TP_WORK *work, PTP_CALLBACK_ENVIRON env, void (*stop)(struct _TP_WORK *),
                 void (*close)(struct _TP_WORK *));
void TpLeaveGroup(struct _TP_WORK *work);

/* tp_waiter.c: something the waiter thread watches, a due time (100 ns on the performance counter,
 * -1 for none) and optionally a handle. fire() runs under the waiter's lock and returns the item to
 * queue (NULL: nothing to run), re-arming or disarming the entry; inline items run on the waiter. */
typedef struct _TP_WAITABLE {
    struct _TP_WAITABLE *next;
    HANDLE object;
    LONGLONG due;
    ULONGLONG seq;                              /* arming order: equal due times fire in this order */
    BOOL armed, run_inline;
    int waiter;                                 /* which waiter thread watches it */
    TP_ITEM *(*fire)(struct _TP_WAITABLE *, BOOL timed_out);
} TP_WAITABLE;

LONGLONG TpNow(void);
LONGLONG TpDueFromFileTime(const FILETIME *due);               /* absolute or relative (negative) */
void TpWaiterLock(void);
void TpWaiterUnlock(void);
BOOL TpArm(TP_WAITABLE *w, HANDLE object, LONGLONG due);       /* the waiter's lock held; FALSE: no thread */
BOOL TpDisarm(TP_WAITABLE *w);                                 /* the waiter's lock held; TRUE if it was armed */
TP_ITEM *TpItemFor(struct _TP_WORK *work, void (*invoke)(struct _TP_CALLBACK_INSTANCE *, TP_ITEM *));
