/* time_put<char, ostreambuf_iterator<char>>: see timeput.inc */
#include "elem.h"
#define TIMEPUT_ID timeput_char_id
#include "timeput.inc"
