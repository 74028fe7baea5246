/* File streams under an MSVC-built C++ program (fstream.cpp, clang for x86_64-pc-windows-msvc
 * with basic_filebuf and the fstream classes inline from msvcfstream.h) on msvcp140's _Fiopen and
 * the UCRT's FILE. The driver only gives the C++ side what a C runtime's static part would
 * (type_info's vftable, operator delete, _fltused) and returns its result. */
#include "../nt.h"

int CxxMain(void);

const void *const type_info_vftable[1] __asm__("\"??_7type_info@@6B@\"") = {0};
int _fltused = 0x9875;
__declspec(dllimport) void free(void *);
void operator_delete(void *p) __asm__("\"??3@YAXPEAX@Z\"");
void operator_delete(void *p) { free(p); }

int Entry(void)
{
    return CxxMain();
}
