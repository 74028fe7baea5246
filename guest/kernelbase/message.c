/* Family 1 (FormatMessageA/W): the message from FROM_STRING, FROM_HMODULE (message_module.c)
 * and/or FROM_SYSTEM (message_system.c, also for HRESULT_FROM_WIN32 codes), inserts %1..%99 with
 * their !printf! formats taken from a va_list or an argument array, the escapes (%0 %n %r %t %%
 * and friends), IGNORE_INSERTS, ALLOCATE_BUFFER (LocalAlloc) and the line width: MAX_WIDTH_MASK
 * turns the text's line breaks into spaces, a width n also wraps the output at n columns. */
#include "message.h"
#include <stdarg.h>

/* The insert arguments: an array, or a va_list read in order as far as an insert needs. */
typedef struct { const DWORD_PTR *Array; va_list *List; ULONG_PTR Taken[128]; int Count; } ARGS;

static BOOL Arg(ARGS *a, int n, ULONG_PTR *value)
{
    if (n < 1 || n > 128) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (a->Array) { *value = a->Array[n - 1]; return TRUE; }
    while (a->Count < n) a->Taken[a->Count++] = va_arg(*a->List, ULONG_PTR);
    *value = a->Taken[n - 1];
    return TRUE;
}

/* The message text with its inserts: returns FALSE (error set) on a missing argument. */
static BOOL Expand(MSGBUF *o, const WCHAR *text, DWORD flags, va_list *args, const DWORD_PTR *array, BOOL ansi)
{
    DWORD width = flags & FORMAT_MESSAGE_MAX_WIDTH_MASK;
    ARGS a = {array, args, {0}, 0};
    int last = 0;                               /* the highest argument an insert took */
    o->Width = width == FORMAT_MESSAGE_MAX_WIDTH_MASK ? 0 : width;
    for (const WCHAR *p = text; *p; ) {
        if (width && (*p == '\r' || *p == '\n')) {    /* a line break of the text: a space */
            if (p[0] == '\r' && p[1] == '\n') p++;
            p++;
            BaseMsgPut(o, ' ');
            continue;
        }
        if (*p != '%') { BaseMsgPut(o, *p++); continue; }
        p++;
        if (*p >= '1' && *p <= '9') {
            int index = *p++ - '0';
            if (*p >= '0' && *p <= '9') index = index * 10 + (*p++ - '0');
            WCHAR spec[16] = L"s";
            const WCHAR *spec_start = NULL;
            if (*p == '!') {
                spec_start = ++p;
                while (*p && *p != '!') p++;
                SIZE_T len = (SIZE_T)(p - spec_start) < 15 ? (SIZE_T)(p - spec_start) : 15;
                memcpy(spec, spec_start, len * 2);
                spec[len] = 0;
                if (*p) p++;
            }
            if (flags & FORMAT_MESSAGE_IGNORE_INSERTS) {
                BaseMsgPut(o, '%');
                if (index >= 10) BaseMsgPut(o, (WCHAR)('0' + index / 10));
                BaseMsgPut(o, (WCHAR)('0' + index % 10));
                if (spec_start) { BaseMsgPut(o, '!'); for (const WCHAR *s = spec; *s; s++) BaseMsgPut(o, *s); BaseMsgPut(o, '!'); }
                continue;
            }
            if (array == NULL && args == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
            /* A * width or precision takes the insert's own argument first, then the ones after
             * the last taken: "%1!*.*u!,%1!*.*u!" reads 1 2 3, then 1 4 5. */
            WCHAR expanded[48];
            int base = index > last ? index : last, k = 0;
            SIZE_T e = 0;
            ULONG_PTR value;
            for (const WCHAR *s = spec; *s && e < 40; s++) {
                if (*s != '*') { expanded[e++] = *s; continue; }
                if (!Arg(&a, k ? base + k : index, &value)) return FALSE;
                k++;
                WCHAR digits[12];
                int d = 0;
                for (ULONG v = (ULONG)value; d == 0 || v; v /= 10) digits[d++] = (WCHAR)('0' + v % 10);
                while (d) expanded[e++] = digits[--d];
            }
            expanded[e] = 0;
            int at = k ? base + k : index;
            if (!Arg(&a, at, &value)) return FALSE;
            if (at > last) last = at;
            BaseMsgInsert(o, expanded, value, ansi);
            continue;
        }
        switch (*p) {
        case '0': return TRUE;                  /* the end, without a final line break */
        case 'n': BaseMsgLineBreak(o, FALSE); p++; break;
        case 'r': BaseMsgLineBreak(o, TRUE); p++; break;
        case 't': BaseMsgPut(o, '\t'); p++; break;
        case 0: break;
        default: BaseMsgPut(o, *p++); break;            /* %% % %. %! */
        }
    }
    return TRUE;
}

/* A system message as a heap string: a Win32 error code, or an HRESULT_FROM_WIN32 of one (0x8007xxxx). */
static WCHAR *SystemMessage(DWORD id, DWORD lang)
{
    if (lang && lang != MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US) && PRIMARYLANGID(lang) != LANG_NEUTRAL) {
        SetLastError(ERROR_RESOURCE_LANG_NOT_FOUND);    /* en-US is the one language of the table */
        return NULL;
    }
    if ((id & 0xFFFF0000) == 0x80070000)
        id &= 0xFFFF;
    DWORD n;
    const char *a = id >> 16 == 0 ? BaseSystemMessage(id, &n) : NULL;
    if (a == NULL) { SetLastError(ERROR_MR_MID_NOT_FOUND); return NULL; }
    WCHAR *text = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, ((SIZE_T)n + 1) * 2);
    if (text == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    for (DWORD i = 0; i < n; i++) text[i] = (WCHAR)(UCHAR)a[i];   /* ASCII */
    text[n] = 0;
    return text;
}

