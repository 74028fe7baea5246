/* The low-level I/O layer (lowio.c): file descriptors over Win32 handles, text mode. */
#pragma once
#include "crtwin.h"

#define CRT_FOPEN 0x01
#define CRT_FEOFLAG 0x02
#define CRT_FPIPE 0x08
#define CRT_FAPPEND 0x20
#define CRT_FDEV 0x40
#define CRT_FTEXT 0x80
#define CRT_O_TEXT 0x4000
#define CRT_O_BINARY 0x8000
#ifdef CRT_UCRT
#define CRT_NFD 8192            /* _NHANDLE_: the descriptor table's size (2048 in msvcrt.dll) */
#else
#define CRT_NFD 2048
#endif

/* One descriptor, laid out as msvcrt.dll's x64 ioinfo (osfhnd, osfile, pipech, lockinitflag,
 * lock; 0x38 bytes: the entry of the system msvcrt, without msvcr80's textmode and later fields),
 * since programs built with the old CRT macros read _osfhnd(fd)/_osfile(fd) through __pioinfo
 * (lowio_info.c). The byte read ahead after a CR is kept beside it, in crt_fd_pending. */
typedef struct crt_fd {
    HANDLE handle;          /* osfhnd: INVALID_HANDLE_VALUE when closed */
    unsigned char flags;    /* osfile: CRT_F* */
    char pipech;            /* LF: no byte read ahead in ioinfo's terms */
    int lockinitflag;       /* 0: lock not initialised (this runtime locks elsewhere) */
    unsigned char lock[40]; /* CRITICAL_SECTION */
} crt_fd;

extern crt_fd crt_fds[CRT_NFD];
extern int crt_fd_pending[CRT_NFD];                    /* a byte read ahead after a CR, or -1 */
#define CRT_FD_PENDING(f) crt_fd_pending[(f) - crt_fds]
void crt_init_pioinfo(void);                            /* lowio_info.c */
extern void (*crt_append_hook)(HANDLE);
void crt_init_lowio(void);
int _write(int fd, const void *buf, unsigned n);
int _read(int fd, void *buf, unsigned n);
int _isatty(int fd);
