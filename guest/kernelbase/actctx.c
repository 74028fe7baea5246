/* Family 24, activation contexts: CreateActCtx reads a manifest (a file, or an RT_MANIFEST resource of
 * a module or image file) and resolves its dependent assemblies (the system's own side-by-side
 * assemblies, or private ones beside the application); ActivateActCtx and DeactivateActCtx push and
 * pop the thread's ACTIVATION_CONTEXT_STACK at TEB.ActivationContextStackPointer with Windows'
 * cookie rules; GetCurrentActCtx, QueryActCtxW, QueryActCtxSettingsW and FindActCtxSectionString
 * answer from the active context. The loader does not yet redirect DLL loads through a context. */
#include "actctx.h"

#define ACTCTX_MAGIC 0x58544341u                /* 'ACTX' */
#define TEB_ACTIVATION_STACK 0x2C8
#define ACTCTX_VALID_FLAGS 0xFF
#define WINDOWS_SETTINGS_2005 L"http://schemas.microsoft.com/SMI/2005/WindowsSettings"

NTDLL VOID NTAPI RtlRaiseStatus(NTSTATUS);

typedef struct {
    DWORD magic;
    LONG refs;
    BOOL zombie;
    WCHAR manifest_path[MAX_PATH];
    WCHAR app_dir[MAX_PATH];
    MANIFEST manifest;
} ACTCTX_OBJECT;

/* Windows x64's RTL_ACTIVATION_CONTEXT_STACK_FRAME inside its heap-allocated form, and the stack. */
typedef struct _RTL_ACTIVATION_CONTEXT_STACK_FRAME {
    struct _RTL_ACTIVATION_CONTEXT_STACK_FRAME *Previous;
    ACTCTX_OBJECT *ActivationContext;
    ULONG Flags;
} RTL_ACTIVATION_CONTEXT_STACK_FRAME;
typedef struct {
    RTL_ACTIVATION_CONTEXT_STACK_FRAME Frame;
    ULONG_PTR Cookie;
    PVOID ActivationStackBackTrace[8];
} RTL_HEAP_ALLOCATED_ACTIVATION_CONTEXT_STACK_FRAME;
typedef struct {
    RTL_ACTIVATION_CONTEXT_STACK_FRAME *ActiveFrame;
    LIST_ENTRY FrameListCache;
    ULONG Flags, NextCookieSequenceNumber, StackId;
} ACTIVATION_CONTEXT_STACK;

static ACTCTX_OBJECT *ProcessDefault;
static LONG NextStackId;

static ACTCTX_OBJECT *Object(HANDLE h)
{
    ACTCTX_OBJECT *a = h;
    if (a == NULL || a == INVALID_HANDLE_VALUE || ((ULONG_PTR)a & 7))
        return NULL;
    return a->magic == ACTCTX_MAGIC ? a : NULL;
}

static ACTIVATION_CONTEXT_STACK *ThreadStack(BOOL create)
{
    ACTIVATION_CONTEXT_STACK **slot = (ACTIVATION_CONTEXT_STACK **)(TEB_() + TEB_ACTIVATION_STACK);
    if (*slot == NULL && create) {
        ACTIVATION_CONTEXT_STACK *s = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*s));
        if (s == NULL) return NULL;
        s->FrameListCache.Flink = s->FrameListCache.Blink = &s->FrameListCache;
        s->StackId = (ULONG)InterlockedIncrement(&NextStackId);
        *slot = s;
    }
    return *slot;
}

/* The context in effect: the innermost activation, else the process default. */
static ACTCTX_OBJECT *ActiveContext(void)
{
    ACTIVATION_CONTEXT_STACK *s = ThreadStack(FALSE);
    if (s && s->ActiveFrame)
        return s->ActiveFrame->ActivationContext;
    return ProcessDefault;
}

KBAPI VOID WINAPI AddRefActCtx(HANDLE h)
{
    ACTCTX_OBJECT *a = Object(h);
    if (a) InterlockedIncrement(&a->refs);
}

