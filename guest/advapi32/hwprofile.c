/* GetCurrentHwProfileA/W: the one hardware profile of a desktop that cannot be undocked, with no
 * docking state supplied by the user (DOCKINFO_USER_UNDOCKED, as documented for that case), the
 * profile GUID Windows 7 and later install as the default, and its display name. */
#include "advapi32.h"

static const WCHAR profile_guid[] = L"{846ee340-7039-11de-9d20-806e6f6e6963}";
static const WCHAR profile_name[] = L"Profile 1";

ADVAPI BOOL WINAPI GetCurrentHwProfileW(LPHW_PROFILE_INFOW info)
{
    if (!info)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    memset(info, 0, sizeof(*info));
    info->dwDockInfo = DOCKINFO_USER_UNDOCKED;
    memcpy(info->szHwProfileGuid, profile_guid, sizeof(profile_guid));
    memcpy(info->szHwProfileName, profile_name, sizeof(profile_name));
    return TRUE;
}

ADVAPI BOOL WINAPI GetCurrentHwProfileA(LPHW_PROFILE_INFOA info)
{
    HW_PROFILE_INFOW wide;
    if (!info)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    GetCurrentHwProfileW(&wide);
    memset(info, 0, sizeof(*info));
    info->dwDockInfo = wide.dwDockInfo;
    for (int i = 0; i < HW_PROFILE_GUIDLEN && wide.szHwProfileGuid[i]; i++)
        info->szHwProfileGuid[i] = (char)wide.szHwProfileGuid[i];
    for (int i = 0; i < MAX_PROFILE_LEN && wide.szHwProfileName[i]; i++)
        info->szHwProfileName[i] = (char)wide.szHwProfileName[i];
    return TRUE;
}
