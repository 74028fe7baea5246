"""Thread scheduling: readying a thread on a processor's ready list (KiReadyThread,
KiSelectReadyProcessor), choosing the next thread (KiSelectNextThread), and what the services
ask of the dispatcher: yield, wait, terminate, boost, set priority. The ready lists and their
summary are the KPRCB's, in guest memory (kernel/ke/prcb.py).

Called with the dispatcher lock held; a mixin of the Dispatcher (kernel/ke/dispatcher.py).
"""
from unicorn.unicorn_py3.unicorn import uclib

from .kthread import Ready, Terminated, Waiting
from .prcb import remove_ready

_emu_stop = uclib.uc_emu_stop
MAX_BOOSTED_PRIORITY = 15
LOW_REALTIME_PRIORITY = 16


class ThreadScheduling:
    # -- KiReadyThread, KiSelectReadyProcessor
    def ready(self, thread, front: bool = False) -> None:
        """KiReadyThread: choose a processor for the thread and queue it there; a thread of
        higher priority than that processor's current one preempts it."""
        thread.state = Ready
        thread.wait_time = self.clock.ticks
        cpu = self._select_processor(thread)
        thread.next_processor = cpu.number
        priority = thread.priority
        cpu.insert(thread, priority, front)
        if cpu is self.executing and self.current is not None and priority > self.current.priority:
            self.stop_current("preempt")

    def _select_processor(self, thread):
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
        """Take a Ready thread off the ready list that holds it."""
        remove_ready(self.words, thread)

    # -- KiSelectNextThread
    def select(self, cpu):
        """The highest-priority thread queued on this processor, else one taken from another
        processor's list that may run here."""
        summary = self.words.d[cpu._summary]
        if summary:
            return cpu.pop(summary.bit_length() - 1)
        bit = 1 << cpu.number
        best = None
        for other in self.cpus:
            if other is cpu:
                continue
            summary = other.ready_summary
            while summary:
                priority = summary.bit_length() - 1
                summary &= ~(1 << priority)
                if best is not None and priority <= best[0]:
                    break
                thread = next((t for t in other.threads_at(priority) if t.affinity & bit), None)
                if thread is not None:
                    best = (priority, thread)
                    break
        if best is None:
            return None
        remove_ready(self.words, best[1])
        return best[1]

    # -- what the services call
    def stop_current(self, reason: str = "wait") -> None:
        """The running thread leaves the processor now (it waits, yields or ended)."""
        if self.executing is not None:
            self._switch_reason[self.executing.number] = reason
        _emu_stop(self._uch)

    def yield_current(self, thread) -> bool:
        """NtYieldExecution: to the back of its list if a thread of its priority or higher is
        ready on this processor."""
        cpu = self.executing
        if cpu is None:
            return False
        # KTHREAD.Priority, State and WaitTime and KPRCB.ReadySummary, read and written in
        # place (the properties' work, on the path every yield takes)
        mem, d = self.mem, self.words.d
        priority = mem[thread.priority_at]
        if not d[cpu._summary] >> priority:
            return False
        mem[thread.state_at] = Ready
        d[thread.wait_time_word] = self.clock.ticks & 0xFFFFFFFF
        cpu.insert(thread, priority)
        self._switch_reason[cpu.number] = "yield"        # stop_current
        _emu_stop(self._uch)
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
        """KiUnwaitThread's boost: base + increment, never above 15, never for real-time and never
        for a thread whose boost is disabled (SetProcessPriorityBoost: KTHREAD.DisableBoost, which a
        thread created later takes from its KPROCESS)."""
        base = thread.base_priority
        if increment <= 0 or base >= LOW_REALTIME_PRIORITY or thread.priority >= LOW_REALTIME_PRIORITY:
            return
        if thread.process.eprocess.Pcb.DisableBoost or thread.ethread.Tcb.DisableBoost:
            return
        boosted = min(base + increment, MAX_BOOSTED_PRIORITY)
        if boosted > thread.priority:
            thread.priority_decrement = boosted - base
            thread.priority = boosted
            thread.quantum = thread.quantum_reset
            if self.events.wants("priority"):
                self.events.emit("priority", time=self.now(), tid=thread.tid, priority=boosted, reason="boost")

    def set_priority(self, thread, priority: int) -> None:
        """KeSetPriorityThread: a queued thread moves lists; a running one that is no longer
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
