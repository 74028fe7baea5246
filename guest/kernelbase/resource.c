/* Family 7 (resources): FindResource(Ex)A/W, LoadResource, LockResource, SizeofResource,
 * FreeResource over ntdll's LdrFindResource_U and LdrAccessResource. A module of NULL is the
 * process's image. A type or name is an id (MAKEINTRESOURCE, or a string "#123") or a string,
 * which is upper-cased as Windows stores resource names. An HRSRC is the resource's
 * IMAGE_RESOURCE_DATA_ENTRY; an HGLOBAL from LoadResource is the data's address. Errors:
 * ERROR_RESOURCE_DATA_NOT_FOUND (no resources), _TYPE_, _NAME_ and _LANG_NOT_FOUND. */
#include "kernelbase.h"

NTDLL NTSTATUS NTAPI LdrFindResource_U(PVOID, const ULONG_PTR *, ULONG, PVOID *);
NTDLL NTSTATUS NTAPI LdrAccessResource(PVOID, const PVOID, PVOID *, ULONG *);

typedef struct { ULONG OffsetToData, Size, CodePage, Reserved; } RESOURCE_DATA_ENTRY;

static PVOID ModuleBase(HMODULE module)
{
    if (module)
        return module;
    PVOID base;
    __asm__("movq %%gs:0x60, %0" : "=r"(base));        /* TEB.ProcessEnvironmentBlock */
    return *(PVOID *)((BYTE *)base + 0x10);             /* PEB.ImageBaseAddress */
}

/* An id or an upper-cased copy of a name in out[]; FALSE (ERROR_INVALID_PARAMETER) when too long. */
static BOOL ResourceId(LPCWSTR name, WCHAR *out, SIZE_T room, ULONG_PTR *id)
{
    if (IS_INTRESOURCE(name)) {
        *id = (ULONG_PTR)name;
        return TRUE;
    }
    if (name[0] == L'#') {                              /* "#123": the id 123 */
        ULONG_PTR v = 0;
        for (LPCWSTR p = name + 1; *p >= L'0' && *p <= L'9'; p++)
            v = v * 10 + (ULONG_PTR)(*p - L'0');
        *id = v & 0xFFFF;
        return TRUE;
    }
    SIZE_T n = 0;
    for (; name[n]; n++) {
        if (n + 1 >= room) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        out[n] = RtlUpcaseUnicodeChar(name[n]);
    }
    out[n] = 0;
    *id = (ULONG_PTR)out;
    return TRUE;
}

KBAPI HRSRC WINAPI FindResourceExW(HMODULE module, LPCWSTR type, LPCWSTR name, WORD language)
{
    WCHAR type_text[256], name_text[256];
    ULONG_PTR info[3] = {0, 0, language};
    if (!ResourceId(type, type_text, 256, &info[0]) || !ResourceId(name, name_text, 256, &info[1]))
        return NULL;
    PVOID entry = NULL;
    NTSTATUS status = LdrFindResource_U(ModuleBase(module), info, 3, &entry);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    return entry;
}

KBAPI HRSRC WINAPI FindResourceW(HMODULE module, LPCWSTR name, LPCWSTR type)
{
    return FindResourceExW(module, type, name, MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL));
}

/* An ANSI type or name as a wide one (ids pass through); NULL means the error is set. */
static LPCWSTR WideId(LPCSTR a, WCHAR *out, int room, BOOL *ok)
{
    *ok = TRUE;
    if (IS_INTRESOURCE(a))
        return (LPCWSTR)a;
    if (!MultiByteToWideChar(CP_ACP, 0, a, -1, out, room)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        *ok = FALSE;
    }
    return out;
}

KBAPI HRSRC WINAPI FindResourceExA(HMODULE module, LPCSTR type, LPCSTR name, WORD language)
{
    WCHAR t[256], n[256];
    BOOL ok1, ok2;
    LPCWSTR wt = WideId(type, t, 256, &ok1), wn = WideId(name, n, 256, &ok2);
    return ok1 && ok2 ? FindResourceExW(module, wt, wn, language) : NULL;
}

KBAPI HRSRC WINAPI FindResourceA(HMODULE module, LPCSTR name, LPCSTR type)
{
    return FindResourceExA(module, type, name, MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL));
}

KBAPI HGLOBAL WINAPI LoadResource(HMODULE module, HRSRC resource)
{
    PVOID data = NULL;
    NTSTATUS status = LdrAccessResource(ModuleBase(module), resource, &data, NULL);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    return data;
}

KBAPI LPVOID WINAPI LockResource(HGLOBAL data)
{
    return data;
}

KBAPI DWORD WINAPI SizeofResource(HMODULE module, HRSRC resource)
{
    (void)module;
    if (resource == NULL) {
        SetLastError(ERROR_INVALID_HANDLE);
        return 0;
    }
    return ((RESOURCE_DATA_ENTRY *)resource)->Size;
}

KBAPI BOOL WINAPI FreeResource(HGLOBAL data)
{
    (void)data;
    return FALSE;                               /* nothing to free: resources are the image's */
}
