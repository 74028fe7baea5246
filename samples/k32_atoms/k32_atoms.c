/* Atoms: the local table (AddAtom ... over ntdll's Rtl atom table, also called directly), the
 * global one in the kernel (GlobalAddAtom ..., seen by a child process too), integer atoms and
 * the documented errors and truncations. Exit code: failed checks. */
#include "../k32.h"

typedef USHORT RTL_ATOM;
typedef LONG (WINAPI *CREATE)(ULONG, PVOID *);
typedef LONG (WINAPI *BYNAME)(PVOID, PCWSTR, RTL_ATOM *);
typedef LONG (WINAPI *BYATOM)(PVOID, RTL_ATOM);
typedef LONG (WINAPI *QUERY)(PVOID, RTL_ATOM, ULONG *, ULONG *, PWSTR, ULONG *);
typedef LONG (WINAPI *EMPTY)(PVOID, BOOLEAN);

static int Same(const char *a, const char *b) { while (*a && *a == *b) a++, b++; return *a == *b; }
static int SameW(const WCHAR *a, const WCHAR *b) { while (*a && *a == *b) a++, b++; return *a == *b; }

static void Rtl(void)
{
    HMODULE nt = GetModuleHandleA("ntdll.dll");
    CREATE create = (CREATE)GetProcAddress(nt, "RtlCreateAtomTable");
    BYNAME add = (BYNAME)GetProcAddress(nt, "RtlAddAtomToAtomTable");
    BYNAME lookup = (BYNAME)GetProcAddress(nt, "RtlLookupAtomInAtomTable");
    BYATOM del = (BYATOM)GetProcAddress(nt, "RtlDeleteAtomFromAtomTable");
    BYATOM pin = (BYATOM)GetProcAddress(nt, "RtlPinAtomInAtomTable");
    QUERY query = (QUERY)GetProcAddress(nt, "RtlQueryAtomInAtomTable");
    EMPTY empty = (EMPTY)GetProcAddress(nt, "RtlEmptyAtomTable");
    BYATOM destroy = (BYATOM)GetProcAddress(nt, "RtlDestroyAtomTable");
    PVOID table = NULL;
    RTL_ATOM a1, a2, found, i;
    ULONG refs = 0, pins = 0, len;
    WCHAR name[16];
    Check(create(37, &table) == 0 && *(DWORD *)table == 0x6d6f7441, "RtlCreateAtomTable: signature \"Atom\"");
    Check(add(table, L"Hello World", &a1) == 0 && a1 >= 0xC000, "RtlAddAtomToAtomTable: a string atom >= 0xC000");
    Check(lookup(table, L"HELLO WORLD", &found) == 0 && found == a1, "RtlLookupAtomInAtomTable ignores case");
    Check(add(table, L"", &found) == (LONG)0xC0000033, "an empty name -> STATUS_OBJECT_NAME_INVALID");
    add(table, L"Hello World", &found);
    add(table, L"Hello World", &found);
    Check(query(table, a1, &refs, &pins, NULL, NULL) == 0 && refs == 3 && pins == 0, "three adds: 3 references, not pinned");
    Check(add(table, L"Hello World2", &a2) == 0 && pin(table, a2) == 0, "RtlPinAtomInAtomTable");
    Check(del(table, a2) == 0x40000019, "deleting a pinned atom -> STATUS_WAS_LOCKED");
    len = 0;
    Check(query(table, a2, NULL, NULL, name, &len) == (LONG)0xC0000023 && len == 24,
          "RtlQueryAtomInAtomTable with no room -> STATUS_BUFFER_TOO_SMALL and the length 24");
    len = 8;
    name[3] = name[4] = 0x1337;
    Check(query(table, a2, NULL, NULL, name, &len) == 0 && len == 6 && name[3] == 0 && name[4] == 0x1337 &&
          name[0] == 'H' && name[2] == 'l', "8 bytes: 3 characters and the NUL, length 6");
    Check(add(table, L"#123", &i) == 0 && i == 123, "\"#123\" is the integer atom 123");
    Check(add(table, L"#234z", &found) == 0 && found >= 0xC000, "\"#234z\" is a string atom");
    Check(add(table, (PCWSTR)(ULONG_PTR)0xC000, &found) == (LONG)0xC000000D && add(table, NULL, &found) == (LONG)0xC000000D,
          "integer atoms 0 and 0xC000 -> STATUS_INVALID_PARAMETER");
    len = sizeof(name);
    Check(query(table, 123, &refs, &pins, name, &len) == 0 && refs == 1 && pins == 1 && SameW(name, L"#123") && len == 8,
          "an integer atom: 1 reference, pinned, named \"#123\"");
    Check(empty(table, FALSE) == 0 && lookup(table, L"hello world", &found) == (LONG)0xC0000034 &&
          lookup(table, L"hello world2", &found) == 0, "RtlEmptyAtomTable(FALSE) keeps the pinned atom only");
    Check(empty(table, TRUE) == 0 && lookup(table, L"hello world2", &found) == (LONG)0xC0000034,
          "RtlEmptyAtomTable(TRUE) removes it too");
    Check(del(table, 0xC123) == (LONG)0xC0000008, "deleting an unknown atom -> STATUS_INVALID_HANDLE");
    Check(destroy(table, 0) == 0, "RtlDestroyAtomTable");
}

