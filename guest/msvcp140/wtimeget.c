/* time_get<wchar_t, istreambuf_iterator<wchar_t>>: see timeget.inc */
#define ELEM_WIDE
#include "elem.h"
#include "timeget.inc"
