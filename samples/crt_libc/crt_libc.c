/* The rest of msvcrt.dll against known answers: Microsoft's rand sequence, strtod's rounding,
 * strtol's overflow and errno, sscanf, qsort, math results by their bits, setjmp/longjmp and
 * _putenv/getenv, signals and the exception filter. */
#include "../crt.h"

static int by_value(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static void on_signal(int sig)
{
    printf("handler got signal %d\n", sig);
}

static unsigned char jump_buffer[256] __attribute__((aligned(16)));

static void __attribute__((noinline)) jump(int v)
{
    longjmp(jump_buffer, v);
}

/* A frame-based handler on the frame between setjmp's and longjmp's: a longjmp to a frame unwinds
 * through it (STATUS_LONGJUMP, EXCEPTION_UNWINDING), as the x64 CRT's does. */
int UnwindSpy(unsigned int *record, void *frame, void *context, void *dispatcher)
{
    (void)frame, (void)context, (void)dispatcher;
    if (record[1] & 2)
        printf("  unwinding through the middle frame: code %#x flags %#x\n", record[0], record[1]);
    return 1;                                   /* ExceptionContinueSearch */
}

static void __attribute__((noinline)) middle(int v)
{
    __asm__ volatile(".seh_handler UnwindSpy, @unwind, @except");
    jump(v);
    __asm__ volatile("nop");                    /* the call is not the function's last instruction */
}

static void bits(const char *what, double d)
{
    unsigned long long u;
    memcpy(&u, &d, sizeof u);
    printf("%s %016llx\n", what, u);
}

void Entry(void)
{
    srand(1);
    for (int i = 0; i < 8; i++)
        printf("%d ", rand());
    printf("\n");
    srand(12345);
    for (int i = 0; i < 8; i++)
        printf("%d ", rand());
    printf("\n");

    bits("strtod 0.1", strtod("0.1", 0));
    bits("strtod 2.2250738585072011e-308", strtod("2.2250738585072011e-308", 0));
    bits("strtod 9007199254740993", strtod("9007199254740993", 0));
    errno = 0;
    long big = strtol("99999999999", 0, 10);
    printf("strtol overflow %ld errno %d\n", big, errno);
    errno = 0;
    unsigned long neg = strtoul("-1", 0, 10);
    printf("strtoul -1 %lu errno %d\n", neg, errno);
    printf("strtol 0x1f base 0 %ld, 017 base 0 %ld\n", strtol("0x1f", 0, 0), strtol("017", 0, 0));

    int a = 0, b = 0;
    char word[16];
    double d = 0;
    int n = sscanf("42 0x1F word 2.5", "%d %x %15s %lf", &a, &b, word, &d);
    printf("sscanf %d: %d %d %s %g\n", n, a, b, word, d);

    int v[] = { 5, 3, 9, 1, 7, 2, 8, 6, 4, 0, 11, 10 };
    qsort(v, 12, sizeof v[0], by_value);
    for (int i = 0; i < 12; i++)
        printf("%d ", v[i]);
    printf("\n");

    bits("sqrt(2)", sqrt(2.0));
    bits("exp(1)", exp(1.0));
    bits("log(10)", log(10.0));
    bits("pow(2,0.5)", pow(2.0, 0.5));
    bits("sin(1)", sin(1.0));
    bits("cos(1)", cos(1.0));
    bits("tan(0.5)", tan(0.5));
    bits("atan2(1,2)", atan2(1.0, 2.0));
    bits("log10(2)", log10(2.0));
    bits("fmod(10.5,3)", fmod(10.5, 3.0));
    bits("floor(-2.5)", floor(-2.5));
    errno = 0;
    double bad = log(-1.0);
    printf("log(-1) = %f errno %d\n", bad, errno);
    errno = 0;
    double huge = exp(1000.0);
    printf("exp(1000) = %f errno %d\n", huge, errno);
    volatile int passes = 0;
    int r = _setjmp(jump_buffer, 0);
    passes++;
    if (r < 3)
        jump(r + 1);
    printf("setjmp returned %d on pass %d\n", r, passes);
    volatile int framed = 0;
    r = _setjmp(jump_buffer, __builtin_frame_address(0));
    framed++;
    if (r == 0)
        middle(5);
    printf("setjmp with its frame returned %d on pass %d\n", r, framed);
    printf("getenv before: %s\n", getenv("CRT_SAMPLE") ? getenv("CRT_SAMPLE") : "(none)");
    _putenv("CRT_SAMPLE=set by _putenv");
    printf("getenv after: %s\n", getenv("CRT_SAMPLE"));
    _putenv("CRT_SAMPLE=");
    printf("getenv removed: %s\n", getenv("CRT_SAMPLE") ? getenv("CRT_SAMPLE") : "(none)");
    printf("filter without a handler: %d\n", _XcptFilter(0xC0000005, 0));
    signal(11, on_signal);
    printf("filter with a SIGSEGV handler: %d\n", _XcptFilter(0xC0000005, 0));
    printf("filter after the handler ran once: %d\n", _XcptFilter(0xC0000005, 0));
    signal(8, (void (*)(int))1);
    printf("filter with SIGFPE ignored: %d\n", _XcptFilter(0xC000008E, 0));
    printf("filter of a breakpoint: %d\n", _XcptFilter(0x80000003, 0));
    signal(2, on_signal);
    printf("raise(SIGINT) %d\n", raise(2));
    exit(0);
}
