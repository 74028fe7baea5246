/* msvcrt's _setjmp(buf, frame), _setjmpex (the same), the one-argument setjmp(buf) (no frame: its
 * longjmp restores the registers without unwinding) and longjmp(buf, value): the shared x64
 * implementation (guest/common/setjmp.c). mingw-w64's setjmp passes the caller's frame, so its
 * longjmp unwinds. */
#ifdef CRT_MSVCRT
#include "../ntdll/except.h"
#include "../common/setjmp.c"

__asm__(".globl _setjmp\n"
        ".set _setjmp, CrtSetjmpFrame\n"
        ".globl _setjmpex\n"                         /* x64's _setjmpex: the same unwinding setjmp */
        ".set _setjmpex, CrtSetjmpFrame\n"
        ".globl setjmp\n"
        ".set setjmp, CrtSetjmpNoFrame\n"
        ".globl longjmp\n"
        ".set longjmp, CrtLongjmp\n"
        ".section .drectve\n"
        ".ascii \" -export:_setjmp -export:_setjmpex -export:setjmp -export:longjmp\"\n"
        ".text\n");
#endif
