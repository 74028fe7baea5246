/* Compiles the generated layout_check.h: the build fails if a guest structure drifts from the
 * Windows layouts in kernel/layouts. */
#include "layout_check.h"
