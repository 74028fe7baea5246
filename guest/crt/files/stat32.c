/* The other layouts of struct stat over _stat64/_wstat64/_fstat64 (stat.c): _stat32 (32-bit size
 * and times), _stat32i64 (64-bit size, 32-bit times), _stat64i32 (32-bit size, 64-bit times), for
 * the path, wide path and descriptor forms; msvcrt.dll's unsuffixed _stat/_wstat/_fstat have x64's
 * _stat64i32 layout and _stati64/_wstati64/_fstati64 the _stat64 one. Sizes and times are cut
 * to the narrower fields. */
#include "crtbase.h"

typedef crt_wchar W;

#define STAT_HEAD unsigned int st_dev; unsigned short st_ino, st_mode; short st_nlink, st_uid, st_gid; \
    unsigned int st_rdev;
struct crt_stat64 { STAT_HEAD long long st_size, st_atime, st_mtime, st_ctime; };
struct crt_stat32 { STAT_HEAD long st_size, st_atime, st_mtime, st_ctime; };
struct crt_stat32i64 { STAT_HEAD long long st_size; long st_atime, st_mtime, st_ctime; };
struct crt_stat64i32 { STAT_HEAD long st_size; long long st_atime, st_mtime, st_ctime; };

int _stat64(const char *, struct crt_stat64 *);
int _wstat64(const W *, struct crt_stat64 *);
int _fstat64(int, struct crt_stat64 *);

#define DEFINE_STAT_FORMS(SUFFIX, T, SIZE_T, TIME_T)                                               \
static int copy_##SUFFIX(int r, const struct crt_stat64 *s, T *out)                                \
{                                                                                                  \
    if (r == 0) {                                                                                  \
        out->st_dev = s->st_dev; out->st_ino = s->st_ino; out->st_mode = s->st_mode;               \
        out->st_nlink = s->st_nlink; out->st_uid = s->st_uid; out->st_gid = s->st_gid;             \
        out->st_rdev = s->st_rdev; out->st_size = (SIZE_T)s->st_size;                              \
        out->st_atime = (TIME_T)s->st_atime; out->st_mtime = (TIME_T)s->st_mtime;                  \
        out->st_ctime = (TIME_T)s->st_ctime;                                                       \
    }                                                                                              \
    return r;                                                                                      \
}                                                                                                  \
CRTEXP int _stat##SUFFIX(const char *path, T *out)                                                 \
{                                                                                                  \
    struct crt_stat64 s;                                                                           \
    return copy_##SUFFIX(_stat64(path, out ? &s : NULL), &s, out);                                 \
}                                                                                                  \
CRTEXP int _wstat##SUFFIX(const W *path, T *out)                                                   \
{                                                                                                  \
    struct crt_stat64 s;                                                                           \
    return copy_##SUFFIX(_wstat64(path, out ? &s : NULL), &s, out);                                \
}                                                                                                  \
CRTEXP int _fstat##SUFFIX(int fd, T *out)                                                          \
{                                                                                                  \
    struct crt_stat64 s;                                                                           \
    return copy_##SUFFIX(_fstat64(fd, out ? &s : NULL), &s, out);                                  \
}

DEFINE_STAT_FORMS(32, struct crt_stat32, long, long)
DEFINE_STAT_FORMS(32i64, struct crt_stat32i64, long long, long)
DEFINE_STAT_FORMS(64i32, struct crt_stat64i32, long, long long)

#ifdef CRT_MSVCRT
CRTEXP int _stat(const char *path, struct crt_stat64i32 *out) { return _stat64i32(path, out); }
CRTEXP int _wstat(const W *path, struct crt_stat64i32 *out) { return _wstat64i32(path, out); }
CRTEXP int _fstat(int fd, struct crt_stat64i32 *out) { return _fstat64i32(fd, out); }
CRTEXP int _stati64(const char *path, struct crt_stat64 *out) { return _stat64(path, out); }
CRTEXP int _wstati64(const W *path, struct crt_stat64 *out) { return _wstat64(path, out); }
CRTEXP int _fstati64(int fd, struct crt_stat64 *out) { return _fstat64(fd, out); }
#endif
