/* msvcrt.dll's C++ runtime members as old MSVC-built code calls them, looked up by their decorated
 * names: type_info (name, raw_name, before, ==, !=, the destructor, the vftable), the exception
 * classes (constructors, copy, assignment, what, the vftables, the ??_F default closures), the
 * new mode and handler queries, set_terminate/set_unexpected/terminate. "terminate" as argument:
 * terminate() runs the program's handler, which ends the process with code 5. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

typedef struct { const void *vftable; char *undecorated; char decorated[32]; } type_info;
typedef struct { const void *vftable; const char *name; int do_free; } exception;

static HMODULE crt;
static void *get(const char *name)
{
    void *p = (void *)GetProcAddress(crt, name);
    if (!p) {
        printf("missing %s\n", name);
        exit(1);
    }
    return p;
}

static void handler(void)
{
    printf("terminate handler\n");
    fflush(stdout);
    exit(5);
}

int main(int argc, char **argv)
{
    crt = GetModuleHandleA("msvcrt.dll");
    typedef void (*vfn)(void);
    vfn (*set_terminate)(vfn) = get("?set_terminate@@YAP6AXXZP6AXXZ@Z");
    vfn (*set_unexpected)(vfn) = get("?set_unexpected@@YAP6AXXZP6AXXZ@Z");
    if (argc > 1 && strcmp(argv[1], "terminate") == 0) {
        set_terminate(handler);
        ((void (*)(void))get("?terminate@@YAXXZ"))();
        return 1;
    }
    if (argc > 1 && strcmp(argv[1], "unexpected") == 0) {
        set_terminate(handler);
        ((void (*)(void))get("?unexpected@@YAXXZ"))();
        return 1;
    }
    /* type_info */
    const void *ti_vft = get("??_7type_info@@6B@");
    const char *(*name)(type_info *) = get("?name@type_info@@QEBAPEBDXZ");
    const char *(*raw)(type_info *) = get("?raw_name@type_info@@QEBAPEBDXZ");
    int (*before)(type_info *, type_info *) = get("?before@type_info@@QEBAHAEBV1@@Z");
    int (*eq)(type_info *, type_info *) = get("??8type_info@@QEBAHAEBV0@@Z");
    int (*ne)(type_info *, type_info *) = get("??9type_info@@QEBAHAEBV0@@Z");
    void (*ti_dtor)(type_info *) = get("??1type_info@@UEAA@XZ");
    type_info a = { ti_vft, NULL, ".?AVwidget@@" }, b = { ti_vft, NULL, ".?AU?$pair@HN@std@@" },
              c = { ti_vft, NULL, ".?AVwidget@@" };
    const char *n1 = name(&a), *n2 = name(&a);
    printf("name [%s] cached %d stored %d\n", n1, n1 == n2, a.undecorated == n1);
    printf("name [%s] raw [%s]\n", name(&b), raw(&b));
    printf("before %d %d eq %d %d ne %d %d\n", before(&a, &b), before(&b, &a), eq(&a, &c), eq(&a, &b), ne(&a, &c),
           ne(&a, &b));
    ti_dtor(&a);
    printf("after dtor %d\n", a.undecorated == NULL);
    /* exception */
    const void *exc_vft = get("??_7exception@@6B@");
    exception *(*ctor)(exception *, const char *const *) = get("??0exception@@QEAA@AEBQEBD@Z");
    exception *(*ctor0)(exception *) = get("??0exception@@QEAA@XZ");
    exception *(*ctor_keep)(exception *, const char *const *, int) = get("??0exception@@QEAA@AEBQEBDH@Z");
    exception *(*copy)(exception *, const exception *) = get("??0exception@@QEAA@AEBV0@@Z");
    exception *(*assign)(exception *, const exception *) = get("??4exception@@QEAAAEAV0@AEBV0@@Z");
    void (*dtor)(exception *) = get("??1exception@@UEAA@XZ");
    const char *(*what)(const exception *) = get("?what@exception@@UEBAPEBDXZ");
    const char *text = "boom";
    exception e1, e2, e3, e4;
    ctor(&e1, &text);
    ctor0(&e2);
    ctor_keep(&e3, &text, 1);
    copy(&e4, &e1);
    printf("exception [%s] copied %d free %d | [%s] | [%s] kept %d free %d | copy [%s] own %d\n", what(&e1),
           e1.name != text, e1.do_free, what(&e2), what(&e3), e3.name == text, e3.do_free, what(&e4),
           e4.name != e1.name);
    printf("vftable %d %d\n", e1.vftable == exc_vft, ((void *const *)exc_vft)[1] == (void *)what);
    assign(&e2, &e1);
    printf("assigned [%s] %d\n", what(&e2), e2.vftable == exc_vft);
    dtor(&e1); dtor(&e2); dtor(&e3); dtor(&e4);
    printf("destroyed %d %d\n", e1.name == NULL, e1.do_free);
    /* bad_cast, bad_typeid, __non_rtti_object */
    exception bc, bt, nr, bc2;
    ((void (*)(exception *))get("??_Fbad_cast@@QEAAXXZ"))(&bc);
    ((void (*)(exception *))get("??_Fbad_typeid@@QEAAXXZ"))(&bt);
    ((exception * (*)(exception *, const char *))get("??0__non_rtti_object@@QEAA@PEBD@Z"))(&nr, "no rtti");
    ((exception * (*)(exception *, const exception *))get("??0bad_cast@@QEAA@AEBV0@@Z"))(&bc2, &bc);
    printf("bad_cast [%s] %d bad_typeid [%s] %d non_rtti [%s] %d copy [%s] %d\n", what(&bc),
           bc.vftable == get("??_7bad_cast@@6B@"), what(&bt), bt.vftable == get("??_7bad_typeid@@6B@"), what(&nr),
           nr.vftable == get("??_7__non_rtti_object@@6B@"), what(&bc2), bc2.vftable == bc.vftable);
    /* the deleting destructor in vftable slot 0 frees a heap object */
    exception *h = malloc(sizeof *h);
    ctor(h, &text);
    void *(*del)(exception *, unsigned) = ((void *const *)h->vftable)[0];
    printf("deleted %d\n", del(h, 1) == h);
    /* new mode and handler, terminate handlers */
    int (*set_mode)(int) = get("?_set_new_mode@@YAHH@Z");
    int (*query_mode)(void) = get("?_query_new_mode@@YAHXZ");
    void *(*query_handler)(void) = get("?_query_new_handler@@YAP6AH_K@ZXZ");
    int m0 = query_mode(), old = set_mode(1), m1 = query_mode();
    printf("new mode %d %d %d handler %d\n", m0, old, m1, query_handler() == NULL);
    set_mode(0);
    vfn t0 = set_terminate(handler), t1 = set_terminate(NULL), u0 = set_unexpected(handler), u1 = set_unexpected(NULL);
    printf("set_terminate %d %d set_unexpected %d %d\n", t0 == NULL, t1 == handler, u0 == NULL, u1 == handler);
    return 0;
}
