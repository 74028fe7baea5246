/* msvcrt's run-time type information entry points, the shared guest/common/rtti.c, throwing
 * msvcrt's own bad_cast, bad_typeid and __non_rtti_object (exception.c). */
#ifdef CRT_MSVCRT
#include "crtwin.h"

typedef struct { const void *vftable; const char *name; int do_free; } exception;
void *crt_bad_cast_ctor(exception *, const char *);
void *crt_bad_typeid_ctor(exception *, const char *);
void *crt_non_rtti_ctor(exception *, const char *);
extern const char crt_bad_cast_throwinfo[], crt_bad_typeid_throwinfo[], crt_non_rtti_throwinfo[];
__attribute__((noreturn)) void _CxxThrowException(void *object, const void *info);     /* crt/cxx_frame.c */

static void RttiThrowBadCast(void)
{
    exception e;
    crt_bad_cast_ctor(&e, "Bad dynamic_cast!");
    _CxxThrowException(&e, crt_bad_cast_throwinfo);
}

static void RttiThrowBadTypeid(void)
{
    exception e;
    crt_bad_typeid_ctor(&e, "Attempted a typeid of NULL pointer!");
    _CxxThrowException(&e, crt_bad_typeid_throwinfo);
}

static void RttiThrowNonRtti(void)
{
    exception e;
    crt_non_rtti_ctor(&e, "Access violation - no RTTI data!");
    _CxxThrowException(&e, crt_non_rtti_throwinfo);
}

#define RTTI_EXPORT CRTEXP
#include "../common/rtti.c"
#endif
