/* The US keyboard layout (KLID 00000409, HKL 0x04090409): virtual keys to set-1 scan codes and
 * back (MapVirtualKey(Ex), E0 marks an extended key), virtual keys to their unshifted characters,
 * characters to a virtual key and shift state (VkKeyScan(Ex): 1 Shift, 2 Ctrl), a key under a key
 * state to its character (ToUnicode/ToAscii) and key names (GetKeyNameText). The layout list holds
 * this one layout. */
#include "user32.h"

#define US_HKL ((HKL)(ULONG_PTR)0x04090409)

/* Virtual key -> scan code; 0xE0xx for extended keys. Generic Shift/Ctrl/Alt map to the left ones. */
static const struct { BYTE Vk; WORD Scan; } Scans[] = {
    {VK_ESCAPE, 0x01}, {'1', 0x02}, {'2', 0x03}, {'3', 0x04}, {'4', 0x05}, {'5', 0x06}, {'6', 0x07},
    {'7', 0x08}, {'8', 0x09}, {'9', 0x0A}, {'0', 0x0B}, {VK_OEM_MINUS, 0x0C}, {VK_OEM_PLUS, 0x0D},
    {VK_BACK, 0x0E}, {VK_TAB, 0x0F}, {'Q', 0x10}, {'W', 0x11}, {'E', 0x12}, {'R', 0x13}, {'T', 0x14},
    {'Y', 0x15}, {'U', 0x16}, {'I', 0x17}, {'O', 0x18}, {'P', 0x19}, {VK_OEM_4, 0x1A}, {VK_OEM_6, 0x1B},
    {VK_RETURN, 0x1C}, {VK_LCONTROL, 0x1D}, {'A', 0x1E}, {'S', 0x1F}, {'D', 0x20}, {'F', 0x21}, {'G', 0x22},
    {'H', 0x23}, {'J', 0x24}, {'K', 0x25}, {'L', 0x26}, {VK_OEM_1, 0x27}, {VK_OEM_7, 0x28}, {VK_OEM_3, 0x29},
    {VK_LSHIFT, 0x2A}, {VK_OEM_5, 0x2B}, {'Z', 0x2C}, {'X', 0x2D}, {'C', 0x2E}, {'V', 0x2F}, {'B', 0x30},
    {'N', 0x31}, {'M', 0x32}, {VK_OEM_COMMA, 0x33}, {VK_OEM_PERIOD, 0x34}, {VK_OEM_2, 0x35},
    {VK_RSHIFT, 0x36}, {VK_MULTIPLY, 0x37}, {VK_LMENU, 0x38}, {VK_SPACE, 0x39}, {VK_CAPITAL, 0x3A},
    {VK_F1, 0x3B}, {VK_F2, 0x3C}, {VK_F3, 0x3D}, {VK_F4, 0x3E}, {VK_F5, 0x3F}, {VK_F6, 0x40}, {VK_F7, 0x41},
    {VK_F8, 0x42}, {VK_F9, 0x43}, {VK_F10, 0x44}, {VK_NUMLOCK, 0x45}, {VK_SCROLL, 0x46},
    {VK_HOME, 0x47}, {VK_UP, 0x48}, {VK_PRIOR, 0x49}, {VK_SUBTRACT, 0x4A}, {VK_LEFT, 0x4B},
    {VK_CLEAR, 0x4C}, {VK_RIGHT, 0x4D}, {VK_ADD, 0x4E}, {VK_END, 0x4F}, {VK_DOWN, 0x50}, {VK_NEXT, 0x51},
    {VK_INSERT, 0x52}, {VK_DELETE, 0x53}, {VK_SNAPSHOT, 0x54}, {VK_OEM_102, 0x56}, {VK_F11, 0x57},
    {VK_F12, 0x58}, {VK_NUMPAD7, 0x47}, {VK_NUMPAD8, 0x48}, {VK_NUMPAD9, 0x49}, {VK_NUMPAD4, 0x4B},
    {VK_NUMPAD5, 0x4C}, {VK_NUMPAD6, 0x4D}, {VK_NUMPAD1, 0x4F}, {VK_NUMPAD2, 0x50}, {VK_NUMPAD3, 0x51},
    {VK_NUMPAD0, 0x52}, {VK_DECIMAL, 0x53}, {VK_RCONTROL, 0xE01D}, {VK_RMENU, 0xE038}, {VK_DIVIDE, 0xE035},
    {VK_LWIN, 0xE05B}, {VK_RWIN, 0xE05C}, {VK_APPS, 0xE05D},
};

