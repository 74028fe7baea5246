/* What shell32's files share: the allocator the shell hands results out with (SHAlloc/CoTaskMemAlloc
 * semantics: the process heap), the ANSI <-> UTF-16 conversions of the A entry points, and the
 * folder table's lookups that folders.c and pidl.c both use. */
#ifndef SHELL32_H
#define SHELL32_H
#define _SHELL32_
#define WIN32_LEAN_AND_MEAN
#define COBJMACROS
#include <windows.h>
#include <shlobj.h>
#include <shellapi.h>

#define SHAPI __declspec(dllexport)

static inline void *ShAlloc(SIZE_T n) { return HeapAlloc(GetProcessHeap(), 0, n); }
static inline void ShFree(void *p) { if (p) HeapFree(GetProcessHeap(), 0, p); }

/* ANSI -> UTF-16 into a caller's buffer of `count` characters; NULL stays NULL. */
static inline LPWSTR ToWide(LPCSTR s, WCHAR *out, int count)
{
    if (s == NULL) return NULL;
    if (!MultiByteToWideChar(CP_ACP, 0, s, -1, out, count)) out[0] = 0;
    return out;
}

/* A double-NUL-terminated ANSI list -> a heap UTF-16 one; NULL stays NULL. */
LPWSTR ShMultiToWide(LPCSTR list);

/* The folder behind a CSIDL (flags masked off): its path, unverified. 0, E_INVALIDARG (no such
 * CSIDL) or E_FAIL (a virtual folder without a path). */
HRESULT ShFolderPath(int csidl, HANDLE token, WCHAR path[MAX_PATH]);
/* The same for a KNOWNFOLDERID; *csidl gets its CSIDL (or -1). */
HRESULT ShKnownFolderPath(REFKNOWNFOLDERID id, HANDLE token, WCHAR path[MAX_PATH], int *csidl);

/* CreateDirectory of every missing component of an absolute path; a Win32 error. */
DWORD ShCreatePath(LPCWSTR path);
#endif
