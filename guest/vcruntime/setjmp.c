/* vcruntime140's setjmp and longjmp: __intrinsic_setjmp(buf) (no frame: longjmp then restores
 * the registers without unwinding), __intrinsic_setjmpex(buf, frame) (longjmp unwinds to the
 * frame), longjmp; the shared x64 implementation (guest/common/setjmp.c). */
#include "../ntdll/except.h"
#include "../common/setjmp.c"

__asm__(".globl __intrinsic_setjmp\n"
        ".set __intrinsic_setjmp, CrtSetjmpNoFrame\n"
        ".globl __intrinsic_setjmpex\n"
        ".set __intrinsic_setjmpex, CrtSetjmpFrame\n"
        ".globl longjmp\n"
        ".set longjmp, CrtLongjmp\n"
        ".section .drectve\n"
        ".ascii \" -export:__intrinsic_setjmp -export:__intrinsic_setjmpex -export:longjmp\"\n"
        ".text\n");
