/* msvcrt.dll's invalid-parameter entry: errno set, then the handler _set_invalid_parameter_handler
 * installed, if any, and the call returns (the system runtime has no handler of its own to end the
 * process). The UCRT's is in guest/ucrtbase/startup.c. */
#include "secure.h"

#ifdef CRT_MSVCRT
typedef void (*crt_iph)(const crt_wchar *, const crt_wchar *, const crt_wchar *, unsigned, uintptr_t);
static crt_iph handler;

CRTEXP crt_iph _set_invalid_parameter_handler(crt_iph h)
{
    crt_iph old = handler;
    handler = h;
    return old;
}

CRTEXP crt_iph _get_invalid_parameter_handler(void) { return handler; }

CRTEXP void _invalid_parameter(const crt_wchar *expr, const crt_wchar *func, const crt_wchar *file,
                               unsigned line, uintptr_t reserved)
{
    crt_iph h = handler;
    if (h)
        h(expr, func, file, line, reserved);
}

void crt_invalid_parameter(int err)
{
    crt_errno = err;
    _invalid_parameter(NULL, NULL, NULL, 0, 0);
}
#endif
