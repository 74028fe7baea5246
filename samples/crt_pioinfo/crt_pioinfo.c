/* msvcrt.dll's descriptor table as old CRT macros read it: __pioinfo[fd >> 5] + (fd & 31) is the
 * ioinfo of fd (0x38 bytes on x64: the block's stride), its osfhnd what _get_osfhandle returns
 * and its osfile the descriptor's flags (FOPEN 01, FPIPE 08, FAPPEND 20, FDEV 40, FTEXT 80), as
 * _open, _dup2 (into the second block) and _close change them; __badioinfo is the closed entry
 * the _safe macros use. */
#include <fcntl.h>
#include <io.h>
#include <stdint.h>
#include <stdio.h>
#include <windows.h>

typedef struct {
    intptr_t osfhnd;
    char osfile;
    char pipech;
    int lockinitflag;
    CRITICAL_SECTION lock;
} ioinfo;

__declspec(dllimport) extern ioinfo *__pioinfo[];
__declspec(dllimport) extern ioinfo __badioinfo;
#define PIOINFO(fd) (__pioinfo[(fd) >> 5] + ((fd) & 31))

static void show(const char *what, int fd)
{
    ioinfo *io = PIOINFO(fd);
    intptr_t h = _get_osfhandle(fd);
    printf("%s fd %d: osfile %02x same handle %d pipech %d lockinit %d\n", what, fd,
           (unsigned char)io->osfile, io->osfhnd == h, io->pipech, io->lockinitflag);
}

int main(void)
{
    printf("sizeof ioinfo %u, stride %d\n", (unsigned)sizeof(ioinfo),
           (int)((char *)PIOINFO(1) - (char *)PIOINFO(0)));
    printf("stdio handles match %d %d %d\n", PIOINFO(0)->osfhnd == (intptr_t)GetStdHandle(STD_INPUT_HANDLE),
           PIOINFO(1)->osfhnd == (intptr_t)GetStdHandle(STD_OUTPUT_HANDLE),
           PIOINFO(2)->osfhnd == (intptr_t)GetStdHandle(STD_ERROR_HANDLE));
    int fd = _open("pioinfo.tmp", _O_CREAT | _O_RDWR | _O_TRUNC, 0600);
    show("text", fd);
    int app = _open("pioinfo.tmp", _O_WRONLY | _O_APPEND | _O_BINARY);
    show("binary append", app);
    printf("dup2 %d\n", _dup2(fd, 40));
    show("dup2", 40);
    printf("second block %d\n", PIOINFO(40) == __pioinfo[1] + 8);
    _close(40);
    printf("closed 40: osfile %02x osfhnd %lld\n", (unsigned char)PIOINFO(40)->osfile, (long long)PIOINFO(40)->osfhnd);
    _close(app);
    _close(fd);
    printf("closed %d: osfile %02x osfhnd %lld\n", fd, (unsigned char)PIOINFO(fd)->osfile, (long long)PIOINFO(fd)->osfhnd);
    printf("badioinfo: osfile %02x osfhnd %lld\n", (unsigned char)__badioinfo.osfile, (long long)__badioinfo.osfhnd);
    _unlink("pioinfo.tmp");
    return 0;
}
