/* basic_ios<wchar_t> and the standard wide streams: see basic_ios.inc */
#define ELEM_WIDE
#include "elem.h"
#include "basic_ios.inc"
