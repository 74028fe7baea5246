"""The dispatcher: per-processor ready queues by priority, processor selection, quantum,
preemption, priority boosts and their decay, the balance set manager's starvation relief, and
the loop that advances the processors through virtual time.

Virtual time is counted in retired instructions; a clock tick is `tick_instructions` of them.
The processors take turns in a fixed order: each runs up to the end of the current tick, then
the clock interrupt (KeUpdateSystemTime / KeUpdateRunTime) runs for all of them. A run is
therefore the same for any number of processors, every time.

A thread's CPU state lives in its own Unicorn context while it is not running. Switching
(KiSwapContext) restores the incoming thread's context, points the processor at its kernel
stack (KPRCB.RspBase, TSS.Rsp0) and reloads CR3 when the address space changes.
"""
import ctypes
import struct
from collections import deque

from unicorn.unicorn_py3.unicorn import uclib

from ..hal import cpustate as cs
from ..hal.icount import NO_DEADLINE, QUANTUM_PER_TICK
from ..layouts import LAYOUTS
from ..ps.objects import Initialized, Ready, Running, Terminated, Waiting
from .clock import VirtualClock

_Q = struct.Struct("<Q")
_emu_stop = uclib.uc_emu_stop
STARVATION_TICKS = 256              # ready but not run for ~4 s: the balance set manager boosts
BALANCE_SET_PERIOD = 64             # the balance set manager runs once a second
STARVATION_SCAN_LIMIT = 16          # threads it looks at per pass
STARVATION_PRIORITY = 15
STARVATION_QUANTUM = 3 * QUANTUM_PER_TICK
MAX_BOOSTED_PRIORITY = 15
LOW_REALTIME_PRIORITY = 16


_PRCB = LAYOUTS["KPCR"].offset("Prcb")
_OFF_CURRENT = _PRCB + LAYOUTS["KPRCB"].offset("CurrentThread")
_OFF_NEXT = _PRCB + LAYOUTS["KPRCB"].offset("NextThread")
_OFF_IDLE = _PRCB + LAYOUTS["KPRCB"].offset("IdleThread")
_OFF_RSPBASE = _PRCB + LAYOUTS["KPRCB"].offset("RspBase")


class Cpu:
    """One logical processor as the dispatcher sees it (its KPRCB holds the Windows fields)."""

    def __init__(self, processor, system):
        self.number = processor.number
        self.processor = processor
        self.kpcr = processor.kpcr
        self._pcr_pa = system.kernel_pa(processor.kpcr)
        self.current = None             # the thread it runs (None: idle)
        self.idle_thread = None
        self.ready_queues = [deque() for _ in range(32)]
        self.ready_summary = 0
        self.time = 0                   # virtual time reached, in instructions

    @property
    def idle(self) -> bool:
        return (self.current is None or self.current.state != Running) and not self.ready_summary


