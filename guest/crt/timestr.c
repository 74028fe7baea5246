/* _strdate/_strtime and their wide and _s forms: the local date as "mm/dd/yy" and the local time
 * as "hh:mm:ss" (GetLocalTime), nine characters with the terminator. The _s forms: a null buffer
 * or a zero size is EINVAL, fewer than nine is ERANGE (the buffer emptied), both through the
 * invalid-parameter step. */
#include "crtwin.h"
#include "secure.h"

typedef struct { unsigned short wYear, wMonth, wDayOfWeek, wDay, wHour, wMinute, wSecond, wMilliseconds; } SYSTEMTIME;
WINBASEAPI void WINAPI GetLocalTime(SYSTEMTIME *);

/* The three two-digit fields a, b, c joined by sep into out. */
static void fields(char out[9], int a, int b, int c, char sep)
{
    int v[3] = { a, b, c };
    for (int i = 0; i < 3; i++) {
        out[i * 3] = (char)('0' + v[i] / 10 % 10);
        out[i * 3 + 1] = (char)('0' + v[i] % 10);
        if (i < 2)
            out[i * 3 + 2] = sep;
    }
    out[8] = 0;
}

static void now_text(char out[9], int date)
{
    SYSTEMTIME t;
    GetLocalTime(&t);
    if (date)
        fields(out, t.wMonth, t.wDay, t.wYear % 100, '/');
    else
        fields(out, t.wHour, t.wMinute, t.wSecond, ':');
}

static int sized(void *buf, size_t size, int wide, int date)
{
    if (buf == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    if (size < 9) {
        if (wide)
            *(crt_wchar *)buf = 0;
        else
            *(char *)buf = 0;
        return crt_invalid(CRT_ERANGE);
    }
    char text[9];
    now_text(text, date);
    for (int i = 0; i < 9; i++) {
        if (wide)
            ((crt_wchar *)buf)[i] = (unsigned char)text[i];
        else
            ((char *)buf)[i] = text[i];
    }
    return 0;
}

CRTEXP int _strdate_s(char *buf, size_t size) { return sized(buf, size, 0, 1); }
CRTEXP int _strtime_s(char *buf, size_t size) { return sized(buf, size, 0, 0); }
CRTEXP int _wstrdate_s(crt_wchar *buf, size_t size) { return sized(buf, size, 1, 1); }
CRTEXP int _wstrtime_s(crt_wchar *buf, size_t size) { return sized(buf, size, 1, 0); }
CRTEXP char *_strdate(char *buf) { sized(buf, 9, 0, 1); return buf; }
CRTEXP char *_strtime(char *buf) { sized(buf, 9, 0, 0); return buf; }
CRTEXP crt_wchar *_wstrdate(crt_wchar *buf) { sized(buf, 9, 1, 1); return buf; }
CRTEXP crt_wchar *_wstrtime(crt_wchar *buf) { sized(buf, 9, 1, 0); return buf; }
