"""The dispatcher: the loop that advances the processors through virtual time, and the
Dispatcher that joins NT's parts of it, one file each: thread scheduling and the ready lists
(thrdschd.py, on the KPRCB's lists in prcb.py), the clock interrupt and quantum (quantum.py),
the balance set manager (balmgr.py) and the context switch (ctxswap.py).

Virtual time is counted in retired instructions; a clock tick is `tick_instructions` of them.
The processors take turns in a fixed order: each runs up to the end of the current tick, then
the clock interrupt (KeUpdateSystemTime / KeUpdateRunTime) runs for all of them. A run is
therefore the same for any number of processors, every time.
"""
from ..hal.icount import NO_DEADLINE
from .balmgr import BalanceSetManager
from .clock import VirtualClock
from .ctxswap import ContextSwap
from .kthread import (
    OFF_MUTANT_LIST_HEAD,
    OFF_QUANTUM_RESET,
    OFF_WAIT_LIST_ENTRY,
    Initialized,
    Ready,
    Running,
    Terminated,
)
from .lists import InitializeListHead
from .prcb import GuestWords, Prcb
from .quantum import ClockInterrupt
from .thrdschd import ThreadScheduling


class Dispatcher(ThreadScheduling, ClockInterrupt, BalanceSetManager, ContextSwap):
    def __init__(self, kernel, processors, tick_instructions: int):
        self.kernel = kernel
        self.machine = kernel.machine
        self.mem = kernel.machine.phys.buffer
        self.words = GuestWords(kernel.system)
        self.cpus = [Prcb(p, kernel.system, self.words) for p in processors]
        self._several = len(self.cpus) > 1
        self.active_mask = (1 << len(self.cpus)) - 1
        self.clock = VirtualClock(kernel.system, tick_instructions, kernel.boot_system_time)
        self.counter = None             # the InstructionCounter, set by the kernel
        self.context_switches = 0
        self.executing = None           # the Prcb whose thread is in emu_start now
        self.current = None             # the thread in emu_start now
        self.deadlock = False
        self._uch = kernel.machine.uc._uch
        self._tss_pa = kernel.machine.tss_pa
        self._run_start = 0
        self.events = kernel.events
        self._switch_reason = {}        # cpu number -> why its thread left
        self._reap: list = []           # threads that ended on the processor, to reap after the run
        self._break = None              # (instructions retired, callback) of the icount break
        self.dpc_queue: list = []       # callables the clock interrupt queued for after it (KiRetireDpcList)

    # -- time
    def now(self) -> int:
        """Virtual time in instructions on the processor that asks."""
        cpu = self.executing
        if cpu is None:
            return self.clock.ticks * self.clock.tick_instructions
        return cpu.time + self.counter.instructions - self._run_start

    def interrupt_time(self) -> int:
        clock = self.clock
        into = self.now() - clock.ticks * clock.tick_instructions
        return clock.interrupt_time(max(0, min(into, clock.tick_instructions)))

    # -- bookkeeping for thread creation
    def add_thread(self, thread) -> None:
        assert thread._pa == thread.address - self.words.delta, "a KTHREAD lives in nonpaged pool"
        assert not thread._pa & 7 and thread.address & 0xFFFFFFFF, "an 8-byte aligned KTHREAD, not the pool's first"
        words = self.words
        words.threads[thread.address] = thread
        words.kthreads[thread.address & 0xFFFFFFFF] = thread
        # KTHREAD.WaitListEntry, its link in a ready list, starts as an empty list (pool
        # addresses in both links); the ready lists use its pool offset and its links' low
        # halves as 32-bit words of the buffer (prcb.py, KThread.bind_kthread)
        InitializeListHead(words, thread.address + OFF_WAIT_LIST_ENTRY)
        words.entries[thread.wait_list_offset] = thread
        InitializeListHead(words, thread.address + OFF_MUTANT_LIST_HEAD)     # KeInitThread
        thread.quantum = thread.quantum_reset
        thread.state = Initialized

    def set_idle_thread(self, cpu, thread) -> None:
        """KPRCB.IdleThread (and CurrentThread, which it is until a thread is switched in)."""
        cpu.idle_thread = thread
        prcb = cpu.processor.pcr.Prcb
        prcb.IdleThread = thread.address
        prcb.CurrentThread = thread.address

    # -- the loop
    def run(self) -> None:
        if len(self.cpus) == 1:
            self._run_uniprocessor()
        else:
            self._run_multiprocessor()

    def _run_uniprocessor(self) -> None:
        """One processor: the counter's hook takes the clock ticks (KUSER_SHARED_DATA and the
        quantum charge) and stops the CPU only at a quantum end, at a tick where a timer is due
        or the balance set manager runs, or when a service takes the thread off the processor."""
        cpu = self.cpus[0]
        st = self.counter.state
        self.counter.set_deadline(NO_DEADLINE)
        self._next_tick_stops(cpu)
        # KPRCB.CurrentThread and ReadySummary, read in guest memory on every pass
        kthreads, d, mem = self.words.kthreads, self.words.d, self.mem
        current, summary = cpu._current << 1, cpu._summary     # CurrentThread's low half (a pool offset)
        try:
            while True:
                thread = kthreads.get(d[current])
                if thread is None or mem[thread.state_at] != Running \
                        or d[summary] >> (mem[thread.priority_at] + 1):
                    thread = self._next_thread(cpu, thread)
                    if thread is None:
                        if not self._idle_until_timer(cpu):
                            return
                        continue
                else:
                    self._switch_reason.pop(cpu.number, None)
                start = self._run_start = st.instructions
                ticks = st.ticks
                st.quantum = thread.quantum
                self._run(cpu, thread)
                cpu.time += st.instructions - start
                thread.quantum = st.quantum
                now = st.ticks
                if now != ticks:
                    self._ticks_taken(cpu, thread, ticks, now)
        finally:
            self.counter.set_tick_at(NO_DEADLINE)

    def _run_multiprocessor(self) -> None:
        clock = self.clock
        tick = clock.tick_instructions
        cpus = self.cpus
        while True:
            end = (clock.ticks + 1) * tick
            busy = False
            for cpu in cpus:
                if self._run_cpu(cpu, end):
                    busy = True
            if busy or any(cpu.ready_summary for cpu in cpus):
                self._clock_interrupt(1)
                continue
            # Every processor idled through this tick: sleep until the next timer, if any.
            due = clock.next_due()
            if due is None:
                self.deadlock = any(t.state != Terminated for p in self.kernel.processes for t in p.threads)
                return
            extra = clock.ticks_until(due) - 1
            for cpu in cpus:
                cpu.time += extra * tick
            self._clock_interrupt(1 + extra)

    def _next_thread(self, cpu, old):
        """KiSelectNextThread and KiSwapThread's accounting when the processor's current thread
        `old` cannot go on: it is preempted (back to the head of its list with the rest of its
        quantum), or it left the processor. Returns the thread to run, or None for the idle
        thread."""
        reasons = self._switch_reason
        mem = self.mem
        if old is not None and mem[old.state_at] == Running:
            mem[old.state_at] = Ready
            cpu.insert(old, mem[old.priority_at], front=True)
            reasons.setdefault(cpu.number, "preempt")
        thread = self.select(cpu)
        reason = reasons.pop(cpu.number, "wait")
        if thread is None:
            if old is not None:
                self._switch(cpu, old, None, reason)
            return None
        if thread is not old:
            if thread.quantum <= 0:
                thread.quantum = mem[thread._pa + OFF_QUANTUM_RESET]
            self._switch(cpu, old, thread, reason)
        else:
            mem[thread.state_at] = Running
        return thread

    def _run_cpu(self, cpu, end: int) -> bool:
        """Run this processor's threads until virtual time `end`; False if it only idled."""
        ran = False
        counter = self.counter
        while cpu.time < end:
            thread = cpu.current
            if thread is None or thread.state != Running or cpu.ready_summary >> (thread.priority + 1):
                thread = self._next_thread(cpu, thread)
                if thread is None:
                    cpu.time = end
                    break
            else:
                self._switch_reason.pop(cpu.number, None)
            ran = True
            start = counter.instructions
            self._run_start = start
            counter.set_deadline(start + (end - cpu.time))
            self._run(cpu, thread)
            cpu.time += counter.instructions - start
        return ran