/* The navigation keys share their scan codes with the number pad; extended when not on it. */
static BOOL NavigationKey(UINT vk)
{
    return vk == VK_HOME || vk == VK_UP || vk == VK_PRIOR || vk == VK_LEFT || vk == VK_RIGHT || vk == VK_END
        || vk == VK_DOWN || vk == VK_NEXT || vk == VK_INSERT || vk == VK_DELETE;
}

static UINT VkToScan(UINT vk, BOOL ex)
{
    if (vk == VK_SHIFT) vk = VK_LSHIFT;
    else if (vk == VK_CONTROL) vk = VK_LCONTROL;
    else if (vk == VK_MENU) vk = VK_LMENU;
    for (UINT i = 0; i < sizeof(Scans) / sizeof(Scans[0]); i++)
        if (Scans[i].Vk == vk) {
            UINT scan = Scans[i].Scan;
            if (NavigationKey(vk)) scan |= 0xE000;
            return ex ? scan : scan & 0xFF;
        }
    return 0;
}

/* Scan code -> virtual key; `distinct` keeps left and right Shift/Ctrl/Alt apart (MAPVK_VSC_TO_VK_EX). */
static UINT ScanToVk(UINT scan, BOOL distinct)
{
    BOOL extended = (scan & 0xFF00) == 0xE000 || (scan & 0xFF00) == 0xE100;
    scan &= 0xFF;
    if (!distinct && extended) return 0;
    for (UINT i = 0; i < sizeof(Scans) / sizeof(Scans[0]); i++) {
        UINT s = Scans[i].Scan, vk = Scans[i].Vk;
        if ((s & 0xFF) != scan || ((s >> 8) == 0xE0) != extended) continue;
        if (vk >= VK_NUMPAD0 && vk <= VK_NUMPAD9) continue;            /* the navigation key comes first */
        if (vk == VK_DECIMAL) continue;
        if (!distinct) {
            if (vk == VK_LSHIFT || vk == VK_RSHIFT) return VK_SHIFT;
            if (vk == VK_LCONTROL || vk == VK_RCONTROL) return VK_CONTROL;
            if (vk == VK_LMENU || vk == VK_RMENU) return VK_MENU;
        }
        return vk;
    }
    if (extended) {                             /* E0 + a navigation key's scan code */
        for (UINT i = 0; i < sizeof(Scans) / sizeof(Scans[0]); i++)
            if (Scans[i].Scan == scan && NavigationKey(Scans[i].Vk)) return Scans[i].Vk;
    }
    return 0;
}

/* The unshifted character of the OEM keys, then of the shifted ones. */
static const char OemVk[] = {(char)VK_OEM_1, (char)VK_OEM_PLUS, (char)VK_OEM_COMMA, (char)VK_OEM_MINUS,
                             (char)VK_OEM_PERIOD, (char)VK_OEM_2, (char)VK_OEM_3, (char)VK_OEM_4,
                             (char)VK_OEM_5, (char)VK_OEM_6, (char)VK_OEM_7};
static const char OemPlain[] = ";=,-./`[\\]'";
static const char OemShift[] = ":+<_>?~{|}\"";
static const char DigitShift[] = ")!@#$%^&*(";

static UINT VkToChar(UINT vk)
{
    if ((vk >= '0' && vk <= '9') || (vk >= 'A' && vk <= 'Z')) return vk;
    if (vk >= VK_NUMPAD0 && vk <= VK_NUMPAD9) return '0' + vk - VK_NUMPAD0;
    for (int i = 0; i < 11; i++) if ((BYTE)OemVk[i] == vk) return (BYTE)OemPlain[i];
    switch (vk) {
    case VK_SPACE: return ' ';
    case VK_RETURN: return '\r';
    case VK_BACK: return '\b';
    case VK_TAB: return '\t';
    case VK_ESCAPE: return 0x1B;
    case VK_CANCEL: return 0x03;
    case VK_MULTIPLY: return '*';
    case VK_ADD: return '+';
    case VK_SUBTRACT: return '-';
    case VK_DECIMAL: return '.';
    case VK_DIVIDE: return '/';
    case VK_OEM_102: return '\\';
    default: return 0;
    }
}

