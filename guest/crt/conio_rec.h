/* What the console I/O files share (conio.c, conio_more.c): the console's INPUT_RECORD (wincon.h),
 * a key event's part of it, and the console calls they make. */
#pragma once
#include "crtwin.h"

typedef struct {
    BOOL bKeyDown;
    unsigned short wRepeatCount, wVirtualKeyCode, wVirtualScanCode;
    union { WCHAR UnicodeChar; char AsciiChar; } uChar;
    DWORD dwControlKeyState;
} KEY_EVENT_RECORD;
typedef struct {
    unsigned short EventType;
    union { KEY_EVENT_RECORD KeyEvent; unsigned char size[16]; } Event;
} INPUT_RECORD;
#define KEY_EVENT 0x0001
WINBASEAPI BOOL WINAPI GetConsoleMode(HANDLE, DWORD *);
WINBASEAPI BOOL WINAPI SetConsoleMode(HANDLE, DWORD);
