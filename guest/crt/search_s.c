/* The context-passing forms of the sort and searches: qsort_s, bsearch_s, _lfind_s, _lsearch_s.
 * The comparison gets the caller's context first. A null array with elements, a zero element size,
 * no comparison (or no key, or no count) is EINVAL through the invalid-parameter step. The sort
 * is qsort's (stdlib.c): median-of-three quicksort, insertion sort for short runs. */
#include "secure.h"

typedef int (*cmpfn_s)(void *, const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void sort(char *b, size_t n, size_t size, cmpfn_s cmp, void *ctx)
{
    while (n > 8) {
        char *lo = b, *mid = b + (n / 2) * size, *hi = b + (n - 1) * size;
        if (cmp(ctx, mid, lo) < 0) swap(mid, lo, size);
        if (cmp(ctx, hi, mid) < 0) {
            swap(hi, mid, size);
            if (cmp(ctx, mid, lo) < 0) swap(mid, lo, size);
        }
        swap(mid, hi - size, size);             /* the pivot waits beside the end */
        char *pivot = hi - size, *i = lo, *j = pivot;
        for (;;) {
            while (cmp(ctx, i += size, pivot) < 0) ;
            while (cmp(ctx, j -= size, pivot) > 0) ;
            if (i >= j) break;
            swap(i, j, size);
        }
        swap(i, pivot, size);
        size_t left = (size_t)(i - b) / size, right = n - left - 1;
        if (left < right) {
            sort(b, left, size, cmp, ctx);
            b = i + size;
            n = right;
        } else {
            sort(i + size, right, size, cmp, ctx);
            n = left;
        }
    }
    for (size_t k = 1; k < n; k++)
        for (char *p = b + k * size; p > b && cmp(ctx, p - size, p) > 0; p -= size)
            swap(p - size, p, size);
}

CRTEXP void qsort_s(void *base, size_t n, size_t size, cmpfn_s cmp, void *ctx)
{
    if ((base == NULL && n) || (size == 0 && n) || cmp == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return;
    }
    sort(base, n, size, cmp, ctx);
}

CRTEXP void *bsearch_s(const void *key, const void *base, size_t n, size_t size, cmpfn_s cmp, void *ctx)
{
    if (n && (key == NULL || base == NULL || size == 0 || cmp == NULL)) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    const char *b = base;
    while (n) {
        const char *mid = b + (n / 2) * size;
        int c = cmp(ctx, key, mid);
        if (c == 0) return (void *)mid;
        if (c > 0) {
            b = mid + size;
            n = n - n / 2 - 1;
        } else
            n /= 2;
    }
    return NULL;
}

CRTEXP void *_lfind_s(const void *key, const void *base, unsigned *num, size_t size, cmpfn_s cmp, void *ctx)
{
    if (key == NULL || num == NULL || (base == NULL && *num) || size == 0 || cmp == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    const char *p = base;
    for (unsigned i = 0; i < *num; i++, p += size)
        if (!cmp(ctx, key, p)) return (void *)p;
    return NULL;
}

/* _lsearch_s: _lfind_s, else the key appended and the count raised. */
CRTEXP void *_lsearch_s(const void *key, void *base, unsigned *num, size_t size, cmpfn_s cmp, void *ctx)
{
    if (key == NULL || num == NULL || base == NULL || size == 0 || cmp == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    void *r = _lfind_s(key, base, num, size, cmp, ctx);
    if (r) return r;
    char *d = (char *)base + (size_t)*num * size;
    for (size_t i = 0; i < size; i++) d[i] = ((const char *)key)[i];
    (*num)++;
    return d;
}
