/* The little C runtime the statically linked libstdc++/libgcc need, written for this sample
 * over ntdll (there is no msvcrt here): heap, strings, stdio writes to stdout, and the few
 * kernel32 imports libgcc's unwinder uses (RaiseException over RtlRaiseException). The
 * sample is single-threaded: _CRT_MT = 0 keeps libgcc's thread hooks unused. */
#include "../nt.h"

typedef struct { ULONG Code, Flags; PVOID Record, Address; ULONG Count; ULONG_PTR Info[15]; } RECORD;
void NTAPI RtlRaiseException(RECORD *);
PVOID NTAPI RtlAllocateHeap(PVOID, ULONG, SIZE_T);
int NTAPI RtlFreeHeap(PVOID, ULONG, PVOID);
PVOID NTAPI RtlReAllocateHeap(PVOID, ULONG, PVOID, SIZE_T);

static PVOID Heap(void) { UCHAR *peb; __asm__ volatile ("mov %%gs:0x60, %0" : "=r"(peb)); return *(PVOID *)(peb + 0x30); }
void *malloc(SIZE_T n) { return RtlAllocateHeap(Heap(), 0, n ? n : 1); }
void *calloc(SIZE_T a, SIZE_T b) { SIZE_T n = a * b; return RtlAllocateHeap(Heap(), 8, n ? n : 1); }
void free(void *p) { if (p) RtlFreeHeap(Heap(), 0, p); }
void *realloc(void *p, SIZE_T n) { return p ? RtlReAllocateHeap(Heap(), 0, p, n) : malloc(n); }
SIZE_T strlen(const char *s) { SIZE_T n = 0; while (s[n]) n++; return n; }
int strcmp(const char *a, const char *b) { while (*a && *a == *b) a++, b++; return (UCHAR)*a - (UCHAR)*b; }
int strncmp(const char *a, const char *b, SIZE_T n)
{
    for (; n && *a && *a == *b; n--) a++, b++;
    return n ? (UCHAR)*a - (UCHAR)*b : 0;
}
void *memcpy(void *d, const void *s, SIZE_T n) { UCHAR *o = d; const UCHAR *i = s; while (n--) *o++ = *i++; return d; }
void *memset(void *d, int c, SIZE_T n) { UCHAR *o = d; while (n--) *o++ = (UCHAR)c; return d; }
void abort(void) { Print("abort\n"); NtTerminateProcess(NtCurrentProcess(), 3); for (;;) {} }
int atexit(void (*f)(void)) { (void)f; return 0; }
int _CRT_MT = 0;
int __mingwthr_key_dtor(unsigned long k, void (*d)(void *)) { (void)k; (void)d; return 0; }
void *__acrt_iob_func(unsigned i) { (void)i; return 0; }
void **__imp___acrt_iob_func = (void **)__acrt_iob_func;
SIZE_T fwrite(const void *p, SIZE_T size, SIZE_T n, void *f)
{
    IO_STATUS_BLOCK io; (void)f;
    NtWriteFile(StdOut(), 0, 0, 0, &io, p, (ULONG)(size * n), 0, 0);
    return n;
}
int fputs(const char *s, void *f) { fwrite(s, 1, strlen(s), f); return 0; }
int fputc(int c, void *f) { char ch = (char)c; fwrite(&ch, 1, 1, f); return c; }
int __mingw_vsprintf(char *b, const char *f, __builtin_va_list a) { (void)f; (void)a; b[0] = 0; return 0; }

static void WINAPI_RaiseException(ULONG code, ULONG flags, ULONG n, const ULONG_PTR *args)
{
    RECORD r = {code, flags & 1, 0, 0, n > 15 ? 15 : n, {0}};
    for (ULONG i = 0; i < r.Count; i++) r.Info[i] = args[i];
    RtlRaiseException(&r);
}
static ULONG last_error;
static ULONG WINAPI_GetLastError(void) { return last_error; }
static void WINAPI_SetLastError(ULONG e) { last_error = e; }
static ULONG WINAPI_Fail(void) { return 0; }        /* thread APIs: unused while _CRT_MT = 0 */
void *__imp_RaiseException = WINAPI_RaiseException;
void *__imp_GetLastError = WINAPI_GetLastError, *__imp_SetLastError = WINAPI_SetLastError;
void *__imp_TlsAlloc = WINAPI_Fail, *__imp_TlsFree = WINAPI_Fail, *__imp_TlsGetValue = WINAPI_Fail;
void *__imp_TlsSetValue = WINAPI_Fail, *__imp_CreateSemaphoreW = WINAPI_Fail, *__imp_ReleaseSemaphore = WINAPI_Fail;
void *__imp_WaitForSingleObject = WINAPI_Fail, *__imp_CloseHandle = WINAPI_Fail, *__imp_Sleep = WINAPI_Fail;
void *__imp_GetCurrentThreadId = WINAPI_Fail;

void Say(const char *s) { Print(s); }
void SayNumber(const char *s, long long v) { Print(s); PrintHex("", v); }
int DllMain(PVOID a, ULONG b, PVOID c) { (void)a; (void)b; (void)c; return 1; }
