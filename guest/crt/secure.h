/* The invalid-parameter step shared by the _s forms: errno set, then the handler (the UCRT's
 * default ends the process with a fast fail; msvcrt.dll's returns), then the caller returns its
 * error code. */
#pragma once
#include "crtbase.h"
#include "errno.h"

void crt_invalid_parameter(int err);

/* Report err through the invalid-parameter step and return it. */
static inline int crt_invalid(int err)
{
    crt_invalid_parameter(err);
    return err;
}
