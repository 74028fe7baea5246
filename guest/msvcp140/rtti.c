/* Run-time type information for the objects msvcp140 makes itself (the classic locale's facets
 * and _Locimp, the standard stream objects and their buffers), so that a program's typeid and
 * dynamic_cast (vcruntime's __RTtypeid and __RTDynamicCast) work on them: the complete object
 * locator each vftable has at [-1], the class hierarchy descriptor, the base class array and the
 * type descriptors with the STL's decorated names, laid out as MSVC emits them (x64: RVAs from
 * the image base); also those of the classes' own vftables (ios_base, basic_ios, the streams,
 * basic_streambuf, facet), which a program's objects of those classes carry. The RVAs are filled
 * in at start-up, in a pool inside the image. */
#include "msvcp.h"

const void *RttiTypeInfoVftable(void);                               /* typeinfo.S */
__declspec(dllimport) int strcmp(const char *, const char *);
__declspec(dllimport) size_t strlen(const char *);
extern char __ImageBase[];

typedef struct { const void *vftable; void *spare; char name[]; } type_descriptor;
typedef struct { unsigned int signature, attributes, count; int bases; } hierarchy;
typedef struct { int type; unsigned int contained; int mdisp, pdisp, vdisp; unsigned int attributes; int hierarchy; } base_class;
#define CHD_MULTINH 1
#define CHD_VIRTINH 2
#define BCD_HASPCHD 0x40

static unsigned char pool[16384] __attribute__((aligned(16)));
static size_t used;

static void *Take(size_t n)
{
    void *p = pool + used;
    used = (used + n + 15) & ~(size_t)15;
    if (used > sizeof pool)
        abort();
    __builtin_memset(p, 0, n);
    return p;
}

static int Rva(const void *p) { return (int)((const char *)p - __ImageBase); }

/* one type descriptor per name */
static const type_descriptor *Descriptor(const char *name)
{
    static const type_descriptor *known[64];
    static int count;
    for (int i = 0; i < count; i++)
        if (strcmp(known[i]->name, name) == 0)
            return known[i];
    size_t n = strlen(name) + 1;
    type_descriptor *td = Take(sizeof *td + n);
    td->vftable = RttiTypeInfoVftable();
    __builtin_memcpy(td->name, name, n);
    if (count < 64)
        known[count++] = td;
    return td;
}

/* A class and its bases, most derived first, as the base class array lists them: each with the
 * bases it contains, where it sits (mdisp; for one reached through a virtual base, the vbtable
 * pointer's offset pdisp and the entry vdisp) and its attributes; a base's own hierarchy is
 * described by the rest of the list from it. */
typedef struct { const char *name; unsigned int contained; int mdisp, pdisp, vdisp; unsigned int attributes; } base_spec;
#define NV(name, contained) {name, contained, 0, -1, 0, BCD_HASPCHD}
#define AT_(name, contained, mdisp) {name, contained, mdisp, -1, 0, BCD_HASPCHD}
#define VB(name, contained, mdisp, attributes) {name, contained, mdisp, 0, 4, attributes}

static hierarchy *Describe(const base_spec *b, int n, unsigned int attributes)
{
    hierarchy *h[10];
    base_class *bcd[10];
    int *array = Take(sizeof(int) * (size_t)(n + 1));
    for (int i = n - 1; i >= 0; i--) {
        h[i] = Take(sizeof *h[i]);
        bcd[i] = Take(sizeof *bcd[i]);
        h[i]->count = (unsigned int)(n - i);
        h[i]->attributes = i == 0 ? attributes : 0;
        h[i]->bases = Rva(&array[i]);
        bcd[i]->type = Rva(Descriptor(b[i].name));
        bcd[i]->contained = b[i].contained;
        bcd[i]->mdisp = b[i].mdisp;
        bcd[i]->pdisp = b[i].pdisp;
        bcd[i]->vdisp = b[i].vdisp;
        bcd[i]->attributes = b[i].attributes;
        bcd[i]->hierarchy = Rva(h[i]);
        array[i] = Rva(bcd[i]);
    }
    return h[0];
}