KBAPI VOID WINAPI ReleaseActCtx(HANDLE h)
{
    ACTCTX_OBJECT *a = Object(h);
    if (a && InterlockedDecrement(&a->refs) == 0) {
        a->magic = 0;
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, a);
    }
}

KBAPI BOOL WINAPI ZombifyActCtx(HANDLE h)
{
    ACTCTX_OBJECT *a = Object(h);
    if (a == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    a->zombie = TRUE;
    return TRUE;
}

/* The manifest bytes as text: UTF-16 after its byte-order mark, else UTF-8 (with or without one). */
static WCHAR *DecodeManifest(const BYTE *data, DWORD size, size_t *chars)
{
    WCHAR *text;
    if (size >= 2 && data[0] == 0xFF && data[1] == 0xFE) {
        *chars = (size - 2) / 2;
        text = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (*chars + 1) * sizeof(WCHAR));
        if (text) memcpy(text, data + 2, *chars * sizeof(WCHAR));
    } else {
        if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) { data += 3; size -= 3; }
        int n = size ? MultiByteToWideChar(CP_UTF8, 0, (const char *)data, (int)size, NULL, 0) : 0;
        *chars = (size_t)n;
        text = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, ((size_t)n + 1) * sizeof(WCHAR));
        if (text && n) MultiByteToWideChar(CP_UTF8, 0, (const char *)data, (int)size, text, n);
    }
    return text;
}

static BOOL ParseBytes(const BYTE *data, DWORD size, MANIFEST *m)
{
    size_t chars;
    WCHAR *text = DecodeManifest(data, size, &chars);
    if (text == NULL) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    BOOL ok = ActCtxParseManifest(text, chars, m);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, text);
    if (!ok) SetLastError(ERROR_SXS_CANT_GEN_ACTCTX);
    return ok;
}

static BOOL FromModule(HMODULE module, LPCWSTR resource, MANIFEST *m)
{
    HRSRC r = FindResourceW(module, resource, MAKEINTRESOURCEW(24));      /* RT_MANIFEST */
    if (r == NULL)
        return FALSE;                           /* FindResource's ERROR_RESOURCE_*_NOT_FOUND */
    HGLOBAL g = LoadResource(module, r);
    const BYTE *data = g ? LockResource(g) : NULL;
    if (data == NULL)
        return FALSE;
    return ParseBytes(data, SizeofResource(module, r), m);
}

/* A manifest file, or an image file whose RT_MANIFEST resource is the manifest. */
static BOOL FromFile(LPCWSTR path, LPCWSTR resource, MANIFEST *m)
{
    HANDLE f = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (f == INVALID_HANDLE_VALUE)
        return FALSE;
    DWORD size = GetFileSize(f, NULL), got = 0;
    BYTE *data = size != INVALID_FILE_SIZE ? RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, size ? size : 1) : NULL;
    BOOL ok = data && ReadFile(f, data, size, &got, NULL) && got == size;
    CloseHandle(f);
    if (!ok) {
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, data);
        SetLastError(ERROR_SXS_CANT_GEN_ACTCTX);
        return FALSE;
    }
    if (size >= 2 && data[0] == 'M' && data[1] == 'Z') {
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, data);
        HMODULE image = LoadLibraryExW(path, NULL, LOAD_LIBRARY_AS_DATAFILE);
        if (image == NULL)
            return FALSE;
        ok = FromModule(image, resource ? resource : MAKEINTRESOURCEW(1), m);
        DWORD error = GetLastError();
        FreeLibrary(image);
        SetLastError(error);
        return ok;
    }
    ok = ParseBytes(data, size, m);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, data);
    return ok;
}

