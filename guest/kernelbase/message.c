/* Family 1 (FormatMessageA/W): FROM_SYSTEM with Windows' English texts for the common errors,
 * FROM_STRING, inserts %1..%99 with their !printf! formats taken from a va_list or an argument
 * array, the escapes (%0 %n %r %t %% and friends), IGNORE_INSERTS, ALLOCATE_BUFFER (LocalAlloc)
 * and MAX_WIDTH_MASK (line breaks of the text become spaces; other widths are not done).
 * FROM_HMODULE (message tables in resources) is not done. */
#include "kernelbase.h"
#include <stdarg.h>

typedef struct { USHORT Id; const WCHAR *Text; } MESSAGE;

static const MESSAGE BaseMessages[] = {
    {0, L"The operation completed successfully.\r\n"}, {1, L"Incorrect function.\r\n"},
    {2, L"The system cannot find the file specified.\r\n"}, {3, L"The system cannot find the path specified.\r\n"},
    {4, L"The system cannot open the file.\r\n"}, {5, L"Access is denied.\r\n"}, {6, L"The handle is invalid.\r\n"},
    {8, L"Not enough memory resources are available to process this command.\r\n"}, {13, L"The data is invalid.\r\n"},
    {14, L"Not enough memory resources are available to complete this operation.\r\n"},
    {15, L"The system cannot find the drive specified.\r\n"}, {16, L"The directory cannot be removed.\r\n"},
    {17, L"The system cannot move the file to a different disk drive.\r\n"}, {18, L"There are no more files.\r\n"},
    {19, L"The media is write protected.\r\n"}, {21, L"The device is not ready.\r\n"},
    {32, L"The process cannot access the file because it is being used by another process.\r\n"},
    {33, L"The process cannot access the file because another process has locked a portion of the file.\r\n"},
    {38, L"Reached the end of the file.\r\n"}, {50, L"The request is not supported.\r\n"}, {80, L"The file exists.\r\n"},
    {87, L"The parameter is incorrect.\r\n"}, {109, L"The pipe has been ended.\r\n"},
    {111, L"The file name is too long.\r\n"}, {112, L"There is not enough space on the disk.\r\n"},
    {122, L"The data area passed to a system call is too small.\r\n"},
    {123, L"The filename, directory name, or volume label syntax is incorrect.\r\n"},
    {126, L"The specified module could not be found.\r\n"}, {127, L"The specified procedure could not be found.\r\n"},
    {145, L"The directory is not empty.\r\n"}, {161, L"The specified path is invalid.\r\n"},
    {183, L"Cannot create a file when that file already exists.\r\n"}, {193, L"%1 is not a valid Win32 application.\r\n"},
    {203, L"The system could not find the environment option that was entered.\r\n"},
    {206, L"The filename or extension is too long.\r\n"}, {234, L"More data is available.\r\n"},
    {258, L"The wait operation timed out.\r\n"}, {259, L"No more data is available.\r\n"},
    {267, L"The directory name is invalid.\r\n"}, {288, L"Attempt to release mutex not owned by caller.\r\n"},
    {298, L"Too many posts were made to a semaphore.\r\n"}, {487, L"Attempt to access invalid address.\r\n"},
    {995, L"The I/O operation has been aborted because of either a thread exit or an application request.\r\n"},
    {997, L"Overlapped I/O operation is in progress.\r\n"}, {998, L"Invalid access to memory location.\r\n"},
    {1004, L"Invalid flags.\r\n"},
    {1113, L"No mapping for the Unicode character exists in the target multi-byte code page.\r\n"},
    {1168, L"Element not found.\r\n"}, {1460, L"This operation returned because the timeout period expired.\r\n"},
};

typedef struct { WCHAR *Buffer; DWORD Length, Capacity; BOOL Failed; } MSGBUF;

