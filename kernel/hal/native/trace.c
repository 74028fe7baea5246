/*
 * Instruction trace capture: a UC_HOOK_CODE callback in C that records each executed
 * instruction compactly, to be decoded (disassembled, symbolised, formatted) afterwards.
 *
 * Each unique instruction (address, address space, bytes) is described once by the Python side
 * (capstone, at its first execution): which registers it writes and which memory it accesses.
 * Per execution the hook then records the instruction's id, its virtual time, the values of the
 * registers it wrote (read when the next instruction starts, or when the CPU stops) and its
 * memory accesses with their values (reads before it runs, writes after). Memory operands are
 * computed from the registers and translated through the guest's own page tables.
 *
 * Records in the buffer, drained to a file (little-endian; varint = unsigned LEB128):
 *   instruction: u32 (id << 3 | 4 if a time follows | 2 if it faulted | 1), [u64 time: when it
 *                is not the previous one's + 1], each written register (none if it faulted):
 *                varint(value XOR the register's last recorded value), XMM registers as 16 raw
 *                bytes; each memory access of the instruction: u8 (1 if the value is known),
 *                varint(address XOR the last recorded address), value[size] if known
 *   event:       u8 2, u8 0, u16 0, u32 length, payload[length] (from the executive); after
 *                an event, the last recorded registers and address count as zero again
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "icount.h"

typedef int (*reg_read_fn)(void *uc, int regid, void *value);
typedef int (*define_fn)(uint64_t address, uint32_t size, const uint8_t *bytes, uint32_t id, void *info);
typedef long (*write_fn)(int fd, const void *data, unsigned long size);

#define MAX_WRITES 12
#define MAX_MEM 3
#define VALUE_MAX 64
#define SLOT_RIP 0xFE
#define SLOT_NONE 0xFF
#define FIRST_XMM 17
#define MAX_RANGES 16
#define TLB_SIZE 256

enum { TAG_EVENT = 2 };
enum { ACCESS_READ = 1, ACCESS_WRITE = 2 };
enum { WORD_INSN = 1, WORD_FAULTED = 2, WORD_TIME = 4 };

struct mem_op {
    uint8_t base, index;        /* register slots, SLOT_RIP, or SLOT_NONE */
    uint8_t scale, size;
    uint8_t access;             /* ACCESS_READ | ACCESS_WRITE */
    uint8_t seg;                /* 0, 1 = FS, 2 = GS */
    uint8_t pad[2];
    int64_t disp;
};

struct insn_info {
    uint64_t address;
    uint64_t space;
    uint8_t size, nwrites, nmem, pad;
    uint8_t bytes[16];
    uint8_t writes[MAX_WRITES];
    struct mem_op mem[MAX_MEM];
    uint32_t succ;              /* id + 1 of the instruction that followed it last time */
    uint32_t pad2;
};

struct pending_mem {
    uint64_t va;
    uint8_t access, size, valid, pad;
    uint8_t value[VALUE_MAX];
};

struct trace_state {
    struct icount_state *ic;
    reg_read_fn reg_read;
    define_fn define;
    write_fn write;             /* the C library's write(2), and where the trace goes */
    int64_t fd;
    uint8_t *phys;
    uint64_t phys_size;
    int32_t regids[FIRST_XMM + 16];
    int32_t fs_base_id, gs_base_id;
    /* output buffer */
    uint8_t *buf;
    uint64_t len, cap;
    /* filters */
    uint32_t enabled;           /* the thread filter: set by the executive at each switch */
    uint32_t nranges;
    uint64_t range_lo[MAX_RANGES], range_hi[MAX_RANGES];
    uint64_t start_address, stop_address, start_time, stop_time;
    uint32_t started, stopped;
    uint64_t ring_lo, ring_hi;  /* the --ring filter: ring_lo <= address <= ring_hi */
    /* the instruction table */
    struct insn_info *infos;
    uint32_t ninfos, infos_cap;
    uint32_t *slots;            /* hash: id + 1, 0 empty */
    uint64_t slot_mask;
    /* software TLB over the guest page tables */
    uint64_t tlb_space;
    uint64_t tlb_tag[TLB_SIZE], tlb_frame[TLB_SIZE];
    /* the instruction that ran last, finished when the next one starts */
    void *uc;
    uint32_t pending, pend_id;
    uint64_t pend_time;
    /* the position in the running block: a new block has begun when the count has moved */
    uint64_t block_seen, block_index;
    struct pending_mem pend_mem[MAX_MEM];
    int64_t prev_id;            /* the instruction looked up last, for the successor hint */
    uint64_t last_time;
    uint64_t last_va;
    uint64_t last_reg[FIRST_XMM];
    int64_t error;              /* a failed write: errno-style, the capture stops recording */
};