/* Assemblies Windows 10 installs side by side in WinSxS. */
static BOOL IsSystemAssembly(const ASSEMBLY_IDENTITY *id)
{
    static const WCHAR *names[] = {L"Microsoft.Windows.Common-Controls", L"Microsoft.Windows.GdiPlus",
                                   L"Microsoft.Windows.SystemCompatible", L"Microsoft.Windows.IsolationAutomation"};
    for (size_t i = 0; i < ARRAYSIZE(names); i++)
        if (!lstrcmpiW(id->name, names[i])) return TRUE;
    return FALSE;
}

/* A private assembly: <dir>\<name>.manifest, <dir>\<name>\<name>.manifest or <dir>\<name>.dll. */
static BOOL FindPrivateAssembly(const WCHAR *dir, const ASSEMBLY_IDENTITY *id)
{
    static const WCHAR *tails[] = {L".manifest", L"\\", L".dll"};
    WCHAR path[MAX_PATH];
    if (wcslen(dir) + 2 * wcslen(id->name) + 12 >= MAX_PATH) return FALSE;
    MANIFEST *m = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, sizeof(*m));
    if (m == NULL) return FALSE;
    BOOL found = FALSE;
    for (size_t i = 0; i < ARRAYSIZE(tails) && !found; i++) {
        lstrcpyW(path, dir);
        lstrcatW(path, id->name);
        lstrcatW(path, tails[i]);
        if (i == 1) {
            lstrcatW(path, id->name);
            lstrcatW(path, L".manifest");
        }
        if (GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES)
            continue;
        found = FromFile(path, MAKEINTRESOURCEW(1), m) && !lstrcmpiW(m->identity.name, id->name);
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, m);
    return found;
}

static void DirectoryOf(const WCHAR *path, WCHAR *dir)
{
    GetFullPathNameW(path, MAX_PATH, dir, NULL);
    WCHAR *slash = wcsrchr(dir, L'\\');
    if (slash) slash[1] = 0;
}

KBAPI HANDLE WINAPI CreateActCtxW(PCACTCTXW actctx)
{
    if (actctx == NULL || actctx->cbSize < FIELD_OFFSET(ACTCTXW, wProcessorArchitecture) ||
        (actctx->dwFlags & ~ACTCTX_VALID_FLAGS) ||
        ((actctx->dwFlags & ACTCTX_FLAG_HMODULE_VALID) && actctx->cbSize < sizeof(ACTCTXW)) ||
        (!(actctx->dwFlags & ACTCTX_FLAG_HMODULE_VALID) && actctx->lpSource == NULL) ||
        ((actctx->dwFlags & ACTCTX_FLAG_SET_PROCESS_DEFAULT) && ProcessDefault)) {
        SetLastError((actctx && (actctx->dwFlags & ACTCTX_FLAG_SET_PROCESS_DEFAULT) && ProcessDefault)
                         ? ERROR_SXS_PROCESS_DEFAULT_ALREADY_SET : ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    ACTCTX_OBJECT *a = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*a));
    if (a == NULL) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    LPCWSTR resource = (actctx->dwFlags & ACTCTX_FLAG_RESOURCE_NAME_VALID) ? actctx->lpResourceName : NULL;
    BOOL ok;
    if (actctx->dwFlags & ACTCTX_FLAG_HMODULE_VALID) {
        GetModuleFileNameW(actctx->hModule, a->manifest_path, MAX_PATH);
        ok = FromModule(actctx->hModule, resource ? resource : MAKEINTRESOURCEW(1), &a->manifest);
    } else {
        /* A relative source names a file in the assembly directory when one is given. */
        const WCHAR *source = actctx->lpSource;
        WCHAR joined[MAX_PATH];
        if ((actctx->dwFlags & ACTCTX_FLAG_ASSEMBLY_DIRECTORY_VALID) && actctx->lpAssemblyDirectory &&
            source[0] != L'\\' && !(source[0] && source[1] == L':') &&
            wcslen(actctx->lpAssemblyDirectory) + wcslen(source) + 2 < MAX_PATH) {
            lstrcpyW(joined, actctx->lpAssemblyDirectory);
            size_t n = wcslen(joined);
            if (n && joined[n - 1] != L'\\') lstrcatW(joined, L"\\");
            lstrcatW(joined, source);
            source = joined;
        }
        GetFullPathNameW(source, MAX_PATH, a->manifest_path, NULL);
        ok = FromFile(source, resource, &a->manifest);
    }
    if (actctx->dwFlags & ACTCTX_FLAG_ASSEMBLY_DIRECTORY_VALID) {
        lstrcpynW(a->app_dir, actctx->lpAssemblyDirectory, MAX_PATH - 1);
        size_t n = wcslen(a->app_dir);
        if (n && a->app_dir[n - 1] != L'\\') lstrcatW(a->app_dir, L"\\");
    } else {
        DirectoryOf(a->manifest_path, a->app_dir);
    }
    for (int i = 0; ok && i < a->manifest.dependency_count; i++) {
        const ASSEMBLY_IDENTITY *dep = &a->manifest.dependencies[i];
        if (!IsSystemAssembly(dep) && !FindPrivateAssembly(a->app_dir, dep)) {
            SetLastError(ERROR_SXS_CANT_GEN_ACTCTX);
            ok = FALSE;
        }
    }
    if (!ok) {
        DWORD error = GetLastError();
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, a);
        SetLastError(error);
        return INVALID_HANDLE_VALUE;
    }
    a->magic = ACTCTX_MAGIC;
    a->refs = 1;
    if (actctx->dwFlags & ACTCTX_FLAG_SET_PROCESS_DEFAULT) {
        a->refs++;
        ProcessDefault = a;
    }
    return a;
}

