/* _splitpath_s / _wsplitpath_s and _makepath_s / _wmakepath_s: the split and join of path.c with
 * sizes. Each component buffer comes with its size (a null buffer with size 0 skips it, a null
 * buffer with a size or a buffer with size 0 is EINVAL); a component that does not fit is ERANGE;
 * on any error every given buffer is emptied. Errors go through the invalid-parameter step. */
#include "secure.h"

typedef crt_wchar W;

/* The spans of a path: drive "X:", directory up to the last slash or backslash, name, extension
 * from the name's last dot. */
struct spans { size_t drive, dir_end, name_end, end; };

#define DEFINE_SPANS(NAME, T)                                                                      \
static struct spans NAME(const T *p)                                                               \
{                                                                                                  \
    struct spans s = { 0, 0, 0, 0 };                                                               \
    if (p[0] && p[1] == ':')                                                                       \
        s.drive = 2;                                                                               \
    size_t last_slash = s.drive, last_dot = 0, i = s.drive;                                        \
    for (; p[i]; i++) {                                                                            \
        if (p[i] == '/' || p[i] == '\\') last_slash = i + 1;                                      \
        else if (p[i] == '.') last_dot = i;                                                        \
    }                                                                                              \
    s.dir_end = last_slash;                                                                        \
    s.end = i;                                                                                     \
    s.name_end = last_dot >= last_slash && last_dot ? last_dot : i;                                \
    return s;                                                                                      \
}

#define DEFINE_SPLIT_S(NAME, T, SPANS)                                                             \
CRTEXP int NAME(const T *path, T *drive, size_t drive_n, T *dir, size_t dir_n, T *fname,           \
                size_t fname_n, T *ext, size_t ext_n)                                              \
{                                                                                                  \
    T *buf[4] = { drive, dir, fname, ext };                                                        \
    size_t cap[4] = { drive_n, dir_n, fname_n, ext_n };                                            \
    int err = 0;                                                                                   \
    for (int k = 0; k < 4; k++)                                                                    \
        if ((buf[k] == NULL) != (cap[k] == 0))                                                     \
            err = CRT_EINVAL;                                                                      \
    if (path == NULL)                                                                              \
        err = CRT_EINVAL;                                                                          \
    if (!err) {                                                                                    \
        struct spans s = SPANS(path);                                                              \
        size_t from[4] = { 0, s.drive, s.dir_end, s.name_end };                                    \
        size_t to[4] = { s.drive, s.dir_end, s.name_end, s.end };                                  \
        for (int k = 0; k < 4; k++)                                                                \
            if (buf[k] && to[k] - from[k] >= cap[k])                                               \
                err = CRT_ERANGE;                                                                  \
        if (!err) {                                                                                \
            for (int k = 0; k < 4; k++) {                                                          \
                if (!buf[k]) continue;                                                             \
                size_t n = to[k] - from[k];                                                        \
                for (size_t i = 0; i < n; i++) buf[k][i] = path[from[k] + i];                      \
                buf[k][n] = 0;                                                                     \
            }                                                                                      \
            return 0;                                                                              \
        }                                                                                          \
    }                                                                                              \
    for (int k = 0; k < 4; k++)                                                                    \
        if (buf[k] && cap[k])                                                                      \
            buf[k][0] = 0;                                                                         \
    return crt_invalid(err);                                                                       \
}

DEFINE_SPANS(spans_a, char)
DEFINE_SPANS(spans_w, W)
DEFINE_SPLIT_S(_splitpath_s, char, spans_a)
DEFINE_SPLIT_S(_wsplitpath_s, W, spans_w)

/* drive (its letter and ':'), dir (a backslash added unless it ends in a slash or backslash),
 * name, extension ('.' added unless it starts with one), into size characters. */
#define DEFINE_MAKE_S(NAME, T)                                                                     \
CRTEXP int NAME(T *out, size_t size, const T *drive, const T *dir, const T *fname, const T *ext)   \
{                                                                                                  \
    if (out == NULL || size == 0)                                                                  \
        return crt_invalid(CRT_EINVAL);                                                            \
    size_t n = 0;                                                                                  \
    T last = 0;                                                                                    \
    _Bool full = 0;                                                                                \
    if (drive && *drive) {                                                                         \
        if (n + 2 >= size) full = 1; else { out[n++] = *drive; out[n++] = ':'; }                   \
    }                                                                                              \
    if (!full && dir && *dir) {                                                                    \
        for (; *dir && !full; dir++) { if (n + 1 >= size) full = 1; else last = out[n++] = *dir; } \
        if (!full && last != '/' && last != '\\') {                                              \
            if (n + 1 >= size) full = 1; else out[n++] = '\\';                                    \
        }                                                                                          \
    }                                                                                              \
    if (!full && fname)                                                                            \
        for (; *fname && !full; fname++) { if (n + 1 >= size) full = 1; else out[n++] = *fname; }  \
    if (!full && ext && *ext) {                                                                    \
        if (*ext != '.') { if (n + 1 >= size) full = 1; else out[n++] = '.'; }                    \
        for (; *ext && !full; ext++) { if (n + 1 >= size) full = 1; else out[n++] = *ext; }        \
    }                                                                                              \
    if (full) {                                                                                    \
        out[0] = 0;                                                                                \
        return crt_invalid(CRT_ERANGE);                                                            \
    }                                                                                              \
    out[n] = 0;                                                                                    \
    return 0;                                                                                      \
}

DEFINE_MAKE_S(_makepath_s, char)
DEFINE_MAKE_S(_wmakepath_s, W)
