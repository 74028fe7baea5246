"""The context switch (KiSwapContext): account the switch in the KPRCB (CurrentThread, the
switch counts) and the switch event, load the incoming thread's processor state (its KPCR in
its GS bases, its kernel stack in KPRCB.RspBase and TSS.Rsp0) and run it until the CPU stops;
and the break at an instruction count, which stops a run at one exact instruction.

A thread's CPU state lives in its own Unicorn context while it is not running; CR3 is reloaded
only when the address space changes (kernel/hal/machine.py).

Called with the dispatcher lock held; a mixin of the Dispatcher (kernel/ke/dispatcher.py).
"""
import ctypes
import struct

from ..hal import cpustate as cs
from ..hal.icount import NO_DEADLINE, STOPPED_BREAK
from .kthread import Ready, Running
from .prcb import KPCR_PRCB, OFF_RSPBASE

_Q = struct.Struct("<Q")
_PCR_RSPBASE = KPCR_PRCB + OFF_RSPBASE


class ContextSwap:
    def new_context(self, template):
        ctx = self.machine.uc.context_save()
        ctypes.memmove(ctypes.cast(ctx.context, ctypes.c_void_p).value + cs.CONTEXT_HEADER,
                       ctypes.cast(template.context, ctypes.c_void_p).value + cs.CONTEXT_HEADER,
                       ctx.size - cs.CONTEXT_HEADER)
        return ctx

    def _switch(self, cpu, old, new, reason: str) -> None:
        """SwapContext's accounting on `cpu` from `old` to `new` (None: its idle thread)."""
        words = self.words
        d = words.d
        if new is not None:
            if self._several:
                for other in self.cpus:
                    if other is not cpu and other.current is new:
                        other.current = None        # it last ran there; that processor picks anew
            self.mem[new.state_at] = Running
            i = new.switches_word
            d[i] = (d[i] + 1) & 0xFFFFFFFF                             # KTHREAD.ContextSwitches
        words.q[cpu._current] = (new or cpu.idle_thread).address     # KPRCB.CurrentThread
        d[cpu._switches] = (d[cpu._switches] + 1) & 0xFFFFFFFF       # KPRCB.KeContextSwitches
        self.context_switches += 1
        if self.events.wants("switch"):
            idle = cpu.idle_thread
            o = old if old is not None else idle
            n = new if new is not None else idle
            self.events.emit("switch", time=cpu.time, cpu=cpu.number, old_tid=o.tid, new_tid=n.tid,
                             old_pid=o.process.pid, new_pid=n.process.pid, reason=reason,
                             old_priority=o.priority, new_priority=n.priority,
                             old_state=o.state if old is not None else Ready)

    def _run(self, cpu, thread) -> None:
        """KiSwapContext for the incoming thread, then run it until the CPU stops."""
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
        _Q.pack_into(mem, cpu._pcr_pa + _PCR_RSPBASE, stack)
        _Q.pack_into(mem, self._tss_pa + 4, stack)
        self.executing = cpu
        self.current = thread
        trace = self.kernel.trace
        limits = self.kernel.limits
        try:
            if trace is None:
                self.machine.run_thread(thread.context_handle, thread.blob_address, view)
            else:
                self.machine.run_thread(thread.context_handle, thread.blob_address, view,
                                        lambda: trace.context(cpu, thread), trace.finish)
            if self._break is not None and self.counter.state.stopped == STOPPED_BREAK:
                self._run_to_break(cpu, thread)
            # The ending limits, after the run only: the instruction limit stopped the CPU at
            # its count, and the watchdog repeats its stop until a run has ended.
            if limits is not None and (limits.pending is not None
                                       or self.counter.state.instructions >= limits.instruction_limit):
                limits.check()
        finally:
            self.executing = None
            self.current = None
        self.reap_ended()

    def reap_ended(self) -> None:
        """Threads that ended and are off every processor go to the reaper."""
        while self._reap:
            reap, self._reap = self._reap, []
            for ended in reap:
                self.kernel.thread_reaper(self.kernel, ended)

    def reap_after_run(self, thread) -> None:
        """The running thread ended: its stacks go back once it is off the processor."""
        self._reap.append(thread)

    # -- the break at an instruction count (--break icount:N), on the one clock
    def set_break(self, retired: int, callback) -> None:
        """Call callback() with the CPU stopped where exactly `retired` instructions have
        retired, before the next one runs (one break at a time; the next is set from it)."""
        self._break = (retired, callback)
        self.counter.set_break(retired)

    def _run_to_break(self, cpu, thread) -> None:
        """The counter stopped before the block that holds the break: run the instructions up
        to it by count, then the break runs with the thread's state in the CPU."""
        retired, callback = self._break
        counter = self.counter
        counter.set_break(NO_DEADLINE)
        remaining = retired - counter.instructions
        if remaining > 0:
            trace = self.kernel.trace
            hooks = () if trace is None else (lambda: trace.context(cpu, thread), trace.finish)
            # Unicorn counts only in code translated with its counting hook: translate anew,
            # and again afterwards, so that the code runs without that hook.
            machine = self.machine
            machine.flush_code()
            try:
                machine.run_thread(thread.context_handle, thread.blob_address, thread.view, *hooks,
                                   count=remaining)
            finally:
                machine.flush_code()
        if counter.instructions != retired:
            counter.set_break(retired)  # the thread stopped on the way (a wait, a tick): later
            return
        self._break = None
        callback()
