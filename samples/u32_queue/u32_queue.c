/* user32's message queues: posting and peeking with filters, WM_QUIT after the posted messages,
 * timers on virtual time, GetQueueStatus, SendMessage to a window of another thread (queued and
 * waited for), PostThreadMessage, MsgWaitForMultipleObjects waking on a posted message, and
 * hooks (WH_GETMESSAGE runs; a low-level keyboard hook registers and never runs). */
#include "../k32.h"

static int timerMessages, timerProcCalls, hookCalls, llCalls;
static DWORD handledBy;

static LRESULT CALLBACK Proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (msg == WM_TIMER) timerMessages++;
    if (msg == WM_USER + 5) { handledBy = GetCurrentThreadId(); return InSendMessage() ? wp * 2 : -1; }
    return DefWindowProcW(hwnd, msg, wp, lp);
}

static VOID CALLBACK TimerProc(HWND hwnd, UINT msg, UINT_PTR id, DWORD time) { (void)hwnd; (void)msg; (void)id; (void)time; timerProcCalls++; }
static LRESULT CALLBACK GetMsgHook(int code, WPARAM wp, LPARAM lp) { hookCalls++; return CallNextHookEx(NULL, code, wp, lp); }
static int callWndProcCurrent = -1;
static LRESULT CALLBACK CallWndProcHook(int code, WPARAM wp, LPARAM lp)
{
    if (((CWPSTRUCT *)lp)->message == WM_USER + 5) callWndProcCurrent = wp != 0;
    return CallNextHookEx(NULL, code, wp, lp);
}
static LRESULT CALLBACK KeyboardHook(int code, WPARAM wp, LPARAM lp) { llCalls++; return CallNextHookEx(NULL, code, wp, lp); }

static HWND workerWindow;
static HANDLE ready;

/* A thread with its own window and message loop. */
static DWORD WINAPI Worker(LPVOID arg)
{
    (void)arg;
    workerWindow = CreateWindowExW(0, L"U32Queue", L"worker", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, NULL, NULL);
    MSG m;
    PeekMessageW(&m, NULL, 0, 0, PM_NOREMOVE);      /* make sure the queue exists */
    SetEvent(ready);
    int got = 0;
    while (GetMessageW(&m, NULL, 0, 0) > 0) {
        if (m.message == WM_APP && m.hwnd == NULL) got++;
        DispatchMessageW(&m);
    }
    DestroyWindow(workerWindow);
    return got * 100 + (int)m.wParam;
}

