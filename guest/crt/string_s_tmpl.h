/* One character width of the secure string forms (string_s.c includes it twice). Before including:
 * T the character type, STR_(name) and the names of the functions it defines, LOWER_/UPPER_ the
 * case mapping of the "C" locale. The documented rules: a null destination or a zero size is
 * EINVAL; a destination not terminated within its size is emptied, EINVAL; a result that does not
 * fit empties it, ERANGE, except with count _TRUNCATE, which keeps what fits and returns
 * STRUNCATE; a null source with a nonzero count empties it, EINVAL; every error goes through the
 * invalid-parameter step. A null destination, zero size and zero count together is no error. */

#define TRUNCATE_ ((size_t)-1)

static size_t LEN_(const T *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

CRTEXP int NCAT_(T *d, size_t size, const T *s, size_t count)
{
    if (count == 0 && d == NULL && size == 0)
        return 0;
    if (d == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    if (s == NULL && count) {
        d[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    size_t dl = LEN_(d, size);
    if (dl == size) {
        d[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    size_t n = count ? LEN_(s, count) : 0;
    if (dl + n >= size) {
        if (count != TRUNCATE_) {
            d[0] = 0;
            return crt_invalid(CRT_ERANGE);
        }
        n = size - 1 - dl;
        for (size_t i = 0; i < n; i++)
            d[dl + i] = s[i];
        d[dl + n] = 0;
        return CRT_STRUNCATE;
    }
    for (size_t i = 0; i < n; i++)
        d[dl + i] = s[i];
    d[dl + n] = 0;
    return 0;
}

/* _strlwr_s / _strupr_s: the string mapped in place. */
static int map_s(T *s, size_t size, int upper)
{
    if (s == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    size_t n = LEN_(s, size);
    if (n == size) {
        s[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    for (size_t i = 0; i < n; i++)
        s[i] = (T)(upper ? UPPER_(s[i]) : LOWER_(s[i]));
    return 0;
}

CRTEXP int LWR_S_(T *s, size_t size) { return map_s(s, size, 0); }
CRTEXP int UPR_S_(T *s, size_t size) { return map_s(s, size, 1); }
CRTEXP int LWR_S_L_(T *s, size_t size, void *loc) { (void)loc; return map_s(s, size, 0); }
CRTEXP int UPR_S_L_(T *s, size_t size, void *loc) { (void)loc; return map_s(s, size, 1); }

/* The plain _l forms: the string mapped in place and returned (NULL: EINVAL, NULL back). */
static T *map(T *s, int upper)
{
    if (s == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    for (T *p = s; *p; p++)
        *p = (T)(upper ? UPPER_(*p) : LOWER_(*p));
    return s;
}

CRTEXP T *LWR_L_(T *s, void *loc) { (void)loc; return map(s, 0); }
CRTEXP T *UPR_L_(T *s, void *loc) { (void)loc; return map(s, 1); }

/* _strset_s / _strnset_s: up to the terminator (and count) set to c. */
CRTEXP int SET_S_(T *s, size_t size, int c)
{
    if (s == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    size_t n = LEN_(s, size);
    if (n == size) {
        s[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    for (size_t i = 0; i < n; i++)
        s[i] = (T)c;
    return 0;
}

CRTEXP int NSET_S_(T *s, size_t size, int c, size_t count)
{
    if (count == 0 && s == NULL && size == 0)
        return 0;
    if (s == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    size_t n = LEN_(s, size);
    if (n == size && count >= size) {
        s[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    for (size_t i = 0; i < n && i < count; i++)
        s[i] = (T)c;
    return 0;
}

#undef TRUNCATE_
