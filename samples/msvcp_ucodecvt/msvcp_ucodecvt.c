/* msvcp140's codecvt<char16_t, char, _Mbstatet> and codecvt<char32_t, char, _Mbstatet> through
 * their exported, MSVC-decorated members (found with GetProcAddress; `this` first, references as
 * pointers): UTF-8 to UTF-16/32 and back, byte order marks, a sequence cut off, bad bytes, a
 * surrogate pair split over two calls, the code-point limit, length, and _Getcat. Results are the
 * ones the STL's header defines these members to give. Also the data the DLL holds for the facets
 * that are otherwise inline (messages, moneypunct, money_get/put ids, moneypunct::intl,
 * ctype<char>::table_size). Exit code: failed checks. */
#include "../k32.h"

typedef struct { unsigned long wchar; unsigned short byte, state; } mbstatet;
/* the STL's layout: facet (vftable, _Myrefs, padded to 16), then _Maxcode at 16 and _Mode at 20 */
typedef struct { const void *const *vftable; unsigned long refs, pad; unsigned long maxcode; int mode; } codecvt_u;
enum { OK, PARTIAL, ERR, NOCONV };

typedef codecvt_u *(*ctor_fn)(codecvt_u *, size_t);
typedef codecvt_u *(*ctor_mode_fn)(codecvt_u *, const void *, unsigned long, int, size_t);
typedef int (*in_fn)(const codecvt_u *, mbstatet *, const char *, const char *, const char **, void *, void *, void **);
typedef int (*out_fn)(const codecvt_u *, mbstatet *, const void *, const void *, const void **, char *, char *, char **);
typedef int (*unshift_fn)(const codecvt_u *, mbstatet *, char *, char *, char **);
typedef int (*length_fn)(const codecvt_u *, mbstatet *, const char *, const char *, size_t);
typedef int (*int_fn)(const codecvt_u *);
typedef size_t (*getcat_fn)(const void **, const void *);

static HMODULE msvcp;
static void *Proc(const char *name)
{
    void *p = (void *)GetProcAddress(msvcp, name);
    if (!p) {
        Print("missing export ");
        Print(name);
        Print("\n");
        ExitProcess(100);
    }
    return p;
}

#define CLS16 "?$codecvt@_SDU_Mbstatet@@@std@@"
#define CLS32 "?$codecvt@_UDU_Mbstatet@@@std@@"
#define RES "?AW4result@codecvt_base@2@AEAU_Mbstatet@@"

static int Same(const void *a, const void *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (((const unsigned char *)a)[i] != ((const unsigned char *)b)[i])
            return 0;
    return 1;
}

