/* ucrtbase.dll's C++ exception and RTTI names: each is a forwarder to vcruntime140.dll, so
 * GetProcAddress on the UCRT gives vcruntime140's own function (loading it if it is not yet). */
#include <stdio.h>
#include <windows.h>

static const char *const NAMES[] = {
    "_CxxThrowException", "__CxxFrameHandler", "__CxxFrameHandler2", "__CxxFrameHandler3", "__RTCastToVoid",
    "__RTDynamicCast", "__RTtypeid", "__current_exception", "__current_exception_context", "__intrinsic_setjmp",
    "__intrinsic_setjmpex", "__processing_throw", "__std_exception_copy", "__std_exception_destroy",
    "__std_type_info_compare", "__std_type_info_destroy_list", "__std_type_info_hash", "__std_type_info_name",
    "__uncaught_exception", "_get_unexpected", "_local_unwind", "_set_se_translator", "set_unexpected",
    "unexpected",
};

int main(void)
{
    HMODULE ucrt = GetModuleHandleA("ucrtbase.dll");
    FARPROC first = GetProcAddress(ucrt, NAMES[0]);
    HMODULE vcrt = GetModuleHandleA("vcruntime140.dll");
    printf("vcruntime140 loaded %d\n", vcrt != NULL);
    for (unsigned i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++) {
        FARPROC a = GetProcAddress(ucrt, NAMES[i]), b = vcrt ? GetProcAddress(vcrt, NAMES[i]) : NULL;
        printf("%s %d %d\n", NAMES[i], a != NULL, a == b);
    }
    /* vcruntime's type_info::name undecorates through the UCRT's __unDName */
    typedef struct { const char *undecorated; char decorated[40]; } type_info_data;
    typedef const char *(*name_fn)(type_info_data *, void *);
    name_fn name = (name_fn)(void *)GetProcAddress(ucrt, "__std_type_info_name");
    static unsigned long long root[2] __attribute__((aligned(16)));
    type_info_data t1 = { NULL, ".?AVWidget@app@@" }, t2 = { NULL, ".PEAH" }, t3 = { NULL, ".?AU?$pair@HN@std@@" };
    printf("[%s] [%s] [%s]\n", name(&t1, root), name(&t2, root), name(&t3, root));
    ((void (*)(void *))(void *)GetProcAddress(ucrt, "__std_type_info_destroy_list"))(root);
    return first == NULL;
}
