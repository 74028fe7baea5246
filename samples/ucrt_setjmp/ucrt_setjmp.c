/* setjmp/longjmp from a zig-built (UCRT) program: a jump out of a deep recursion, the value 0
 * turned into 1, a second jump to a buffer set again, locals kept in volatile storage, and the
 * one-argument setjmp export of ucrtbase.dll reached by name. */
#include <setjmp.h>
#include <stdio.h>
#include <windows.h>

static jmp_buf outer, inner;
static int depth_reached;

static void dive(int depth, int value)
{
    depth_reached = depth;
    if (depth == 50)
        longjmp(outer, value);
    dive(depth + 1, value);
    puts("FAIL dive returned");
}

static void jump_inner(void) { longjmp(inner, 7); }

int main(void)
{
    volatile int passes = 0;
    int r = setjmp(outer);
    passes++;
    if (r == 0) {
        dive(0, 42);
    } else if (r == 42) {
        printf("back from depth %d with %d (pass %d)\n", depth_reached, r, passes);
        dive(0, 0);                     /* longjmp(buf, 0) makes setjmp return 1 */
    } else {
        printf("longjmp with 0 gives %d (pass %d)\n", r, passes);
    }
    volatile int counter = 0;
    if (setjmp(inner) < 3) {
        counter++;
        if (counter < 3)
            longjmp(inner, counter);
    }
    printf("the same buffer set three times: counter %d\n", counter);
    if (setjmp(inner) == 0)
        jump_inner();
    puts("a jump from a called function: ok");
    HMODULE ucrt = GetModuleHandleA("ucrtbase.dll");
    typedef int (*setjmp_fn)(jmp_buf);
    typedef void (*longjmp_fn)(jmp_buf, int);
    setjmp_fn plain = (setjmp_fn)GetProcAddress(ucrt, "setjmp");
    longjmp_fn jump = (longjmp_fn)GetProcAddress(ucrt, "longjmp");
    printf("ucrtbase exports setjmp %s, longjmp %s\n", plain ? "yes" : "no", jump ? "yes" : "no");
    static jmp_buf by_name;
    static volatile int named;
    if (plain && jump) {
        int v = plain(by_name);        /* returns twice: no frame of its own to lose */
        if (v == 0) {
            named = 1;
            jump(by_name, 5);
        }
        printf("ucrtbase's setjmp by name returned %d after the jump (%d)\n", v, named);
    }
    return passes;
}
