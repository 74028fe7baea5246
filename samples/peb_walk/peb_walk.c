/* Reads the structures the way real code does: the TEB through gs:[0x30], the PEB through
   gs:[0x60], the loader lists to find ntdll, ntdll's export directory to resolve a service,
   and KUSER_SHARED_DATA at 0x7FFE0000. Offsets are Windows 10 x64's. Exit code: failed checks. */
#include "../nt.h"

typedef struct LIST_ENTRY { struct LIST_ENTRY *Flink, *Blink; } LIST_ENTRY;
typedef struct { USHORT Length, MaximumLength; unsigned short *Buffer; } UNICODE_STRING;
typedef NTSTATUS (NTAPI *QueryProcess)(HANDLE, int, PVOID, ULONG, ULONG *);

extern UCHAR __ImageBase[];
static int failures;

#define AT(type, base, off) (*(type *)((UCHAR *)(base) + (off)))

static void Check(int ok, const char *what)
{
    Print(ok ? "ok   " : "FAIL ");
    Print(what);
    Print("\n");
    if (!ok)
        failures++;
}

static void PrintUnicode(const UNICODE_STRING *s)
{
    char buf[128];
    ULONG n = s->Length / 2, i;
    if (n > sizeof(buf) - 1)
        n = sizeof(buf) - 1;
    for (i = 0; i < n; i++)
        buf[i] = (char)s->Buffer[i];
    buf[i] = 0;
    Print(buf);
}

static int SameName(const UNICODE_STRING *s, const char *name)
{
    ULONG i, n = s->Length / 2;
    for (i = 0; i < n && name[i]; i++) {
        unsigned short c = s->Buffer[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != (unsigned char)name[i])
            return 0;
    }
    return i == n && name[i] == 0;
}

static int SameString(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

static void *ResolveExport(UCHAR *base, const char *name)
{
    UCHAR *nt = base + AT(ULONG, base, 0x3C);
    ULONG dir = AT(ULONG, nt, 0x88);                 /* DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT] */
    UCHAR *exp = base + dir;
    ULONG count = AT(ULONG, exp, 0x18);
    ULONG *functions = (ULONG *)(base + AT(ULONG, exp, 0x1C));
    ULONG *names = (ULONG *)(base + AT(ULONG, exp, 0x20));
    USHORT *ordinals = (USHORT *)(base + AT(ULONG, exp, 0x24));
    for (ULONG i = 0; i < count; i++)
        if (SameString((const char *)(base + names[i]), name))
            return base + functions[ordinals[i]];
    return 0;
}

void Entry(void)
{
    UCHAR *teb, *peb, local = 0;
    __asm__ volatile ("mov %%gs:0x30, %0" : "=r"(teb));
    __asm__ volatile ("mov %%gs:0x60, %0" : "=r"(peb));

    Check(AT(UCHAR *, teb, 0x30) == teb, "TEB.NtTib.Self is gs:[0x30]");
    Check(AT(UCHAR *, teb, 0x60) == peb, "TEB.ProcessEnvironmentBlock is gs:[0x60]");
    Check(&local < AT(UCHAR *, teb, 0x08) && &local >= AT(UCHAR *, teb, 0x10), "stack inside StackLimit..StackBase");
    Check(AT(UCHAR *, peb, 0x10) == __ImageBase, "PEB.ImageBaseAddress is this image");

    UCHAR *ldr = AT(UCHAR *, peb, 0x18);
    Check(AT(UCHAR, ldr, 0x04) == 1, "PEB.Ldr->Initialized");
    LIST_ENTRY *load = (LIST_ENTRY *)(ldr + 0x10), *mem = (LIST_ENTRY *)(ldr + 0x20);
    LIST_ENTRY *init = (LIST_ENTRY *)(ldr + 0x30);
    UCHAR *ntdll = 0;
    int n = 0, same_order = 1;
    LIST_ENTRY *m = mem->Flink;
    for (LIST_ENTRY *e = load->Flink; e != load; e = e->Flink, n++) {
        UCHAR *entry = (UCHAR *)e;                   /* InLoadOrderLinks is at offset 0 */
        UNICODE_STRING *base_name = (UNICODE_STRING *)(entry + 0x58);
        Print("module ");
        PrintUnicode(base_name);
        Print(" at ");
        PrintUnicode((UNICODE_STRING *)(entry + 0x48));
        Print("\n");
        if (n == 0)
            Check(AT(UCHAR *, entry, 0x30) == __ImageBase, "first in load order is the image");
        if (SameName(base_name, "ntdll.dll"))
            ntdll = AT(UCHAR *, entry, 0x30);
        if ((UCHAR *)m - 0x10 != entry)
            same_order = 0;
        m = m->Flink;
    }
    Check(same_order && m == mem, "memory order lists the same entries");
    int in_init = 0, exe_in_init = 0;
    for (LIST_ENTRY *e = init->Flink; e != init; e = e->Flink, in_init++)
        if (AT(UCHAR *, (UCHAR *)e - 0x20, 0x30) == __ImageBase)
            exe_in_init = 1;
    Check(in_init == n - 1 && !exe_in_init, "initialization order holds the DLLs only");
    Check(ntdll != 0 && ntdll[0] == 'M' && ntdll[1] == 'Z', "ntdll found through the loader list");

    QueryProcess query = (QueryProcess)ResolveExport(ntdll, "NtQueryInformationProcess");
    Check(query != 0, "NtQueryInformationProcess resolved from ntdll's export directory");
    ULONG_PTR info[6] = {0};
    ULONG got = 0;
    NTSTATUS status = query ? query(NtCurrentProcess(), 0, info, sizeof(info), &got) : -1;
    Check(status == 0 && got == sizeof(info), "it runs: ProcessBasicInformation");
    Check((UCHAR *)info[1] == peb, "PebBaseAddress is gs:[0x60]");
    Check(info[4] == AT(ULONG_PTR, teb, 0x40), "UniqueProcessId is TEB.ClientId.UniqueProcess");

    UCHAR *params = AT(UCHAR *, peb, 0x20);
    Print("command line: ");
    PrintUnicode((UNICODE_STRING *)(params + 0x70));
    Print("\n");

    UCHAR *kuser = (UCHAR *)0x7FFE0000;
    Check(AT(ULONG, kuser, 0x26C) == AT(ULONG, peb, 0x118) && AT(ULONG, kuser, 0x270) == AT(ULONG, peb, 0x11C),
          "KUSER_SHARED_DATA version is the PEB's");
    Check((AT(ULONG, kuser, 0x260) & 0xFFFF) == AT(USHORT, peb, 0x120), "NtBuildNumber is PEB.OSBuildNumber");
    Check(AT(ULONG, kuser, 0x3C0) == AT(ULONG, peb, 0xB8), "ActiveProcessorCount is PEB.NumberOfProcessors");
    PrintHex("version major ", AT(ULONG, kuser, 0x26C));
    PrintHex("version build ", AT(USHORT, peb, 0x120));
    UNICODE_STRING root = {20, 20, (unsigned short *)(kuser + 0x30)};
    Print("system root: ");
    PrintUnicode(&root);
    Print("\n");
    NtTerminateProcess(NtCurrentProcess(), failures);
}
