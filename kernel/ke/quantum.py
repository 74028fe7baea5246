"""The clock interrupt's dispatcher half: KeUpdateSystemTime's timers, KeUpdateRunTime's
run-time and quantum charge, KiQuantumEnd (a new quantum, the decay of a boost, round robin among equals),
and on one processor the ticks the counter's hook took itself (kernel/hal/native/tick.c).

Called with the dispatcher lock held; a mixin of the Dispatcher (kernel/ke/dispatcher.py).
"""
from ..hal.icount import QUANTUM_PER_TICK
from .balmgr import BALANCE_SET_PERIOD
from .kthread import OFF_BASE_PRIORITY, OFF_QUANTUM_RESET, Ready, Running, Terminated
from .thrdschd import LOW_REALTIME_PRIORITY


class ClockInterrupt:
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
            thread.charge_ticks(ticks)
            thread.quantum -= QUANTUM_PER_TICK * ticks
            if thread.quantum <= 0:
                self._quantum_end(cpu, thread, clock.ticks)
        if clock.ticks // BALANCE_SET_PERIOD != (clock.ticks - ticks) // BALANCE_SET_PERIOD:
            self._balance_set_manager()
        if self.dpc_queue:
            self._retire_dpcs()

    def _retire_dpcs(self) -> None:
        """KiRetireDpcList: the work the charge queued (a job's time limit ends processes),
        once the interrupt is done with every processor's thread."""
        while self.dpc_queue:
            self.dpc_queue.pop(0)()

    def _quantum_end(self, cpu, thread, ticks: int) -> None:
        """KiQuantumEnd: a new quantum; a boost decays by one level (a starvation boost ends);
        round robin if another thread of the same priority is ready here."""
        # KTHREAD.QuantumReset, Priority, BasePriority, State and WaitTime read and written in
        # place (the properties' work, on the path every quantum end takes)
        mem, pa = self.mem, thread._pa
        thread.quantum = mem[pa + OFF_QUANTUM_RESET]
        priority = mem[thread.priority_at]
        if thread.starvation_boost:
            thread.starvation_boost = False
            priority = mem[pa + OFF_BASE_PRIORITY]
            self._decay_to(thread, priority)
        elif LOW_REALTIME_PRIORITY > priority > mem[pa + OFF_BASE_PRIORITY]:
            priority -= 1
            self._decay_to(thread, priority)
        d = self.words.d
        if d[cpu._summary] >> priority:
            mem[thread.state_at] = Ready
            d[thread.wait_time_word] = ticks & 0xFFFFFFFF
            cpu.insert(thread, priority)
            self._switch_reason[cpu.number] = "quantum"

    def _decay_to(self, thread, priority: int) -> None:
        thread.priority = priority
        thread.priority_decrement = priority - thread.base_priority
        if self.events.wants("priority"):
            self.events.emit("priority", time=self.now(), tid=thread.tid, priority=priority, reason="decay")

    # -- one processor: the counter's hook takes the ticks
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
        balance set manager. The thread ran through those ticks: KeUpdateRunTime charges them."""
        thread.charge_ticks(ticks - before)
        due = ticks >= self.counter.state.stop_tick
        if due:
            for timer in self.clock.expired():
                timer.callback()
        if thread.quantum <= 0 and self.mem[thread.state_at] == Running:
            self._quantum_end(cpu, thread, ticks)
        if due:
            if ticks // BALANCE_SET_PERIOD != before // BALANCE_SET_PERIOD:
                self._balance_set_manager()
            self._next_tick_stops(cpu)
        if self.dpc_queue:
            self._retire_dpcs()

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
