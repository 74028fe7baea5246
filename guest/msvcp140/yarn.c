/* std::_Yarn<char> and _Yarn<wchar_t>, the STL's malloc'd C string (the locale and _Locinfo names):
 * a pointer (null when empty) and a null character to point at instead; assignment copies the
 * text into a new block and frees the old one. Exported as the class is, inline members and all. */
#include "msvcp.h"

#define YARN_TYPE(CHT, S) \
    typedef struct { CHT *ptr; CHT nul; } yarn##S; \
    static CHT *Dup##S(const CHT *s) \
    { \
        size_t n = 0; \
        while (s[n]) \
            n++; \
        CHT *p = malloc((n + 1) * sizeof(CHT)); \
        if (p == NULL) \
            abort(); \
        __builtin_memcpy(p, s, (n + 1) * sizeof(CHT)); \
        return p; \
    } \
    yarn##S *YarnAssign##S(yarn##S *y, const CHT *s) \
    { \
        if (y->ptr != s) { \
            free(y->ptr); \
            y->ptr = s != NULL ? Dup##S(s) : NULL; \
        } \
        return y; \
    } \
    yarn##S *YarnCopy##S(yarn##S *y, const yarn##S *from) { return YarnAssign##S(y, from->ptr); } \
    yarn##S *YarnCtor##S(yarn##S *y) \
    { \
        y->ptr = NULL; \
        y->nul = 0; \
        return y; \
    } \
    yarn##S *YarnCtorText##S(yarn##S *y, const CHT *s) { return YarnAssign##S(YarnCtor##S(y), s); } \
    yarn##S *YarnCtorCopy##S(yarn##S *y, const yarn##S *from) { return YarnAssign##S(YarnCtor##S(y), from->ptr); } \
    void YarnDtor##S(yarn##S *y) \
    { \
        free(y->ptr); \
        y->ptr = NULL; \
    } \
    unsigned char YarnEmpty##S(const yarn##S *y) { return y->ptr == NULL; } \
    const CHT *YarnCStr##S(const yarn##S *y) { return y->ptr != NULL ? y->ptr : &y->nul; }
YARN_TYPE(char, )
YARN_TYPE(wchar, W)
