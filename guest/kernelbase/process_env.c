/* Family 3, the command line and the environment: GetCommandLineA/W (the ANSI copy made once at
 * process start, as kernelbase does), the environment block of the process parameters through
 * ntdll's Rtl*EnvironmentVariable, GetEnvironmentStrings copies, ExpandEnvironmentStrings. */
#include "kernelbase.h"

static char *BaseCommandLineA;
static const UNICODE_STRING *CommandLineW(void) { return (UNICODE_STRING *)(PEB_PROCESS_PARAMETERS() + PP_COMMAND_LINE); }

/* A heap copy of `count` UTF-16 units in the ANSI code page, NUL-terminated. */
static char *ToAnsi(const WCHAR *w, int count)
{
    int n = WideCharToMultiByte(CP_ACP, 0, w, count, NULL, 0, NULL, NULL);
    char *a = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)n + 1);
    if (a == NULL) return NULL;
    WideCharToMultiByte(CP_ACP, 0, w, count, a, n, NULL, NULL);
    a[n] = 0;
    return a;
}

static WCHAR *ToWide(const char *a)
{
    if (a == NULL) return NULL;
    int n = MultiByteToWideChar(CP_ACP, 0, a, -1, NULL, 0);
    WCHAR *w = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)n * 2);
    if (w) MultiByteToWideChar(CP_ACP, 0, a, -1, w, n);
    return w;
}

void BaseInitializeCommandLine(void)
{
    const UNICODE_STRING *cl = CommandLineW();
    BaseCommandLineA = ToAnsi(cl->Buffer, cl->Length / 2);
}

KBAPI LPWSTR WINAPI GetCommandLineW(void) { return CommandLineW()->Buffer; }
KBAPI LPSTR WINAPI GetCommandLineA(void) { return BaseCommandLineA; }

KBAPI DWORD WINAPI GetEnvironmentVariableW(LPCWSTR name, LPWSTR buffer, DWORD size)
{
    UNICODE_STRING n, v;
    RtlInitUnicodeString(&n, name);
    v.Buffer = buffer;
    v.Length = 0;
    v.MaximumLength = size > 0x7FFF ? 0xFFFE : (USHORT)(size * 2);
    NTSTATUS status = RtlQueryEnvironmentVariable_U(NULL, &n, &v);
    if (status == STATUS_BUFFER_TOO_SMALL)
        return v.Length / 2 + 1;
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return 0;
    }
    if (v.Length == 0)
        SetLastError(NO_ERROR);
    return v.Length / 2;
}

KBAPI DWORD WINAPI GetEnvironmentVariableA(LPCSTR name, LPSTR buffer, DWORD size)
{
    WCHAR *wname = ToWide(name);
    if (wname == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
    DWORD result = 0, need = GetEnvironmentVariableW(wname, NULL, 0);
    if (need) {
        WCHAR *value = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)need * 2);
        DWORD got = value ? GetEnvironmentVariableW(wname, value, need) : 0;
        if (value && got < need) {
            int bytes = WideCharToMultiByte(CP_ACP, 0, value, (int)got, NULL, 0, NULL, NULL);
            if ((DWORD)bytes < size) {
                WideCharToMultiByte(CP_ACP, 0, value, (int)got, buffer, bytes, NULL, NULL);
                buffer[bytes] = 0;
                result = (DWORD)bytes;
            } else {
                result = (DWORD)bytes + 1;
            }
        }
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, value);
    } else if (GetLastError() == NO_ERROR && size) {
        buffer[0] = 0;                          /* an empty value */
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wname);
    return result;
}

KBAPI BOOL WINAPI SetEnvironmentVariableW(LPCWSTR name, LPCWSTR value)
{
    UNICODE_STRING n, v;
    RtlInitUnicodeString(&n, name);
    RtlInitUnicodeString(&v, value);
    NTSTATUS status = RtlSetEnvironmentVariable(NULL, &n, value ? &v : NULL);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI SetEnvironmentVariableA(LPCSTR name, LPCSTR value)
{
    WCHAR *n = ToWide(name), *v = ToWide(value);
    BOOL ok = n && (value == NULL || v) ? SetEnvironmentVariableW(n, v) : (SetLastError(ERROR_NOT_ENOUGH_MEMORY), FALSE);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, n);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, v);
    return ok;
}

