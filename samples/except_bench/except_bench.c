/* The exception benchmark's workload: `except_bench N 1` raises N exceptions
 * (RtlRaiseException) 10 frames below a __except that catches them; `except_bench N 0` makes
 * the same N calls through 10 frames without raising (the baseline). */
#define SEH_TRY_EXCEPT
#include "../seh.h"

static long long raise_it;
static __attribute__((noipa)) long long Frames(long long n)
{
    if (n == 0) {
        if (raise_it) {
            EXCEPTION_RECORD r = {0xE0000002, 0, 0, 0, 0, {0}};
            RtlRaiseException(&r);
        }
        return 1;
    }
    return Frames(n - 1) + 1;
}

static long long Catch(EXCEPTION_POINTERS *p, PVOID frame)
{
    (void)frame;
    return p->ExceptionRecord->ExceptionCode == 0xE0000002 ? EXCEPTION_EXECUTE_HANDLER : EXCEPTION_CONTINUE_SEARCH;
}

int Entry(void)
{
    long long count = ArgNumber(0, 100), caught = 0;
    raise_it = ArgNumber(1, 1);
    for (long long i = 0; i < count; i++)
        caught += TryExcept(Frames, 9, Catch) == 0xE0000002;
    PrintHex("caught ", caught);
    return 0;
}
