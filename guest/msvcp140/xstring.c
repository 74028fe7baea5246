/* basic_string<E> values that the facets' virtuals return by value, built as the Microsoft STL
 * builds them so that the program's inline destructor frees them: the small-string buffer for up
 * to 15 bytes, else a malloc'd block (32-byte aligned with the raw pointer stored below it from
 * 4 KiB on, the STL's big-allocation rule). */
#include "facets.h"

msvc_string *StringMake(msvc_string *s, const void *text, size_t n, size_t elem)
{
    size_t small = 16 / elem - 1;
    char *dst;
    s->size = n;
    if (n <= small) {
        s->res = small;
        dst = s->bx.buf;
    } else {
        size_t bytes = (n + 1) * elem;
        if (bytes >= 4096) {
            char *raw = malloc(bytes + 47);
            if (raw == NULL)
                abort();
            dst = (char *)(((size_t)raw + 47) & ~(size_t)31);
            ((void **)dst)[-1] = raw;
        } else {
            dst = malloc(bytes);
            if (dst == NULL)
                abort();
        }
        s->bx.ptr = dst;
        s->res = n;
    }
    __builtin_memcpy(dst, text, n * elem);
    __builtin_memset(dst + n * elem, 0, elem);
    return s;
}

const void *StringData(const msvc_string *s, size_t elem) { return s->res > 16 / elem - 1 ? s->bx.ptr : s->bx.buf; }

void StringFree(msvc_string *s, size_t elem)
{
    if (s->res > 16 / elem - 1) {
        char *p = s->bx.ptr;
        free((s->res + 1) * elem >= 4096 ? ((void **)p)[-1] : p);
    }
    s->size = 0;
    s->res = 16 / elem - 1;
    s->bx.buf[0] = s->bx.buf[1] = 0;
}
