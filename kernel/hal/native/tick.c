/*
 * The clock interrupt's fast half, taken in the counter's block hook when the count crosses a
 * tick boundary on a uniprocessor run: KeUpdateSystemTime's KUSER_SHARED_DATA update and
 * KeUpdateRunTime's quantum charge. Whatever needs the dispatcher (a quantum end, a timer
 * due, the balance set manager) stops the CPU instead, at that tick.
 */
#include <stdint.h>
#include <string.h>

#include "icount.h"

#define QUANTUM_PER_TICK 3
#define OFF_INTERRUPT_TIME 0x8
#define OFF_SYSTEM_TIME 0x14
#define OFF_TICK_COUNT 0x320
/* KUSER_SHARED_DATA.InterruptTime counts from power-on: the second the boot took comes first
 * (INTERRUPT_TIME_AT_BOOT of kernel/ke/clock.py). */
#define INTERRUPT_TIME_AT_BOOT 10000000ull

/* KSYSTEM_TIME: LowPart, High1Time, High2Time; readers compare High1 with High2. */
static void put_system_time(uint8_t *at, uint64_t value)
{
    uint32_t low = (uint32_t)value, high = (uint32_t)(value >> 32);
    memcpy(at + 8, &high, 4);
    memcpy(at, &low, 4);
    memcpy(at + 4, &high, 4);
}

/* One tick; nonzero when the dispatcher must run now. */
int ke_clock_tick(struct icount_state *s)
{
    s->ticks++;
    s->tick_at += s->tick_instructions;
    uint64_t interrupt_time = s->ticks * s->time_increment;
    put_system_time(s->kuser + OFF_INTERRUPT_TIME, INTERRUPT_TIME_AT_BOOT + interrupt_time);
    put_system_time(s->kuser + OFF_SYSTEM_TIME, s->boot_time + interrupt_time);
    put_system_time(s->kuser + OFF_TICK_COUNT, s->ticks);
    s->quantum -= QUANTUM_PER_TICK;
    return s->quantum <= 0 || s->ticks >= s->stop_tick;
}
