/* Family 3 (threads), fibers: ConvertThreadToFiber(Ex), CreateFiber(Ex), SwitchToFiber, DeleteFiber,
 * ConvertFiberToThread. A fiber is its parameter (first, for GetFiberData), its own stack (reserved
 * and committed whole, the image's reserve size unless given), the saved stack pointer of its
 * registers (fiber_switch.S) and its own FLS block; the TEB's NT_TIB.FiberData, StackBase,
 * StackLimit, DeallocationStack and FlsData follow the fiber that runs, SameTebFlags.HasFiberData
 * says the thread is one. A fiber whose routine returns ends its thread, as on Windows. */
#include "kernelbase.h"

#define TEB_STACK_BASE 0x08
#define TEB_STACK_LIMIT 0x10
#define TEB_FIBER_DATA 0x20
#define TEB_DEALLOCATION_STACK 0x1478
#define TEB_SAME_TEB_FLAGS 0x17EE
#define HAS_FIBER_DATA 0x0004
#define NT_TIB_VERSION 0x1E00                  /* what FiberData's union holds for a plain thread */

typedef struct {
    PVOID parameter;                            /* GetFiberData() reads it here */
    ULONG_PTR stack_base, stack_limit, deallocation;
    PVOID rsp;
    PVOID fls;
    LPFIBER_START_ROUTINE start;
    DWORD flags;
    BOOL own_stack;
} FIBER;

void BaseSwitchFiberStack(PVOID *save_rsp, PVOID new_rsp);
void BaseFiberStart(void);

static BOOL IsFiber(void) { return (*(USHORT *)(TEB_() + TEB_SAME_TEB_FLAGS) & HAS_FIBER_DATA) != 0; }
static FIBER *Current(void) { return *(FIBER **)(TEB_() + TEB_FIBER_DATA); }

KBAPI LPVOID WINAPI ConvertThreadToFiberEx(LPVOID parameter, DWORD flags)
{
    if (flags & ~(DWORD)FIBER_FLAG_FLOAT_SWITCH) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    if (IsFiber()) { SetLastError(ERROR_ALREADY_FIBER); return NULL; }
    FIBER *f = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*f));
    if (f == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    BYTE *teb = TEB_();
    f->parameter = parameter;
    f->flags = flags;
    f->stack_base = *(ULONG_PTR *)(teb + TEB_STACK_BASE);
    f->stack_limit = *(ULONG_PTR *)(teb + TEB_STACK_LIMIT);
    f->deallocation = *(ULONG_PTR *)(teb + TEB_DEALLOCATION_STACK);
    f->fls = *(PVOID *)(teb + TEB_FLS_DATA);
    *(FIBER **)(teb + TEB_FIBER_DATA) = f;
    *(USHORT *)(teb + TEB_SAME_TEB_FLAGS) |= HAS_FIBER_DATA;
    return f;
}

KBAPI LPVOID WINAPI ConvertThreadToFiber(LPVOID parameter) { return ConvertThreadToFiberEx(parameter, 0); }

KBAPI BOOL WINAPI ConvertFiberToThread(void)
{
    if (!IsFiber()) { SetLastError(ERROR_ALREADY_THREAD); return FALSE; }
    BYTE *teb = TEB_();
    FIBER *f = Current();
    *(USHORT *)(teb + TEB_SAME_TEB_FLAGS) &= (USHORT)~HAS_FIBER_DATA;
    *(ULONG_PTR *)(teb + TEB_FIBER_DATA) = NT_TIB_VERSION;
    if (!f->own_stack)                          /* the fiber the thread was converted into */
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, f);
    return TRUE;
}

/* The new fiber's first run: its routine, then the thread's end. */
__attribute__((used)) void BaseFiberMain(void)
{
    FIBER *f = Current();
    f->start(f->parameter);
    ExitThread(0);
}

KBAPI LPVOID WINAPI CreateFiberEx(SIZE_T commit, SIZE_T reserve, DWORD flags, LPFIBER_START_ROUTINE start, LPVOID parameter)
{
    if (flags & ~(DWORD)FIBER_FLAG_FLOAT_SWITCH || start == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    BYTE *image = PEB_IMAGE_BASE();
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)(image + ((IMAGE_DOS_HEADER *)image)->e_lfanew);
    if (reserve == 0) reserve = nt->OptionalHeader.SizeOfStackReserve;
    if (commit > reserve) reserve = commit;
    reserve = (reserve + 0xFFFF) & ~(SIZE_T)0xFFFF;
    FIBER *f = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*f));
    if (f == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    BYTE *stack = VirtualAlloc(NULL, reserve, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    if (stack == NULL) { RtlFreeHeap(PEB_PROCESS_HEAP(), 0, f); return NULL; }
    f->parameter = parameter;
    f->flags = flags;
    f->start = start;
    f->own_stack = TRUE;
    f->deallocation = f->stack_limit = (ULONG_PTR)stack;
    f->stack_base = (ULONG_PTR)stack + reserve;
    /* The registers BaseSwitchFiberStack pops (all zero), then BaseFiberStart to return into. */
    ULONG_PTR *sp = (ULONG_PTR *)(f->stack_base - 0x10);
    *--sp = (ULONG_PTR)BaseFiberStart;
    sp -= 8 + 0xa8 / 8;
    memset(sp, 0, (8 + 0xa8 / 8) * sizeof(ULONG_PTR));
    f->rsp = sp;
    return f;
}

KBAPI LPVOID WINAPI CreateFiber(SIZE_T stack_size, LPFIBER_START_ROUTINE start, LPVOID parameter)
{
    return CreateFiberEx(stack_size, 0, 0, start, parameter);
}

KBAPI VOID WINAPI SwitchToFiber(LPVOID fiber)
{
    FIBER *from = Current(), *to = fiber;
    BYTE *teb = TEB_();
    from->stack_limit = *(ULONG_PTR *)(teb + TEB_STACK_LIMIT);
    from->fls = *(PVOID *)(teb + TEB_FLS_DATA);
    *(ULONG_PTR *)(teb + TEB_STACK_BASE) = to->stack_base;
    *(ULONG_PTR *)(teb + TEB_STACK_LIMIT) = to->stack_limit;
    *(ULONG_PTR *)(teb + TEB_DEALLOCATION_STACK) = to->deallocation;
    *(PVOID *)(teb + TEB_FLS_DATA) = to->fls;
    *(FIBER **)(teb + TEB_FIBER_DATA) = to;
    BaseSwitchFiberStack(&from->rsp, to->rsp);
}

/* DeleteFiber: its FLS values' callbacks run (here, on the caller), its stack goes; deleting the
 * running fiber ends the thread. */
KBAPI VOID WINAPI DeleteFiber(LPVOID fiber)
{
    FIBER *f = fiber;
    if (IsFiber() && f == Current())
        ExitThread(1);
    BYTE *teb = TEB_();
    PVOID mine = *(PVOID *)(teb + TEB_FLS_DATA);
    if (f->fls) {
        *(PVOID *)(teb + TEB_FLS_DATA) = f->fls;
        BaseFlsThreadDetach();
        *(PVOID *)(teb + TEB_FLS_DATA) = mine;
    }
    if (f->own_stack)
        VirtualFree((PVOID)f->deallocation, 0, MEM_RELEASE);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, f);
}
