/* Family 7, EnumResourceTypesW/A, EnumResourceNamesW/A and EnumResourceLanguagesW/A over the
 * module's resource directory (a data mapping from LoadLibraryEx included), in its order: named
 * entries first, passed as strings, then ids, passed as MAKEINTRESOURCE. A callback that returns
 * FALSE stops the walk: FALSE with ERROR_RESOURCE_ENUM_USER_STOP. Errors: no resources ->
 * ERROR_RESOURCE_DATA_NOT_FOUND, an unknown type -> ERROR_RESOURCE_TYPE_NOT_FOUND, an unknown
 * name -> ERROR_RESOURCE_NAME_NOT_FOUND. */
#include "kernelbase.h"

#define IMAGE_DIRECTORY_ENTRY_RESOURCE_ 2

typedef struct {
    ULONG Characteristics, TimeDateStamp;
    USHORT MajorVersion, MinorVersion, NumberOfNamedEntries, NumberOfIdEntries;
} RESOURCE_DIRECTORY;
typedef struct { ULONG Name, OffsetToData; } RESOURCE_DIRECTORY_ENTRY;

static BYTE *Root(HMODULE module)
{
    if (module == NULL)
        module = PEB_IMAGE_BASE();
    BOOL flat = ((ULONG_PTR)module & 3) != 0;
    PVOID base = (PVOID)((ULONG_PTR)module & ~(ULONG_PTR)3);
    ULONG size;
    BYTE *root = RtlImageDirectoryEntryToData(base, !flat, IMAGE_DIRECTORY_ENTRY_RESOURCE_, &size);
    if (root == NULL)
        SetLastError(ERROR_RESOURCE_DATA_NOT_FOUND);
    return root;
}

static RESOURCE_DIRECTORY_ENTRY *Entries(RESOURCE_DIRECTORY *dir, ULONG *count)
{
    *count = dir->NumberOfNamedEntries + dir->NumberOfIdEntries;
    return (RESOURCE_DIRECTORY_ENTRY *)(dir + 1);
}

/* An entry's name or id as the W callbacks get it (names copied into buf with their NUL). */
static LPWSTR IdOf(BYTE *root, RESOURCE_DIRECTORY_ENTRY *e, WCHAR *buf, SIZE_T room)
{
    if (!(e->Name & 0x80000000))
        return MAKEINTRESOURCEW(e->Name & 0xFFFF);
    USHORT *s = (USHORT *)(root + (e->Name & 0x7FFFFFFF));
    SIZE_T n = s[0] < room ? s[0] : room - 1;
    memcpy(buf, s + 1, n * 2);
    buf[n] = 0;
    return buf;
}

static BOOL Matches(BYTE *root, RESOURCE_DIRECTORY_ENTRY *e, LPCWSTR want)
{
    if (IS_INTRESOURCE(want))
        return !(e->Name & 0x80000000) && (e->Name & 0xFFFF) == (ULONG_PTR)want;
    if (want[0] == '#') {
        ULONG v = 0;
        for (LPCWSTR p = want + 1; *p >= '0' && *p <= '9'; p++) v = v * 10 + (ULONG)(*p - '0');
        return !(e->Name & 0x80000000) && (e->Name & 0xFFFF) == v;
    }
    if (!(e->Name & 0x80000000))
        return FALSE;
    USHORT *s = (USHORT *)(root + (e->Name & 0x7FFFFFFF));
    for (USHORT i = 0; i < s[0]; i++)
        if (!want[i] || RtlUpcaseUnicodeChar(want[i]) != RtlUpcaseUnicodeChar(s[1 + i]))
            return FALSE;
    return want[s[0]] == 0;
}

/* The subdirectory for `want` under `dir`, or NULL with `error` set. */
static RESOURCE_DIRECTORY *Find(BYTE *root, RESOURCE_DIRECTORY *dir, LPCWSTR want, DWORD error)
{
    ULONG count;
    RESOURCE_DIRECTORY_ENTRY *e = Entries(dir, &count);
    for (ULONG i = 0; i < count; i++)
        if ((e[i].OffsetToData & 0x80000000) && Matches(root, &e[i], want))
            return (RESOURCE_DIRECTORY *)(root + (e[i].OffsetToData & 0x7FFFFFFF));
    SetLastError(error);
    return NULL;
}

/* The walks, with one callback shape for all: (module, type, name, language, param) -> BOOL. */
typedef BOOL (*VISIT)(void *proc, HMODULE module, LPCWSTR type, LPCWSTR name, WORD language, LONG_PTR param);

