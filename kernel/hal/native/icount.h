/* The instruction counter's state, shared by the counter (icount.c) and the tracer (trace.c). */
#ifndef ICOUNT_H
#define ICOUNT_H
#include <stdint.h>

typedef void (*emu_stop_fn)(void *uc);
typedef uint32_t (*count_fn)(uint64_t address, uint32_t size);

struct icount_entry {
    uint64_t address;
    uint64_t space;
    uint32_t size;
    uint32_t count;
};

struct icount_state {
    uint64_t instructions;      /* retired so far (counted at block entry) */
    uint64_t deadline;          /* stop once instructions >= deadline */
    uint64_t space;             /* tag of the current user address space (its CR3) */
    uint64_t misses;
    emu_stop_fn emu_stop;
    count_fn count;
    struct icount_entry *table;
    uint64_t mask;
    uint64_t used;
    struct icount_entry *last;  /* the block seen last: loops hit it without hashing */
    uint64_t block_start;       /* instructions retired before the block now running */
    uint64_t block_index;       /* the tracer's position in that block */
};

#endif
