/* Family 1 (FormatMessageA/W): the message from FROM_STRING, FROM_HMODULE (message_module.c)
 * and/or FROM_SYSTEM (message_system.c, also for HRESULT_FROM_WIN32 codes), inserts %1..%99 with
 * their !printf! formats taken from a va_list or an argument array, the escapes (%0 %n %r %t %%
 * and friends), IGNORE_INSERTS, ALLOCATE_BUFFER (LocalAlloc) and the line width: MAX_WIDTH_MASK
 * turns the text's line breaks into spaces, a width n also wraps the output at n columns. */
#include "message.h"
#include <stdarg.h>

/* The output: Width is the line width of a FORMAT_MESSAGE_MAX_WIDTH_MASK n (0: no wrapping) and
 * LineStart where the output's current line begins. */
typedef struct { WCHAR *Buffer; DWORD Length, Capacity, Width, LineStart; BOOL Failed; } MSGBUF;

static void PutRaw(MSGBUF *o, WCHAR c)
{
    if (o->Length + 1 >= o->Capacity) {
        DWORD capacity = o->Capacity ? o->Capacity * 2 : 256;
        WCHAR *b = o->Buffer ? RtlReAllocateHeap(PEB_PROCESS_HEAP(), 0, o->Buffer, capacity * 2)
                             : RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, capacity * 2);
        if (b == NULL) { o->Failed = TRUE; return; }
        o->Buffer = b;
        o->Capacity = capacity;
    }
    o->Buffer[o->Length++] = c;
}

/* A hard line break (%n, or %r's carriage return): the next line starts after it. */
static void LineBreak(MSGBUF *o, BOOL cr_only)
{
    PutRaw(o, '\r');
    if (!cr_only) PutRaw(o, '\n');
    o->LineStart = o->Length;
}

/* One output character; a line that reaches the width is broken at its last space (the run of
 * spaces there is dropped, what follows it moves to the next line) or, without a space, right
 * after its last character. */
static void Put(MSGBUF *o, WCHAR c)
{
    PutRaw(o, c);
    if (o->Width == 0 || o->Failed || o->Length - o->LineStart < o->Width)
        return;
    DWORD space = o->Length;
    while (space > o->LineStart && o->Buffer[space - 1] != ' ') space--;
    if (space == o->LineStart) { LineBreak(o, FALSE); return; }
    WCHAR carry[256];
    DWORD carried = o->Length - space, keep = space - 1;
    memcpy(carry, o->Buffer + space, carried * 2);
    while (keep > o->LineStart && o->Buffer[keep - 1] == ' ') keep--;
    o->Length = keep;
    LineBreak(o, FALSE);
    for (DWORD i = 0; i < carried; i++) PutRaw(o, carry[i]);
}