#define USER_LIMIT 0x0000800000000000ULL

/* -- guest virtual to physical, through the page tables of the current address space */
static int walk(struct trace_state *t, uint64_t va, uint64_t *frame)
{
    uint64_t table = t->ic->space & 0x000FFFFFFFFFF000ULL;
    int shift = 39;
    for (int level = 0; level < 4; level++, shift -= 9) {
        uint64_t pa = table + ((va >> shift) & 0x1FF) * 8;
        if (pa + 8 > t->phys_size)
            return 0;
        uint64_t e;
        memcpy(&e, t->phys + pa, 8);
        if (!(e & 1))
            return 0;
        table = e & 0x000FFFFFFFFFF000ULL;
        if (level > 0 && level < 3 && (e & 0x80)) {       /* a 1 GB or 2 MB page */
            uint64_t span = 1ULL << shift;
            *frame = (table & ~(span - 1)) + (va & (span - 1) & ~0xFFFULL);
            return 1;
        }
    }
    *frame = table;
    return 1;
}

static inline int translate(struct trace_state *t, uint64_t va, uint64_t *pa)
{
    if (t->tlb_space != t->ic->space) {
        memset(t->tlb_tag, 0, sizeof t->tlb_tag);
        t->tlb_space = t->ic->space;
    }
    uint64_t page = va >> 12;
    unsigned i = (unsigned)(page ^ (page >> 8)) & (TLB_SIZE - 1);
    if (t->tlb_tag[i] != ((page << 1) | 1)) {
        uint64_t frame;
        if (!walk(t, va, &frame) || frame + 0x1000 > t->phys_size)
            return 0;
        t->tlb_tag[i] = (page << 1) | 1;
        t->tlb_frame[i] = frame;
    }
    *pa = t->tlb_frame[i] | (va & 0xFFF);
    return 1;
}

/* Copy guest virtual memory; 0 when part of it is not mapped. */
static int read_virtual(struct trace_state *t, uint64_t va, uint8_t *out, unsigned n)
{
    while (n) {
        uint64_t pa;
        if (!translate(t, va, &pa))
            return 0;
        unsigned chunk = 0x1000 - (unsigned)(va & 0xFFF);
        if (chunk > n)
            chunk = n;
        memcpy(out, t->phys + pa, chunk);
        out += chunk;
        va += chunk;
        n -= chunk;
    }
    return 1;
}

void trace_flush_tlb(struct trace_state *t)
{
    memset(t->tlb_tag, 0, sizeof t->tlb_tag);
}

/* -- the output buffer, drained straight to the trace file */
int trace_drain(struct trace_state *t)
{
    uint64_t done = 0;
    while (done < t->len && t->error == 0) {
        long n = t->write((int)t->fd, t->buf + done, t->len - done);
        if (n <= 0)
            t->error = n == 0 ? -1 : n;
        else
            done += (uint64_t)n;
    }
    t->len = 0;
    return t->error == 0;
}

static inline uint8_t *reserve(struct trace_state *t, uint64_t n)
{
    if (t->len + n > t->cap && (!trace_drain(t) || n > t->cap))
        return NULL;
    return t->buf + t->len;
}

