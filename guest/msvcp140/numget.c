/* num_get<char, istreambuf_iterator<char>>: see numget.inc */
#include "elem.h"
#define NUMGET_ID numget_char_id
#include "numget.inc"