static void Utf16(void)
{
    ctor_fn ctor = Proc("??0" CLS16 "QEAA@_K@Z");
    ctor_mode_fn ctor_mode = Proc("??0" CLS16 "QEAA@AEBV_Locinfo@1@KW4_Codecvt_mode@1@_K@Z");
    in_fn in = Proc("?in@" CLS16 "QEBA" RES "PEBD1AEAPEBDPEA_S3AEAPEA_S@Z");
    out_fn out = Proc("?out@" CLS16 "QEBA" RES "PEB_S1AEAPEB_SPEAD3AEAPEAD@Z");
    unshift_fn unshift = Proc("?unshift@" CLS16 "QEBA" RES "PEAD1AEAPEAD@Z");
    length_fn length = Proc("?length@" CLS16 "QEBAHAEAU_Mbstatet@@PEBD1_K@Z");
    int_fn max_length = Proc("?do_max_length@" CLS16 "MEBAHXZ");
    int_fn encoding = Proc("?do_encoding@" CLS16 "MEBAHXZ");
    codecvt_u c, g;
    ctor(&c, 0);
    Check(c.maxcode == 0x10FFFF && c.mode == 4 && c.refs == 0, "char16_t: default _Maxcode 0x10FFFF, _Consume_header");
    Check(max_length(&c) == 9 && encoding(&c) == 0, "char16_t: max_length 9 (header + 6), encoding 0");

    static const char text[] = "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    unsigned short units[8];
    const char *m1;
    void *m2;
    mbstatet st = {0};
    int r = in(&c, &st, text, text + 10, &m1, units, units + 8, &m2);
    static const unsigned short want[] = {0x41, 0xE9, 0x20AC, 0xD83D, 0xDE00};
    Check(r == OK && m1 == text + 10 && (unsigned short *)m2 == units + 5 && Same(units, want, 10),
          "in: A, e-acute, euro, U+1F600 as a surrogate pair");

    static const char bom[] = "\xEF\xBB\xBFx";
    st = (mbstatet){0};
    r = in(&c, &st, bom, bom + 4, &m1, units, units + 8, &m2);
    Check(r == OK && (unsigned short *)m2 == units + 1 && units[0] == 'x', "in: a leading byte order mark is consumed");

    static const char cut[] = "a\xE2\x82";
    st = (mbstatet){0};
    r = in(&c, &st, cut, cut + 3, &m1, units, units + 8, &m2);
    Check(r == PARTIAL && m1 == cut + 1 && (unsigned short *)m2 == units + 1, "in: a sequence cut off: partial before it");

    st = (mbstatet){0};
    r = in(&c, &st, "\x80z", "\x80z" + 2, &m1, units, units + 8, &m2);
    Check(r == ERR && *m1 == 'z', "in: a stray continuation byte: error past it");
    static const char bad[] = "\xC3\x41";
    st = (mbstatet){0};
    r = in(&c, &st, bad, bad + 2, &m1, units, units + 8, &m2);
    Check(r == ERR && m1 == bad + 1, "in: a lead byte without its continuation: error at the byte");

    static const char emoji[] = "\xF0\x9F\x98\x80";
    st = (mbstatet){0};
    r = in(&c, &st, emoji, emoji + 4, &m1, units, units + 1, &m2);
    Check(r == OK && m1 == emoji + 3 && units[0] == 0xD83D && *(unsigned short *)&st > 1,
          "in with room for one unit: the high half, three bytes taken, the low half pending");
    r = in(&c, &st, m1, emoji + 4, &m1, units + 1, units + 2, &m2);
    Check(r == OK && m1 == emoji + 4 && units[1] == 0xDE00 && *(unsigned short *)&st == 1,
          "the next call: the low half from the last byte");

    static const char big[] = "\xF4\x90\x80\x80";       /* U+110000 */
    st = (mbstatet){0};
    r = in(&c, &st, big, big + 4, &m1, units, units + 8, &m2);
    Check(r == ERR, "in: a value above 0x10FFFF is an error");

    char bytes[16];
    char *b2;
    const void *p1;
    st = (mbstatet){0};
    r = out(&c, &st, want, want + 5, &p1, bytes, bytes + 16, &b2);
    Check(r == OK && b2 == bytes + 10 && Same(bytes, text, 10), "out: the same five units back to UTF-8");

    static const unsigned short lone[] = {0xD83D, 'a'};
    st = (mbstatet){0};
    r = out(&c, &st, lone, lone + 2, &p1, bytes, bytes + 16, &b2);
    Check(r == ERR && p1 == lone + 1 && b2 == bytes + 1 && (unsigned char)bytes[0] == 0xF0,
          "out: a high half before a non-surrogate: error at it, the lead byte written");
    r = unshift(&c, &st, bytes, bytes + 16, &b2);
    Check(r == ERR && b2 == bytes, "unshift with a high half pending: error");
    st = (mbstatet){0};
    Check(unshift(&c, &st, bytes, bytes + 16, &b2) == OK, "unshift in the initial state: ok");

    ctor_mode(&g, NULL, 0x10FFFF, 2, 0);                 /* _Generate_header */
    static const unsigned short a[] = {'a'};
    st = (mbstatet){0};
    r = out(&g, &st, a, a + 1, &p1, bytes, bytes + 16, &b2);
    Check(r == OK && b2 == bytes + 4 && Same(bytes, "\xEF\xBB\xBF" "a", 4) && max_length(&g) == 7,
          "out with _Generate_header: the byte order mark first; max_length 7");
    st = (mbstatet){0};
    r = out(&g, &st, a, a + 1, &p1, bytes, bytes + 3, &b2);
    Check(r == PARTIAL && b2 == bytes, "out with no room for the mark and the character: partial, nothing written");

    static const char mix[] = "A\xF0\x9F\x98\x80" "B";
    st = (mbstatet){0};
    Check(length(&c, &st, mix, mix + 6, 2) == 4, "length of 2 units over A U+1F600 B: 4 bytes (A, the high half)");
    st = (mbstatet){0};
    Check(length(&c, &st, mix, mix + 6, 3) == 5, "length of 3 units: 5 bytes");
    st = (mbstatet){0};
    Check(length(&c, &st, mix, mix + 6, 10) == 6, "length of more units than there are: all 6 bytes");
}

