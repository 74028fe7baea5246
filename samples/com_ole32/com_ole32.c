/* ole32.dll: apartments (S_OK, S_FALSE, RPC_E_CHANGED_MODE, CO_E_NOTINITIALIZED), the task
 * allocator and IMalloc, GUID strings, ProgIDs in HKEY_CLASSES_ROOT (the user's part), an in-process server
 * (counter.dll) created through CoCreateInstance(Ex) and unloaded by CoFreeUnusedLibraries, a
 * class object registered by the program, CoWaitForMultipleHandles, CoSetProxyBlanket,
 * CoRegisterMessageFilter, CoLockObjectExternal, CoIncrementMTAUsage, IStream over an HGLOBAL
 * and PROPVARIANTs.
 * Exit code: failed checks. */
#include "../k32.h"
#include "counter.h"

static void Hr(const char *what, HRESULT hr)
{
    Print(what); Print(" "); PrintNum((ULONG)hr, 1); Print("\n");
}

static void PrintW(const WCHAR *s)
{
    char buf[128];
    int i = 0;
    for (; s[i] && i < 127; i++)
        buf[i] = (char)s[i];
    buf[i] = 0;
    Print(buf);
}

/* A per-user registration, as a program without administrator rights makes it. */
static void SetDefault(LPCWSTR path, LPCWSTR value)
{
    HKEY classes, key;
    RegOpenKeyExW(HKEY_CURRENT_USER, L"Software\\Classes", 0, KEY_ALL_ACCESS, &classes);
    LONG r = RegCreateKeyExW(classes, path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL);
    RegCloseKey(classes);
    if (r != ERROR_SUCCESS) {
        Print("RegCreateKeyEx failed\n");
        return;
    }
    RegSetValueExW(key, NULL, 0, REG_SZ, (const BYTE *)value, (DWORD)(lstrlenW(value) + 1) * sizeof(WCHAR));
    RegCloseKey(key);
}

