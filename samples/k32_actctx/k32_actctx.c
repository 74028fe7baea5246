/* Activation contexts from manifest files and from an RT_MANIFEST resource: creation errors, the
 * per-thread activation stack and its cookies, the queries (basic, detailed, run level,
 * compatibility, settings) and DLL-redirection lookups, each printed with what it returned. */
#include <windows.h>
#include <stdio.h>

static void Put(const char *name, const char *text)
{
    HANDLE f = CreateFileA(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD n;
    WriteFile(f, text, lstrlenA(text), &n, NULL);
    CloseHandle(f);
}

static HANDLE Create(const char *file, DWORD *error)
{
    ACTCTXA ac = {sizeof(ac)};
    ac.lpSource = file;
    SetLastError(0);
    HANDLE h = CreateActCtxA(&ac);
    *error = GetLastError();
    return h;
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" \
             "<assembly xmlns=\"urn:schemas-microsoft-com:asm.v1\" manifestVersion=\"1.0\">\r\n"

int main(void)
{
    DWORD e;
    SetCurrentDirectoryA("C:\\Temp");            /* a fresh folder for the manifests written below */
    HANDLE h = Create("missing.manifest", &e);
    printf("missing file: %s error %lu\n", h == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : "handle", e);
    Put("badroot.manifest", "<?xml version=\"1.0\"?><assembly manifestVersion=\"1.0\"></assembly>");
    h = Create("badroot.manifest", &e);
    printf("no namespace: %s error %lu\n", h == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : "handle", e);
    Put("broken.manifest", HEAD "<assemblyIdentity name=\"x\" version=\"1.0.0.0\"/>\r\n<file name=\"a.dll\">\r\n</assembly>");
    h = Create("broken.manifest", &e);
    printf("unbalanced: %s error %lu\n", h == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : "handle", e);
    Put("missingdep.manifest", HEAD "<dependency><dependentAssembly><assemblyIdentity type=\"win32\" "
        "name=\"Contoso.Missing\" version=\"1.0.0.0\"/></dependentAssembly></dependency></assembly>");
    h = Create("missingdep.manifest", &e);
    printf("missing dependency: %s error %lu\n", h == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : "handle", e);
    ACTCTXA bad = {sizeof(bad)};
    bad.dwFlags = 0x100;
    bad.lpSource = "x";
    SetLastError(0);
    h = CreateActCtxA(&bad);
    printf("unknown flag: error %lu\n", GetLastError());

    Put("Contoso.Lib.manifest", HEAD "<assemblyIdentity type=\"win32\" name=\"Contoso.Lib\" version=\"1.0.0.0\" "
        "processorArchitecture=\"amd64\"/>\r\n<file name=\"contoso.dll\"/>\r\n</assembly>\r\n");
    Put("app.manifest",
        HEAD "  <!-- an application manifest -->\r\n"
        "  <assemblyIdentity type=\"win32\" name=\"Sample.App\" version=\"1.2.3.4\" processorArchitecture=\"amd64\"/>\r\n"
        "  <file name=\"MyLib.dll\"/>\r\n"
        "  <dependency><dependentAssembly>\r\n"
        "    <assemblyIdentity type=\"win32\" name=\"Microsoft.Windows.Common-Controls\" version=\"6.0.0.0\" "
        "processorArchitecture=\"*\" publicKeyToken=\"6595b64144ccf1df\" language=\"*\"/>\r\n"
        "  </dependentAssembly></dependency>\r\n"
        "  <dependency><dependentAssembly><assemblyIdentity type=\"win32\" name=\"Contoso.Lib\" version=\"1.0.0.0\"/>"
        "</dependentAssembly></dependency>\r\n"
        "  <trustInfo xmlns=\"urn:schemas-microsoft-com:asm.v3\"><security><requestedPrivileges>\r\n"
        "    <requestedExecutionLevel level=\"asInvoker\" uiAccess=\"false\"/>\r\n"
        "  </requestedPrivileges></security></trustInfo>\r\n"
        "  <compatibility xmlns=\"urn:schemas-microsoft-com:compatibility.v1\"><application>\r\n"
        "    <supportedOS Id=\"{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}\"/>\r\n"
        "    <maxversiontested Id=\"10.0.19041.0\"/>\r\n"
        "  </application></compatibility>\r\n"
        "  <application xmlns=\"urn:schemas-microsoft-com:asm.v3\"><windowsSettings>\r\n"
        "    <dpiAware xmlns=\"http://schemas.microsoft.com/SMI/2005/WindowsSettings\">true/pm</dpiAware>\r\n"
        "    <longPathAware xmlns=\"http://schemas.microsoft.com/SMI/2016/WindowsSettings\">true</longPathAware>\r\n"
        "  </windowsSettings></application>\r\n"
        "</assembly>\r\n");
    HANDLE app = Create("app.manifest", &e);
    printf("app manifest: %s\n", app != INVALID_HANDLE_VALUE && app != NULL ? "handle" : "failed");

    HANDLE cur = (HANDLE)1;
    GetCurrentActCtx(&cur);
    printf("current before activation: %s\n", cur ? "handle" : "NULL");
    ULONG_PTR c1 = 0, c2 = 0;
    BOOL ok = ActivateActCtx(app, &c1);
    printf("activate %d cookie nonzero %d\n", ok, c1 != 0);
    GetCurrentActCtx(&cur);
    printf("current is app %d\n", cur == app);
    ReleaseActCtx(cur);

    ACTCTX_SECTION_KEYED_DATA data = {sizeof(data)};
    ok = FindActCtxSectionStringW(FIND_ACTCTX_SECTION_KEY_RETURN_HACTCTX, NULL,
                                  ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION, L"mylib.dll", &data);
    printf("find mylib.dll %d version %lu roster %lu hActCtx is app %d\n", ok, data.ulDataFormatVersion,
           data.ulAssemblyRosterIndex, data.hActCtx == app);
    if (ok) ReleaseActCtx(data.hActCtx);
    SetLastError(0);
    ok = FindActCtxSectionStringA(0, NULL, ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION, "other.dll", &data);
    printf("find other.dll %d error %lu\n", ok, GetLastError());

    ACTIVATION_CONTEXT_BASIC_INFORMATION basic;
    SIZE_T got = 0;
    ok = QueryActCtxW(QUERY_ACTCTX_FLAG_USE_ACTIVE_ACTCTX | QUERY_ACTCTX_FLAG_NO_ADDREF, NULL, NULL,
                      ActivationContextBasicInformation, &basic, sizeof(basic), &got);
    printf("basic %d size %u is app %d flags %lu\n", ok, (unsigned)got, basic.hActCtx == app, basic.dwFlags);
    SetLastError(0);
    ok = QueryActCtxW(0, app, NULL, ActivationContextDetailedInformation, NULL, 0, &got);
    printf("detailed size query %d error %lu\n", ok, GetLastError());
    ACTIVATION_CONTEXT_DETAILED_INFORMATION *det = HeapAlloc(GetProcessHeap(), 0, got);
    ok = QueryActCtxW(0, app, NULL, ActivationContextDetailedInformation, det, got, &got);
    const WCHAR *root = det->lpRootManifestPath, *tail = root ? wcsrchr(root, L'\\') : NULL;
    const WCHAR *dir = det->lpAppDirPath;
    printf("detailed %d format %lu assemblies %lu root type %lu name %ls app dir ends with backslash %d\n", ok,
           det->ulFormatVersion, det->ulAssemblyCount, det->ulRootManifestPathType, tail ? tail + 1 : L"?",
           dir && dir[lstrlenW(dir) - 1] == L'\\');
    ACTIVATION_CONTEXT_RUN_LEVEL_INFORMATION run;
    ok = QueryActCtxW(0, app, NULL, RunlevelInformationInActivationContext, &run, sizeof(run), &got);
    printf("run level %d level %d uiaccess %lu\n", ok, (int)run.RunLevel, run.UiAccess);
    BYTE compat[8 + 4 * 32];
    ok = QueryActCtxW(0, app, NULL, CompatibilityInformationInActivationContext, compat, sizeof(compat), &got);
    GUID *os = (GUID *)(compat + 8);
    printf("compatibility %d size %u count %lu first type %lu %08lx second type %lu maxversion %llx\n", ok,
           (unsigned)got, *(DWORD *)compat, *(DWORD *)(compat + 8 + 16), os->Data1, *(DWORD *)(compat + 40 + 16),
           *(ULONGLONG *)(compat + 40 + 24));
    WCHAR value[32];
    ok = QueryActCtxSettingsW(0, app, NULL, L"dpiAware", value, ARRAYSIZE(value), &got);
    printf("dpiAware %d \"%ls\" written %u\n", ok, ok ? value : L"", (unsigned)got);
    ok = QueryActCtxSettingsW(0, app, L"http://schemas.microsoft.com/SMI/2016/WindowsSettings", L"longPathAware",
                              value, ARRAYSIZE(value), &got);
    printf("longPathAware %d \"%ls\"\n", ok, ok ? value : L"");
    SetLastError(0);
    ok = QueryActCtxSettingsW(0, app, NULL, L"dpiAware", value, 3, &got);
    printf("small buffer %d error %lu written %u\n", ok, GetLastError(), (unsigned)got);
    SetLastError(0);
    ok = QueryActCtxSettingsW(0, app, NULL, L"gdiScaling", value, ARRAYSIZE(value), &got);
    printf("absent setting %d error %lu\n", ok, GetLastError());

    /* A second context from this image's RT_MANIFEST resource 2, nested and popped. */
    ACTCTXW res = {sizeof(res)};
    res.dwFlags = ACTCTX_FLAG_HMODULE_VALID | ACTCTX_FLAG_RESOURCE_NAME_VALID;
    res.hModule = GetModuleHandleW(NULL);
    res.lpResourceName = MAKEINTRESOURCEW(2);
    HANDLE emb = CreateActCtxW(&res);
    printf("resource 2: %s\n", emb != INVALID_HANDLE_VALUE ? "handle" : "failed");
    res.lpResourceName = MAKEINTRESOURCEW(7);
    SetLastError(0);
    h = CreateActCtxW(&res);
    printf("resource 7: %s error %lu\n", h == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : "handle", GetLastError());
    WCHAR self[MAX_PATH];
    GetModuleFileNameW(NULL, self, MAX_PATH);
    ACTCTXW file = {sizeof(file)};
    file.dwFlags = ACTCTX_FLAG_RESOURCE_NAME_VALID;
    file.lpSource = self;
    file.lpResourceName = MAKEINTRESOURCEW(2);
    h = CreateActCtxW(&file);
    printf("image file resource 2: %s\n", h != INVALID_HANDLE_VALUE ? "handle" : "failed");
    ReleaseActCtx(h);

    ok = ActivateActCtx(emb, &c2);
    printf("nested activate %d cookies differ %d\n", ok, c1 != c2);
    ok = FindActCtxSectionStringW(0, NULL, ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION, L"embedded.dll", &data);
    printf("inner finds embedded.dll %d\n", ok);
    ok = FindActCtxSectionStringW(0, NULL, ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION, L"mylib.dll", &data);
    printf("inner finds mylib.dll %d\n", ok);
    ok = DeactivateActCtx(0, c2);
    GetCurrentActCtx(&cur);
    printf("deactivate inner %d current is app %d\n", ok, cur == app);
    ReleaseActCtx(cur);
    ActivateActCtx(emb, &c2);
    ok = DeactivateActCtx(DEACTIVATE_ACTCTX_FLAG_FORCE_EARLY_DEACTIVATION, c1);
    GetCurrentActCtx(&cur);
    printf("forced early deactivation %d current %s\n", ok, cur ? "handle" : "NULL");
    printf("zombify %d\n", ZombifyActCtx(emb));
    ReleaseActCtx(emb);
    ReleaseActCtx(app);
    ReleaseActCtx(NULL);
    ReleaseActCtx(INVALID_HANDLE_VALUE);
    /* A relative source is looked up in lpAssemblyDirectory. */
    CreateDirectoryA("asmdir", NULL);
    Put("asmdir\\rel.manifest", HEAD "<assemblyIdentity name=\"Rel\" version=\"1.0.0.0\" type=\"win32\"/></assembly>");
    ACTCTXA rel = {sizeof(rel)};
    rel.dwFlags = ACTCTX_FLAG_ASSEMBLY_DIRECTORY_VALID;
    rel.lpSource = "rel.manifest";
    char full[MAX_PATH];
    GetFullPathNameA("asmdir", MAX_PATH, full, NULL);
    rel.lpAssemblyDirectory = full;
    h = CreateActCtxA(&rel);
    printf("relative source in assembly directory: %s\n", h != INVALID_HANDLE_VALUE ? "handle" : "failed");
    ReleaseActCtx(h);
    GetFullPathNameA("nodir", MAX_PATH, full, NULL);
    SetLastError(0);
    h = CreateActCtxA(&rel);
    printf("missing assembly directory: %s error %lu\n", h == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : "handle",
           GetLastError());
    printf("done\n");
    return 0;
}
