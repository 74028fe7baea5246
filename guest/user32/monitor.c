/* The one display: MonitorFromWindow/Point/Rect (every place maps to the primary monitor, or NULL
 * with MONITOR_DEFAULTTONULL when it is off the screen), GetMonitorInfo, EnumDisplayMonitors,
 * EnumDisplayDevices (one adapter \\.\DISPLAY1 attached to the desktop) and EnumDisplaySettings
 * (1024x768, 32 bits, 60 Hz, the current and only mode), and GetSysColor's Windows 10 defaults. */
#include "user32.h"

#define PRIMARY ((HMONITOR)(ULONG_PTR)0x10001)

static HMONITOR FromRect(const RECT *r, DWORD flags)
{
    RECT screen = {0, 0, 1024, 768}, i;
    if (IntersectRect(&i, r, &screen) || flags != MONITOR_DEFAULTTONULL) return PRIMARY;
    return NULL;
}

__declspec(dllexport) HMONITOR WINAPI MonitorFromPoint(POINT p, DWORD flags)
{
    RECT r = {p.x, p.y, p.x + 1, p.y + 1};
    return FromRect(&r, flags);
}

__declspec(dllexport) HMONITOR WINAPI MonitorFromRect(LPCRECT r, DWORD flags) { return r ? FromRect(r, flags) : NULL; }

__declspec(dllexport) HMONITOR WINAPI MonitorFromWindow(HWND hwnd, DWORD flags)
{
    RECT r;
    if (!GetWindowRect(hwnd, &r)) return flags == MONITOR_DEFAULTTONULL ? NULL : PRIMARY;
    if (IsRectEmpty(&r)) { r.right = r.left + 1; r.bottom = r.top + 1; }
    return FromRect(&r, flags);
}

