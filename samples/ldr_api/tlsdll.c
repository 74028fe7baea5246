/* PE thread-local storage in a DLL: a TLS directory (the linker points the data directory at
 * _tls_used), its template, and a TLS callback that runs before DllMain. */
#include "../ldr.h"

ULONG _tls_index;
__attribute__((section(".tls$AAA"))) char _tls_start = 0;
__attribute__((section(".tls$BBB"))) int tls_counter = 5;        /* the template's value */
__attribute__((section(".tls$ZZZ"))) char _tls_end = 0;

static void NTAPI TlsCallback(PVOID base, ULONG reason, PVOID reserved)
{
    if (reason == 1)
        Print("tlsdll: TLS callback (process attach)\n");
}
__attribute__((section(".CRT$XLA"))) void (NTAPI *const tls_callbacks[])(PVOID, ULONG, PVOID) = {TlsCallback, 0};

const struct { unsigned long long start, end, index, callbacks; ULONG zero_fill, characteristics; } _tls_used = {
    (unsigned long long)&_tls_start, (unsigned long long)&_tls_end, (unsigned long long)&_tls_index, (unsigned long long)tls_callbacks, 0, 0};

DLLEXPORT int tls_value(void)
{
    char **vector;
    __asm__ volatile("mov %%gs:0x58, %0" : "=r"(vector));
    char *block = vector[_tls_index];
    int *counter = (int *)(block + ((char *)&tls_counter - &_tls_start));
    return ++*counter;
}

int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved) { ReportAttach("tlsdll", reason, reserved); return 1; }
