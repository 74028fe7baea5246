/* Streams (stdio.c): msvcrt.dll's FILE layout, which mingw-w64's headers read through
 * __iob_func(); the UCRT's FILE is opaque to programs and uses the same one here. */
#pragma once
#include "crtwin.h"

typedef struct crt_file {
    char *_ptr;         /* next byte in the buffer */
    int _cnt;           /* bytes left to read, or room left to write */
    char *_base;        /* the buffer */
    int _flag;
    int _file;          /* the descriptor */
    int _charbuf;       /* the one-byte buffer of an unbuffered stream */
    int _bufsiz;
    char *_tmpfname;
} FILE;

#define CRT_IOREAD 0x0001
#define CRT_IOWRT 0x0002
#define CRT_IONBF 0x0004
#define CRT_IOMYBUF 0x0008
#define CRT_IOEOF 0x0010
#define CRT_IOERR 0x0020
#define CRT_IOSTRG 0x0040
#define CRT_IORW 0x0080
#define CRT_IOYOURBUF 0x0100
#define CRT_IOPERCALL 0x100000  /* ours: a console stdout/stderr, written out at the end of each call */
#define CRT_BUFSIZ 4096
#define CRT_NIOB 20
#define CRT_EOF (-1)

extern FILE _iob[CRT_NIOB];
int crt_stream_write(FILE *f, const char *s, size_t n);
void crt_stream_end_call(FILE *f);
int crt_stream_flush(FILE *f);
int crt_stream_getc(FILE *f);
void crt_lock_stream(FILE *f);
void crt_unlock_stream(FILE *f);
int fflush(FILE *f);