void Entry(void)
{
    WNDCLASSW wc = {0, Proc, 0, 0, GetModuleHandleW(NULL)};
    wc.lpszClassName = L"U32Queue";
    RegisterClassW(&wc);
    HWND hwnd = CreateWindowExW(0, L"U32Queue", L"main", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, NULL, NULL);
    MSG m;

    /* Posting and peeking. */
    Check(!PeekMessageW(&m, NULL, 0, 0, PM_REMOVE), "an empty queue");
    Check(PostMessageW(hwnd, WM_USER + 1, 1, 0) && PostMessageW(hwnd, WM_USER + 2, 2, 0) && PostMessageW(NULL, WM_USER + 3, 3, 0),
          "PostMessage to the window and to the thread");
    DWORD status = GetQueueStatus(QS_ALLINPUT);
    Check(HIWORD(status) & QS_POSTMESSAGE && LOWORD(status) & QS_POSTMESSAGE, "GetQueueStatus: posted messages, new");
    Check(LOWORD(GetQueueStatus(QS_ALLINPUT)) == 0, "not new the second time");
    Check(PeekMessageW(&m, NULL, WM_USER + 2, WM_USER + 2, PM_NOREMOVE) && m.wParam == 2, "a range filter, PM_NOREMOVE");
    Check(PeekMessageW(&m, (HWND)-1, 0, 0, PM_REMOVE) && m.message == WM_USER + 3 && m.hwnd == NULL, "hwnd -1: thread messages only");
    Check(PeekMessageW(&m, NULL, 0, 0, PM_REMOVE) && m.wParam == 1 && PeekMessageW(&m, NULL, 0, 0, PM_REMOVE) && m.wParam == 2,
          "the rest in order");
    CheckError(!PostMessageW((HWND)(ULONG_PTR)0x1234, WM_USER, 0, 0), ERROR_INVALID_WINDOW_HANDLE, "a bad window: ERROR_INVALID_WINDOW_HANDLE");
    CheckError(!PostMessageW(hwnd, WM_SETTEXT, 0, (LPARAM)L"x"), ERROR_MESSAGE_SYNC_ONLY, "WM_SETTEXT posted: ERROR_MESSAGE_SYNC_ONLY");
    CheckError(!PostThreadMessageW(0x7FFFFFF0, WM_USER, 0, 0), ERROR_INVALID_THREAD_ID, "no such thread: ERROR_INVALID_THREAD_ID");
    CheckError(GetMessageW(&m, (HWND)(ULONG_PTR)0x1234, 0, 0) == -1, ERROR_INVALID_WINDOW_HANDLE, "GetMessage of a bad window: -1");

    /* WM_QUIT after the posted messages. */
    PostQuitMessage(7);
    PostMessageW(hwnd, WM_USER + 9, 0, 0);
    Check(GetMessageW(&m, NULL, 0, 0) == TRUE && m.message == WM_USER + 9, "a message posted after PostQuitMessage comes first");
    Check(GetMessageW(&m, NULL, 0, 0) == FALSE && m.message == WM_QUIT && m.wParam == 7, "then WM_QUIT with the exit code");
    Check(!PeekMessageW(&m, NULL, 0, 0, PM_REMOVE), "once");

    /* Timers on virtual time. */
    DWORD start = GetTickCount();
    Check(SetTimer(hwnd, 1, 100, NULL) == 1, "SetTimer on the window");
    UINT_PTR tid = SetTimer(NULL, 0, 250, TimerProc);
    Check(tid != 0, "a thread timer with a TIMERPROC");
    Check(!PeekMessageW(&m, NULL, WM_TIMER, WM_TIMER, PM_REMOVE), "not due yet");
    while (timerMessages < 5 && GetMessageW(&m, NULL, 0, 0) > 0) DispatchMessageW(&m);
    DWORD elapsed = GetTickCount() - start;
    Check(timerMessages == 5 && timerProcCalls == 2, "five WM_TIMERs of the 100 ms timer, two calls of the 250 ms one");
    Check(elapsed >= 500 && elapsed < 600, "after about 500 ms of virtual time");
    Check(KillTimer(hwnd, 1) && KillTimer(NULL, tid), "KillTimer");
    Check(!KillTimer(hwnd, 1), "a second KillTimer fails");
    Check(!PeekMessageW(&m, NULL, 0, 0, PM_REMOVE), "no more WM_TIMER");

    /* Another thread: its window, SendMessage to it, PostThreadMessage. */
    ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    DWORD workerId;
    HANDLE worker = CreateThread(NULL, 0, Worker, NULL, 0, &workerId);
    WaitForSingleObject(ready, INFINITE);
    DWORD owner = GetWindowThreadProcessId(workerWindow, NULL);
    Check(owner == workerId, "the worker's window belongs to it");
    Check(SendMessageW(workerWindow, WM_USER + 5, 21, 0) == 42 && handledBy == workerId, "SendMessage: handled on the worker's thread");
    WCHAR title[16];
    Check(GetWindowTextW(workerWindow, title, 16) == 6 && title[0] == 'w', "GetWindowText across threads");
    CheckError(!DestroyWindow(workerWindow), ERROR_ACCESS_DENIED, "DestroyWindow from another thread: ERROR_ACCESS_DENIED");
    Check(PostThreadMessageW(workerId, WM_APP, 0, 0) && PostThreadMessageW(workerId, WM_APP, 0, 0), "PostThreadMessage twice");
    PostThreadMessageW(workerId, WM_QUIT, 3, 0);
    WaitForSingleObject(worker, INFINITE);
    DWORD code = 0;
    GetExitCodeThread(worker, &code);
    Check(code == 203, "the worker got both, then WM_QUIT(3)");
    Check(!IsWindow(workerWindow), "and its window is gone");

    /* MsgWaitForMultipleObjects. */
    HANDLE never = CreateEventW(NULL, TRUE, FALSE, NULL);
    Check(MsgWaitForMultipleObjects(1, &never, FALSE, 50, QS_ALLINPUT) == WAIT_TIMEOUT, "MsgWait: a timeout when nothing comes");
    PostMessageW(hwnd, WM_USER, 0, 0);
    Check(MsgWaitForMultipleObjects(1, &never, FALSE, 1000, QS_POSTMESSAGE) == WAIT_OBJECT_0 + 1, "a posted message wakes it");
    SetEvent(never);
    Check(MsgWaitForMultipleObjects(1, &never, FALSE, 0, QS_ALLINPUT) == WAIT_OBJECT_0, "a signalled object comes first");
    ResetEvent(never);
    PeekMessageW(&m, NULL, 0, 0, PM_NOREMOVE);
    Check(MsgWaitForMultipleObjectsEx(1, &never, 0, QS_ALLINPUT, 0) == WAIT_TIMEOUT, "after a look the message is no longer new");
    Check(MsgWaitForMultipleObjectsEx(1, &never, 0, QS_ALLINPUT, MWMO_INPUTAVAILABLE) == WAIT_OBJECT_0 + 1, "MWMO_INPUTAVAILABLE sees it");
    PeekMessageW(&m, NULL, 0, 0, PM_REMOVE);

    /* Hooks. */
    HHOOK gm = SetWindowsHookExW(WH_GETMESSAGE, GetMsgHook, NULL, GetCurrentThreadId());
    HHOOK ll = SetWindowsHookExW(WH_KEYBOARD_LL, KeyboardHook, GetModuleHandleW(NULL), 0);
    Check(gm != NULL && ll != NULL, "SetWindowsHookEx: WH_GETMESSAGE and WH_KEYBOARD_LL");
    CheckError(!SetWindowsHookExW(WH_KEYBOARD, KeyboardHook, NULL, 0), ERROR_HOOK_NEEDS_HMOD, "a global hook without a module: ERROR_HOOK_NEEDS_HMOD");
    CheckError(!SetWindowsHookExW(99, KeyboardHook, NULL, GetCurrentThreadId()), ERROR_INVALID_HOOK_FILTER, "an unknown kind: ERROR_INVALID_HOOK_FILTER");
    PostMessageW(hwnd, WM_USER, 0, 0);
    Check(GetMessageW(&m, NULL, 0, 0) && hookCalls == 1, "WH_GETMESSAGE ran once");
    Sleep(100);
    PeekMessageW(&m, NULL, 0, 0, PM_REMOVE);
    Check(llCalls == 0, "the keyboard hook never ran: no input");
    HHOOK cwp = SetWindowsHookExW(WH_CALLWNDPROC, CallWndProcHook, NULL, GetCurrentThreadId());
    SendMessageW(hwnd, WM_USER + 5, 1, 0);
    Check(cwp && callWndProcCurrent == 1 && UnhookWindowsHookEx(cwp), "WH_CALLWNDPROC: sent by the current thread");
    Check(UnhookWindowsHookEx(gm) && UnhookWindowsHookEx(ll), "UnhookWindowsHookEx");
    CheckError(!UnhookWindowsHookEx(gm), ERROR_INVALID_HOOK_HANDLE, "again: ERROR_INVALID_HOOK_HANDLE");
    UINT a = RegisterWindowMessageW(L"U32_Message"), b = RegisterWindowMessageA("u32_message");
    Check(a >= 0xC000 && a == b && RegisterWindowMessageW(L"Other") != a, "RegisterWindowMessage: one value per name");
    DestroyWindow(hwnd);
    Print(failures ? "FAILED\n" : "all passed\n");
    ExitProcess(failures);
}