static BOOL Walk(HMODULE module, LPCWSTR type, LPCWSTR name, VISIT visit, void *proc, LONG_PTR param)
{
    BYTE *root = Root(module);
    if (root == NULL)
        return FALSE;
    RESOURCE_DIRECTORY *dir = (RESOURCE_DIRECTORY *)root;
    if (type != NULL && (dir = Find(root, dir, type, ERROR_RESOURCE_TYPE_NOT_FOUND)) == NULL)
        return FALSE;
    if (name != NULL && (dir = Find(root, dir, name, ERROR_RESOURCE_NAME_NOT_FOUND)) == NULL)
        return FALSE;
    ULONG count;
    RESOURCE_DIRECTORY_ENTRY *e = Entries(dir, &count);
    WCHAR buf[256];
    for (ULONG i = 0; i < count; i++) {
        LPCWSTR id = name ? NULL : IdOf(root, &e[i], buf, 256);
        WORD language = name ? (WORD)(e[i].Name & 0xFFFF) : 0;
        BOOL go = type == NULL ? visit(proc, module, id, NULL, 0, param)
                : name == NULL ? visit(proc, module, type, id, 0, param)
                               : visit(proc, module, type, name, language, param);
        if (!go) {
            SetLastError(ERROR_RESOURCE_ENUM_USER_STOP);
            return FALSE;
        }
    }
    return TRUE;
}

static BOOL VisitTypeW(void *p, HMODULE m, LPCWSTR t, LPCWSTR n, WORD l, LONG_PTR x)
{ (void)n; (void)l; return ((ENUMRESTYPEPROCW)p)(m, (LPWSTR)t, x); }
static BOOL VisitNameW(void *p, HMODULE m, LPCWSTR t, LPCWSTR n, WORD l, LONG_PTR x)
{ (void)l; return ((ENUMRESNAMEPROCW)p)(m, t, (LPWSTR)n, x); }
static BOOL VisitLangW(void *p, HMODULE m, LPCWSTR t, LPCWSTR n, WORD l, LONG_PTR x)
{ return ((ENUMRESLANGPROCW)p)(m, t, n, l, x); }

KBAPI BOOL WINAPI EnumResourceTypesW(HMODULE module, ENUMRESTYPEPROCW proc, LONG_PTR param)
{
    return Walk(module, NULL, NULL, VisitTypeW, (void *)proc, param);
}

KBAPI BOOL WINAPI EnumResourceNamesW(HMODULE module, LPCWSTR type, ENUMRESNAMEPROCW proc, LONG_PTR param)
{
    if (type == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return Walk(module, type, NULL, VisitNameW, (void *)proc, param);
}

KBAPI BOOL WINAPI EnumResourceLanguagesW(HMODULE module, LPCWSTR type, LPCWSTR name, ENUMRESLANGPROCW proc,
                                         LONG_PTR param)
{
    if (type == NULL || name == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return Walk(module, type, name, VisitLangW, (void *)proc, param);
}

/* The A forms: names in the ANSI code page both ways. */
static LPSTR Narrow(LPCWSTR w, char *buf, int room)
{
    if (w == NULL || IS_INTRESOURCE(w)) return (LPSTR)w;
    WideCharToMultiByte(CP_ACP, 0, w, -1, buf, room, NULL, NULL);
    return buf;
}

static LPCWSTR Widen(LPCSTR a, WCHAR *buf, int room)
{
    if (a == NULL || IS_INTRESOURCE(a)) return (LPCWSTR)a;
    MultiByteToWideChar(CP_ACP, 0, a, -1, buf, room);
    return buf;
}

static BOOL VisitTypeA(void *p, HMODULE m, LPCWSTR t, LPCWSTR n, WORD l, LONG_PTR x)
{
    (void)n; (void)l;
    char tb[256];
    return ((ENUMRESTYPEPROCA)p)(m, Narrow(t, tb, 256), x);
}

static BOOL VisitNameA(void *p, HMODULE m, LPCWSTR t, LPCWSTR n, WORD l, LONG_PTR x)
{
    (void)l;
    char tb[256], nb[256];
    return ((ENUMRESNAMEPROCA)p)(m, Narrow(t, tb, 256), Narrow(n, nb, 256), x);
}

static BOOL VisitLangA(void *p, HMODULE m, LPCWSTR t, LPCWSTR n, WORD l, LONG_PTR x)
{
    char tb[256], nb[256];
    return ((ENUMRESLANGPROCA)p)(m, Narrow(t, tb, 256), Narrow(n, nb, 256), l, x);
}

KBAPI BOOL WINAPI EnumResourceTypesA(HMODULE module, ENUMRESTYPEPROCA proc, LONG_PTR param)
{
    return Walk(module, NULL, NULL, VisitTypeA, (void *)proc, param);
}

KBAPI BOOL WINAPI EnumResourceNamesA(HMODULE module, LPCSTR type, ENUMRESNAMEPROCA proc, LONG_PTR param)
{
    if (type == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    WCHAR tb[256];
    return Walk(module, Widen(type, tb, 256), NULL, VisitNameA, (void *)proc, param);
}

KBAPI BOOL WINAPI EnumResourceLanguagesA(HMODULE module, LPCSTR type, LPCSTR name, ENUMRESLANGPROCA proc,
                                         LONG_PTR param)
{
    if (type == NULL || name == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    WCHAR tb[256], nb[256];
    return Walk(module, Widen(type, tb, 256), Widen(name, nb, 256), VisitLangA, (void *)proc, param);
}
