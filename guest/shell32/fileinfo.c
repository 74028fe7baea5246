/* SHGetFileInfoA/W: a file's display name, type name, shell attributes and executable type, read
 * from the file (or, with SHGFI_USEFILEATTRIBUTES, from the attributes given) and its class in
 * HKEY_CLASSES_ROOT. Icons: this machine has no GDI, so no icon or image list can be handed out;
 * the icon fields stay empty and a request for only those fails (0). */
#include "shell32.h"

static LPCWSTR Extension(LPCWSTR name)
{
    LPCWSTR dot = NULL;
    for (LPCWSTR p = name; *p; p++) {
        if (*p == '\\' || *p == '/') dot = NULL;
        else if (*p == '.') dot = p;
    }
    return dot;
}

static LPCWSTR BaseName(LPCWSTR path)
{
    LPCWSTR base = path;
    for (LPCWSTR p = path; *p; p++) if ((*p == '\\' || *p == '/' || *p == ':') && p[1]) base = p + 1;
    return base;
}

/* The type name: the class's friendly name, else "EXT File", "File folder", "File". */
static void TypeName(LPCWSTR path, DWORD attributes, WCHAR out[80])
{
    WCHAR cls[MAX_PATH];
    DWORD bytes = sizeof(cls);
    if (attributes & FILE_ATTRIBUTE_DIRECTORY) { lstrcpyW(out, L"File folder"); return; }
    LPCWSTR ext = Extension(path);
    if (ext == NULL || ext[1] == 0) { lstrcpyW(out, L"File"); return; }
    if (RegGetValueW(HKEY_CLASSES_ROOT, ext, NULL, RRF_RT_REG_SZ, NULL, cls, &bytes) == ERROR_SUCCESS && cls[0]) {
        bytes = 80 * sizeof(WCHAR);
        if (RegGetValueW(HKEY_CLASSES_ROOT, cls, NULL, RRF_RT_REG_SZ, NULL, out, &bytes) == ERROR_SUCCESS && out[0])
            return;
    }
    int n = 0;
    for (LPCWSTR p = ext + 1; *p && n < 70; p++) out[n++] = *p >= 'a' && *p <= 'z' ? *p - 32 : *p;
    lstrcpyW(out + n, L" File");
}

/* SHGFI_EXETYPE: 'PE' with the subsystem version for a GUI image, 'PE' alone for a console one,
 * 'MZ' for .com/.bat/.cmd; 0 otherwise. */
static DWORD_PTR ExeType(LPCWSTR path)
{
    LPCWSTR ext = Extension(path);
    if (ext && (!lstrcmpiW(ext, L".com") || !lstrcmpiW(ext, L".bat") || !lstrcmpiW(ext, L".cmd"))) return 0x5A4D;
    if (ext == NULL || lstrcmpiW(ext, L".exe")) return 0;
    HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) return 0;
    BYTE head[1024];
    DWORD got = 0;
    ReadFile(file, head, sizeof(head), &got, NULL);
    CloseHandle(file);
    if (got < 64 || head[0] != 'M' || head[1] != 'Z') return 0;
    DWORD pe = *(DWORD *)(head + 0x3C);
    if (pe + 0x5C + 4 > got || memcmp(head + pe, "PE\0\0", 4)) return 0x5A4D;
    const BYTE *opt = head + pe + 24;
    WORD subsystem = *(WORD *)(opt + 0x44);
    WORD major = *(WORD *)(opt + 0x30), minor = *(WORD *)(opt + 0x32);
    if (subsystem == IMAGE_SUBSYSTEM_WINDOWS_CUI) return 0x4550;
    return MAKELONG(0x4550, (major << 8) | minor);
}

