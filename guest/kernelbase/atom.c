/* Atoms: the process's local table (AddAtom, FindAtom, DeleteAtom, GetAtomName, InitAtomTable)
 * over ntdll's Rtl atom table, and the global one (GlobalAddAtom ...) over the kernel's NtAddAtom
 * family. Integer atoms (a pointer value 1 .. 0xBFFF) are answered here without a table. */
#include "kernelbase.h"

typedef USHORT RTL_ATOM;
NTDLL NTSTATUS NTAPI RtlCreateAtomTable(ULONG, PVOID *);
NTDLL NTSTATUS NTAPI RtlDestroyAtomTable(PVOID);
NTDLL NTSTATUS NTAPI RtlAddAtomToAtomTable(PVOID, PCWSTR, RTL_ATOM *);
NTDLL NTSTATUS NTAPI RtlLookupAtomInAtomTable(PVOID, PCWSTR, RTL_ATOM *);
NTDLL NTSTATUS NTAPI RtlDeleteAtomFromAtomTable(PVOID, RTL_ATOM);
NTDLL NTSTATUS NTAPI RtlQueryAtomInAtomTable(PVOID, RTL_ATOM, ULONG *, ULONG *, PWSTR, ULONG *);
NTDLL NTSTATUS NTAPI NtAddAtomEx(PCWSTR, ULONG, RTL_ATOM *, ULONG);
NTDLL NTSTATUS NTAPI NtFindAtom(PCWSTR, ULONG, RTL_ATOM *);
NTDLL NTSTATUS NTAPI NtDeleteAtom(RTL_ATOM);
NTDLL NTSTATUS NTAPI NtQueryInformationAtom(RTL_ATOM, ULONG, PVOID, ULONG, ULONG *);

#define ATOM_NAME_MAX 255
static PVOID BaseLocalAtomTable;

static BOOL BaseLocalTable(ULONG buckets)
{
    if (BaseLocalAtomTable) return TRUE;
    PVOID table = NULL;
    NTSTATUS status = RtlCreateAtomTable(buckets, &table);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    if (InterlockedCompareExchangePointer(&BaseLocalAtomTable, table, NULL) != NULL)
        RtlDestroyAtomTable(table);                 /* another thread made it first: keep theirs */
    return TRUE;
}

KBAPI BOOL WINAPI InitAtomTable(DWORD nSize)
{
    return BaseLocalTable(nSize);
}

/* Step 1 of the A calls: the name in UTF-16 (an integer atom passes as it is); NULL on error. */
static LPCWSTR BaseAtomNameW(LPCSTR name, WCHAR *buffer)
{
    if ((ULONG_PTR)name <= 0xFFFF) return (LPCWSTR)name;
    int n = MultiByteToWideChar(CP_ACP, 0, name, -1, buffer, ATOM_NAME_MAX + 1);
    if (!n) {
        SetLastError(ERROR_INVALID_PARAMETER);      /* longer than 255 characters */
        return NULL;
    }
    return buffer;
}

/* An integer atom given as a pointer: the atom itself, 0 for 0, 0 and the error past 0xBFFF. */
static BOOL BaseIntegerAtom(LPCWSTR name, ATOM *atom)
{
    if ((ULONG_PTR)name > 0xFFFF) return FALSE;
    *atom = (ATOM)(ULONG_PTR)name;
    if (*atom >= MAXINTATOM) {
        SetLastError(ERROR_INVALID_PARAMETER);
        *atom = 0;
    }
    return TRUE;
}

static ATOM BaseAtomOp(LPCWSTR name, BOOL local, BOOL add, ULONG flags)
{
    ATOM atom;
    RTL_ATOM result = 0;
    NTSTATUS status;
    if (BaseIntegerAtom(name, &atom)) return atom;
    size_t length = wcslen(name);
    if (length > ATOM_NAME_MAX) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (local) {
        if (!BaseLocalTable(0)) return 0;
        status = add ? RtlAddAtomToAtomTable(BaseLocalAtomTable, name, &result)
                     : RtlLookupAtomInAtomTable(BaseLocalAtomTable, name, &result);
    } else {
        status = add ? NtAddAtomEx(name, (ULONG)length * sizeof(WCHAR), &result, flags)
                     : NtFindAtom(name, (ULONG)length * sizeof(WCHAR), &result);
    }
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return 0;
    }
    return result;
}

static ATOM BaseAtomOpA(LPCSTR name, BOOL local, BOOL add, ULONG flags)
{
    WCHAR buffer[ATOM_NAME_MAX + 1];
    LPCWSTR w = BaseAtomNameW(name, buffer);
    return w ? BaseAtomOp(w, local, add, flags) : 0;
}

KBAPI ATOM WINAPI AddAtomW(LPCWSTR lpString) { return BaseAtomOp(lpString, TRUE, TRUE, 0); }
KBAPI ATOM WINAPI AddAtomA(LPCSTR lpString) { return BaseAtomOpA(lpString, TRUE, TRUE, 0); }
KBAPI ATOM WINAPI FindAtomW(LPCWSTR lpString) { return BaseAtomOp(lpString, TRUE, FALSE, 0); }
KBAPI ATOM WINAPI FindAtomA(LPCSTR lpString) { return BaseAtomOpA(lpString, TRUE, FALSE, 0); }
KBAPI ATOM WINAPI GlobalAddAtomW(LPCWSTR lpString) { return BaseAtomOp(lpString, FALSE, TRUE, 0); }
KBAPI ATOM WINAPI GlobalAddAtomA(LPCSTR lpString) { return BaseAtomOpA(lpString, FALSE, TRUE, 0); }
KBAPI ATOM WINAPI GlobalAddAtomExW(LPCWSTR lpString, DWORD Flags) { return BaseAtomOp(lpString, FALSE, TRUE, Flags); }
KBAPI ATOM WINAPI GlobalAddAtomExA(LPCSTR lpString, DWORD Flags) { return BaseAtomOpA(lpString, FALSE, TRUE, Flags); }
KBAPI ATOM WINAPI GlobalFindAtomW(LPCWSTR lpString) { return BaseAtomOp(lpString, FALSE, FALSE, 0); }
KBAPI ATOM WINAPI GlobalFindAtomA(LPCSTR lpString) { return BaseAtomOpA(lpString, FALSE, FALSE, 0); }

