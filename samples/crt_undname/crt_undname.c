/* msvcrt.dll's MSVC name undecorator: __unDName and __unDNameEx on a table of decorated names
 * (functions, members, operators, templates, variables, vftables, type encodings) and flags,
 * each printed as decorated name, flags and undecorated text between brackets. */
#include <stdio.h>
#include <stdlib.h>

char *__unDName(char *, const char *, int, void *(*)(size_t), void (*)(void *), unsigned short);
char *__unDNameEx(char *, const char *, int, void *(*)(size_t), void (*)(void *), char *(*)(int), unsigned short);

static const struct { const char *name; unsigned short flags; } CASES[] = {
    { "?name@type_info@@QEBAPEBDXZ", 0 },
    { "?name@type_info@@QEBAPEBDXZ", 0x1000 },
    { "?name@type_info@@QEBAPEBDXZ", 0x2000 },
    { "?name@type_info@@QEBAPEBDXZ", 0x0002 },
    { "?name@type_info@@QEBAPEBDXZ", 0x0060 },
    { "??1type_info@@UEAA@XZ", 0 },
    { "??0exception@@QEAA@AEBQEBD@Z", 0 },
    { "?what@exception@@UEBAPEBDXZ", 0 },
    { "?what@exception@@UEBAPEBDXZ", 0x0280 },
    { "??_7type_info@@6B@", 0 },
    { "?terminate@@YAXXZ", 0 },
    { "?set_terminate@@YAP6AXXZP6AXXZ@Z", 0 },
    { "?_set_new_handler@@YAP6AH_K@ZP6AH0@Z@Z", 0 },
    { "?x@@3HA", 0 },
    { "?s@C@@2HA", 0 },
    { "?p@@3PEBDEB", 0 },
    { "??0?$vector@HV?$allocator@H@std@@@std@@QEAA@XZ", 0 },
    { "??8type_info@@QEBAHAEBV0@@Z", 0 },
    { "?f@@YAXHD@Z", 0 },
    { "?f@@YAXHD@Z", 0x0002 },
    { "?f@@YAXHD@Z", 0x0004 },
    { "?g@N@@YAHPEAD0@Z", 0 },
    { "?h@@YAXZZ", 0 },
    { "?k@@YAXHZZ", 0 },
    { "??2@YAPEAX_K@Z", 0 },
    { "??_U@YAPEAX_K@Z", 0 },
    { "??3@YAXPEAX@Z", 0 },
    { "?AVbad_cast@@", 0x2800 },
    { "?AU?$pair@HN@std@@", 0x2800 },
    { "H", 0x2800 },
    { "PEAH", 0x2800 },
    { "PEBD", 0x2800 },
    { "?AV?$vector@HV?$allocator@H@std@@@std@@", 0x2800 },
    { "?v@@YAXAEBV?$basic_string@DU?$char_traits@D@std@@V?$allocator@D@2@@std@@@Z", 0 },
    { "?m@C@@SAXXZ", 0 },
    { "?m@C@@CAXXZ", 0 },
    { "?m@C@@IEAAXXZ", 0 },
    { "?fun@@YA_NW4color@@@Z", 0 },
    { "?fun@@YA_NW4color@@@Z", 0x8000 },
};

int main(void)
{
    char buf[256];
    for (unsigned i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char *r = __unDName(NULL, CASES[i].name, 0, malloc, free, CASES[i].flags);
        printf("%s %#x [%s]\n", CASES[i].name, CASES[i].flags, r ? r : "(null)");
        free(r);
    }
    /* into the caller's buffer, cut to its length; the Ex form */
    char *r = __unDName(buf, "?name@type_info@@QEBAPEBDXZ", 12, malloc, free, 0);
    printf("short [%s] %d\n", r ? r : "(null)", r == buf);
    r = __unDNameEx(buf, "?what@exception@@UEBAPEBDXZ", sizeof buf, malloc, free, NULL, 0);
    printf("ex [%s]\n", r ? r : "(null)");
    r = __unDName(NULL, "?bad@@Q", 0, malloc, free, 0);
    printf("bad [%s]\n", r ? r : "(null)");
    return 0;
}
