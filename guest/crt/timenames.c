/* _Getdays, _Getmonths, _W_Getdays and _W_Getmonths, which the C++ library's _Locinfo reads for
 * time_get and time_put: the names of LC_TIME (the "C" locale's, strftime's) as one string
 * ":Sun:Sunday:Mon:Monday:..." in a malloc'd block the caller frees. */
#include "crtwin.h"

void *malloc(size_t);

static const char DAYS[] = ":Sun:Sunday:Mon:Monday:Tue:Tuesday:Wed:Wednesday:Thu:Thursday:Fri:Friday:Sat:Saturday";
static const char MONTHS[] = ":Jan:January:Feb:February:Mar:March:Apr:April:May:May:Jun:June:Jul:July:Aug:August"
                             ":Sep:September:Oct:October:Nov:November:Dec:December";

static char *Copy(const char *s, size_t n)
{
    char *p = malloc(n);
    if (p != NULL)
        __builtin_memcpy(p, s, n);
    return p;
}

static crt_wchar *Widen(const char *s, size_t n)
{
    crt_wchar *w = malloc(n * sizeof *w);
    if (w != NULL)
        for (size_t i = 0; i < n; i++)
            w[i] = (unsigned char)s[i];
    return w;
}

CRTEXP char *_Getdays(void) { return Copy(DAYS, sizeof DAYS); }
CRTEXP char *_Getmonths(void) { return Copy(MONTHS, sizeof MONTHS); }
CRTEXP crt_wchar *_W_Getdays(void) { return Widen(DAYS, sizeof DAYS); }
CRTEXP crt_wchar *_W_Getmonths(void) { return Widen(MONTHS, sizeof MONTHS); }
