/* basic_streambuf for char: see streambuf.inc */
#include "elem.h"
#include "streambuf.inc"
