/* SystemFunction036 (RtlGenRandom): bytes from a generator that lives in the process. Its seed is
 * the process and thread ids and the performance counter, all virtual, so a run's bytes are the
 * same every time it is repeated (the emulator's determinism rule); within a run successive calls
 * never repeat. The generator is splitmix64 (Steele, Lea and Flood 2014): well spread, not a
 * cryptographic one. */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

static volatile LONG64 state;
static volatile LONG seeded;

static ULONG64 Next(void)
{
    ULONG64 z = (ULONG64)InterlockedAdd64(&state, (LONG64)0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void Seed(void)
{
    if (InterlockedCompareExchange(&seeded, 1, 0) != 0)
        return;
    LARGE_INTEGER counter;
    QueryPerformanceCounter(&counter);
    InterlockedExchange64(&state, (LONG64)((ULONG64)counter.QuadPart ^ ((ULONG64)GetCurrentProcessId() << 32)
                                           ^ GetCurrentThreadId()));
}

__declspec(dllexport) BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length)
{
    BYTE *out = buffer;
    Seed();
    while (length) {
        ULONG64 r = Next();
        ULONG n = length < 8 ? length : 8;
        for (ULONG i = 0; i < n; i++)
            out[i] = (BYTE)(r >> (8 * i));
        out += n;
        length -= n;
    }
    return TRUE;
}

BOOL WINAPI Advapi32DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    return TRUE;
}
