/* basic_streambuf<char>: the exported members the headers' inline code calls (sputc, sputn,
 * sgetc, sbumpc, snextc, sgetn, pubsync, in_avail) over the six buffer pointers the STL keeps
 * (first/next/count of the get and put areas, reached through pointers to them), and the
 * stdio-backed buffer of the standard streams: no buffer of its own, every virtual going to the
 * UCRT's FILE (its buffering, text-mode translation and lock), as the STL's filebuf over stdout. */
#include "msvcp.h"

typedef struct { streambuf base; FILE *file; } stdiobuf;
typedef struct { long long off, fpos; unsigned long wchar; unsigned short byte, state; } fpos_t_;

static int GetAvail(const streambuf *sb) { return sb->ignext && *sb->ignext ? *sb->igcount : 0; }
static int PutAvail(const streambuf *sb) { return sb->ipnext && *sb->ipnext ? *sb->ipcount : 0; }

int StreambufSputc(streambuf *sb, char c)
{
    if (PutAvail(sb) > 0) {
        --*sb->ipcount;
        *(*sb->ipnext)++ = c;
        return (unsigned char)c;
    }
    return SB_CALL(sb, SB_OVERFLOW, int (*)(streambuf *, int))(sb, (unsigned char)c);
}

streamsize StreambufSputn(streambuf *sb, const char *s, streamsize n)
{
    return SB_CALL(sb, SB_XSPUTN, streamsize (*)(streambuf *, const char *, streamsize))(sb, s, n);
}

streamsize StreambufSgetn(streambuf *sb, char *s, streamsize n)
{
    return SB_CALL(sb, SB_XSGETN, streamsize (*)(streambuf *, char *, streamsize))(sb, s, n);
}

int StreambufSgetc(streambuf *sb)
{
    if (GetAvail(sb) > 0)
        return (unsigned char)**sb->ignext;
    return SB_CALL(sb, SB_UNDERFLOW, int (*)(streambuf *))(sb);
}

int StreambufSbumpc(streambuf *sb)
{
    if (GetAvail(sb) > 0) {
        --*sb->igcount;
        return (unsigned char)*(*sb->ignext)++;
    }
    return SB_CALL(sb, SB_UFLOW, int (*)(streambuf *))(sb);
}

int StreambufSnextc(streambuf *sb)
{
    if (GetAvail(sb) > 1) {
        --*sb->igcount;
        return (unsigned char)*++*sb->ignext;
    }
    return StreambufSbumpc(sb) == EOF ? EOF : StreambufSgetc(sb);
}

int StreambufPubsync(streambuf *sb) { return SB_CALL(sb, SB_SYNC, int (*)(streambuf *))(sb); }

streamsize StreambufInAvail(streambuf *sb)
{
    int n = GetAvail(sb);
    return n > 0 ? n : SB_CALL(sb, SB_SHOWMANYC, streamsize (*)(streambuf *))(sb);
}

void StreambufLock(streambuf *sb) { SB_CALL(sb, SB_LOCK, void (*)(streambuf *))(sb); }
void StreambufUnlock(streambuf *sb) { SB_CALL(sb, SB_UNLOCK, void (*)(streambuf *))(sb); }

/* -- the stdio-backed buffer's virtuals */
static void *StdioDelete(stdiobuf *b, unsigned int flags)
{
    if (flags & 1)
        free(b);
    return b;
}

static void StdioLock(stdiobuf *b) { _lock_file(b->file); }
static void StdioUnlock(stdiobuf *b) { _unlock_file(b->file); }

static int StdioOverflow(stdiobuf *b, int c)
{
    if (c == EOF)
        return 0;                                           /* not_eof(eof) */
    return fputc(c, b->file) == EOF ? EOF : c;
}

static int StdioPbackfail(stdiobuf *b, int c)
{
    if (c == EOF)
        return EOF;
    return ungetc(c, b->file) == EOF ? EOF : c;
}

static streamsize StdioShowmanyc(stdiobuf *b) { (void)b; return 0; }

static int StdioUnderflow(stdiobuf *b)
{
    int c = fgetc(b->file);
    if (c != EOF)
        ungetc(c, b->file);
    return c;
}

static int StdioUflow(stdiobuf *b) { return fgetc(b->file); }

static streamsize StdioXsgetn(stdiobuf *b, char *s, streamsize n)
{
    streamsize got = 0;
    for (int c; got < n && (c = fgetc(b->file)) != EOF;)
        s[got++] = (char)c;
    return got;
}

static streamsize StdioXsputn(stdiobuf *b, const char *s, streamsize n)
{
    return n <= 0 ? 0 : (streamsize)fwrite(s, 1, (size_t)n, b->file);
}

/* seekoff/seekpos return a pos_type in the caller's slot: the standard streams cannot seek */
static fpos_t_ *StdioSeekoff(stdiobuf *b, fpos_t_ *out, long long off, int way, int mode)
{
    (void)b, (void)off, (void)way, (void)mode;
    *out = (fpos_t_){-1, 0, 0, 0, 0};
    return out;
}

static fpos_t_ *StdioSeekpos(stdiobuf *b, fpos_t_ *out, const fpos_t_ *pos, int mode)
{
    (void)pos;
    return StdioSeekoff(b, out, 0, 0, mode);
}

static streambuf *StdioSetbuf(stdiobuf *b, char *s, streamsize n) { (void)s, (void)n; return &b->base; }
static int StdioSync(stdiobuf *b) { return fflush(b->file) == 0 ? 0 : -1; }
static void StdioImbue(stdiobuf *b, const locale *loc) { (void)b, (void)loc; }

static const void *const stdiobuf_vftable[SB_SLOTS] = {
    StdioDelete, StdioLock, StdioUnlock, StdioOverflow, StdioPbackfail, StdioShowmanyc, StdioUnderflow,
    StdioUflow, StdioXsgetn, StdioXsputn, StdioSeekoff, StdioSeekpos, StdioSetbuf, StdioSync, StdioImbue};

static stdiobuf stdio_buffers[4];             /* the standard streams' buffers */

streambuf *StdioStreambuf(int index, void *file)
{
    stdiobuf *b = &stdio_buffers[index];
    streambuf *sb = &b->base;
    __builtin_memset(b, 0, sizeof *b);
    sb->vftable = stdiobuf_vftable;
    sb->igfirst = &sb->gfirst;
    sb->ipfirst = &sb->pfirst;
    sb->ignext = &sb->gnext;
    sb->ipnext = &sb->pnext;
    sb->igcount = &sb->gcount;
    sb->ipcount = &sb->pcount;
    sb->plocale = LocaleNew();
    b->file = file;
    return sb;
}
