/* time_base: time_get's base, a facet with nothing of its own (its dateorder enumerators are
 * constants); its constructor, destructor and vftable are exported with the class. */
#include "facets.h"

static void *TimeBaseDelete(facet *f, unsigned int flags)
{
    if (flags & 1)
        free(f);
    return f;
}

static const void *const time_base_storage[] = {&time_base_col, TimeBaseDelete, FacetIncref, FacetDecref};
__asm__(".globl time_base_vftable\n.set time_base_vftable, time_base_storage + 8\n");

facet *TimeBaseCtor(facet *f, size_t refs)
{
    f->vftable = time_base_storage + 1;
    f->refs = (unsigned long)refs;
    return f;
}

facet *TimeBaseCtorDefault(facet *f) { return TimeBaseCtor(f, 0); }
void TimeBaseDtor(facet *f) { (void)f; }
