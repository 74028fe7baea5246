/* vcruntime140's initialisation and its small C++ support: the per-thread exception state behind
 * __current_exception(_context), __std_terminate, std::exception's message copy and destroy,
 * type_info comparison and hashing, and the telemetry hooks MSVC's start-up code calls. */
#include "vcruntime.h"

static unsigned int vcrt_tls = (unsigned int)-1;

vcrt_ptd *vcrt_getptd(void)
{
    unsigned int saved = GetLastError();
    vcrt_ptd *ptd = TlsGetValue(vcrt_tls);
    if (ptd == NULL) {
        ptd = HeapAlloc(GetProcessHeap(), 8 /* HEAP_ZERO_MEMORY */, sizeof *ptd);
        if (ptd == NULL)
            ExitProcess(255);
        TlsSetValue(vcrt_tls, ptd);
    }
    SetLastError(saved);
    return ptd;
}

int WINAPI VcrtDllMain(void *instance, unsigned int reason, void *reserved)
{
    (void)instance;
    (void)reserved;
    if (reason == 1)
        vcrt_tls = TlsAlloc();
    return 1;
}

VCRTEXP void **__current_exception(void) { return &vcrt_getptd()->curexception; }
VCRTEXP void **__current_exception_context(void) { return &vcrt_getptd()->curcontext; }
VCRTEXP int *__processing_throw(void) { return &vcrt_getptd()->processing_throw; }

VCRTEXP __attribute__((noreturn)) void __std_terminate(void)
{
    terminate();
}

/* std::exception's payload: the message and whether the exception owns it. */
typedef struct { const char *what; unsigned char do_free; } std_exception_data;

VCRTEXP void __std_exception_copy(const std_exception_data *from, std_exception_data *to)
{
    if (!from->do_free || from->what == NULL) {
        to->what = from->what;
        to->do_free = 0;
        return;
    }
    size_t n = 0;
    while (from->what[n])
        n++;
    char *copy = malloc(n + 1);
    if (copy == NULL) {
        to->what = NULL;
        to->do_free = 0;
        return;
    }
    for (size_t i = 0; i <= n; i++)
        copy[i] = from->what[i];
    to->what = copy;
    to->do_free = 1;
}

VCRTEXP void __std_exception_destroy(std_exception_data *data)
{
    if (data->do_free)
        free((void *)data->what);
    data->what = NULL;
    data->do_free = 0;
}

/* type_info's data: the undecorated name (made on demand) and the decorated one, ".?AV..." */
typedef struct { const char *undecorated; char decorated[1]; } type_info_data;

VCRTEXP int __std_type_info_compare(const type_info_data *a, const type_info_data *b)
{
    if (a == b)
        return 0;
    const unsigned char *x = (const unsigned char *)a->decorated + 1, *y = (const unsigned char *)b->decorated + 1;
    while (*x && *x == *y)
        x++, y++;
    return *x < *y ? -1 : *x > *y;
}

/* FNV-1a over the decorated name after its leading '.', as the type_info hash is defined. */
VCRTEXP size_t __std_type_info_hash(const type_info_data *data)
{
    unsigned long long h = 14695981039346656037ull;
    for (const unsigned char *p = (const unsigned char *)data->decorated + 1; *p; p++) {
        h ^= *p;
        h *= 1099511628211ull;
    }
    return (size_t)h;
}

VCRTEXP void __telemetry_main_invoke_trigger(void *module) { (void)module; }
VCRTEXP void __telemetry_main_return_trigger(void *module) { (void)module; }
