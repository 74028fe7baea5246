/* basic_ostream for wchar_t: see ostream.inc */
#define ELEM_WIDE
#include "elem.h"
#include "ostream.inc"
