/* The screen: one monitor of 1024x768 at 96 DPI with a 40-pixel task bar at the bottom (work area
 * 1024x728), Windows 10's default metrics at that size (GetSystemMetrics(ForDpi)), the DPI calls
 * (the process starts DPI-unaware; SetProcessDPIAware / SetProcessDpiAwarenessContext change that
 * once) and SystemParametersInfo's read-only questions. Setting system parameters is not done
 * (SPI_SET* fail with ERROR_INVALID_SPI_VALUE). */
#include "user32.h"

#define SCREEN_CX 1024
#define SCREEN_CY 768
#define TASKBAR_CY 40

/* Index -> value at 96 DPI; Scaled marks the sizes GetSystemMetricsForDpi scales. */
static const struct { int Index, Value, Scaled; } Metrics[] = {
    {SM_CXSCREEN, SCREEN_CX, 0}, {SM_CYSCREEN, SCREEN_CY, 0}, {SM_CXVSCROLL, 17, 1}, {SM_CYHSCROLL, 17, 1},
    {SM_CYCAPTION, 23, 1}, {SM_CXBORDER, 1, 0}, {SM_CYBORDER, 1, 0}, {SM_CXDLGFRAME, 3, 1}, {SM_CYDLGFRAME, 3, 1},
    {SM_CYVTHUMB, 17, 1}, {SM_CXHTHUMB, 17, 1}, {SM_CXICON, 32, 1}, {SM_CYICON, 32, 1}, {SM_CXCURSOR, 32, 1},
    {SM_CYCURSOR, 32, 1}, {SM_CYMENU, 20, 1}, {SM_CXFULLSCREEN, SCREEN_CX, 0},
    {SM_CYFULLSCREEN, SCREEN_CY - TASKBAR_CY - 23, 0}, {SM_MOUSEPRESENT, 1, 0}, {SM_CYVSCROLL, 17, 1},
    {SM_CXHSCROLL, 17, 1}, {SM_CXMIN, 136, 1}, {SM_CYMIN, 39, 1}, {SM_CXSIZE, 36, 1}, {SM_CYSIZE, 22, 1},
    {SM_CXFRAME, 4, 1}, {SM_CYFRAME, 4, 1}, {SM_CXMINTRACK, 136, 1}, {SM_CYMINTRACK, 39, 1},
    {SM_CXDOUBLECLK, 4, 1}, {SM_CYDOUBLECLK, 4, 1}, {SM_CXICONSPACING, 75, 1}, {SM_CYICONSPACING, 75, 1},
    {SM_CMOUSEBUTTONS, 3, 0}, {SM_CXEDGE, 2, 1}, {SM_CYEDGE, 2, 1}, {SM_CXMINSPACING, 160, 1},
    {SM_CYMINSPACING, 28, 1}, {SM_CXSMICON, 16, 1}, {SM_CYSMICON, 16, 1}, {SM_CYSMCAPTION, 23, 1},
    {SM_CXSMSIZE, 22, 1}, {SM_CYSMSIZE, 22, 1}, {SM_CXMENUSIZE, 19, 1}, {SM_CYMENUSIZE, 19, 1},
    {SM_ARRANGE, ARW_HIDE, 0}, {SM_CXMINIMIZED, 160, 1}, {SM_CYMINIMIZED, 28, 1},
    {SM_CXMAXTRACK, SCREEN_CX + 12, 0}, {SM_CYMAXTRACK, SCREEN_CY + 12, 0},
    {SM_CXMAXIMIZED, SCREEN_CX + 16, 0}, {SM_CYMAXIMIZED, SCREEN_CY - TASKBAR_CY + 16, 0}, {SM_NETWORK, 3, 0},
    {SM_CXDRAG, 4, 1}, {SM_CYDRAG, 4, 1}, {SM_CXMENUCHECK, 15, 1}, {SM_CYMENUCHECK, 15, 1},
    {SM_MOUSEWHEELPRESENT, 1, 0}, {SM_CXVIRTUALSCREEN, SCREEN_CX, 0}, {SM_CYVIRTUALSCREEN, SCREEN_CY, 0},
    {SM_CMONITORS, 1, 0}, {SM_SAMEDISPLAYFORMAT, 1, 0}, {SM_IMMENABLED, 1, 0}, {SM_CXFOCUSBORDER, 1, 0},
    {SM_CYFOCUSBORDER, 1, 0}, {SM_CXPADDEDBORDER, 4, 1}, {SM_CONVERTIBLESLATEMODE, 1, 0},
};

