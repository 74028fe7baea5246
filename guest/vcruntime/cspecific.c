/* vcruntime140's own __C_specific_handler, from the shared source (guest/common/cspecific.c). */
#include "../ntdll/except.h"
#define CSPECIFIC_EXPORT __declspec(dllexport)
#include "../common/cspecific.c"
