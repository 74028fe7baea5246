/* basic_streambuf for wchar_t: see streambuf.inc */
#define ELEM_WIDE
#include "elem.h"
#include "streambuf.inc"
