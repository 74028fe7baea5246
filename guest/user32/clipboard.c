/* The clipboard, within the process (other processes' clipboard contents are not seen, nor ours
 * by them): OpenClipboard takes it for the calling thread (another thread's open clipboard is
 * ERROR_ACCESS_DENIED), EmptyClipboard makes the opener's window the owner, SetClipboardData
 * keeps the caller's global memory handle, GetClipboardData gives it back; CloseClipboard adds
 * the formats Windows synthesizes from text (CF_UNICODETEXT, CF_TEXT, CF_OEMTEXT and CF_LOCALE).
 * Delayed rendering (a NULL handle, WM_RENDERFORMAT) answers NULL from GetClipboardData. */
#include "user32.h"

#define MAX_FORMATS 64

static struct { UINT Format; HANDLE Data; BOOL Synthesized; } Formats[MAX_FORMATS];
static int Count;
static DWORD OpenThread_;                       /* 0 when closed */
static HWND OpenWindow, Owner;
static DWORD Sequence = 1;
static BOOL Changed;

static int Index(UINT format)
{
    for (int i = 0; i < Count; i++) if (Formats[i].Format == format) return i;
    return -1;
}

static BOOL Opened(void)
{
    if (OpenThread_ != GetCurrentThreadId()) { SetLastError(ERROR_CLIPBOARD_NOT_OPEN); return FALSE; }
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI OpenClipboard(HWND hwnd)
{
    if (hwnd && UserWindowChecked(hwnd) == NULL) return FALSE;
    LOCK();
    BOOL ok = OpenThread_ == 0 || OpenThread_ == GetCurrentThreadId();
    if (ok) { OpenThread_ = GetCurrentThreadId(); OpenWindow = hwnd; Changed = FALSE; }
    UNLOCK();
    if (!ok) SetLastError(ERROR_ACCESS_DENIED);
    return ok;
}

static void FreeData(HANDLE h, UINT format)
{
    if (h == NULL) return;
    if (format == CF_BITMAP || format == CF_PALETTE || format == CF_ENHMETAFILE || format == CF_DSPBITMAP) return;
    GlobalFree(h);                              /* the system owned it */
}

__declspec(dllexport) BOOL WINAPI EmptyClipboard(void)
{
    LOCK();
    if (!Opened()) { UNLOCK(); return FALSE; }
    for (int i = 0; i < Count; i++) FreeData(Formats[i].Data, Formats[i].Format);
    Count = 0;
    Owner = OpenWindow;
    Changed = TRUE;
    Sequence++;
    UNLOCK();
    return TRUE;
}

__declspec(dllexport) HANDLE WINAPI SetClipboardData(UINT format, HANDLE data)
{
    LOCK();
    if (!Opened()) { UNLOCK(); return NULL; }
    if (format == 0) { UNLOCK(); SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    int i = Index(format);
    if (i < 0) {
        if (Count == MAX_FORMATS) { UNLOCK(); SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
        i = Count++;
    } else {
        FreeData(Formats[i].Data, Formats[i].Format);
    }
    Formats[i].Format = format;
    Formats[i].Data = data;
    Formats[i].Synthesized = FALSE;
    Changed = TRUE;
    Sequence++;
    UNLOCK();
    return data;
}

/* A new global block holding `bytes` bytes of `source`. */
static HANDLE Block(const void *source, SIZE_T bytes)
{
    HGLOBAL h = GlobalAlloc(GMEM_MOVEABLE, bytes);
    void *p = h ? GlobalLock(h) : NULL;
    if (p) { memcpy(p, source, bytes); GlobalUnlock(h); }
    return h;
}

/* Step: CloseClipboard's synthesis of the text formats from the one given. */
static void Synthesize(void)
{
    static const UINT text[3] = {CF_UNICODETEXT, CF_TEXT, CF_OEMTEXT};
    int given = -1;
    for (int i = 0; i < Count && given < 0; i++)
        for (int k = 0; k < 3; k++) if (Formats[i].Format == text[k] && !Formats[i].Synthesized && Formats[i].Data) given = k;
    if (given < 0) return;
    HANDLE h = Formats[Index(text[given])].Data;
    const void *src = GlobalLock(h);
    if (src == NULL) return;
    SIZE_T size = GlobalSize(h);
    WCHAR *wide;
    if (given == 0) {
        SIZE_T n = 0;
        while (n < size / 2 && ((const WCHAR *)src)[n]) n++;
        wide = UserAlloc((n + 1) * sizeof(WCHAR));
        memcpy(wide, src, n * sizeof(WCHAR));
    } else {
        SIZE_T n = 0;
        while (n < size && ((const char *)src)[n]) n++;
        wide = UserAlloc((n + 1) * sizeof(WCHAR));
        MultiByteToWideChar(given == 1 ? CP_ACP : CP_OEMCP, 0, src, (int)n, wide, (int)n);
    }
    GlobalUnlock(h);
    if (Index(CF_LOCALE) < 0 && Count < MAX_FORMATS) {
        LCID lcid = 0x0409;
        Formats[Count].Format = CF_LOCALE; Formats[Count].Data = Block(&lcid, sizeof(lcid)); Formats[Count++].Synthesized = TRUE;
    }
    for (int k = 0; k < 3; k++) {
        if (Index(text[k]) >= 0 || Count == MAX_FORMATS) continue;
        HANDLE made;
        if (k == 0) made = Block(wide, (wcslen(wide) + 1) * sizeof(WCHAR));
        else {
            int n = WideCharToMultiByte(k == 1 ? CP_ACP : CP_OEMCP, 0, wide, -1, NULL, 0, NULL, NULL);
            char *a = UserAlloc((SIZE_T)n);
            WideCharToMultiByte(k == 1 ? CP_ACP : CP_OEMCP, 0, wide, -1, a, n, NULL, NULL);
            made = Block(a, (SIZE_T)n);
            UserFree(a);
        }
        Formats[Count].Format = text[k]; Formats[Count].Data = made; Formats[Count++].Synthesized = TRUE;
    }
    UserFree(wide);
}

__declspec(dllexport) BOOL WINAPI CloseClipboard(void)
{
    LOCK();
    if (!Opened()) { UNLOCK(); return FALSE; }
    if (Changed) Synthesize();
    OpenThread_ = 0;
    OpenWindow = NULL;
    UNLOCK();
    return TRUE;
}

__declspec(dllexport) HANDLE WINAPI GetClipboardData(UINT format)
{
    LOCK();
    if (!Opened()) { UNLOCK(); return NULL; }
    int i = Index(format);
    HANDLE h = i >= 0 ? Formats[i].Data : NULL;
    UNLOCK();
    return h;
}

__declspec(dllexport) BOOL WINAPI IsClipboardFormatAvailable(UINT format)
{
    LOCK();
    BOOL there = Index(format) >= 0;
    UNLOCK();
    return there;
}

__declspec(dllexport) int WINAPI CountClipboardFormats(void)
{
    LOCK();
    int n = Count;
    UNLOCK();
    return n;
}

__declspec(dllexport) UINT WINAPI EnumClipboardFormats(UINT format)
{
    LOCK();
    if (!Opened()) { UNLOCK(); return 0; }
    UINT next = 0;
    if (format == 0) next = Count ? Formats[0].Format : 0;
    else {
        int i = Index(format);
        next = i >= 0 && i + 1 < Count ? Formats[i + 1].Format : 0;
    }
    UNLOCK();
    SetLastError(ERROR_SUCCESS);                /* 0 with no error: the end of the list */
    return next;
}

__declspec(dllexport) int WINAPI GetPriorityClipboardFormat(UINT *list, int n)
{
    if (Count == 0) return 0;
    for (int i = 0; i < n; i++) if (IsClipboardFormatAvailable(list[i])) return (int)list[i];
    return -1;
}

__declspec(dllexport) HWND WINAPI GetClipboardOwner(void) { return Owner; }
__declspec(dllexport) HWND WINAPI GetOpenClipboardWindow(void) { return OpenWindow; }
__declspec(dllexport) DWORD WINAPI GetClipboardSequenceNumber(void) { return Sequence; }
__declspec(dllexport) HWND WINAPI GetClipboardViewer(void) { return NULL; }
__declspec(dllexport) BOOL WINAPI AddClipboardFormatListener(HWND hwnd) { return UserWindowChecked(hwnd) != NULL; }
__declspec(dllexport) BOOL WINAPI RemoveClipboardFormatListener(HWND hwnd) { return UserWindowChecked(hwnd) != NULL; }
