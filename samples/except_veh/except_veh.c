/* A vectored handler (ntdll!RtlAddVectoredExceptionHandler) recovers from every fault class:
 * it prints the record Windows x64 builds (code, parameters, address) and resumes past the
 * faulting instruction by editing the CONTEXT's Rip. */
#include "../seh.h"

static volatile unsigned long long resume, fault_at, target;
static volatile int pop_return, continues;
static const char *test;
static char line[160];
static int len;

static void Put(const char *s) { while (*s) line[len++] = *s++; }
static void PutHex(unsigned long long v)
{
    Put("0x");
    int started = 0;
    for (int shift = 60; shift >= 0; shift -= 4) {
        int d = (v >> shift) & 0xF;
        if (d || started || shift == 0) { line[len++] = "0123456789abcdef"[d]; started = 1; }
    }
}

static long Handler(EXCEPTION_POINTERS *info)
{
    EXCEPTION_RECORD *r = info->ExceptionRecord;
    CONTEXT *c = info->ContextRecord;
    len = 0;
    Put(test); Put(": code "); PutHex(r->ExceptionCode);
    Put(" params");
    for (ULONG i = 0; i < r->NumberParameters; i++) {
        Put(" ");
        if (target && r->ExceptionInformation[i] == target) Put("(the page)");  /* its address varies */
        else PutHex(r->ExceptionInformation[i]);
    }
    unsigned long long at = (unsigned long long)r->ExceptionAddress;
    Put(at == fault_at ? " at the instruction" : at == resume ? " after the instruction"
        : at == target ? " at the target" : " elsewhere");
    Put(c->Rip == at ? ", Rip = address\n" : ", Rip differs\n");
    line[len] = 0;
    Print(line);
    if (r->ExceptionCode == 0x80000001)         /* guard page: run the access again */
        return EXCEPTION_CONTINUE_EXECUTION;
    c->Rip = resume;
    if (pop_return) { c->Rsp += 8; pop_return = 0; }
    return EXCEPTION_CONTINUE_EXECUTION;
}

static long Continue(EXCEPTION_POINTERS *info) { (void)info; continues++; return EXCEPTION_CONTINUE_SEARCH; }

#define FAULT(name, pre, insn) do { test = name; \
    __asm__ volatile("lea 1f(%%rip), %%rax\n mov %%rax, %0\n lea 2f(%%rip), %%rax\n mov %%rax, %1\n" \
                     pre "\n2: " insn "\n1:\n" : "=m"(resume), "=m"(fault_at) : : "rax", "rcx", "rdx", "memory"); \
    } while (0)

int Entry(void)
{
    RtlAddVectoredExceptionHandler(1, Handler);
    RtlAddVectoredContinueHandler(0, Continue);
    FAULT("read null", "xor %%ecx, %%ecx", "mov (%%rcx), %%eax");
    FAULT("write 0x10", "mov $0x10, %%ecx", "movl $1, (%%rcx)");
    FAULT("write kernel", "movabs $0xfffff78000000000, %%rcx", "movl $1, (%%rcx)");
    FAULT("non-canonical", "movabs $0x8000000000000000, %%rcx", "mov (%%rcx), %%eax");
    PVOID page = 0;
    SIZE_T size = 0x1000;
    NtAllocateVirtualMemory(NtCurrentProcess(), &page, 0, &size, 0x3000, 0x04);
    *(unsigned char *)page = 0xC3;
    target = (unsigned long long)page;
    pop_return = 1;
    FAULT("execute NX", "mov target(%%rip), %%rcx", "call *%%rcx");
    FAULT("divide by zero", "xor %%ecx, %%ecx\n mov $1, %%eax\n xor %%edx, %%edx", "div %%ecx");
    FAULT("idiv overflow", "mov $0x80000000, %%eax\n cdq\n mov $-1, %%ecx", "idiv %%ecx");
    FAULT("int3", "", "int3");
    FAULT("single step", "pushfq\n orq $0x100, (%%rsp)\n popfq", "nop");
    FAULT("hlt", "", "hlt");
    FAULT("cli", "", "cli");
    FAULT("rdmsr", "xor %%ecx, %%ecx", "rdmsr");
    FAULT("ud2", "", "ud2");
    FAULT("int 2c", "", "int $0x2c");
    FAULT("int 80", "", "int $0x80");
    PVOID guard = 0;
    size = 0x1000;
    NtAllocateVirtualMemory(NtCurrentProcess(), &guard, 0, &size, 0x3000, 0x104);
    target = (unsigned long long)guard;
    test = "guard page";
    volatile int *g = guard;
    int v = *g;
    v += *g;
    Print(v == 0 ? "guard page: the second touch succeeds\n" : "guard page: wrong value\n");
    PrintHex("continue handler calls: ", continues);
    return 0;
}
