/* _resetstkoflw: after a STATUS_STACK_OVERFLOW the thread's stack has no guard page left (the
 * kernel committed the rest of it for the handler), so the next overflow would be an access
 * violation nobody can handle. Called once the program is back up its stack, it puts the guard
 * (a page plus the thread's stack guarantee) just below the current page, gives the pages below
 * it back (decommitted, as the stack was before it grew there) and moves the TEB's StackLimit:
 * the stack is as if it had never grown deeper. Nonzero on success; 0 when the current position
 * is too close to the end of the stack for a guard and the overflow handler's room. */
#include "crtwin.h"

typedef struct {
    void *BaseAddress, *AllocationBase;
    DWORD AllocationProtect;
    unsigned short PartitionId;
    size_t RegionSize;
    DWORD State, Protect, Type;
} CRT_MEMORY_BASIC_INFORMATION;

WINBASEAPI size_t WINAPI VirtualQuery(const void *, CRT_MEMORY_BASIC_INFORMATION *, size_t);
WINBASEAPI void *WINAPI VirtualAlloc(void *, size_t, DWORD, DWORD);
WINBASEAPI BOOL WINAPI VirtualFree(void *, size_t, DWORD);
WINBASEAPI BOOL WINAPI SetThreadStackGuarantee(unsigned long *);

#define CRT_PAGE 0x1000u
#define MEM_COMMIT 0x1000
#define MEM_DECOMMIT 0x4000
#define MEM_RESERVE 0x2000
#define PAGE_READWRITE 0x04
#define PAGE_GUARD 0x100

CRTEXP int _resetstkoflw(void)
{
    CRT_MEMORY_BASIC_INFORMATION mbi;
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (!VirtualQuery((const void *)sp, &mbi, sizeof mbi))
        return 0;
    uintptr_t reservation = (uintptr_t)mbi.AllocationBase;
    unsigned long guarantee = 0;                    /* 0 asks for the current guarantee */
    if (!SetThreadStackGuarantee(&guarantee))
        guarantee = 0;
    uintptr_t guard_size = CRT_PAGE + ((guarantee + CRT_PAGE - 1) & ~(uintptr_t)(CRT_PAGE - 1));
    uintptr_t guard = (sp & ~(uintptr_t)(CRT_PAGE - 1)) - guard_size;
    /* room below the guard: the never-committed last page and the overflow handler's pages */
    if (guard < reservation + 3 * CRT_PAGE + guard_size)
        return 0;
    /* the lowest committed page of the stack: a guard there means nothing was lost */
    if (!VirtualQuery((const void *)reservation, &mbi, sizeof mbi))
        return 0;
    uintptr_t low = reservation;
    if (mbi.State == MEM_RESERVE)
        low += mbi.RegionSize;
    if (!VirtualQuery((const void *)low, &mbi, sizeof mbi) || mbi.State != MEM_COMMIT)
        return 0;
    if (mbi.Protect & PAGE_GUARD)
        return 1;
    if (low > guard)
        return 0;
    if (low < guard && !VirtualFree((void *)low, guard - low, MEM_DECOMMIT))
        return 0;
    if (!VirtualAlloc((void *)guard, guard_size, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD))
        return 0;
    void **tib;
    __asm__ volatile("movq %%gs:0x30, %0" : "=r"(tib));        /* NT_TIB.Self */
    tib[2] = (void *)(guard + guard_size);                       /* NT_TIB.StackLimit */
    return 1;
}
