/* type_info::name() as vcruntime140 gives it to the STL's inline code: __std_type_info_name
 * undecorates the type descriptor's decorated name (".?AVWidget@app@@" -> "class app::Widget",
 * ".H" -> "int", ".PEAH" -> "int * __ptr64") once, keeps the text in the descriptor, and links
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

/* -- the undecorator: a small subset of the MSVC name grammar, the part type names use */
typedef struct {
    const char *p;
    char *out;
    size_t len, cap;
    const char *names[10][2];           /* back references: name fragments 0-9 (start, end) */
    int nnames;
    int bad;
} undname;

static void Put(undname *u, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (u->len + 1 >= u->cap)
            return;
        u->out[u->len++] = s[i];
    }
    u->out[u->len] = 0;
}

static void PutS(undname *u, const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    Put(u, s, n);
}

static void Type(undname *u);

/* A fragment: "name@", a back reference digit, or a template "?$name@args@". */
static void Fragment(undname *u)
{
    char c = *u->p;
    if (c >= '0' && c <= '9') {
        int i = c - '0';
        u->p++;
        if (i < u->nnames)
            Put(u, u->names[i][0], (size_t)(u->names[i][1] - u->names[i][0]));
        else
            u->bad = 1;
        return;
    }
    if (c == '?' && u->p[1] == '$') {
        u->p += 2;
        const char *start = u->p;
        while (*u->p && *u->p != '@')
            u->p++;
        Put(u, start, (size_t)(u->p - start));
        if (*u->p)
            u->p++;
        PutS(u, "<");
        int first = 1;
        while (*u->p && *u->p != '@' && !u->bad) {
            if (!first)
                PutS(u, ",");
            first = 0;
            if (*u->p == '$' && u->p[1] == '0') {       /* an integer template argument */
                u->p += 2;
                const char *num = u->p;
                while (*u->p && *u->p != '@')
                    u->p++;
                Put(u, num, (size_t)(u->p - num));
                if (*u->p)
                    u->p++;
            } else {
                Type(u);
            }
        }
        if (*u->p == '@')
            u->p++;
        if (u->out[u->len - 1] == '>')
            PutS(u, " ");
        PutS(u, ">");
        return;
    }
    const char *start = u->p;
    while (*u->p && *u->p != '@')
        u->p++;
    if (u->nnames < 10) {
        u->names[u->nnames][0] = start;
        u->names[u->nnames][1] = u->p;
        u->nnames++;
    }
    Put(u, start, (size_t)(u->p - start));
    if (*u->p)
        u->p++;
    else
        u->bad = 1;
}

/* A qualified name: fragments innermost first, ended by '@'; printed outermost first. */
static void QualifiedName(undname *u)
{
    char parts[8][128];
    int n = 0;
    while (*u->p && *u->p != '@' && !u->bad && n < 8) {
        undname sub = *u;
        sub.out = parts[n];
        sub.len = 0;
        sub.cap = sizeof parts[n];
        parts[n][0] = 0;
        Fragment(&sub);
        u->p = sub.p;
        u->bad = sub.bad;
        for (int i = u->nnames; i < sub.nnames; i++) {
            u->names[i][0] = sub.names[i][0];
            u->names[i][1] = sub.names[i][1];
        }
        u->nnames = sub.nnames;
        n++;
    }
    if (*u->p == '@')
        u->p++;
    for (int i = n - 1; i >= 0; i--) {
        PutS(u, parts[i]);
        if (i)
            PutS(u, "::");
    }
}

static const char *const PRIMITIVES[26] = {
    [2] = "signed char", [3] = "char", [4] = "unsigned char", [5] = "short", [6] = "unsigned short", [7] = "int",
    [8] = "unsigned int", [9] = "long", [10] = "unsigned long", [12] = "float", [13] = "double",
    [14] = "long double", [23] = "void"};
static const char *const EXTENDED[26] = {
    [9] = "__int64", [10] = "unsigned __int64", [13] = "bool", [16] = "char8_t", [18] = "char16_t",
    [20] = "char32_t", [22] = "wchar_t"};

static void Type(undname *u)
{
    char c = *u->p++;
    if (c >= 'A' && c <= 'Z' && PRIMITIVES[c - 'A'] != NULL) {
        PutS(u, PRIMITIVES[c - 'A']);
        return;
    }
    if (c == '_' && *u->p >= 'A' && *u->p <= 'Z' && EXTENDED[*u->p - 'A'] != NULL) {
        PutS(u, EXTENDED[*u->p++ - 'A']);
        return;
    }
    if (c == 'V' || c == 'U' || c == 'T') {
        PutS(u, c == 'V' ? "class " : c == 'U' ? "struct " : "union ");
        QualifiedName(u);
        return;
    }
    if (c == 'W' && *u->p == '4') {
        u->p++;
        PutS(u, "enum ");
        QualifiedName(u);
        return;
    }
    if (c == 'P' || c == 'Q' || c == 'A' || (c == '$' && *u->p == '$' && u->p[1] == 'Q')) {
        int rvalue = c == '$';
        if (rvalue)
            u->p += 2;
        int ptr64 = *u->p == 'E';
        if (ptr64)
            u->p++;
        char cv = *u->p ? *u->p++ : 0;          /* A plain, B const, C volatile, D const volatile */
        Type(u);
        if (cv == 'B' || cv == 'D')
            PutS(u, " const");
        if (cv == 'C' || cv == 'D')
            PutS(u, " volatile");
        PutS(u, c == 'A' ? " &" : rvalue ? " &&" : " *");
        if (c == 'Q')
            PutS(u, " const");
        if (ptr64)
            PutS(u, " __ptr64");
        return;
    }
    u->bad = 1;
}

/* The text type_info::name() shows for a decorated name (without its leading '.'); NULL when
 * the grammar above does not cover it (the caller then shows the decorated name). */
static int Undecorate(const char *decorated, char *out, size_t cap)
{
    undname u = {decorated, out, 0, cap, {{0}}, 0, 0};
    out[0] = 0;
    if (decorated[0] == '?' && decorated[1] == 'A')
        u.p += 2;                              /* "?A": a type's name */
    Type(&u);
    return !u.bad && *u.p == 0;
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
