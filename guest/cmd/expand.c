/* %variable% expansion, done on a whole line before it is parsed, as cmd does: a defined
 * variable becomes its value, ERRORLEVEL and CD their dynamic values when not set; on the command
 * line an undefined %NAME% stays as written, in a batch file it becomes nothing, %% becomes % and
 * %0..%9 and %* are the batch file's arguments. %NAME:~start,length% and %NAME:find=replace%
 * change the value on the way. */
#include "cmd.h"

extern const WCHAR *batch_args[10];
extern const WCHAR *batch_all;

static size_t put(WCHAR *o, size_t k, size_t cap, const WCHAR *s, size_t n)
{
    for (size_t i = 0; i < n && k + 1 < cap; i++)
        o[k++] = s[i];
    return k;
}

static int dynamic(const WCHAR *name, WCHAR *value, size_t cap)
{
    static const WCHAR el[] = { 'E', 'R', 'R', 'O', 'R', 'L', 'E', 'V', 'E', 'L', 0 }, cd[] = { 'C', 'D', 0 };
    if (wieq(name, el)) {
        char buf[16], *p = buf + 15;
        int v = errorlevel;
        unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
        *p = 0;
        do *--p = (char)('0' + u % 10); while (u /= 10);
        if (v < 0) *--p = '-';
        size_t k = 0;
        while (*p) value[k++] = (WCHAR)*p++;
        value[k] = 0;
        return 1;
    }
    if (wieq(name, cd))
        return GetCurrentDirectoryW((DWORD)cap, value) != 0;
    return 0;
}

static int number_at(const WCHAR **p)
{
    int neg = 0, v = 0;
    if (**p == '-') { neg = 1; (*p)++; }
    while (**p >= '0' && **p <= '9') v = v * 10 + (*(*p)++ - '0');
    return neg ? -v : v;
}

/* The value (n characters, in place) with a substring (~start,length; negatives count from the
 * end) or a replacement (find=replace, case-insensitive; *find: everything up to it) applied. */
static size_t apply_modifier(WCHAR *v, size_t n, const WCHAR *m)
{
    if (*m == '~') {
        m++;
        int start = number_at(&m), len = (int)n;
        int has_len = *m == ',';
        if (has_len) { m++; len = number_at(&m); }
        if (start < 0) start += (int)n;
        if (start < 0) start = 0;
        if (start > (int)n) start = (int)n;
        int avail = (int)n - start;
        if (!has_len) len = avail;
        else if (len < 0) len = avail + len;
        if (len < 0) len = 0;
        if (len > avail) len = avail;
        for (int i = 0; i < len; i++) v[i] = v[start + i];
        v[len] = 0;
        return (size_t)len;
    }
    const WCHAR *eq = m;
    while (*eq && *eq != '=') eq++;
    if (*eq != '=' || eq == m)
        return n;
    int star = *m == '*';
    const WCHAR *find = m + star, *rep = eq + 1;
    size_t fl = (size_t)(eq - find), rl = wlen(rep);
    if (fl == 0)
        return n;
    WCHAR *outv = cmd_alloc(LINE_MAX_ * sizeof(WCHAR));
    size_t k = 0, i = 0;
    int done = 0;
    while (i < n && k + rl < LINE_MAX_ - 1) {
        if (!done && i + fl <= n && wnieq(v + i, find, fl)) {
            if (star) k = 0;                            /* *find: what comes before goes too */
            for (size_t j = 0; j < rl; j++) outv[k++] = rep[j];
            i += fl;
            if (star) done = 1;
            continue;
        }
        outv[k++] = v[i++];
    }
    for (size_t j = 0; j < k; j++) v[j] = outv[j];
    v[k] = 0;
    cmd_free(outv);
    return k;
}

void expand_variables(const WCHAR *in, WCHAR *o, size_t cap)
{
    size_t k = 0;
    WCHAR name[256], *value = cmd_alloc(LINE_MAX_ * sizeof(WCHAR));
    while (*in && k + 1 < cap) {
        if (*in != '%') {
            o[k++] = *in++;
            continue;
        }
        if (in_batch) {
            if (in[1] == '%') { o[k++] = '%'; in += 2; continue; }
            if (in[1] >= '0' && in[1] <= '9') {
                const WCHAR *a = batch_args[in[1] - '0'];
                if (a) k = put(o, k, cap, a, wlen(a));
                in += 2;
                continue;
            }
            if (in[1] == '*') {
                if (batch_all) k = put(o, k, cap, batch_all, wlen(batch_all));
                in += 2;
                continue;
            }
        }
        const WCHAR *end = in + 1;
        while (*end && *end != '%' && end - in < 255)
            end++;
        if (*end != '%' || end == in + 1) {              /* no closing % (or %%): a plain % */
            o[k++] = *in++;
            continue;
        }
        size_t n = (size_t)(end - in - 1);
        for (size_t i = 0; i < n; i++)
            name[i] = in[1 + i];
        name[n] = 0;
        WCHAR *modifier = NULL;                         /* NAME:~start,length or NAME:find=replace */
        for (WCHAR *c = name; *c; c++)
            if (*c == ':') {
                *c = 0;
                modifier = c + 1;
                break;
            }
        DWORD got = GetEnvironmentVariableW(name, value, LINE_MAX_);
        int defined = got && got < LINE_MAX_;
        if (!defined && dynamic(name, value, LINE_MAX_))
            defined = 1, got = (DWORD)wlen(value);
        if (defined && modifier)
            got = (DWORD)apply_modifier(value, got, modifier);
        if (defined)
            k = put(o, k, cap, value, got);
        else if (!in_batch)
            k = put(o, k, cap, in, n + 2);               /* left as written */
        in = end + 1;
    }
    o[k] = 0;
    cmd_free(value);
}