static inline uint8_t *varint(uint8_t *p, uint64_t v)
{
    while (v >= 0x80) {
        *p++ = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    *p++ = (uint8_t)v;
    return p;
}

/* -- finishing the instruction that ran last: its register and memory results */
static void finish(struct trace_state *t, int faulted)
{
    struct insn_info *info = &t->infos[t->pend_id];
    t->pending = 0;
    unsigned nregs = faulted ? 0 : info->nwrites;
    uint8_t *p = reserve(t, 12 + (uint64_t)nregs * 16 + (uint64_t)info->nmem * (11 + VALUE_MAX));
    if (p == NULL)
        return;
    uint8_t *start = p;
    uint32_t word = t->pend_id << 3 | WORD_INSN | (faulted ? WORD_FAULTED : 0);
    int timed = t->pend_time != t->last_time + 1;
    if (timed)
        word |= WORD_TIME;
    memcpy(p, &word, 4);
    p += 4;
    if (timed) {
        memcpy(p, &t->pend_time, 8);
        p += 8;
    }
    t->last_time = t->pend_time;
    for (unsigned i = 0; i < nregs; i++) {
        unsigned slot = info->writes[i];
        if (slot >= FIRST_XMM) {
            uint8_t value[16] = {0};
            t->reg_read(t->uc, t->regids[slot], value);
            memcpy(p, value, 16);
            p += 16;
        } else {
            uint64_t value = 0;
            t->reg_read(t->uc, t->regids[slot], &value);
            p = varint(p, value ^ t->last_reg[slot]);
            t->last_reg[slot] = value;
        }
    }
    for (unsigned i = 0; i < info->nmem; i++) {
        struct pending_mem *m = &t->pend_mem[i];
        if (faulted)            /* the access did not happen */
            m->valid = 0;
        else if (m->access == ACCESS_WRITE && m->valid)
            m->valid = (uint8_t)read_virtual(t, m->va, m->value, m->size);
        *p++ = m->valid;
        p = varint(p, m->va ^ t->last_va);
        t->last_va = m->va;
        if (m->valid) {
            memcpy(p, m->value, m->size);
            p += m->size;
        }
    }
    t->len += (uint64_t)(p - start);
}

/* The CPU stopped, or a fault is being delivered: the pending instruction ends here. */
void trace_finish(struct trace_state *t, int faulted)
{
    if (t->pending)
        finish(t, faulted);
}

void trace_event(struct trace_state *t, const uint8_t *payload, uint32_t length)
{
    if (t->pending)
        finish(t, 0);
    uint8_t *p = reserve(t, 8 + (uint64_t)length);
    if (p == NULL)
        return;
    p[0] = TAG_EVENT;
    p[1] = p[2] = p[3] = 0;
    memcpy(p + 4, &length, 4);
    memcpy(p + 8, payload, length);
    t->len += 8 + (uint64_t)length;
    t->last_va = 0;
    memset(t->last_reg, 0, sizeof t->last_reg);
}

/* -- the instruction table: (address, space) -> id, checked against the bytes */
static inline uint64_t hash_of(uint64_t address, uint64_t space)
{
    return ((address ^ (space * 0x9E3779B97F4A7C15ULL)) * 0xFF51AFD7ED558CCDULL) >> 24;
}

static int grow_slots(struct trace_state *t)
{
    uint64_t size = (t->slot_mask + 1) * 2;
    uint32_t *slots = calloc(size, sizeof *slots);
    if (slots == NULL)
        return 0;
    free(t->slots);
    t->slots = slots;
    t->slot_mask = size - 1;
    for (uint32_t id = 0; id < t->ninfos; id++) {
        struct insn_info *e = &t->infos[id];
        uint64_t i = hash_of(e->address, e->space) & t->slot_mask;
        while (slots[i] != 0) {
            struct insn_info *o = &t->infos[slots[i] - 1];
            if (o->address == e->address && o->space == e->space)
                break;          /* a newer id for the same place (code that changed) wins */
            i = (i + 1) & t->slot_mask;
        }
        slots[i] = id + 1;
    }
    return 1;
}

static int32_t lookup(struct trace_state *t, uint64_t address, uint32_t size)
{
    uint64_t space = address < USER_LIMIT ? t->ic->space : 0;
    uint8_t copy[16];
    const uint8_t *bytes;
    uint64_t pa;
    if (size > 15)
        return -1;
    if ((address & 0xFFF) + size <= 0x1000) {
        if (!translate(t, address, &pa))
            return -1;
        bytes = t->phys + pa;
    } else {
        if (!read_virtual(t, address, copy, size))
            return -1;
        bytes = copy;
    }
    /* Straight-line code and loops: the successor seen last time, checked like any hit. */
    if (t->prev_id >= 0) {
        uint32_t guess = t->infos[t->prev_id].succ;
        if (guess) {
            struct insn_info *e = &t->infos[guess - 1];
            if (e->address == address && e->space == space && e->size == size &&
                memcmp(e->bytes, bytes, size) == 0)
                return (int32_t)(guess - 1);
        }
    }
    uint64_t i = hash_of(address, space) & t->slot_mask;
    while (t->slots[i] != 0) {
        struct insn_info *e = &t->infos[t->slots[i] - 1];
        if (e->address == address && e->space == space) {
            if (e->size == size && memcmp(e->bytes, bytes, size) == 0)
                return (int32_t)(t->slots[i] - 1);
            break;              /* the code changed: describe it anew in this slot */
        }
        i = (i + 1) & t->slot_mask;
    }
    if (t->ninfos == t->infos_cap) {
        uint32_t cap = t->infos_cap * 2;
        struct insn_info *infos = realloc(t->infos, cap * sizeof *infos);
        if (infos == NULL)
            return -1;
        t->infos = infos;
        t->infos_cap = cap;
    }
    uint32_t id = t->ninfos;
    struct insn_info *e = &t->infos[id];
    memset(e, 0, sizeof *e);
    e->address = address;
    e->space = space;
    e->size = (uint8_t)size;
    memcpy(e->bytes, bytes, size);
    if (t->define(address, size, bytes, id, e) != 0)
        e->nwrites = e->nmem = 0;
    t->ninfos++;
    int fresh = t->slots[i] == 0;
    t->slots[i] = id + 1;
    if (fresh && (uint64_t)t->ninfos * 2 > t->slot_mask)
        grow_slots(t);
    return (int32_t)id;
}

static inline uint64_t reg(struct trace_state *t, unsigned slot)
{
    uint64_t v = 0;
    t->reg_read(t->uc, t->regids[slot], &v);
    return v;
}

/* -- the hook: once per executed instruction in the traced range */
void trace_code_hook(void *uc, uint64_t address, uint32_t size, struct trace_state *t)
{
    struct icount_state *ic = t->ic;
    if (ic->instructions != t->block_seen) {
        t->block_seen = ic->instructions;
        t->block_index = 0;
    }
    uint64_t time = ic->instructions - ic->last->count + t->block_index++;
    t->uc = uc;
    if (t->pending)
        finish(t, 0);
    if (!t->enabled)
        return;
    if (!t->started) {
        if (t->stopped || (address != t->start_address && time < t->start_time))
            return;
        t->started = 1;
    }
    if (address == t->stop_address || time >= t->stop_time) {
        t->started = 0;
        t->stopped = 1;
        return;
    }
    if (address < t->ring_lo || address > t->ring_hi)
        return;
    if (t->nranges) {
        unsigned r = 0;
        while (r < t->nranges && !(address >= t->range_lo[r] && address < t->range_hi[r]))
            r++;
        if (r == t->nranges)
            return;
    }
    int32_t id = lookup(t, address, size);
    if (id < 0)
        return;
    if (t->prev_id >= 0)
        t->infos[t->prev_id].succ = (uint32_t)id + 1;
    t->prev_id = id;
    struct insn_info *info = &t->infos[id];
    for (unsigned i = 0; i < info->nmem; i++) {
        struct mem_op *op = &info->mem[i];
        struct pending_mem *m = &t->pend_mem[i];
        uint64_t va = (uint64_t)op->disp;
        if (op->base == SLOT_RIP)
            va += address + size;
        else if (op->base != SLOT_NONE)
            va += reg(t, op->base);
        if (op->index != SLOT_NONE)
            va += reg(t, op->index) * op->scale;
        if (op->seg) {
            uint64_t base = 0;
            t->reg_read(uc, op->seg == 1 ? t->fs_base_id : t->gs_base_id, &base);
            va += base;
        }
        m->va = va;
        m->access = op->access;
        m->size = op->size > VALUE_MAX ? VALUE_MAX : op->size;
        m->valid = 1;
        if (op->access == ACCESS_READ)
            m->valid = (uint8_t)read_virtual(t, va, m->value, m->size);
    }
    t->pend_id = (uint32_t)id;
    t->pend_time = time;
    t->pending = 1;
}

/* -- set-up */
int trace_init(struct trace_state *t, uint64_t capacity)
{
    t->buf = malloc(capacity);
    t->cap = capacity;
    t->len = 0;
    t->infos_cap = 4096;
    t->infos = malloc(t->infos_cap * sizeof *t->infos);
    t->slot_mask = 8191;
    t->slots = calloc(t->slot_mask + 1, sizeof *t->slots);
    t->stop_time = UINT64_MAX;
    t->last_time = UINT64_MAX;
    t->prev_id = -1;
    t->ring_hi = UINT64_MAX;
    t->block_seen = UINT64_MAX;
    return t->buf != NULL && t->infos != NULL && t->slots != NULL;
}

void trace_free(struct trace_state *t)
{
    free(t->buf);
    free(t->infos);
    free(t->slots);
    t->buf = NULL;
    t->infos = NULL;
    t->slots = NULL;
}

uint64_t trace_state_size(void)
{
    return sizeof(struct trace_state);
}

uint64_t trace_info_size(void)
{
    return sizeof(struct insn_info);
}
