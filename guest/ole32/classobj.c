/* Class objects: CoRegisterClassObject/CoRevokeClassObject keep the process's table of class
 * objects (cookies from 1; REGCLS_SINGLEUSE entries serve one request), CoGetClassObject looks
 * there first and then for an in-process server, HKCR\CLSID\{clsid}\InprocServer32, whose
 * DllGetClassObject it calls (REGDB_E_CLASSNOTREG when the class is not registered, CO_E_DLLNOTFOUND
 * when its DLL does not load, CO_E_ERRORINDLL when it exports no DllGetClassObject; no local
 * servers: no other process serves COM here). CoCreateInstance(Ex) ask the class object's
 * IClassFactory for the instance; CoFreeUnusedLibraries(Ex) unload the servers whose
 * DllCanUnloadNow says S_OK. */
#include "olep.h"

#define MAX_CLASSES 64
static struct { CLSID Clsid; IUnknown *Object; DWORD Context, Flags, Cookie; BOOL Used; } Classes[MAX_CLASSES];
static DWORD NextCookie = 1;
static SRWLOCK Lock = SRWLOCK_INIT;

/* The in-process servers loaded: DllCanUnloadNow decides when they go. */
#define MAX_SERVERS 32
static HMODULE Servers[MAX_SERVERS];

OLEAPI_ HRESULT WINAPI CoRegisterClassObject(REFCLSID clsid, LPUNKNOWN object, DWORD context, DWORD flags, LPDWORD cookie)
{
    if (cookie == NULL || object == NULL)
        return E_INVALIDARG;
    *cookie = 0;
    if (!OlepInitialized())
        return CO_E_NOTINITIALIZED;
    AcquireSRWLockExclusive(&Lock);
    HRESULT hr = E_OUTOFMEMORY;
    for (int i = 0; i < MAX_CLASSES; i++) {
        if (Classes[i].Used && OlepIsEqualGUID(&Classes[i].Clsid, clsid) && !(flags & REGCLS_MULTI_SEPARATE)
            && (Classes[i].Flags & REGCLS_MULTIPLEUSE) == 0 && (Classes[i].Context & context)) {
            hr = CO_E_OBJISREG;                     /* a single-use registration is there */
            break;
        }
    }
    for (int i = 0; i < MAX_CLASSES && hr == E_OUTOFMEMORY; i++) {
        if (!Classes[i].Used) {
            Classes[i].Clsid = *clsid;
            Classes[i].Object = object;
            Classes[i].Context = context;
            Classes[i].Flags = flags;
            Classes[i].Cookie = *cookie = NextCookie++;
            Classes[i].Used = TRUE;
            IUnknown_AddRef(object);
            hr = S_OK;
        }
    }
    ReleaseSRWLockExclusive(&Lock);
    return hr;
}

OLEAPI_ HRESULT WINAPI CoRevokeClassObject(DWORD cookie)
{
    if (!OlepInitialized())
        return CO_E_NOTINITIALIZED;
    IUnknown *object = NULL;
    AcquireSRWLockExclusive(&Lock);
    for (int i = 0; i < MAX_CLASSES; i++)
        if (Classes[i].Used && Classes[i].Cookie == cookie) {
            object = Classes[i].Object;
            Classes[i].Used = FALSE;
        }
    ReleaseSRWLockExclusive(&Lock);
    if (object == NULL)
        return E_INVALIDARG;
    IUnknown_Release(object);
    return S_OK;
}

/* A registered class object for the request, AddRef'd, or NULL. */
static IUnknown *Registered(REFCLSID clsid, DWORD context)
{
    IUnknown *found = NULL;
    AcquireSRWLockExclusive(&Lock);
    for (int i = 0; i < MAX_CLASSES && !found; i++)
        if (Classes[i].Used && OlepIsEqualGUID(&Classes[i].Clsid, clsid) && (Classes[i].Context & context)) {
            found = Classes[i].Object;
            IUnknown_AddRef(found);
            if (Classes[i].Flags == REGCLS_SINGLEUSE) {    /* served once: gone from the table */
                Classes[i].Used = FALSE;
                IUnknown_Release(found);
            }
        }
    ReleaseSRWLockExclusive(&Lock);
    return found;
}

/* The table holds one reference per server: a server loaded again gives its new one back. */
static void Remember(HMODULE server)
{
    AcquireSRWLockExclusive(&Lock);
    BOOL known = FALSE, kept = FALSE;
    for (int i = 0; i < MAX_SERVERS; i++)
        known |= Servers[i] == server;
    for (int i = 0; i < MAX_SERVERS && !known && !kept; i++)
        if (Servers[i] == NULL) {
            Servers[i] = server;
            kept = TRUE;
        }
    ReleaseSRWLockExclusive(&Lock);
    if (known)
        FreeLibrary(server);
}

