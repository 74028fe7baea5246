/* An image with ten DLLs: exits with the sum of what they return (45). */
#include "../ldr.h"
int ten0(void), ten1(void), ten2(void), ten3(void), ten4(void), ten5(void), ten6(void), ten7(void), ten8(void),
    ten9(void);

void Entry(void)
{
    Print("ten DLLs\n");
    RtlExitUserProcess(ten0() + ten1() + ten2() + ten3() + ten4() + ten5() + ten6() + ten7() + ten8() + ten9());
}
