/* Family 3, fibers: ConvertThreadToFiber (twice: ERROR_ALREADY_FIBER), GetCurrentFiber and
 * GetFiberData, two fibers that switch back and forth keeping their locals and nonvolatile
 * registers, each on its own stack (the TEB's stack limits follow), FLS values per fiber with the
 * callback run by DeleteFiber, ConvertFiberToThread (twice: ERROR_ALREADY_THREAD), and a thread
 * whose fiber routine returns: the thread ends. Exit code: failed checks. */
#include "../k32.h"

static LPVOID main_fiber, a_fiber;
static DWORD fls;
static volatile LONG freed;
static int trail[16], steps;

static void NTAPI OnFlsFree(PVOID value) { (void)value; InterlockedIncrement(&freed); }

/* The TEB's NT_TIB and its FiberData, read through gs as winnt.h's GetCurrentFiber/GetFiberData do. */
static NT_TIB *Tib(void)
{
    NT_TIB *tib;
    __asm__ volatile ("mov %%gs:0x30, %0" : "=r"(tib));
    return tib;
}
static PVOID CurrentFiber(void) { return Tib()->FiberData; }
static PVOID FiberParameter(void) { return *(PVOID *)CurrentFiber(); }

static VOID WINAPI FiberA(LPVOID param)
{
    int local = 100;
    Check(FiberParameter() == param && CurrentFiber() == a_fiber, "in fiber A: GetFiberData and GetCurrentFiber");
    ULONG_PTR here = (ULONG_PTR)&local;
    Check(here < (ULONG_PTR)Tib()->StackBase && here >= (ULONG_PTR)Tib()->StackLimit, "on its own stack, the TEB's limits around it");
    Check(FlsGetValue(fls) == NULL && FlsSetValue(fls, (PVOID)0xA), "its FLS value starts empty");
    for (int i = 0; i < 3; i++) {
        trail[steps++] = local + i;
        SwitchToFiber(main_fiber);
    }
    Check(FlsGetValue(fls) == (PVOID)0xA && local == 100, "its local and FLS value kept across switches");
    SwitchToFiber(main_fiber);
}

static VOID WINAPI Returns(LPVOID param) { (void)param; }

static DWORD WINAPI Thread(LPVOID param)
{
    (void)param;
    ConvertThreadToFiber(NULL);
    LPVOID f = CreateFiber(0, Returns, NULL);
    SwitchToFiber(f);
    return 5;                                   /* not reached: the fiber's return ends the thread */
}

void Entry(void)
{
    fls = FlsAlloc(OnFlsFree);
    FlsSetValue(fls, (PVOID)0x1);
    ULONG_PTR base = (ULONG_PTR)Tib()->StackBase;
    main_fiber = ConvertThreadToFiber((PVOID)0x1234);
    Check(main_fiber != NULL && CurrentFiber() == main_fiber && FiberParameter() == (PVOID)0x1234,
          "ConvertThreadToFiber: GetCurrentFiber, GetFiberData");
    CheckError(ConvertThreadToFiber(NULL) == NULL, ERROR_ALREADY_FIBER, "again -> ERROR_ALREADY_FIBER");
    a_fiber = CreateFiber(0x4000, FiberA, (PVOID)0xABC);
    Check(a_fiber != NULL, "CreateFiber");
    CheckError(CreateFiber(0, NULL, NULL) == NULL, ERROR_INVALID_PARAMETER, "CreateFiber(NULL routine) -> ERROR_INVALID_PARAMETER");
    register volatile int kept = 7;
    for (int i = 0; i < 3; i++) {
        SwitchToFiber(a_fiber);
        trail[steps++] = -i;
    }
    Check(steps == 6 && trail[0] == 100 && trail[1] == 0 && trail[2] == 101 && trail[3] == -1 && trail[4] == 102 &&
          trail[5] == -2, "six switches, in turn");
    Check(kept == 7 && (ULONG_PTR)Tib()->StackBase == base && FlsGetValue(fls) == (PVOID)0x1,
          "back on the thread's own stack with its FLS value");
    SwitchToFiber(a_fiber);
    DeleteFiber(a_fiber);
    Check(freed == 1, "DeleteFiber runs the deleted fiber's FLS callback");
    Check(ConvertFiberToThread() && CurrentFiber() == (PVOID)(ULONG_PTR)0x1E00, "ConvertFiberToThread: FiberData is NT_TIB.Version again");
    CheckError(!ConvertFiberToThread(), ERROR_ALREADY_THREAD, "again -> ERROR_ALREADY_THREAD");
    HANDLE t = CreateThread(NULL, 0, Thread, NULL, 0, NULL);
    DWORD code = 99;
    Check(WaitForSingleObject(t, 2000) == WAIT_OBJECT_0 && GetExitCodeThread(t, &code) && code == 0,
          "a fiber routine that returns ends its thread (exit code 0)");
    ExitProcess(failures);
}
