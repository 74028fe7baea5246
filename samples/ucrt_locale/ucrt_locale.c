/* setlocale in the UCRT (../crt_locale/cases.h), with its UTF-8 locale and locale names. */
#include "../crt_locale/cases.h"

int main(void)
{
    common_cases();
    show(".UTF8", setlocale(LC_ALL, ".UTF8"));
    wchar_t w = 0;
    int n = mbtowc(&w, "\xe2\x82\xac", 3);
    char mb[8] = { 0 };
    int m = wctomb(mb, 0x20AC);
    errno = 0;
    int cut = mbtowc(&w, "\xe2\x82", 2);
    printf("utf8: MB_CUR_MAX %d mbtowc %d %#x wctomb %d %02x%02x%02x cut %d errno %d isalpha(0xE9) %d\n",
           (int)MB_CUR_MAX, n, (unsigned)w, m, (unsigned char)mb[0], (unsigned char)mb[1], (unsigned char)mb[2],
           cut, errno, isalpha(0xE9) != 0);
    wchar_t ws[8];
    size_t k = mbstowcs(ws, "a\xc3\xa9\xf0\x9f\x98\x80", 8);
    printf("utf8: mbstowcs %d %#x %#x %#x %#x\n", (int)k, (unsigned)ws[0], (unsigned)ws[1], (unsigned)ws[2],
           (unsigned)ws[3]);
    char back[16];
    size_t b = wcstombs(back, ws, sizeof back);
    printf("utf8: wcstombs %d %s\n", (int)b, b == 7 && !memcmp(back, "a\xc3\xa9\xf0\x9f\x98\x80", 7) ? "same bytes" : "differ");
    show("en-US", setlocale(LC_ALL, "en-US"));
    show("en_US.UTF-8", setlocale(LC_ALL, "en_US.UTF-8"));
    printf("en_US.UTF-8: MB_CUR_MAX %d\n", (int)MB_CUR_MAX);
    show("query", setlocale(LC_ALL, NULL));
    return 0;
}