static BOOL Lookup(int index, int *value, int *scaled)
{
    for (UINT i = 0; i < sizeof(Metrics) / sizeof(Metrics[0]); i++)
        if (Metrics[i].Index == index) {
            *value = Metrics[i].Value;
            *scaled = Metrics[i].Scaled;
            return TRUE;
        }
    return FALSE;                               /* every other index (flags of absent features) is 0 */
}

__declspec(dllexport) int WINAPI GetSystemMetrics(int index)
{
    int value = 0, scaled;
    Lookup(index, &value, &scaled);
    return value;
}

__declspec(dllexport) int WINAPI GetSystemMetricsForDpi(int index, UINT dpi)
{
    int value = 0, scaled = 0;
    if (dpi == 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    Lookup(index, &value, &scaled);
    return scaled ? MulDiv(value, (int)dpi, USER_DEFAULT_SCREEN_DPI) : value;
}

/* Step: DPI awareness. The process starts unaware; its first setting sticks. */
static DPI_AWARENESS_CONTEXT Awareness = DPI_AWARENESS_CONTEXT_UNAWARE;
static BOOL AwarenessSet;

static BOOL ValidContext(DPI_AWARENESS_CONTEXT c)
{
    return c == DPI_AWARENESS_CONTEXT_UNAWARE || c == DPI_AWARENESS_CONTEXT_SYSTEM_AWARE
        || c == DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE || c == DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2
        || c == DPI_AWARENESS_CONTEXT_UNAWARE_GDISCALED;
}

__declspec(dllexport) BOOL WINAPI IsValidDpiAwarenessContext(DPI_AWARENESS_CONTEXT c) { return ValidContext(c); }

__declspec(dllexport) BOOL WINAPI SetProcessDpiAwarenessContext(DPI_AWARENESS_CONTEXT c)
{
    if (!ValidContext(c)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (AwarenessSet) {
        SetLastError(ERROR_ACCESS_DENIED);      /* already set, by a call or the manifest */
        return FALSE;
    }
    Awareness = c;
    AwarenessSet = TRUE;
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI SetProcessDPIAware(void)
{
    if (!AwarenessSet) {
        Awareness = DPI_AWARENESS_CONTEXT_SYSTEM_AWARE;
        AwarenessSet = TRUE;
    }
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI IsProcessDPIAware(void)
{
    return Awareness != DPI_AWARENESS_CONTEXT_UNAWARE && Awareness != DPI_AWARENESS_CONTEXT_UNAWARE_GDISCALED;
}

__declspec(dllexport) DPI_AWARENESS_CONTEXT WINAPI GetThreadDpiAwarenessContext(void) { return Awareness; }

__declspec(dllexport) DPI_AWARENESS_CONTEXT WINAPI SetThreadDpiAwarenessContext(DPI_AWARENESS_CONTEXT c)
{
    if (!ValidContext(c)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return Awareness;                           /* one awareness for the whole process here */
}

__declspec(dllexport) DPI_AWARENESS WINAPI GetAwarenessFromDpiAwarenessContext(DPI_AWARENESS_CONTEXT c)
{
    if (c == DPI_AWARENESS_CONTEXT_UNAWARE || c == DPI_AWARENESS_CONTEXT_UNAWARE_GDISCALED) return DPI_AWARENESS_UNAWARE;
    if (c == DPI_AWARENESS_CONTEXT_SYSTEM_AWARE) return DPI_AWARENESS_SYSTEM_AWARE;
    if (c == DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE || c == DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2)
        return DPI_AWARENESS_PER_MONITOR_AWARE;
    return DPI_AWARENESS_INVALID;
}

__declspec(dllexport) BOOL WINAPI AreDpiAwarenessContextsEqual(DPI_AWARENESS_CONTEXT a, DPI_AWARENESS_CONTEXT b)
{
    return a == b;
}

__declspec(dllexport) UINT WINAPI GetDpiForSystem(void) { return USER_DEFAULT_SCREEN_DPI; }

__declspec(dllexport) UINT WINAPI GetDpiForWindow(HWND hwnd)
{
    if (hwnd != DESKTOP_HWND && UserWindowChecked(hwnd) == NULL)
        return 0;
    return USER_DEFAULT_SCREEN_DPI;
}

/* Step: SystemParametersInfo. */
static void Font(LOGFONTW *f, int height, int weight)
{
    memset(f, 0, sizeof(*f));
    f->lfHeight = height;
    f->lfWeight = weight;
    f->lfCharSet = DEFAULT_CHARSET;
    f->lfQuality = DEFAULT_QUALITY;
    memcpy(f->lfFaceName, L"Segoe UI", sizeof(L"Segoe UI"));
}

static BOOL PutUint(PVOID p, UINT v) { if (p == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; } *(UINT *)p = v; return TRUE; }

__declspec(dllexport) BOOL WINAPI SystemParametersInfoW(UINT action, UINT uiParam, PVOID pv, UINT winIni)
{
    (void)winIni;
    switch (action) {
    case SPI_GETWORKAREA: {
        RECT r = {0, 0, SCREEN_CX, SCREEN_CY - TASKBAR_CY};
        if (pv == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
        *(RECT *)pv = r;
        return TRUE;
    }
    case SPI_GETNONCLIENTMETRICS: {
        NONCLIENTMETRICSW *m = pv;
        if (m == NULL || (m->cbSize != sizeof(*m) && m->cbSize != offsetof(NONCLIENTMETRICSW, iPaddedBorderWidth))
            || uiParam != m->cbSize) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        UINT size = m->cbSize;
        memset(m, 0, size);
        m->cbSize = size;
        m->iBorderWidth = 1;
        m->iScrollWidth = m->iScrollHeight = 17;
        m->iCaptionWidth = m->iCaptionHeight = 22;
        Font(&m->lfCaptionFont, -12, FW_NORMAL);
        m->iSmCaptionWidth = m->iSmCaptionHeight = 22;
        Font(&m->lfSmCaptionFont, -12, FW_NORMAL);
        m->iMenuWidth = m->iMenuHeight = 19;
        Font(&m->lfMenuFont, -12, FW_NORMAL);
        Font(&m->lfStatusFont, -12, FW_NORMAL);
        Font(&m->lfMessageFont, -12, FW_NORMAL);
        if (size == sizeof(*m)) m->iPaddedBorderWidth = 4;
        return TRUE;
    }
    case SPI_GETICONTITLELOGFONT:
        if (pv == NULL || uiParam != sizeof(LOGFONTW)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
        Font(pv, -12, FW_NORMAL);
        return TRUE;
    case SPI_GETMOUSE: {
        int *m = pv;
        if (m == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
        m[0] = 6; m[1] = 10; m[2] = 1;          /* thresholds and acceleration */
        return TRUE;
    }
    case SPI_GETBEEP: case SPI_GETFONTSMOOTHING: case SPI_GETDRAGFULLWINDOWS: case SPI_GETFLATMENU:
    case SPI_GETCLIENTAREAANIMATION: case SPI_GETMENUANIMATION: case SPI_GETCOMBOBOXANIMATION:
    case SPI_GETLISTBOXSMOOTHSCROLLING: case SPI_GETGRADIENTCAPTIONS: case SPI_GETHOTTRACKING:
    case SPI_GETSELECTIONFADE: case SPI_GETTOOLTIPANIMATION: case SPI_GETCURSORSHADOW: case SPI_GETUIEFFECTS:
        return PutUint(pv, TRUE);
    case SPI_GETSCREENSAVEACTIVE: case SPI_GETSCREENSAVERRUNNING: case SPI_GETSCREENREADER:
    case SPI_GETKEYBOARDCUES: case SPI_GETSNAPTODEFBUTTON: case SPI_GETMOUSESONAR: case SPI_GETMOUSEVANISH:
    case SPI_GETSHOWSOUNDS: case SPI_GETKEYBOARDPREF: case SPI_GETBLOCKSENDINPUTRESETS:
        return PutUint(pv, FALSE);
    case SPI_GETBORDER: case SPI_GETKEYBOARDDELAY: case SPI_GETFOCUSBORDERWIDTH: case SPI_GETFOCUSBORDERHEIGHT:
    case SPI_GETCARETWIDTH:
        return PutUint(pv, 1);
    case SPI_GETKEYBOARDSPEED: return PutUint(pv, 31);
    case SPI_GETSCREENSAVETIMEOUT: return PutUint(pv, 0);
    case SPI_GETWHEELSCROLLLINES: case SPI_GETWHEELSCROLLCHARS: return PutUint(pv, 3);
    case SPI_GETMOUSEHOVERTIME: case SPI_GETMENUSHOWDELAY: return PutUint(pv, 400);
    case SPI_GETMOUSEHOVERWIDTH: case SPI_GETMOUSEHOVERHEIGHT: return PutUint(pv, 4);
    case SPI_GETMOUSESPEED: return PutUint(pv, 10);
    case SPI_GETFOREGROUNDLOCKTIMEOUT: return PutUint(pv, 200000);
    case SPI_GETHIGHCONTRAST: {
        HIGHCONTRASTW *h = pv;
        if (h == NULL || h->cbSize != sizeof(*h)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
        h->dwFlags = HCF_AVAILABLE | HCF_HOTKEYAVAILABLE;   /* available, not on */
        h->lpszDefaultScheme = NULL;
        return TRUE;
    }
    case SPI_GETDESKWALLPAPER:
        if (pv == NULL || uiParam == 0) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
        *(WCHAR *)pv = 0;                       /* no wallpaper */
        return TRUE;
    default:
        SetLastError(ERROR_INVALID_SPI_VALUE);
        return FALSE;
    }
}

__declspec(dllexport) BOOL WINAPI SystemParametersInfoA(UINT action, UINT uiParam, PVOID pv, UINT winIni)
{
    switch (action) {
    case SPI_GETNONCLIENTMETRICS: {
        NONCLIENTMETRICSA *a = pv;
        NONCLIENTMETRICSW w;
        if (a == NULL || (a->cbSize != sizeof(*a) && a->cbSize != offsetof(NONCLIENTMETRICSA, iPaddedBorderWidth))) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        w.cbSize = sizeof(w);
        if (!SystemParametersInfoW(action, sizeof(w), &w, winIni)) return FALSE;
        UINT size = a->cbSize;
        memset(a, 0, size);
        a->cbSize = size;
        a->iBorderWidth = w.iBorderWidth; a->iScrollWidth = w.iScrollWidth; a->iScrollHeight = w.iScrollHeight;
        a->iCaptionWidth = w.iCaptionWidth; a->iCaptionHeight = w.iCaptionHeight;
        a->iSmCaptionWidth = w.iSmCaptionWidth; a->iSmCaptionHeight = w.iSmCaptionHeight;
        a->iMenuWidth = w.iMenuWidth; a->iMenuHeight = w.iMenuHeight;
        LOGFONTA *fonts[] = {&a->lfCaptionFont, &a->lfSmCaptionFont, &a->lfMenuFont, &a->lfStatusFont, &a->lfMessageFont};
        for (int i = 0; i < 5; i++) {
            memcpy(fonts[i], &w.lfCaptionFont, offsetof(LOGFONTA, lfFaceName));
            memcpy(fonts[i]->lfFaceName, "Segoe UI", 9);
        }
        if (size == sizeof(*a)) a->iPaddedBorderWidth = w.iPaddedBorderWidth;
        return TRUE;
    }
    case SPI_GETICONTITLELOGFONT: {
        LOGFONTW w;
        if (pv == NULL || uiParam != sizeof(LOGFONTA)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
        SystemParametersInfoW(action, sizeof(w), &w, winIni);
        memcpy(pv, &w, offsetof(LOGFONTA, lfFaceName));
        memcpy(((LOGFONTA *)pv)->lfFaceName, "Segoe UI", 9);
        return TRUE;
    }
    case SPI_GETHIGHCONTRAST: {
        HIGHCONTRASTA *h = pv;
        if (h == NULL || h->cbSize != sizeof(*h)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
        h->dwFlags = HCF_AVAILABLE | HCF_HOTKEYAVAILABLE;
        h->lpszDefaultScheme = NULL;
        return TRUE;
    }
    case SPI_GETDESKWALLPAPER:
        if (pv == NULL || uiParam == 0) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
        *(char *)pv = 0;
        return TRUE;
    default:
        return SystemParametersInfoW(action, uiParam, pv, winIni);
    }
}
