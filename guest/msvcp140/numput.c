/* num_put<char, ostreambuf_iterator<char>>: see numput.inc */
#include "elem.h"
#define NUMPUT_ID numput_char_id
#include "numput.inc"
