/* Child processes through msvcrt.dll (mingw-w64): the checks in spawn_checks.h. */
#include "spawn_checks.h"
