/* Issues system calls by number, without ntdll's stubs, as code written for Windows 10 22H2
 * does: NtWriteFile is 0x08 and NtTerminateProcess 0x2C there; 0x1FFF is no service at all. */
#include "../nt.h"

static long long RawSyscall(unsigned number, HANDLE a1, HANDLE a2, PVOID a3, PVOID a4, PVOID a5, const void *a6,
                            ULONG a7)
{
    long long status;
    register PVOID r10 __asm__("r10") = a1;
    register PVOID rdx __asm__("rdx") = a2;
    register PVOID r8 __asm__("r8") = a3;
    register PVOID r9 __asm__("r9") = a4;
    __asm__ volatile(
        "sub $0x48, %%rsp\n\t"
        "mov %[a5], 0x28(%%rsp)\n\t"
        "mov %[a6], 0x30(%%rsp)\n\t"
        "mov %[a7], 0x38(%%rsp)\n\t"
        "movq $0, 0x40(%%rsp)\n\t"
        "movq $0, 0x48(%%rsp)\n\t"
        "syscall\n\t"
        "add $0x48, %%rsp"
        : "=a"(status), "+r"(r10), "+r"(rdx), "+r"(r8), "+r"(r9)
        : "a"((unsigned long long)number), [a5] "r"(a5), [a6] "r"(a6), [a7] "r"((unsigned long long)a7)
        : "rcx", "r11", "memory");
    return status;
}

int Entry(void)
{
    IO_STATUS_BLOCK iosb;
    const char msg[] = "written by syscall 0x08\n";
    long long st = RawSyscall(0x08, StdOut(), 0, 0, 0, &iosb, msg, sizeof(msg) - 1);
    PrintHex("NtWriteFile status ", (ULONG)st);
    PrintHex("bytes written ", iosb.Information);
    st = RawSyscall(0x1FFF, 0, 0, 0, 0, 0, 0, 0);
    PrintHex("service 0x1FFF status ", (ULONG)st);
    RawSyscall(0x2C, NtCurrentProcess(), (HANDLE)0x11, 0, 0, 0, 0, 0);
    return 99;
}
