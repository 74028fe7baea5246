/* The registry's native services as ntdll's callers see them: the information classes and their
 * short-buffer rules (STATUS_BUFFER_TOO_SMALL with nothing, STATUS_BUFFER_OVERFLOW with the fixed
 * part and what fits), the Align64 forms, enumeration's end, NtQueryMultipleValueKey, access
 * checks, volatile keys, deletion, change notification, and the name rules. Exit code: failures. */
#include "../nt.h"

#define KEY_QUERY_VALUE 0x1
#define KEY_SET_VALUE 0x2
#define KEY_READ 0x20019
#define KEY_ALL_ACCESS 0xF003F
#define REG_SZ 1
#define REG_DWORD 4
#define REG_OPTION_VOLATILE 1
#define OBJ_CASE_INSENSITIVE 0x40
#define STATUS_BUFFER_OVERFLOW ((NTSTATUS)0x80000005)
#define STATUS_NO_MORE_ENTRIES ((NTSTATUS)0x8000001A)
#define STATUS_BUFFER_TOO_SMALL ((NTSTATUS)0xC0000023)
#define STATUS_ACCESS_DENIED ((NTSTATUS)0xC0000022)
#define STATUS_OBJECT_NAME_NOT_FOUND ((NTSTATUS)0xC0000034)
#define STATUS_OBJECT_PATH_SYNTAX_BAD ((NTSTATUS)0xC000003B)
#define STATUS_CANNOT_DELETE ((NTSTATUS)0xC0000121)
#define STATUS_KEY_DELETED ((NTSTATUS)0xC000017C)
#define STATUS_CHILD_MUST_BE_VOLATILE ((NTSTATUS)0xC0000181)
#define STATUS_PENDING 0x103

static int failures;
static void Check(const char *what, int ok)
{
    Print(ok ? "ok   " : "FAIL ");
    Print(what);
    Print("\n");
    failures += !ok;
}

static NtString String(const unsigned short *text)
{
    NtString s;
    USHORT n = 0;
    while (text[n]) n++;
    s.Length = (USHORT)(2 * n);
    s.MaximumLength = s.Length + 2;
    s.Buffer = (unsigned short *)text;
    return s;
}

static NTSTATUS Open(HANDLE *key, HANDLE root, const unsigned short *path, ULONG access)
{
    NtString name = String(path);
    OBJECT_ATTRIBUTES oa = {sizeof(oa), root, &name, OBJ_CASE_INSENSITIVE, 0, 0};
    return NtOpenKey(key, access, &oa);
}

static NTSTATUS Create(HANDLE *key, HANDLE root, const unsigned short *path, ULONG options, ULONG *disposition)
{
    NtString name = String(path);
    OBJECT_ATTRIBUTES oa = {sizeof(oa), root, &name, OBJ_CASE_INSENSITIVE, 0, 0};
    return NtCreateKey(key, KEY_ALL_ACCESS, &oa, 0, 0, options, disposition);
}

static void PrintWide(const unsigned short *text, ULONG bytes)
{
    char out[256];
    ULONG n = bytes / 2 < 255 ? bytes / 2 : 255;
    for (ULONG i = 0; i < n; i++) out[i] = (char)text[i];
    out[n] = 0;
    Print(out);
}

static int SameWide(const unsigned short *a, const char *b, ULONG bytes)
{
    for (ULONG i = 0; i < bytes / 2; i++)
        if (a[i] != (unsigned char)b[i]) return 0;
    return b[bytes / 2] == 0;
}

typedef struct { ULONG TitleIndex, Type, DataLength; UCHAR Data[1]; } PARTIAL;
typedef struct { ULONG Type, DataLength; UCHAR Data[1]; } PARTIAL64;
typedef struct { ULONG TitleIndex, Type, DataOffset, DataLength, NameLength; unsigned short Name[1]; } FULL;
typedef struct { ULONG TitleIndex, Type, NameLength; unsigned short Name[1]; } BASIC_VALUE;
typedef struct { long long LastWriteTime; ULONG TitleIndex, NameLength; unsigned short Name[1]; } BASIC_KEY;
typedef struct { long long LastWriteTime; ULONG TitleIndex, SubKeys, MaxNameLen, Values, MaxValueNameLen,
                 MaxValueDataLen, NameLength; } CACHED;
typedef struct { NtString *ValueName; ULONG DataLength, DataOffset, Type; } VALUE_ENTRY;

