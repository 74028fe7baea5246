/* Family 6 (named objects): where kernelbase puts a program's names and how it opens them.
 * BaseGetNamedObjectDirectory opens the session's \Sessions\<n>\BaseNamedObjects once (session
 * 0's is \BaseNamedObjects) and keeps the handle, as Windows 10's kernelbase does; a name is
 * passed relative to it (its Global\ and Local\ prefixes are links there). Names compare with
 * case, as CreateEvent and its kin document. OpenEvent/OpenMutex/OpenSemaphore/OpenFileMapping
 * A/W: no name is ERROR_INVALID_PARAMETER, a name not there ERROR_FILE_NOT_FOUND, one of another
 * type ERROR_INVALID_HANDLE. */
#include "kernelbase.h"
#include "named.h"

#define DIRECTORY_ALL_ACCESS_ 0xF000F
#define PEB_SESSION_ID 0x2C0

NTDLL NTSTATUS NTAPI NtOpenDirectoryObject(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTDLL NTSTATUS NTAPI NtOpenEvent(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTDLL NTSTATUS NTAPI NtOpenMutant(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTDLL NTSTATUS NTAPI NtOpenSemaphore(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTDLL NTSTATUS NTAPI NtOpenSection(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);

static HANDLE BaseNamedObjectDirectory;

/* The session's directory of named objects, opened on first use; NULL with the error set. */
HANDLE BaseGetNamedObjectDirectory(void)
{
    HANDLE dir = BaseNamedObjectDirectory;
    if (dir)
        return dir;
    BYTE *peb;
    __asm__("movq %%gs:0x60, %0" : "=r"(peb));      /* TEB.ProcessEnvironmentBlock */
    ULONG session = *(ULONG *)(peb + PEB_SESSION_ID);
    WCHAR path[48] = L"\\BaseNamedObjects";
    if (session) {
        static const WCHAR head[] = L"\\Sessions\\", tail[] = L"\\BaseNamedObjects";
        WCHAR digits[12];
        int n = 0, at = 0;
        do { digits[n++] = (WCHAR)(L'0' + session % 10); session /= 10; } while (session);
        for (const WCHAR *p = head; *p; p++) path[at++] = *p;
        while (n) path[at++] = digits[--n];
        for (const WCHAR *p = tail; *p; p++) path[at++] = *p;
        path[at] = 0;
    }
    UNICODE_STRING us;
    RtlInitUnicodeString(&us, path);
    OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, &us, OBJ_CASE_INSENSITIVE_, NULL, NULL};
    NTSTATUS status = NtOpenDirectoryObject(&dir, DIRECTORY_ALL_ACCESS_ & ~(DELETE | WRITE_DAC | WRITE_OWNER), &oa);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    HANDLE previous = InterlockedCompareExchangePointer(&BaseNamedObjectDirectory, dir, NULL);
    if (previous) {                             /* another thread opened it first */
        NtClose(dir);
        dir = previous;
    }
    return dir;
}

/* Object attributes for an optional name (BaseFormatObjectAttributes); NULL with the error set
 * when there is a name and no directory for it, or the name is too long. */
OBJECT_ATTRIBUTES *BaseFormatObjectAttributes(BASE_NAMED *n, LPSECURITY_ATTRIBUTES sa, LPCWSTR name,
                                              ULONG attributes)
{
    memset(&n->oa, 0, sizeof(n->oa));
    n->oa.Length = sizeof(n->oa);
    n->oa.Attributes = attributes | ((sa && sa->bInheritHandle) ? OBJ_INHERIT : 0);
    n->oa.SecurityDescriptor = sa ? sa->lpSecurityDescriptor : NULL;
    if (name) {
        if (wcslen(name) > MAX_PATH) {
            SetLastError(ERROR_FILENAME_EXCED_RANGE);
            return NULL;
        }
        n->oa.RootDirectory = BaseGetNamedObjectDirectory();
        if (!n->oa.RootDirectory)
            return NULL;
        RtlInitUnicodeString(&n->name, name);
        n->oa.ObjectName = &n->name;
    }
    return &n->oa;
}

/* An ANSI name in UTF-16 (ACP) in out[MAX_PATH + 1]; FALSE with the error set when too long. */
BOOL BaseWideObjectName(LPCSTR name, WCHAR *out, LPCWSTR *result)
{
    *result = NULL;
    if (name == NULL)
        return TRUE;
    if (!MultiByteToWideChar(CP_ACP, 0, name, -1, out, MAX_PATH + 1)) {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return FALSE;
    }
    *result = out;
    return TRUE;
}

/* OpenX's body: the named object through its NtOpenX. */
HANDLE BaseOpenNamedObject(OPEN_ROUTINE open, DWORD access, BOOL inherit, LPCWSTR name)
{
    if (name == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    BASE_NAMED n;
    OBJECT_ATTRIBUTES *oa = BaseFormatObjectAttributes(&n, NULL, name, inherit ? OBJ_INHERIT : 0);
    if (!oa)
        return NULL;
    HANDLE h = NULL;
    NTSTATUS status = open(&h, access, oa);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    return h;
}

#define OPEN_PAIR(Name, routine) \
    KBAPI HANDLE WINAPI Name##W(DWORD access, BOOL inherit, LPCWSTR name) \
    { \
        return BaseOpenNamedObject(routine, access, inherit, name); \
    } \
    KBAPI HANDLE WINAPI Name##A(DWORD access, BOOL inherit, LPCSTR name) \
    { \
        WCHAR buffer[MAX_PATH + 1]; \
        LPCWSTR wide; \
        if (!BaseWideObjectName(name, buffer, &wide)) return NULL; \
        return BaseOpenNamedObject(routine, access, inherit, wide); \
    }

OPEN_PAIR(OpenEvent, NtOpenEvent)
OPEN_PAIR(OpenMutex, NtOpenMutant)
OPEN_PAIR(OpenSemaphore, NtOpenSemaphore)

/* OpenFileMapping's access is FILE_MAP_*, which are section rights (FILE_MAP_ALL_ACCESS is
 * SECTION_ALL_ACCESS); FILE_MAP_COPY asks for read access to the section. */
static DWORD SectionAccess(DWORD access)
{
    return access == FILE_MAP_COPY ? SECTION_MAP_READ : access;
}

KBAPI HANDLE WINAPI OpenFileMappingW(DWORD access, BOOL inherit, LPCWSTR name)
{
    return BaseOpenNamedObject(NtOpenSection, SectionAccess(access), inherit, name);
}

KBAPI HANDLE WINAPI OpenFileMappingA(DWORD access, BOOL inherit, LPCSTR name)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    if (!BaseWideObjectName(name, buffer, &wide))
        return NULL;
    return BaseOpenNamedObject(NtOpenSection, SectionAccess(access), inherit, wide);
}