static SIZE_T BlockChars(const WCHAR *env)
{
    const WCHAR *p = env;
    while (*p) { while (*p) p++; p++; }
    return (SIZE_T)(p - env) + 1;
}

KBAPI LPWCH WINAPI GetEnvironmentStringsW(void)
{
    RtlAcquirePebLock();
    const WCHAR *env = PP_FIELD(WCHAR *, PP_ENVIRONMENT);
    SIZE_T chars = BlockChars(env);
    WCHAR *copy = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, chars * 2);
    if (copy) memcpy(copy, env, chars * 2);
    RtlReleasePebLock();
    if (copy == NULL) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return copy;
}

#undef GetEnvironmentStrings
#undef GetEnvironmentStringsA
LPCH WINAPI GetEnvironmentStringsA(void);
KBAPI LPCH WINAPI GetEnvironmentStrings(void)
{
    RtlAcquirePebLock();
    const WCHAR *env = PP_FIELD(WCHAR *, PP_ENVIRONMENT);
    char *copy = ToAnsi(env, (int)BlockChars(env));
    RtlReleasePebLock();
    if (copy == NULL) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return copy;
}

KBAPI LPCH WINAPI GetEnvironmentStringsA(void)
{
    return GetEnvironmentStrings();
}

KBAPI BOOL WINAPI FreeEnvironmentStringsW(LPWCH block)
{
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, block);
    return TRUE;
}

KBAPI BOOL WINAPI FreeEnvironmentStringsA(LPCH block)
{
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, block);
    return TRUE;
}

/* %NAME% becomes the variable's value; an unknown name, or a lone %, stays as written. Returns
 * the characters the whole result needs, its NUL included. */
KBAPI DWORD WINAPI ExpandEnvironmentStringsW(LPCWSTR src, LPWSTR dst, DWORD size)
{
    DWORD need = 0;
#define PUT(c) do { if (need < size) dst[need] = (c); need++; } while (0)
    for (const WCHAR *p = src; *p; ) {
        const WCHAR *end = p[0] == '%' ? p + 1 : NULL;
        while (end && *end && *end != '%') end++;
        if (end && *end == '%' && end > p + 1) {
            WCHAR name[256];
            DWORD n = (DWORD)(end - p - 1);
            DWORD len = 0;
            if (n < 256) {
                memcpy(name, p + 1, n * 2);
                name[n] = 0;
                UNICODE_STRING un, v = {0, 0, NULL};
                RtlInitUnicodeString(&un, name);
                NTSTATUS status = RtlQueryEnvironmentVariable_U(NULL, &un, &v);
                if (status == STATUS_BUFFER_TOO_SMALL || NT_SUCCESS(status)) {
                    len = v.Length / 2 + 1;
                    WCHAR *value = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)len * 2);
                    v.Buffer = value;
                    v.MaximumLength = (USHORT)(len * 2);
                    if (value && NT_SUCCESS(RtlQueryEnvironmentVariable_U(NULL, &un, &v))) {
                        for (DWORD i = 0; i < v.Length / 2u; i++) PUT(value[i]);
                        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, value);
                        p = end + 1;
                        continue;
                    }
                    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, value);
                }
            }
            for (const WCHAR *q = p; q <= end; q++) PUT(*q);   /* not a variable: kept, both % signs */
            p = end + 1;
            continue;
        }
        PUT(*p);
        p++;
    }
    PUT(0);
#undef PUT
    return need;
}

KBAPI DWORD WINAPI ExpandEnvironmentStringsA(LPCSTR src, LPSTR dst, DWORD size)
{
    WCHAR *wsrc = ToWide(src);
    if (wsrc == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
    DWORD need = ExpandEnvironmentStringsW(wsrc, NULL, 0);
    WCHAR *wide = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)need * 2);
    DWORD result = 0;
    if (wide) {
        ExpandEnvironmentStringsW(wsrc, wide, need);
        int bytes = WideCharToMultiByte(CP_ACP, 0, wide, -1, NULL, 0, NULL, NULL);
        if ((DWORD)bytes <= size)
            WideCharToMultiByte(CP_ACP, 0, wide, -1, dst, bytes, NULL, NULL);
        result = (DWORD)bytes;
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wide);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wsrc);
    return result;
}
