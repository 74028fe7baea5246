/* GetTempPath2W/A (Windows 10 1607 and later with the March 2025 updates, and Windows 11): for a
 * process not running as SYSTEM it answers as GetTempPath does (TMP, TEMP, USERPROFILE, then the
 * Windows folder); the guest's processes run as a standard user, never as SYSTEM, so the
 * SystemTemp path is never chosen. */
#include "kernelbase.h"

KBAPI DWORD WINAPI GetTempPath2W(DWORD length, LPWSTR buffer)
{
    return GetTempPathW(length, buffer);
}

KBAPI DWORD WINAPI GetTempPath2A(DWORD length, LPSTR buffer)
{
    return GetTempPathA(length, buffer);
}
