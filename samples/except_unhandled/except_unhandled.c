/* A software exception nobody handles (RtlRaiseException): the first chance finds no
 * handler, the second ends the process with the exception's code. */
#include "../seh.h"

int Entry(void)
{
    Print("raising 0xE0000001\n");
    EXCEPTION_RECORD r = {0xE0000001, 0, 0, 0, 0, {0}};
    RtlRaiseException(&r);
    Print("not reached\n");
    return 0;
}