static SHORT CharToVk(WCHAR c)
{
    if (c >= 'a' && c <= 'z') return (SHORT)(c - 'a' + 'A');
    if (c >= 'A' && c <= 'Z') return (SHORT)(0x100 | c);
    if (c >= '0' && c <= '9') return (SHORT)c;
    for (int i = 0; i < 10; i++) if (DigitShift[i] == c) return (SHORT)(0x100 | ('0' + i));
    for (int i = 0; i < 11; i++) {
        if (OemPlain[i] == c) return (SHORT)(BYTE)OemVk[i];
        if (OemShift[i] == c) return (SHORT)(0x100 | (BYTE)OemVk[i]);
    }
    switch (c) {
    case ' ': return VK_SPACE;
    case '\r': return VK_RETURN;
    case '\n': return 0x200 | VK_RETURN;        /* Ctrl+Enter */
    case '\b': return VK_BACK;
    case '\t': return VK_TAB;
    case 0x1B: return VK_ESCAPE;
    case 0x7F: return 0x200 | VK_BACK;          /* Ctrl+Backspace */
    case 0x1C: return 0x200 | VK_OEM_5;
    case 0x1D: return 0x200 | VK_OEM_6;
    case 0x1E: return 0x300 | '6';
    case 0x1F: return 0x300 | VK_OEM_MINUS;
    default:
        if (c >= 1 && c <= 26) return (SHORT)(0x200 | ('A' + c - 1));   /* Ctrl+letter */
        return -1;
    }
}

