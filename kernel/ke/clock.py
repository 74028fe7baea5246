"""Virtual time: the clock tick is a fixed number of retired guest instructions.

One tick stands for 15.625 ms (KeMaximumIncrement, 156250 units of 100 ns), so the guest sees
time pass at the rate it executes, identically on every run. KeUpdateSystemTime advances
KUSER_SHARED_DATA's InterruptTime, SystemTime and TickCount at each tick and expires timers
(wait timeouts and delays), which are kept by due interrupt time.

The tick count lives in the instruction counter's state once the clock is attached to it: on a
uniprocessor run the counter's hook takes the ticks itself (kernel/hal/native/tick.c) and
stops the CPU only at a tick where the dispatcher has work (`stop_tick`, or a quantum end).
"""
import heapq
import struct

from ..hal.icount import NO_DEADLINE
from ..mm.system import KUSER_SHARED_DATA_KERNEL
from .boot import BOOT_SYSTEM_TIME

TIME_INCREMENT = 156250             # 100 ns units per tick (15.625 ms)
DEFAULT_TICK_INSTRUCTIONS = 1_000_000
PERFORMANCE_FREQUENCY = 10_000_000  # NtQueryPerformanceCounter counts 100 ns units
# A timer due later than this (about 14,600 years of interrupt time) never expires: KSYSTEM_TIME's
# High1Time is a signed 32-bit half, and no run gets there.
TIMER_HORIZON = 1 << 62
# KUSER_SHARED_DATA.InterruptTime counts from power-on, as on Windows, where it is never zero once a
# program runs: it carries the second the machine took to boot before the executive's first tick
# (so it reads 1 s at tick 0). The executive's own interrupt time (due times, the performance
# counter) and the tick count start at 0. kernel/hal/native/tick.c adds the same constant.
INTERRUPT_TIME_AT_BOOT = 10_000_000

_KSYSTEM_TIME = struct.Struct("<IiI")   # LowPart, High1Time, High2Time
_TICK = struct.Struct("<Q")
OFF_INTERRUPT_TIME = 0x8
OFF_SYSTEM_TIME = 0x14
OFF_TICK_COUNT = 0x320


class Timer:
    """A due time and what to do then (KTIMER's role for waits and delays)."""

    __slots__ = ("due", "callback", "cancelled")

    def __init__(self, due: int, callback):
        self.due = due
        self.callback = callback
        self.cancelled = False


class _TickCount:
    __slots__ = ("ticks", "stop_tick")

    def __init__(self):
        self.ticks = 0
        self.stop_tick = 0


class VirtualClock:
    def __init__(self, system, tick_instructions: int = DEFAULT_TICK_INSTRUCTIONS, boot_time: int = BOOT_SYSTEM_TIME):
        if tick_instructions < 1000:
            raise ValueError("a clock tick must be at least 1000 instructions")
        self.tick_instructions = tick_instructions
        self.boot_time = boot_time      # SystemTime at tick 0
        self._st = _TickCount()         # until attached: then the counter's state
        self._kuser_pa = system.kernel_pa(KUSER_SHARED_DATA_KERNEL)
        self._kuser_host = system.phys.address + self._kuser_pa
        self._mem = system.phys.buffer
        self._timers: list = []
        self._seq = 0
        self._publish()

    def attach(self, counter) -> None:
        """Keep the tick count in the counter's state, where its hook can take ticks."""
        counter.state.ticks = self._st.ticks
        counter.attach_clock(self.tick_instructions, self._kuser_host, TIME_INCREMENT, self.boot_time,
                             self._publish)
        self._st = counter.state

    @property
    def ticks(self) -> int:
        return self._st.ticks

    # -- reading the time
    def interrupt_time(self, instructions_into_tick: int = 0) -> int:
        """KeQueryInterruptTime, 100 ns units since boot, precise to the instruction."""
        return (self.ticks * TIME_INCREMENT
                + instructions_into_tick * TIME_INCREMENT // self.tick_instructions)

    def system_time(self, instructions_into_tick: int = 0) -> int:
        return self.boot_time + self.interrupt_time(instructions_into_tick)

    # -- KeUpdateSystemTime
    def tick(self, count: int = 1) -> list:
        """Advance by `count` ticks; returns the timers that expired, in due order."""
        self._st.ticks += count
        self._publish()
        return self.expired()

    def expired(self) -> list:
        """The timers due by now (the current tick), in due order, taken off the queue."""
        timers = self._timers
        now = self._st.ticks * TIME_INCREMENT
        if not timers or timers[0][0] > now:
            return []
        expired = []
        while timers and timers[0][0] <= now:
            timer = heapq.heappop(timers)[2]
            if not timer.cancelled:
                expired.append(timer)
        return expired

    def _publish(self) -> None:
        mem, pa = self._mem, self._kuser_pa
        itime = self.interrupt_time()
        stime = self.boot_time + itime
        # Readers take High1Time, LowPart, then compare High2Time: write High2 first, High1 last.
        shown = INTERRUPT_TIME_AT_BOOT + itime
        _KSYSTEM_TIME.pack_into(mem, pa + OFF_INTERRUPT_TIME, shown & 0xFFFFFFFF, shown >> 32, shown >> 32)
        _KSYSTEM_TIME.pack_into(mem, pa + OFF_SYSTEM_TIME, stime & 0xFFFFFFFF, stime >> 32, stime >> 32)
        _KSYSTEM_TIME.pack_into(mem, pa + OFF_TICK_COUNT, self.ticks & 0xFFFFFFFF, self.ticks >> 32,
                                self.ticks >> 32)

    # -- timers (KeSetTimer / KeCancelTimer)
    def set_timer(self, due: int, callback) -> Timer:
        timer = Timer(due, callback)
        if due > TIMER_HORIZON:
            return timer                # never due: the wait is as good as infinite
        self._seq += 1
        heapq.heappush(self._timers, (due, self._seq, timer))
        tick = self.due_tick(due)
        if tick < self._st.stop_tick:
            self._st.stop_tick = tick           # a hook taking ticks must stop there
        return timer

    @staticmethod
    def cancel(timer: Timer) -> None:
        timer.cancelled = True

    def next_due(self) -> int | None:
        timers = self._timers
        while timers and timers[0][2].cancelled:
            heapq.heappop(timers)
        return timers[0][0] if timers else None

    def next_due_tick(self) -> int:
        """The tick at which the next timer expires (NO_DEADLINE: none is set)."""
        due = self.next_due()
        return NO_DEADLINE if due is None else self.due_tick(due)

    @staticmethod
    def due_tick(due: int) -> int:
        """The tick at which a timer due at interrupt time `due` expires."""
        return max(0, -(-due // TIME_INCREMENT))

    def ticks_until(self, due: int) -> int:
        """How many ticks until interrupt time reaches `due` (at least one)."""
        remaining = due - self.interrupt_time()
        return max(1, -(-remaining // TIME_INCREMENT))