static void Local(void)
{
    char buf[300], in[300];
    WCHAR bufW[10];
    int i;
    SetLastError(0xdeadbeef);
    ATOM atom = AddAtomA("foobar");
    Check(atom >= 0xC000 && GetLastError() == 0xdeadbeef, "AddAtomA: a string atom, no last error");
    Check(FindAtomA("FOOBAR") == atom && AddAtomW(L"foobar") == atom && FindAtomW(L"FooBar") == atom,
          "FindAtomA/W and AddAtomW find the same atom whatever the case");
    SetLastError(0xdeadbeef);
    CheckError(!FindAtomA("_foobar"), ERROR_FILE_NOT_FOUND, "FindAtomA of a missing name -> ERROR_FILE_NOT_FOUND");
    SetLastError(0xdeadbeef);
    Check(AddAtomA(0) == 0 && GetLastError() == 0xdeadbeef, "AddAtomA(0): 0, no last error");
    Check(AddAtomA((LPCSTR)0x1234) == 0x1234, "AddAtomA(MAKEINTATOM(0x1234)) is 0x1234");
    CheckError(!AddAtomA((LPCSTR)0xC000), ERROR_INVALID_PARAMETER, "AddAtomA(MAKEINTATOM(0xC000)) -> ERROR_INVALID_PARAMETER");
    Check(AddAtomA("#1000") == 1000, "AddAtomA(\"#1000\") is 1000");
    Check(GetAtomNameA(atom, buf, 10) == 6 && Same(buf, "foobar"), "GetAtomNameA: foobar, 6");
    for (i = 0; i < 10; i++) buf[i] = '.';
    Check(GetAtomNameA(atom, buf, 6) == 5 && Same(buf, "fooba") && buf[6] == '.', "GetAtomNameA into 6: fooba, 5");
    for (i = 0; i < 10; i++) bufW[i] = '.';
    Check(GetAtomNameW(atom, bufW, 6) == 5 && SameW(bufW, L"fooba") && bufW[6] == '.', "GetAtomNameW into 6: fooba, 5");
    CheckError(!GetAtomNameA(atom, buf, 1), ERROR_INSUFFICIENT_BUFFER, "GetAtomNameA into 1 -> ERROR_INSUFFICIENT_BUFFER");
    Check(GetAtomNameA(0x1234, buf, 10) == 5 && Same(buf, "#4660"), "GetAtomNameA(0x1234): #4660");
    CheckError(!GetAtomNameA(0, buf, 10), ERROR_INVALID_PARAMETER, "GetAtomNameA(0) -> ERROR_INVALID_PARAMETER");
    for (i = 0; i < 256; i++) in[i] = "abcdefghij"[i % 10];
    in[255] = 0;
    ATOM big = AddAtomA(in);
    Check(big && GetAtomNameA(big, buf, sizeof(buf)) == 255, "a 255-character name");
    in[255] = 'f';
    in[256] = 0;
    CheckError(!AddAtomA(in), ERROR_INVALID_PARAMETER, "a 256-character name -> ERROR_INVALID_PARAMETER");
    AddAtomA("foobar");
    Check(DeleteAtom(atom) == 0 && DeleteAtom(atom) == 0 && FindAtomA("foobar") == atom,
          "three adds: two DeleteAtom calls leave it");
    Check(DeleteAtom(atom) == 0 && !FindAtomA("foobar"), "the third deletes it");
    CheckError(DeleteAtom(atom) == atom, ERROR_INVALID_HANDLE, "DeleteAtom again: the atom back, ERROR_INVALID_HANDLE");
    Check(DeleteAtom(0x1234) == 0, "DeleteAtom of an integer atom: 0");
    Check(InitAtomTable(101), "InitAtomTable after the table exists: TRUE");
}

