/* std::put_time and std::time_put under an MSVC-built C++ program (timeput.cpp, clang for
 * x86_64-pc-windows-msvc with <iomanip>'s declarations in msvctimeput.h), over msvcp140's time_put
 * and the UCRT's _Gettnames/_Strftime. The driver only gives the C++ side what a C runtime's static
 * part would (type_info's vftable, operator new and delete, _fltused) and returns its result. */
#include "../nt.h"

int CxxMain(void);

#include "../msvcp_driver.h"

int Entry(void)
{
    return CxxMain();
}