/* One insert: its value formatted by a printf conversion (flags, width, precision, size, type). */
static void Insert(MSGBUF *o, const WCHAR *spec, ULONG_PTR value, BOOL ansi_strings)
{
    BOOL left = FALSE, zero = FALSE, wide_string = !ansi_strings;
    int width = 0, precision = -1;
    const WCHAR *p = spec;
    for (; *p == '-' || *p == '0' || *p == '+' || *p == ' ' || *p == '#'; p++) {
        if (*p == '-') left = TRUE;
        if (*p == '0') zero = TRUE;
    }
    while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
    if (*p == '.') { precision = 0; p++; while (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0'); }
    BOOL size64 = FALSE, sized = TRUE;          /* I64, ll and I (pointer-sized) are 64-bit; l and h are not */
    if (*p == 'h') { wide_string = FALSE; p++; }
    else if (p[0] == 'l' && p[1] == 'l') { size64 = TRUE; p += 2; }
    else if (*p == 'l') { wide_string = TRUE; p++; }
    else if (p[0] == 'I' && p[1] == '6' && p[2] == '4') { size64 = TRUE; p += 3; }
    else if (p[0] == 'I' && p[1] == '3' && p[2] == '2') p += 3;
    else if (*p == 'I') { size64 = TRUE; p++; }
    else if (*p == 'w') { wide_string = TRUE; p++; }
    else sized = FALSE;                         /* h, l and w fix a string's width; S then flips nothing */
    WCHAR digits[40];
    int n = 0;
    const WCHAR *text = digits;
    char type = (char)*p;
    if (type == 's' || type == 'S') {
        if (type == 'S' && !sized) wide_string = !wide_string;
        if (value == 0) { text = L"(null)"; n = 6; }
        else if (wide_string) { text = (const WCHAR *)value; n = (int)wcslen(text); }
        else {                                  /* an ANSI string, in UTF-16 for the output */
            const char *a = (const char *)value;
            int len = (int)strlen(a);
            if (precision >= 0 && len > precision) len = precision;
            WCHAR *w = len ? RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)len * 2) : NULL;
            n = w ? MultiByteToWideChar(CP_ACP, 0, a, len, w, len) : 0;
            int pad = width > n ? width - n : 0;
            if (!left) for (int i = 0; i < pad; i++) Put(o, ' ');
            for (int i = 0; i < n; i++) Put(o, w[i]);
            if (left) for (int i = 0; i < pad; i++) Put(o, ' ');
            RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
            return;
        }
        if (precision >= 0 && n > precision) n = precision;
    } else if (type == 'c' || type == 'C') {
        if (type == 'C' && !sized) wide_string = !wide_string;
        char byte = (char)value;                /* an ANSI character through the ACP */
        if (wide_string || !MultiByteToWideChar(CP_ACP, 0, &byte, 1, digits, 1)) digits[0] = (WCHAR)value;
        n = 1;
    } else {
        if (type == 'p') size64 = TRUE;
        ULONG64 v = size64 ? value : (ULONG)value;
        BOOL negative = FALSE;
        unsigned base = (type == 'x' || type == 'X' || type == 'p') ? 16 : type == 'o' ? 8 : 10;
        if (type == 'd' || type == 'i') {
            LONG64 sv = size64 ? (LONG64)value : (LONG64)(LONG)value;
            negative = sv < 0;
            v = negative ? (ULONG64)-sv : (ULONG64)sv;
        }
        if (type == 'p') { zero = TRUE; width = 16; }
        WCHAR rev[24];
        int r = 0;
        do { rev[r++] = (WCHAR)"0123456789abcdef0123456789ABCDEF"[(v % base) + (type == 'X' || type == 'p' ? 16 : 0)]; v /= base; } while (v);
        if (negative) digits[n++] = '-';
        while (precision > r) { rev[r++] = '0'; }
        while (r) digits[n++] = rev[--r];
    }
    int pad = width > n ? width - n : 0;
    if (!left) for (int i = 0; i < pad; i++) Put(o, zero ? '0' : ' ');
    for (int i = 0; i < n; i++) Put(o, text[i]);
    if (left) for (int i = 0; i < pad; i++) Put(o, ' ');
}

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
            Put(o, ' ');
            continue;
        }
        if (*p != '%') { Put(o, *p++); continue; }
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
                Put(o, '%');
                if (index >= 10) Put(o, (WCHAR)('0' + index / 10));
                Put(o, (WCHAR)('0' + index % 10));
                if (spec_start) { Put(o, '!'); for (const WCHAR *s = spec; *s; s++) Put(o, *s); Put(o, '!'); }
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
            Insert(o, expanded, value, ansi);
            continue;
        }
        switch (*p) {
        case '0': return TRUE;                  /* the end, without a final line break */
        case 'n': LineBreak(o, FALSE); p++; break;
        case 'r': LineBreak(o, TRUE); p++; break;
        case 't': Put(o, '\t'); p++; break;
        case 0: break;
        default: Put(o, *p++); break;            /* %% % %. %! */
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
    BOOL ok = Expand(o, text, flags, array ? NULL : args, array, ansi) && (PutRaw(o, 0), !o->Failed);
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