/* The class object of an in-process server registered under HKCR\CLSID\{clsid}. */
static HRESULT InprocServer(REFCLSID clsid, REFIID riid, void **out)
{
    WCHAR path[80] = L"CLSID\\";
    OlepFormatGUID(clsid, path + 6);
    HKEY cls, server;
    if (OlepOpenClassesKey(path, &cls) != ERROR_SUCCESS)
        return REGDB_E_CLASSNOTREG;
    LONG r = RegOpenKeyExW(cls, L"InprocServer32", 0, KEY_READ, &server);
    RegCloseKey(cls);
    if (r != ERROR_SUCCESS)
        return REGDB_E_CLASSNOTREG;
    WCHAR file[MAX_PATH], expanded[MAX_PATH];
    DWORD type, bytes = sizeof(file) - sizeof(WCHAR);
    r = RegQueryValueExW(server, NULL, NULL, &type, (BYTE *)file, &bytes);
    RegCloseKey(server);
    if (r != ERROR_SUCCESS || bytes < sizeof(WCHAR))
        return REGDB_E_CLASSNOTREG;
    file[bytes / sizeof(WCHAR)] = 0;
    if (type == REG_EXPAND_SZ && ExpandEnvironmentStringsW(file, expanded, MAX_PATH))
        lstrcpyW(file, expanded);
    HMODULE dll = LoadLibraryExW(file, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (dll == NULL)
        return CO_E_DLLNOTFOUND;
    HRESULT (WINAPI *get)(REFCLSID, REFIID, void **) =
        (HRESULT (WINAPI *)(REFCLSID, REFIID, void **))GetProcAddress(dll, "DllGetClassObject");
    if (get == NULL) {
        FreeLibrary(dll);
        return CO_E_ERRORINDLL;
    }
    HRESULT hr = get(clsid, riid, out);
    Remember(dll);
    return hr;
}

OLEAPI_ HRESULT WINAPI CoGetClassObject(REFCLSID clsid, DWORD context, LPVOID server, REFIID riid, LPVOID *out)
{
    COSERVERINFO *info = server;
    if (out == NULL)
        return E_INVALIDARG;
    *out = NULL;
    if (!OlepInitialized())
        return CO_E_NOTINITIALIZED;
    if (info && info->pwszName)                         /* another machine: none is reachable */
        return HRESULT_FROM_WIN32(RPC_S_SERVER_UNAVAILABLE);
    IUnknown *object = Registered(clsid, context);
    if (object) {
        HRESULT hr = IUnknown_QueryInterface(object, riid, out);
        IUnknown_Release(object);
        return hr;
    }
    if (context & (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER))
        return InprocServer(clsid, riid, out);
    return REGDB_E_CLASSNOTREG;
}

OLEAPI_ HRESULT WINAPI CoCreateInstance(REFCLSID clsid, LPUNKNOWN outer, DWORD context, REFIID riid, LPVOID *out)
{
    if (out == NULL)
        return E_POINTER;
    *out = NULL;
    IClassFactory *factory;
    HRESULT hr = CoGetClassObject(clsid, context, NULL, &OleIID_IClassFactory, (void **)&factory);
    if (FAILED(hr))
        return hr;
    hr = IClassFactory_CreateInstance(factory, outer, riid, out);
    IClassFactory_Release(factory);
    return hr;
}

OLEAPI_ HRESULT WINAPI CoCreateInstanceEx(REFCLSID clsid, IUnknown *outer, DWORD context, COSERVERINFO *info,
                                          DWORD count, MULTI_QI *results)
{
    if (count == 0 || results == NULL)
        return E_INVALIDARG;
    for (DWORD i = 0; i < count; i++) {
        results[i].pItf = NULL;
        results[i].hr = E_NOINTERFACE;
    }
    IClassFactory *factory;
    HRESULT hr = CoGetClassObject(clsid, context, info, &OleIID_IClassFactory, (void **)&factory);
    if (FAILED(hr))
        return hr;
    IUnknown *object;
    hr = IClassFactory_CreateInstance(factory, outer, &OleIID_IUnknown, (void **)&object);
    IClassFactory_Release(factory);
    if (FAILED(hr))
        return hr;
    /* Step 2: every interface asked for, each with its own result. */
    DWORD got = 0;
    for (DWORD i = 0; i < count; i++) {
        results[i].hr = IUnknown_QueryInterface(object, results[i].pIID, (void **)&results[i].pItf);
        got += SUCCEEDED(results[i].hr);
    }
    IUnknown_Release(object);
    return got == count ? S_OK : got ? CO_S_NOTALLINTERFACES : E_NOINTERFACE;
}

OLEAPI_ void WINAPI CoFreeUnusedLibrariesEx(DWORD delay, DWORD reserved)
{
    (void)delay; (void)reserved;                        /* unloaded at once: no other apartment waits */
    for (int i = 0; i < MAX_SERVERS; i++) {
        AcquireSRWLockExclusive(&Lock);
        HMODULE dll = Servers[i];
        ReleaseSRWLockExclusive(&Lock);
        if (dll == NULL)
            continue;
        HRESULT (WINAPI *can)(void) = (HRESULT (WINAPI *)(void))GetProcAddress(dll, "DllCanUnloadNow");
        if (can && can() == S_OK) {
            AcquireSRWLockExclusive(&Lock);
            Servers[i] = NULL;
            ReleaseSRWLockExclusive(&Lock);
            FreeLibrary(dll);
        }
    }
}

OLEAPI_ void WINAPI CoFreeUnusedLibraries(void)
{
    CoFreeUnusedLibrariesEx(INFINITE, 0);
}

/* The last apartment has ended: the servers whose objects are all gone are unloaded. */
void OlepApartmentsEnded(void)
{
    CoFreeUnusedLibrariesEx(0, 0);
}
