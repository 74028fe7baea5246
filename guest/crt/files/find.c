/* Directory listings: the _findfirst/_findnext families over FindFirstFileExW/FindNextFileW and
 * _findclose. One walker fills each of the runtime's four record layouts (32- or 64-bit times,
 * 32- or 64-bit sizes), narrow or wide: attrib (the file's attributes, FILE_ATTRIBUTE_NORMAL as
 * _A_NORMAL 0), the three times in seconds since 1970 (-1 for a time the file system lacks),
 * the size and the name. No match, or the end of the list: -1 and ENOENT. msvcrt's x64
 * _findfirst is the 64-bit-time, 32-bit-size form; _findfirsti64 the 64/64 one. */
#include "lowio.h"
#include "files.h"
#include "errno.h"

typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
    DWORD nFileSizeHigh, nFileSizeLow, dwReserved0, dwReserved1;
    WCHAR cFileName[260], cAlternateFileName[14];
    DWORD dwFileType, dwCreatorType;
    unsigned short wFinderFlags;
} WIN32_FIND_DATAW_;
WINBASEAPI HANDLE WINAPI FindFirstFileExW(const WCHAR *, int, void *, int, void *, DWORD);
WINBASEAPI BOOL WINAPI FindNextFileW(HANDLE, void *);
WINBASEAPI BOOL WINAPI FindClose(HANDLE);

#define FIND_FIRST_EX_LARGE_FETCH 2
#define ATTR_NORMAL 0x80

/* The record layouts: [time bits][size bits] with T the name's character type. */
#define RECORD(NAME, TIME, SIZE, T) \
    struct NAME { unsigned attrib; TIME time_create, time_access, time_write; SIZE size; T name[260]; }
RECORD(fd32, int, unsigned long, char);
RECORD(fd32i64, int, long long, char);
RECORD(fd64i32, long long, unsigned long, char);
RECORD(fd64, long long, long long, char);
RECORD(wfd32, int, unsigned long, crt_wchar);
RECORD(wfd32i64, int, long long, crt_wchar);
RECORD(wfd64i32, long long, unsigned long, crt_wchar);
RECORD(wfd64, long long, long long, crt_wchar);

static long long unix_seconds(const FILETIME *ft)
{
    long long v = ((long long)ft->dwHighDateTime << 32) | ft->dwLowDateTime;
    return v ? (v - 116444736000000000ll) / 10000000 : -1;
}

static unsigned attrib_of(const WIN32_FIND_DATAW_ *d)
{
    return d->dwFileAttributes == ATTR_NORMAL ? 0 : d->dwFileAttributes;
}

/* Fill one record from d; wide names are copied, narrow ones converted to the ANSI code page. */
#define FILL(REC, WIDE)                                                                            \
    do {                                                                                           \
        (REC)->attrib = attrib_of(d);                                                              \
        (REC)->time_create = unix_seconds(&d->ftCreationTime);                                     \
        (REC)->time_access = unix_seconds(&d->ftLastAccessTime);                                   \
        (REC)->time_write = unix_seconds(&d->ftLastWriteTime);                                     \
        (REC)->size = ((long long)d->nFileSizeHigh << 32) | d->nFileSizeLow;                       \
        if (WIDE)                                                                                  \
            for (int i = 0; i < 260; i++) ((crt_wchar *)(REC)->name)[i] = d->cFileName[i];         \
        else                                                                                       \
            WideCharToMultiByte(0, 0, d->cFileName, -1, (char *)(REC)->name, 260, NULL, NULL);     \
    } while (0)

enum { K32, K32I64, K64I32, K64, WIDE = 4 };

static void fill(void *out, int kind, const WIN32_FIND_DATAW_ *d)
{
    switch (kind) {
    case K32: FILL((struct fd32 *)out, 0); break;
    case K32I64: FILL((struct fd32i64 *)out, 0); break;
    case K64I32: FILL((struct fd64i32 *)out, 0); break;
    case K64: FILL((struct fd64 *)out, 0); break;
    case WIDE | K32: FILL((struct wfd32 *)out, 1); break;
    case WIDE | K32I64: FILL((struct wfd32i64 *)out, 1); break;
    case WIDE | K64I32: FILL((struct wfd64i32 *)out, 1); break;
    case WIDE | K64: FILL((struct wfd64 *)out, 1); break;
    }
}

static void find_error(DWORD e)
{
    *__doserrno() = e;
    /* what is not there (2, 3, 18) is ENOENT; an unusable name EINVAL; a long one ENAMETOOLONG */
    crt_errno = e == 2 || e == 3 || e == 18 ? CRT_ENOENT : e == 206 ? 38 : e == 8 ? CRT_ENOMEM : CRT_EINVAL;
}

static intptr_t first_w(const WCHAR *spec, void *out, int kind)
{
    WIN32_FIND_DATAW_ d;
    if (spec == NULL || out == NULL) { crt_errno = CRT_EINVAL; return -1; }
    HANDLE h = FindFirstFileExW(spec, 0, &d, 0, NULL, 0);
    if (h == INVALID_HANDLE_VALUE) { find_error(GetLastError()); return -1; }
    fill(out, kind, &d);
    return (intptr_t)h;
}

static intptr_t first_a(const char *spec, void *out, int kind)
{
    WCHAR w[1024];
    if (spec == NULL || out == NULL) { crt_errno = CRT_EINVAL; return -1; }
    if (crt_widen_path(spec, w, 1024)) { crt_errno = CRT_EINVAL; return -1; }
    return first_w(w, out, kind);
}

static int next(intptr_t handle, void *out, int kind)
{
    WIN32_FIND_DATAW_ d;
    if (handle == -1 || out == NULL) { crt_errno = CRT_EINVAL; return -1; }
    if (!FindNextFileW((HANDLE)handle, &d)) { find_error(GetLastError()); return -1; }
    fill(out, kind, &d);
    return 0;
}

CRTEXP int _findclose(intptr_t handle)
{
    if (handle == -1 || !FindClose((HANDLE)handle)) { crt_errno = CRT_EINVAL; return -1; }
    return 0;
}

#define FIND_PAIR(SUFFIX, KIND)                                                                    \
    CRTEXP intptr_t _findfirst##SUFFIX(const char *spec, void *out) { return first_a(spec, out, KIND); } \
    CRTEXP int _findnext##SUFFIX(intptr_t h, void *out) { return next(h, out, KIND); }             \
    CRTEXP intptr_t _wfindfirst##SUFFIX(const crt_wchar *spec, void *out) { return first_w(spec, out, WIDE | KIND); } \
    CRTEXP int _wfindnext##SUFFIX(intptr_t h, void *out) { return next(h, out, WIDE | KIND); }

FIND_PAIR(64, K64)
#ifdef CRT_UCRT
FIND_PAIR(32, K32)
FIND_PAIR(32i64, K32I64)
FIND_PAIR(64i32, K64I32)
#else
FIND_PAIR(, K64I32)                     /* msvcrt x64: time_t is 64 bits, _fsize_t 32 */
FIND_PAIR(i64, K64)
FIND_PAIR(32, K32)                      /* and the explicit layouts msvcrt.dll exports too */
FIND_PAIR(64i32, K64I32)
#endif
