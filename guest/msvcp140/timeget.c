/* time_get<char, istreambuf_iterator<char>>: see timeget.inc */
#include "elem.h"
#include "timeget.inc"
