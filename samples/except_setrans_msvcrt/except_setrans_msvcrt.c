/* except_setrans on msvcrt.dll: the same MSVC-ABI code (its tables name __CxxFrameHandler3, its
 * throws _CxxThrowException, its translators go to _set_se_translator), linked against
 * msvcrt.dll's C++ runtime instead of vcruntime140's, as programs of old MSVC versions were;
 * the same output. msvcrt has no __std_terminate (a newer compiler's helper): it is here. */
#include "../except_setrans/except_setrans.c"

__attribute__((noreturn)) void terminate(void) __asm__("\"?terminate@@YAXXZ\"");
void __std_terminate(void) { terminate(); }
