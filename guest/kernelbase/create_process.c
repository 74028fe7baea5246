/* Family 2, process creation. CreateProcessInternalW is stage 1 of the seven: it converts and
 * checks the creation flags, finds the image as the documentation orders the search, builds the
 * process parameters (RtlCreateProcessParametersEx) and the attribute list, and asks
 * NtCreateUserProcess for stages 2 to 6. CreateProcessW and CreateProcessA call it. */
#include "proc_attr.h"

NTDLL NTSTATUS NTAPI NtCreateUserProcess(HANDLE *, HANDLE *, ACCESS_MASK, ACCESS_MASK, OBJECT_ATTRIBUTES *,
                                         OBJECT_ATTRIBUTES *, ULONG, ULONG, PVOID, PVOID, PVOID);
NTDLL NTSTATUS NTAPI RtlCreateProcessParametersEx(BYTE **, UNICODE_STRING *, UNICODE_STRING *, UNICODE_STRING *,
                                                  UNICODE_STRING *, PVOID, UNICODE_STRING *, UNICODE_STRING *,
                                                  UNICODE_STRING *, UNICODE_STRING *, ULONG);
NTDLL NTSTATUS NTAPI RtlDestroyProcessParameters(PVOID);

/* PS_ATTRIBUTE numbers and the structures NtCreateUserProcess takes. */
#define PS_ATTRIBUTE_PARENT_PROCESS 0x60000
#define PS_ATTRIBUTE_CLIENT_ID 0x10003
#define PS_ATTRIBUTE_IMAGE_NAME 0x20005
#define PS_ATTRIBUTE_PRIORITY_CLASS 0x20008
#define PS_ATTRIBUTE_STD_HANDLE_INFO 0x2000A
#define PS_ATTRIBUTE_HANDLE_LIST 0x2000B
#define PS_ATTRIBUTE_JOB_LIST 0x20013
#define PS_REQUEST_DUPLICATE 1
#define PROCESS_CREATE_FLAGS_BREAKAWAY 0x1
#define PROCESS_CREATE_FLAGS_INHERIT_HANDLES 0x4
#define THREAD_CREATE_FLAGS_CREATE_SUSPENDED 0x1
#define RTL_USER_PROC_PARAMS_NORMALIZED 0x1
#define IMAGE_SUBSYSTEM_WINDOWS_CUI_ 3
/* RTL_USER_PROCESS_PARAMETERS.ConsoleHandle for a child without the creator's console */
#define CONSOLE_DETACHED_PROCESS ((HANDLE)(LONG_PTR)-1)
#define CONSOLE_NEW_CONSOLE ((HANDLE)(LONG_PTR)-2)
#define CONSOLE_CREATE_NO_WINDOW ((HANDLE)(LONG_PTR)-3)
#define MAX_PS_ATTRIBUTES 8

typedef struct { ULONG_PTR Attribute; SIZE_T Size; ULONG_PTR Value; SIZE_T *ReturnLength; } PS_ATTRIBUTE;
typedef struct { SIZE_T TotalLength; PS_ATTRIBUTE Attributes[MAX_PS_ATTRIBUTES]; } PS_ATTRIBUTE_LIST;
typedef struct { SIZE_T Size; ULONG State; BYTE Body[0x4C]; } PS_CREATE_INFO;
typedef struct { ULONG Flags, StdHandleSubsystemType; } PS_STD_HANDLE_INFO;

/* The priority class flags, lowest first: with several, the lowest is used (stage 1). */
static const struct { DWORD Flag; UCHAR Class; } PriorityFlags[] = {
    {IDLE_PRIORITY_CLASS, 1}, {BELOW_NORMAL_PRIORITY_CLASS, 5}, {NORMAL_PRIORITY_CLASS, 2},
    {ABOVE_NORMAL_PRIORITY_CLASS, 6}, {HIGH_PRIORITY_CLASS, 3}, {REALTIME_PRIORITY_CLASS, 4},
};

static UCHAR BasePriorityClass(DWORD flags)
{
    for (SIZE_T i = 0; i < sizeof(PriorityFlags) / sizeof(PriorityFlags[0]); i++)
        if (flags & PriorityFlags[i].Flag)
            return PriorityFlags[i].Class == 4 ? 3 : PriorityFlags[i].Class;   /* realtime needs a privilege: high */
    /* None given: normal, unless the creator runs idle or below normal, which the child keeps. */
    DWORD mine = GetPriorityClass(GetCurrentProcess());
    return mine == IDLE_PRIORITY_CLASS ? 1 : mine == BELOW_NORMAL_PRIORITY_CLASS ? 5 : 0;
}

