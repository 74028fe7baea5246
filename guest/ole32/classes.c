/* HKEY_CLASSES_ROOT as COM reads it: a per-user registration (HKCU\Software\Classes, where a
 * program without administrator rights registers its classes) hides the machine's one. */
#include "olep.h"

LONG OlepOpenClassesKey(const WCHAR *path, HKEY *key)
{
    WCHAR user[300] = L"Software\\Classes\\";
    int n = 17;
    for (int i = 0; path[i] && n < 299; i++)
        user[n++] = path[i];
    user[n] = 0;
    if (RegOpenKeyExW(HKEY_CURRENT_USER, user, 0, KEY_READ, key) == ERROR_SUCCESS)
        return ERROR_SUCCESS;
    return RegOpenKeyExW(HKEY_CLASSES_ROOT, path, 0, KEY_READ, key);
}
