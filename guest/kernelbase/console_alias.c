/* Family 2, the console's aliases and command histories, by exe name (the console keeps them,
 * kernel/io/console_session.py): AddConsoleAlias (an empty target removes one), GetConsoleAlias,
 * GetConsoleAliases ("source=target\0" each), GetConsoleAliasExes, their Length forms (bytes, the
 * terminators counted), GetConsoleCommandHistory(Length) ("command\0" each),
 * ExpungeConsoleCommandHistory and SetConsoleNumberOfCommands. The A forms are the W forms through
 * the console's input code page. Lengths are in bytes; too small a buffer is ERROR_INSUFFICIENT_BUFFER. */
#include "console_io.h"

#define REQUEST_CHARS 2048

/* One CON_ALIAS request with up to three strings; the reply's bytes in *got. */
static BOOL Alias(DWORD op, DWORD number, LPCWSTR exe, LPCWSTR a, LPCWSTR b, WCHAR *out, DWORD out_size, ULONG *got)
{
    static WCHAR request[4 + REQUEST_CHARS];
    DWORD head[2] = {op, number};
    memcpy(request, head, 8);
    WCHAR *p = request + 4;
    LPCWSTR parts[3] = {exe, a, b};
    for (int i = 0; i < 3; i++) {
        if (!parts[i]) break;
        SIZE_T n = wcslen(parts[i]);
        if ((SIZE_T)(p - request) + n + 1 > 4 + REQUEST_CHARS) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
        if (i) *p++ = 0;
        memcpy(p, parts[i], n * 2);
        p += n;
    }
    ULONG returned = 0;
    BOOL ok = BaseConsoleConnect(CON_ALIAS, request, (ULONG)((p - request) * 2), out, out_size, &returned);
    if (got) *got = returned;
    return ok;
}

static WCHAR *Wide(LPCSTR s, WCHAR *out, int size)
{
    if (!s) return NULL;
    return MultiByteToWideChar(GetConsoleCP(), 0, s, -1, out, size) ? out : NULL;
}