static WCHAR *Widen(LPCSTR s)
{
    if (s == NULL || IS_INTRESOURCE(s)) return (WCHAR *)s;
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    WCHAR *w = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, n * sizeof(WCHAR));
    if (w) MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
    return w;
}

static void FreeWide(LPCSTR s, WCHAR *w)
{
    if (w && (LPCSTR)w != s) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
}

KBAPI HANDLE WINAPI CreateActCtxA(PCACTCTXA actctx)
{
    if (actctx == NULL || actctx->cbSize < FIELD_OFFSET(ACTCTXA, wProcessorArchitecture)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    ACTCTXW w;
    memset(&w, 0, sizeof(w));
    memcpy(&w, actctx, actctx->cbSize < sizeof(w) ? actctx->cbSize : sizeof(w));
    w.cbSize = actctx->cbSize;
    BOOL full = actctx->cbSize >= sizeof(ACTCTXA);
    w.lpSource = Widen(actctx->lpSource);
    w.lpAssemblyDirectory = full ? Widen(actctx->lpAssemblyDirectory) : NULL;
    w.lpResourceName = full ? Widen(actctx->lpResourceName) : NULL;
    w.lpApplicationName = full ? Widen(actctx->lpApplicationName) : NULL;
    HANDLE h = CreateActCtxW(&w);
    DWORD error = GetLastError();
    FreeWide(actctx->lpSource, (WCHAR *)w.lpSource);
    if (full) {
        FreeWide(actctx->lpAssemblyDirectory, (WCHAR *)w.lpAssemblyDirectory);
        FreeWide(actctx->lpResourceName, (WCHAR *)w.lpResourceName);
        FreeWide(actctx->lpApplicationName, (WCHAR *)w.lpApplicationName);
    }
    SetLastError(error);
    return h;
}

KBAPI BOOL WINAPI ActivateActCtx(HANDLE h, ULONG_PTR *cookie)
{
    ACTCTX_OBJECT *a = Object(h);
    if (cookie == NULL || (h != NULL && a == NULL)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ACTIVATION_CONTEXT_STACK *s = ThreadStack(TRUE);
    RTL_HEAP_ALLOCATED_ACTIVATION_CONTEXT_STACK_FRAME *f = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*f));
    if (s == NULL || f == NULL) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    if (a) InterlockedIncrement(&a->refs);
    f->Frame.Previous = s->ActiveFrame;
    f->Frame.ActivationContext = a;
    f->Frame.Flags = 0x28;                      /* heap-allocated, not really deactivated */
    f->Cookie = 0x10000000u | ((ULONG_PTR)(s->StackId & 0xFFF) << 16) | (++s->NextCookieSequenceNumber & 0xFFFF);
    s->ActiveFrame = &f->Frame;
    *cookie = f->Cookie;
    return TRUE;
}

