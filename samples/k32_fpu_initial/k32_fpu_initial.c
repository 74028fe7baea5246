/* The floating-point state every thread starts with on x64 Windows: the x87 control word 0x27F
 * (all exceptions masked, 53-bit precision, round to nearest) and MXCSR 0x1F80, on the initial
 * thread at its entry and on a CreateThread thread at its start. Exit code: failed checks. */
#include "../k32.h"

static unsigned short Fcw(void)
{
    unsigned short cw;
    __asm__ volatile ("fnstcw %0" : "=m"(cw));
    return cw;
}

static unsigned int Mxcsr(void)
{
    unsigned int v;
    __asm__ volatile ("stmxcsr %0" : "=m"(v));
    return v;
}

static volatile unsigned short thread_fcw;
static volatile unsigned int thread_mxcsr;

static DWORD WINAPI Start(LPVOID p)
{
    (void)p;
    thread_fcw = Fcw();
    thread_mxcsr = Mxcsr();
    return 0;
}

static void Show(const char *what, unsigned long long v)
{
    Print(what);
    PrintNum(v, 1);
    Print("\n");
}

void Entry(void)
{
    unsigned short fcw = Fcw();
    unsigned int mxcsr = Mxcsr();
    Show("initial thread FCW ", fcw);
    Show("initial thread MXCSR ", mxcsr);
    Check(fcw == 0x27F, "the initial thread starts with FCW 0x27F");
    Check(mxcsr == 0x1F80, "the initial thread starts with MXCSR 0x1F80");
    /* Changed here, the new thread's state is still the initial one (not inherited). */
    unsigned short extended = 0x37F;
    __asm__ volatile ("fldcw %0" : : "m"(extended));
    HANDLE h = CreateThread(NULL, 0, Start, NULL, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    CloseHandle(h);
    Show("new thread FCW ", thread_fcw);
    Show("new thread MXCSR ", thread_mxcsr);
    Check(thread_fcw == 0x27F, "a new thread starts with FCW 0x27F");
    Check(thread_mxcsr == 0x1F80, "a new thread starts with MXCSR 0x1F80");
    ExitProcess(failures);
}