static void Put(MSGBUF *o, WCHAR c)
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
    BOOL size64 = FALSE;                        /* I64, ll and I (pointer-sized) are 64-bit; l and h are not */
    if (*p == 'h') { wide_string = FALSE; p++; }
    else if (p[0] == 'l' && p[1] == 'l') { size64 = TRUE; p += 2; }
    else if (*p == 'l') { wide_string = TRUE; p++; }
    else if (p[0] == 'I' && p[1] == '6' && p[2] == '4') { size64 = TRUE; p += 3; }
    else if (p[0] == 'I' && p[1] == '3' && p[2] == '2') p += 3;
    else if (*p == 'I') { size64 = TRUE; p++; }
    else if (*p == 'w') { wide_string = TRUE; p++; }
    WCHAR digits[40];
    int n = 0;
    const WCHAR *text = digits;
    char type = (char)*p;
    if (type == 's' || type == 'S') {
        if (type == 'S') wide_string = !wide_string;
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
        digits[0] = (WCHAR)value; n = 1;
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

/* The message text with its inserts: returns FALSE (error set) on a missing argument. */
static BOOL Expand(MSGBUF *o, const WCHAR *text, DWORD flags, va_list *args, const DWORD_PTR *array, BOOL ansi)
{
    DWORD width = flags & FORMAT_MESSAGE_MAX_WIDTH_MASK;
    ULONG_PTR values[100];
    int taken = 0;
    for (const WCHAR *p = text; *p; ) {
        if (width == FORMAT_MESSAGE_MAX_WIDTH_MASK && (*p == '\r' || *p == '\n')) {
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
            ULONG_PTR value;
            if (array) {
                value = array[index - 1];
            } else {
                while (taken < index) values[taken++] = va_arg(*args, ULONG_PTR);
                value = values[index - 1];
            }
            Insert(o, spec, value, ansi);
            continue;
        }
        switch (*p) {
        case '0': return TRUE;                  /* the end, without a final line break */
        case 'n': Put(o, '\r'); Put(o, '\n'); p++; break;
        case 'r': Put(o, '\r'); p++; break;
        case 't': Put(o, '\t'); p++; break;
        case 0: break;
        default: Put(o, *p++); break;            /* %% % %. %! */
        }
    }
    return TRUE;
}

static const WCHAR *SystemMessage(DWORD id)
{
    for (SIZE_T i = 0; i < sizeof(BaseMessages) / sizeof(BaseMessages[0]); i++)
        if (BaseMessages[i].Id == id) return BaseMessages[i].Text;
    return NULL;
}

/* The formatted message in o (heap, NUL-terminated), or FALSE with the error set. */
static BOOL Format(DWORD flags, LPCVOID source, DWORD id, DWORD lang, va_list *args, MSGBUF *o, BOOL ansi, const WCHAR *wsource)
{
    memset(o, 0, sizeof(*o));
    const WCHAR *text;
    if (flags & FORMAT_MESSAGE_FROM_STRING) {
        text = wsource ? wsource : source;
        if (text == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    } else if (flags & FORMAT_MESSAGE_FROM_SYSTEM) {
        if (lang && lang != 0x409 && PRIMARYLANGID(lang) != LANG_NEUTRAL && lang != 0x400) {
            SetLastError(ERROR_RESOURCE_LANG_NOT_FOUND);
            return FALSE;
        }
        text = id >> 16 == 0 ? SystemMessage(id) : NULL;
        if (text == NULL) { SetLastError(ERROR_MR_MID_NOT_FOUND); return FALSE; }
    } else {
        SetLastError(flags & FORMAT_MESSAGE_FROM_HMODULE ? ERROR_RESOURCE_TYPE_NOT_FOUND : ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    const DWORD_PTR *array = (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) ? (const DWORD_PTR *)args : NULL;
    if (!Expand(o, text, flags, array ? NULL : args, array, ansi) || (Put(o, 0), o->Failed)) {
        if (o->Failed) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, o->Buffer);
        return FALSE;
    }
    o->Length--;                                /* without the NUL */
    return TRUE;
}

KBAPI DWORD WINAPI FormatMessageW(DWORD flags, LPCVOID source, DWORD id, DWORD lang, LPWSTR buffer, DWORD size,
                                  va_list *args)
{
    MSGBUF o;
    if (buffer == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (!Format(flags, source, id, lang, args, &o, FALSE, NULL)) return 0;
    DWORD n = o.Length;
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        WCHAR *local = LocalAlloc(LMEM_FIXED, ((n + 1) > size ? n + 1 : size) * 2);
        if (local) memcpy(local, o.Buffer, (n + 1) * 2);
        *(WCHAR **)buffer = local;
        if (local == NULL) n = 0;
    } else if (n + 1 > size) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        n = 0;
    } else {
        memcpy(buffer, o.Buffer, (n + 1) * 2);
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, o.Buffer);
    return n;
}

KBAPI DWORD WINAPI FormatMessageA(DWORD flags, LPCVOID source, DWORD id, DWORD lang, LPSTR buffer, DWORD size,
                                  va_list *args)
{
    MSGBUF o;
    WCHAR *wsource = NULL;
    if (buffer == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if ((flags & FORMAT_MESSAGE_FROM_STRING) && source && !(wsource = BaseWideName(source))) return 0;
    BOOL ok = Format(flags, source, id, lang, args, &o, TRUE, wsource);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wsource);
    if (!ok) return 0;
    int bytes = WideCharToMultiByte(CP_ACP, 0, o.Buffer, (int)o.Length + 1, NULL, 0, NULL, NULL);
    DWORD n = (DWORD)bytes - 1;
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        char *local = LocalAlloc(LMEM_FIXED, (DWORD)bytes > size ? (DWORD)bytes : size);
        if (local) WideCharToMultiByte(CP_ACP, 0, o.Buffer, (int)o.Length + 1, local, bytes, NULL, NULL);
        *(char **)buffer = local;
        if (local == NULL) n = 0;
    } else if ((DWORD)bytes > size) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        n = 0;
    } else {
        WideCharToMultiByte(CP_ACP, 0, o.Buffer, (int)o.Length + 1, buffer, bytes, NULL, NULL);
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, o.Buffer);
    return n;
}
