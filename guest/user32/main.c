/* user32's entry point and small helpers: the USER lock is set up at process attach, a thread's
 * windows and queue go away at its detach (as win32k destroys them when a GUI thread ends), and
 * the heap helpers every table uses. */
#include "user32.h"

CRITICAL_SECTION UserLock;
void UserWinstaInit(void);
void UserClassInit(HINSTANCE self);

void *UserAlloc(SIZE_T n) { return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, n ? n : 1); }
void UserFree(void *p) { if (p) HeapFree(GetProcessHeap(), 0, p); }

WCHAR *UserDupW(LPCWSTR s)
{
    if (s == NULL) s = L"";
    SIZE_T n = wcslen(s) + 1;
    WCHAR *d = UserAlloc(n * sizeof(WCHAR));
    if (d) memcpy(d, s, n * sizeof(WCHAR));
    return d;
}

WCHAR *UserDupA(LPCSTR s)
{
    if (s == NULL) s = "";
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    WCHAR *d = UserAlloc((SIZE_T)n * sizeof(WCHAR));
    if (d) MultiByteToWideChar(CP_ACP, 0, s, -1, d, n);
    return d;
}

BOOL WINAPI User32DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)reserved;
    if (reason == DLL_PROCESS_ATTACH) {
        InitializeCriticalSection(&UserLock);
        UserWinstaInit();
        UserClassInit(instance);
    } else if (reason == DLL_THREAD_DETACH) {
        UserThreadGone(GetCurrentThreadId());
    }
    return TRUE;
}