__declspec(dllexport) UINT WINAPI MapVirtualKeyExW(UINT code, UINT type, HKL layout)
{
    (void)layout;
    switch (type) {
    case MAPVK_VK_TO_VSC: return VkToScan(code, FALSE);
    case MAPVK_VSC_TO_VK: return ScanToVk(code & 0xFF, FALSE);
    case MAPVK_VK_TO_CHAR: return VkToChar(code);
    case MAPVK_VSC_TO_VK_EX: return ScanToVk(code, TRUE);
    case MAPVK_VK_TO_VSC_EX: return VkToScan(code, TRUE);
    default:
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
}

__declspec(dllexport) UINT WINAPI MapVirtualKeyExA(UINT code, UINT type, HKL layout) { return MapVirtualKeyExW(code, type, layout); }
__declspec(dllexport) UINT WINAPI MapVirtualKeyW(UINT code, UINT type) { return MapVirtualKeyExW(code, type, US_HKL); }
__declspec(dllexport) UINT WINAPI MapVirtualKeyA(UINT code, UINT type) { return MapVirtualKeyExW(code, type, US_HKL); }

__declspec(dllexport) SHORT WINAPI VkKeyScanExW(WCHAR c, HKL layout) { (void)layout; return CharToVk(c); }
__declspec(dllexport) SHORT WINAPI VkKeyScanW(WCHAR c) { return CharToVk(c); }

__declspec(dllexport) SHORT WINAPI VkKeyScanExA(CHAR c, HKL layout)
{
    WCHAR w = 0;
    MultiByteToWideChar(CP_ACP, 0, &c, 1, &w, 1);
    return VkKeyScanExW(w, layout);
}

__declspec(dllexport) SHORT WINAPI VkKeyScanA(CHAR c) { return VkKeyScanExA(c, US_HKL); }

__declspec(dllexport) HKL WINAPI GetKeyboardLayout(DWORD tid) { (void)tid; return US_HKL; }

__declspec(dllexport) int WINAPI GetKeyboardLayoutList(int n, HKL *list)
{
    if (n == 0) return 1;                       /* the count */
    if (list == NULL) { SetLastError(ERROR_NOACCESS); return 0; }
    list[0] = US_HKL;
    return 1;
}

__declspec(dllexport) BOOL WINAPI GetKeyboardLayoutNameW(LPWSTR name)
{
    if (name == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    memcpy(name, L"00000409", 9 * sizeof(WCHAR));
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI GetKeyboardLayoutNameA(LPSTR name)
{
    if (name == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    memcpy(name, "00000409", 9);
    return TRUE;
}

__declspec(dllexport) HKL WINAPI LoadKeyboardLayoutW(LPCWSTR klid, UINT flags)
{
    (void)flags; (void)klid;
    return US_HKL;                              /* 00000409, and any other falls back to the default one */
}

__declspec(dllexport) HKL WINAPI LoadKeyboardLayoutA(LPCSTR klid, UINT flags)
{
    (void)klid;
    return LoadKeyboardLayoutW(NULL, flags);
}

__declspec(dllexport) HKL WINAPI ActivateKeyboardLayout(HKL layout, UINT flags)
{
    (void)flags;
    if (layout == US_HKL || layout == (HKL)HKL_NEXT || layout == (HKL)HKL_PREV) return US_HKL;
    SetLastError(ERROR_INVALID_PARAMETER);
    return NULL;
}

__declspec(dllexport) int WINAPI GetKeyboardType(int what)
{
    switch (what) {
    case 0: return 4;                           /* IBM enhanced (101/102-key) */
    case 1: return 0;
    case 2: return 12;                          /* function keys */
    default: return 0;
    }
}

/* Step: ToUnicode(Ex)/ToAscii(Ex): the character a key gives under a key state (Shift, Caps Lock
 * on letters, Ctrl for the control characters); the US layout has no dead keys. */
static int KeyChar(UINT vk, const BYTE *state)
{
    BOOL shift = (state[VK_SHIFT] & 0x80) != 0, ctrl = (state[VK_CONTROL] & 0x80) != 0, alt = (state[VK_MENU] & 0x80) != 0;
    BOOL caps = (state[VK_CAPITAL] & 1) != 0;
    if (ctrl && alt) return 0;                  /* AltGr: nothing on the US layout */
    if (ctrl) {
        if (vk >= 'A' && vk <= 'Z') return (int)(vk - 'A' + 1);
        if (vk == VK_OEM_4) return 0x1B;
        if (vk == VK_OEM_5) return 0x1C;
        if (vk == VK_OEM_6) return 0x1D;
        if (vk == VK_RETURN) return '\n';
        if (vk == VK_BACK) return 0x7F;
        if (vk == VK_SPACE) return ' ';
        if (vk == VK_CANCEL) return 0x03;
        if (shift && vk == '6') return 0x1E;
        if (shift && vk == VK_OEM_MINUS) return 0x1F;
        return 0;
    }
    if (vk >= 'A' && vk <= 'Z') return (shift != caps) ? (int)vk : (int)(vk - 'A' + 'a');
    if (shift) {
        if (vk >= '0' && vk <= '9') return DigitShift[vk - '0'];
        for (int i = 0; i < 11; i++) if ((BYTE)OemVk[i] == vk) return OemShift[i];
        if (vk == VK_OEM_102) return '|';
    }
    return (int)VkToChar(vk);
}

__declspec(dllexport) int WINAPI ToUnicodeEx(UINT vk, UINT scan, const BYTE *state, LPWSTR buffer, int size, UINT flags, HKL layout)
{
    (void)flags; (void)layout;
    if (state == NULL || buffer == NULL || size <= 0) return 0;
    if (scan & 0x8000) return 0;                /* a key release gives nothing */
    int c = KeyChar(vk & 0xFF, state);
    if (c == 0) return 0;
    buffer[0] = (WCHAR)c;
    if (size > 1) buffer[1] = 0;
    return 1;
}

__declspec(dllexport) int WINAPI ToUnicode(UINT vk, UINT scan, const BYTE *state, LPWSTR buffer, int size, UINT flags)
{
    return ToUnicodeEx(vk, scan, state, buffer, size, flags, US_HKL);
}

__declspec(dllexport) int WINAPI ToAsciiEx(UINT vk, UINT scan, const BYTE *state, LPWORD out, UINT flags, HKL layout)
{
    WCHAR w[2];
    int n = ToUnicodeEx(vk, scan, state, w, 2, flags, layout);
    if (n == 1 && out) {
        char c = '?';
        WideCharToMultiByte(CP_ACP, 0, w, 1, &c, 1, NULL, NULL);
        *out = (BYTE)c;
    }
    return n;
}

__declspec(dllexport) int WINAPI ToAscii(UINT vk, UINT scan, const BYTE *state, LPWORD out, UINT flags) { return ToAsciiEx(vk, scan, state, out, flags, US_HKL); }

/* Step: GetKeyNameText: the US layout's key names, by scan code (bit 24 of lParam: extended). */
static const struct { BYTE Scan; BYTE Extended; const char *Name; } KeyNames[] = {
    {0x01, 0, "Esc"}, {0x0C, 0, "-"}, {0x0D, 0, "="}, {0x0E, 0, "Backspace"}, {0x0F, 0, "Tab"}, {0x1A, 0, "["},
    {0x1B, 0, "]"}, {0x1C, 0, "Enter"}, {0x1C, 1, "Num Enter"}, {0x1D, 0, "Ctrl"}, {0x1D, 1, "Right Ctrl"},
    {0x27, 0, ";"}, {0x28, 0, "'"}, {0x29, 0, "`"}, {0x2A, 0, "Shift"}, {0x2B, 0, "\\"}, {0x33, 0, ","},
    {0x34, 0, "."}, {0x35, 0, "/"}, {0x35, 1, "Num /"}, {0x36, 0, "Right Shift"}, {0x37, 0, "Num *"},
    {0x38, 0, "Alt"}, {0x38, 1, "Right Alt"}, {0x39, 0, "Space"}, {0x3A, 0, "Caps Lock"}, {0x45, 0, "Pause"},
    {0x45, 1, "Num Lock"}, {0x46, 0, "Scroll Lock"}, {0x47, 0, "Num 7"}, {0x47, 1, "Home"}, {0x48, 0, "Num 8"},
    {0x48, 1, "Up"}, {0x49, 0, "Num 9"}, {0x49, 1, "Page Up"}, {0x4A, 0, "Num -"}, {0x4B, 0, "Num 4"},
    {0x4B, 1, "Left"}, {0x4C, 0, "Num 5"}, {0x4D, 0, "Num 6"}, {0x4D, 1, "Right"}, {0x4E, 0, "Num +"},
    {0x4F, 0, "Num 1"}, {0x4F, 1, "End"}, {0x50, 0, "Num 2"}, {0x50, 1, "Down"}, {0x51, 0, "Num 3"},
    {0x51, 1, "Page Down"}, {0x52, 0, "Num 0"}, {0x52, 1, "Insert"}, {0x53, 0, "Num Del"}, {0x53, 1, "Delete"},
    {0x57, 0, "F11"}, {0x58, 0, "F12"}, {0x5B, 1, "Left Windows"}, {0x5C, 1, "Right Windows"}, {0x5D, 1, "Application"},
};

__declspec(dllexport) int WINAPI GetKeyNameTextW(LONG lp, LPWSTR buffer, int size)
{
    if (buffer == NULL || size <= 0) return 0;
    UINT scan = (lp >> 16) & 0xFF, extended = (lp >> 24) & 1;
    char name[16] = {0};
    for (UINT i = 0; i < sizeof(KeyNames) / sizeof(KeyNames[0]) && !name[0]; i++)
        if (KeyNames[i].Scan == scan && KeyNames[i].Extended == extended)
            for (int k = 0; KeyNames[i].Name[k]; k++) name[k] = KeyNames[i].Name[k];
    if (!name[0] && !extended) {                /* letters, digits and F1-F10 by their key */
        UINT vk = ScanToVk(scan, FALSE);
        if ((vk >= 'A' && vk <= 'Z') || (vk >= '0' && vk <= '9')) name[0] = (char)vk;
        else if (vk >= VK_F1 && vk <= VK_F10) { name[0] = 'F'; name[1] = (char)('1' + vk - VK_F1); if (vk == VK_F10) { name[1] = '1'; name[2] = '0'; } }
    }
    int n = 0;
    while (name[n] && n < size - 1) { buffer[n] = (BYTE)name[n]; n++; }
    buffer[n] = 0;
    return n;
}

__declspec(dllexport) int WINAPI GetKeyNameTextA(LONG lp, LPSTR buffer, int size)
{
    WCHAR w[32];
    if (buffer == NULL || size <= 0) return 0;
    int n = GetKeyNameTextW(lp, w, 32);
    if (n > size - 1) n = size - 1;
    for (int i = 0; i < n; i++) buffer[i] = (char)w[i];
    buffer[n] = 0;
    return n;
}
