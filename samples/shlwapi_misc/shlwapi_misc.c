/* shlwapi beyond paths: wnsprintf, the size and time formatters, the SH* registry helpers on
 * HKEY_CURRENT_USER, streams on a file in C:\Temp and in memory, the URL calls, QISearch,
 * AssocQueryString without associations, SHLoadIndirectString, IsOS. */
#include <windows.h>
#include <shlwapi.h>
#include <stdio.h>

typedef struct { IUnknown Iface; LONG Refs; } OBJ;
static HRESULT WINAPI ObjQI(IUnknown *self, REFIID iid, void **out) { (void)self; (void)iid; *out = NULL; return E_NOINTERFACE; }
static ULONG WINAPI ObjAddRef(IUnknown *self) { return ++((OBJ *)self)->Refs; }
static ULONG WINAPI ObjRelease(IUnknown *self) { return --((OBJ *)self)->Refs; }
static IUnknownVtbl ObjVtbl = {ObjQI, ObjAddRef, ObjRelease};

static HANDLE done, go;
static DWORD WINAPI Callback(void *data) { printf("callback on the new thread [%s]\n", (char *)data); return 0; }
static DWORD WINAPI Proc(void *data)
{
    IUnknown *ref = NULL;
    WaitForSingleObject(go, INFINITE);          /* after the creator's line */
    HRESULT hr = SHGetThreadRef(&ref);
    printf("proc [%s] thread ref %08lX\n", (char *)data, hr);
    if (ref) ref->lpVtbl->Release(ref);
    SetEvent(done);
    return 0;
}