SHAPI DWORD_PTR WINAPI SHGetFileInfoW(LPCWSTR path, DWORD attributes, SHFILEINFOW *info, UINT size, UINT flags)
{
    if (path == NULL || (info == NULL && !(flags & SHGFI_EXETYPE))) return 0;
    WCHAR from[MAX_PATH];
    if (flags & SHGFI_PIDL) {
        if (!SHGetPathFromIDListW((PCIDLIST_ABSOLUTE)path, from)) return 0;
        path = from;
    }
    if (flags & SHGFI_EXETYPE) return flags & SHGFI_USEFILEATTRIBUTES ? 0 : ExeType(path);
    if (size < sizeof(*info)) return 0;
    if (!(flags & SHGFI_USEFILEATTRIBUTES)) {
        attributes = GetFileAttributesW(path);
        if (attributes == INVALID_FILE_ATTRIBUTES) return 0;
    }
    info->hIcon = NULL;
    info->iIcon = 0;
    if (flags & SHGFI_DISPLAYNAME) lstrcpynW(info->szDisplayName, BaseName(path), MAX_PATH);
    if (flags & SHGFI_TYPENAME) TypeName(path, attributes, info->szTypeName);
    if (flags & SHGFI_ATTRIBUTES) {
        DWORD sfgao = SFGAO_CANCOPY | SFGAO_CANMOVE | SFGAO_CANRENAME | SFGAO_CANDELETE | SFGAO_HASPROPSHEET |
                      SFGAO_DROPTARGET | SFGAO_FILESYSTEM | SFGAO_CANLINK;
        if (attributes & FILE_ATTRIBUTE_DIRECTORY) sfgao |= SFGAO_FOLDER | SFGAO_FILESYSANCESTOR | SFGAO_STORAGE |
                                                           SFGAO_HASSUBFOLDER | SFGAO_BROWSABLE;
        else sfgao |= SFGAO_STREAM;
        if (attributes & FILE_ATTRIBUTE_READONLY) sfgao |= SFGAO_READONLY;
        if (attributes & FILE_ATTRIBUTE_HIDDEN) sfgao |= SFGAO_HIDDEN;
        if (attributes & FILE_ATTRIBUTE_COMPRESSED) sfgao |= SFGAO_COMPRESSED;
        if (attributes & FILE_ATTRIBUTE_ENCRYPTED) sfgao |= SFGAO_ENCRYPTED;
        info->dwAttributes = sfgao;
    }
    UINT iconic = SHGFI_ICON | SHGFI_SYSICONINDEX | SHGFI_ICONLOCATION | SHGFI_LARGEICON | SHGFI_SMALLICON |
                  SHGFI_OPENICON | SHGFI_SHELLICONSIZE | SHGFI_LINKOVERLAY | SHGFI_SELECTED | SHGFI_ADDOVERLAYS |
                  SHGFI_OVERLAYINDEX;
    if (flags & (SHGFI_ICONLOCATION)) info->szDisplayName[0] = 0;
    if ((flags & iconic) && !(flags & ~(iconic | SHGFI_USEFILEATTRIBUTES | SHGFI_PIDL))) return 0;
    return 1;
}

SHAPI DWORD_PTR WINAPI SHGetFileInfoA(LPCSTR path, DWORD attributes, SHFILEINFOA *info, UINT size, UINT flags)
{
    WCHAR wide[MAX_PATH];
    SHFILEINFOW w;
    if (path == NULL) return 0;
    LPCWSTR p = flags & SHGFI_PIDL ? (LPCWSTR)path : ToWide(path, wide, MAX_PATH);
    if (info && size < sizeof(*info)) return 0;
    DWORD_PTR result = SHGetFileInfoW(p, attributes, info ? &w : NULL, sizeof(w), flags);
    if (info && result && !(flags & SHGFI_EXETYPE)) {
        info->hIcon = w.hIcon;
        info->iIcon = w.iIcon;
        info->dwAttributes = w.dwAttributes;
        if (flags & SHGFI_DISPLAYNAME)
            WideCharToMultiByte(CP_ACP, 0, w.szDisplayName, -1, info->szDisplayName, MAX_PATH, NULL, NULL);
        if (flags & SHGFI_TYPENAME)
            WideCharToMultiByte(CP_ACP, 0, w.szTypeName, -1, info->szTypeName, 80, NULL, NULL);
    }
    return result;
}
