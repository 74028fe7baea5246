/* msvcp140.dll under an MSVC-built C++ program (core.cpp, clang for x86_64-pc-windows-msvc with
 * the STL's declarations and inline code in msvcstl.h): the standard streams, the _X* throwers,
 * exception_ptr, uncaught_exceptions, mutexes, condition variables and threads. The driver only
 * gives the C++ side what a C runtime's static part would (type_info's vftable, operator delete,
 * _fltused) and returns its result. */
#include "../nt.h"

int CxxMain(void);

#include "../msvcp_driver.h"

int Entry(void)
{
    return CxxMain();
}