int main(void)
{
    char a[64];
    WCHAR w[64];
    /* (looked up, so that the program also starts where shlwapi predates it) */
    HRESULT (WINAPI *ByteSizeEx)(ULONGLONG, SFBS_FLAGS, PWSTR, UINT) = (void *)GetProcAddress(
        GetModuleHandleA("shlwapi.dll"), "StrFormatByteSizeEx");
    printf("wnsprintfA %d [%s]\n", wnsprintfA(a, sizeof(a), "%d-%s-%04x", 42, "str", 0xAB), a);
    printf("wnsprintfA short %d [%s]\n", wnsprintfA(a, 6, "%s", "truncated"), a);
    printf("wnsprintfW %d [%ls]\n", wnsprintfW(w, 64, L"%s=%u", L"wide", 7u), w);
    LONGLONG sizes[] = {0, 532, 1023, 1024, 1340, 23506, 102400, 2400016, 2400000000LL, 1099511627776LL};
    for (int i = 0; i < 10; i++) {
        WCHAR r[32] = L"";
        if (ByteSizeEx) ByteSizeEx((ULONGLONG)sizes[i], SFBS_FLAGS_ROUND_TO_NEAREST_DISPLAYED_DIGIT, r, 32);
        printf("StrFormatByteSize %lld [%s] [%ls] round [%ls]\n", sizes[i], StrFormatByteSize64A(sizes[i], a, sizeof(a)),
               StrFormatByteSizeW(sizes[i], w, 64), r);
    }
    printf("StrFormatByteSizeA [%s] small buffer %s\n", StrFormatByteSizeA(5000, a, sizeof(a)),
           StrFormatByteSizeA(5000, a, 4) ? "text" : "NULL");
    printf("StrFormatKBSize [%s] [%s]\n", StrFormatKBSizeA(1234567, a, sizeof(a)), StrFormatKBSizeA(1, a + 32, 32));
    DWORD times[] = {1, 34000, 74000, 1000000, 3600000, 3723000};
    for (int i = 0; i < 6; i++)
        for (int d = 1; d <= 3; d++) {
            int n = StrFromTimeIntervalA(a, sizeof(a), times[i], d);
            printf("StrFromTimeInterval %lu %d -> %d [%s]\n", times[i], d, n, a);
        }
    STRRET sr = {STRRET_CSTR};
    lstrcpyA(sr.cStr, "cstr");
    printf("StrRetToBufW %08lX", StrRetToBufW(&sr, NULL, w, 64));
    printf(" [%ls]\n", w);

    /* The registry, in the user's own hive. */
    DWORD v = 1234, type = 0, size = sizeof(v);
    printf("SHSetValue %lu\n", SHSetValueW(HKEY_CURRENT_USER, L"Software\\ShlwapiTest\\Sub", L"n", REG_DWORD, &v, 4));
    v = 0;
    DWORD st0 = SHGetValueW(HKEY_CURRENT_USER, L"Software\\ShlwapiTest\\Sub", L"n", &type, &v, &size);
    printf("SHGetValue %lu type %lu value %lu\n", st0, type, v);
    SHSetValueA(HKEY_CURRENT_USER, "Software\\ShlwapiTest", "e", REG_EXPAND_SZ, "%SystemRoot%\\x", 15);
    size = sizeof(a);
    st0 = SHGetValueA(HKEY_CURRENT_USER, "Software\\ShlwapiTest", "e", &type, a, &size);
    printf("SHGetValueA expand %lu type %lu size %lu [%s]\n", st0, type, size, a);
    size = 4;
    st0 = SHGetValueA(HKEY_CURRENT_USER, "Software\\ShlwapiTest", "e", &type, a, &size);
    printf("short %lu size %lu\n", st0, size);
    size = sizeof(w);
    printf("SHRegGetValue %ld [%ls]\n", SHRegGetValueW(HKEY_CURRENT_USER, L"Software\\ShlwapiTest", L"e", SRRF_RT_REG_SZ | SRRF_RT_REG_EXPAND_SZ | SRRF_NOEXPAND, NULL, w, &size), w);
    HKEY key;
    RegOpenKeyExW(HKEY_CURRENT_USER, L"Software\\ShlwapiTest", 0, KEY_READ, &key);
    DWORD subkeys = 0, values = 0;
    LONG st1 = SHQueryInfoKeyW(key, &subkeys, NULL, &values, NULL);
    printf("SHQueryInfoKey %ld %lu %lu", st1, subkeys, values);
    DWORD chars = 64;
    printf(" SHEnumKeyEx %ld [%ls]", SHEnumKeyExW(key, 0, w, &chars), w);
    chars = 64;
    printf(" SHEnumValue %ld [%ls]\n", SHEnumValueW(key, 0, w, &chars, NULL, NULL, NULL), w);
    HKEY copy;
    RegCreateKeyExW(HKEY_CURRENT_USER, L"Software\\ShlwapiCopy", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &copy, NULL);
    printf("SHCopyKey %lu", SHCopyKeyW(HKEY_CURRENT_USER, L"Software\\ShlwapiTest", copy, 0));
    size = sizeof(v);
    v = 0;
    st0 = SHGetValueW(copy, L"Sub", L"n", NULL, &v, &size);
    printf(" copied %lu %lu\n", st0, v);
    RegCloseKey(copy);
    RegCloseKey(key);
    printf("SHDeleteEmptyKey %lu", SHDeleteEmptyKeyW(HKEY_CURRENT_USER, L"Software\\ShlwapiTest"));
    printf(", SHDeleteValue %lu", SHDeleteValueW(HKEY_CURRENT_USER, L"Software\\ShlwapiTest", L"e"));
    printf(" %lu\n", SHDeleteValueW(HKEY_CURRENT_USER, L"Software\\ShlwapiTest", L"e"));
    printf("SHDeleteKey %lu", SHDeleteKeyW(HKEY_CURRENT_USER, L"Software\\ShlwapiTest"));
    printf(" %lu", SHDeleteKeyA(HKEY_CURRENT_USER, "Software\\ShlwapiCopy"));
    printf(", gone %lu\n", SHGetValueW(HKEY_CURRENT_USER, L"Software\\ShlwapiTest\\Sub", L"n", NULL, NULL, NULL));

    /* Streams. */
    IStream *s = NULL;
    printf("SHCreateStreamOnFileW missing %08lX\n", SHCreateStreamOnFileW(L"C:\\Temp\\none.bin", STGM_READ, &s));
    HRESULT hr = SHCreateStreamOnFileEx(L"C:\\Temp\\s.bin", STGM_CREATE | STGM_READWRITE, FILE_ATTRIBUTE_NORMAL, TRUE, NULL, &s);
    printf("SHCreateStreamOnFileEx %08lX\n", hr);
    printf("IStream_Write %08lX\n", IStream_Write(s, "0123456789", 10));
    ULARGE_INTEGER sz;
    hr = IStream_Size(s, &sz);
    printf("IStream_Size %08lX %llu\n", hr, sz.QuadPart);
    printf("IStream_Reset %08lX\n", IStream_Reset(s));
    char rb[16] = {0};
    printf("IStream_Read %08lX [%s]", IStream_Read(s, rb, 4), rb);
    printf(" past the end %08lX\n", IStream_Read(s, rb, 10));
    ULONG got = 0;
    LARGE_INTEGER mv = {{2, 0}};
    s->lpVtbl->Seek(s, mv, STREAM_SEEK_SET, NULL);
    hr = s->lpVtbl->Read(s, rb, 16, &got);
    rb[got] = 0;
    printf("Read %08lX %lu [%s]\n", hr, got, rb);
    STATSTG st;
    hr = s->lpVtbl->Stat(s, &st, STATFLAG_DEFAULT);
    printf("Stat %08lX type %lu size %llu name [%ls]\n", hr, st.type, st.cbSize.QuadPart, st.pwcsName);
    printf("Release %lu\n", s->lpVtbl->Release(s));
    IStream *ro;
    SHCreateStreamOnFileA("C:\\Temp\\s.bin", STGM_READ, &ro);
    ULONG put = 0;
    printf("write to read-only %08lX\n", ro->lpVtbl->Write(ro, "x", 1, &put));
    IStream *m = SHCreateMemStream((const BYTE *)"memory", 6);
    printf("SHCreateMemStream %s", m ? "ok" : "NULL");
    IStream_Size(m, &sz);
    printf(" size %llu", sz.QuadPart);
    ULARGE_INTEGER all = {{100, 0}}, rd, wr;
    mv.QuadPart = 0;
    m->lpVtbl->Seek(m, mv, STREAM_SEEK_END, NULL);
    ro->lpVtbl->CopyTo(ro, m, all, &rd, &wr);
    IStream_Size(m, &sz);
    printf(", CopyTo %llu %llu -> size %llu", rd.QuadPart, wr.QuadPart, sz.QuadPart);
    IStream_Reset(m);
    char mb[32] = {0};
    m->lpVtbl->Read(m, mb, 31, &got);
    printf(" [%s]\n", mb);
    ro->lpVtbl->Release(ro);
    m->lpVtbl->Release(m);

    /* URLs. */
    DWORD n = 64;
    printf("UrlEscape %08lX", UrlEscapeA("http://h/a b<c>?q r", a, &n, 0)); printf(" %lu [%s]\n", n, a);
    n = 64;
    printf("UrlEscape spaces %08lX", UrlEscapeA("a b%c", a, &n, URL_ESCAPE_SPACES_ONLY)); printf(" [%s]\n", a);
    n = 64;
    printf("UrlEscape segment %08lX", UrlEscapeA("a/b?c", a, &n, URL_ESCAPE_SEGMENT_ONLY)); printf(" [%s]\n", a);
    n = 4;
    printf("UrlEscape short %08lX %lu\n", UrlEscapeA("abcdef", a, &n, 0), n);
    n = 64;
    printf("UrlUnescape %08lX", UrlUnescapeA("a%20b%3Fc%zz", a, &n, 0)); printf(" %lu [%s]\n", n, a);
    char inplace[] = "x%41y";
    printf("UrlUnescape in place %08lX [%s]\n", UrlUnescapeA(inplace, NULL, NULL, URL_UNESCAPE_INPLACE), inplace);
    n = 64;
    printf("UrlCanonicalize %08lX", UrlCanonicalizeA("HTTP://host/a/./b/../c d", a, &n, 0)); printf(" [%s]\n", a);
    const char *url = "http://user:pw@www.example.com:8080/path/file.htm?x=1#frag";
    DWORD parts[] = {URL_PART_SCHEME, URL_PART_HOSTNAME, URL_PART_USERNAME, URL_PART_PASSWORD, URL_PART_PORT, URL_PART_QUERY};
    for (int i = 0; i < 6; i++) {
        n = 64;
        hr = UrlGetPartA(url, a, &n, parts[i], 0);
        printf("UrlGetPart %lu %08lX [%s]\n", parts[i], hr, a);
    }
    n = 64;
    printf("UrlGetPart no port %08lX [%s]\n", UrlGetPartA("http://h/", a, &n, URL_PART_PORT, 0), a);
    const char *rels[] = {"d.htm", "../d.htm", "/root.htm", "//other/x", "?q", "ftp://f/g"};
    for (int i = 0; i < 6; i++) {
        n = 128;
        char c[128];
        hr = UrlCombineA("http://h/a/b/c.htm", rels[i], c, &n, 0);
        printf("UrlCombine %s %08lX [%s]\n", rels[i], hr, c);
    }
    n = 64;
    printf("UrlCreateFromPath %08lX", UrlCreateFromPathA("C:\\a b\\c.txt", a, &n, 0)); printf(" [%s]\n", a);
    n = 64;
    printf("UrlCreateFromPath url %08lX\n", UrlCreateFromPathA("http://x/", a, &n, 0));
    n = 64;
    printf("PathCreateFromUrl %08lX", PathCreateFromUrlA("file:///C:/a%20b/c.txt", a, &n, 0)); printf(" [%s]\n", a);
    n = 64;
    printf("PathCreateFromUrl unc %08lX", PathCreateFromUrlA("file://srv/share/x", a, &n, 0)); printf(" [%s]\n", a);
    n = 64;
    printf("PathCreateFromUrl http %08lX\n", PathCreateFromUrlA("http://x/", a, &n, 0));
    printf("UrlIs url %d %d file %d opaque %d %d, PathIsURL %d %d, location [%s]\n", UrlIsA("http://x", URLIS_URL),
           UrlIsA("C:\\x", URLIS_URL), UrlIsA("file:///c:/", URLIS_FILEURL), UrlIsA("mailto:a@b", URLIS_OPAQUE),
           UrlIsA("http://x", URLIS_OPAQUE), PathIsURLA("http://x"), PathIsURLA("x.txt"), UrlGetLocationA(url));

    /* The rest. */
    OBJ obj = {{&ObjVtbl}, 1};
    static const IID iid_other = {1, 2, 3, {4, 5, 6, 7, 8, 9, 10, 11}};
    QITAB table[] = {{&IID_IUnknown, 0}, {0, 0}};
    void *out;
    hr = QISearch(&obj, table, &IID_IUnknown, &out);
    printf("QISearch %08lX %d refs %ld", hr, out == &obj, obj.Refs);
    hr = QISearch(&obj, table, &iid_other, &out);
    printf(", other %08lX %p\n", hr, out);
    n = 64;
    printf("AssocQueryString .zzz %08lX, no .ext %08lX\n", AssocQueryStringA(0, ASSOCSTR_EXECUTABLE, ".zzz", NULL, a, &n),
           AssocQueryStringA(0, ASSOCSTR_COMMAND, "nothing", NULL, a, &n));
    printf("SHLoadIndirectString %08lX", SHLoadIndirectString(L"plain", w, 64, NULL));
    printf(" [%ls]", w);
    printf(" bad %08lX\n", SHLoadIndirectString(L"@C:\\Windows\\System32\\nothing.dll,-1", w, 64, NULL));
    printf("IsOS NT %d, 9x %d, server %d\n", IsOS(OS_NT), IsOS(OS_WINDOWS), IsOS(OS_ANYSERVER));
    printf("SHAutoComplete %08lX\n", SHAutoComplete(NULL, 0));
    DWORD dflt = 77, got32 = 0, sz32 = sizeof(got32);
    LONG st2 = SHRegGetUSValueW(L"Software\\Nothing", L"v", NULL, &got32, &sz32, FALSE, &dflt, sizeof(dflt));
    printf("SHRegGetUSValue default %ld %lu\n", st2, got32);
    sz32 = sizeof(w);
    st2 = SHRegGetUSValueW(L"Control Panel\\International", L"sDecimal", NULL, w, &sz32, FALSE, NULL, 0);
    printf("SHRegGetUSValue user %ld [%ls]\n", st2, w);
    printf("SHRegGetBoolUSValue %d\n", SHRegGetBoolUSValueW(L"Software\\Nothing", L"b", FALSE, TRUE));
    n = 64;
    hr = GetAcceptLanguagesA(a, &n);
    printf("GetAcceptLanguages %08lX %lu [%s]\n", hr, n, a);
    LONG count = 0;
    IUnknown *tref = NULL;
    hr = SHCreateThreadRef(&count, &tref);
    printf("SHCreateThreadRef %08lX count %ld\n", hr, count);
    IUnknown *none = NULL;
    printf("SHGetThreadRef before %08lX\n", SHGetThreadRef(&none));
    SHSetThreadRef(tref);
    done = CreateEventW(NULL, TRUE, FALSE, NULL);
    go = CreateEventW(NULL, TRUE, FALSE, NULL);
    BOOL made = SHCreateThread(Proc, "data", CTF_THREAD_REF, Callback);
    printf("SHCreateThread %d (after the callback)\n", made);
    SetEvent(go);
    WaitForSingleObject(done, INFINITE);
    Sleep(50);
    printf("count after the thread %ld\n", count);
    hr = SHReleaseThreadRef();
    printf("SHReleaseThreadRef %08lX count %ld\n", hr, count);
    COLORREF colors[] = {RGB(255, 0, 0), RGB(0, 128, 0), RGB(10, 20, 200), RGB(128, 128, 128), RGB(255, 255, 255),
                         RGB(200, 150, 100)};
    for (int i = 0; i < 6; i++) {
        WORD hh, ll, ss;
        ColorRGBToHLS(colors[i], &hh, &ll, &ss);
        printf("ColorRGBToHLS %06lX -> %u %u %u -> %06lX, luma 100 %06lX, +50%% %06lX\n", colors[i], hh, ll, ss,
               ColorHLSToRGB(hh, ll, ss), ColorAdjustLuma(colors[i], 100, FALSE), ColorAdjustLuma(colors[i], 500, TRUE));
    }
    IUnknown *slot = NULL;
    IUnknown_Set(&slot, &obj.Iface);
    printf("IUnknown_Set refs %ld", obj.Refs);
    IUnknown_AtomicRelease((void **)&slot);
    printf(", AtomicRelease refs %ld %p\n", obj.Refs, (void *)slot);
    return 0;
}
