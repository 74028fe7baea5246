/* Family 7, resources: FindResource(Ex)A/W by id, by name (any case, "#id"), by language,
 * LoadResource/LockResource/SizeofResource, a custom type, user32's LoadStringW/A (the pointer
 * form with a size of 0, a cut copy), and the documented errors. Exit code: failed checks. */
#include "../k32.h"

static int Same(const char *a, const char *b) { while (*a && *a == *b) { a++; b++; } return *a == *b; }

void Entry(void)
{
    HRSRC r = FindResourceW(NULL, L"CONFIG", (LPCWSTR)RT_RCDATA);
    const char *data = r ? LockResource(LoadResource(NULL, r)) : NULL;
    Check(data && Same(data, "configuration bytes") && SizeofResource(NULL, r) == 20, "RCDATA by name");
    Check(FindResourceA(NULL, "config", (LPCSTR)RT_RCDATA) == r, "names compare without regard to case");
    HRSRC i = FindResourceW(NULL, MAKEINTRESOURCEW(42), (LPCWSTR)RT_RCDATA);
    const WORD *words = i ? LockResource(LoadResource(GetModuleHandleW(NULL), i)) : NULL;   /* rc's numbers are WORDs */
    Check(words && words[0] == 1 && words[3] == 4 && SizeofResource(NULL, i) == 8
          && FindResourceW(NULL, L"#42", (LPCWSTR)RT_RCDATA) == i, "RCDATA by id, and by \"#42\"");
    HRSRC de = FindResourceExW(NULL, (LPCWSTR)RT_RCDATA, L"GREETING", MAKELANGID(LANG_GERMAN, SUBLANG_GERMAN));
    HRSRC fr = FindResourceExA(NULL, (LPCSTR)RT_RCDATA, "Greeting", MAKELANGID(LANG_FRENCH, SUBLANG_FRENCH));
    Check(de && Same(LockResource(LoadResource(NULL, de)), "hallo") && fr
          && Same(LockResource(LoadResource(NULL, fr)), "bonjour"), "FindResourceEx picks the language");
    HRSRC any = FindResourceW(NULL, L"GREETING", (LPCWSTR)RT_RCDATA);
    Check(any && Same(LockResource(LoadResource(NULL, any)), "hello"), "no language given: the user's (en-US)");
    HRSRC custom = FindResourceW(NULL, MAKEINTRESOURCEW(7), L"MYTYPE");
    Check(custom && Same(LockResource(LoadResource(NULL, custom)), "custom type"), "a type of the program's own");
    CheckError(FindResourceW(NULL, L"NOSUCH", (LPCWSTR)RT_RCDATA) == NULL, ERROR_RESOURCE_NAME_NOT_FOUND,
               "no such name -> ERROR_RESOURCE_NAME_NOT_FOUND");
    CheckError(FindResourceW(NULL, L"X", (LPCWSTR)RT_BITMAP) == NULL, ERROR_RESOURCE_TYPE_NOT_FOUND,
               "no such type -> ERROR_RESOURCE_TYPE_NOT_FOUND");
    CheckError(FindResourceExW(NULL, (LPCWSTR)RT_RCDATA, L"GREETING", MAKELANGID(LANG_JAPANESE, SUBLANG_DEFAULT))
               == NULL, ERROR_RESOURCE_LANG_NOT_FOUND, "no such language -> ERROR_RESOURCE_LANG_NOT_FOUND");
    CheckError(FindResourceW(GetModuleHandleW(L"kernel32.dll"), L"X", (LPCWSTR)RT_RCDATA) == NULL,
               ERROR_RESOURCE_TYPE_NOT_FOUND, "kernel32 (a VERSIONINFO, no RCDATA) -> ERROR_RESOURCE_TYPE_NOT_FOUND");
    HMODULE bare = LoadLibraryExW(L"ntoskrnl.exe", NULL, LOAD_LIBRARY_AS_DATAFILE);   /* no .rsrc at all */
    CheckError(bare && FindResourceW(bare, L"X", (LPCWSTR)RT_RCDATA) == NULL, ERROR_RESOURCE_DATA_NOT_FOUND,
               "a module without resources -> ERROR_RESOURCE_DATA_NOT_FOUND");
    FreeLibrary(bare);

    WCHAR w[64];
    Check(LoadStringW(NULL, 1, w, 64) == 12 && w[0] == L'f' && w[11] == L'g' && w[12] == 0, "LoadStringW");
    Check(LoadStringW(NULL, 17, w, 64) == 19 && w[18] == L'k', "a string of the second block");
    const WCHAR *ro = NULL;
    Check(LoadStringW(NULL, 2, (LPWSTR)&ro, 0) == 6 && ro && ro[0] == L's' && ro[5] == L'd',
          "a size of 0: a pointer to the string itself, not terminated");
    char a[8];
    Check(LoadStringA(NULL, 1, a, 8) == 7 && Same(a, "first s"), "LoadStringA cut to the buffer");
    Check(LoadStringW(NULL, 18, w, 64) == 0 && w[0] == 0, "an empty string");
    CheckError(LoadStringW(NULL, 99, w, 64) == 0, ERROR_RESOURCE_NAME_NOT_FOUND,
               "a string of no block -> ERROR_RESOURCE_NAME_NOT_FOUND");
    ExitProcess(failures);
}
