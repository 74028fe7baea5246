/* C++ exceptions of mingw g++ (see cxx_eh.cpp in cxx.dll) dispatched and unwound by ntdll. */
#include "../nt.h"

long long RunCxx(void);

int Entry(void)
{
    PrintHex("score ", RunCxx());
    return 0;
}
