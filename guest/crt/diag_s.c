/* _strerror_s: _strerror's "prefix: message\n" (the message and "\n" without a prefix) for the
 * current errno, into a sized buffer, cut to what fits. A null buffer or a zero size is EINVAL
 * through the invalid-parameter step. */
#include "secure.h"

int strerror_s(char *buf, size_t size, int e);

CRTEXP int _strerror_s(char *buf, size_t size, const char *prefix)
{
    if (buf == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    char m[96];
    strerror_s(m, sizeof m, crt_errno);
    size_t i = 0;
    if (prefix && *prefix) {
        for (; *prefix && i + 1 < size; prefix++)
            buf[i++] = *prefix;
        for (const char *sep = ": "; *sep && i + 1 < size; sep++)
            buf[i++] = *sep;
    }
    for (size_t j = 0; m[j] && i + 1 < size; j++)
        buf[i++] = m[j];
    if (i + 1 < size)
        buf[i++] = '\n';
    buf[i] = 0;
    return 0;
}
