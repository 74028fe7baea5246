/* std::call_once's _Execute_once (the once_flag is an INIT_ONCE: InitOnceExecuteOnce runs the
 * callback once, the other callers wait for it) and std::random_device's _Random_device (rand_s;
 * a failure is out_of_range("invalid random_device value")). */
#include "msvcp.h"

typedef int(WINAPI *once_callback)(void *, void *, void **);
__declspec(dllimport) int WINAPI InitOnceExecuteOnce(void *, once_callback, void *, void **);
__declspec(dllimport) int rand_s(unsigned int *);
void Xout_of_range(const char *);                                       /* xthrow.c */

int Execute_once(void *flag, once_callback callback, void *arg)
{
    return InitOnceExecuteOnce(flag, callback, arg, NULL);
}

unsigned int Random_device(void)
{
    unsigned int v;
    if (rand_s(&v) != 0)
        Xout_of_range("invalid random_device value");
    return v;
}