/* Pop to the frame the cookie names: it must be the innermost unless FORCE_EARLY_DEACTIVATION. */
KBAPI BOOL WINAPI DeactivateActCtx(DWORD flags, ULONG_PTR cookie)
{
    if (flags & ~DEACTIVATE_ACTCTX_FLAG_FORCE_EARLY_DEACTIVATION) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ACTIVATION_CONTEXT_STACK *s = ThreadStack(FALSE);
    RTL_ACTIVATION_CONTEXT_STACK_FRAME *frame = s ? s->ActiveFrame : NULL;
    while (frame && ((RTL_HEAP_ALLOCATED_ACTIVATION_CONTEXT_STACK_FRAME *)frame)->Cookie != cookie)
        frame = frame->Previous;
    if (frame == NULL)
        RtlRaiseStatus(STATUS_SXS_INVALID_DEACTIVATION);
    if (frame != s->ActiveFrame && !(flags & DEACTIVATE_ACTCTX_FLAG_FORCE_EARLY_DEACTIVATION))
        RtlRaiseStatus(STATUS_SXS_EARLY_DEACTIVATION);
    for (;;) {
        RTL_ACTIVATION_CONTEXT_STACK_FRAME *top = s->ActiveFrame;
        s->ActiveFrame = top->Previous;
        ReleaseActCtx(top->ActivationContext);
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, top);
        if (top == frame) break;
    }
    return TRUE;
}

