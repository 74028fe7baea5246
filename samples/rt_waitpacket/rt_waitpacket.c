/* Go >= 1.23's timers and Rust >= 1.75's sleep as their runtimes call Windows: high-resolution
 * waitable timers (CreateWaitableTimerExW + CREATE_WAITABLE_TIMER_HIGH_RESOLUTION) and wait
 * completion packets (NtCreate/Associate/CancelWaitCompletionPacket, found with GetProcAddress as
 * Go finds them) feeding GetQueuedCompletionStatusEx. Exit code: failed checks. */
#include "../k32.h"

typedef LONG NTSTATUS;
typedef NTSTATUS (NTAPI *CreatePacketFn)(HANDLE *, ACCESS_MASK, void *);
typedef NTSTATUS (NTAPI *AssociateFn)(HANDLE, HANDLE, HANDLE, void *, void *, NTSTATUS, ULONG_PTR, BOOLEAN *);
typedef NTSTATUS (NTAPI *CancelFn)(HANDLE, BOOLEAN);
#define STATUS_PENDING_ 0x00000103
#define STATUS_CANCELLED_ ((NTSTATUS)0xC0000120)
#ifndef CREATE_WAITABLE_TIMER_HIGH_RESOLUTION
#define CREATE_WAITABLE_TIMER_HIGH_RESOLUTION 0x2
#endif

static CreatePacketFn NtCreateWaitCompletionPacket;
static AssociateFn NtAssociateWaitCompletionPacket;
static CancelFn NtCancelWaitCompletionPacket;

static void CheckStatus(NTSTATUS got, NTSTATUS want, const char *what)
{
    Check(got == want, what);
    if (got != want) { Print("     status "); PrintNum((ULONG)got, 1); Print("\n"); }
}

static void Relative(HANDLE timer, LONGLONG hundred_ns)
{
    LARGE_INTEGER due;
    due.QuadPart = -hundred_ns;
    SetWaitableTimer(timer, &due, 0, NULL, NULL, FALSE);
}

/* One entry off the port within ms, or 0 when it times out. */
static int Take(HANDLE port, OVERLAPPED_ENTRY *e, DWORD ms)
{
    ULONG n = 0;
    return GetQueuedCompletionStatusEx(port, e, 1, &n, ms, FALSE) && n == 1;
}

static DWORD WINAPI Quick(LPVOID p) { (void)p; return 5; }

