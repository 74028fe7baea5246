/* _resetstkoflw (msvcrt): a stack overflow is caught (a vectored handler jumps back to main),
 * _resetstkoflw puts the guard page back, and a second overflow is a STATUS_STACK_OVERFLOW again
 * rather than an access violation; a call while the guard is still there succeeds, and the
 * committed stack below the new guard is given back. */
#include <malloc.h>
#include <setjmp.h>
#include <stdio.h>
#include <windows.h>

static jmp_buf back;
static volatile DWORD last_code;
static volatile int caught;

static LONG CALLBACK OnException(EXCEPTION_POINTERS *info)
{
    last_code = info->ExceptionRecord->ExceptionCode;
    if (last_code != EXCEPTION_STACK_OVERFLOW && last_code != EXCEPTION_ACCESS_VIOLATION)
        return EXCEPTION_CONTINUE_SEARCH;
    caught++;
    longjmp(back, 1);                   /* a frameless jump buffer: registers restored, nothing unwound */
}

static __attribute__((noipa)) long long Recurse(long long n)
{
    volatile char frame[512];
    frame[0] = (char)n;
    if (frame[0] == 0x7F && n < 0)
        return 0;
    return Recurse(n + 1) + frame[0];
}

static size_t Committed(void)
{
    MEMORY_BASIC_INFORMATION mbi;
    NT_TIB *tib;
    __asm__("movq %%gs:0x30, %0" : "=r"(tib));
    size_t total = 0;
    char *p = (char *)tib->StackBase - 1;
    VirtualQuery(p, &mbi, sizeof mbi);
    for (char *a = (char *)mbi.AllocationBase; a < (char *)tib->StackBase; a += mbi.RegionSize) {
        VirtualQuery(a, &mbi, sizeof mbi);
        if (mbi.State == MEM_COMMIT)
            total += mbi.RegionSize;
    }
    return total;
}

static int Overflow(void)
{
    if (_setjmp(back, NULL) == 0) {
        Recurse(0);
        return 0;
    }
    return 1;
}

int main(void)
{
    int r;
    AddVectoredExceptionHandler(1, OnException);
    printf("with the guard in place: %d\n", _resetstkoflw() != 0);
    size_t before = Committed();
    r = Overflow();
    printf("first overflow caught: %d code 0x%08lX\n", r, last_code);
    size_t after = Committed();
    printf("the overflow committed the stack: %d\n", after > before + 0x10000);
    printf("_resetstkoflw: %d\n", _resetstkoflw() != 0);
    printf("the pages below the guard are given back: %d\n", Committed() < after);
    r = Overflow();
    printf("second overflow caught: %d code 0x%08lX\n", r, last_code);
    printf("_resetstkoflw again: %d\n", _resetstkoflw() != 0);
    r = Overflow();
    printf("third overflow caught: %d code 0x%08lX\n", r, last_code);
    printf("handler calls: %d\n", caught);
    return 0;
}