static void Locator(rtti_col *col, int offset, const base_spec *b, int n, unsigned int attributes)
{
    hierarchy *h = Describe(b, n, attributes);
    col->signature = 1;
    col->offset = offset;
    col->cdOffset = 0;
    col->pTypeDescriptor = ((const base_class *)(__ImageBase + ((const int *)(__ImageBase + h->bases))[0]))->type;
    col->pClassDescriptor = Rva(h);
    col->pSelf = Rva(col);
}

#define FACET_BASES NV(".?AVfacet@locale@std@@", 2), NV(".?AV_Facet_base@std@@", 0), AT_(".?AU_Crt_new_delete@std@@", 0, 8)
#define TR(E) "U?$char_traits@" E "@std@@"
#define FACET(col, name) \
    do { \
        static const base_spec b[] = {NV(name, 3), FACET_BASES}; \
        Locator(&col, 0, b, 4, CHD_MULTINH); \
    } while (0)
#define FACET_VIA(col, name, mid) \
    do { \
        static const base_spec b[] = {NV(name, 4), NV(mid, 3), FACET_BASES}; \
        Locator(&col, 0, b, 5, CHD_MULTINH); \
    } while (0)
/* the stream classes: basic_ios a virtual base (the vftable is its, at `offset` in the object);
 * ios_base's empty base _Iosb<int> sits after its vftable pointer */
#define IOS(E) ".?AV?$basic_ios@" E TR(E) "@std@@"
#define IOS_BASES_VIRTUAL(E) VB(IOS(E), 2, 0, BCD_HASPCHD | 0x10), VB(".?AVios_base@std@@", 1, 0, BCD_HASPCHD), \
    VB(".?AU?$_Iosb@H@std@@", 0, 8, BCD_HASPCHD)
#define STREAM(col, cls, E, offset) \
    do { \
        static const base_spec b[] = {NV(".?AV?$" cls "@" E TR(E) "@std@@", 3), IOS_BASES_VIRTUAL(E)}; \
        Locator(&col, offset, b, 4, 0); \
    } while (0)
#define IOSTREAM(col, E) \
    do { \
        static const base_spec b[] = {NV(".?AV?$basic_iostream@" E TR(E) "@std@@", 8), \
                                      NV(".?AV?$basic_istream@" E TR(E) "@std@@", 3), IOS_BASES_VIRTUAL(E), \
                                      AT_(".?AV?$basic_ostream@" E TR(E) "@std@@", 3, 16), IOS_BASES_VIRTUAL(E)}; \
        Locator(&col, 24, b, 9, CHD_MULTINH | CHD_VIRTINH); \
    } while (0)
#define BASIC_IOS(col, E) \
    do { \
        static const base_spec b[] = {NV(IOS(E), 2), NV(".?AVios_base@std@@", 1), AT_(".?AU?$_Iosb@H@std@@", 0, 8)}; \
        Locator(&col, 0, b, 3, 0); \
    } while (0)
/* the buffers: the standard streams' are basic_filebuf over the C stream, as on Windows */
#define FILEBUF(col, E) \
    do { \
        static const base_spec b[] = {NV(".?AV?$basic_filebuf@" E TR(E) "@std@@", 1), \
                                      NV(".?AV?$basic_streambuf@" E TR(E) "@std@@", 0)}; \
        Locator(&col, 0, b, 2, 0); \
    } while (0)
#define STREAMBUF(col, E) \
    do { \
        static const base_spec b[] = {NV(".?AV?$basic_streambuf@" E TR(E) "@std@@", 0)}; \
        Locator(&col, 0, b, 1, 0); \
    } while (0)

rtti_col ctype_char_col, ctype_wchar_col, locimp_col, numpunct_col, numpunct_colW, numput_col, numput_colW,
    numget_col, numget_colW, codecvt_char_col, codecvt_wchar_col, collate_col, collate_colW, std_ostream_col,
    std_ostream_colW, std_istream_col, std_istream_colW, stdiobuf_col, stdiobuf_colW, ios_base_col, ios_col, ios_colW,
    iostream_col, iostream_colW, streambuf_col, streambuf_colW, facet_col, timeput_col, timeput_colW,
    codecvt_char16_col, codecvt_char32_col, timeget_col, timeget_colW, time_base_col;

