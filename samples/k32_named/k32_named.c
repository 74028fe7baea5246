/* Family 6, named objects: events, mutexes, semaphores and file mappings by name in the
 * session's BaseNamedObjects (ERROR_ALREADY_EXISTS with a handle to the same object, Open* by
 * name, Global\ and Local\), names that are case-sensitive and go with the last handle, access
 * a handle was opened with, and the documented errors; then the native view of the same names
 * (OBJ_OPENIF, OBJ_CASE_INSENSITIVE, collisions, type mismatch). Exit code: failed checks. */
#include "../k32.h"

typedef struct { USHORT Length, MaximumLength; PWSTR Buffer; } USTR;
typedef struct { ULONG Length; HANDLE RootDirectory; USTR *ObjectName; ULONG Attributes; PVOID Sd, Qos; } OA;
#define OBJ_CASE_INSENSITIVE 0x40
#define OBJ_OPENIF 0x80
__declspec(dllimport) LONG NTAPI NtCreateEvent(HANDLE *, ACCESS_MASK, OA *, ULONG, BOOLEAN);
__declspec(dllimport) LONG NTAPI NtOpenEvent(HANDLE *, ACCESS_MASK, OA *);
__declspec(dllimport) LONG NTAPI NtCreateMutant(HANDLE *, ACCESS_MASK, OA *, BOOLEAN);
__declspec(dllimport) LONG NTAPI NtClose(HANDLE);

static const WCHAR *Session(void)
{
    return L"\\Sessions\\1\\BaseNamedObjects\\k32-named-native";
}

static void String(USTR *s, const WCHAR *text)
{
    USHORT n = 0;
    while (text[n]) n++;
    s->Length = (USHORT)(n * 2);
    s->MaximumLength = (USHORT)(n * 2 + 2);
    s->Buffer = (PWSTR)text;
}

static DWORD WINAPI OpenAndWait(LPVOID p)
{
    (void)p;
    HANDLE h = OpenEventW(SYNCHRONIZE, FALSE, L"k32-named-go");
    if (!h) return 1;
    if (SetEvent(h)) return 3;                  /* opened for SYNCHRONIZE only: it cannot set it */
    DWORD r = WaitForSingleObject(h, INFINITE);
    CloseHandle(h);
    return r == WAIT_OBJECT_0 ? 7 : 2;
}

static void Events(void)
{
    HANDLE a = CreateEventW(NULL, TRUE, FALSE, L"k32-named-ev");
    Check(a != NULL && GetLastError() == 0, "CreateEventW with a new name, last error 0");
    HANDLE b = CreateEventA(NULL, FALSE, TRUE, "k32-named-ev");
    Check(b != NULL && b != a && GetLastError() == ERROR_ALREADY_EXISTS,
          "the same name again -> a new handle, ERROR_ALREADY_EXISTS");
    SetEvent(b);
    Check(WaitForSingleObject(a, 0) == WAIT_OBJECT_0, "both handles name one event (still manual-reset)");
    ResetEvent(a);
    HANDLE c = OpenEventW(EVENT_ALL_ACCESS, FALSE, L"k32-named-ev");
    HANDLE d = OpenEventA(EVENT_MODIFY_STATE, FALSE, "k32-named-ev");
    Check(c && d && SetEvent(d) && WaitForSingleObject(c, 0) == WAIT_OBJECT_0, "OpenEventW and OpenEventA");
    HANDLE s = OpenEventW(SYNCHRONIZE, FALSE, L"k32-named-ev");
    CheckError(s && !SetEvent(s), ERROR_ACCESS_DENIED, "SetEvent on a SYNCHRONIZE handle -> ERROR_ACCESS_DENIED");
    CheckError(OpenEventW(EVENT_ALL_ACCESS, FALSE, L"K32-NAMED-EV") == NULL, ERROR_FILE_NOT_FOUND,
               "names are case-sensitive: another case -> ERROR_FILE_NOT_FOUND");
    CheckError(CreateMutexW(NULL, FALSE, L"k32-named-ev") == NULL, ERROR_INVALID_HANDLE,
               "CreateMutex on an event's name -> ERROR_INVALID_HANDLE");
    CheckError(OpenSemaphoreW(SYNCHRONIZE, FALSE, L"k32-named-ev") == NULL, ERROR_INVALID_HANDLE,
               "OpenSemaphore on an event's name -> ERROR_INVALID_HANDLE");
    CheckError(OpenEventW(SYNCHRONIZE, FALSE, NULL) == NULL, ERROR_INVALID_PARAMETER,
               "OpenEvent with no name -> ERROR_INVALID_PARAMETER");
    HANDLE dup;
    DuplicateHandle(GetCurrentProcess(), a, GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS);
    CloseHandle(a); CloseHandle(b); CloseHandle(c); CloseHandle(d); CloseHandle(s);
    HANDLE e = OpenEventW(SYNCHRONIZE, FALSE, L"k32-named-ev");
    Check(e != NULL, "a duplicated handle keeps the name");
    CloseHandle(e);
    CloseHandle(dup);
    CheckError(OpenEventW(SYNCHRONIZE, FALSE, L"k32-named-ev") == NULL, ERROR_FILE_NOT_FOUND,
               "the name goes with the last handle -> ERROR_FILE_NOT_FOUND");
    CheckError(CreateEventExW(NULL, NULL, 4, EVENT_ALL_ACCESS) == NULL, ERROR_INVALID_PARAMETER,
               "CreateEventEx with an unknown flag -> ERROR_INVALID_PARAMETER");
    HANDLE x = CreateEventExW(NULL, L"k32-named-ex", CREATE_EVENT_INITIAL_SET, EVENT_MODIFY_STATE | SYNCHRONIZE);
    Check(x && WaitForSingleObject(x, 0) == WAIT_OBJECT_0 && WaitForSingleObject(x, 0) == WAIT_TIMEOUT,
          "CreateEventEx: named, initially set, auto-reset");
    CloseHandle(x);
    WCHAR longname[MAX_PATH + 2];
    for (int i = 0; i <= MAX_PATH; i++) longname[i] = L'n';
    longname[MAX_PATH + 1] = 0;
    CheckError(CreateEventW(NULL, TRUE, FALSE, longname) == NULL, ERROR_FILENAME_EXCED_RANGE,
               "a name longer than MAX_PATH -> ERROR_FILENAME_EXCED_RANGE");
}

