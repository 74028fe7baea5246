/* num_put<wchar_t, ostreambuf_iterator<wchar_t>>: see numput.inc */
#define ELEM_WIDE
#include "elem.h"
#define NUMPUT_ID numput_wchar_id
#include "numput.inc"
