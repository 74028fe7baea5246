/* msvcrt.dll's invalid-parameter entry: errno set and the call returns (the system runtime has no
 * handler of its own to end the process). The UCRT's is in guest/ucrtbase/startup.c. */
#include "secure.h"

#ifdef CRT_MSVCRT
CRTEXP void _invalid_parameter(const crt_wchar *expr, const crt_wchar *func, const crt_wchar *file,
                               unsigned line, uintptr_t reserved)
{
    (void)expr, (void)func, (void)file, (void)line, (void)reserved;
}

void crt_invalid_parameter(int err)
{
    crt_errno = err;
    _invalid_parameter(NULL, NULL, NULL, 0, 0);
}
#endif
