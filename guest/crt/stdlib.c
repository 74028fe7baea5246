/* qsort/bsearch/_lfind/_lsearch, Microsoft's rand (seed * 214013 + 2531011, bits 16..30, the
 * seed per thread), abs/div and their wide-integer forms, getenv over the runtime's _environ. */
#include "crtwin.h"
#include "errno.h"

typedef int (*cmpfn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

/* Introspective enough for a runtime: median-of-three quicksort, insertion sort for short runs,
 * recursion on the smaller side only. */
CRTEXP void qsort(void *base, size_t n, size_t size, cmpfn cmp)
{
    char *b = base;
    while (n > 8) {
        char *lo = b, *mid = b + (n / 2) * size, *hi = b + (n - 1) * size;
        if (cmp(mid, lo) < 0) swap(mid, lo, size);
        if (cmp(hi, mid) < 0) {
            swap(hi, mid, size);
            if (cmp(mid, lo) < 0) swap(mid, lo, size);
        }
        swap(mid, hi - size, size);             /* the pivot waits beside the end */
        char *pivot = hi - size, *i = lo, *j = pivot;
        for (;;) {
            while (cmp(i += size, pivot) < 0) ;
            while (cmp(j -= size, pivot) > 0) ;
            if (i >= j) break;
            swap(i, j, size);
        }
        swap(i, pivot, size);
        size_t left = (size_t)(i - b) / size, right = n - left - 1;
        if (left < right) {
            qsort(b, left, size, cmp);
            b = i + size;
            n = right;
        } else {
            qsort(i + size, right, size, cmp);
            n = left;
        }
    }
    for (size_t k = 1; k < n; k++)
        for (char *p = b + k * size; p > b && cmp(p - size, p) > 0; p -= size)
            swap(p - size, p, size);
}

CRTEXP void *bsearch(const void *key, const void *base, size_t n, size_t size, cmpfn cmp)
{
    const char *b = base;
    while (n) {
        const char *mid = b + (n / 2) * size;
        int c = cmp(key, mid);
        if (c == 0) return (void *)mid;
        if (c > 0) {
            b = mid + size;
            n = n - n / 2 - 1;
        } else
            n /= 2;
    }
    return NULL;
}

CRTEXP void *_lfind(const void *key, const void *base, unsigned *num, unsigned size, cmpfn cmp)
{
    const char *p = base;
    for (unsigned i = 0; i < *num; i++, p += size)
        if (!cmp(key, p)) return (void *)p;
    return NULL;
}

CRTEXP void *_lsearch(const void *key, void *base, unsigned *num, unsigned size, cmpfn cmp)
{
    void *r = _lfind(key, base, num, size, cmp);
    if (r) return r;
    char *d = (char *)base + (size_t)*num * size;
    for (unsigned i = 0; i < size; i++) d[i] = ((const char *)key)[i];
    (*num)++;
    return d;
}

CRTEXP void srand(unsigned seed)
{
    crt_getptd()->rand_seed = seed;
}

CRTEXP int rand(void)
{
    crt_ptd *ptd = crt_getptd();
    ptd->rand_seed = ptd->rand_seed * 214013u + 2531011u;
    return (int)((ptd->rand_seed >> 16) & 0x7FFF);
}

/* rand_s: 32 random bits, as RtlGenRandom (advapi32!SystemFunction036) gives them, from a
 * process-wide generator (SplitMix64 over a 64-bit counter) seeded once from the performance
 * counter, the process id and the stack's address, so that the guest's runs stay as repeatable
 * as the rest of its virtual machine. EINVAL for a null pointer. */
WINBASEAPI int WINAPI QueryPerformanceCounter(long long *);
WINBASEAPI DWORD WINAPI GetCurrentProcessId(void);
static unsigned long long rand_s_state;

CRTEXP int rand_s(unsigned *value)
{
    if (value == NULL) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    crt_lock_global();
    if (rand_s_state == 0) {
        long long counter = 0;
        QueryPerformanceCounter(&counter);
        rand_s_state = (unsigned long long)counter ^ ((unsigned long long)GetCurrentProcessId() << 32)
                       ^ (unsigned long long)(uintptr_t)&counter;
    }
    unsigned long long z = (rand_s_state += 0x9E3779B97F4A7C15ull);
    crt_unlock_global();
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    *value = (unsigned)((z ^ (z >> 31)) >> 32);
    return 0;
}

CRTEXP int abs(int v) { return v < 0 ? -v : v; }
CRTEXP long labs(long v) { return v < 0 ? -v : v; }
CRTEXP long long llabs(long long v) { return v < 0 ? -v : v; }
CRTEXP long long _abs64(long long v) { return v < 0 ? -v : v; }
typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;
typedef struct { long long quot, rem; } lldiv_t;
CRTEXP div_t div(int a, int b) { div_t r = { a / b, a % b }; return r; }
CRTEXP ldiv_t ldiv(long a, long b) { ldiv_t r = { a / b, a % b }; return r; }
CRTEXP lldiv_t lldiv(long long a, long long b) { lldiv_t r = { a / b, a % b }; return r; }

CRTEXP unsigned int _rotl(unsigned int v, int s) { s &= 31; return (v << s) | (v >> ((32 - s) & 31)); }
CRTEXP unsigned int _rotr(unsigned int v, int s) { s &= 31; return (v >> s) | (v << ((32 - s) & 31)); }
CRTEXP unsigned long long _rotl64(unsigned long long v, int s) { s &= 63; return (v << s) | (v >> ((64 - s) & 63)); }
CRTEXP unsigned long long _rotr64(unsigned long long v, int s) { s &= 63; return (v >> s) | (v << ((64 - s) & 63)); }
CRTEXP unsigned short _byteswap_ushort(unsigned short v) { return (unsigned short)(v << 8 | v >> 8); }
CRTEXP unsigned long _byteswap_ulong(unsigned long v) { return __builtin_bswap32(v); }
CRTEXP unsigned long long _byteswap_uint64(unsigned long long v) { return __builtin_bswap64(v); }

/* getenv: a case-insensitive name match in the runtime's narrow environment. */
int _strnicmp(const char *, const char *, size_t);
size_t strlen(const char *);
CRTEXP char *getenv(const char *name)
{
    crt_init_narrow_env();
    if (name == NULL) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    size_t n = strlen(name);
    for (char **e = crt_environ; e && *e; e++)
        if (!_strnicmp(*e, name, n) && (*e)[n] == '=')
            return *e + n + 1;
    return NULL;
}
