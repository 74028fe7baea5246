/*
 * The retired-instruction counter that drives virtual time (the clock tick and the quantum).
 *
 * A UC_HOOK_BLOCK callback in C: at each block about to run it adds the block's instruction
 * count, unless the count has reached the deadline the dispatcher set (the end of the clock
 * tick): then it stops the CPU before the block, which Unicorn leaves unexecuted. On a
 * uniprocessor run it also takes the clock tick itself when the count crosses one (tick.c).
 * Instruction counts per block come from a cache keyed by address, size and address space; a
 * miss reads the count off Unicorn's translation of the block (the Python side's capstone
 * only if that fails). A block cut short (a gate that stops the CPU, a fault) gives back the
 * instructions that did not run (icount_cut), so the count is exactly the instructions retired.
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
    s->last = NULL;
    s->deadline = s->tick_at = s->break_at = ~0ULL;
    s->stopped = 0;
    icount_update_stop(s);
    return s->table != NULL;
}

void icount_free(struct icount_state *s)
{
    free(s->table);
    s->table = NULL;
}

/* The block's instruction count as Unicorn translated it (the block is in its cache, having
 * just been looked up to run); the Python side's disassembly if that is not the same block. */
static uint32_t block_count(void *uc, uint64_t address, uint32_t size, struct icount_state *s)
{
    struct { uint64_t pc; uint16_t icount, size; } tb;
    if (s->uc_ctl != NULL && s->uc_ctl(uc, s->ctl_request_cache, address, &tb) == 0 && tb.pc == address
        && tb.size == size && tb.icount != 0)
        return tb.icount;
    return s->count(address, size);
}

/* The instructions of the block at [address, address + size) before `rip`: its count less that
 * of Unicorn's translation from rip, when that ends where the block ends (the same straight-line
 * code to the same last instruction); else the Python side's disassembly. */
static uint32_t prefix_count(void *uc, struct icount_state *s, uint64_t address, uint32_t size, uint32_t total,
                             uint64_t rip)
{
    struct { uint64_t pc; uint16_t icount, size; } tb;
    if (s->uc_ctl != NULL && s->uc_ctl(uc, s->ctl_request_cache, rip, &tb) == 0 && tb.pc == rip
        && tb.pc + tb.size == address + size && tb.icount != 0 && tb.icount <= total)
        return total - tb.icount;
    return s->count(address, (uint32_t)(rip - address));
}

/* The cached entry for the code at [address, address + size) in `space`, or a free one for it
 * (then *fresh is set and the caller fills in its count). */
static struct icount_entry *find(struct icount_state *s, uint64_t address, uint32_t size, uint64_t space,
                                 int *fresh)
{
    struct icount_entry *e;
    uint64_t i = slot_of(address, space, s->mask);
    *fresh = 0;
    for (;;) {
        e = &s->table[i];
        if (e->size == 0)
            break;
        if (e->address == address && e->size == size && e->space == space)
            return e;
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
    s->used++;
    s->misses++;
    *fresh = 1;
    return e;
}

/* The CPU stops before the block about to run, which is then not counted. */
static void stop_before(void *uc, struct icount_state *s, uint32_t why)
{
    s->stopped = why;
    s->last = NULL;
    s->emu_stop(uc);
}

/* Everything but the common case: a stop, a clock tick, a block other than the last. */
static __attribute__((noinline)) void block_slow(void *uc, uint64_t address, uint32_t size,
                                                 struct icount_state *s)
{
    if (s->instructions >= s->deadline) {
        stop_before(uc, s, STOPPED_DEADLINE);
        return;
    }
    if (s->instructions >= s->tick_at) {
        int stop = ke_clock_tick(s);
        icount_update_stop(s);
        if (stop) {
            stop_before(uc, s, STOPPED_DEADLINE);
            return;
        }
    }
    int fresh;
    struct icount_entry *e = find(s, address, size, address < USER_LIMIT ? s->space : 0, &fresh);
    if (fresh)
        e->count = block_count(uc, address, size, s);
    if (s->instructions <= s->break_at && s->instructions + e->count > s->break_at) {
        /* The instruction after break_at is in this block: the dispatcher runs up to it by count. */
        stop_before(uc, s, STOPPED_BREAK);
        return;
    }
    s->last = e;
    s->instructions += e->count;
}

void icount_block_hook(void *uc, uint64_t address, uint32_t size, struct icount_state *s)
{
    /* The common case as a leaf function: the block that ran last runs again (a loop) and no
     * stop is due before its end. `last` is cleared when the address space changes, so it is
     * this space's. */
    struct icount_entry *e = s->last;
    uint64_t n = s->instructions;
    if (__builtin_expect(e != NULL && e->address == address && e->size == size && n + e->count <= s->stop_at, 1)) {
        s->instructions = n + e->count;
        return;
    }
    block_slow(uc, address, size, s);
}

/* The block entered last was cut short at `rip` (a gate that stopped the CPU, a fault, a stop
 * by count): only the instructions before rip retired, so the clock takes back the rest. */
void icount_cut(struct icount_state *s, void *uc, uint64_t rip)
{
    struct icount_entry *e = s->last;
    if (e == NULL || rip < e->address || rip >= e->address + e->size)
        return;
    uint64_t address = e->address;
    uint32_t size = e->size, total = e->count, done = 0;
    if (rip != address) {
        int fresh;
        struct icount_entry *prefix = find(s, address, (uint32_t)(rip - address), e->space, &fresh);
        if (fresh)
            prefix->count = prefix_count(uc, s, address, size, total, rip);
        done = prefix->count;
    }
    s->instructions -= total - done;
    s->last = NULL;
}

void icount_set_space(struct icount_state *s, uint64_t space)
{
    s->space = space;
    s->last = NULL;
}