static BOOL IsSpace(WCHAR c) { return c == ' ' || c == '\t'; }

static BOOL HasExtension(const WCHAR *name, const WCHAR *ext)
{
    SIZE_T n = wcslen(name), e = wcslen(ext);
    if (n < e) return FALSE;
    for (SIZE_T i = 0; i < e; i++)
        if (RtlDowncaseUnicodeChar(name[n - e + i]) != ext[i]) return FALSE;
    return TRUE;
}

/* The search for an image named without a folder: the creator's application folder, the
 * current directory, System32, the 16-bit system folder, the Windows folder, then PATH;
 * ".exe" is added to a name without an extension. */
static BOOL BaseSearchImage(const WCHAR *name, WCHAR *full, DWORD size)
{
    static const WCHAR system_dirs[] = L";.;C:\\Windows\\System32;C:\\Windows\\System;C:\\Windows;";
    const UNICODE_STRING *image = (UNICODE_STRING *)(PEB_PROCESS_PARAMETERS() + PP_IMAGE_PATH);
    DWORD path_len = GetEnvironmentVariableW(L"PATH", NULL, 0);
    SIZE_T app_len = image->Length / 2;
    while (app_len && image->Buffer[app_len - 1] != '\\') app_len--;
    SIZE_T total = app_len + sizeof(system_dirs) / 2 + path_len + 1;
    WCHAR *search = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, total * 2);
    if (search == NULL) return FALSE;
    memcpy(search, image->Buffer, app_len * 2);
    memcpy(search + app_len, system_dirs, sizeof(system_dirs));
    SIZE_T used = app_len + sizeof(system_dirs) / 2 - 1;
    if (path_len) GetEnvironmentVariableW(L"PATH", search + used, path_len);
    else search[used] = 0;
    DWORD n = SearchPathW(search, name, L".exe", size, full, NULL);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, search);
    if (n == 0 || n >= size) return FALSE;
    DWORD attributes = GetFileAttributesW(full);
    return attributes != INVALID_FILE_ATTRIBUTES && !(attributes & FILE_ATTRIBUTE_DIRECTORY);
}

/* The image from the command line's first token: quoted, up to the closing quote; unquoted,
 * each run of words up to a blank tried in turn ("c:\program files\a b" tries "c:\program",
 * then "c:\program files\a", then the whole). */
static BOOL BaseImageFromCommandLine(const WCHAR *cl, WCHAR *full, DWORD size)
{
    while (IsSpace(*cl)) cl++;
    WCHAR name[MAX_PATH * 2];
    if (*cl == '"') {
        const WCHAR *end = cl + 1;
        while (*end && *end != '"') end++;
        SIZE_T n = (SIZE_T)(end - cl - 1);
        if (n == 0 || n >= MAX_PATH * 2) return FALSE;
        memcpy(name, cl + 1, n * 2);
        name[n] = 0;
        return BaseSearchImage(name, full, size);
    }
    const WCHAR *end = cl;
    for (;;) {
        while (*end && !IsSpace(*end)) end++;
        SIZE_T n = (SIZE_T)(end - cl);
        if (n && n < MAX_PATH * 2) {
            memcpy(name, cl, n * 2);
            name[n] = 0;
            if (BaseSearchImage(name, full, size)) return TRUE;
        }
        if (*end == 0) return FALSE;
        while (IsSpace(*end)) end++;
    }
}

/* An ANSI environment block in UTF-16 (CreateProcess without CREATE_UNICODE_ENVIRONMENT). */
static WCHAR *BaseWideEnvironment(const char *env)
{
    const char *p = env;
    while (*p) { while (*p) p++; p++; }
    int bytes = (int)(p - env + 1);
    int n = MultiByteToWideChar(CP_ACP, 0, env, bytes, NULL, 0);
    WCHAR *w = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)n * 2);
    if (w) MultiByteToWideChar(CP_ACP, 0, env, bytes, w, n);
    return w;
}

static void InitString(UNICODE_STRING *s, const WCHAR *text)
{
    RtlInitUnicodeString(s, text ? text : L"");
}

static void AddAttribute(PS_ATTRIBUTE_LIST *list, int *count, ULONG_PTR attribute, SIZE_T size, ULONG_PTR value)
{
    PS_ATTRIBUTE *a = &list->Attributes[(*count)++];
    a->Attribute = attribute;
    a->Size = size;
    a->Value = value;
    a->ReturnLength = NULL;
}