void Entry(void)
{
    HMODULE nt = GetModuleHandleW(L"ntdll.dll");
    NtCreateWaitCompletionPacket = (CreatePacketFn)GetProcAddress(nt, "NtCreateWaitCompletionPacket");
    NtAssociateWaitCompletionPacket = (AssociateFn)GetProcAddress(nt, "NtAssociateWaitCompletionPacket");
    NtCancelWaitCompletionPacket = (CancelFn)GetProcAddress(nt, "NtCancelWaitCompletionPacket");
    Check(NtCreateWaitCompletionPacket && NtAssociateWaitCompletionPacket && NtCancelWaitCompletionPacket,
          "ntdll exports the three wait completion packet services");

    /* Rust std::thread::sleep: a high-resolution timer, set relative, waited on. */
    HANDLE sleeper = CreateWaitableTimerExW(NULL, NULL, CREATE_WAITABLE_TIMER_HIGH_RESOLUTION, TIMER_ALL_ACCESS);
    Check(sleeper != NULL, "CreateWaitableTimerExW(HIGH_RESOLUTION, TIMER_ALL_ACCESS)");
    Relative(sleeper, 20000);   /* 2 ms */
    Check(WaitForSingleObject(sleeper, INFINITE) == WAIT_OBJECT_0, "a 2 ms sleep on it ends signalled");
    Check(WaitForSingleObject(sleeper, 0) == WAIT_TIMEOUT, "an auto-reset timer: signalled once");
    CloseHandle(sleeper);
    SetLastError(0);
    CheckError(CreateWaitableTimerExW(NULL, NULL, 0x4, TIMER_ALL_ACCESS) == NULL, ERROR_INVALID_PARAMETER,
               "an unknown flag -> ERROR_INVALID_PARAMETER");

    /* Go's minit and netpollinit. */
    HANDLE timer = CreateWaitableTimerExW(NULL, NULL, CREATE_WAITABLE_TIMER_HIGH_RESOLUTION,
                                          SYNCHRONIZE | TIMER_QUERY_STATE | TIMER_MODIFY_STATE);
    Check(timer != NULL, "CreateWaitableTimerExW(HIGH_RESOLUTION, SYNCHRONIZE|QUERY|MODIFY)");
    HANDLE packet = NULL;
    CheckStatus(NtCreateWaitCompletionPacket(&packet, GENERIC_ALL, NULL), 0, "NtCreateWaitCompletionPacket");
    Check(packet != NULL, "gives a handle");
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0xFFFFFFFF);
    Check(port != NULL, "CreateIoCompletionPort(INVALID_HANDLE_VALUE, 0, 0, DWORD_MAX)");

    /* Go's netpollQueueTimer, three rounds: cancel, re-arm, associate, then wait on the port. */
    OVERLAPPED_ENTRY e;
    int rounds = 0;
    for (int i = 0; i < 3; i++) {
        NTSTATUS s = NtCancelWaitCompletionPacket(packet, TRUE);
        if (s != STATUS_CANCELLED_) break;      /* never associated, then already picked up */
        Relative(timer, 10000 * (i + 1));
        BOOLEAN signaled = 1;
        if (NtAssociateWaitCompletionPacket(packet, port, timer, (void *)0x33, NULL, 0, 0, &signaled) != 0 || signaled)
            break;
        if (!Take(port, &e, 1000) || e.lpCompletionKey != 0x33 || e.lpOverlapped || e.Internal
            || e.dwNumberOfBytesTransferred)
            break;
        rounds++;
    }
    Check(rounds == 3, "three timer rounds: CANCELLED, associate (not signalled), the packet on the port");

    /* Cancelling a wait still pending takes it back: the timer's expiry queues nothing. */
    Relative(timer, 20000);
    CheckStatus(NtAssociateWaitCompletionPacket(packet, port, timer, (void *)0x34, NULL, 0, 0, NULL), 0,
                "associate with a timer 2 ms away");
    CheckStatus(NtAssociateWaitCompletionPacket(packet, port, timer, (void *)0x34, NULL, 0, 0, NULL) < 0, 1,
                "associating a packet in use fails");
    CheckStatus(NtCancelWaitCompletionPacket(packet, FALSE), 0, "cancel the pending wait -> STATUS_SUCCESS");
    Check(!Take(port, &e, 20), "the timer expires, the port stays empty");
    Check(WaitForSingleObject(timer, 0) == WAIT_OBJECT_0, "and the timer itself was not consumed");

    /* An object already signalled. */
    HANDLE manual = CreateEventW(NULL, TRUE, TRUE, NULL);
    BOOLEAN signaled = 0;
    CheckStatus(NtAssociateWaitCompletionPacket(packet, port, manual, (void *)1, NULL, 0, 0, &signaled), 0,
                "associate with a set event, AlreadySignaled given");
    Check(signaled == 1, "AlreadySignaled = TRUE");
    Check(!Take(port, &e, 0), "and nothing is queued");
    CheckStatus(NtCancelWaitCompletionPacket(packet, TRUE), STATUS_CANCELLED_, "nothing to cancel -> CANCELLED");
    CheckStatus(NtAssociateWaitCompletionPacket(packet, port, manual, (void *)2, (void *)0x55, 0x103, 42, NULL), 0,
                "the same without AlreadySignaled");
    Check(Take(port, &e, 0) && e.lpCompletionKey == 2 && e.lpOverlapped == (void *)0x55 && e.Internal == 0x103
          && e.dwNumberOfBytesTransferred == 42, "queues at once: key, ApcContext, IoStatus, Information");

    /* Queued but not taken: cancel without and with RemoveSignaledPacket. */
    CheckStatus(NtAssociateWaitCompletionPacket(packet, port, manual, (void *)3, NULL, 0, 0, NULL), 0,
                "queue another");
    CheckStatus(NtCancelWaitCompletionPacket(packet, FALSE), STATUS_PENDING_, "cancel, keeping it -> PENDING");
    CheckStatus(NtCancelWaitCompletionPacket(packet, TRUE), 0, "cancel, removing it -> SUCCESS");
    Check(!Take(port, &e, 0), "it is off the port");

    /* An auto-reset event set later: the packet's wait consumes it, as a thread's would. */
    HANDLE autoev = CreateEventW(NULL, FALSE, FALSE, NULL);
    signaled = 1;
    CheckStatus(NtAssociateWaitCompletionPacket(packet, port, autoev, (void *)4, NULL, 0, 0, &signaled), 0,
                "associate with a clear auto-reset event");
    Check(signaled == 0, "AlreadySignaled = FALSE");
    Check(!Take(port, &e, 0), "nothing yet");
    SetEvent(autoev);
    Check(Take(port, &e, 0) && e.lpCompletionKey == 4, "SetEvent queues the packet");
    Check(WaitForSingleObject(autoev, 0) == WAIT_TIMEOUT, "and resets the event");

    /* A semaphore: the satisfied wait takes one count. */
    HANDLE sem = CreateSemaphoreW(NULL, 2, 5, NULL);
    CheckStatus(NtAssociateWaitCompletionPacket(packet, port, sem, (void *)5, NULL, 0, 0, &signaled), 0,
                "associate with a semaphore of count 2");
    LONG previous = -1;
    ReleaseSemaphore(sem, 1, &previous);
    Check(signaled == 1 && previous == 1, "signalled at once; its count went to 1");

    /* A thread ending. */
    HANDLE t = CreateThread(NULL, 0, Quick, NULL, CREATE_SUSPENDED, NULL);
    CheckStatus(NtAssociateWaitCompletionPacket(packet, port, t, (void *)6, NULL, 0, 0, &signaled), 0,
                "associate with a suspended thread");
    ResumeThread(t);
    Check(Take(port, &e, 5000) && e.lpCompletionKey == 6, "its end queues the packet");
    CheckStatus(NtCancelWaitCompletionPacket(packet, TRUE), STATUS_CANCELLED_, "picked up -> CANCELLED");

    /* Bad handles. */
    CheckStatus(NtAssociateWaitCompletionPacket(packet, manual, timer, NULL, NULL, 0, 0, NULL),
                (NTSTATUS)0xC0000024, "an event for the port -> STATUS_OBJECT_TYPE_MISMATCH");
    CheckStatus(NtCancelWaitCompletionPacket(port, FALSE), (NTSTATUS)0xC0000024,
                "a port for the packet -> STATUS_OBJECT_TYPE_MISMATCH");
    CheckStatus(NtCancelWaitCompletionPacket((HANDLE)0x7770, FALSE), (NTSTATUS)0xC0000008,
                "no handle -> STATUS_INVALID_HANDLE");

    CheckStatus(NtAssociateWaitCompletionPacket(packet, port, manual, NULL, NULL, 0, 0, (BOOLEAN *)1),
                (NTSTATUS)0xC0000005, "a bad AlreadySignaled pointer -> STATUS_ACCESS_VIOLATION");

    /* A packet closed while it waits: its wait goes with it. */
    HANDLE second = NULL;
    NtCreateWaitCompletionPacket(&second, GENERIC_ALL, NULL);
    ResetEvent(manual);
    CheckStatus(NtAssociateWaitCompletionPacket(second, port, manual, (void *)7, NULL, 0, 0, NULL), 0,
                "a second packet waits on the event");
    CloseHandle(second);
    SetEvent(manual);
    Check(!Take(port, &e, 0), "closed before the event was set: nothing is queued");

    CloseHandle(t);
    CloseHandle(sem);
    CloseHandle(autoev);
    CloseHandle(manual);
    CloseHandle(packet);
    CloseHandle(port);
    CloseHandle(timer);
    ExitProcess(failures);
}