/* A reply of wide text (NULs included) as ANSI bytes into out; its length, or 0 with the error set. */
static DWORD ToAnsi(const WCHAR *text, ULONG bytes, LPSTR out, DWORD size, BOOL measure)
{
    int n = bytes ? WideCharToMultiByte(GetConsoleCP(), 0, text, (int)(bytes / 2), NULL, 0, NULL, NULL) : 0;
    if (measure) return (DWORD)n;
    if ((DWORD)n > size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    if (n) WideCharToMultiByte(GetConsoleCP(), 0, text, (int)(bytes / 2), out, (int)size, NULL, NULL);
    return (DWORD)n;
}

static WCHAR Reply[16384];

KBAPI BOOL WINAPI AddConsoleAliasW(LPWSTR source, LPWSTR target, LPWSTR exe)
{
    if (!source || !exe) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return Alias(ALIAS_ADD, 0, exe, source, target ? target : L"", NULL, 0, NULL);
}

KBAPI BOOL WINAPI AddConsoleAliasA(LPSTR source, LPSTR target, LPSTR exe)
{
    WCHAR s[MAX_PATH], t[REQUEST_CHARS / 2], e[MAX_PATH];
    if (!source || !exe) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return AddConsoleAliasW(Wide(source, s, MAX_PATH), target ? Wide(target, t, REQUEST_CHARS / 2) : NULL,
                            Wide(exe, e, MAX_PATH));
}

/* The target and its terminator; not found: ERROR_GEN_FAILURE (the console's STATUS_UNSUCCESSFUL). */
KBAPI DWORD WINAPI GetConsoleAliasW(LPWSTR source, LPWSTR out, DWORD size, LPWSTR exe)
{
    ULONG got = 0;
    if (!source || !exe || !out) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (!Alias(ALIAS_GET, 0, exe, source, NULL, Reply, sizeof(Reply) - 2, &got)) return 0;
    if (got + 2 > size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    memcpy(out, Reply, got);
    out[got / 2] = 0;
    return got + 2;
}

KBAPI DWORD WINAPI GetConsoleAliasA(LPSTR source, LPSTR out, DWORD size, LPSTR exe)
{
    WCHAR s[MAX_PATH], e[MAX_PATH];
    ULONG got = 0;
    if (!source || !exe || !out) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (!Alias(ALIAS_GET, 0, Wide(exe, e, MAX_PATH), Wide(source, s, MAX_PATH), NULL, Reply, sizeof(Reply) - 2, &got))
        return 0;
    Reply[got / 2] = 0;
    return ToAnsi(Reply, got + 2, out, size, FALSE);
}

/* The W and A forms of a list reply (aliases, exes, history): copied, or only measured. */
static DWORD ListW(DWORD op, LPCWSTR exe, LPWSTR out, DWORD size, BOOL measure)
{
    ULONG got = 0;
    if (!Alias(op, 0, exe ? exe : L"", NULL, NULL, Reply, sizeof(Reply), &got)) return 0;
    if (measure) return got;
    if (got > size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    memcpy(out, Reply, got);
    return got;
}

static DWORD ListA(DWORD op, LPCSTR exe, LPSTR out, DWORD size, BOOL measure)
{
    WCHAR e[MAX_PATH];
    ULONG got = 0;
    if (exe && !Wide(exe, e, MAX_PATH)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (!Alias(op, 0, exe ? e : L"", NULL, NULL, Reply, sizeof(Reply), &got)) return 0;
    return ToAnsi(Reply, got, out, size, measure);
}

KBAPI DWORD WINAPI GetConsoleAliasesW(LPWSTR out, DWORD size, LPWSTR exe) { return ListW(ALIAS_ALL, exe, out, size, FALSE); }
KBAPI DWORD WINAPI GetConsoleAliasesA(LPSTR out, DWORD size, LPSTR exe) { return ListA(ALIAS_ALL, exe, out, size, FALSE); }
KBAPI DWORD WINAPI GetConsoleAliasesLengthW(LPWSTR exe) { return ListW(ALIAS_ALL, exe, NULL, 0, TRUE); }
KBAPI DWORD WINAPI GetConsoleAliasesLengthA(LPSTR exe) { return ListA(ALIAS_ALL, exe, NULL, 0, TRUE); }
KBAPI DWORD WINAPI GetConsoleAliasExesW(LPWSTR out, DWORD size) { return ListW(ALIAS_EXES, NULL, out, size, FALSE); }
KBAPI DWORD WINAPI GetConsoleAliasExesA(LPSTR out, DWORD size) { return ListA(ALIAS_EXES, NULL, out, size, FALSE); }
KBAPI DWORD WINAPI GetConsoleAliasExesLengthW(void) { return ListW(ALIAS_EXES, NULL, NULL, 0, TRUE); }
KBAPI DWORD WINAPI GetConsoleAliasExesLengthA(void) { return ListA(ALIAS_EXES, NULL, NULL, 0, TRUE); }
KBAPI DWORD WINAPI GetConsoleCommandHistoryW(LPWSTR out, DWORD size, LPWSTR exe) { return ListW(HISTORY_GET, exe, out, size, FALSE); }
KBAPI DWORD WINAPI GetConsoleCommandHistoryA(LPSTR out, DWORD size, LPSTR exe) { return ListA(HISTORY_GET, exe, out, size, FALSE); }
KBAPI DWORD WINAPI GetConsoleCommandHistoryLengthW(LPWSTR exe) { return ListW(HISTORY_GET, exe, NULL, 0, TRUE); }
KBAPI DWORD WINAPI GetConsoleCommandHistoryLengthA(LPSTR exe) { return ListA(HISTORY_GET, exe, NULL, 0, TRUE); }

KBAPI VOID WINAPI ExpungeConsoleCommandHistoryW(LPWSTR exe)
{
    if (exe) Alias(HISTORY_EXPUNGE, 0, exe, NULL, NULL, NULL, 0, NULL);
}

KBAPI VOID WINAPI ExpungeConsoleCommandHistoryA(LPSTR exe)
{
    WCHAR e[MAX_PATH];
    if (exe && Wide(exe, e, MAX_PATH)) ExpungeConsoleCommandHistoryW(e);
}

KBAPI BOOL WINAPI SetConsoleNumberOfCommandsW(DWORD number, LPWSTR exe)
{
    if (!exe) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return Alias(HISTORY_SET_COMMANDS, number, exe, NULL, NULL, NULL, 0, NULL);
}

KBAPI BOOL WINAPI SetConsoleNumberOfCommandsA(DWORD number, LPSTR exe)
{
    WCHAR e[MAX_PATH];
    if (!exe || !Wide(exe, e, MAX_PATH)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return SetConsoleNumberOfCommandsW(number, e);
}
