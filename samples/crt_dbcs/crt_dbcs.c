/* msvcrt's LC_CTYPE in a double-byte code page: setlocale(".932"/".936"), MB_CUR_MAX, isleadbyte,
 * mblen/mbtowc (a lead byte cut short), mbstowcs/wcstombs through kernel32's code page 932. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <wchar.h>

int main(void)
{
    const char *name = setlocale(LC_ALL, ".932");
    printf("setlocale .932 [%s] max %d\n", name ? name : "(null)", MB_CUR_MAX);
    printf("isleadbyte 82 %d 41 %d b1 %d e0 %d\n", isleadbyte(0x82) != 0, isleadbyte(0x41) != 0,
           isleadbyte(0xB1) != 0, isleadbyte(0xE0) != 0);
    printf("mblen %d %d %d %d\n", mblen("\x82\xa0", 2), mblen("A", 1), mblen("\x82", 1), mblen("\xb1", 1));
    wchar_t w[16];
    size_t n = mbstowcs(w, "\x82\xa0" "A" "\x88\x9f" "\xb1", 16);
    printf("mbstowcs %d:", (int)n);
    for (size_t i = 0; i < n && i < 16; i++) printf(" %04X", w[i]);
    printf("\n");
    char b[16];
    wchar_t jp[] = { 0x3042, 0x0041, 0x4E9C, 0 };
    n = wcstombs(b, jp, sizeof(b));
    printf("wcstombs %d:", (int)n);
    for (size_t i = 0; i < n && i < 16; i++) printf(" %02X", (unsigned char)b[i]);
    printf("\n");
    int len = wctomb(b, 0x3042);
    printf("wctomb %d %02X %02X\n", len, (unsigned char)b[0], (unsigned char)b[1]);
    name = setlocale(LC_CTYPE, ".936");
    wchar_t one = 0;
    len = mbtowc(&one, "\xc4\xe3", 2);
    printf("setlocale .936 [%s] max %d mbtowc %d %04X\n", name ? name : "(null)", MB_CUR_MAX, len, one);
    name = setlocale(LC_ALL, ".1361");
    printf("setlocale .1361 %s\n", name ? name : "(null)");
    name = setlocale(LC_ALL, "C");
    printf("setlocale C [%s] max %d isleadbyte 82 %d\n", name, MB_CUR_MAX, isleadbyte(0x82) != 0);
    return 0;
}
