/* shell32's special folders and item ID lists: CSIDL and KNOWNFOLDERID paths, the existence check
 * and its error, CSIDL_FLAG_CREATE, SHGetFolderPathAndSubDir, PIDLs from paths and back, the
 * IL* walkers, SHGetMalloc, IsUserAnAdmin, DoEnvironmentSubst, SHGetFileInfo, DragQueryFile on
 * a bad handle, the empty recycle bin. */
#define INITGUID
#define COBJMACROS
#include <windows.h>
#include <shlobj.h>
#include <shellapi.h>
#include <knownfolders.h>
#include <stdio.h>

static void Folder(const char *name, int csidl)
{
    char path[MAX_PATH] = "?";
    HRESULT hr = SHGetFolderPathA(NULL, csidl, NULL, SHGFP_TYPE_CURRENT, path);
    char unverified[MAX_PATH] = "?";
    HRESULT hr2 = SHGetFolderPathA(NULL, csidl | CSIDL_FLAG_DONT_VERIFY, NULL, SHGFP_TYPE_CURRENT, unverified);
    printf("%-22s %08lX [%s] dont_verify %08lX %s\n", name, hr, path, hr2, unverified);
}

int main(void)
{
    Folder("CSIDL_WINDOWS", CSIDL_WINDOWS);
    Folder("CSIDL_SYSTEM", CSIDL_SYSTEM);
    Folder("CSIDL_APPDATA", CSIDL_APPDATA);
    Folder("CSIDL_LOCAL_APPDATA", CSIDL_LOCAL_APPDATA);
    Folder("CSIDL_PERSONAL", CSIDL_PERSONAL);
    Folder("CSIDL_PROFILE", CSIDL_PROFILE);
    Folder("CSIDL_COMMON_APPDATA", CSIDL_COMMON_APPDATA);
    Folder("CSIDL_PROGRAM_FILES", CSIDL_PROGRAM_FILES);
    Folder("CSIDL_PROGRAM_FILESX86", CSIDL_PROGRAM_FILESX86);
    Folder("CSIDL_STARTUP", CSIDL_STARTUP);
    Folder("CSIDL_FONTS", CSIDL_FONTS);
    Folder("CSIDL_DRIVES", CSIDL_DRIVES);
    Folder("0x3F (no such CSIDL)", 0x3F);

    WCHAR w[MAX_PATH];
    HRESULT hr = SHGetFolderPathW(NULL, CSIDL_SYSTEM, NULL, SHGFP_TYPE_DEFAULT, w);
    printf("W system default %08lX %ls\n", hr, w);
    hr = SHGetFolderPathW(NULL, CSIDL_WINDOWS, NULL, 7, w);
    printf("bad flags %08lX\n", hr);
    hr = SHGetFolderPathAndSubDirW(NULL, CSIDL_SYSTEM, NULL, 0, L"drivers\\etc", w);
    printf("subdir drivers\\etc %08lX\n", hr);
    hr = SHGetFolderPathAndSubDirW(NULL, CSIDL_WINDOWS | CSIDL_FLAG_DONT_VERIFY, NULL, 0, L"sub", w);
    printf("subdir unverified %08lX %ls\n", hr, w);
    hr = SHGetFolderPathW(NULL, CSIDL_APPDATA | CSIDL_FLAG_CREATE, NULL, 0, w);
    printf("APPDATA create (the profile is a writable mount) %08lX\n", hr);
    char a[MAX_PATH];
    printf("SHGetSpecialFolderPathA(SYSTEM) %d %s\n", SHGetSpecialFolderPathA(NULL, a, CSIDL_SYSTEM, FALSE), a);

    static const GUID nullid;
    PWSTR kf = NULL;
    hr = SHGetKnownFolderPath(&FOLDERID_System, 0, NULL, &kf);
    printf("FOLDERID_System %08lX %ls\n", hr, kf);
    SHFree(kf);
    hr = SHGetKnownFolderPath(&FOLDERID_RoamingAppData, KF_FLAG_DONT_VERIFY, NULL, &kf);
    printf("FOLDERID_RoamingAppData unverified %08lX %ls\n", hr, kf);
    SHFree(kf);
    hr = SHGetKnownFolderPath(&FOLDERID_Downloads, 0, NULL, &kf);
    printf("FOLDERID_Downloads %08lX %s\n", hr, kf ? "path" : "NULL");
    hr = SHGetKnownFolderPath(&FOLDERID_ComputerFolder, 0, NULL, &kf);
    printf("FOLDERID_ComputerFolder %08lX\n", hr);
    hr = SHGetKnownFolderPath(&nullid, 0, NULL, &kf);
    printf("GUID_NULL %08lX\n", hr);

    /* ID lists. */
    PIDLIST_ABSOLUTE pidl = ILCreateFromPathW(L"C:\\Windows\\System32\\kernel32.dll");
    printf("ILCreateFromPath %s size %u\n", pidl ? "ok" : "NULL", ILGetSize(pidl));
    printf("SHGetPathFromIDListW %d %ls\n", SHGetPathFromIDListW(pidl, w), w);
    PIDLIST_ABSOLUTE parent = ILClone(pidl);
    BOOL removed = ILRemoveLastID(parent);
    printf("ILRemoveLastID %d -> %d ", removed, SHGetPathFromIDListW(parent, w));
    printf("%ls\n", w);
    printf("ILIsParent immediate %d, ILIsEqual %d %d\n", ILIsParent(parent, pidl, TRUE), ILIsEqual(pidl, pidl),
           ILIsEqual(pidl, parent));
    PIDLIST_ABSOLUTE joined = ILCombine(parent, ILFindLastID(pidl));
    printf("ILCombine equal %d\n", ILIsEqual(joined, pidl));
    int items = 0;
    for (PCUIDLIST_RELATIVE p = pidl; p; p = ILGetNext(p)) items++;
    printf("items %d, first cb %u\n", items, ILCloneFirst(pidl)->mkid.cb);
    printf("missing file %s\n", ILCreateFromPathW(L"C:\\Windows\\nothing.txt") ? "pidl" : "NULL");
    ILFree(joined); ILFree(parent); ILFree(pidl);
    hr = SHGetFolderLocation(NULL, CSIDL_SYSTEM, NULL, 0, &pidl);
    printf("SHGetFolderLocation(SYSTEM) %08lX %d %ls\n", hr, SHGetPathFromIDListW(pidl, w), w);
    ILFree(pidl);
    hr = SHGetFolderLocation(NULL, CSIDL_DESKTOP, NULL, 0, &pidl);
    printf("SHGetFolderLocation(DESKTOP) %08lX size %u\n", hr, ILGetSize(pidl));
    ILFree(pidl);
    hr = SHGetSpecialFolderLocation(NULL, CSIDL_DRIVES, &pidl);
    printf("CSIDL_DRIVES %08lX size %u path %d\n", hr, ILGetSize(pidl), SHGetPathFromIDListW(pidl, w));
    ILFree(pidl);
    IMalloc *m;
    printf("SHGetMalloc %08lX\n", SHGetMalloc(&m));
    void *block = IMalloc_Alloc(m, 100);
    printf("IMalloc size %u\n", (unsigned)IMalloc_GetSize(m, block));
    IMalloc_Free(m, block);

    /* The rest. */
    printf("IsUserAnAdmin %d\n", IsUserAnAdmin());
    char env[64] = "%SystemRoot%\\x";
    DWORD r = DoEnvironmentSubstA(env, sizeof(env));
    printf("DoEnvironmentSubst %d %d %s\n", HIWORD(r), LOWORD(r), env);
    char tiny[16] = "%SystemRoot%ab";
    r = DoEnvironmentSubstA(tiny, 12);
    printf("DoEnvironmentSubst short %d %d %s\n", HIWORD(r), LOWORD(r), tiny);
    SHFILEINFOW fi;
    DWORD_PTR got = SHGetFileInfoW(L"C:\\Windows\\System32", 0, &fi, sizeof(fi),
                                   SHGFI_DISPLAYNAME | SHGFI_TYPENAME | SHGFI_ATTRIBUTES);
    printf("SHGetFileInfo dir %d [%ls] [%ls] folder %d\n", (int)got, fi.szDisplayName, fi.szTypeName,
           (fi.dwAttributes & SFGAO_FOLDER) != 0);
    got = SHGetFileInfoW(L"x.abc", FILE_ATTRIBUTE_NORMAL, &fi, sizeof(fi),
                         SHGFI_USEFILEATTRIBUTES | SHGFI_TYPENAME | SHGFI_DISPLAYNAME);
    printf("SHGetFileInfo attrs %d [%ls] [%ls]\n", (int)got, fi.szDisplayName, fi.szTypeName);
    printf("missing %d, exetype %lX\n", (int)SHGetFileInfoW(L"C:\\nothing", 0, &fi, sizeof(fi), SHGFI_TYPENAME),
           (unsigned long)SHGetFileInfoW(L"C:\\Windows\\System32\\cmd.exe", 0, NULL, 0, SHGFI_EXETYPE));
    printf("DragQueryFile(bad) %u\n", DragQueryFileW((HDROP)0, 0xFFFFFFFF, NULL, 0));
    HGLOBAL g = GlobalAlloc(GMEM_MOVEABLE | GMEM_ZEROINIT, sizeof(DROPFILES) + 64);
    DROPFILES *df = GlobalLock(g);
    df->pFiles = sizeof(DROPFILES);
    df->fWide = TRUE;
    memcpy((BYTE *)df + sizeof(DROPFILES), L"C:\\a.txt\0C:\\bb.txt\0", 40);
    GlobalUnlock(g);
    printf("DragQueryFile count %u, len %u, ", DragQueryFileW(g, 0xFFFFFFFF, NULL, 0), DragQueryFileW(g, 1, NULL, 0));
    char name[8];
    printf("A copy %u %s\n", DragQueryFileA(g, 1, name, sizeof(name)), name);
    DragFinish(g);
    printf("ExtractIcon(txt) %p, count(kernel32) %p\n", ExtractIconA(NULL, "C:\\Windows\\System32\\nothing.txt", 0),
           ExtractIconA(NULL, "C:\\Windows\\System32\\kernel32.dll", (UINT)-1));
    SHQUERYRBINFO rb = {sizeof(rb)};
    hr = SHQueryRecycleBinW(L"C:\\", &rb);
    printf("SHQueryRecycleBin %08lX %lld %lld, empty %08lX\n", hr, rb.i64Size, rb.i64NumItems,
           SHEmptyRecycleBinW(NULL, NULL, SHERB_NOCONFIRMATION | SHERB_NOPROGRESSUI | SHERB_NOSOUND));
    ULARGE_INTEGER avail, total, fr;
    printf("SHGetDiskFreeSpaceEx %d\n", SHGetDiskFreeSpaceExW(L"C:\\", &avail, &total, &fr));
    SHChangeNotify(SHCNE_ASSOCCHANGED, SHCNF_IDLIST, NULL, NULL);
    printf("PathIsExe %d %d %d\n", PathIsExe(L"C:\\x\\A.EXE"), PathIsExe(L"run.cmd"), PathIsExe(L"notes.txt"));
    PIDLIST_ABSOLUTE dir = ILCreateFromPathW(L"C:\\Windows"), file = ILCreateFromPathW(L"C:\\Windows\\System32");
    PUIDLIST_RELATIVE rest = ILFindChild(dir, file);
    printf("ILFindChild %s size %u, not a child %s\n", rest ? "found" : "NULL", ILGetSize(rest),
           ILFindChild(file, dir) ? "found" : "NULL");
    PIDLIST_RELATIVE grown = ILAppendID((PIDLIST_RELATIVE)ILClone(dir), &ILFindLastID(file)->mkid, TRUE);
    printf("ILAppendID equal %d\n", ILIsEqual((PCIDLIST_ABSOLUTE)grown, file));
    ILFree(grown); ILFree(dir); ILFree(file);
    IUnknown *explorer = (IUnknown *)1;
    hr = SHGetInstanceExplorer(&explorer);
    printf("SHGetInstanceExplorer %08lX %p\n", hr, (void *)explorer);
    NOTIFYICONDATAW nid = {sizeof(nid)};
    printf("Shell_NotifyIconW %d\n", Shell_NotifyIconW(NIM_ADD, &nid));
    printf("ExtractIconEx count %u\n", ExtractIconExW(L"C:\\Windows\\System32\\kernel32.dll", -1, NULL, NULL, 0));
    return 0;
}
