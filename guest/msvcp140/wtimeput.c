/* time_put<wchar_t, ostreambuf_iterator<wchar_t>>: see timeput.inc */
#define ELEM_WIDE
#include "elem.h"
#define TIMEPUT_ID timeput_wchar_id
#include "timeput.inc"