__declspec(dllexport) BOOL WINAPI GetMonitorInfoW(HMONITOR m, LPMONITORINFO info)
{
    if (m != PRIMARY || info == NULL || (info->cbSize != sizeof(MONITORINFO) && info->cbSize != sizeof(MONITORINFOEXW))) {
        SetLastError(m != PRIMARY ? ERROR_INVALID_MONITOR_HANDLE : ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    SetRect(&info->rcMonitor, 0, 0, 1024, 768);
    SystemParametersInfoW(SPI_GETWORKAREA, 0, &info->rcWork, 0);
    info->dwFlags = MONITORINFOF_PRIMARY;
    if (info->cbSize == sizeof(MONITORINFOEXW)) memcpy(((MONITORINFOEXW *)info)->szDevice, L"\\\\.\\DISPLAY1", 26);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI GetMonitorInfoA(HMONITOR m, LPMONITORINFO info)
{
    if (info && info->cbSize == sizeof(MONITORINFOEXA)) {
        MONITORINFOEXW w;
        w.cbSize = sizeof(w);
        if (!GetMonitorInfoW(m, (LPMONITORINFO)&w)) return FALSE;
        memcpy(info, &w, sizeof(MONITORINFO));
        info->cbSize = sizeof(MONITORINFOEXA);
        memcpy(((MONITORINFOEXA *)info)->szDevice, "\\\\.\\DISPLAY1", 13);
        return TRUE;
    }
    return GetMonitorInfoW(m, info);
}

__declspec(dllexport) BOOL WINAPI EnumDisplayMonitors(HDC dc, LPCRECT clip, MONITORENUMPROC proc, LPARAM lp)
{
    (void)dc;
    RECT screen = {0, 0, 1024, 768}, r = screen;
    if (clip && !IntersectRect(&r, clip, &screen)) return TRUE;
    if (proc) proc(PRIMARY, NULL, &r, lp);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI EnumDisplayDevicesW(LPCWSTR device, DWORD index, PDISPLAY_DEVICEW dd, DWORD flags)
{
    (void)flags;
    if (dd == NULL || index != 0 || (device && _wcsicmp(device, L"\\\\.\\DISPLAY1") != 0)) return FALSE;
    DWORD cb = dd->cb;
    memset((BYTE *)dd + sizeof(DWORD), 0, cb > sizeof(DWORD) ? cb - sizeof(DWORD) : 0);
    if (device == NULL) {                       /* the adapter */
        memcpy(dd->DeviceName, L"\\\\.\\DISPLAY1", 26);
        memcpy(dd->DeviceString, L"Basic Display Adapter", 44);
        dd->StateFlags = DISPLAY_DEVICE_ATTACHED_TO_DESKTOP | DISPLAY_DEVICE_PRIMARY_DEVICE;
    } else {                                    /* its monitor */
        memcpy(dd->DeviceName, L"\\\\.\\DISPLAY1\\Monitor0", 42);
        memcpy(dd->DeviceString, L"Generic PnP Monitor", 40);
        dd->StateFlags = DISPLAY_DEVICE_ACTIVE | DISPLAY_DEVICE_ATTACHED;
    }
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI EnumDisplayDevicesA(LPCSTR device, DWORD index, PDISPLAY_DEVICEA dd, DWORD flags)
{
    WCHAR name[64];
    DISPLAY_DEVICEW w;
    w.cb = sizeof(w);
    if (dd == NULL) return FALSE;
    if (device) MultiByteToWideChar(CP_ACP, 0, device, -1, name, 64);
    if (!EnumDisplayDevicesW(device ? name : NULL, index, &w, flags)) return FALSE;
    WideCharToMultiByte(CP_ACP, 0, w.DeviceName, -1, dd->DeviceName, 32, NULL, NULL);
    WideCharToMultiByte(CP_ACP, 0, w.DeviceString, -1, dd->DeviceString, 128, NULL, NULL);
    dd->StateFlags = w.StateFlags;
    dd->DeviceID[0] = dd->DeviceKey[0] = 0;
    return TRUE;
}

static void Mode(DEVMODEW *m)
{
    WORD size = m->dmSize, extra = m->dmDriverExtra;
    memset(&m->dmSpecVersion, 0, size - offsetof(DEVMODEW, dmSpecVersion));
    m->dmSize = size;
    m->dmDriverExtra = extra;
    m->dmSpecVersion = DM_SPECVERSION;
    m->dmFields = DM_BITSPERPEL | DM_PELSWIDTH | DM_PELSHEIGHT | DM_DISPLAYFREQUENCY | DM_DISPLAYFLAGS | DM_POSITION;
    m->dmBitsPerPel = 32;
    m->dmPelsWidth = 1024;
    m->dmPelsHeight = 768;
    m->dmDisplayFrequency = 60;
}

__declspec(dllexport) BOOL WINAPI EnumDisplaySettingsExW(LPCWSTR device, DWORD mode, DEVMODEW *m, DWORD flags)
{
    (void)device; (void)flags;
    if (m == NULL || m->dmSize < offsetof(DEVMODEW, dmICMMethod)) return FALSE;
    if (mode != ENUM_CURRENT_SETTINGS && mode != ENUM_REGISTRY_SETTINGS && mode != 0) return FALSE;
    Mode(m);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI EnumDisplaySettingsW(LPCWSTR device, DWORD mode, DEVMODEW *m) { return EnumDisplaySettingsExW(device, mode, m, 0); }

__declspec(dllexport) BOOL WINAPI EnumDisplaySettingsExA(LPCSTR device, DWORD mode, DEVMODEA *m, DWORD flags)
{
    (void)device; (void)flags;
    if (m == NULL || m->dmSize < offsetof(DEVMODEA, dmICMMethod)) return FALSE;
    if (mode != ENUM_CURRENT_SETTINGS && mode != ENUM_REGISTRY_SETTINGS && mode != 0) return FALSE;
    WORD size = m->dmSize;
    memset(m, 0, size);
    m->dmSize = size;
    m->dmSpecVersion = DM_SPECVERSION;
    m->dmFields = DM_BITSPERPEL | DM_PELSWIDTH | DM_PELSHEIGHT | DM_DISPLAYFREQUENCY | DM_DISPLAYFLAGS | DM_POSITION;
    m->dmBitsPerPel = 32;
    m->dmPelsWidth = 1024;
    m->dmPelsHeight = 768;
    m->dmDisplayFrequency = 60;
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI EnumDisplaySettingsA(LPCSTR device, DWORD mode, DEVMODEA *m) { return EnumDisplaySettingsExA(device, mode, m, 0); }

/* GetSysColor: Windows 10's default scheme, as COLORREF 0x00BBGGRR. */
static const COLORREF Colors[31] = {
    0xC8C8C8, 0x000000, 0xD1B499, 0xDBCDBF, 0xF0F0F0, 0xFFFFFF, 0x646464, 0x000000, 0x000000, 0x000000,
    0xB4B4B4, 0xFCF7F4, 0xABABAB, 0xD77800, 0xFFFFFF, 0xF0F0F0, 0xA0A0A0, 0x6D6D6D, 0x000000, 0x000000,
    0xFFFFFF, 0x696969, 0xE3E3E3, 0x000000, 0xE1FFFF, 0x000000, 0xCC6600, 0xEAD1B9, 0xF2E4D7, 0xFF9933,
    0xF0F0F0,
};

__declspec(dllexport) DWORD WINAPI GetSysColor(int index) { return index >= 0 && index < 31 ? Colors[index] : 0; }