/* DeleteAtom and GlobalDeleteAtom: 0 when done, the atom itself on failure. */
KBAPI ATOM WINAPI DeleteAtom(ATOM nAtom)
{
    if (nAtom < MAXINTATOM) return 0;
    if (!BaseLocalTable(0)) return nAtom;
    NTSTATUS status = RtlDeleteAtomFromAtomTable(BaseLocalAtomTable, nAtom);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return nAtom;
    }
    return 0;
}

KBAPI ATOM WINAPI GlobalDeleteAtom(ATOM nAtom)
{
    if (nAtom < MAXINTATOM) return 0;
    NTSTATUS status = NtDeleteAtom(nAtom);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return nAtom;
    }
    return 0;
}

/* The whole name of a local atom in name (256 characters); its length, 0 with the error set. */
static UINT BaseLocalAtomName(ATOM atom, WCHAR *name)
{
    if (!atom) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (!BaseLocalTable(0)) return 0;
    ULONG bytes = (ATOM_NAME_MAX + 1) * sizeof(WCHAR);
    NTSTATUS status = RtlQueryAtomInAtomTable(BaseLocalAtomTable, atom, NULL, NULL, name, &bytes);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return 0;
    }
    return bytes / sizeof(WCHAR);
}

/* GetAtomName: the name cut to nSize - 1 characters and ended; the characters copied. */
KBAPI UINT WINAPI GetAtomNameW(ATOM nAtom, LPWSTR lpBuffer, int nSize)
{
    WCHAR name[ATOM_NAME_MAX + 1];
    UINT length = BaseLocalAtomName(nAtom, name);
    if (!length) return 0;
    if (nSize < 2) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (length > (UINT)nSize - 1) length = nSize - 1;
    memcpy(lpBuffer, name, length * sizeof(WCHAR));
    lpBuffer[length] = 0;
    return length;
}

KBAPI UINT WINAPI GetAtomNameA(ATOM nAtom, LPSTR lpBuffer, int nSize)
{
    WCHAR name[ATOM_NAME_MAX + 1];
    char ansi[2 * ATOM_NAME_MAX + 2];
    UINT length = BaseLocalAtomName(nAtom, name);
    if (!length) return 0;
    if (nSize < 2) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    int n = WideCharToMultiByte(CP_ACP, 0, name, (int)length, ansi, sizeof(ansi), NULL, NULL);
    if (n > nSize - 1) n = nSize - 1;
    memcpy(lpBuffer, ansi, n);
    lpBuffer[n] = 0;
    return n;
}

/* GlobalGetAtomNameW: as much of the name as nSize characters hold (ended only if room is left),
 * from ATOM_BASIC_INFORMATION; the characters copied. */
KBAPI UINT WINAPI GlobalGetAtomNameW(ATOM nAtom, LPWSTR lpBuffer, int nSize)
{
    struct { USHORT UsageCount, Flags, NameLength; WCHAR Name[ATOM_NAME_MAX + 2]; } info;
    if (nSize <= 0) {
        SetLastError(ERROR_MORE_DATA);
        return 0;
    }
    ULONG room = nSize > ATOM_NAME_MAX ? ATOM_NAME_MAX : (ULONG)nSize;
    NTSTATUS status = NtQueryInformationAtom(nAtom, 0 /* AtomBasicInformation */, &info, 8 + room * sizeof(WCHAR), NULL);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return 0;
    }
    UINT length = info.NameLength / sizeof(WCHAR);
    memcpy(lpBuffer, info.Name, length * sizeof(WCHAR));
    if (length < (UINT)nSize) lpBuffer[length] = 0;
    return length;
}

/* GlobalGetAtomNameA: the name and its NUL, or ERROR_MORE_DATA with what fits of it (ended). */
KBAPI UINT WINAPI GlobalGetAtomNameA(ATOM nAtom, LPSTR lpBuffer, int nSize)
{
    struct { USHORT UsageCount, Flags, NameLength; WCHAR Name[ATOM_NAME_MAX + 2]; } info;
    char ansi[2 * ATOM_NAME_MAX + 2];
    if (nSize <= 0) {
        SetLastError(ERROR_MORE_DATA);
        return 0;
    }
    NTSTATUS status = NtQueryInformationAtom(nAtom, 0, &info, sizeof(info), NULL);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return 0;
    }
    int n = WideCharToMultiByte(CP_ACP, 0, info.Name, info.NameLength / sizeof(WCHAR), ansi, sizeof(ansi), NULL, NULL);
    if (n >= nSize) {
        memcpy(lpBuffer, ansi, nSize - 1);
        lpBuffer[nSize - 1] = 0;
        SetLastError(ERROR_MORE_DATA);
        return 0;
    }
    memcpy(lpBuffer, ansi, n);
    lpBuffer[n] = 0;
    return n;
}