/* The message text: FROM_STRING's, else the module's table (FROM_HMODULE) and then the system's
 * (FROM_SYSTEM). A heap string in *owned when it is not the caller's. */
static const WCHAR *Source(DWORD flags, LPCVOID source, DWORD id, DWORD lang, const WCHAR *wsource, WCHAR **owned)
{
    *owned = NULL;
    if (flags & FORMAT_MESSAGE_FROM_STRING) {
        const WCHAR *text = wsource ? wsource : source;
        if (text == NULL) SetLastError(ERROR_INVALID_PARAMETER);
        return text;
    }
    if (!(flags & (FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_FROM_SYSTEM))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (PRIMARYLANGID(lang) == LANG_NEUTRAL && SUBLANGID(lang) <= SUBLANG_SYS_DEFAULT)
        lang = 0;                               /* neutral, user or system default: the fallback chain */
    if (flags & FORMAT_MESSAGE_FROM_HMODULE)
        *owned = BaseModuleMessage((HMODULE)source, id, lang);
    if (*owned == NULL && (flags & FORMAT_MESSAGE_FROM_SYSTEM))
        *owned = SystemMessage(id, lang);
    return *owned;
}

/* The formatted message in o (heap, NUL-terminated), or FALSE with the error set. */
static BOOL Format(DWORD flags, LPCVOID source, DWORD id, DWORD lang, va_list *args, MSGBUF *o, BOOL ansi, const WCHAR *wsource)
{
    memset(o, 0, sizeof(*o));
    WCHAR *owned;
    const WCHAR *text = Source(flags, source, id, lang, wsource, &owned);
    if (text == NULL) return FALSE;
    const DWORD_PTR *array = (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) ? (const DWORD_PTR *)args : NULL;
    BOOL ok = Expand(o, text, flags, array ? NULL : args, array, ansi) && (BaseMsgPutRaw(o, 0), !o->Failed);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, owned);
    if (!ok) {
        if (o->Failed) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, o->Buffer);
        return FALSE;
    }
    o->Length--;                                /* without the NUL */
    return TRUE;
}

/* FormatMessageW's output: an ALLOCATE_BUFFER block (none for an empty message: ERROR_NO_WORK_DONE),
 * or the caller's buffer, which a message too long still gets the start of, NUL-terminated. */
KBAPI DWORD WINAPI FormatMessageW(DWORD flags, LPCVOID source, DWORD id, DWORD lang, LPWSTR buffer, DWORD size,
                                  va_list *args)
{
    MSGBUF o;
    if (buffer == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (!Format(flags, source, id, lang, args, &o, FALSE, NULL)) return 0;
    DWORD n = o.Length;
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        WCHAR *local = n ? LocalAlloc(LMEM_FIXED, ((n + 1) > size ? n + 1 : size) * 2) : NULL;
        if (local) memcpy(local, o.Buffer, (n + 1) * 2);
        else SetLastError(n ? ERROR_NOT_ENOUGH_MEMORY : ERROR_NO_WORK_DONE);
        *(WCHAR **)buffer = local;
        if (local == NULL) n = 0;
    } else if (n + 1 > size) {
        if (size) { memcpy(buffer, o.Buffer, (size - 1) * 2); buffer[size - 1] = 0; }
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        n = 0;
    } else {
        memcpy(buffer, o.Buffer, (n + 1) * 2);
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, o.Buffer);
    return n;
}

/* FormatMessageA: the same in the ACP; a buffer too small is left as it was. */
KBAPI DWORD WINAPI FormatMessageA(DWORD flags, LPCVOID source, DWORD id, DWORD lang, LPSTR buffer, DWORD size,
                                  va_list *args)
{
    MSGBUF o;
    WCHAR *wsource = NULL;
    BOOL allocate = (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) != 0;
    if (buffer == NULL && allocate) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
    if ((flags & FORMAT_MESSAGE_FROM_STRING) && source && !(wsource = BaseWideName(source))) return 0;
    BOOL ok = Format(flags, source, id, lang, args, &o, TRUE, wsource);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wsource);
    if (!ok) return 0;
    int bytes = WideCharToMultiByte(CP_ACP, 0, o.Buffer, (int)o.Length + 1, NULL, 0, NULL, NULL);
    DWORD n = (DWORD)bytes - 1;
    if (allocate) {
        char *local = n ? LocalAlloc(LMEM_FIXED, (DWORD)bytes > size ? (DWORD)bytes : size) : NULL;
        if (local) WideCharToMultiByte(CP_ACP, 0, o.Buffer, (int)o.Length + 1, local, bytes, NULL, NULL);
        else SetLastError(n ? ERROR_NOT_ENOUGH_MEMORY : ERROR_NO_WORK_DONE);
        *(char **)buffer = local;
        if (local == NULL) n = 0;
    } else if ((DWORD)bytes > size || buffer == NULL) {
        SetLastError((DWORD)bytes > size ? ERROR_INSUFFICIENT_BUFFER : ERROR_INVALID_PARAMETER);
        n = 0;
    } else {
        WideCharToMultiByte(CP_ACP, 0, o.Buffer, (int)o.Length + 1, buffer, bytes, NULL, NULL);
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, o.Buffer);
    return n;
}
