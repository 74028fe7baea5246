/* num_get<wchar_t, istreambuf_iterator<wchar_t>>: see numget.inc */
#define ELEM_WIDE
#include "elem.h"
#define NUMGET_ID numget_wchar_id
#include "numget.inc"
