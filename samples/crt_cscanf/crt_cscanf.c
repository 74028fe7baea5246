/* Console scanf over the console's input records: the program writes key events into its own
 * console input (WriteConsoleInputW), then _cscanf and its forms read them through _getche, so the
 * characters read are echoed on the console, and the one ending the input stays for the next
 * _getch. Against the UCRT (USE_UCRT) the same calls go to __conio_common_vc(w)scanf. Run on a
 * terminal; without a console the first scan returns EOF. Results print at the end. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <windows.h>

int _getch(void);
unsigned short _getwch(void);
#ifdef USE_UCRT
__declspec(dllimport) int __conio_common_vcscanf(unsigned long long, const char *, void *, va_list);
__declspec(dllimport) int __conio_common_vcwscanf(unsigned long long, const wchar_t *, void *, va_list);
#define SCAN(NAME, T, SECURE, ENTRY)                                                               \
static int NAME(const T *fmt, ...)                                                                 \
{                                                                                                  \
    va_list ap;                                                                                    \
    va_start(ap, fmt);                                                                             \
    int r = ENTRY(SECURE, fmt, NULL, ap);                                                          \
    va_end(ap);                                                                                    \
    return r;                                                                                      \
}
SCAN(cscan, char, 0, __conio_common_vcscanf)
SCAN(cscan_s, char, 1, __conio_common_vcscanf)
SCAN(cwscan, wchar_t, 0, __conio_common_vcwscanf)
SCAN(cwscan_s, wchar_t, 1, __conio_common_vcwscanf)
#define cscan_l(f, l, ...) cscan(f, __VA_ARGS__)
#define cscan_s_l(f, l, ...) cscan_s(f, __VA_ARGS__)
#define cwscan_l(f, l, ...) cwscan(f, __VA_ARGS__)
#define cwscan_s_l(f, l, ...) cwscan_s(f, __VA_ARGS__)
#else
__declspec(dllimport) int _cscanf(const char *, ...);
__declspec(dllimport) int _cscanf_s(const char *, ...);
__declspec(dllimport) int _cscanf_l(const char *, void *, ...);
__declspec(dllimport) int _cscanf_s_l(const char *, void *, ...);
__declspec(dllimport) int _cwscanf(const wchar_t *, ...);
__declspec(dllimport) int _cwscanf_s(const wchar_t *, ...);
__declspec(dllimport) int _cwscanf_l(const wchar_t *, void *, ...);
__declspec(dllimport) int _cwscanf_s_l(const wchar_t *, void *, ...);
#define cscan _cscanf
#define cscan_s _cscanf_s
#define cscan_l _cscanf_l
#define cscan_s_l _cscanf_s_l
#define cwscan _cwscanf
#define cwscan_s _cwscanf_s
#define cwscan_l _cwscanf_l
#define cwscan_s_l _cwscanf_s_l
#endif

static char report[4096];
static HANDLE in;

static void line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsprintf(report + strlen(report), fmt, ap);
    va_end(ap);
    strcat(report, "\n");
}

/* One key press (down and up) per character of s. */
static void type(const char *s)
{
    for (; *s; s++) {
        INPUT_RECORD r[2];
        DWORD done;
        memset(r, 0, sizeof(r));
        r[0].EventType = r[1].EventType = KEY_EVENT;
        r[0].Event.KeyEvent.bKeyDown = TRUE;
        r[0].Event.KeyEvent.wRepeatCount = r[1].Event.KeyEvent.wRepeatCount = 1;
        r[0].Event.KeyEvent.uChar.UnicodeChar = r[1].Event.KeyEvent.uChar.UnicodeChar = (unsigned char)*s;
        WriteConsoleInputW(in, r, 2, &done);
    }
}

int main(void)
{
    DWORD mode;
    int n = 0, m = 0;
    char s[16] = "", t[4] = "", c = 0;
    wchar_t w[16] = L"";
    in = CreateFileA("CONIN$", GENERIC_READ | GENERIC_WRITE, 3, NULL, OPEN_EXISTING, 0, NULL);
    if (!GetConsoleMode(in, &mode)) {
        line("no console: %d", cscan("%d", &n));
        fputs(report, stdout);
        return 0;
    }
    type("42 abc\r");
    int r = cscan("%d %s", &n, s);
    line("cscanf %d: %d [%s], then %d", r, n, s, _getch());
    type("  -17,0x1F\r");
    r = cscan_l("%d,%i", NULL, &n, &m);
    line("cscanf_l %d: %d %d, then %d", r, n, m, _getch());
    type("hello x");
    r = cscan_s("%s %c", s, (unsigned)sizeof(s), &c, 1);
    line("cscanf_s %d: [%s] %c", r, s, c);
    type("ab7\r");
    r = cscan_s_l("%2c%d", NULL, t, (unsigned)sizeof(t), &n);
    line("cscanf_s_l %d: [%.2s] %d, then %d", r, t, n, _getch());
    type("ff 9\r");
    r = cwscan(L"%x %d", &n, &m);
    line("cwscanf %d: %d %d, then %d", r, n, m, _getwch());
    type("wide\r");
    r = cwscan_s(L"%s", w, (unsigned)(sizeof(w) / sizeof(w[0])));
    line("cwscanf_s %d: [%ls], then %d", r, w, _getwch());
    type("12a");
    r = cwscan_l(L"%3d%hc", NULL, &n, &c);
    line("cwscanf_l %d: %d %c", r, n, c);
    type("bc 5\r");
    r = cwscan_s_l(L"%[a-c]%d", NULL, w, 16u, &m);
    line("cwscanf_s_l %d: [%ls] %d, then %d", r, w, m, _getwch());
    type("x");
    r = cscan("%d", &n);
    line("cscanf no match %d, then %c", r, _getch());
    fputs(report, stdout);
    return 0;
}
