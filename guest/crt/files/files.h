/* Files: the Win32 file API the runtime's file functions call (lowio_file.c, stdio_file.c,
 * stat.c): CreateFileW, SetFilePointerEx, DeleteFileW and the rest of kernel32's file API. */
#pragma once
#include "crtwin.h"

/* Files (lowio_file.c, stat.c). */
typedef struct { DWORD nLength; void *lpSecurityDescriptor; BOOL bInheritHandle; } SECURITY_ATTRIBUTES;
typedef struct { DWORD dwLowDateTime, dwHighDateTime; } FILETIME;
typedef struct { DWORD dwFileAttributes; FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
                 DWORD nFileSizeHigh, nFileSizeLow; } WIN32_FILE_ATTRIBUTE_DATA;
WINBASEAPI HANDLE WINAPI CreateFileW(const WCHAR *, DWORD, DWORD, SECURITY_ATTRIBUTES *, DWORD, DWORD, HANDLE);
WINBASEAPI BOOL WINAPI CloseHandle(HANDLE);
WINBASEAPI BOOL WINAPI SetFilePointerEx(HANDLE, LONGLONG, LONGLONG *, DWORD);
WINBASEAPI BOOL WINAPI FlushFileBuffers(HANDLE);
WINBASEAPI BOOL WINAPI SetEndOfFile(HANDLE);
WINBASEAPI BOOL WINAPI DeleteFileW(const WCHAR *);
WINBASEAPI BOOL WINAPI MoveFileExW(const WCHAR *, const WCHAR *, DWORD);
WINBASEAPI BOOL WINAPI GetFileAttributesExW(const WCHAR *, int, void *);
WINBASEAPI BOOL WINAPI SetFileTime(HANDLE, const FILETIME *, const FILETIME *, const FILETIME *);
WINBASEAPI HANDLE WINAPI GetCurrentProcess(void);
WINBASEAPI BOOL WINAPI SetStdHandle(DWORD, HANDLE);
WINBASEAPI BOOL WINAPI DuplicateHandle(HANDLE, HANDLE, HANDLE, HANDLE *, DWORD, BOOL, DWORD);
int crt_dos_to_errno(DWORD err);
int crt_alloc_fd(HANDLE h, int flags);     /* the lowest free descriptor, typed and moded */
/* A narrow path as the ANSI API would take it, widened into `out` (MAX_PATH and then some). */
int crt_widen_path(const char *path, WCHAR *out, int cap);