/* A class object of the program's own: its instances are the factory itself. */
static LONG Created;
static HRESULT STDMETHODCALLTYPE OwnQI(IClassFactory *self, REFIID riid, void **out)
{
    *out = SameIID(riid, &IID_IUnknown_) || SameIID(riid, &IID_IClassFactory_) ? self : NULL;
    return *out ? S_OK : E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE OwnAddRef(IClassFactory *self) { (void)self; return 2; }
static ULONG STDMETHODCALLTYPE OwnRelease(IClassFactory *self) { (void)self; return 1; }
static HRESULT STDMETHODCALLTYPE OwnCreate(IClassFactory *self, IUnknown *outer, REFIID riid, void **out)
{
    (void)outer;
    Created++;
    return OwnQI(self, riid, out);
}
static HRESULT STDMETHODCALLTYPE OwnLock(IClassFactory *self, BOOL lock) { (void)self; (void)lock; return S_OK; }
static IClassFactoryVtbl OwnVtbl = {OwnQI, OwnAddRef, OwnRelease, OwnCreate, OwnLock};
static IClassFactory Own = {&OwnVtbl};
static const CLSID CLSID_Own = {0x11112222, 0x3333, 0x4444, {0x55, 0x55, 0x66, 0x66, 0x77, 0x77, 0x88, 0x88}};

static const IID IID_IStream_ = {0x0000000C, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

void Entry(void)
{
    /* Apartments. */
    ICounter *counter;
    APTTYPE type;
    APTTYPEQUALIFIER qualifier;
    Hr("CoCreateInstance before CoInitialize", CoCreateInstance(&CLSID_Counter, NULL, CLSCTX_INPROC_SERVER,
                                                                &IID_ICounter, (void **)&counter));
    Hr("CoGetApartmentType", CoGetApartmentType(&type, &qualifier));
    CO_MTA_USAGE_COOKIE mta;
    Hr("CoIncrementMTAUsage", CoIncrementMTAUsage(&mta));
    Hr("CoGetApartmentType", CoGetApartmentType(&type, &qualifier));
    Print("type "); PrintNum((ULONG)type, 0); Print(" qualifier "); PrintNum((ULONG)qualifier, 0); Print("\n");
    Hr("CoDecrementMTAUsage", CoDecrementMTAUsage(mta));
    Hr("CoInitializeEx MTA", CoInitializeEx(NULL, COINIT_MULTITHREADED));
    Hr("again", CoInitializeEx(NULL, COINIT_MULTITHREADED));
    Hr("as STA", CoInitializeEx(NULL, COINIT_APARTMENTTHREADED));
    Hr("CoGetApartmentType", CoGetApartmentType(&type, &qualifier));
    Print("type "); PrintNum((ULONG)type, 0); Print(" qualifier "); PrintNum((ULONG)qualifier, 0); Print("\n");
    CoUninitialize();
    CoUninitialize();
    Hr("CoInitialize", CoInitialize(NULL));
    CoGetApartmentType(&type, &qualifier);
    Print("type "); PrintNum((ULONG)type, 0); Print("\n");
    Hr("OleInitialize", OleInitialize(NULL));
    OleUninitialize();
    Hr("reserved", CoInitializeEx((void *)1, COINIT_APARTMENTTHREADED));
    Hr("CoInitializeSecurity", CoInitializeSecurity(NULL, -1, NULL, NULL, 0, 0, NULL, 0, NULL));
    Hr("again", CoInitializeSecurity(NULL, -1, NULL, NULL, 0, 0, NULL, 0, NULL));
    Check(CoGetCurrentProcess() != 0 && CoGetCurrentProcess() == CoGetCurrentProcess(), "CoGetCurrentProcess");

    /* The task allocator. */
    char *p = CoTaskMemAlloc(16);
    p[0] = 'x';
    p = CoTaskMemRealloc(p, 4000);
    IMalloc *malloc;
    Hr("CoGetMalloc", CoGetMalloc(MEMCTX_TASK, &malloc));
    Check(p[0] == 'x' && IMalloc_GetSize(malloc, p) == 4000 && IMalloc_DidAlloc(malloc, p) == 1
          && IMalloc_DidAlloc(malloc, NULL) == -1, "IMalloc GetSize and DidAlloc");
    IMalloc_Free(malloc, p);
    IMalloc_Release(malloc);
    Hr("CoGetMalloc(0)", CoGetMalloc(0, &malloc));

    /* GUID strings. */
    WCHAR text[40];
    Print("StringFromGUID2 "); PrintNum((ULONG)StringFromGUID2(&CLSID_Counter, text, 40), 0); Print(" ");
    PrintW(text); Print("\n");
    Print("short buffer "); PrintNum((ULONG)StringFromGUID2(&CLSID_Counter, text, 38), 0); Print("\n");
    LPOLESTR s;
    StringFromIID(&IID_IStream_, &s);
    Print("StringFromIID "); PrintW(s); Print("\n");
    CoTaskMemFree(s);
    CLSID c;
    Hr("CLSIDFromString", CLSIDFromString(L"{8b1d7a52-3c4e-4f60-9a7b-1c2d3e4f5a6b}", &c));
    Check(SameIID(&c, &CLSID_Counter), "lower case parses");
    Hr("no braces", CLSIDFromString(L"8b1d7a52-3c4e-4f60-9a7b-1c2d3e4f5a6b", &c));
    Hr("IIDFromString no braces", IIDFromString(L"8b1d7a52-3c4e-4f60-9a7b-1c2d3e4f5a6b", &c));
    Hr("CoCreateGuid", CoCreateGuid(&c));
    Check((c.Data3 >> 12) == 4, "a version 4 GUID");

    /* The class in HKEY_CLASSES_ROOT. */
    WCHAR dll[MAX_PATH];
    GetModuleFileNameW(NULL, dll, MAX_PATH);
    int n = lstrlenW(dll);
    while (n > 0 && dll[n - 1] != L'\\')
        n--;
    lstrcpyW(dll + n, L"counter.dll");
    SetDefault(L"CLSID\\{8B1D7A52-3C4E-4F60-9A7B-1C2D3E4F5A6B}", L"Sample counter");
    SetDefault(L"CLSID\\{8B1D7A52-3C4E-4F60-9A7B-1C2D3E4F5A6B}\\InprocServer32", dll);
    SetDefault(L"CLSID\\{8B1D7A52-3C4E-4F60-9A7B-1C2D3E4F5A6B}\\ProgID", L"Sample.Counter.1");
    SetDefault(L"Sample.Counter\\CLSID", L"{8B1D7A52-3C4E-4F60-9A7B-1C2D3E4F5A6B}");
    Hr("CLSIDFromProgID", CLSIDFromProgID(L"Sample.Counter", &c));
    Check(SameIID(&c, &CLSID_Counter), "the ProgID's CLSID");
    Hr("CLSIDFromString(ProgID)", CLSIDFromString(L"Sample.Counter", &c));
    Hr("unknown ProgID", CLSIDFromProgID(L"No.Such.Thing", &c));
    Hr("ProgIDFromCLSID", ProgIDFromCLSID(&CLSID_Counter, &s));
    PrintW(s); Print("\n");
    CoTaskMemFree(s);
    Hr("ProgIDFromCLSID unknown", ProgIDFromCLSID(&CLSID_Own, &s));

    /* The in-process server. */
    Hr("CoCreateInstance", CoCreateInstance(&CLSID_Counter, NULL, CLSCTX_INPROC_SERVER, &IID_ICounter, (void **)&counter));
    counter->lpVtbl->Add(counter, 5);
    Print("counter "); PrintNum((ULONG)counter->lpVtbl->Get(counter), 0); Print("\n");
    Check(GetModuleHandleW(L"counter.dll") != NULL, "counter.dll is loaded");
    MULTI_QI qi[3] = {{&IID_IUnknown_, NULL, 0}, {&IID_ICounter, NULL, 0}, {&IID_IStream_, NULL, 0}};
    Hr("CoCreateInstanceEx", CoCreateInstanceEx(&CLSID_Counter, NULL, CLSCTX_INPROC_SERVER, NULL, 3, qi));
    Print("results "); PrintNum((ULONG)qi[0].hr, 1); Print(" "); PrintNum((ULONG)qi[1].hr, 1); Print(" ");
    PrintNum((ULONG)qi[2].hr, 1); Print(" "); PrintNum(qi[2].pItf == NULL, 0); Print("\n");
    qi[0].pItf->lpVtbl->Release(qi[0].pItf);
    qi[1].pItf->lpVtbl->Release(qi[1].pItf);
    IUnknown *outer = (IUnknown *)&Own, *inner;
    Hr("aggregation", CoCreateInstance(&CLSID_Counter, outer, CLSCTX_INPROC_SERVER, &IID_IUnknown_, (void **)&inner));
    Hr("local server only", CoCreateInstance(&CLSID_Counter, NULL, CLSCTX_LOCAL_SERVER, &IID_ICounter, (void **)&inner));
    Hr("unknown class", CoCreateInstance(&CLSID_Own, NULL, CLSCTX_ALL, &IID_IUnknown_, (void **)&inner));
    CoFreeUnusedLibraries();
    Check(GetModuleHandleW(L"counter.dll") != NULL, "a counter is alive: counter.dll stays");
    counter->lpVtbl->Release(counter);
    CoFreeUnusedLibraries();
    Check(GetModuleHandleW(L"counter.dll") == NULL, "none left: CoFreeUnusedLibraries unloads it");

    /* A class object of the program's own. */
    DWORD cookie;
    Hr("CoRegisterClassObject", CoRegisterClassObject(&CLSID_Own, (IUnknown *)&Own, CLSCTX_INPROC_SERVER,
                                                      REGCLS_MULTIPLEUSE, &cookie));
    Print("cookie "); PrintNum(cookie, 0); Print("\n");
    Hr("CoCreateInstance", CoCreateInstance(&CLSID_Own, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown_, (void **)&inner));
    Check(inner == (IUnknown *)&Own && Created == 1, "the registered factory made it");
    Hr("CoRevokeClassObject", CoRevokeClassObject(cookie));
    Hr("after revoking", CoCreateInstance(&CLSID_Own, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown_, (void **)&inner));

    /* Waits, proxy security and the message filter. */
    HANDLE events[2] = {CreateEventW(NULL, TRUE, FALSE, NULL), CreateEventW(NULL, TRUE, TRUE, NULL)};
    DWORD index = 99;
    Hr("CoWaitForMultipleHandles", CoWaitForMultipleHandles(0, 100, 2, events, &index));
    Print("index "); PrintNum(index, 0); Print("\n");
    Hr("wait all, one unset", CoWaitForMultipleHandles(COWAIT_WAITALL, 10, 2, events, &index));
    Hr("no handles", CoWaitForMultipleHandles(0, 10, 0, events, &index));
    CloseHandle(events[0]);
    CloseHandle(events[1]);
    CoCreateInstance(&CLSID_Counter, NULL, CLSCTX_INPROC_SERVER, &IID_ICounter, (void **)&counter);
    Hr("CoSetProxyBlanket on an in-process object", CoSetProxyBlanket((IUnknown *)counter, 10, 0, NULL, 0, 3, NULL, 0));
    Hr("CoLockObjectExternal", CoLockObjectExternal((IUnknown *)counter, TRUE, TRUE));
    Print("refs "); PrintNum(counter->lpVtbl->AddRef(counter) - 1, 0); Print("\n");
    counter->lpVtbl->Release(counter);
    CoLockObjectExternal((IUnknown *)counter, FALSE, TRUE);
    Hr("CoDisconnectObject", CoDisconnectObject((IUnknown *)counter, 0));
    counter->lpVtbl->Release(counter);
    IMessageFilter *previous;
    Hr("CoRegisterMessageFilter in an STA", CoRegisterMessageFilter(NULL, &previous));

    /* IStream over an HGLOBAL. */
    IStream *stream, *clone;
    Hr("CreateStreamOnHGlobal", CreateStreamOnHGlobal(NULL, TRUE, &stream));
    ULONG done;
    IStream_Write(stream, "hello world", 11, &done);
    LARGE_INTEGER move = {.QuadPart = 0};
    ULARGE_INTEGER pos;
    IStream_Seek(stream, move, STREAM_SEEK_CUR, &pos);
    STATSTG stat;
    IStream_Stat(stream, &stat, STATFLAG_NONAME);
    Print("written "); PrintNum(done, 0); Print(" position "); PrintNum(pos.QuadPart, 0); Print(" size ");
    PrintNum(stat.cbSize.QuadPart, 0); Print(" type "); PrintNum(stat.type, 0); Print("\n");
    move.QuadPart = 6;
    IStream_Seek(stream, move, STREAM_SEEK_SET, NULL);
    char buf[16] = {0};
    IStream_Read(stream, buf, 10, &done);
    Print("read '"); Print(buf); Print("' "); PrintNum(done, 0); Print("\n");
    move.QuadPart = -1;
    Hr("seek before the start", IStream_Seek(stream, move, STREAM_SEEK_SET, NULL));
    move.QuadPart = -5;
    IStream_Seek(stream, move, STREAM_SEEK_END, &pos);
    IStream_Clone(stream, &clone);
    char b2[8] = {0};
    IStream_Read(clone, b2, 3, &done);
    Print("clone at "); PrintNum(pos.QuadPart, 0); Print(" reads '"); Print(b2); Print("'\n");
    HGLOBAL h;
    Hr("GetHGlobalFromStream", GetHGlobalFromStream(stream, &h));
    char *mem = GlobalLock(h);
    Check(GlobalSize(h) >= 11 && mem[0] == 'h' && mem[10] == 'd', "the HGLOBAL holds the bytes");
    GlobalUnlock(h);
    ULARGE_INTEGER size = {.QuadPart = 4};
    IStream_SetSize(stream, size);
    IStream_Stat(clone, &stat, STATFLAG_NONAME);
    Print("clone sees size "); PrintNum(stat.cbSize.QuadPart, 0); Print("\n");
    Hr("LockRegion", IStream_LockRegion(stream, size, size, LOCK_WRITE));
    IStream_Release(clone);
    IStream_Release(stream);
    HGLOBAL own = GlobalAlloc(GMEM_MOVEABLE, 8);
    CreateStreamOnHGlobal(own, FALSE, &stream);
    IStream_Stat(stream, &stat, STATFLAG_NONAME);
    Print("on an 8-byte block: size "); PrintNum(stat.cbSize.QuadPart, 0); Print("\n");
    IStream_Release(stream);
    Check(GlobalSize(own) == 8 && GlobalFree(own) == NULL, "fDeleteOnRelease FALSE: the block stays the caller's");

    /* PROPVARIANTs. */
    PROPVARIANT a, b;
    a.vt = VT_LPWSTR;
    a.pwszVal = CoTaskMemAlloc(12);
    lstrcpyW(a.pwszVal, L"hello");
    Hr("PropVariantCopy", PropVariantCopy(&b, &a));
    Check(b.vt == VT_LPWSTR && b.pwszVal != a.pwszVal && lstrcmpW(b.pwszVal, L"hello") == 0, "a deep copy");
    Hr("PropVariantClear", PropVariantClear(&a));
    Print("vt after clear "); PrintNum(a.vt, 0); Print("\n");
    PropVariantClear(&b);
    a.vt = 0x7FFF;
    Hr("a bad type", PropVariantClear(&a));
    FILETIME ft;
    Hr("CoFileTimeNow", CoFileTimeNow(&ft));

    CoUninitialize();
    ExitProcess(failures);
}
