/* File streams under an MSVC-built C++ program (fstream.cpp, clang for x86_64-pc-windows-msvc
 * with basic_filebuf and the fstream classes inline from msvcfstream.h) on msvcp140's _Fiopen and
 * the UCRT's FILE. The driver only gives the C++ side what a C runtime's static part would
 * (type_info's vftable, operator delete, _fltused) and returns its result. */
#include "../nt.h"

int CxxMain(void);

#include "../msvcp_driver.h"

int Entry(void)
{
    return CxxMain();
}