class Dispatcher:
    def __init__(self, kernel, processors, tick_instructions: int):
        self.kernel = kernel
        self.machine = kernel.machine
        self.mem = kernel.machine.phys.buffer
        self.cpus = [Cpu(p, kernel.system) for p in processors]
        self.active_mask = (1 << len(self.cpus)) - 1
        self.clock = VirtualClock(kernel.system, tick_instructions)
        self.counter = None             # the InstructionCounter, set by the kernel
        self.context_switches = 0
        self.executing = None           # the Cpu whose thread is in emu_start now
        self.current = None             # the thread in emu_start now
        self.deadlock = False
        self._uch = kernel.machine.uc._uch
        self._tss_pa = kernel.machine.tss_pa
        self._run_start = 0
        self.events = kernel.events
        self._switch_reason = {}        # cpu number -> why its thread left
        self._reap: list = []           # threads that ended on the processor, to reap after the run

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

    # -- ready queues (KiReadyThread, KiSelectReadyThread)
    def ready(self, thread, front: bool = False) -> None:
        """KiReadyThread: choose a processor for the thread and queue it there; a thread of
        higher priority than that processor's current one preempts it."""
        thread.state = Ready
        thread.wait_time = self.clock.ticks
        cpu = self._select_processor(thread)
        thread.next_processor = cpu.number
        priority = thread.priority
        queue = cpu.ready_queues[priority]
        if front:
            queue.appendleft(thread)
        else:
            queue.append(thread)
        cpu.ready_summary |= 1 << priority
        if cpu is self.executing and self.current is not None and priority > self.current.priority:
            self.stop_current("preempt")

    def _select_processor(self, thread) -> Cpu:
        """KiSelectReadyProcessor: an idle processor (ideal first, then the last one used), else
        the ideal processor if the affinity allows it, else the first allowed."""
        cpus = self.cpus
        if len(cpus) == 1:
            return cpus[0]
        allowed = thread.affinity & self.active_mask or self.active_mask
        ideal = thread.ideal_processor
        last = thread.next_processor
        for n in (ideal, last):
            if n < len(cpus) and allowed >> n & 1 and cpus[n].idle and cpus[n] is not self.executing:
                return cpus[n]
        for cpu in cpus:
            if allowed >> cpu.number & 1 and cpu.idle and cpu is not self.executing:
                return cpu
        if ideal < len(cpus) and allowed >> ideal & 1:
            return cpus[ideal]
        return cpus[(allowed & -allowed).bit_length() - 1]

    def remove(self, thread) -> None:
        """Take a Ready thread off whatever queue holds it."""
        priority = thread.priority
        for cpu in self.cpus:
            queue = cpu.ready_queues[priority]
            if thread in queue:
                queue.remove(thread)
                if not queue:
                    cpu.ready_summary &= ~(1 << priority)
                return

    def select(self, cpu):
        """KiSelectNextThread: the highest-priority thread queued on this processor, else one
        taken from another processor's queue that may run here."""
        summary = cpu.ready_summary
        if summary:
            priority = summary.bit_length() - 1
            queue = cpu.ready_queues[priority]
            thread = queue.popleft()
            if not queue:
                cpu.ready_summary = summary & ~(1 << priority)
            return thread
        best = None
        bit = 1 << cpu.number
        for other in self.cpus:
            if other is cpu or not other.ready_summary:
                continue
            summary = other.ready_summary
            while summary:
                priority = summary.bit_length() - 1
                summary &= ~(1 << priority)
                if best is not None and priority <= best[0]:
                    break
                for thread in other.ready_queues[priority]:
                    if thread.affinity & bit:
                        best = (priority, other, thread)
                        break
                else:
                    continue
                break
        if best is None:
            return None
        priority, other, thread = best
        queue = other.ready_queues[priority]
        queue.remove(thread)
        if not queue:
            other.ready_summary &= ~(1 << priority)
        return thread

    # -- context handling
    def new_context(self, template):
        ctx = self.machine.uc.context_save()
        ctypes.memmove(ctypes.cast(ctx.context, ctypes.c_void_p).value + cs.CONTEXT_HEADER,
                       ctypes.cast(template.context, ctypes.c_void_p).value + cs.CONTEXT_HEADER,
                       ctx.size - cs.CONTEXT_HEADER)
        return ctx

    def _run(self, cpu, thread) -> None:
        """KiSwapContext for the incoming thread (its processor's KPCR in its GS bases, its
        kernel stack in KPRCB.RspBase and TSS.Rsp0), then run it until the CPU stops."""
        view = thread.view
        if thread.last_cpu != cpu.number:
            # The processor's KPCR is what GS (or KERNEL_GS_BASE at ring 3) points at.
            if cs.cpl(view) == 0:
                _Q.pack_into(view, cs.OFF_SEGS + cs.SEG_GS * cs.SEG_SIZE + 8, cpu.kpcr)
            else:
                _Q.pack_into(view, self.machine.layout.kernel_gs_base, cpu.kpcr)
            thread.last_cpu = cpu.number
        mem = self.mem
        stack = thread.kernel_stack
        _Q.pack_into(mem, cpu._pcr_pa + _OFF_RSPBASE, stack)
        _Q.pack_into(mem, self._tss_pa + 4, stack)
        self.executing = cpu
        self.current = thread
        trace = self.kernel.trace
        limits = self.kernel.limits
        try:
            if limits is not None:
                limits.check()
            if trace is None:
                self.machine.run_thread(thread.context_handle, thread.blob_address, view)
            else:
                self.machine.run_thread(thread.context_handle, thread.blob_address, view,
                                        lambda: trace.context(cpu, thread), trace.finish)
            if limits is not None:
                limits.check()
        finally:
            self.executing = None
            self.current = None
        if self._reap:
            reap, self._reap = self._reap, []
            for ended in reap:
                self.kernel.thread_reaper(self.kernel, ended)

    def reap_after_run(self, thread) -> None:
        """The running thread ended: its stacks go back once it is off the processor."""
        self._reap.append(thread)

    def _switch(self, cpu, old, new, reason: str) -> None:
        """Account a context switch on `cpu` from `old` to `new` (None: its idle thread)."""
        if old is not None and old.cpu is cpu:
            old.cpu = None
        cpu.current = new
        if new is not None:
            last = new.cpu
            if last is not cpu:
                if last is not None:
                    last.current = None     # it last ran there; that processor picks anew
                new.cpu = cpu
            _Q.pack_into(self.mem, cpu._pcr_pa + _OFF_CURRENT, new.address)
            new.state = Running
            new.count_switch()
        else:
            _Q.pack_into(self.mem, cpu._pcr_pa + _OFF_CURRENT, cpu.idle_thread.address)
        self.context_switches += 1
        if self.events.wants("switch"):
            idle = cpu.idle_thread
            o = old if old is not None else idle
            n = new if new is not None else idle
            self.events.emit("switch", time=cpu.time, cpu=cpu.number, old_tid=o.tid, new_tid=n.tid,
                             old_pid=o.process.pid, new_pid=n.process.pid, reason=reason,
                             old_priority=o.priority, new_priority=n.priority,
                             old_state=o.state if old is not None else Ready)

    # -- what the services call
    def stop_current(self, reason: str = "wait") -> None:
        """The running thread leaves the processor now (it waits, yields or ended)."""
        if self.executing is not None:
            self._switch_reason[self.executing.number] = reason
        _emu_stop(self._uch)

    def yield_current(self, thread) -> bool:
        """NtYieldExecution: to the back of its queue if a thread of its priority or higher is
        ready on this processor."""
        cpu = self.executing
        priority = thread.priority
        if cpu is None or not cpu.ready_summary >> priority:
            return False
        thread.state = Ready
        thread.wait_time = self.clock.ticks
        cpu.ready_queues[priority].append(thread)
        cpu.ready_summary |= 1 << priority
        self.stop_current("yield")
        return True

    def block(self, thread, reason: str = "wait") -> None:
        """The thread enters a wait (KiCommitThreadWait): off the processor."""
        thread.state = Waiting
        thread.wait_time = self.clock.ticks
        if thread is self.current:
            self.stop_current(reason)

    def terminate(self, thread) -> None:
        if thread.state == Ready:
            self.remove(thread)
        thread.state = Terminated
        if thread is self.current:
            self.stop_current("terminate")

    def boost(self, thread, increment: int) -> None:
        """KiUnwaitThread's boost: base + increment, never above 15 and never for real-time."""
        base = thread.base_priority
        if increment <= 0 or base >= LOW_REALTIME_PRIORITY or thread.priority >= LOW_REALTIME_PRIORITY:
            return
        boosted = min(base + increment, MAX_BOOSTED_PRIORITY)
        if boosted > thread.priority:
            thread.priority_decrement = boosted - base
            thread.priority = boosted
            thread.quantum = thread.quantum_reset
            if self.events.wants("priority"):
                self.events.emit("priority", time=self.now(), tid=thread.tid, priority=boosted, reason="boost")

    def set_priority(self, thread, priority: int) -> None:
        """KeSetPriorityThread: a queued thread moves queues; a running one that is no longer
        the highest gives way at once."""
        if thread.state == Ready:
            self.remove(thread)
            thread.priority = priority
            self.ready(thread)
        else:
            thread.priority = priority
            cpu = self.executing
            if thread is self.current and cpu.ready_summary >> (priority + 1):
                self.stop_current("preempt")
        if self.events.wants("priority"):
            self.events.emit("priority", time=self.now(), tid=thread.tid, priority=priority, reason="set")

    # -- the clock interrupt
    def _clock_interrupt(self, ticks: int) -> None:
        """KeUpdateSystemTime (time, timers), KeUpdateRunTime (quantum) on every processor, and
        the balance set manager each second."""
        clock = self.clock
        for timer in clock.tick(ticks):
            timer.callback()
        for cpu in self.cpus:
            thread = cpu.current
            if thread is None or thread.state != Running:
                continue
            thread.quantum -= QUANTUM_PER_TICK * ticks
            if thread.quantum <= 0:
                self._quantum_end(cpu, thread, clock.ticks)
        if clock.ticks // BALANCE_SET_PERIOD != (clock.ticks - ticks) // BALANCE_SET_PERIOD:
            self._balance_set_manager()

    def _quantum_end(self, cpu, thread, ticks: int) -> None:
        """KiQuantumEnd: a new quantum; a boost decays by one level (a starvation boost ends);
        round robin if another thread of the same priority is ready here."""
        thread.quantum = thread.quantum_reset
        priority = thread.priority
        if thread.starvation_boost:
            thread.starvation_boost = False
            priority = thread.base_priority
            self._decay_to(thread, priority)
        elif LOW_REALTIME_PRIORITY > priority > thread.base_priority:
            priority -= 1
            self._decay_to(thread, priority)
        if cpu.ready_summary >> priority:
            thread.state = Ready
            thread.wait_time = ticks
            cpu.ready_queues[priority].append(thread)
            cpu.ready_summary |= 1 << priority
            self._switch_reason[cpu.number] = "quantum"

    def _decay_to(self, thread, priority: int) -> None:
        thread.priority = priority
        thread.priority_decrement = priority - thread.base_priority
        if self.events.wants("priority"):
            self.events.emit("priority", time=self.now(), tid=thread.tid, priority=priority, reason="decay")

    def _balance_set_manager(self) -> None:
        """KeBalanceSetManager: a thread ready for about 4 s without running gets priority 15
        for one quantum of three clock ticks, then drops back to its base."""
        ticks = self.clock.ticks
        scanned = 0
        for cpu in self.cpus:
            summary = cpu.ready_summary & ((1 << STARVATION_PRIORITY) - 1)
            while summary and scanned < STARVATION_SCAN_LIMIT:
                priority = summary.bit_length() - 1
                summary &= ~(1 << priority)
                queue = cpu.ready_queues[priority]
                for thread in list(queue):
                    scanned += 1
                    if ticks - thread.wait_time >= STARVATION_TICKS:
                        queue.remove(thread)
                        if not queue:
                            cpu.ready_summary &= ~(1 << priority)
                        thread.priority = STARVATION_PRIORITY
                        thread.starvation_boost = True
                        thread.quantum = STARVATION_QUANTUM
                        cpu.ready_queues[STARVATION_PRIORITY].append(thread)
                        cpu.ready_summary |= 1 << STARVATION_PRIORITY
                        if self.events.wants("priority"):
                            self.events.emit("priority", time=self.now(), tid=thread.tid,
                                             priority=STARVATION_PRIORITY, reason="starvation")
                    if scanned >= STARVATION_SCAN_LIMIT:
                        break

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
        try:
            while True:
                thread = cpu.current
                if thread is None or thread.state != Running or cpu.ready_summary >> (thread.priority + 1):
                    thread = self._next_thread(cpu)
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

    def _next_tick_stops(self, cpu) -> None:
        """Where the counter's hook takes its next tick, and the tick at which it must stop
        for the dispatcher (the next timer's, or the balance set manager's)."""
        st = self.counter.state
        clock = self.clock
        ticks = st.ticks
        self.counter.set_tick_at(st.instructions + (ticks + 1) * clock.tick_instructions - cpu.time)
        due = clock.next_due_tick()
        balance = (ticks // BALANCE_SET_PERIOD + 1) * BALANCE_SET_PERIOD
        st.stop_tick = due if due < balance else balance

    def _ticks_taken(self, cpu, thread, before: int, ticks: int) -> None:
        """The rest of the clock interrupt for the ticks (from `before` to `ticks`) the
        counter's hook took during a run: expired timers, the quantum end it stopped for, the
        balance set manager."""
        due = ticks >= self.counter.state.stop_tick
        if due:
            for timer in self.clock.expired():
                timer.callback()
        if thread.quantum <= 0 and thread.state == Running:
            self._quantum_end(cpu, thread, ticks)
        if due:
            if ticks // BALANCE_SET_PERIOD != before // BALANCE_SET_PERIOD:
                self._balance_set_manager()
            self._next_tick_stops(cpu)

    def _idle_until_timer(self, cpu) -> bool:
        """The idle thread runs until the next timer's tick; False when there is none."""
        clock = self.clock
        due = clock.next_due()
        if due is None:
            self.deadlock = any(t.state != Terminated for p in self.kernel.processes for t in p.threads)
            return False
        count = clock.ticks_until(due)
        cpu.time = (clock.ticks + count) * clock.tick_instructions
        self._clock_interrupt(count)
        self._next_tick_stops(cpu)
        return True

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

    def _next_thread(self, cpu):
        """KiSelectNextThread and KiSwapThread's accounting when the current thread cannot go
        on: it is preempted (back to the head of its queue with the rest of its quantum), or it
        left the processor. Returns the thread to run, or None for the idle thread."""
        reasons = self._switch_reason
        old = cpu.current
        if old is not None and old.state == Running:
            old.state = Ready
            cpu.ready_queues[old.priority].appendleft(old)
            cpu.ready_summary |= 1 << old.priority
            reasons.setdefault(cpu.number, "preempt")
        thread = self.select(cpu)
        reason = reasons.pop(cpu.number, "wait")
        if thread is None:
            if old is not None:
                self._switch(cpu, old, None, reason)
            return None
        if thread is not old:
            if thread.quantum <= 0:
                thread.quantum = thread.quantum_reset
            self._switch(cpu, old, thread, reason)
        else:
            thread.state = Running
        return thread

    def _run_cpu(self, cpu, end: int) -> bool:
        """Run this processor's threads until virtual time `end`; False if it only idled."""
        ran = False
        counter = self.counter
        while cpu.time < end:
            thread = cpu.current
            if thread is None or thread.state != Running or cpu.ready_summary >> (thread.priority + 1):
                thread = self._next_thread(cpu)
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

    # -- bookkeeping for thread creation
    def add_thread(self, thread) -> None:
        thread.quantum = thread.quantum_reset
        thread.state = Initialized