static void Prefixes(void)
{
    HANDLE g = CreateEventW(NULL, TRUE, FALSE, L"Global\\k32-named-g");
    HANDLE o = OpenEventW(SYNCHRONIZE, FALSE, L"Global\\k32-named-g");
    Check(g && o, "Global\\ names an object in \\BaseNamedObjects");
    CheckError(OpenEventW(SYNCHRONIZE, FALSE, L"k32-named-g") == NULL, ERROR_FILE_NOT_FOUND,
               "which is not the session's directory");
    CloseHandle(g); CloseHandle(o);
    HANDLE l = CreateEventW(NULL, TRUE, FALSE, L"Local\\k32-named-l");
    HANDLE p = OpenEventW(SYNCHRONIZE, FALSE, L"k32-named-l");
    Check(l && p, "Local\\ is the session's own directory");
    CloseHandle(l); CloseHandle(p);
}

static void MutexesAndSemaphores(void)
{
    HANDLE m = CreateMutexW(NULL, TRUE, L"k32-named-mx");
    Check(m && GetLastError() == 0, "CreateMutexW, owned");
    HANDLE m2 = CreateMutexExA(NULL, "k32-named-mx", 0, MUTEX_ALL_ACCESS);
    Check(m2 && GetLastError() == ERROR_ALREADY_EXISTS, "CreateMutexExA on its name -> ERROR_ALREADY_EXISTS");
    HANDLE m3 = OpenMutexA(SYNCHRONIZE, FALSE, "k32-named-mx");
    Check(m3 && ReleaseMutex(m3) && !ReleaseMutex(m), "OpenMutexA: the same mutex, released once");
    CloseHandle(m); CloseHandle(m2); CloseHandle(m3);

    HANDLE s = CreateSemaphoreW(NULL, 1, 3, L"k32-named-sem");
    HANDLE s2 = OpenSemaphoreW(SEMAPHORE_MODIFY_STATE | SYNCHRONIZE, FALSE, L"k32-named-sem");
    LONG previous = -1;
    Check(s && s2 && ReleaseSemaphore(s2, 2, &previous) && previous == 1, "OpenSemaphoreW, ReleaseSemaphore through it");
    HANDLE s3 = OpenSemaphoreA(SYNCHRONIZE, FALSE, "k32-named-sem");
    CheckError(s3 && !ReleaseSemaphore(s3, 1, NULL), ERROR_ACCESS_DENIED,
               "ReleaseSemaphore on a SYNCHRONIZE handle -> ERROR_ACCESS_DENIED");
    HANDLE s4 = CreateSemaphoreExW(NULL, 0, 9, L"k32-named-sem", 0, SEMAPHORE_ALL_ACCESS);
    Check(s4 && GetLastError() == ERROR_ALREADY_EXISTS && WaitForSingleObject(s4, 0) == WAIT_OBJECT_0,
          "CreateSemaphoreEx on its name opens it (its counts stay)");
    CheckError(CreateSemaphoreExW(NULL, 0, 1, NULL, 1, SEMAPHORE_ALL_ACCESS) == NULL, ERROR_INVALID_PARAMETER,
               "CreateSemaphoreEx with flags -> ERROR_INVALID_PARAMETER");
    CloseHandle(s); CloseHandle(s2); CloseHandle(s3); CloseHandle(s4);
}

