/* Child processes through ucrtbase.dll (zig, the api-ms-win-crt-* sets): the checks in
 * ../crt_spawn/spawn_checks.h. */
#include "../crt_spawn/spawn_checks.h"
