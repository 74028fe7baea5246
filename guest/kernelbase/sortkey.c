/* Family 9, LCMapString(Ex) LCMAP_SORTKEY: a key whose byte order (memcmp, shorter first) is the
 * order CompareStringEx gives the strings with the same flags. Windows' layout: the primary weights
 * (two bytes a character; 0xFF and two more for the last few), then 0x01 and the diacritic
 * weights, 0x01 and the case weights, 0x01 and the special weights (where a hyphen or apostrophe
 * stood among the primary characters), and a final 0x00. Weights are at least 2 so the 0x01
 * separators sort first; trailing default weights (2) are left out, as Windows trims them. */
#include "kernelbase.h"
#include "sortkey.h"

#define VALID_SORTKEY_FLAGS (LCMAP_SORTKEY | NORM_IGNORECASE | NORM_IGNORENONSPACE | NORM_IGNORESYMBOLS | \
                             LINGUISTIC_IGNORECASE | LINGUISTIC_IGNOREDIACRITIC | NORM_IGNOREKANATYPE | \
                             NORM_IGNOREWIDTH | NORM_LINGUISTIC_CASING | SORT_STRINGSORT | SORT_DIGITSASNUMBERS)

typedef struct { BYTE *dst; int size, n; } KEY;

static void Put(KEY *k, BYTE b)
{
    if (k->n < k->size) k->dst[k->n] = b;
    k->n++;
}

/* A level's weights with its trailing defaults dropped. */
static void PutLevel(KEY *k, const BYTE *w, int count)
{
    while (count && w[count - 1] == 2) count--;
    for (int i = 0; i < count; i++) Put(k, w[i]);
}

int BaseSortKey(DWORD flags, LPCWSTR src, int srclen, BYTE *dst, int dstlen)
{
    if (flags & ~(DWORD)VALID_SORTKEY_FLAGS) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (srclen < 0) srclen = (int)wcslen(src);          /* the key of the string without its NUL */
    BOOL ignore_case = (flags & (NORM_IGNORECASE | LINGUISTIC_IGNORECASE)) != 0;
    BOOL ignore_accent = (flags & (NORM_IGNORENONSPACE | LINGUISTIC_IGNOREDIACRITIC)) != 0;
    BOOL ignore_symbols = (flags & NORM_IGNORESYMBOLS) != 0, string_sort = (flags & SORT_STRINGSORT) != 0;
    BYTE *levels = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)srclen * 3 + 3);
    if (levels == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
    BYTE *accents = levels, *cases = levels + srclen, *specials = levels + 2 * srclen;
    KEY k = { dst, dstlen, 0 };
    int count = 0;                                      /* characters with a primary weight */
    BOOL special = FALSE;                               /* a hyphen or apostrophe since the last one */

    /* Step 1: the primary weights, as CompareStringEx walks the string. */
    for (int i = 0; i < srclen; i++) {
        WEIGHT w = BaseSortWeight(src[i]);
        if (w.Special && !string_sort) { special = TRUE; continue; }
        if (w.Special) w.Primary = 0x100 + src[i];
        if (ignore_symbols && w.Primary >= 0x100 && w.Primary < 0x200) continue;
        if (w.Primary < 0xFE00) {
            Put(&k, (BYTE)((w.Primary >> 8) + 1));
            Put(&k, (BYTE)w.Primary);
        } else {
            Put(&k, 0xFF);
            Put(&k, (BYTE)((w.Primary >> 8) - 0xFE));
            Put(&k, (BYTE)w.Primary);
        }
        accents[count] = ignore_accent ? 2 : (BYTE)(2 + w.Accent);
        cases[count] = ignore_case ? 2 : (BYTE)(2 + w.Upper);
        specials[count] = special ? 3 : 2;
        special = FALSE;
        count++;
    }
    specials[count] = special ? 3 : 2;                  /* after the last primary character */

    /* Step 2: the other levels, each after its separator. */
    Put(&k, 1);
    PutLevel(&k, accents, count);
    Put(&k, 1);
    PutLevel(&k, cases, count);
    Put(&k, 1);
    PutLevel(&k, specials, count + 1);
    Put(&k, 0);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, levels);
    if (dstlen && k.n > dstlen) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    return k.n;
}
