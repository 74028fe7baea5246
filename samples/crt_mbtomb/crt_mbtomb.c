/* _mbbtombc/_mbctombb (and _l): code page 932's single-byte characters and their full-width
 * double-byte forms, both ways, and no change in another code page; ___mb_cur_max_l_func. */
#include <locale.h>
#include <mbctype.h>
#include <mbstring.h>
#include <stdio.h>

#ifdef _UCRT
int __cdecl ___mb_cur_max_l_func(_locale_t);    /* the UCRT's only */
#endif

int main(void)
{
    static const unsigned ins[] = {0x20, 0x21, 0x22, 0x27, 0x30, 0x39, 0x41, 0x5A, 0x5C, 0x60, 0x61, 0x7A,
                                   0x7E, 0x7F, 0x1F, 0xA0, 0xA1, 0xA6, 0xB1, 0xDD, 0xDE, 0xDF, 0xE0, 0x8140};
    unsigned i;
    _setmbcp(932);
    for (i = 0; i < sizeof ins / sizeof ins[0]; i++) {
        unsigned m = _mbbtombc(ins[i]);
        printf("%04x -> %04x -> %04x\n", ins[i], m, _mbctombb(m));
    }
    printf("8393 %04x 8394 %04x 82a0 %04x\n", _mbctombb(0x8393), _mbctombb(0x8394), _mbctombb(0x82A0));
    _locale_t c = _create_locale(LC_ALL, "C");
    printf("_l %04x %04x\n", _mbbtombc_l(0x41, c), _mbctombb_l(0x8260, c));
#ifdef _UCRT
    printf("mb_cur_max C %d current %d\n", ___mb_cur_max_l_func(c), ___mb_cur_max_l_func(NULL));
#endif
    _free_locale(c);
    _setmbcp(1252);
    printf("1252: %04x %04x\n", _mbbtombc(0x41), _mbctombb(0x8260));
    return 0;
}
