/* numpunct<wchar_t>: see numpunct.inc */
#define ELEM_WIDE
#include "elem.h"
#define NUMPUNCT_ID numpunct_wchar_id
#include "numpunct.inc"
