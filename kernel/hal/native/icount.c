/*
 * The retired-instruction counter that drives virtual time (the clock tick and the quantum).
 *
 * A UC_HOOK_BLOCK callback in C: at each block about to run it adds the block's instruction
 * count, unless the count has reached the deadline the dispatcher set (the end of the clock
 * tick): then it stops the CPU before the block, which Unicorn leaves unexecuted. On a
 * uniprocessor run it also takes the clock tick itself when the count crosses one (tick.c).
 * Instruction counts per block come from a cache keyed by address, size and address space; a
 * miss asks the Python side (capstone) once per block.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "icount.h"

#define USER_LIMIT 0x0000800000000000ULL

static inline uint64_t slot_of(uint64_t address, uint64_t space, uint64_t mask)
{
    uint64_t h = (address ^ (space * 0x9E3779B97F4A7C15ULL)) * 0xFF51AFD7ED558CCDULL;
    return (h >> 20) & mask;
}

void icount_clear(struct icount_state *s)
{
    s->last = NULL;
    memset(s->table, 0, (s->mask + 1) * sizeof(struct icount_entry));
    s->used = 0;
}

int icount_init(struct icount_state *s, unsigned bits)
{
    s->mask = (1ULL << bits) - 1;
    s->table = calloc(s->mask + 1, sizeof(struct icount_entry));
    s->used = 0;
    s->tick_at = ~0ULL;
    return s->table != NULL;
}

void icount_free(struct icount_state *s)
{
    free(s->table);
    s->table = NULL;
}

void icount_block_hook(void *uc, uint64_t address, uint32_t size, struct icount_state *s)
{
    if (s->instructions >= s->deadline) {
        /* The CPU stops before this block runs; it is counted when it does. */
        s->emu_stop(uc);
        return;
    }
    if (s->instructions >= s->tick_at && ke_clock_tick(s)) {
        s->emu_stop(uc);
        return;
    }
    uint64_t space = address < USER_LIMIT ? s->space : 0;
    struct icount_entry *e = s->last;
    if (e != NULL && e->address == address && e->size == size && e->space == space)
        goto hit;
    uint64_t i = slot_of(address, space, s->mask);
    for (;;) {
        e = &s->table[i];
        if (e->size == 0)
            break;
        if (e->address == address && e->size == size && e->space == space) {
            s->last = e;
            goto hit;
        }
        i = (i + 1) & s->mask;
    }
    if (s->used * 2 > s->mask) {        /* half full: start again (counts are recomputable) */
        icount_clear(s);
        i = slot_of(address, space, s->mask);
        e = &s->table[i];
    }
    e->address = address;
    e->space = space;
    e->size = size;
    e->count = s->count(address, size);
    s->used++;
    s->misses++;
    s->last = e;
hit:
    s->block_start = s->instructions;
    s->block_index = 0;
    s->instructions += e->count;
}