static void Global(void)
{
    char buf[300], in[300];
    WCHAR bufW[10];
    int i;
    SetLastError(0xdeadbeef);
    ATOM atom = GlobalAddAtomA("k32_atoms global");
    Check(atom >= 0xC000 && GetLastError() == 0xdeadbeef, "GlobalAddAtomA: a string atom, no last error");
    Check(GlobalFindAtomW(L"K32_ATOMS GLOBAL") == atom && GlobalAddAtomW(L"k32_atoms global") == atom,
          "GlobalFindAtomW and GlobalAddAtomW find it whatever the case");
    Check(GlobalAddAtomExA("k32_atoms global", 0) == atom, "GlobalAddAtomExA finds it too");
    Check(FindAtomA("k32_atoms global") == 0, "the local table does not have it");
    CheckError(!GlobalFindAtomA("no such atom"), ERROR_FILE_NOT_FOUND, "GlobalFindAtomA of a missing name -> ERROR_FILE_NOT_FOUND");
    ATOM foo = GlobalAddAtomA("foobar");
    Check(GlobalGetAtomNameA(foo, buf, 10) == 6 && Same(buf, "foobar"), "GlobalGetAtomNameA: foobar, 6");
    for (i = 0; i < 10; i++) buf[i] = '.';
    CheckError(GlobalGetAtomNameA(foo, buf, 6) == 0 && Same(buf, "fooba"), ERROR_MORE_DATA,
               "GlobalGetAtomNameA into 6: 0, fooba, ERROR_MORE_DATA");
    for (i = 0; i < 10; i++) bufW[i] = '.';
    Check(GlobalGetAtomNameW(foo, bufW, 6) == 6 && bufW[5] == 'r' && bufW[6] == '.',
          "GlobalGetAtomNameW into 6: the 6 characters, no NUL");
    Check(GlobalGetAtomNameW(0x7B, bufW, 10) == 4 && SameW(bufW, L"#123"), "GlobalGetAtomNameW(123): #123");
    CheckError(!GlobalGetAtomNameA(0, buf, 10), ERROR_INVALID_PARAMETER, "GlobalGetAtomNameA(0) -> ERROR_INVALID_PARAMETER");
    for (i = 0; i < 256; i++) in[i] = 'a';
    in[256] = 0;
    CheckError(!GlobalAddAtomA(in), ERROR_INVALID_PARAMETER, "GlobalAddAtomA of 256 characters -> ERROR_INVALID_PARAMETER");
    Check(GlobalDeleteAtom(foo) == 0, "GlobalDeleteAtom: 0");
    CheckError(GlobalDeleteAtom(foo) == foo, ERROR_INVALID_HANDLE, "GlobalDeleteAtom again -> ERROR_INVALID_HANDLE");
}

/* The child: the parent's global atom is there, the local one is not. */
static void Child(void)
{
    char buf[32];
    ATOM atom = GlobalFindAtomA("k32_atoms global");
    Check(atom >= 0xC000 && GlobalGetAtomNameA(atom, buf, sizeof(buf)) == 16 && Same(buf, "k32_atoms global"),
          "child: the parent's global atom is found");
    Check(!FindAtomA("foobar") && GetLastError() == ERROR_FILE_NOT_FOUND, "child: its local table is its own");
    ExitProcess(failures);
}

void Entry(void)
{
    const char *cmd = GetCommandLineA();
    for (const char *p = cmd; *p; p++)
        if (p[0] == ' ' && Same(p + 1, "child")) Child();
    Rtl();
    Local();
    Global();
    AddAtomA("foobar");
    char line[600];
    int n = 0;
    for (const char *p = cmd; *p && n < 580; p++) line[n++] = *p;
    for (const char *p = " child"; *p; p++) line[n++] = *p;
    line[n] = 0;
    STARTUPINFOA si = {sizeof(si)};
    PROCESS_INFORMATION pi;
    DWORD code = 99;
    if (CreateProcessA(NULL, line, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        WaitForSingleObject(pi.hProcess, INFINITE);
        GetExitCodeProcess(pi.hProcess, &code);
    }
    Check(code == 0, "the child passed");
    ExitProcess(failures);
}
