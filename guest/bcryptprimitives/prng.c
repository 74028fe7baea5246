/* ProcessPrng: fills a buffer from the process's generator and always succeeds (it returns TRUE
 * whatever the length, as documented). The seed is the process and thread ids and the performance
 * counter at the first call, all virtual, so a run's bytes repeat when the run is repeated (the
 * emulator's determinism rule); within a run successive calls never repeat. The generator is
 * splitmix64 (Steele, Lea and Flood 2014): well spread, not a cryptographic one. */
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
                                           ^ GetCurrentThreadId() ^ 0x50524E47ull));
}

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    Seed();
    while (length) {
        ULONG64 r = Next();
        SIZE_T n = length < 8 ? length : 8;
        for (SIZE_T i = 0; i < n; i++)
            data[i] = (BYTE)(r >> (8 * i));
        data += n;
        length -= n;
    }
    return TRUE;
}

BOOL WINAPI BcryptPrimitivesDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    return TRUE;
}
