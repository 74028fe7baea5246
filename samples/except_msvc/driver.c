/* The driver of eh.o (MSVC-style C++ exceptions: typed catch, catch of a base class by
 * reference, a cleanup during the unwind, catch(...) with a rethrow caught outside), for
 * guest/common/cxx_eh.c (in vcruntime140.dll and, as guest/crt/cxx_frame.c, in msvcrt.dll). Not
 * built yet: it needs vcruntime140.dll (or msvcrt.dll) in guest/bin (issue14).
 * Once it is there, rename this file except_msvc.c and add build.toml with
 *   links = ["vcruntime140.dll"]
 *   flags = ["eh.o"]            (eh.o from eh.ll: llc-14 -O1 -filetype=obj eh.ll -o eh.o)
 * Expected stdout (checked on a build with issue14's vcruntime140.dll):
 *   "  cleanup in WithCleanup()\ncaught int x = 0x7\nCatchTyped(int 7) = 0x7\n"
 *   "  cleanup in WithCleanup()\ncaught Base& with v = 0x5\nCatchTyped(Derived 5) = 0x3ed\n"
 *   "  cleanup in WithCleanup()\ncatch(...): rethrow\nouter catch(int) got x = 0x9\nRethrow(9) = 0x9\n"
 * and exit code 0. */
#include "../nt.h"

long long CatchTyped(int kind, int v);
long long Rethrow(int v);
void Say(const char *s) { Print(s); }
void SayNumber(const char *s, long long v) { Print(s); PrintHex("", v); }

int Entry(void)
{
    PrintHex("CatchTyped(int 7) = ", CatchTyped(0, 7));
    PrintHex("CatchTyped(Derived 5) = ", CatchTyped(1, 5));
    PrintHex("Rethrow(9) = ", Rethrow(9));
    return 0;
}
