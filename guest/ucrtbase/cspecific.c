/* ucrtbase's own __C_specific_handler (exported through api-ms-win-crt-private-l1-1-0, which
 * zig's and mingw-w64's UCRT start-up code import), from the shared source guest/common/cspecific.c. */
#include "../ntdll/except.h"
#define CSPECIFIC_EXPORT __declspec(dllexport)
#include "../common/cspecific.c"
