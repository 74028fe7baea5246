/* numpunct<char>: see numpunct.inc */
#include "elem.h"
#define NUMPUNCT_ID numpunct_char_id
#include "numpunct.inc"
