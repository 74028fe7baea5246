/* Family 3 (threads), the thread pool's I/O objects: CreateThreadpoolIo binds a file to the pool's
 * completion port (FileCompletionInformation, the object as the key), StartThreadpoolIo /
 * CancelThreadpoolIo count the operations expected, and the pool's I/O thread turns each completion
 * packet into the object's callback (the OVERLAPPED, the Win32 error of its status and the bytes).
 * WaitForThreadpoolIoCallbacks waits for those callbacks and for started operations; CloseThreadpoolIo.
 * Lock order: the live list's, then the pool's. */
#include "threadpool.h"

#define FileCompletionInformation 30
#define IO_COMPLETION_ALL_ACCESS_ 0x001F0003

NTDLL NTSTATUS NTAPI NtCreateIoCompletion(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG);
NTDLL NTSTATUS NTAPI NtRemoveIoCompletion(HANDLE, ULONG_PTR *, ULONG_PTR *, IO_STATUS_BLOCK *, LARGE_INTEGER *);

struct _TP_IO {
    struct _TP_WORK base;
    PTP_WIN32_IO_CALLBACK callback;
    struct _TP_IO *next;                        /* the live objects, so a late packet finds no freed one */
};

static SRWLOCK lock = SRWLOCK_INIT;             /* the port, the thread and the live list */
static HANDLE port;
static struct _TP_IO *live;

static void IoInvoke(struct _TP_CALLBACK_INSTANCE *inst, TP_ITEM *item)
{
    struct _TP_IO *io = (struct _TP_IO *)item->work;
    io->callback(inst, item->context, (PVOID)item->arg[0], (ULONG)item->arg[1], item->arg[2], io);
}

static struct _TP_IO *Live(ULONG_PTR key)
{
    for (struct _TP_IO *io = live; io; io = io->next)
        if ((ULONG_PTR)io == key) return io;
    return NULL;
}

/* The I/O thread: a packet for a live object that expects one becomes its callback; others are dropped
 * (Windows: an operation not announced by StartThreadpoolIo is ignored). */
__attribute__((noreturn)) static DWORD WINAPI IoThread(LPVOID param)
{
    (void)param;
    for (;;) {
        ULONG_PTR key = 0, context = 0;
        IO_STATUS_BLOCK iosb;
        NTSTATUS status = NtRemoveIoCompletion(port, &key, &context, &iosb, NULL);
        if (!NT_SUCCESS(status) || status == STATUS_TIMEOUT_) continue;
        RtlAcquireSRWLockExclusive(&lock);
        struct _TP_IO *io = Live(key);
        TP_ITEM *item = NULL;
        if (io) {
            struct _TP_POOL *pool = io->base.pool;
            RtlAcquireSRWLockExclusive(&pool->lock);
            if (io->base.pending > 0 && (item = TpNewItem()) != NULL) {
                io->base.pending--;
                io->base.queued++;
                item->work = &io->base;
                item->invoke = IoInvoke;
                item->context = io->base.context;
                item->arg[0] = context;
                item->arg[1] = RtlNtStatusToDosError(iosb.Status);
                item->arg[2] = iosb.Information;
                TpEnqueue(pool, item);
            }
            RtlReleaseSRWLockExclusive(&pool->lock);
        }
        RtlReleaseSRWLockExclusive(&lock);
    }
}

KBAPI PTP_IO WINAPI CreateThreadpoolIo(HANDLE file, PTP_WIN32_IO_CALLBACK callback, PVOID context,
                                       PTP_CALLBACK_ENVIRON env)
{
    if (callback == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    struct _TP_IO *io = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*io));
    if (io == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    TpInitBase(&io->base, TpPoolOf(env), context);
    io->callback = callback;
    RtlAcquireSRWLockExclusive(&lock);
    NTSTATUS status = STATUS_SUCCESS;
    if (port == NULL) {                         /* the first I/O object: the port and its thread */
        status = NtCreateIoCompletion(&port, IO_COMPLETION_ALL_ACCESS_, NULL, 0);
        if (NT_SUCCESS(status)) {
            HANDLE t = CreateThread(NULL, 0, IoThread, NULL, 0, NULL);
            if (t) CloseHandle(t);
            else { NtClose(port); port = NULL; status = (NTSTATUS)0xC000009A; }
        } else port = NULL;
    }
    if (NT_SUCCESS(status)) {
        struct { HANDLE port; ULONG_PTR key; } info = {port, (ULONG_PTR)io};
        IO_STATUS_BLOCK iosb;
        status = NtSetInformationFile(file, &iosb, &info, sizeof(info), FileCompletionInformation);
    }
    if (NT_SUCCESS(status)) { io->next = live; live = io; }
    RtlReleaseSRWLockExclusive(&lock);
    if (!NT_SUCCESS(status)) {
        TpFree(io);
        BaseSetLastNTError(status);
        return NULL;
    }
    TpJoinGroup(&io->base, env, NULL, (void (*)(struct _TP_WORK *))CloseThreadpoolIo);
    return io;
}

KBAPI VOID WINAPI StartThreadpoolIo(PTP_IO io)
{
    RtlAcquireSRWLockExclusive(&io->base.pool->lock);
    io->base.pending++;
    RtlReleaseSRWLockExclusive(&io->base.pool->lock);
}

/* The operation started did not pend after all (it failed, or completed with the port skipped). */
KBAPI VOID WINAPI CancelThreadpoolIo(PTP_IO io)
{
    struct _TP_POOL *pool = io->base.pool;
    RtlAcquireSRWLockExclusive(&pool->lock);
    if (io->base.pending > 0) io->base.pending--;
    RtlWakeAllConditionVariable(&pool->finished);
    TpReleaseIfDone(&io->base);
    RtlReleaseSRWLockExclusive(&pool->lock);
}

KBAPI VOID WINAPI WaitForThreadpoolIoCallbacks(PTP_IO io, BOOL cancel_pending)
{
    TpWaitForCallbacks(&io->base, cancel_pending);
}

/* Off the live list first (a later packet is dropped; Windows asks for the I/O to be over by now),
 * then the object goes when its queued and running callbacks are. */
KBAPI VOID WINAPI CloseThreadpoolIo(PTP_IO io)
{
    RtlAcquireSRWLockExclusive(&lock);
    for (struct _TP_IO **link = &live; *link; link = &(*link)->next)
        if (*link == io) { *link = io->next; break; }
    RtlReleaseSRWLockExclusive(&lock);
    RtlAcquireSRWLockExclusive(&io->base.pool->lock);
    io->base.pending = 0;
    RtlReleaseSRWLockExclusive(&io->base.pool->lock);
    TpClose(&io->base);
}
