/* %variable% expansion, done on a whole line before it is parsed, as cmd does: a defined
 * variable becomes its value, ERRORLEVEL and CD their dynamic values when not set; on the command
 * line an undefined %NAME% stays as written, in a batch file it becomes nothing, %% becomes % and
 * %0..%9 and %* are the batch file's arguments. */
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
        DWORD got = GetEnvironmentVariableW(name, value, LINE_MAX_);
        if (got && got < LINE_MAX_)
            k = put(o, k, cap, value, got);
        else if (dynamic(name, value, LINE_MAX_))
            k = put(o, k, cap, value, wlen(value));
        else if (!in_batch)
            k = put(o, k, cap, in, n + 2);               /* left as written */
        in = end + 1;
    }
    o[k] = 0;
    cmd_free(value);
}
