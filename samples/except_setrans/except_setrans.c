/* _set_se_translator on vcruntime140.dll: translate.cpp's catching functions (MSVC /EHa tables)
 * install translators and call the faulting functions below (noinline, in another module: the
 * fault is in a callee, the try state is the call's): an access violation, an integer divide by
 * zero, RaiseException with a code of the program's own. A translator throwing SE_Exception is
 * caught by the caller's catch (SE_Exception &), after the __finally blocks between ran; one that
 * returns leaves the structured exception to catch(...) or to an __except further out; each
 * function with try blocks calls it once (twice for two frames); a /EHs frame (ehs.cpp) neither
 * calls it nor catches the exception with catch(...); a C++ throw never reaches it; `throw;` in
 * the catch of a translation raises the structured exception again; each thread has its own.
 * `except_setrans 1`: the translator returns and nothing catches the access violation (the
 * process ends with 0xC0000005). No C runtime: printing is NtWriteFile's. */
#include "../nt.h"

__declspec(dllimport) void __stdcall RaiseException(ULONG code, ULONG flags, ULONG count, const ULONG_PTR *args);
__declspec(dllimport) HANDLE __stdcall CreateThread(void *attributes, SIZE_T stack, ULONG (__stdcall *start)(void *),
                                                    void *parameter, ULONG flags, ULONG *id);
__declspec(dllimport) ULONG __stdcall WaitForSingleObject(HANDLE handle, ULONG ms);

void RunAll(void);
void Unhandled(void);
void SecondThread(void);

/* What the C++ side references and a C runtime's static part would give it. */
const void *const type_info_vftable[1] __asm__("\"??_7type_info@@6B@\"") = {0};
int _fltused = 0x9875;

void Say(const char *s) { Print(s); }
void SayNumber(const char *s, long long v) { PrintHex(s, (unsigned long long)v); }

/* The faults. */
static int *volatile nowhere;               /* null */

__attribute__((noinline)) void FaultAccess(void)
{
    *nowhere = 1;
}

__attribute__((noinline)) int Divide(int a, int b)
{
    volatile int x = a, y = b;
    return x / y;
}

__attribute__((noinline)) void RaiseCustom(ULONG code)
{
    ULONG_PTR args[1] = {0x5EED};
    RaiseException(code, 0, 1, args);
}

static ULONG __stdcall ThreadStart(void *parameter)
{
    (void)parameter;
    SecondThread();
    return 0;
}

void RunThread(void)
{
    HANDLE thread = CreateThread(0, 0, ThreadStart, 0, 0, 0);
    WaitForSingleObject(thread, 0xFFFFFFFF);
}

int Entry(void)
{
    if (ArgNumber(0, 0) == 1)
        Unhandled();
    else
        RunAll();
    return 0;
}
