/* Temporary files: tmpnam/tmpnam_s make a name no file has yet, tmpfile/tmpfile_s open one as a
 * "w+bD" stream (_O_TEMPORARY: the file goes when the stream is closed or the process ends).
 * The UCRT puts them in the temporary folder (GetTempPath: %TMP%, %TEMP% ...); msvcrt.dll in
 * the root of the current drive. Names are "s" + the process id in base 32 + "." + a counter in
 * base 32, as msvcrt.dll has always formed them. _wtmpnam(_s) are the UTF-16 forms; _rmtmp closes
 * the streams tmpfile opened. */
#include "streams.h"
#include "stdio.h"
#include "files.h"
#include "errno.h"

WINBASEAPI DWORD WINAPI GetTempPathW(DWORD, WCHAR *);
WINBASEAPI DWORD WINAPI GetFileAttributesW(const WCHAR *);
WINBASEAPI DWORD WINAPI GetCurrentProcessId(void);
FILE *_wfsopen(const crt_wchar *path, const crt_wchar *mode, int shflag);
#define L_TMPNAM 260

static unsigned counter;
static const char tmpfile_mark[] = "tmpfile";
static char tmpnam_buf[L_TMPNAM];

static int base32(unsigned v, WCHAR *out)
{
    WCHAR tmp[8];
    int n = 0;
    do {
        unsigned d = v % 32;
        tmp[n++] = (WCHAR)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= 32;
    } while (v);
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

/* The next name no file has: 0, or an errno value. */
static int make_name(WCHAR *out, unsigned cap)
{
    WCHAR dir[L_TMPNAM];
    DWORD n;
#ifdef CRT_UCRT
    n = GetTempPathW(L_TMPNAM, dir);
    if (n == 0 || n >= L_TMPNAM - 16)
        return CRT_ENOENT;
#else
    dir[0] = '\\';
    n = 1;
#endif
    crt_lock_global();
    for (unsigned tries = 0; tries < 0x10000; tries++) {
        unsigned k = n;
        if (k + 16 > cap) {
            crt_unlock_global();
            return CRT_ERANGE;
        }
        for (unsigned i = 0; i < n; i++)
            out[i] = dir[i];
        out[k++] = 's';
        k += base32(GetCurrentProcessId(), out + k);
        out[k++] = '.';
        k += base32(++counter, out + k);
        out[k] = 0;
        if (GetFileAttributesW(out) == 0xFFFFFFFF) {
            crt_unlock_global();
            return 0;
        }
    }
    crt_unlock_global();
    return CRT_EEXIST;
}

static int narrow(const WCHAR *w, char *out, size_t cap)
{
    return WideCharToMultiByte(0, 0, w, -1, out, (int)cap, NULL, NULL) ? 0 : CRT_ERANGE;
}

CRTEXP int tmpnam_s(char *s, size_t size)
{
    WCHAR name[L_TMPNAM];
    if (s == NULL || size == 0)
        return crt_errno = CRT_EINVAL;
    int e = make_name(name, L_TMPNAM);
    if (!e)
        e = narrow(name, s, size);
    if (e) {
        s[0] = 0;
        crt_errno = e;
    }
    return e;
}

/* tmpnam: into s, or into the runtime's own buffer when s is NULL. */
CRTEXP char *tmpnam(char *s)
{
    char *out = s ? s : tmpnam_buf;
    return tmpnam_s(out, L_TMPNAM) ? NULL : out;
}

CRTEXP int tmpfile_s(FILE **pf)
{
    WCHAR name[L_TMPNAM];
    static const WCHAR mode[] = { 'w', '+', 'b', 'D', 0 };
    if (pf == NULL)
        return crt_errno = CRT_EINVAL;
    *pf = NULL;
    int e = make_name(name, L_TMPNAM);
    if (e)
        return crt_errno = e;
    *pf = _wfsopen(name, mode, 0x10);           /* _SH_DENYRW */
    if (*pf)
        (*pf)->_tmpfname = (char *)tmpfile_mark;   /* for _rmtmp */
    return *pf ? 0 : crt_errno;
}

CRTEXP FILE *tmpfile(void)
{
    FILE *f;
    return tmpfile_s(&f) ? NULL : f;
}

/* _wtmpnam_s / _wtmpnam: tmpnam's names in UTF-16. */
CRTEXP int _wtmpnam_s(WCHAR *s, size_t size)
{
    WCHAR name[L_TMPNAM];
    if (s == NULL || size == 0)
        return crt_errno = CRT_EINVAL;
    int e = make_name(name, L_TMPNAM);
    size_t n = 0;
    while (!e && name[n])
        n++;
    if (!e && n >= size)
        e = CRT_ERANGE;
    if (e) {
        s[0] = 0;
        return crt_errno = e;
    }
    for (size_t i = 0; i <= n; i++)
        s[i] = name[i];
    return 0;
}

static WCHAR wtmpnam_buf[L_TMPNAM];

CRTEXP WCHAR *_wtmpnam(WCHAR *s)
{
    WCHAR *out = s ? s : wtmpnam_buf;
    return _wtmpnam_s(out, L_TMPNAM) ? NULL : out;
}

/* _rmtmp: the streams tmpfile opened and still open closed (their files go with them); how many. */
int fclose(FILE *f);
CRTEXP int _rmtmp(void)
{
    int n = 0;
    for (int i = 3; i < crt_stream_count(); i++) {
        FILE *f = crt_stream_at(i);
        if (f && f->_tmpfname == tmpfile_mark && (f->_flag & (CRT_IOREAD | CRT_IOWRT | CRT_IORW))) {
            f->_tmpfname = NULL;
            if (fclose(f) == 0)
                n++;
        }
    }
    return n;
}