KBAPI BOOL WINAPI CreateProcessInternalW(HANDLE token, LPCWSTR application, LPWSTR command_line,
    LPSECURITY_ATTRIBUTES process_sa, LPSECURITY_ATTRIBUTES thread_sa, BOOL inherit, DWORD flags, LPVOID environment,
    LPCWSTR current_directory, LPSTARTUPINFOW startup, LPPROCESS_INFORMATION info, PHANDLE new_token)
{
    (void)token; (void)process_sa; (void)thread_sa;
    if (new_token) *new_token = NULL;
    STARTUPINFOW si_zero = {sizeof(si_zero)};
    STARTUPINFOW *si = startup ? startup : &si_zero;
    LPPROC_THREAD_ATTRIBUTE_LIST attributes = NULL;
    if (flags & EXTENDED_STARTUPINFO_PRESENT) {
        if (si->cb != sizeof(STARTUPINFOEXW)) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        attributes = ((STARTUPINFOEXW *)si)->lpAttributeList;
    }
    /* Stage 1: the flags. */
    if ((application == NULL && command_line == NULL) || info == NULL ||
        (flags & (DETACHED_PROCESS | CREATE_NEW_CONSOLE)) == (DETACHED_PROCESS | CREATE_NEW_CONSOLE)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (flags & (DEBUG_PROCESS | DEBUG_ONLY_THIS_PROCESS | CREATE_PROTECTED_PROCESS)) {
        SetLastError(ERROR_NOT_SUPPORTED);      /* no debug objects and no protected processes here */
        return FALSE;
    }
    PVOID handle_list = NULL, parent = NULL, jobs = NULL;
    SIZE_T handle_list_size = 0, parent_size = 0, jobs_size = 0;
    if (BaseGetProcThreadAttribute(attributes, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, &handle_list, &handle_list_size) &&
        !inherit) {
        SetLastError(ERROR_INVALID_PARAMETER);  /* a handle list narrows inheritance: it needs bInheritHandles */
        return FALSE;
    }
    BaseGetProcThreadAttribute(attributes, PROC_THREAD_ATTRIBUTE_PARENT_PROCESS, &parent, &parent_size);
    BaseGetProcThreadAttribute(attributes, 0x0002000D, &jobs, &jobs_size);      /* PROC_THREAD_ATTRIBUTE_JOB_LIST */

    /* The image: lpApplicationName completed by the current directory, or the command line's
     * first token searched for; a batch file runs under the command interpreter. */
    WCHAR image[MAX_PATH * 2];
    if (application) {
        DWORD n = GetFullPathNameW(application, MAX_PATH * 2, image, NULL);
        if (n == 0 || n >= MAX_PATH * 2) {
            SetLastError(n ? ERROR_FILENAME_EXCED_RANGE : ERROR_PATH_NOT_FOUND);
            return FALSE;
        }
    } else if (!BaseImageFromCommandLine(command_line, image, MAX_PATH * 2)) {
        SetLastError(ERROR_FILE_NOT_FOUND);
        return FALSE;
    }
    const WCHAR *cl = command_line ? command_line : application;
    WCHAR *batch_cl = NULL;
    if (HasExtension(image, L".bat") || HasExtension(image, L".cmd")) {
        static const WCHAR prefix[] = L"C:\\Windows\\system32\\cmd.exe /c \"";
        SIZE_T n = wcslen(cl);
        batch_cl = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, sizeof(prefix) + (n + 2) * 2);
        if (batch_cl == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
        memcpy(batch_cl, prefix, sizeof(prefix));
        memcpy(batch_cl + sizeof(prefix) / 2 - 1, cl, n * 2);
        batch_cl[sizeof(prefix) / 2 - 1 + n] = '"';
        batch_cl[sizeof(prefix) / 2 + n] = 0;
        memcpy(image, L"C:\\Windows\\system32\\cmd.exe", sizeof(L"C:\\Windows\\system32\\cmd.exe"));
        cl = batch_cl;
    }

    /* The current directory: a folder that exists, as a full path. */
    WCHAR curdir[MAX_PATH + 1];
    if (current_directory) {
        DWORD n = GetFullPathNameW(current_directory, MAX_PATH, curdir, NULL);
        DWORD a = n && n < MAX_PATH ? GetFileAttributesW(curdir) : INVALID_FILE_ATTRIBUTES;
        if (a == INVALID_FILE_ATTRIBUTES || !(a & FILE_ATTRIBUTE_DIRECTORY)) {
            SetLastError(ERROR_DIRECTORY);
            RtlFreeHeap(PEB_PROCESS_HEAP(), 0, batch_cl);
            return FALSE;
        }
    }
    WCHAR *wide_env = NULL;
    if (environment && !(flags & CREATE_UNICODE_ENVIRONMENT)) {
        wide_env = BaseWideEnvironment(environment);
        if (wide_env == NULL) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            RtlFreeHeap(PEB_PROCESS_HEAP(), 0, batch_cl);
            return FALSE;
        }
        environment = wide_env;
    }

    /* The process parameters. */
    UNICODE_STRING image_s, cl_s, curdir_s, dll_s, title_s, desktop_s, shell_s, runtime_s;
    InitString(&image_s, image);
    InitString(&cl_s, cl);
    InitString(&curdir_s, current_directory ? curdir : NULL);
    InitString(&dll_s, NULL);
    InitString(&title_s, si->lpTitle ? si->lpTitle : image);
    if (si->lpDesktop) InitString(&desktop_s, si->lpDesktop);
    else desktop_s = *(UNICODE_STRING *)(PEB_PROCESS_PARAMETERS() + PP_DESKTOP_INFO);
    InitString(&shell_s, si->lpReserved);
    runtime_s.Buffer = (PWSTR)si->lpReserved2;
    runtime_s.Length = runtime_s.MaximumLength = si->lpReserved2 ? si->cbReserved2 : 0;
    BYTE *pp = NULL;
    NTSTATUS status = RtlCreateProcessParametersEx(&pp, &image_s, &dll_s, current_directory ? &curdir_s : NULL, &cl_s,
                                                   environment, &title_s, &desktop_s, &shell_s, &runtime_s,
                                                   RTL_USER_PROC_PARAMS_NORMALIZED);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wide_env);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, batch_cl);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    memcpy(pp + 0x88, &si->dwX, 8 * sizeof(DWORD));      /* StartingX ... FillAttribute, WindowFlags */
    *(DWORD *)(pp + 0xA8) = si->wShowWindow;
    if (si->dwFlags & STARTF_USESTDHANDLES) {
        *(HANDLE *)(pp + PP_STDIN) = si->hStdInput;
        *(HANDLE *)(pp + PP_STDOUT) = si->hStdOutput;
        *(HANDLE *)(pp + PP_STDERR) = si->hStdError;
    }
    PVOID pseudo = NULL;
    SIZE_T pseudo_size = 0;
    if (BaseGetProcThreadAttribute(attributes, 0x00020016, &pseudo, &pseudo_size) && pseudo)
        *(HANDLE *)(pp + 0x10) = pseudo;        /* PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE: the HPCON's handle */
    else if (flags & DETACHED_PROCESS) *(HANDLE *)(pp + 0x10) = CONSOLE_DETACHED_PROCESS;
    else if (flags & CREATE_NEW_CONSOLE) *(HANDLE *)(pp + 0x10) = CONSOLE_NEW_CONSOLE;
    else if (flags & CREATE_NO_WINDOW) *(HANDLE *)(pp + 0x10) = CONSOLE_CREATE_NO_WINDOW;

    /* The attribute list: the image's NT name, where the ids go, the standard-handle rule, the
     * priority class, and what STARTUPINFOEX adds. */
    UNICODE_STRING nt = {0};
    status = RtlDosPathNameToNtPathName_U_WithStatus(image, &nt, NULL, NULL);
    if (!NT_SUCCESS(status)) {
        RtlDestroyProcessParameters(pp);
        return BaseFail(status);
    }
    PS_ATTRIBUTE_LIST list;
    int count = 0;
    CLIENT_ID cid = {0};
    PS_STD_HANDLE_INFO std_info = {0, IMAGE_SUBSYSTEM_WINDOWS_CUI_};
    if (!(si->dwFlags & STARTF_USESTDHANDLES) && !(flags & (DETACHED_PROCESS | CREATE_NEW_CONSOLE)))
        std_info.Flags = PS_REQUEST_DUPLICATE;
    UCHAR priority = BasePriorityClass(flags);
    AddAttribute(&list, &count, PS_ATTRIBUTE_IMAGE_NAME, nt.Length, (ULONG_PTR)nt.Buffer);
    AddAttribute(&list, &count, PS_ATTRIBUTE_CLIENT_ID, sizeof(cid), (ULONG_PTR)&cid);
    AddAttribute(&list, &count, PS_ATTRIBUTE_STD_HANDLE_INFO, sizeof(std_info), (ULONG_PTR)&std_info);
    if (priority) AddAttribute(&list, &count, PS_ATTRIBUTE_PRIORITY_CLASS, 1, (ULONG_PTR)&priority);
    if (parent) AddAttribute(&list, &count, PS_ATTRIBUTE_PARENT_PROCESS, sizeof(HANDLE), *(ULONG_PTR *)parent);
    if (handle_list) AddAttribute(&list, &count, PS_ATTRIBUTE_HANDLE_LIST, handle_list_size, (ULONG_PTR)handle_list);
    if (jobs) AddAttribute(&list, &count, PS_ATTRIBUTE_JOB_LIST, jobs_size, (ULONG_PTR)jobs);
    list.TotalLength = sizeof(SIZE_T) + (SIZE_T)count * sizeof(PS_ATTRIBUTE);
    PS_CREATE_INFO create_info;
    memset(&create_info, 0, sizeof(create_info));
    create_info.Size = sizeof(create_info);

    ULONG process_flags = (inherit ? PROCESS_CREATE_FLAGS_INHERIT_HANDLES : 0) |
                          (flags & CREATE_BREAKAWAY_FROM_JOB ? PROCESS_CREATE_FLAGS_BREAKAWAY : 0);
    ULONG thread_flags = flags & CREATE_SUSPENDED ? THREAD_CREATE_FLAGS_CREATE_SUSPENDED : 0;
    HANDLE process = NULL, thread = NULL;
    status = NtCreateUserProcess(&process, &thread, MAXIMUM_ALLOWED, MAXIMUM_ALLOWED, NULL, NULL, process_flags,
                                 thread_flags, pp, &create_info, &list);
    RtlFreeUnicodeString(&nt);
    RtlDestroyProcessParameters(pp);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    info->hProcess = process;
    info->hThread = thread;
    info->dwProcessId = (DWORD)(ULONG_PTR)cid.UniqueProcess;
    info->dwThreadId = (DWORD)(ULONG_PTR)cid.UniqueThread;
    return TRUE;
}

