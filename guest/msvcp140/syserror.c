/* The error texts and maps under <system_error>'s inline categories: _Syserror_map (an errc
 * value's text, as generic_category().message() gives it), _Winerror_map (a Windows error's errc,
 * for system_category().default_error_condition; 0 when none), _Winerror_message (the system's
 * message text for a Windows error, trailing white space removed). */
#include "msvcp.h"

__declspec(dllimport) unsigned int WINAPI FormatMessageA(unsigned int, const void *, unsigned int, unsigned int, char *,
                                                         unsigned int, void *);

/* errc values (the UCRT's errno numbers) and their texts */
static const struct { short code; const char *text; } ERRC_TEXT[] = {
    {0, "success"}, {1, "operation not permitted"}, {2, "no such file or directory"}, {3, "no such process"},
    {4, "interrupted"}, {5, "io error"}, {6, "no such device or address"}, {7, "argument list too long"},
    {8, "executable format error"}, {9, "bad file descriptor"}, {10, "no child process"},
    {11, "resource unavailable try again"}, {12, "not enough memory"}, {13, "permission denied"},
    {14, "bad address"}, {16, "device or resource busy"}, {17, "file exists"}, {18, "cross device link"},
    {19, "no such device"}, {20, "not a directory"}, {21, "is a directory"}, {22, "invalid argument"},
    {23, "too many files open in system"}, {24, "too many files open"}, {25, "inappropriate io control operation"},
    {27, "file too large"}, {28, "no space on device"}, {29, "invalid seek"}, {30, "read only file system"},
    {31, "too many links"}, {32, "broken pipe"}, {33, "argument out of domain"}, {34, "result out of range"},
    {36, "resource deadlock would occur"}, {38, "filename too long"}, {39, "no lock available"},
    {40, "function not supported"}, {41, "directory not empty"}, {42, "illegal byte sequence"},
    {100, "address in use"}, {101, "address not available"}, {102, "address family not supported"},
    {103, "connection already in progress"}, {104, "bad message"}, {105, "operation canceled"},
    {106, "connection aborted"}, {107, "connection refused"}, {108, "connection reset"},
    {109, "destination address required"}, {110, "host unreachable"}, {111, "identifier removed"},
    {112, "operation in progress"}, {113, "already connected"}, {114, "too many symbolic link levels"},
    {115, "message size"}, {116, "network down"}, {117, "network reset"}, {118, "network unreachable"},
    {119, "no buffer space"}, {120, "no message available"}, {121, "no link"}, {122, "no message"},
    {123, "no protocol option"}, {124, "no stream resources"}, {125, "not a stream"}, {126, "not connected"},
    {127, "state not recoverable"}, {128, "not a socket"}, {129, "not supported"},
    {130, "operation not supported"}, {132, "value too large"}, {133, "owner dead"}, {134, "protocol error"},
    {135, "protocol not supported"}, {136, "wrong protocol type"}, {137, "stream timeout"}, {138, "timed out"},
    {139, "text file busy"}, {140, "operation would block"}};

const char *Syserror_map(int code)
{
    for (size_t i = 0; i < sizeof ERRC_TEXT / sizeof ERRC_TEXT[0]; i++)
        if (ERRC_TEXT[i].code == code)
            return ERRC_TEXT[i].text;
    return "unknown error";
}

/* Windows errors and the errc each stands for */
static const struct { unsigned short win; unsigned char errc; } WIN_ERRC[] = {
    {1, 40}, {2, 2}, {3, 2}, {4, 24}, {5, 13}, {6, 22}, {8, 12}, {12, 13}, {14, 12}, {15, 19}, {16, 13},
    {17, 18}, {19, 13}, {20, 19}, {21, 11}, {25, 5}, {29, 5}, {30, 5}, {32, 13}, {33, 39}, {39, 28},
    {50, 129}, {53, 2}, {55, 19}, {67, 2}, {80, 17}, {82, 13}, {87, 22}, {109, 32}, {110, 5}, {111, 38},
    {112, 28}, {121, 138}, {123, 2}, {131, 22}, {142, 16}, {145, 41}, {170, 16}, {183, 17}, {206, 38},
    {212, 39}, {258, 138}, {267, 22}, {995, 105}, {998, 13}, {1011, 5}, {1012, 5}, {1013, 5}, {1237, 11},
    {1460, 138}, {2401, 16}, {2404, 16}, {4393, 22}, {10004, 4}, {10009, 9}, {10013, 13}, {10014, 14},
    {10022, 22}, {10024, 24}, {10035, 140}, {10036, 112}, {10037, 103}, {10038, 128}, {10039, 109},
    {10040, 115}, {10041, 136}, {10042, 123}, {10043, 135}, {10045, 130}, {10047, 102}, {10048, 100},
    {10049, 101}, {10050, 116}, {10051, 118}, {10052, 117}, {10053, 106}, {10054, 108}, {10055, 119},
    {10056, 113}, {10057, 126}, {10060, 138}, {10061, 107}, {10063, 38}, {10065, 110}};

int Winerror_map(int code)
{
    for (size_t i = 0; i < sizeof WIN_ERRC / sizeof WIN_ERRC[0]; i++)
        if (WIN_ERRC[i].win == code)
            return WIN_ERRC[i].errc;
    return 0;
}

unsigned long Winerror_message(unsigned long code, char *buf, unsigned long size)
{
    unsigned int n = FormatMessageA(0x1000 | 0x200 /* FROM_SYSTEM | IGNORE_INSERTS */, NULL, code, 0, buf, size, NULL);
    while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == '\t'))
        n--;
    if (n < size)
        buf[n] = 0;
    return n;
}
