"""The balance set manager's starvation relief (KeBalanceSetManager, once a second): a thread
ready for about 4 s without running gets priority 15 for one quantum of three clock ticks,
then drops back to its base (kernel/ke/quantum.py ends the boost).

Called from the clock interrupt, with the dispatcher lock held; a mixin of the Dispatcher.
"""
from ..hal.icount import QUANTUM_PER_TICK
from .prcb import remove_ready

STARVATION_TICKS = 256              # ready but not run for ~4 s: the balance set manager boosts
BALANCE_SET_PERIOD = 64             # the balance set manager runs once a second
STARVATION_SCAN_LIMIT = 16          # threads it looks at per pass
STARVATION_PRIORITY = 15
STARVATION_QUANTUM = 3 * QUANTUM_PER_TICK


class BalanceSetManager:
    def _balance_set_manager(self) -> None:
        """Scan the ready lists below 15, highest first, at most STARVATION_SCAN_LIMIT threads."""
        ticks = self.clock.ticks
        scanned = 0
        for cpu in self.cpus:
            summary = cpu.ready_summary & ((1 << STARVATION_PRIORITY) - 1)
            while summary and scanned < STARVATION_SCAN_LIMIT:
                priority = summary.bit_length() - 1
                summary &= ~(1 << priority)
                for thread in cpu.threads_at(priority):
                    scanned += 1
                    if ticks - thread.wait_time >= STARVATION_TICKS:
                        remove_ready(self.words, thread)
                        thread.priority = STARVATION_PRIORITY
                        thread.starvation_boost = True
                        thread.quantum = STARVATION_QUANTUM
                        cpu.insert(thread, STARVATION_PRIORITY)
                        if self.events.wants("priority"):
                            self.events.emit("priority", time=self.now(), tid=thread.tid,
                                             priority=STARVATION_PRIORITY, reason="starvation")
                    if scanned >= STARVATION_SCAN_LIMIT:
                        break