void RttiInit(void)
{
    FACET_VIA(ctype_char_col, ".?AV?$ctype@D@std@@", ".?AUctype_base@std@@");
    FACET_VIA(ctype_wchar_col, ".?AV?$ctype@_W@std@@", ".?AUctype_base@std@@");
    FACET(locimp_col, ".?AV_Locimp@locale@std@@");
    FACET(numpunct_col, ".?AV?$numpunct@D@std@@");
    FACET(numpunct_colW, ".?AV?$numpunct@_W@std@@");
    FACET(numput_col, ".?AV?$num_put@DV?$ostreambuf_iterator@D" TR("D") "@std@@@std@@");
    FACET(numput_colW, ".?AV?$num_put@_WV?$ostreambuf_iterator@_W" TR("_W") "@std@@@std@@");
    FACET(numget_col, ".?AV?$num_get@DV?$istreambuf_iterator@D" TR("D") "@std@@@std@@");
    FACET(numget_colW, ".?AV?$num_get@_WV?$istreambuf_iterator@_W" TR("_W") "@std@@@std@@");
    FACET_VIA(codecvt_char_col, ".?AV?$codecvt@DDU_Mbstatet@@@std@@", ".?AVcodecvt_base@std@@");
    FACET_VIA(codecvt_wchar_col, ".?AV?$codecvt@_WDU_Mbstatet@@@std@@", ".?AVcodecvt_base@std@@");
    FACET_VIA(codecvt_char16_col, ".?AV?$codecvt@_SDU_Mbstatet@@@std@@", ".?AVcodecvt_base@std@@");
    FACET_VIA(codecvt_char32_col, ".?AV?$codecvt@_UDU_Mbstatet@@@std@@", ".?AVcodecvt_base@std@@");
    FACET(collate_col, ".?AV?$collate@D@std@@");
    FACET(collate_colW, ".?AV?$collate@_W@std@@");
    FACET(timeput_col, ".?AV?$time_put@DV?$ostreambuf_iterator@D" TR("D") "@std@@@std@@");
    FACET(timeput_colW, ".?AV?$time_put@_WV?$ostreambuf_iterator@_W" TR("_W") "@std@@@std@@");
    FACET_VIA(timeget_col, ".?AV?$time_get@DV?$istreambuf_iterator@D" TR("D") "@std@@@std@@", ".?AUtime_base@std@@");
    FACET_VIA(timeget_colW, ".?AV?$time_get@_WV?$istreambuf_iterator@_W" TR("_W") "@std@@@std@@",
              ".?AUtime_base@std@@");
    FACET(time_base_col, ".?AUtime_base@std@@");
    STREAM(std_ostream_col, "basic_ostream", "D", 8);
    STREAM(std_ostream_colW, "basic_ostream", "_W", 8);
    STREAM(std_istream_col, "basic_istream", "D", 16);
    STREAM(std_istream_colW, "basic_istream", "_W", 16);
    FILEBUF(stdiobuf_col, "D");
    FILEBUF(stdiobuf_colW, "_W");
    IOSTREAM(iostream_col, "D");
    IOSTREAM(iostream_colW, "_W");
    BASIC_IOS(ios_col, "D");
    BASIC_IOS(ios_colW, "_W");
    STREAMBUF(streambuf_col, "D");
    STREAMBUF(streambuf_colW, "_W");
    {
        static const base_spec b[] = {NV(".?AVios_base@std@@", 1), AT_(".?AU?$_Iosb@H@std@@", 0, 8)};
        Locator(&ios_base_col, 0, b, 2, 0);
    }
    {
        static const base_spec b[] = {FACET_BASES};
        Locator(&facet_col, 0, b, 3, CHD_MULTINH);
    }
}
