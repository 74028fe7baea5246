/* Family 6, the system's delay-load resolver: ResolveDelayLoadedAPI on a delay-load descriptor laid
 * out here (RVAs from the start of one structure), a function found by name, one that is missing
 * (the program's hook is asked, then DelayLoadFailureHook's routine fails the call), a DLL that is
 * missing, and ResolveDelayLoadsFromDll for a DLL this image does not delay-load. Exit code: failed checks. */
#include "../k32.h"

typedef struct {
    DWORD Attributes, DllNameRVA, ModuleHandleRVA, ImportAddressTableRVA, ImportNameTableRVA,
          BoundImportAddressTableRVA, UnloadInformationTableRVA, TimeDateStamp;
} DESC;
typedef PVOID (WINAPI *FAIL_DLL)(ULONG, PVOID);
typedef PVOID (WINAPI *FAIL_SYS)(LPCSTR, LPCSTR);
__declspec(dllimport) PVOID WINAPI ResolveDelayLoadedAPI(PVOID, const DESC *, FAIL_DLL, FAIL_SYS, ULONG_PTR *, ULONG);
__declspec(dllimport) LONG WINAPI ResolveDelayLoadsFromDll(PVOID, LPCSTR, ULONG);
__declspec(dllimport) PVOID WINAPI DelayLoadFailureHook(LPCSTR, LPCSTR);

static struct {
    DESC desc;
    HMODULE module;
    ULONG_PTR iat[3], names[3];
    struct { WORD hint; char name[16]; } by_name[2];
    char dll[16];
} image;

static int hook_calls;
static ULONG hook_reason;

static PVOID WINAPI Hook(ULONG reason, PVOID info)
{
    (void)info;
    hook_calls++;
    hook_reason = reason;
    return NULL;
}

#define RVA(field) ((DWORD)((BYTE *)&(field) - (BYTE *)&image))

static void Layout(const char *dll)
{
    int i = 0;
    for (; dll[i]; i++) image.dll[i] = dll[i];
    image.dll[i] = 0;
    const char *n0 = "GetTickCount", *n1 = "NoSuchFunction";
    for (i = 0; n0[i]; i++) image.by_name[0].name[i] = n0[i];
    for (i = 0; n1[i]; i++) image.by_name[1].name[i] = n1[i];
    image.desc.Attributes = 1;
    image.desc.DllNameRVA = RVA(image.dll);
    image.desc.ModuleHandleRVA = RVA(image.module);
    image.desc.ImportAddressTableRVA = RVA(image.iat);
    image.desc.ImportNameTableRVA = RVA(image.names);
    image.names[0] = RVA(image.by_name[0]);
    image.names[1] = RVA(image.by_name[1]);
    image.iat[0] = image.iat[1] = 0x1234;       /* the thunks a real image would have there */
    image.module = NULL;
}

void Entry(void)
{
    Layout("kernel32.dll");
    PVOID p = ResolveDelayLoadedAPI(&image, &image.desc, Hook, DelayLoadFailureHook, &image.iat[0], 0);
    Check(p == (PVOID)GetProcAddress(GetModuleHandleW(L"kernel32.dll"), "GetTickCount"), "GetTickCount resolved by name");
    Check(image.iat[0] == (ULONG_PTR)p, "and written into its IAT slot");
    Check(image.module == GetModuleHandleW(L"kernel32.dll"), "the DLL's handle kept in the descriptor's slot");
    p = ResolveDelayLoadedAPI(&image, &image.desc, Hook, DelayLoadFailureHook, &image.iat[1], 0);
    Check(hook_calls == 1 && hook_reason == 4, "a missing function: the program's hook asked (dliFailGetProc)");
    SetLastError(0);
    Check(p != NULL && ((ULONG_PTR (WINAPI *)(void))p)() == 0 && GetLastError() == ERROR_PROC_NOT_FOUND,
          "then DelayLoadFailureHook's routine: 0 and ERROR_PROC_NOT_FOUND");
    Layout("nodll.dll");
    hook_calls = 0;
    p = ResolveDelayLoadedAPI(&image, &image.desc, Hook, DelayLoadFailureHook, &image.iat[0], 0);
    Check(hook_calls == 1 && hook_reason == 3 && image.module == NULL, "a missing DLL: dliFailLoadLib, no handle kept");
    Check(p == DelayLoadFailureHook("nodll.dll", "GetTickCount"), "and the failure routine in the slot");
    Check(ResolveDelayLoadsFromDll(GetModuleHandleW(NULL), "user32.dll", 0) == (LONG)0xC0000135,
          "ResolveDelayLoadsFromDll of a DLL not delay-loaded: STATUS_DLL_NOT_FOUND");
    ExitProcess((UINT)failures);
}