/* A thread that sets a value of `changed` a little later (for a synchronous NtNotifyChangeKey). */
static HANDLE changed;
static ULONG Setter(PVOID parameter)
{
    LARGE_INTEGER delay = Ms(5);
    NtDelayExecution(0, &delay);
    NtString name = String(u"Later");
    ULONG three = 3;
    NtSetValueKey(changed, &name, 0, REG_DWORD, &three, 4);
    NtTerminateThread(NtCurrentThread(), 0);
    return 0;
}

void Entry(void)
{
    HANDLE key, user, child, grandchild;
    union { UCHAR raw[512]; long long align; } buffer;
    ULONG length = 0, disposition = 0;
    NTSTATUS status;

    status = Open(&key, 0, u"\\Registry\\Machine\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", KEY_READ);
    Check("NtOpenKey by full name", status == 0);
    NtString product = String(u"productNAME");
    status = NtQueryValueKey(key, &product, 2, buffer.raw, 0, &length);
    Check("no room for the fixed part: STATUS_BUFFER_TOO_SMALL and the size", status == STATUS_BUFFER_TOO_SMALL
          && length == 12 + 30);
    buffer.raw[12] = buffer.raw[13] = 0;
    status = NtQueryValueKey(key, &product, 2, buffer.raw, 16, &length);
    PARTIAL *partial = (PARTIAL *)buffer.raw;
    Check("room for part of the data: STATUS_BUFFER_OVERFLOW, the fixed part and what fits",
          status == STATUS_BUFFER_OVERFLOW && partial->Type == REG_SZ && partial->DataLength == 30
          && partial->Data[0] == 'W' && partial->Data[2] == 'i');
    status = NtQueryValueKey(key, &product, 2, buffer.raw, sizeof(buffer), &length);
    Check("KeyValuePartialInformation", status == 0 && length == 42 && SameWide((unsigned short *)partial->Data,
          "Windows 10 Pro", 28));
    status = NtQueryValueKey(key, &product, 4, buffer.raw, sizeof(buffer), &length);
    PARTIAL64 *p64 = (PARTIAL64 *)buffer.raw;
    Check("KeyValuePartialInformationAlign64: the data at offset 8", status == 0 && length == 38
          && p64->Type == REG_SZ && p64->DataLength == 30 && p64->Data[0] == 'W');
    status = NtQueryValueKey(key, &product, 1, buffer.raw, sizeof(buffer), &length);
    FULL *full = (FULL *)buffer.raw;
    Check("KeyValueFullInformation: the stored name and the data after it", status == 0 && full->NameLength == 22
          && SameWide(full->Name, "ProductName", 22) && full->DataOffset == 44 && full->DataLength == 30
          && buffer.raw[44] == 'W');
    status = NtQueryValueKey(key, &product, 3, buffer.raw, sizeof(buffer), &length);
    Check("KeyValueFullInformationAlign64: the data at an 8-byte boundary", status == 0 && full->DataOffset == 48);
    status = NtQueryValueKey(key, &product, 0, buffer.raw, sizeof(buffer), &length);
    BASIC_VALUE *basic = (BASIC_VALUE *)buffer.raw;
    Check("KeyValueBasicInformation", status == 0 && length == 12 + 22 && basic->Type == REG_SZ);
    NtString missing = String(u"NoSuchValue");
    Check("a missing value: STATUS_OBJECT_NAME_NOT_FOUND",
          NtQueryValueKey(key, &missing, 2, buffer.raw, sizeof(buffer), &length) == STATUS_OBJECT_NAME_NOT_FOUND);
    Check("an unknown class: STATUS_INVALID_INFO_CLASS",
          NtQueryValueKey(key, &product, 9, buffer.raw, sizeof(buffer), &length) == (NTSTATUS)0xC0000003);

    status = NtQueryKey(key, 3, buffer.raw, sizeof(buffer), &length);
    Check("KeyNameInformation: the full path", status == 0);
    PrintWide((unsigned short *)(buffer.raw + 4), *(ULONG *)buffer.raw);
    Print("\n");
    status = NtQueryKey(key, 0, buffer.raw, 8, &length);
    Check("KeyBasicInformation in 8 bytes: STATUS_BUFFER_TOO_SMALL", status == STATUS_BUFFER_TOO_SMALL
          && length == 16 + 28);
    status = NtQueryKey(key, 0, buffer.raw, 18, &length);
    BASIC_KEY *bk = (BASIC_KEY *)buffer.raw;
    Check("in 18 bytes: STATUS_BUFFER_OVERFLOW with the whole NameLength", status == STATUS_BUFFER_OVERFLOW
          && bk->NameLength == 28 && bk->Name[0] == 'C');
    status = NtQueryKey(key, 4, buffer.raw, sizeof(buffer), &length);
    CACHED *cached = (CACHED *)buffer.raw;
    Check("KeyCachedInformation", status == 0 && length == 36 && cached->SubKeys == 2 && cached->Values == 23
          && cached->NameLength == 28);
    status = NtEnumerateKey(key, 0, 0, buffer.raw, sizeof(buffer), &length);
    Check("its subkeys: ProfileList", status == 0 && SameWide(bk->Name, "ProfileList", bk->NameLength));
    status = NtEnumerateKey(key, 1, 0, buffer.raw, sizeof(buffer), &length);
    Check("then Time Zones", status == 0 && SameWide(bk->Name, "Time Zones", bk->NameLength));
    Check("past the last subkey: STATUS_NO_MORE_ENTRIES", NtEnumerateKey(key, 2, 0, buffer.raw, sizeof(buffer), &length)
          == STATUS_NO_MORE_ENTRIES);
    status = NtEnumerateValueKey(key, 0, 0, buffer.raw, sizeof(buffer), &length);
    Check("values in the order they were set", status == 0 && SameWide(basic->Name, "SystemRoot", basic->NameLength));
    Check("past the last value: STATUS_NO_MORE_ENTRIES",
          NtEnumerateValueKey(key, 23, 0, buffer.raw, sizeof(buffer), &length) == STATUS_NO_MORE_ENTRIES);
    NtString build = String(u"CurrentBuild"), ubr = String(u"UBR");
    VALUE_ENTRY entries[2] = {{&build, 0, 0, 0}, {&ubr, 0, 0, 0}};
    ULONG size = sizeof(buffer), required = 0;
    status = NtQueryMultipleValueKey(key, entries, 2, buffer.raw, &size, &required);
    Check("NtQueryMultipleValueKey", status == 0 && required == 16 && entries[0].Type == REG_SZ
          && entries[0].DataLength == 12 && entries[1].DataOffset == 12 && entries[1].Type == REG_DWORD
          && *(ULONG *)(buffer.raw + 12) == 2965);
    size = 4;
    Check("... short: STATUS_BUFFER_OVERFLOW and the size", NtQueryMultipleValueKey(key, entries, 2, buffer.raw,
          &size, &required) == STATUS_BUFFER_OVERFLOW && required == 16);
    ULONG one = 1;
    NtString x = String(u"X");
    Check("a write through a read handle: STATUS_ACCESS_DENIED", NtSetValueKey(key, &x, 0, REG_DWORD, &one, 4)
          == STATUS_ACCESS_DENIED);
    HANDLE denied;
    Check("HKLM for writing: STATUS_ACCESS_DENIED", Open(&denied, 0, u"\\Registry\\Machine\\SOFTWARE",
          KEY_SET_VALUE) == STATUS_ACCESS_DENIED);
    Check("a relative name with a leading backslash: STATUS_OBJECT_PATH_SYNTAX_BAD",
          Open(&denied, key, u"\\x", KEY_READ) == STATUS_OBJECT_PATH_SYNTAX_BAD);
    Check("a missing key: STATUS_OBJECT_NAME_NOT_FOUND",
          Open(&denied, 0, u"\\Registry\\Machine\\NoSuch\\Key", KEY_READ) == STATUS_OBJECT_NAME_NOT_FOUND);
    HANDLE file;
    IO_STATUS_BLOCK io;
    NtString machine = String(u"\\Registry\\Machine");
    OBJECT_ATTRIBUTES file_oa = {sizeof(file_oa), 0, &machine, OBJ_CASE_INSENSITIVE, 0, 0};
    Check("a key opened as a file: STATUS_OBJECT_TYPE_MISMATCH",
          NtOpenFile(&file, 0x80100000, &file_oa, &io, 7, 0) == (NTSTATUS)0xC0000024);
    NtClose(key);

    /* -- the user's hive: \Registry\User\<SID> */
    HANDLE users;
    Open(&users, 0, u"\\REGISTRY\\USER", KEY_READ);
    status = NtEnumerateKey(users, 1, 0, buffer.raw, sizeof(buffer), &length);
    Check("\\Registry\\User: .DEFAULT, then the user's SID", status == 0 && bk->Name[0] == 'S');
    bk->Name[bk->NameLength / 2] = 0;
    Check("open the user's hive relative to \\Registry\\User", Open(&user, users, bk->Name, KEY_ALL_ACCESS) == 0);
    NtClose(users);
    status = Create(&child, user, u"NtMiniVolatile", REG_OPTION_VOLATILE, &disposition);
    Check("a volatile key: REG_CREATED_NEW_KEY", status == 0 && disposition == 1);
    Check("a stable key under it: STATUS_CHILD_MUST_BE_VOLATILE",
          Create(&grandchild, child, u"Stable", 0, &disposition) == STATUS_CHILD_MUST_BE_VOLATILE);
    Check("a volatile one", Create(&grandchild, child, u"Volatile", REG_OPTION_VOLATILE, &disposition) == 0);
    HANDLE again;
    Check("NtCreateKey of an existing key: REG_OPENED_EXISTING_KEY",
          Create(&again, user, u"ntminivolatile", REG_OPTION_VOLATILE, &disposition) == 0 && disposition == 2);
    NtClose(again);
    Check("a missing parent: STATUS_OBJECT_NAME_NOT_FOUND",
          Create(&again, user, u"No\\Such\\Parent", 0, &disposition) == STATUS_OBJECT_NAME_NOT_FOUND);

    HANDLE event;
    IO_STATUS_BLOCK iosb = {-1, 0};
    NtCreateEvent(&event, 0x1F0003, 0, 0, 0);
    status = NtNotifyChangeKey(child, event, 0, 0, &iosb, 4 /* LAST_SET */, 0, 0, 0, 1);
    Check("NtNotifyChangeKey, asynchronous: STATUS_PENDING", status == STATUS_PENDING);
    LARGE_INTEGER zero = {0};
    Check("... nothing yet", NtWaitForSingleObject(event, 0, &zero) == STATUS_TIMEOUT);
    NtString mixed = String(u"MiXed"), upper = String(u"MIXED");
    NtSetValueKey(child, &mixed, 0, REG_DWORD, &one, 4);
    Check("... a value set signals the event", NtWaitForSingleObject(event, 0, &zero) == 0 && iosb.Status == 0);
    ULONG two = 2;
    NtSetValueKey(child, &upper, 0, REG_DWORD, &two, 4);
    status = NtEnumerateValueKey(child, 0, 1, buffer.raw, sizeof(buffer), &length);
    Check("value names keep the case they were made with", status == 0 && SameWide(full->Name, "MiXed",
          full->NameLength) && *(ULONG *)(buffer.raw + full->DataOffset) == 2);
    changed = child;
    HANDLE setter = StartThread(Setter, 0, 0);
    IO_STATUS_BLOCK sync = {-1, 0};
    status = NtNotifyChangeKey(child, 0, 0, 0, &sync, 4, 0, 0, 0, 0);
    NtString later = String(u"later");
    Check("synchronous: it returns at another thread's change", status == 0 && sync.Status == 0
          && NtQueryValueKey(child, &later, 0, buffer.raw, sizeof(buffer), &length) == 0);
    NtWaitForSingleObject(setter, 0, 0);
    NtClose(setter);
    HANDLE second;
    IO_STATUS_BLOCK pending = {-1, 0};
    Open(&second, user, u"NtMiniVolatile", KEY_READ);
    NtResetEvent(event, 0);
    NtNotifyChangeKey(second, event, 0, 0, &pending, 4, 0, 0, 0, 1);
    NtClose(second);
    Check("closing the key ends its request: STATUS_NOTIFY_CLEANUP", NtWaitForSingleObject(event, 0, &zero) == 0
          && pending.Status == 0x10B);
    Check("NtDeleteKey of a key with subkeys: STATUS_CANNOT_DELETE", NtDeleteKey(child) == STATUS_CANNOT_DELETE);
    Check("NtDeleteValueKey", NtDeleteValueKey(child, &upper) == 0
          && NtDeleteValueKey(child, &upper) == STATUS_OBJECT_NAME_NOT_FOUND);
    Check("NtDeleteKey", NtDeleteKey(grandchild) == 0 && NtDeleteKey(child) == 0);
    Check("a deleted key: STATUS_KEY_DELETED", NtQueryKey(child, 0, buffer.raw, sizeof(buffer), &length)
          == STATUS_KEY_DELETED && NtFlushKey(child) == STATUS_KEY_DELETED);
    Check("the name is free again", Open(&again, user, u"NtMiniVolatile", KEY_READ) == STATUS_OBJECT_NAME_NOT_FOUND);
    Check("NtFlushKey", NtFlushKey(user) == 0);
    NtClose(grandchild);
    NtClose(child);
    NtClose(user);
    NtTerminateProcess(NtCurrentProcess(), failures);
}
