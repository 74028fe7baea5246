/* collate<wchar_t>: see collate.inc */
#define ELEM_WIDE
#include "elem.h"
#define COLLATE_ID collate_wchar_id
#include "collate.inc"
