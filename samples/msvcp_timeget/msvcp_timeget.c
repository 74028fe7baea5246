/* msvcp140.dll's time_get<char> and time_get<wchar_t> under an MSVC-built C++ program
 * (timeget.cpp, clang for x86_64-pc-windows-msvc with the STL's time_get declaration in
 * msvctimeget.h). The driver only gives the C++ side what a C runtime's static part would
 * (type_info's vftable, operator new and delete, _fltused) and returns its result. */
#include "../nt.h"

int CxxMain(void);

#include "../msvcp_driver.h"

int Entry(void)
{
    return CxxMain();
}
