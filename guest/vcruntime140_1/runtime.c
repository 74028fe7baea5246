/* vcruntime140_1's entry point and the debugger's non-local-goto hooks. */
#include "../vcruntime/vcruntime.h"

int WINAPI Vcrt1DllMain(void *instance, unsigned int reason, void *reserved)
{
    (void)instance;
    (void)reason;
    (void)reserved;
    return 1;
}

/* __NLG_Dispatch2 and __NLG_Return2: the places a debugger breaks at to follow a catch funclet's
 * call and return (the non-local goto notifications); they do nothing themselves. */
VCRTEXP void __NLG_Dispatch2(void) { __asm__ volatile(""); }
VCRTEXP void __NLG_Return2(void) { __asm__ volatile(""); }
