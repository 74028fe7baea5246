/* CommandLineToArgvW: a command line split by the rules the Microsoft C runtime documents (white
 * space between arguments; 2n backslashes and a quote give n backslashes and toggle quoting,
 * 2n+1 give n and a literal quote; other backslashes are literal; "" inside quotes is a quote),
 * with the program name, the first argument, taken up to its closing quote or white space. The
 * result is one LocalAlloc block: the pointer array, then the strings. */
#define _SHELL32_
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

/* Splits cmd; with out == NULL only counts. Returns the argument count, *chars the characters. */
static int Split(LPCWSTR cmd, LPWSTR *argv, WCHAR *out, SIZE_T *chars)
{
    int argc = 0;
    SIZE_T n = 0;
    const WCHAR *p = cmd;
    /* The program name: no escapes. */
    if (argv) argv[argc] = out + n;
    if (*p == '"') {
        for (p++; *p && *p != '"'; p++) { if (out) out[n] = *p; n++; }
        if (*p == '"') p++;
    } else {
        for (; *p && *p != ' ' && *p != '\t'; p++) { if (out) out[n] = *p; n++; }
    }
    if (out) out[n] = 0;
    n++;
    argc++;
    for (;;) {
        while (*p == ' ' || *p == '\t') p++;
        if (*p == 0) break;
        if (argv) argv[argc] = out + n;
        BOOL quoted = FALSE;
        while (*p && (quoted || (*p != ' ' && *p != '\t'))) {
            if (*p == '\\') {
                SIZE_T slashes = 0;
                while (*p == '\\') { slashes++; p++; }
                if (*p == '"') {
                    for (SIZE_T i = 0; i < slashes / 2; i++) { if (out) out[n] = '\\'; n++; }
                    if (slashes % 2) { if (out) out[n] = '"'; n++; p++; }
                } else {
                    for (SIZE_T i = 0; i < slashes; i++) { if (out) out[n] = '\\'; n++; }
                }
            } else if (*p == '"') {
                if (quoted && p[1] == '"') { if (out) out[n] = '"'; n++; p += 2; }
                else { quoted = !quoted; p++; }
            } else {
                if (out) out[n] = *p;
                n++;
                p++;
            }
        }
        if (out) out[n] = 0;
        n++;
        argc++;
    }
    *chars = n;
    return argc;
}

__declspec(dllexport) LPWSTR *WINAPI CommandLineToArgvW(LPCWSTR cmd, int *count)
{
    if (count == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    WCHAR self[MAX_PATH];
    if (cmd == NULL || cmd[0] == 0) {                   /* an empty line: the program's own path */
        if (!GetModuleFileNameW(NULL, self, MAX_PATH)) return NULL;
        cmd = self;
        SIZE_T len = 0;
        while (self[len]) len++;
        LPWSTR *argv = LocalAlloc(LMEM_FIXED, 2 * sizeof(LPWSTR) + (len + 1) * 2);
        if (argv == NULL) return NULL;
        argv[0] = (LPWSTR)(argv + 2);
        argv[1] = NULL;
        for (SIZE_T i = 0; i <= len; i++) argv[0][i] = self[i];
        *count = 1;
        return argv;
    }
    SIZE_T chars;
    int argc = Split(cmd, NULL, NULL, &chars);
    LPWSTR *argv = LocalAlloc(LMEM_FIXED, (SIZE_T)(argc + 1) * sizeof(LPWSTR) + chars * 2);
    if (argv == NULL) return NULL;
    Split(cmd, argv, (WCHAR *)(argv + argc + 1), &chars);
    argv[argc] = NULL;
    *count = argc;
    return argv;
}

BOOL WINAPI Shell32DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
