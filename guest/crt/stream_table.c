/* The stream table beyond _iob[20]: msvcrt.dll and the UCRT keep further FILEs up to a maximum
 * that _setmaxstdio moves (512 at start, at most 2048 in msvcrt.dll and 8192 in the UCRT, at least
 * _IOB_ENTRIES = 20); fopen and its kin fail with EMFILE once every slot below it is in use. */
#include "stdio.h"
#include "errno.h"
#include "secure.h"
#include "streams.h"

struct more_stream { FILE f; CRITICAL_SECTION lock; int ready; };
static struct more_stream more[CRT_MAXSTDIO_MAX - CRT_NIOB];
static int maxstdio = 512;
static int used = CRT_NIOB;            /* slots ever handed out: the iteration bound */

static int in_use(const FILE *f) { return (f->_flag & (CRT_IOREAD | CRT_IOWRT | CRT_IORW)) != 0; }

int crt_stream_count(void) { return used; }

FILE *crt_stream_at(int i)
{
    return i < CRT_NIOB ? &_iob[i] : i < used && more[i - CRT_NIOB].ready ? &more[i - CRT_NIOB].f : NULL;
}

/* The lock of a stream of the table, or NULL for a string stream on the caller's stack. */
CRITICAL_SECTION *crt_more_stream_lock(FILE *f)
{
    struct more_stream *m = (struct more_stream *)f;
    return m >= more && m < more + (CRT_MAXSTDIO_MAX - CRT_NIOB) && m->ready ? &m->lock : NULL;
}

/* A free slot below the maximum (3 and up: 0-2 are the standard streams), or EMFILE. */
FILE *crt_stream_new(void)
{
    FILE *f = NULL;
    for (int i = 3; i < maxstdio && f == NULL; i++) {
        if (i >= CRT_NIOB && !more[i - CRT_NIOB].ready) {
            InitializeCriticalSection(&more[i - CRT_NIOB].lock);
            more[i - CRT_NIOB].f._file = -1;
            more[i - CRT_NIOB].ready = 1;
        }
        if (i >= used) used = i + 1;
        FILE *c = crt_stream_at(i);
        if (!in_use(c)) f = c;
    }
    if (f == NULL) {
        crt_errno = CRT_EMFILE;
        return NULL;
    }
    f->_ptr = f->_base = NULL;
    f->_cnt = f->_bufsiz = f->_charbuf = 0;
    f->_tmpfname = NULL;
    return f;
}

CRTEXP int _getmaxstdio(void) { return maxstdio; }

/* _setmaxstdio: out of [_IOB_ENTRIES, the runtime's ceiling] is the invalid-parameter path
 * (EINVAL, -1); a maximum below a stream still open is refused with -1. */
CRTEXP int _setmaxstdio(int n)
{
    if (n < CRT_NIOB || n > CRT_MAXSTDIO_MAX) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    for (int i = n; i < used; i++)
        if (crt_stream_at(i) && in_use(crt_stream_at(i)))
            return -1;
    maxstdio = n;
    return n;
}
