/* basic_ostream for char: see ostream.inc */
#include "elem.h"
#include "ostream.inc"
