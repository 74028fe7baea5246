/* The kernel32 call benchmark's guest (tools/bench_kernel32.py): `k32_bench wait N` calls
 * WaitForSingleObject on a signalled event N times (a call that reaches the executive),
 * `k32_bench tls N` calls TlsGetValue N times (one that stays in user mode); without arguments
 * it does 1000 of each and says so. */
#include "../k32.h"

static DWORD Number(const char *s)
{
    DWORD n = 0;
    while (*s >= '0' && *s <= '9') n = n * 10 + (DWORD)(*s++ - '0');
    return n;
}

void Entry(void)
{
    const char *p = GetCommandLineA();
    while (*p && *p != ' ') p++;                /* the image name has no spaces: C:\app\k32_bench.exe */
    while (*p == ' ') p++;
    char mode = *p;
    while (*p && *p != ' ') p++;
    while (*p == ' ') p++;
    DWORD n = mode ? Number(p) : 1000;
    HANDLE event = CreateEventW(NULL, TRUE, TRUE, NULL);
    DWORD index = TlsAlloc(), bad = 0;
    TlsSetValue(index, (LPVOID)1);
    if (mode == 0 || mode == 'w')
        for (DWORD i = 0; i < n; i++)
            bad += WaitForSingleObject(event, INFINITE) != WAIT_OBJECT_0;
    if (mode == 0 || mode == 't')
        for (DWORD i = 0; i < n; i++)
            bad += TlsGetValue(index) != (LPVOID)1;
    if (mode == 0)
        Print(bad ? "FAIL\n" : "1000 waits and 1000 TLS reads\n");
    ExitProcess(bad);
}
