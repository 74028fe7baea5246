/*
 * KiSwapContext's machine half and the run that follows, in one call from the dispatcher:
 * load a thread's saved CPU state (reloading CR3, with the TLB flush that implies, only when
 * the address space changes), run until the CPU stops, and keep the state again: a block
 * the stop cut short counts only what ran (icount_cut), and the thread resumes past a gate
 * it stopped on. Machine.run_thread does the same in Python.
 */
#include <stdint.h>
#include <string.h>

#include "icount.h"

typedef int (*context_fn)(void *uc, void *context);
typedef int (*reg_write_fn)(void *uc, int regid, const void *value);
typedef int (*emu_start_fn)(void *uc, uint64_t begin, uint64_t until, uint64_t timeout, size_t count);

#define MAX_GATES 8

struct run_state {
    void *uc;
    context_fn context_save, context_restore;
    reg_write_fn reg_write;
    emu_start_fn emu_start;
    struct icount_state *ic;    /* its space follows CR3 */
    uint64_t loaded_cr3;
    uint64_t gates[MAX_GATES];
    uint32_t ngates;
    uint32_t off_rip, off_cr3;
    int32_t cr3_id;
};

int ki_run_thread(struct run_state *r, void *context, uint8_t *blob)
{
    uint64_t cr3, rip;
    r->context_restore(r->uc, context);
    memcpy(&cr3, blob + r->off_cr3, 8);
    if (cr3 != r->loaded_cr3) {
        r->reg_write(r->uc, r->cr3_id, &cr3);
        r->loaded_cr3 = cr3;
        icount_set_space(r->ic, cr3);
    }
    memcpy(&rip, blob + r->off_rip, 8);
    r->ic->stopped = 0;
    int err = r->emu_start(r->uc, rip, 0, 0, 0);       /* no exit address: see machine.py */
    r->context_save(r->uc, context);
    if (r->ic->stopped)                 /* before a block: nothing was cut short */
        return err;
    memcpy(&rip, blob + r->off_rip, 8);
    icount_cut(r->ic, r->uc, rip);
    for (uint32_t i = 0; i < r->ngates; i++) {
        if (r->gates[i] == rip) {
            rip++;                      /* the gate's nop has done its work */
            memcpy(blob + r->off_rip, &rip, 8);
            break;
        }
    }
    return err;
}
