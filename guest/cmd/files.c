/* The file commands that programs' system() calls use most: md/mkdir (every missing folder on the
 * way; "A subdirectory or file X already exists." and ERRORLEVEL 1) and del/erase (wildcards
 * allowed; a name that matches nothing is "Could Not Find <full path>" and leaves ERRORLEVEL as
 * it was, as cmd's del does). */
#include "cmd.h"

typedef struct {
    DWORD dwFileAttributes;
    DWORD ftCreationTime[2], ftLastAccessTime[2], ftLastWriteTime[2];
    DWORD nFileSizeHigh, nFileSizeLow, dwReserved0, dwReserved1;
    WCHAR cFileName[260];
    WCHAR cAlternateFileName[14];
} WIN32_FIND_DATAW;
IMPORT BOOL WINAPI CreateDirectoryW(const WCHAR *, SECURITY_ATTRIBUTES *);
IMPORT BOOL WINAPI DeleteFileW(const WCHAR *);
IMPORT HANDLE WINAPI FindFirstFileW(const WCHAR *, WIN32_FIND_DATAW *);
IMPORT BOOL WINAPI FindNextFileW(HANDLE, WIN32_FIND_DATAW *);
IMPORT BOOL WINAPI FindClose(HANDLE);

void message_for_error(DWORD e);

/* The arguments one by one (quotes removed), switches (/x) skipped. */
static const WCHAR *next_arg(const WCHAR *p, WCHAR *arg, size_t cap)
{
    for (;;) {
        while (is_space(*p) || *p == ',' || *p == ';') p++;
        if (*p != '/')
            break;
        while (*p && !is_space(*p)) p++;
    }
    size_t k = 0;
    int quoted = 0;
    for (; *p && (quoted || !(is_space(*p) || *p == ',' || *p == ';')); p++) {
        if (*p == '"') { quoted = !quoted; continue; }
        if (k + 1 < cap) arg[k++] = *p;
    }
    arg[k] = 0;
    return p;
}

static int make_folders(const WCHAR *path)
{
    WCHAR part[1024];
    size_t n = wlen(path);
    if (n >= 1024)
        return 0;
    for (size_t i = 0; i <= n; i++) {
        part[i] = path[i];
        if ((path[i] == '\\' || path[i] == '/' || path[i] == 0) && i > 0 && path[i - 1] != ':') {
            part[i] = 0;
            if (!CreateDirectoryW(part, NULL) && GetLastError() != 183 && path[i] != 0) {
                message_for_error(GetLastError());
                return 0;
            }
            if (path[i] == 0)
                return GetFileAttributesW(part) != INVALID_FILE_ATTRIBUTES;
            part[i] = path[i];
        }
    }
    return 1;
}

int cmd_mkdir(const WCHAR *args)
{
    WCHAR arg[1024];
    const WCHAR *p = next_arg(args, arg, 1024);
    if (!arg[0]) {
        err_ascii("The syntax of the command is incorrect.\r\n");
        return errorlevel = 1;
    }
    int status = 0;
    for (; arg[0]; p = next_arg(p, arg, 1024)) {
        size_t n = wlen(arg);
        while (n > 1 && (arg[n - 1] == '\\' || arg[n - 1] == '/') && arg[n - 2] != ':') arg[--n] = 0;
        if (GetFileAttributesW(arg) != INVALID_FILE_ATTRIBUTES) {
            err_ascii("A subdirectory or file ");
            err(arg);
            err_ascii(" already exists.\r\n");
            status = errorlevel = 1;
        } else if (!make_folders(arg))
            status = errorlevel = 1;
    }
    return status;
}

int cmd_del(const WCHAR *args)
{
    WCHAR arg[1024], path[1300];
    const WCHAR *p = next_arg(args, arg, 1024);
    if (!arg[0]) {
        err_ascii("The syntax of the command is incorrect.\r\n");
        return errorlevel = 1;
    }
    for (; arg[0]; p = next_arg(p, arg, 1024)) {
        WIN32_FIND_DATAW fd;
        HANDLE h = FindFirstFileW(arg, &fd);
        int deleted = 0;
        if (h != INVALID_HANDLE_VALUE) {
            size_t dir = wlen(arg);
            while (dir && arg[dir - 1] != '\\' && arg[dir - 1] != '/' && arg[dir - 1] != ':') dir--;
            do {
                if (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
                    continue;
                for (size_t i = 0; i < dir; i++) path[i] = arg[i];
                wcopy(path + dir, fd.cFileName);
                if (DeleteFileW(path))
                    deleted = 1;
                else {
                    WCHAR full[1300];
                    GetFullPathNameW(path, 1300, full, NULL);
                    err(full);
                    err_ascii("\r\n");
                    message_for_error(GetLastError());
                    deleted = 1;
                }
            } while (FindNextFileW(h, &fd));
            FindClose(h);
        }
        if (!deleted) {
            WCHAR full[1300];
            GetFullPathNameW(arg, 1300, full, NULL);
            err_ascii("Could Not Find ");
            err(full);
            err_ascii("\r\n");
        }
    }
    return 0;
}
