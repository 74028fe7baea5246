"""The dispatcher: ready queues by priority, selecting and switching threads, and the loop
that runs the CPU until no thread is left.

A thread's CPU state lives in its own Unicorn context while it is not running. Switching
(KiSwapContext) restores the incoming thread's context, points the processor at its kernel
stack (KPRCB.RspBase, TSS.Rsp0) and reloads CR3, which also flushes the TLB.
"""
import ctypes
import struct
from collections import deque

from unicorn.x86_const import UC_X86_REG_CR3

from ..hal import cpustate as cs
from ..ps.objects import Ready, Running, Terminated, Waiting

_Q = struct.Struct("<Q")


class Dispatcher:
    def __init__(self, kernel):
        self.kernel = kernel
        self.machine = kernel.machine
        self.ready_queues = [deque() for _ in range(32)]
        self.ready_summary = 0
        self.current = None
        self.gate_addresses: set[int] = set()
        self.context_switches = 0

    # -- ready queues (KiReadyThread / KiSelectReadyThread)
    def ready(self, thread) -> None:
        thread.state = Ready
        priority = thread.ethread.Tcb.Priority
        self.ready_queues[priority].append(thread)
        self.ready_summary |= 1 << priority

    def remove(self, thread) -> None:
        priority = thread.ethread.Tcb.Priority
        queue = self.ready_queues[priority]
        if thread in queue:
            queue.remove(thread)
            if not queue:
                self.ready_summary &= ~(1 << priority)

    def select(self):
        while self.ready_summary:
            priority = self.ready_summary.bit_length() - 1
            queue = self.ready_queues[priority]
            thread = queue.popleft()
            if not queue:
                self.ready_summary &= ~(1 << priority)
            if thread.state == Ready:
                return thread
        return None

    # -- context handling
    def new_context(self, template):
        ctx = self.machine.uc.context_save()
        ctypes.memmove(ctypes.cast(ctx.context, ctypes.c_void_p).value + cs.CONTEXT_HEADER,
                       ctypes.cast(template.context, ctypes.c_void_p).value + cs.CONTEXT_HEADER,
                       ctx.size - cs.CONTEXT_HEADER)
        return ctx

    def save_current(self) -> None:
        """After the CPU stopped at a gate: keep the thread's state, resuming past the gate."""
        thread = self.current
        uc = self.machine.uc
        uc.context_update(thread.context)
        view = cs.blob_view(thread.context)
        rip = _Q.unpack_from(view, cs.OFF_RIP)[0]
        if rip in self.gate_addresses:
            _Q.pack_into(view, cs.OFF_RIP, rip + 1)

    def switch_to(self, thread) -> None:
        """KiSwapContext."""
        uc = self.machine.uc
        uc.context_restore(thread.context)
        cr3 = _Q.unpack_from(cs.blob_view(thread.context), cs.OFF_CR3)[0]
        uc.reg_write(UC_X86_REG_CR3, cr3)
        self.kernel.processor.set_kernel_stack(thread.kernel_stack)
        prcb = self.kernel.processor.pcr.Prcb
        prcb.CurrentThread = thread.address
        tcb = thread.ethread.Tcb
        tcb.ContextSwitches = (tcb.ContextSwitches + 1) & 0xFFFFFFFF
        thread.state = Running
        self.current = thread
        self.context_switches += 1

    # -- the loop
    def run(self) -> None:
        machine = self.machine
        while True:
            thread = self.select()
            if thread is None:
                return
            self.switch_to(thread)
            rip = _Q.unpack_from(cs.blob_view(thread.context), cs.OFF_RIP)[0]
            machine.run(rip)
            if self.current is not None and thread.state in (Running, Waiting):
                self.save_current()
                if thread.state == Running:
                    self.ready(thread)
            self.current = None

    def stop_current(self) -> None:
        """The running thread stops here (it ended, waits or yields): leave the CPU loop."""
        self.machine.stop()

    def terminate(self, thread) -> None:
        self.remove(thread)
        thread.state = Terminated
        if thread is self.current:
            self.stop_current()
