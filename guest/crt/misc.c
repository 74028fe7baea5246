/* strerror's messages, and the floating-point
 * control word (_controlfp and friends) over the SSE MXCSR, as the x64 runtime keeps it. */
#include "crtwin.h"
#include "errno.h"

static const char *const messages[] = {
    "No error", "Operation not permitted", "No such file or directory", "No such process",
    "Interrupted function call", "Input/output error", "No such device or address", "Arg list too long",
    "Exec format error", "Bad file descriptor", "No child processes", "Resource temporarily unavailable",
    "Not enough space", "Permission denied", "Bad address", "Unknown error", "Resource device",
    "File exists", "Improper link", "No such device", "Not a directory", "Is a directory",
    "Invalid argument", "Too many open files in system", "Too many open files",
    "Inappropriate I/O control operation", "Unknown error", "File too large", "No space left on device",
    "Invalid seek", "Read-only file system", "Too many links", "Broken pipe", "Domain error",
    "Result too large", "Unknown error", "Resource deadlock avoided", "Unknown error",
    "Filename too long", "No locks available", "Function not implemented", "Directory not empty",
    "Illegal byte sequence",
};

/* The message count as msvcrt.dll's data and both runtimes' accessor functions (errno 0-42). */
#define NERR (int)(sizeof messages / sizeof *messages)
#ifdef CRT_MSVCRT
CRTEXP
#endif
int _sys_nerr = NERR;
CRTEXP char **__sys_errlist(void) { return (char **)messages; }
#ifdef CRT_MSVCRT
__asm__(".globl _sys_errlist\n"                   /* msvcrt.dll's data name of the table */
        ".set _sys_errlist, messages\n"
        ".section .drectve\n"
        ".ascii \" -export:_sys_errlist,data\"\n"
        ".text\n");
#endif
CRTEXP int *__sys_nerr(void) { return &_sys_nerr; }

/* strerror_s: the message, cut to the buffer (the cut one is still terminated, and 0 returned). */
CRTEXP int strerror_s(char *buf, size_t size, int e)
{
    if (buf == NULL || size == 0) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    const char *m = e >= 0 && e < NERR ? messages[e] : "Unknown error";
    size_t i = 0;
    for (; m[i] && i < size - 1; i++)
        buf[i] = m[i];
    buf[i] = 0;
    return 0;
}

CRTEXP char *strerror(int e)
{
    const char *m = e >= 0 && e < (int)(sizeof messages / sizeof *messages) ? messages[e] : "Unknown error";
    char *buf = crt_getptd()->strerror_buf;
    int i = 0;
    for (; m[i] && i < 95; i++)
        buf[i] = m[i];
    buf[i] = 0;
    return buf;
}

/* ---- _controlfp: the runtime's control word <-> MXCSR ---- */

#define EM_INEXACT 0x1
#define EM_UNDERFLOW 0x2
#define EM_OVERFLOW 0x4
#define EM_ZERODIVIDE 0x8
#define EM_INVALID 0x10
#define EM_DENORMAL 0x80000
#define MCW_EM 0x8001F
#define MCW_RC 0x300
#define MCW_DN 0x3000000
#define PC_53 0x10000

static const struct { unsigned cw, mx; } em_bits[] = {
    { EM_INVALID, 1 << 7 }, { EM_DENORMAL, 1 << 8 }, { EM_ZERODIVIDE, 1 << 9 },
    { EM_OVERFLOW, 1 << 10 }, { EM_UNDERFLOW, 1 << 11 }, { EM_INEXACT, 1 << 12 },
};

static unsigned get_mxcsr(void) { unsigned v; __asm__ volatile ("stmxcsr %0" : "=m"(v)); return v; }
static void set_mxcsr(unsigned v) { __asm__ volatile ("ldmxcsr %0" : : "m"(v)); }

static unsigned control_word(unsigned mx)
{
    unsigned cw = PC_53;
    for (int i = 0; i < 6; i++)
        if (mx & em_bits[i].mx) cw |= em_bits[i].cw;
    static const unsigned rc[4] = { 0, 0x100, 0x200, 0x300 };
    cw |= rc[(mx >> 13) & 3];
    if (mx & 0x8040)
        cw |= (mx & 0x8000) && (mx & 0x40) ? 0x1000000 : (mx & 0x8000) ? 0x3000000 : 0x2000000;
    return cw;
}

static unsigned set_control(unsigned value, unsigned mask)
{
    unsigned mx = get_mxcsr();
    unsigned cw = (control_word(mx) & ~mask) | (value & mask);
    mx &= ~(0x1F80u | 0x6000u | 0x8040u);
    for (int i = 0; i < 6; i++)
        if (cw & em_bits[i].cw) mx |= em_bits[i].mx;
    mx |= ((cw & MCW_RC) >> 8) << 13;
    unsigned dn = cw & MCW_DN;
    mx |= dn == 0x1000000 ? 0x8040 : dn == 0x3000000 ? 0x8000 : dn == 0x2000000 ? 0x40 : 0;
    set_mxcsr(mx);
    return control_word(mx);
}

CRTEXP unsigned int _controlfp(unsigned int value, unsigned int mask)
{
    return set_control(value, mask & (MCW_EM | MCW_RC | MCW_DN));
}

CRTEXP unsigned int _control87(unsigned int value, unsigned int mask)
{
    return set_control(value, mask & (MCW_EM | MCW_RC | MCW_DN));
}

CRTEXP int _controlfp_s(unsigned int *current, unsigned int value, unsigned int mask)
{
    if (mask & ~(MCW_EM | MCW_RC | MCW_DN | 0x30000 | 0x40000)) {
        if (current)
            *current = control_word(get_mxcsr());
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    unsigned cw = set_control(value, mask & (MCW_EM | MCW_RC | MCW_DN));
    if (current)
        *current = cw;
    return 0;
}

static unsigned status_word(unsigned mx)
{
    unsigned sw = 0;
    if (mx & 0x01) sw |= EM_INVALID;
    if (mx & 0x02) sw |= EM_DENORMAL;
    if (mx & 0x04) sw |= EM_ZERODIVIDE;
    if (mx & 0x08) sw |= EM_OVERFLOW;
    if (mx & 0x10) sw |= EM_UNDERFLOW;
    if (mx & 0x20) sw |= EM_INEXACT;
    return sw;
}

CRTEXP unsigned int _statusfp(void) { return status_word(get_mxcsr()); }

CRTEXP unsigned int _clearfp(void)
{
    unsigned mx = get_mxcsr();
    set_mxcsr(mx & ~0x3Fu);
    return status_word(mx);
}

CRTEXP void _fpreset(void)
{
    set_mxcsr(0x1F80);
}
