/* The loader's run-time interface: LdrLoadDll / LdrGetProcedureAddress / LdrUnloadDll with
 * reference counts, forwarders, ordinal-only exports, two DLLs with one preferred base, TLS in
 * a DLL, and the statuses of what is not there. */
#include "../ldr.h"

typedef struct { PVOID BaseAddress, AllocationBase; ULONG AllocationProtect; USHORT PartitionId;
                 SIZE_T RegionSize; ULONG State, Protect, Type; } MBI;

static const unsigned short target_name[] = u"target.dll", fwd_name[] = u"FWD", same1[] = u"same1.dll",
                            same2[] = u"same2.dll", tls_name[] = u"tlsdll.dll", missing[] = u"missing.dll";

static PVOID Load(const unsigned short *name, USHORT bytes)
{
    LdrString s = {bytes - 2, bytes, name};
    PVOID base = 0;
    NTSTATUS status = LdrLoadDll(0, 0, &s, &base);
    PrintHex("LdrLoadDll status ", (ULONG)status);
    return base;
}

static PVOID Proc(PVOID base, const char *name, ULONG ordinal)
{
    ULONG len = 0;
    while (name && name[len])
        len++;
    LdrAnsi s = {len, len + 1, name};
    PVOID address = 0;
    NTSTATUS status = LdrGetProcedureAddress(base, name ? &s : 0, ordinal, &address);
    if (status)
        PrintHex("LdrGetProcedureAddress status ", (ULONG)status);
    return address;
}

static ULONG State(PVOID address)
{
    MBI mbi;
    NtQueryVirtualMemory((HANDLE)-1, address, 0, &mbi, sizeof(mbi), 0);
    return mbi.State;
}

void Entry(void)
{
    PVOID target = Load(target_name, sizeof(target_name));
    PVOID again = Load(target_name, sizeof(target_name));
    Print(target == again ? "second load: same base\n" : "second load: other base\n");
    PrintDec("by name: ", ((int (*)(void))Proc(target, "real_name", 0))());
    PrintDec("by ordinal: ", ((int (*)(void))Proc(target, 0, 2))());
    Proc(target, "no_such_export", 0);
    Proc(target, 0, 7);

    PVOID fwd = Load(fwd_name, sizeof(fwd_name));      /* no extension: ".dll" is added */
    PrintDec("forwarded to a name: ", ((int (*)(void))Proc(fwd, "by_name", 0))());
    PrintDec("forwarded to an ordinal: ", ((int (*)(void))Proc(fwd, "by_ordinal", 0))());
    PrintDec("forwarded to ntdll: ", ((SIZE_T (*)(const char *))Proc(fwd, "to_ntdll", 0))("four"));

    PVOID a = Load(same1, sizeof(same1)), b = Load(same2, sizeof(same2));
    Print(a != b ? "same preferred base: two places\n" : "same preferred base: one place\n");
    Print(((const char *(*)(void))Proc(a, "whoami", 0))());
    Print(" / ");
    Print(((const char *(*)(void))Proc(b, "whoami", 0))());
    Print(((PVOID (*)(void))Proc(b, "image_base", 0))() == b ? "\nrelocated image knows its base\n" : "\nwrong base\n");

    PVOID tls = Load(tls_name, sizeof(tls_name));
    int (*tls_value)(void) = (int (*)(void))Proc(tls, "tls_value", 0);
    PrintDec("tls: ", tls_value());
    PrintDec("tls: ", tls_value());

    PrintHex("unload 1: ", (ULONG)LdrUnloadDll(target));
    LdrString s = LDR_STRING(target_name);
    PVOID handle = 0;
    PrintHex("still loaded: ", (ULONG)LdrGetDllHandle(0, 0, &s, &handle));
    PrintHex("unload 2: ", (ULONG)LdrUnloadDll(target));
    PrintHex("gone: ", (ULONG)LdrGetDllHandle(0, 0, &s, &handle));
    PrintHex("its memory: state ", State(target));
    PrintHex("unload again: ", (ULONG)LdrUnloadDll(target));

    /* API sets: a contract resolves to its host; an unknown one, or one whose host is absent, does not. */
    static const unsigned short rtl[] = u"api-ms-win-core-rtlsupport-l1-2-7.dll", ntdll[] = u"ntdll.dll",
                                nohost[] = u"API-MS-Win-Core-Nonexistent-L1-1-0";
    PVOID via_set = Load(rtl, sizeof(rtl));
    LdrString n = LDR_STRING(ntdll);
    PVOID nt = 0;
    LdrGetDllHandle(0, 0, &n, &nt);
    Print(via_set == nt ? "api set: ntdll\n" : "api set: elsewhere\n");
    Load(nohost, sizeof(nohost));

    Load(missing, sizeof(missing));
    LdrString m = LDR_STRING(missing);
    PrintHex("handle of a missing DLL: ", (ULONG)LdrGetDllHandle(0, 0, &m, &handle));
    RtlExitUserProcess(0);
}