KBAPI BOOL WINAPI CreateProcessW(LPCWSTR application, LPWSTR command_line, LPSECURITY_ATTRIBUTES process_sa,
                                 LPSECURITY_ATTRIBUTES thread_sa, BOOL inherit, DWORD flags, LPVOID environment,
                                 LPCWSTR current_directory, LPSTARTUPINFOW startup, LPPROCESS_INFORMATION info)
{
    return CreateProcessInternalW(NULL, application, command_line, process_sa, thread_sa, inherit, flags, environment,
                                  current_directory, startup, info, NULL);
}

KBAPI BOOL WINAPI CreateProcessA(LPCSTR application, LPSTR command_line, LPSECURITY_ATTRIBUTES process_sa,
                                 LPSECURITY_ATTRIBUTES thread_sa, BOOL inherit, DWORD flags, LPVOID environment,
                                 LPCSTR current_directory, LPSTARTUPINFOA startup, LPPROCESS_INFORMATION info)
{
    /* The strings in UTF-16; STARTUPINFOA has STARTUPINFOW's layout but for its three strings. */
    STARTUPINFOEXW si;
    memset(&si, 0, sizeof(si));
    if (startup) memcpy(&si, startup, startup->cb == sizeof(STARTUPINFOEXA) ? sizeof(STARTUPINFOEXA) : sizeof(STARTUPINFOA));
    WCHAR *app = NULL, *cl = NULL, *dir = NULL, *desktop = NULL, *title = NULL, *reserved = NULL;
    BOOL ok = FALSE;
    if ((application && !(app = BaseWideName(application))) || (command_line && !(cl = BaseWideName(command_line))) ||
        (current_directory && !(dir = BaseWideName(current_directory))))
        goto done;
    if (startup) {
        if ((startup->lpDesktop && !(desktop = BaseWideName(startup->lpDesktop))) ||
            (startup->lpTitle && !(title = BaseWideName(startup->lpTitle))) ||
            (startup->lpReserved && !(reserved = BaseWideName(startup->lpReserved))))
            goto done;
        si.StartupInfo.lpDesktop = desktop;
        si.StartupInfo.lpTitle = title;
        si.StartupInfo.lpReserved = reserved;
    }
    ok = CreateProcessInternalW(NULL, app, cl, process_sa, thread_sa, inherit, flags, environment, dir,
                                startup ? &si.StartupInfo : NULL, info, NULL);
done:
    {
        DWORD error = GetLastError();
        WCHAR *all[] = {app, cl, dir, desktop, title, reserved};
        for (int i = 0; i < 6; i++) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, all[i]);
        SetLastError(error);
    }
    return ok;
}
