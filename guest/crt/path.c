/* Path strings: _splitpath/_makepath and their wide and _s forms (no file system involved):
 * drive "X:", directory up to the last slash or backslash, name, extension from the last dot. */
#include "crtbase.h"
#include "errno.h"

#define DEFINE_SPLIT(NAME, T)                                                                      \
static void NAME(const T *path, T *drive, T *dir, T *fname, T *ext)                                \
{                                                                                                  \
    const T *p = path;                                                                             \
    if (p[0] && p[1] == ':') {                                                                     \
        if (drive) { drive[0] = p[0]; drive[1] = ':'; drive[2] = 0; }                             \
        p += 2;                                                                                    \
    } else if (drive)                                                                              \
        drive[0] = 0;                                                                              \
    const T *last_slash = NULL, *last_dot = NULL, *q = p;                                          \
    for (; *q; q++) {                                                                              \
        if (*q == '/' || *q == '\\') last_slash = q + 1;                                          \
        else if (*q == '.') last_dot = q;                                                          \
    }                                                                                              \
    const T *name = last_slash ? last_slash : p;                                                   \
    if (dir) {                                                                                     \
        size_t i = 0;                                                                              \
        for (const T *d = p; d < name; d++) dir[i++] = *d;                                         \
        dir[i] = 0;                                                                                \
    }                                                                                              \
    if (last_dot && last_dot < name) last_dot = NULL;                                              \
    const T *name_end = last_dot ? last_dot : q;                                                   \
    if (fname) {                                                                                   \
        size_t i = 0;                                                                              \
        for (const T *d = name; d < name_end; d++) fname[i++] = *d;                                \
        fname[i] = 0;                                                                              \
    }                                                                                              \
    if (ext) {                                                                                     \
        size_t i = 0;                                                                              \
        for (const T *d = name_end; d < q; d++) ext[i++] = *d;                                     \
        ext[i] = 0;                                                                                \
    }                                                                                              \
}

DEFINE_SPLIT(split_a, char)
DEFINE_SPLIT(split_w, crt_wchar)

CRTEXP void _splitpath(const char *path, char *drive, char *dir, char *fname, char *ext)
{
    if (path == NULL) {
        crt_errno = CRT_EINVAL;
        return;
    }
    split_a(path, drive, dir, fname, ext);
}

CRTEXP void _wsplitpath(const crt_wchar *path, crt_wchar *drive, crt_wchar *dir, crt_wchar *fname,
                        crt_wchar *ext)
{
    if (path == NULL) {
        crt_errno = CRT_EINVAL;
        return;
    }
    split_w(path, drive, dir, fname, ext);
}

/* drive (with ':' added), dir (with a backslash added unless it ends in one), name, extension
 * (with '.' added unless it starts with one). */
#define DEFINE_MAKE(NAME, T)                                                                       \
CRTEXP void NAME(T *out, const T *drive, const T *dir, const T *fname, const T *ext)               \
{                                                                                                  \
    size_t n = 0;                                                                                  \
    if (drive && *drive) { out[n++] = *drive; out[n++] = ':'; }                                    \
    if (dir && *dir) {                                                                             \
        while (*dir) out[n++] = *dir++;                                                            \
        if (out[n - 1] != '/' && out[n - 1] != '\\') out[n++] = '\\';                            \
    }                                                                                              \
    if (fname) while (*fname) out[n++] = *fname++;                                                 \
    if (ext && *ext) {                                                                             \
        if (*ext != '.') out[n++] = '.';                                                           \
        while (*ext) out[n++] = *ext++;                                                            \
    }                                                                                              \
    out[n] = 0;                                                                                    \
}

DEFINE_MAKE(_makepath, char)
DEFINE_MAKE(_wmakepath, crt_wchar)
