/* The instruction counter's state, shared by the counter (icount.c), the clock tick (tick.c),
 * the thread run (run.c) and the tracer (trace.c). */
#ifndef ICOUNT_H
#define ICOUNT_H
#include <stdint.h>

typedef void (*emu_stop_fn)(void *uc);
typedef uint32_t (*count_fn)(uint64_t address, uint32_t size);
typedef int (*ctl_fn)(void *uc, int control, ...);

struct icount_entry {
    uint64_t address;
    uint64_t space;
    uint32_t size;
    uint32_t count;
};

struct icount_state {
    /* The block hook's common case reads these three only. */
    uint64_t instructions;      /* retired so far (counted at block entry) */
    uint64_t stop_at;           /* the lower of deadline and tick_at: the slow path decides */
    struct icount_entry *last;  /* the block seen last (NULL after a change of address space) */
    uint64_t deadline;          /* stop once instructions >= deadline */
    uint64_t space;             /* tag of the current user address space (its CR3) */
    uint64_t misses;
    emu_stop_fn emu_stop;
    count_fn count;
    struct icount_entry *table;
    uint64_t mask;
    uint64_t used;
    ctl_fn uc_ctl;              /* Unicorn's uc_ctl, to read a block's count off its translation */
    int32_t ctl_request_cache;  /* UC_CTL_READ_WRITE(UC_CTL_TB_REQUEST_CACHE, 2) */
    /* The clock interrupt's fast half (tick.c); off while tick_at is ~0. */
    uint64_t tick_at;           /* the count at which the next clock tick falls */
    uint64_t tick_instructions;
    uint64_t ticks;             /* KeTickCount */
    uint64_t stop_tick;         /* the dispatcher must run at this tick (a timer, the balance set manager) */
    int64_t quantum;            /* the running thread's quantum units */
    uint8_t *kuser;             /* KUSER_SHARED_DATA in host memory */
    uint64_t time_increment;    /* 100 ns units per tick */
    uint64_t boot_time;         /* the system time at tick 0 */
    /* The break at an instruction count (--break icount:N): stop where exactly break_at
     * instructions have retired. */
    uint64_t break_at;
    uint32_t stopped;           /* the hook stopped the CPU before a block: STOPPED_* */
    uint32_t reserved;
};

#define STOPPED_DEADLINE 1      /* the deadline or a clock tick the dispatcher must take */
#define STOPPED_BREAK 2         /* the block holds instruction break_at + 1: run the rest by count */

int ke_clock_tick(struct icount_state *s);
void icount_set_space(struct icount_state *s, uint64_t space);
void icount_cut(struct icount_state *s, void *uc, uint64_t rip);

static inline void icount_update_stop(struct icount_state *s)
{
    uint64_t at = s->deadline < s->tick_at ? s->deadline : s->tick_at;
    s->stop_at = at < s->break_at ? at : s->break_at;
}

#endif
