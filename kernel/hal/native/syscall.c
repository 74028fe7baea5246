/*
 * SYSCALL as the processor performs it, which Unicorn does not (it never reads LSTAR): a
 * UC_HOOK_INSN callback that saves RIP+2 in RCX and RFLAGS in R11, masks RFLAGS with FMASK,
 * enters CPL 0 with the STAR kernel CS/SS and continues at LSTAR. The CPU state is edited in
 * a saved context, the only way to change the CPL through Unicorn's API; the offsets are
 * those kernel/hal/cpustate.py checks against the live engine at boot. The Python version
 * (Machine._syscall) does the same when the helper is not built.
 */
#include <stdint.h>
#include <string.h>

typedef int (*reg_read_fn)(void *uc, int regid, void *value);
typedef int (*context_fn)(void *uc, void *context);

struct syscall_state {
    reg_read_fn reg_read;
    context_fn context_save;
    context_fn context_restore;
    void *context;              /* a uc_context of the engine's size */
    uint8_t *blob;              /* its CPUX86State bytes */
    uint64_t lstar, fmask;
    int32_t eflags_id;
    uint32_t off_rip, off_rcx, off_r11, off_rflags, off_df, off_hflags, off_cs, off_ss;
    uint8_t cs_cache[24], ss_cache[24];   /* SegmentCache for the kernel's CS and SS */
};

void ki_syscall_hook(void *uc, struct syscall_state *s)
{
    uint64_t rflags = 0, rip;
    uint8_t *v = s->blob;
    s->reg_read(uc, s->eflags_id, &rflags);
    s->context_save(uc, s->context);
    memcpy(&rip, v + s->off_rip, 8);
    rip += 2;
    memcpy(v + s->off_rcx, &rip, 8);
    memcpy(v + s->off_r11, &rflags, 8);
    /* Unicorn adds the instruction's length to RIP after this hook returns. */
    rip = s->lstar - 2;
    memcpy(v + s->off_rip, &rip, 8);
    rflags &= ~s->fmask;
    memcpy(v + s->off_rflags, &rflags, 8);
    int32_t df = 1;                         /* DF cleared by FMASK: QEMU keeps it as +1/-1 */
    memcpy(v + s->off_df, &df, 4);
    uint32_t hflags;
    memcpy(&hflags, v + s->off_hflags, 4);
    hflags &= ~3u;                          /* CPL 0 */
    memcpy(v + s->off_hflags, &hflags, 4);
    memcpy(v + s->off_cs, s->cs_cache, 24);
    memcpy(v + s->off_ss, s->ss_cache, 24);
    s->context_restore(uc, s->context);
}
