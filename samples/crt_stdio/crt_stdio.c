/* stdio through msvcrt.dll: text mode writes LF as CR LF, binary mode as it is; the stream's
 * buffering follows the handle's type (written out per call on a character device, held until
 * a flush or exit on a pipe or file); atexit functions run last-registered first; exit's code. */
#include "../crt.h"

__declspec(dllimport) unsigned long __stdcall GetFileType(void *);
__declspec(dllimport) void *__stdcall GetStdHandle(unsigned long);

static void registered_first(void) { printf("atexit: registered first, runs last\n"); }
static void registered_second(void) { printf("atexit: registered second, runs first\n"); }

void Entry(void)
{
    int argc, si = 0;
    char **argv, **env;
    __getmainargs(&argc, &argv, &env, 0, &si);
    atexit(registered_first);
    atexit(registered_second);
    unsigned long type = GetFileType(GetStdHandle((unsigned long)-11));
    printf("stdout type %lu\n", type);
    printf("text: a\nb\n");
    fwrite("fwrite\n", 1, 7, stdout);
    puts("puts");
    fputc('c', stdout);
    fputc('\n', stdout);
    fputs("fputs\n", stdout);
    fflush(stdout);
    _setmode(1, 0x8000);                        /* _O_BINARY */
    printf("binary: x\ny\n");
    fflush(stdout);
    _setmode(1, 0x4000);                        /* _O_TEXT */
    /* a console gets each call at once; a pipe or file gets the buffer at the flush */
    printf("[printf]");
    _write(1, "[_write]", 8);
    printf("[printf again]\n");
    fflush(stdout);
    setvbuf(stdout, 0, 0, 64);                  /* _IOFBF: held even on a console */
    printf("[held]");
    _write(1, "[direct]", 8);
    printf("\n");
    fflush(stdout);
    exit(5);
}
