/* <iomanip>'s exported manipulators setw, setprecision, setbase, setiosflags and resetiosflags:
 * each returns an _Smanip (the function that applies it to an ios_base and its argument) in the
 * caller's slot, which the header's inline operator<< and operator>> call. */
#include "msvcp.h"

typedef struct { void (*fn)(ios_base *, streamsize); streamsize arg; } smanip_size;
typedef struct { void (*fn)(ios_base *, int); int arg; } smanip_int;

static void SetWidth(ios_base *b, streamsize w) { b->wide = w; }
static void SetPrecision(ios_base *b, streamsize p) { b->prec = p; }

static void SetBase(ios_base *b, int base)
{
    int flag = base == 8 ? IOS_OCT : base == 10 ? IOS_DEC : base == 16 ? IOS_HEX : 0;
    b->fmtfl = (b->fmtfl & ~IOS_BASEFIELD) | flag;
}

static void SetFlags(ios_base *b, int mask) { b->fmtfl |= mask & 0xffff; }
static void ResetFlags(ios_base *b, int mask) { b->fmtfl &= ~mask; }

smanip_size *Setw(smanip_size *out, streamsize w) { *out = (smanip_size){SetWidth, w}; return out; }
smanip_size *Setprecision(smanip_size *out, streamsize p) { *out = (smanip_size){SetPrecision, p}; return out; }
smanip_int *Setbase(smanip_int *out, int base) { *out = (smanip_int){SetBase, base}; return out; }
smanip_int *Setiosflags(smanip_int *out, int mask) { *out = (smanip_int){SetFlags, mask}; return out; }
smanip_int *Resetiosflags(smanip_int *out, int mask) { *out = (smanip_int){ResetFlags, mask}; return out; }