static void Utf32(void)
{
    ctor_fn ctor = Proc("??0" CLS32 "QEAA@_K@Z");
    ctor_mode_fn ctor_mode = Proc("??0" CLS32 "QEAA@AEBV_Locinfo@1@KW4_Codecvt_mode@1@_K@Z");
    in_fn in = Proc("?in@" CLS32 "QEBA" RES "PEBD1AEAPEBDPEA_U3AEAPEA_U@Z");
    out_fn out = Proc("?out@" CLS32 "QEBA" RES "PEB_U1AEAPEB_UPEAD3AEAPEAD@Z");
    unshift_fn unshift = Proc("?unshift@" CLS32 "QEBA" RES "PEAD1AEAPEAD@Z");
    int_fn max_length = Proc("?do_max_length@" CLS32 "MEBAHXZ");
    codecvt_u c, small;
    ctor(&c, 0);
    static const char text[] = "\xEF\xBB\xBF" "A\xC3\xA9\xF0\x9F\x98\x80";
    unsigned int cps[8];
    const char *m1;
    void *m2;
    mbstatet st = {0};
    int r = in(&c, &st, text, text + 10, &m1, cps, cps + 8, &m2);
    Check(r == OK && (unsigned int *)m2 == cps + 3 && cps[0] == 'A' && cps[1] == 0xE9 && cps[2] == 0x1F600,
          "char32_t in: the mark dropped, A, e-acute, U+1F600");
    char bytes[16];
    char *b2;
    const void *p1;
    st = (mbstatet){0};
    r = out(&c, &st, cps, cps + 3, &p1, bytes, bytes + 16, &b2);
    Check(r == OK && b2 == bytes + 7 && Same(bytes, text + 3, 7), "char32_t out: back to the same bytes");
    static const unsigned int too_big[] = {0x110000};
    st = (mbstatet){0};
    r = out(&c, &st, too_big, too_big + 1, &p1, bytes, bytes + 16, &b2);
    Check(r == ERR && b2 == bytes, "char32_t out: above _Maxcode is an error");
    ctor_mode(&small, NULL, 0xFF, 0, 0);
    st = (mbstatet){0};
    r = in(&small, &st, "\xC3\xA9\xE2\x82\xAC", "\xC3\xA9\xE2\x82\xAC" + 5, &m1, cps, cps + 8, &m2);
    Check(r == ERR && (unsigned int *)m2 == cps + 1 && cps[0] == 0xE9, "char32_t in with _Maxcode 0xFF: error at the euro");
    Check(unshift(&c, &st, bytes, bytes + 16, &b2) == NOCONV && max_length(&c) == 9 && max_length(&small) == 6,
          "char32_t unshift: noconv; max_length 9 with a header mode, else 6");
}

static void Getcat(void)
{
    getcat_fn getcat = Proc("?_Getcat@" CLS16 "SA_KPEAPEBVfacet@locale@2@PEBV42@@Z");
    const void *f = NULL;
    Check(getcat(&f, NULL) == 2 && f != NULL, "_Getcat: LC_CTYPE, a new facet");
    const codecvt_u *c = f;
    Check(c->vftable == Proc("??_7" CLS16 "6B@") && c->refs == 0 && c->maxcode == 0x10FFFF,
          "the new facet has the exported vftable, no references");
    const void *const *col = (const void *const *)c->vftable[-1];
    Check(col != NULL, "and a complete object locator before it");
}

typedef size_t (*id_index_fn)(void *id);

static void InlineFacetData(void)
{
    const unsigned char *intl = Proc("?intl@?$moneypunct@D$00@std@@2_NB");
    const unsigned char *local = Proc("?intl@?$moneypunct@_W$0A@@std@@2_NB");
    Check(*intl == 1 && *local == 0, "moneypunct<char, true>::intl is true, <wchar_t, false>::intl false");
    Check(*(const size_t *)Proc("?table_size@?$ctype@D@std@@2_KB") == 256, "ctype<char>::table_size is 256");
    id_index_fn index = Proc("??Bid@locale@std@@QEAA_KXZ");
    size_t *messages = Proc("?id@?$messages@D@std@@2V0locale@2@A");
    size_t *money_get = Proc("?id@?$money_get@_WV?$istreambuf_iterator@_WU?$char_traits@_W@std@@@std@@@std@@2V0locale@2@A");
    size_t *punct = Proc("?id@?$moneypunct@D$0A@@std@@2V0locale@2@A");
    size_t *punct_intl = Proc("?id@?$moneypunct@D$00@std@@2V0locale@2@A");
    size_t a = index(messages), b = index(money_get), c = index(punct), d = index(punct_intl);
    Check(a && b && c && d && a != b && c != d && a != c && index(messages) == a,
          "messages, money_get and both moneypunct ids: numbered once each, all different");
}

void Entry(void)
{
    msvcp = LoadLibraryW(L"msvcp140.dll");
    Check(msvcp != NULL, "msvcp140.dll loads");
    Utf16();
    Utf32();
    Getcat();
    InlineFacetData();
    ExitProcess(failures);
}
