/* Windows hooks: SetWindowsHookEx registers a hook for one thread of the process or for all of
 * them (a global hook needs a module handle, the low-level ones excepted), UnhookWindowsHookEx
 * removes it, CallNextHookEx passes on to the next hook of the chain. WH_GETMESSAGE runs when a
 * message is retrieved and WH_CALLWNDPROC / WH_CALLWNDPROCRET around a sent message; the input
 * hooks (keyboard, mouse, their low-level forms, journal, CBT of input) never run: no input
 * comes. Hooks of other processes are not seen. */
#include "user32.h"

typedef struct HOOK {
    struct HOOK *Next;
    int Id;
    HOOKPROC Proc;
    DWORD ThreadId;                 /* 0: every thread of the process */
    BOOL Unicode;
    HHOOK Handle;
} HOOK;

static HOOK *Hooks;
static ULONG HookSerial;

static HHOOK Set(int id, HOOKPROC proc, HINSTANCE module, DWORD tid, BOOL unicode)
{
    if (id < WH_MIN || id > WH_MAX || proc == NULL) {
        SetLastError(id < WH_MIN || id > WH_MAX ? ERROR_INVALID_HOOK_FILTER : ERROR_INVALID_FILTER_PROC);
        return NULL;
    }
    if (id == WH_JOURNALRECORD || id == WH_JOURNALPLAYBACK) {
        SetLastError(ERROR_ACCESS_DENIED);      /* journal hooks need UIAccess */
        return NULL;
    }
    if (tid == 0 && module == NULL && id != WH_KEYBOARD_LL && id != WH_MOUSE_LL) {
        SetLastError(ERROR_HOOK_NEEDS_HMOD);
        return NULL;
    }
    if (tid && (id == WH_KEYBOARD_LL || id == WH_MOUSE_LL || id == WH_SYSMSGFILTER)) {
        SetLastError(ERROR_GLOBAL_ONLY_HOOK);
        return NULL;
    }
    if (tid) {                                  /* a thread of this process */
        HANDLE t = OpenThread(THREAD_QUERY_LIMITED_INFORMATION, FALSE, tid);
        DWORD pid = t ? GetProcessIdOfThread(t) : 0;
        if (t) CloseHandle(t);
        if (pid != GetCurrentProcessId()) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return NULL;
        }
    }
    HOOK *h = UserAlloc(sizeof(*h));
    h->Id = id;
    h->Proc = proc;
    h->ThreadId = tid;
    h->Unicode = unicode;
    LOCK();
    h->Handle = (HHOOK)(ULONG_PTR)(0x30000 + ++HookSerial * 0x10 + 5);
    h->Next = Hooks;                            /* the newest hook is called first */
    Hooks = h;
    UNLOCK();
    return h->Handle;
}

__declspec(dllexport) HHOOK WINAPI SetWindowsHookExW(int id, HOOKPROC proc, HINSTANCE module, DWORD tid) { return Set(id, proc, module, tid, TRUE); }
__declspec(dllexport) HHOOK WINAPI SetWindowsHookExA(int id, HOOKPROC proc, HINSTANCE module, DWORD tid) { return Set(id, proc, module, tid, FALSE); }
__declspec(dllexport) HHOOK WINAPI SetWindowsHookW(int id, HOOKPROC proc) { return Set(id, proc, NULL, GetCurrentThreadId(), TRUE); }
__declspec(dllexport) HHOOK WINAPI SetWindowsHookA(int id, HOOKPROC proc) { return Set(id, proc, NULL, GetCurrentThreadId(), FALSE); }

__declspec(dllexport) BOOL WINAPI UnhookWindowsHookEx(HHOOK handle)
{
    LOCK();
    for (HOOK **p = &Hooks; *p; p = &(*p)->Next)
        if ((*p)->Handle == handle) {
            HOOK *h = *p;
            *p = h->Next;
            UNLOCK();
            UserFree(h);
            return TRUE;
        }
    UNLOCK();
    SetLastError(ERROR_INVALID_HOOK_HANDLE);
    return FALSE;
}

__declspec(dllexport) BOOL WINAPI UnhookWindowsHook(int id, HOOKPROC proc)
{
    HHOOK found = NULL;
    LOCK();
    for (HOOK *h = Hooks; h; h = h->Next)
        if (h->Id == id && h->Proc == proc) { found = h->Handle; break; }
    UNLOCK();
    if (found == NULL) { SetLastError(ERROR_INVALID_HOOK_HANDLE); return FALSE; }
    return UnhookWindowsHookEx(found);
}

/* The first hook of a kind for this thread after `after` (NULL: from the start of the chain). */
static HOOK *Next(int id, HOOK *after)
{
    DWORD tid = GetCurrentThreadId();
    for (HOOK *h = after ? after->Next : Hooks; h; h = h->Next)
        if (h->Id == id && (h->ThreadId == 0 || h->ThreadId == tid)) return h;
    return NULL;
}

static LRESULT Run(int id, HOOK *after, int code, WPARAM wp, LPARAM lp)
{
    LOCK();
    HOOK *h = Next(id, after);
    HOOKPROC proc = h ? h->Proc : NULL;
    UNLOCK();
    return proc ? proc(code, wp, lp) : 0;
}

__declspec(dllexport) LRESULT WINAPI CallNextHookEx(HHOOK handle, int code, WPARAM wp, LPARAM lp)
{
    LOCK();
    HOOK *h = NULL;
    for (HOOK *x = Hooks; x; x = x->Next)
        if (x->Handle == handle) { h = x; break; }
    int id = h ? h->Id : 0;
    UNLOCK();
    return h ? Run(id, h, code, wp, lp) : 0;    /* the end of the chain answers 0 */
}

void UserHookGetMessage(MSG *msg, BOOL removed)
{
    Run(WH_GETMESSAGE, NULL, HC_ACTION, removed ? PM_REMOVE : PM_NOREMOVE, (LPARAM)msg);
}

void UserHookCallWndProc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL after, LRESULT result, BOOL otherThread)
{
    WPARAM current = !otherThread;              /* nonzero: sent by the current thread */
    if (!after) {
        CWPSTRUCT cwp = {lp, wp, msg, hwnd};
        Run(WH_CALLWNDPROC, NULL, HC_ACTION, current, (LPARAM)&cwp);
    } else {
        CWPRETSTRUCT ret = {result, lp, wp, msg, hwnd};
        Run(WH_CALLWNDPROCRET, NULL, HC_ACTION, current, (LPARAM)&ret);
    }
}
