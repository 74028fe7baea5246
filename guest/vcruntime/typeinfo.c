/* type_info::name() as vcruntime140 gives it to the STL's inline code: __std_type_info_name
 * undecorates the type descriptor's decorated name through ucrtbase's __unDName
 * (".?AVWidget@app@@" -> "class app::Widget", ".H" -> "int", ".PEAH" -> "int * __ptr64") once, keeps the text in the descriptor, and links
 * the allocation into the module's __type_info_root_node list (an SLIST_HEADER), which
 * __std_type_info_destroy_list frees when the module's CRT ends. */
#include "vcruntime.h"

typedef struct { const char *undecorated; char decorated[1]; } type_info_data;
typedef struct __attribute__((aligned(16))) slist_entry { struct slist_entry *next; } slist_entry;
typedef struct __attribute__((aligned(16))) { unsigned long long alignment, region; } slist_header;

__declspec(dllimport) slist_entry *__stdcall RtlInterlockedPushEntrySList(slist_header *, slist_entry *);
__declspec(dllimport) slist_entry *__stdcall RtlInterlockedFlushSList(slist_header *);

/* type_info's vftable, which every type descriptor points to (exported as data, as code built
 * against the static part of vcruntime.lib may import it): its one virtual function is the
 * scalar deleting destructor. */
void *VcrtTypeInfoDelete(void *self, unsigned int flags)
{
    if (flags & 1)
        free(self);
    return self;
}

__asm__(".section .rdata,\"dr\"\n"
        ".p2align 3\n"
        "    .quad 0\n"                                      /* no locator for type_info itself */
        ".globl \"??_7type_info@@6B@\"\n"
        "\"??_7type_info@@6B@\": .quad VcrtTypeInfoDelete\n"
        ".section .drectve\n"
        ".ascii \" -export:\\\"??_7type_info@@6B@\\\",data\"\n"
        ".text\n");

/* The text type_info::name() shows for a decorated name (without its leading '.'): the UCRT's
 * undecorator with UNDNAME_32_BIT_DECODE | UNDNAME_TYPE_ONLY; 0 when it cannot read the name. */
__declspec(dllimport) char *__unDName(char *, const char *, int, void *(*)(size_t), void (*)(void *), unsigned short);

static int Undecorate(const char *decorated, char *out, size_t cap)
{
    if (__unDName(out, decorated, (int)cap, NULL, NULL, 0x2800) == NULL)
        return 0;
    size_t n = 0;
    while (out[n])
        n++;
    while (n && out[n - 1] == ' ')             /* no trailing blanks */
        out[--n] = 0;
    return 1;
}

VCRTEXP const char *__std_type_info_name(type_info_data *data, slist_header *root)
{
    const char *known = __atomic_load_n(&data->undecorated, __ATOMIC_ACQUIRE);
    if (known != NULL)
        return known;
    char text[512];
    const char *decorated = data->decorated + 1;
    if (!Undecorate(decorated, text, sizeof text)) {
        size_t n = 0;
        while (decorated[n] && n + 1 < sizeof text) {
            text[n] = decorated[n];
            n++;
        }
        text[n] = 0;
    }
    size_t n = 0;
    while (text[n])
        n++;
    slist_entry *block = malloc(sizeof(slist_entry) + n + 1);
    if (block == NULL)
        return NULL;
    char *copy = (char *)(block + 1);
    for (size_t i = 0; i <= n; i++)
        copy[i] = text[i];
    const char *expected = NULL;
    if (!__atomic_compare_exchange_n(&data->undecorated, &expected, copy, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        free(block);                            /* another thread named it first */
        return expected;
    }
    RtlInterlockedPushEntrySList(root, block);
    return copy;
}

VCRTEXP void __std_type_info_destroy_list(slist_header *root)
{
    slist_entry *e = RtlInterlockedFlushSList(root);
    while (e != NULL) {
        slist_entry *next = e->next;
        free(e);
        e = next;
    }
}
