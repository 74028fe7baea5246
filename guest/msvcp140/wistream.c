/* basic_istream for wchar_t: see istream.inc */
#define ELEM_WIDE
#include "elem.h"
#include "istream.inc"
