/* ShellExecute(Ex) and FindExecutable. A program (.exe, .com, .bat, .cmd) opens with the verb
 * "open" (or none) through CreateProcess; any other file, and any other verb, through its class's
 * command in HKEY_CLASSES_ROOT (.ext's default value names the class, class\shell\verb\command the
 * command line, %1/%L the file, %* the parameters); an URL through its scheme's class the same
 * way; "runas" ends as a declined elevation prompt (ERROR_CANCELLED). No association is SE_ERR_NOASSOC
 * (ERROR_NO_ASSOCIATION for ShellExecuteEx); success returns a value above 32 (42, as Windows). */
#include "shell32.h"

#define SUCCESS_INSTANCE ((HINSTANCE)42)

static WCHAR Lower(WCHAR c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static BOOL SameText(LPCWSTR a, LPCWSTR b)
{
    while (*a && Lower(*a) == Lower(*b)) a++, b++;
    return *a == 0 && *b == 0;
}

/* out = a b c d (NULLs skipped); the caller has checked the room. */
static void Concat(WCHAR *out, LPCWSTR a, LPCWSTR b, LPCWSTR c, LPCWSTR d)
{
    LPCWSTR parts[4] = {a, b, c, d};
    for (int i = 0; i < 4; i++)
        for (LPCWSTR p = parts[i]; p && *p; p++) *out++ = *p;
    *out = 0;
}

static LPCWSTR Extension(LPCWSTR path)
{
    LPCWSTR dot = NULL;
    for (LPCWSTR p = path; *p; p++) {
        if (*p == '\\' || *p == '/') dot = NULL;
        else if (*p == '.') dot = p;
    }
    return dot;
}

static BOOL IsProgram(LPCWSTR ext)
{
    return ext && (SameText(ext, L".exe") || SameText(ext, L".com") || SameText(ext, L".bat") ||
                   SameText(ext, L".cmd"));
}

/* Step 1: the file, as a full path: relative names from the directory given, then the search
 * path (with .exe added to a name without extension). A Win32 error, 0 when found. */
static DWORD FindFile(LPCWSTR file, LPCWSTR dir, WCHAR out[MAX_PATH])
{
    WCHAR joined[MAX_PATH];
    BOOL relative = !(file[0] == '\\' || (file[0] && file[1] == ':'));
    if (relative && dir && dir[0]) {
        int n = lstrlenW(dir);
        if (n + 1 + lstrlenW(file) < MAX_PATH) {
            lstrcpyW(joined, dir);
            if (joined[n - 1] != '\\') joined[n++] = '\\';
            lstrcpyW(joined + n, file);
            if (GetFileAttributesW(joined) != INVALID_FILE_ATTRIBUTES) {
                DWORD len = GetFullPathNameW(joined, MAX_PATH, out, NULL);
                return len && len < MAX_PATH ? 0 : ERROR_FILE_NOT_FOUND;
            }
        }
    }
    if (GetFileAttributesW(file) != INVALID_FILE_ATTRIBUTES) {       /* as given, from the current directory */
        DWORD len = GetFullPathNameW(file, MAX_PATH, out, NULL);
        return len && len < MAX_PATH ? 0 : ERROR_FILE_NOT_FOUND;
    }
    BOOL hasPath = FALSE;
    for (LPCWSTR p = file; *p; p++) if (*p == '\\' || *p == '/' || *p == ':') hasPath = TRUE;
    if (!hasPath) {
        DWORD len = SearchPathW(NULL, file, L".exe", MAX_PATH, out, NULL);
        if (len && len < MAX_PATH) return 0;
        return ERROR_FILE_NOT_FOUND;
    }
    /* Not there: the folder part missing is a path error. */
    WCHAR parent[MAX_PATH];
    lstrcpynW(parent, file, MAX_PATH);
    WCHAR *cut = NULL;
    for (WCHAR *p = parent; *p; p++) if (*p == '\\' || *p == '/') cut = p;
    if (cut && cut > parent && cut[-1] != ':') {
        *cut = 0;
        DWORD attributes = GetFileAttributesW(parent);
        if (attributes == INVALID_FILE_ATTRIBUTES || !(attributes & FILE_ATTRIBUTE_DIRECTORY))
            return ERROR_PATH_NOT_FOUND;
    }
    return ERROR_FILE_NOT_FOUND;
}

static BOOL ClassValue(LPCWSTR key, WCHAR *out, DWORD bytes)
{
    return RegGetValueW(HKEY_CLASSES_ROOT, key, NULL, RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ, NULL, out, &bytes) ==
           ERROR_SUCCESS && out[0];
}

static BOOL IsSchemeChar(WCHAR c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

/* A class's command for a verb (none: the class's default verb, else "open"). */
static BOOL ClassCommand(LPCWSTR cls, LPCWSTR verb, WCHAR *command, DWORD bytes)
{
    WCHAR key[2 * MAX_PATH], defverb[64];
    if (lstrlenW(cls) + 8 >= 2 * MAX_PATH) return FALSE;
    if (verb == NULL || verb[0] == 0) {
        Concat(key, cls, L"\\shell", NULL, NULL);
        verb = ClassValue(key, defverb, sizeof(defverb)) ? defverb : L"open";
    }
    if (lstrlenW(cls) + lstrlenW(verb) + 20 >= 2 * MAX_PATH) return FALSE;
    Concat(key, cls, L"\\shell\\", verb, L"\\command");
    return ClassValue(key, command, bytes);
}

/* Step 2 for a file that is no program (or another verb): its class's command template. */
static BOOL AssociatedCommand(LPCWSTR path, BOOL folder, LPCWSTR verb, WCHAR *command, DWORD bytes)
{
    WCHAR cls[MAX_PATH];
    LPCWSTR ext = Extension(path);
    if (folder) lstrcpyW(cls, L"Folder");
    else if (ext == NULL || !ClassValue(ext, cls, sizeof(cls))) return FALSE;
    return ClassCommand(cls, verb, command, bytes);
}

/* %1 and %L become the file, %* the parameters, %% a percent sign; other %n are dropped. */
static BOOL Substitute(LPCWSTR template, LPCWSTR path, LPCWSTR params, WCHAR *out, int count)
{
    int n = 0;
    BOOL used = FALSE;
#define PUT(c) do { if (n >= count - 1) return FALSE; out[n++] = (c); } while (0)
    for (LPCWSTR t = template; *t; t++) {
        if (*t != '%' || t[1] == 0) { PUT(*t); continue; }
        t++;
        LPCWSTR insert = NULL;
        if (*t == '1' || *t == 'L' || *t == 'l') { insert = path; used = TRUE; }
        else if (*t == '*') insert = params ? params : L"";
        else if (*t == '%') { PUT('%'); continue; }
        else if (*t >= '2' && *t <= '9') continue;
        else { PUT('%'); PUT(*t); continue; }
        for (; *insert; insert++) PUT(*insert);
    }
    if (!used) {                        /* a template without %1 gets the file appended */
        PUT(' '); PUT('"');
        for (LPCWSTR p = path; *p; p++) PUT(*p);
        PUT('"');
    }
#undef PUT
    out[n] = 0;
    return TRUE;
}

static BOOL Launch(SHELLEXECUTEINFOW *info, WCHAR *command);

static int SeError(DWORD error)
{
    switch (error) {
    case ERROR_FILE_NOT_FOUND: return SE_ERR_FNF;
    case ERROR_PATH_NOT_FOUND: return SE_ERR_PNF;
    case ERROR_ACCESS_DENIED: return SE_ERR_ACCESSDENIED;
    case ERROR_NOT_ENOUGH_MEMORY: case ERROR_OUTOFMEMORY: return SE_ERR_OOM;
    case ERROR_NO_ASSOCIATION: return SE_ERR_NOASSOC;
    case ERROR_SHARING_VIOLATION: return SE_ERR_SHARE;
    case ERROR_BAD_FORMAT: case ERROR_BAD_EXE_FORMAT: return ERROR_BAD_FORMAT;
    case ERROR_DLL_NOT_FOUND: return SE_ERR_DLLNOTFOUND;
    }
    return SE_ERR_ACCESSDENIED;
}

static BOOL Fail(SHELLEXECUTEINFOW *info, DWORD error)
{
    info->hInstApp = (HINSTANCE)(INT_PTR)SeError(error);
    SetLastError(error);
    return FALSE;
}

/* The buffers of one call, on the heap: a command line can be 32767 characters. */
typedef struct { WCHAR Command[32768], Template[2048], Expanded[2048]; } SCRATCH;

static BOOL Execute(SHELLEXECUTEINFOW *info, SCRATCH *scratch);

SHAPI BOOL WINAPI ShellExecuteExW(SHELLEXECUTEINFOW *info)
{
    SCRATCH *scratch = ShAlloc(sizeof(SCRATCH));
    if (scratch == NULL) {
        if (info) info->hInstApp = (HINSTANCE)SE_ERR_OOM;
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    BOOL ok = Execute(info, scratch);
    DWORD error = GetLastError();
    ShFree(scratch);
    SetLastError(error);
    return ok;
}

static BOOL Execute(SHELLEXECUTEINFOW *info, SCRATCH *scratch)
{
    WCHAR *command = scratch->Command, *template = scratch->Template, *expanded = scratch->Expanded;
    if (info == NULL || info->cbSize != sizeof(*info)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (info->fMask & SEE_MASK_NOCLOSEPROCESS) info->hProcess = NULL;
    if (info->lpFile == NULL || info->lpFile[0] == 0) return Fail(info, ERROR_FILE_NOT_FOUND);
    /* A quoted file name loses its quotes. */
    WCHAR file[MAX_PATH], path[MAX_PATH];
    LPCWSTR f = info->lpFile;
    int n = 0;
    for (; *f && n < MAX_PATH - 1; f++) if (*f != '"') file[n++] = *f;
    file[n] = 0;
    LPCWSTR verb = info->lpVerb;
    LPCWSTR params = info->lpParameters;
    /* An URL ("scheme:..." with two letters or more) opens through its scheme's class. */
    int scheme = 0;
    while (IsSchemeChar(file[scheme])) scheme++;
    if (scheme >= 2 && file[scheme] == ':') {
        WCHAR cls[64];
        if (scheme >= (int)ARRAYSIZE(cls)) return Fail(info, ERROR_NO_ASSOCIATION);
        lstrcpynW(cls, file, scheme + 1);
        if (!ClassCommand(cls, verb, template, sizeof(scratch->Template))) return Fail(info, ERROR_NO_ASSOCIATION);
        DWORD len = ExpandEnvironmentStringsW(template, expanded, ARRAYSIZE(scratch->Expanded));
        if (len == 0 || len > ARRAYSIZE(scratch->Expanded) || !Substitute(expanded, file, params, command, 32768))
            return Fail(info, ERROR_NO_ASSOCIATION);
        return Launch(info, command);
    }
    DWORD error = FindFile(file, info->lpDirectory, path);
    if (error) return Fail(info, error);
    /* "runas" asks for elevation, which needs the consent prompt on the secure desktop: nobody can
     * answer it here, so it ends as a declined prompt does. */
    if (verb && SameText(verb, L"runas") && IsProgram(Extension(path))) return Fail(info, ERROR_CANCELLED);
    BOOL folder = (GetFileAttributesW(path) & FILE_ATTRIBUTE_DIRECTORY) != 0;
    if (!folder && IsProgram(Extension(path)) && (verb == NULL || verb[0] == 0 || SameText(verb, L"open"))) {
        if (lstrlenW(path) + (params ? lstrlenW(params) : 0) + 4 >= 32768) return Fail(info, ERROR_INVALID_PARAMETER);
        Concat(command, L"\"", path, L"\"", NULL);
        if (params && params[0]) Concat(command + lstrlenW(command), L" ", params, NULL, NULL);
    } else {
        if (!AssociatedCommand(path, folder, verb, template, sizeof(scratch->Template)))
            return Fail(info, ERROR_NO_ASSOCIATION);
        DWORD len = ExpandEnvironmentStringsW(template, expanded, ARRAYSIZE(scratch->Expanded));
        if (len == 0 || len > ARRAYSIZE(scratch->Expanded)) return Fail(info, ERROR_NO_ASSOCIATION);
        if (!Substitute(expanded, path, params, command, 32768)) return Fail(info, ERROR_INVALID_PARAMETER);
    }
    return Launch(info, command);
}

/* Step 3: the process, in the directory given, shown as nShow says. */
static BOOL Launch(SHELLEXECUTEINFOW *info, WCHAR *command)
{
    STARTUPINFOW si = {sizeof(si)};
    si.dwFlags = STARTF_USESHOWWINDOW;
    si.wShowWindow = (WORD)info->nShow;
    PROCESS_INFORMATION pi;
    LPCWSTR dir = info->lpDirectory && info->lpDirectory[0] ? info->lpDirectory : NULL;
    if (!CreateProcessW(NULL, command, NULL, NULL, FALSE, 0, NULL, dir, &si, &pi))
        return Fail(info, GetLastError());
    CloseHandle(pi.hThread);
    if (info->fMask & SEE_MASK_NOCLOSEPROCESS) info->hProcess = pi.hProcess;
    else CloseHandle(pi.hProcess);
    info->hInstApp = SUCCESS_INSTANCE;
    return TRUE;
}

static LPWSTR Dup(LPCSTR s)
{
    if (s == NULL) return NULL;
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    LPWSTR w = ShAlloc((SIZE_T)n * sizeof(WCHAR));
    if (w) MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
    return w;
}

SHAPI BOOL WINAPI ShellExecuteExA(SHELLEXECUTEINFOA *info)
{
    if (info == NULL || info->cbSize != sizeof(*info)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    SHELLEXECUTEINFOW w = {sizeof(w)};
    w.fMask = info->fMask;
    w.hwnd = info->hwnd;
    w.lpVerb = Dup(info->lpVerb);
    w.lpFile = Dup(info->lpFile);
    w.lpParameters = Dup(info->lpParameters);
    w.lpDirectory = Dup(info->lpDirectory);
    w.nShow = info->nShow;
    BOOL ok = ShellExecuteExW(&w);
    DWORD error = GetLastError();
    info->hInstApp = w.hInstApp;
    info->hProcess = w.hProcess;
    ShFree((void *)w.lpVerb); ShFree((void *)w.lpFile); ShFree((void *)w.lpParameters); ShFree((void *)w.lpDirectory);
    SetLastError(error);
    return ok;
}

SHAPI HINSTANCE WINAPI ShellExecuteW(HWND hwnd, LPCWSTR verb, LPCWSTR file, LPCWSTR params, LPCWSTR dir, INT show)
{
    SHELLEXECUTEINFOW info = {sizeof(info)};
    info.fMask = SEE_MASK_FLAG_NO_UI;
    info.hwnd = hwnd;
    info.lpVerb = verb;
    info.lpFile = file;
    info.lpParameters = params;
    info.lpDirectory = dir;
    info.nShow = show;
    ShellExecuteExW(&info);
    return info.hInstApp;
}

SHAPI HINSTANCE WINAPI ShellExecuteA(HWND hwnd, LPCSTR verb, LPCSTR file, LPCSTR params, LPCSTR dir, INT show)
{
    SHELLEXECUTEINFOA info = {sizeof(info)};
    info.fMask = SEE_MASK_FLAG_NO_UI;
    info.hwnd = hwnd;
    info.lpVerb = verb;
    info.lpFile = file;
    info.lpParameters = params;
    info.lpDirectory = dir;
    info.nShow = show;
    ShellExecuteExA(&info);
    return info.hInstApp;
}

/* FindExecutable: the program that opens a file: a program itself, or its class's "open" command's
 * first token. */
SHAPI HINSTANCE WINAPI FindExecutableW(LPCWSTR file, LPCWSTR dir, LPWSTR result)
{
    WCHAR path[MAX_PATH], template[MAX_PATH * 2];
    if (result == NULL) return (HINSTANCE)SE_ERR_FNF;
    result[0] = 0;
    if (file == NULL) return (HINSTANCE)SE_ERR_FNF;
    DWORD error = FindFile(file, dir, path);
    if (error) return (HINSTANCE)(INT_PTR)SeError(error);
    if (IsProgram(Extension(path))) {
        lstrcpyW(result, path);
        return SUCCESS_INSTANCE;
    }
    if (!AssociatedCommand(path, FALSE, L"open", template, sizeof(template))) return (HINSTANCE)SE_ERR_NOASSOC;
    WCHAR expanded[MAX_PATH * 2];
    if (!ExpandEnvironmentStringsW(template, expanded, ARRAYSIZE(expanded))) expanded[0] = 0;
    expanded[ARRAYSIZE(expanded) - 1] = 0;
    LPCWSTR p = expanded;
    int n = 0;
    if (*p == '"') { for (p++; *p && *p != '"' && n < MAX_PATH - 1; p++) result[n++] = *p; }
    else { for (; *p && *p != ' ' && n < MAX_PATH - 1; p++) result[n++] = *p; }
    result[n] = 0;
    return SUCCESS_INSTANCE;
}

SHAPI HINSTANCE WINAPI FindExecutableA(LPCSTR file, LPCSTR dir, LPSTR result)
{
    WCHAR f[MAX_PATH], d[MAX_PATH], r[MAX_PATH];
    if (result == NULL) return (HINSTANCE)SE_ERR_FNF;
    HINSTANCE h = FindExecutableW(ToWide(file, f, MAX_PATH), ToWide(dir, d, MAX_PATH), r);
    result[0] = 0;
    if ((INT_PTR)h > 32) WideCharToMultiByte(CP_ACP, 0, r, -1, result, MAX_PATH, NULL, NULL);
    return h;
}
