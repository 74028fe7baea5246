/* basic_istream for char: see istream.inc */
#include "elem.h"
#include "istream.inc"
