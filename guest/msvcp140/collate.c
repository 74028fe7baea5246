/* collate<char>: see collate.inc */
#include "elem.h"
#define COLLATE_ID collate_char_id
#include "collate.inc"
