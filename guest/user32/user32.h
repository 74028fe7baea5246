/* What user32's files share: the USER lock, the per-process tables of classes and windows, the
 * per-thread message queues, and the helpers that call a window procedure. All of it lives in this
 * DLL, per process (no win32k): other processes' windows, classes and queues cannot be seen. */
#pragma once
#define _USER32_
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

__declspec(dllimport) int __cdecl _wcsicmp(const WCHAR *, const WCHAR *);
__declspec(dllimport) size_t __cdecl wcslen(const WCHAR *);
__declspec(dllimport) size_t __cdecl strlen(const char *);

/* The USER lock: one critical section over every table below. Never held while a window, hook or
 * timer procedure runs. */
extern CRITICAL_SECTION UserLock;
#define LOCK() EnterCriticalSection(&UserLock)
#define UNLOCK() LeaveCriticalSection(&UserLock)

/* class.c: a registered window class. */
typedef struct CLS {
    struct CLS *Next;
    WNDCLASSEXW Info;               /* lpszClassName points at Name, lpszMenuName at Menu */
    WCHAR Name[256];
    ATOM Atom;
    BOOL Unicode;                   /* registered through a W call: its procedure takes UTF-16 */
    LONG Windows;                   /* windows of the class still alive */
    BYTE *Extra;                    /* cbClsExtra bytes */
} CLS;

CLS *UserFindClass(LPCWSTR name, HINSTANCE instance);    /* name: a string or MAKEINTATOM */
CLS *UserFindClassAtom(ATOM atom);

/* window.c: a window. */
typedef struct WND {
    struct WND *Next;               /* in creation order, over the whole process */
    HWND Handle;
    CLS *Class;
    WNDPROC Proc;
    BOOL Unicode;                   /* Proc takes UTF-16 strings */
    DWORD Style, ExStyle, ThreadId;
    HWND Parent, Owner;             /* Parent: NULL top-level, HWND_MESSAGE message-only */
    HINSTANCE Instance;
    HMENU Id;
    LONG_PTR UserData;
    RECT Rect;                      /* in screen coordinates */
    WCHAR *Text;
    BYTE *Extra;                    /* cbWndExtra bytes */
    ULONG Order;                    /* z-order key: larger is nearer the top */
    BOOL Destroying;
    LONG_PTR Props;                 /* unused */
} WND;

extern WND *UserWindows;
WND *UserWindow(HWND hwnd);         /* caller holds the lock; NULL when hwnd is not a live window */
WND *UserWindowChecked(HWND hwnd);  /* takes and drops the lock; ERROR_INVALID_WINDOW_HANDLE */
#define DESKTOP_HWND ((HWND)(ULONG_PTR)0x10010)
#ifndef SWP_NOCLIENTSIZE
#define SWP_NOCLIENTSIZE 0x0800     /* WINDOWPOS flags of WM_WINDOWPOSCHANGED */
#define SWP_NOCLIENTMOVE 0x1000
#endif
#define WM_SYSTIMER 0x0118
#define MESSAGE_HWND ((HWND)(ULONG_PTR)0x10014)

/* message.c: calling a window procedure with a message of the given character set; strings of
 * WM_SETTEXT, WM_GETTEXT, WM_NCCREATE and WM_CREATE are converted when the sets differ. */
LRESULT UserCallProc(WNDPROC proc, BOOL procUnicode, HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode);
LRESULT UserSend(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode);
LRESULT UserDeliverSent(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode);   /* one from another thread */

/* queue.c: a thread's message queue, created on the thread's first use. */
typedef struct QMSG {
    struct QMSG *Next;
    MSG Msg;
    BOOL Sent;                      /* a SendMessage from another thread */
    BOOL Unicode;
    LRESULT Result;
    HANDLE Done;                    /* set when a sent message has been handled */
    BOOL Abandoned;                 /* the receiver died */
} QMSG;

typedef struct TIMER {
    struct TIMER *Next;
    HWND Hwnd;
    UINT_PTR Id;
    UINT Elapse;
    ULONGLONG Due;                  /* GetTickCount64 at which it is next due */
    TIMERPROC Proc;
} TIMER;

typedef struct QUEUE {
    struct QUEUE *Next;
    DWORD ThreadId;
    HANDLE Wake;                    /* manual-reset: set while a message may be waiting */
    QMSG *Posted, *Sent;            /* FIFO lists */
    BOOL Quit;
    int ExitCode;
    TIMER *Timers;
    DWORD Changed;                  /* QS_* bits new since the last GetQueueStatus */
    DWORD Time;                     /* the last message's time */
    POINT Point;
    QMSG *Handling;                 /* the sent message being handled now (InSendMessage, ReplyMessage) */
    BOOL Replied;                   /* ReplyMessage answered it already: its sender may be gone */
} QUEUE;

QUEUE *UserQueue(void);             /* the calling thread's, created if needed */
QUEUE *UserQueueOf(DWORD tid);      /* caller holds the lock; NULL when that thread has none */
void UserPost(QUEUE *q, HWND hwnd, UINT msg, WPARAM wp, LPARAM lp);  /* caller holds the lock */
BOOL UserProcessSent(QUEUE *q);     /* handle one incoming sent message; FALSE when none */
DWORD UserQueueBits(QUEUE *q);      /* caller holds the lock: QS_* bits now pending */
void UserThreadGone(DWORD tid);     /* DLL_THREAD_DETACH: its windows and queue */

/* timer.c */
TIMER *UserDueTimer(QUEUE *q, HWND hwnd, UINT lo, UINT hi, ULONGLONG now);  /* caller holds the lock */
DWORD UserNextTimer(QUEUE *q, ULONGLONG now);                               /* ms until one is due, or INFINITE */

/* hook.c: WH_GETMESSAGE and WH_CALLWNDPROC(RET) run for messages; input hooks never run. */
void UserHookGetMessage(MSG *msg, BOOL removed);
void UserHookCallWndProc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL after, LRESULT result, BOOL otherThread);

/* atom.c: the names of RegisterWindowMessage and RegisterClipboardFormat (0xC000 and up). */
UINT UserRegisterName(LPCWSTR name);
int UserNameOf(UINT atom, LPWSTR buffer, int size);

/* Small helpers. */
WCHAR *UserDupW(LPCWSTR s);
WCHAR *UserDupA(LPCSTR s);          /* ANSI to a new UTF-16 string */
void *UserAlloc(SIZE_T n);          /* zeroed */
void UserFree(void *p);
