/* Run-time type information for the objects msvcp140 makes itself (the classic locale's facets
 * and _Locimp, the standard stream objects and their buffers), so that a program's typeid and
 * dynamic_cast (vcruntime's __RTtypeid and __RTDynamicCast) work on them: the complete object
 * locator each vftable has at [-1], the class hierarchy descriptor, the base class array and the
 * type descriptors with the STL's decorated names, laid out as MSVC emits them (x64: RVAs from
 * the image base). The RVAs are filled in at start-up, in a pool inside the image. */
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

static unsigned char pool[12288] __attribute__((aligned(16)));
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
    static const type_descriptor *known[48];
    static int count;
    for (int i = 0; i < count; i++)
        if (strcmp(known[i]->name, name) == 0)
            return known[i];
    size_t n = strlen(name) + 1;
    type_descriptor *td = Take(sizeof *td + n);
    td->vftable = RttiTypeInfoVftable();
    __builtin_memcpy(td->name, name, n);
    if (count < 48)
        known[count++] = td;
    return td;
}

/* A class and its bases, most derived first (as the base class array lists them): each base's
 * own hierarchy is the rest of the list from it. virt: the bases from index virt on are reached
 * through the complete class's vbtable (its first entry); mdisp: where the empty
 * _Crt_new_delete sits. */
typedef struct { const char *name; unsigned int contained; int mdisp; } base_spec;

static hierarchy *Describe(const base_spec *b, int n, int virt)
{
    hierarchy *h[8];
    base_class *bcd[8];
    int *array = Take(sizeof(int) * (size_t)(n + 1));
    for (int i = n - 1; i >= 0; i--) {
        h[i] = Take(sizeof *h[i]);
        bcd[i] = Take(sizeof *bcd[i]);
        h[i]->count = (unsigned int)(n - i);
        h[i]->attributes = (virt > 0 && i < virt ? CHD_VIRTINH : 0) | (n - i > 2 && b[n - 1].mdisp ? CHD_MULTINH : 0);
        h[i]->bases = Rva(&array[i]);
        bcd[i]->type = Rva(Descriptor(b[i].name));
        bcd[i]->contained = b[i].contained;
        bcd[i]->mdisp = b[i].mdisp;
        bcd[i]->pdisp = virt > 0 && i >= virt ? 0 : -1;
        bcd[i]->vdisp = virt > 0 && i >= virt ? 4 : 0;
        bcd[i]->attributes = BCD_HASPCHD;
        bcd[i]->hierarchy = Rva(h[i]);
        array[i] = Rva(bcd[i]);
    }
    return h[0];
}

static void Locator(rtti_col *col, int offset, const base_spec *b, int n, int virt)
{
    hierarchy *h = Describe(b, n, virt);
    col->signature = 1;
    col->offset = offset;
    col->cdOffset = 0;
    col->pTypeDescriptor = ((const base_class *)(__ImageBase + ((const int *)(__ImageBase + h->bases))[0]))->type;
    col->pClassDescriptor = Rva(h);
    col->pSelf = Rva(col);
}

#define FACET_BASES {".?AVfacet@locale@std@@", 2, 0}, {".?AV_Facet_base@std@@", 0, 0}, {".?AU_Crt_new_delete@std@@", 0, 8}
#define TR(E) "U?$char_traits@" E "@std@@"
#define FACET(col, name) \
    do { \
        static const base_spec b[] = {{name, 3, 0}, FACET_BASES}; \
        Locator(&col, 0, b, 4, 0); \
    } while (0)
#define FACET_VIA(col, name, mid) \
    do { \
        static const base_spec b[] = {{name, 4, 0}, {mid, 3, 0}, FACET_BASES}; \
        Locator(&col, 0, b, 5, 0); \
    } while (0)
/* a standard stream: its basic_ios (a virtual base) holds the vftable, at `offset` */
#define STREAM(col, cls, E, offset) \
    do { \
        static const base_spec b[] = {{".?AV?$" cls "@" E TR(E) "@std@@", 3, 0}, \
                                      {".?AV?$basic_ios@" E TR(E) "@std@@", 2, 0}, \
                                      {".?AVios_base@std@@", 1, 0}, {".?AV?$_Iosb@H@std@@", 0, 0}}; \
        Locator(&col, offset, b, 4, 1); \
    } while (0)
/* the standard streams' buffers: basic_filebuf over the C stream, as on Windows */
#define FILEBUF(col, E) \
    do { \
        static const base_spec b[] = {{".?AV?$basic_filebuf@" E TR(E) "@std@@", 1, 0}, \
                                      {".?AV?$basic_streambuf@" E TR(E) "@std@@", 0, 0}}; \
        Locator(&col, 0, b, 2, 0); \
    } while (0)

rtti_col ctype_char_col, ctype_wchar_col, locimp_col, numpunct_col, numpunct_colW, numput_col, numput_colW,
    numget_col, numget_colW, codecvt_char_col, codecvt_wchar_col, collate_col, collate_colW, std_ostream_col,
    std_ostream_colW, std_istream_col, std_istream_colW, stdiobuf_col, stdiobuf_colW;

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
    FACET(collate_col, ".?AV?$collate@D@std@@");
    FACET(collate_colW, ".?AV?$collate@_W@std@@");
    STREAM(std_ostream_col, "basic_ostream", "D", 8);
    STREAM(std_ostream_colW, "basic_ostream", "_W", 8);
    STREAM(std_istream_col, "basic_istream", "D", 16);
    STREAM(std_istream_colW, "basic_istream", "_W", 16);
    FILEBUF(stdiobuf_col, "D");
    FILEBUF(stdiobuf_colW, "_W");
}