static void Mappings(void)
{
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 0x1000, L"k32-named-map");
    char *v = m ? MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0) : NULL;
    Check(v && GetLastError() == 0, "CreateFileMappingW with a name");
    v[5] = 'q';
    HANDLE o = OpenFileMappingW(FILE_MAP_READ, FALSE, L"k32-named-map");
    char *r = o ? MapViewOfFile(o, FILE_MAP_READ, 0, 0, 0) : NULL;
    Check(r && r[5] == 'q', "OpenFileMappingW: a view of the same pages");
    HANDLE a = OpenFileMappingA(FILE_MAP_ALL_ACCESS, FALSE, "k32-named-map");
    HANDLE again = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 0x1000, "k32-named-map");
    Check(a && again && GetLastError() == ERROR_ALREADY_EXISTS, "OpenFileMappingA; CreateFileMapping again -> ERROR_ALREADY_EXISTS");
    CheckError(OpenFileMappingW(FILE_MAP_READ, FALSE, L"k32-named-nomap") == NULL, ERROR_FILE_NOT_FOUND,
               "OpenFileMapping of no such name -> ERROR_FILE_NOT_FOUND");
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, L"k32-named-ev2");
    CheckError(OpenFileMappingW(FILE_MAP_READ, FALSE, L"k32-named-ev2") == NULL, ERROR_INVALID_HANDLE,
               "OpenFileMapping of an event's name -> ERROR_INVALID_HANDLE");
    CheckError(CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 0x1000, L"k32-named-ev2") == NULL,
               ERROR_INVALID_HANDLE, "CreateFileMapping on an event's name -> ERROR_INVALID_HANDLE");
    UnmapViewOfFile(v); UnmapViewOfFile(r);
    CloseHandle(m); CloseHandle(o); CloseHandle(a); CloseHandle(again); CloseHandle(ev);
    CheckError(OpenFileMappingW(FILE_MAP_READ, FALSE, L"k32-named-map") == NULL, ERROR_FILE_NOT_FOUND,
               "a mapping's name goes with its last handle (views do not keep it)");
}

static void AcrossThreads(void)
{
    HANDLE go = CreateEventW(NULL, TRUE, FALSE, L"k32-named-go");
    HANDLE t = CreateThread(NULL, 0, OpenAndWait, NULL, 0, NULL);
    Sleep(20);
    SetEvent(go);
    DWORD code = 0;
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    Check(code == 7, "a thread opens the event by name and is woken through it");
    CloseHandle(t);
    CloseHandle(go);
}

static void Native(void)
{
    USTR name;
    String(&name, Session());
    OA oa = {sizeof(oa), NULL, &name, 0, NULL, NULL};
    HANDLE h1 = NULL, h2 = NULL, h3 = NULL;
    LONG st = NtCreateEvent(&h1, GENERIC_ALL, &oa, 0, FALSE);
    Check(st == 0, "NtCreateEvent with a full name");
    HANDLE k = CreateEventW(NULL, TRUE, FALSE, L"k32-named-native");
    Check(k && GetLastError() == ERROR_ALREADY_EXISTS, "kernel32 finds it in the session's directory");
    CloseHandle(k);
    st = NtCreateEvent(&h2, GENERIC_ALL, &oa, 0, FALSE);
    Check(st == (LONG)0xC0000035, "again without OBJ_OPENIF -> STATUS_OBJECT_NAME_COLLISION");
    oa.Attributes = OBJ_OPENIF;
    st = NtCreateEvent(&h2, GENERIC_ALL, &oa, 0, FALSE);
    Check(st == 0x40000000 && h2, "with OBJ_OPENIF -> STATUS_OBJECT_NAME_EXISTS and a handle");
    st = NtCreateMutant(&h3, GENERIC_ALL, &oa, FALSE);
    Check(st == (LONG)0xC0000024, "a mutant of the event's name -> STATUS_OBJECT_TYPE_MISMATCH");
    String(&name, L"\\SESSIONS\\1\\basenamedobjects\\K32-NAMED-NATIVE");
    oa.Attributes = 0;
    st = NtOpenEvent(&h3, SYNCHRONIZE, &oa);
    Check(st == (LONG)0xC000003A, "another case without OBJ_CASE_INSENSITIVE -> STATUS_OBJECT_PATH_NOT_FOUND");
    oa.Attributes = OBJ_CASE_INSENSITIVE;
    st = NtOpenEvent(&h3, SYNCHRONIZE, &oa);
    Check(st == 0 && h3, "with OBJ_CASE_INSENSITIVE it opens");
    NtClose(h1); NtClose(h2); NtClose(h3);
}

void Entry(void)
{
    Events();
    Prefixes();
    MutexesAndSemaphores();
    Mappings();
    AcrossThreads();
    Native();
    ExitProcess(failures);
}
