/* ntdll's __C_specific_handler: the shared source in guest/common/cspecific.c, compiled here
 * against ntdll's own RtlUnwindEx. */
#include "ntdll.h"
#define CSPECIFIC_EXPORT NTSYSAPI
#include "../common/cspecific.c"