KBAPI BOOL WINAPI GetCurrentActCtx(HANDLE *h)
{
    if (h == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ACTIVATION_CONTEXT_STACK *s = ThreadStack(FALSE);
    ACTCTX_OBJECT *a = s && s->ActiveFrame ? s->ActiveFrame->ActivationContext : NULL;
    AddRefActCtx(a);
    *h = a;
    return TRUE;
}

/* The context a query names by its flags. */
static BOOL QueryTarget(DWORD flags, HANDLE h, ACTCTX_OBJECT **out)
{
    if (flags & QUERY_ACTCTX_FLAG_USE_ACTIVE_ACTCTX) {
        *out = ActiveContext();
        return TRUE;
    }
    if (flags & (QUERY_ACTCTX_FLAG_ACTCTX_IS_HMODULE | QUERY_ACTCTX_FLAG_ACTCTX_IS_ADDRESS)) {
        *out = ProcessDefault;                  /* no module carries a context of its own here */
        return TRUE;
    }
    if (h != NULL && Object(h) == NULL)
        return FALSE;
    *out = h ? Object(h) : ProcessDefault;
    return TRUE;
}

static BOOL Written(SIZE_T need, SIZE_T size, SIZE_T *written)
{
    if (written) *written = need;
    if (size < need) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    return TRUE;
}

KBAPI BOOL WINAPI QueryActCtxW(DWORD flags, HANDLE h, PVOID sub, ULONG info_class, PVOID buffer, SIZE_T size,
                               SIZE_T *written)
{
    const DWORD known = QUERY_ACTCTX_FLAG_USE_ACTIVE_ACTCTX | QUERY_ACTCTX_FLAG_ACTCTX_IS_HMODULE |
                        QUERY_ACTCTX_FLAG_ACTCTX_IS_ADDRESS | QUERY_ACTCTX_FLAG_NO_ADDREF;
    ACTCTX_OBJECT *a;
    if ((flags & ~known) || (buffer == NULL && size) || !QueryTarget(flags, h, &a)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    (void)sub;
    switch (info_class) {
    case ActivationContextBasicInformation: {
        if (!Written(sizeof(ACTIVATION_CONTEXT_BASIC_INFORMATION), size, written)) return FALSE;
        ACTIVATION_CONTEXT_BASIC_INFORMATION *info = buffer;
        info->hActCtx = a;
        info->dwFlags = 0;
        if (!(flags & QUERY_ACTCTX_FLAG_NO_ADDREF)) AddRefActCtx(a);
        return TRUE;
    }
    case ActivationContextDetailedInformation: {
        const WCHAR *manifest = a ? a->manifest_path : L"", *dir = a ? a->app_dir : L"";
        SIZE_T lm = wcslen(manifest), ld = wcslen(dir);
        SIZE_T need = sizeof(ACTIVATION_CONTEXT_DETAILED_INFORMATION) + (lm + 1 + ld + 1) * sizeof(WCHAR);
        if (!Written(need, size, written)) return FALSE;
        ACTIVATION_CONTEXT_DETAILED_INFORMATION *info = buffer;
        WCHAR *strings = (WCHAR *)(info + 1);
        memset(info, 0, sizeof(*info));
        info->ulFormatVersion = 1;
        info->ulAssemblyCount = a ? 1 + (DWORD)a->manifest.dependency_count : 0;
        info->ulRootManifestPathType = ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE;
        info->ulRootManifestPathChars = (DWORD)lm;
        info->ulRootConfigurationPathType = ACTIVATION_CONTEXT_PATH_TYPE_NONE;
        info->ulAppDirPathType = ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE;
        info->ulAppDirPathChars = (DWORD)ld;
        memcpy(strings, manifest, (lm + 1) * sizeof(WCHAR));
        memcpy(strings + lm + 1, dir, (ld + 1) * sizeof(WCHAR));
        info->lpRootManifestPath = lm ? strings : NULL;
        info->lpAppDirPath = ld ? strings + lm + 1 : NULL;
        return TRUE;
    }
    case RunlevelInformationInActivationContext: {
        if (!Written(sizeof(ACTIVATION_CONTEXT_RUN_LEVEL_INFORMATION), size, written)) return FALSE;
        ACTIVATION_CONTEXT_RUN_LEVEL_INFORMATION *info = buffer;
        info->ulFlags = 0;
        info->RunLevel = a ? (ACTCTX_REQUESTED_RUN_LEVEL)a->manifest.run_level : ACTCTX_RUN_LEVEL_UNSPECIFIED;
        info->UiAccess = a ? (DWORD)a->manifest.ui_access : 0;
        return TRUE;
    }
    case CompatibilityInformationInActivationContext: {
        /* ElementCount, then 32-byte COMPATIBILITY_CONTEXT_ELEMENTs (Id, Type, MaxVersionTested). */
        int count = a ? a->manifest.compat_count : 0;
        SIZE_T need = 8 + (SIZE_T)count * 32;
        if (!Written(need, size, written)) return FALSE;
        BYTE *out = buffer;
        memset(out, 0, need);
        *(DWORD *)out = (DWORD)count;
        int k = 0;
        for (DWORD type = 1; type <= 3; type++)         /* the OS entries first, then the versions */
            for (int i = 0; i < count; i++) {
                if (a->manifest.compat[i].type != type) continue;
                BYTE *e = out + 8 + (SIZE_T)k++ * 32;
                memcpy(e, &a->manifest.compat[i].id, sizeof(GUID));
                *(DWORD *)(e + 16) = type;
                *(ULONGLONG *)(e + 24) = a->manifest.compat[i].max_version;
            }
        return TRUE;
    }
    default:
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
}

KBAPI BOOL WINAPI QueryActCtxSettingsW(DWORD flags, HANDLE h, LPCWSTR ns, LPCWSTR name, LPWSTR buffer, SIZE_T size,
                                       SIZE_T *written)
{
    ACTCTX_OBJECT *a;
    if (flags || name == NULL || (buffer == NULL && size) || !QueryTarget(0, h, &a)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (ns == NULL)
        ns = WINDOWS_SETTINGS_2005;
    if (wcsncmp(ns, L"http://schemas.microsoft.com/SMI/20", 35) != 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    for (int i = 0; a && i < a->manifest.setting_count; i++) {
        const SETTING *st = &a->manifest.settings[i];
        if (lstrcmpW(st->name, name) || lstrcmpW(st->ns[0] ? st->ns : WINDOWS_SETTINGS_2005, ns))
            continue;
        SIZE_T need = wcslen(st->value) + 1;
        if (!Written(need, size, written)) return FALSE;
        memcpy(buffer, st->value, need * sizeof(WCHAR));
        return TRUE;
    }
    SetLastError(ERROR_SXS_KEY_NOT_FOUND);
    return FALSE;
}

/* DLL redirection (section 2) names the <file> entries of the active context's assembly. */
KBAPI BOOL WINAPI FindActCtxSectionStringW(DWORD flags, const GUID *guid, ULONG section, LPCWSTR key,
                                           PACTCTX_SECTION_KEYED_DATA data)
{
    if (guid || key == NULL || data == NULL || data->cbSize < FIELD_OFFSET(ACTCTX_SECTION_KEYED_DATA, hActCtx) ||
        (flags & ~(FIND_ACTCTX_SECTION_KEY_RETURN_HACTCTX | FIND_ACTCTX_SECTION_KEY_RETURN_FLAGS |
                   FIND_ACTCTX_SECTION_KEY_RETURN_ASSEMBLY_METADATA))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ACTCTX_OBJECT *a = ActiveContext();
    if (a && section == ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION) {
        for (int i = 0; i < a->manifest.file_count; i++) {
            if (lstrcmpiW(a->manifest.files[i], key))
                continue;
            static const DWORD redirection[5] = {20, 2, 0, 0, 0};   /* Size, Flags (omits the root), no path */
            data->ulDataFormatVersion = 1;
            data->lpData = (PVOID)redirection;
            data->ulLength = sizeof(redirection);
            data->lpSectionGlobalData = NULL;
            data->ulSectionGlobalDataLength = 0;
            data->lpSectionBase = NULL;
            data->ulSectionTotalLength = 0;
            data->ulAssemblyRosterIndex = 1;
            if (data->cbSize >= FIELD_OFFSET(ACTCTX_SECTION_KEYED_DATA, ulFlags) + sizeof(ULONG)) {
                data->hActCtx = (flags & FIND_ACTCTX_SECTION_KEY_RETURN_HACTCTX) ? a : NULL;
                if (flags & FIND_ACTCTX_SECTION_KEY_RETURN_HACTCTX) AddRefActCtx(a);
                data->ulFlags = 0;
            }
            return TRUE;
        }
    }
    SetLastError(ERROR_SXS_KEY_NOT_FOUND);
    return FALSE;
}

KBAPI BOOL WINAPI FindActCtxSectionStringA(DWORD flags, const GUID *guid, ULONG section, LPCSTR key,
                                           PACTCTX_SECTION_KEYED_DATA data)
{
    WCHAR *w = Widen(key);
    BOOL ok = FindActCtxSectionStringW(flags, guid, section, w, data);
    DWORD error = GetLastError();
    FreeWide(key, w);
    SetLastError(error);
    return ok;
}

/* No context here carries GUID-keyed sections (COM classes, interfaces, type libraries). */
KBAPI BOOL WINAPI FindActCtxSectionGuid(DWORD flags, const GUID *ext, ULONG section, const GUID *guid,
                                        PACTCTX_SECTION_KEYED_DATA data)
{
    (void)section;
    if (ext || guid == NULL || data == NULL || (flags & ~FIND_ACTCTX_SECTION_KEY_RETURN_HACTCTX)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    SetLastError(ERROR_SXS_KEY_NOT_FOUND);
    return FALSE;
}
