/* basic_ios<char> and the standard char streams: see basic_ios.inc */
#include "elem.h"
#include "basic_ios.inc"
