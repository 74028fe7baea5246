/* std::put_time and std::time_put under an MSVC-built C++ program (timeput.cpp, clang for
 * x86_64-pc-windows-msvc with <iomanip>'s declarations in msvctimeput.h), over msvcp140's time_put
 * and the UCRT's _Gettnames/_Strftime. The driver only gives the C++ side what a C runtime's static
 * part would (type_info's vftable, operator new and delete, _fltused) and returns its result. */
#include "../nt.h"

int CxxMain(void);

const void *const type_info_vftable[1] __asm__("\"??_7type_info@@6B@\"") = {0};
int _fltused = 0x9875;
__attribute__((aligned(16))) unsigned long long __type_info_root_node[2];   /* type_info::name()'s list */
__declspec(dllimport) void free(void *);
void operator_delete(void *p) __asm__("\"??3@YAXPEAX@Z\"");
void operator_delete(void *p) { free(p); }
__declspec(dllimport) void *malloc(unsigned long long);
void *operator_new(unsigned long long n) __asm__("\"??2@YAPEAX_K@Z\"");
void *operator_new(unsigned long long n) { return malloc(n); }

int Entry(void)
{
    return CxxMain();
}
