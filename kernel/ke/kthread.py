"""KTHREAD as the dispatcher sees it: the thread states and the scheduling and wait fields, read
and written at their physical addresses in guest memory (State, Priority, WaitReason,
WaitStatus, WaitBlockList, ...). EThread (kernel/ps/objects.py) is this plus the executive's
half; the dispatcher needs only this one."""
import struct

from ..layouts import LAYOUTS

KTHREAD = LAYOUTS["KTHREAD"]

# KTHREAD_STATE
Initialized, Ready, Running, Standby, Terminated, Waiting, Transition, DeferredReady = range(8)
STATE_NAMES = ["Initialized", "Ready", "Running", "Standby", "Terminated", "Waiting", "Transition",
               "DeferredReady"]

OFF_STATE = KTHREAD.offset("State")
OFF_PRIORITY = KTHREAD.offset("Priority")
OFF_BASE_PRIORITY = KTHREAD.offset("BasePriority")
OFF_DECREMENT = KTHREAD.offset("PriorityDecrement")
OFF_WAIT_TIME = KTHREAD.offset("WaitTime")
OFF_AFFINITY = KTHREAD.offset("Affinity")          # GROUP_AFFINITY.Mask first
OFF_IDEAL = KTHREAD.offset("IdealProcessor")
OFF_NEXT = KTHREAD.offset("NextProcessor")
OFF_SUSPEND = KTHREAD.offset("SuspendCount")
OFF_SWITCHES = KTHREAD.offset("ContextSwitches")
OFF_WAIT_REASON = KTHREAD.offset("WaitReason")
OFF_QUANTUM_RESET = KTHREAD.offset("QuantumReset")
OFF_WAIT_STATUS = KTHREAD.offset("WaitStatus")
OFF_WAIT_BLOCK_LIST = KTHREAD.offset("WaitBlockList")
OFF_WAIT_LIST_ENTRY = KTHREAD.offset("WaitListEntry")     # a Ready thread's link in its ready list
OFF_WAIT_BLOCK = KTHREAD.offset("WaitBlock")               # KWAIT_BLOCK[4]
OFF_MUTANT_LIST_HEAD = KTHREAD.offset("MutantListHead")
OFF_WAIT_BLOCK_COUNT = KTHREAD.offset("WaitBlockCount")
OFF_KERNEL_TIME = KTHREAD.offset("KernelTime")
OFF_USER_TIME = KTHREAD.offset("UserTime")
OFF_PROCESS_USER_TIME = LAYOUTS["KPROCESS"].offset("UserTime")
_I = struct.Struct("<I")
_Q = struct.Struct("<Q")
_q = struct.Struct("<q")


class KThread:
    """Mixin: the KTHREAD at `address` (physical `_pa`, in the buffer `_mem`).

    What the dispatcher reads of a thread on every switch is in slots: in the handle object
    itself, a few host cache lines next to each other. In the instance dict those fields would
    share it with the executive's, and past 29 attributes CPython gives each instance its own
    1.5 KB hash table, one cold cache line per field read once 1000 threads take turns."""

    __slots__ = ("address", "_pa", "process", "state_at", "priority_at", "wait_time_word", "switches_word",
                 "wait_list_offset", "wait_list_words", "quantum", "last_cpu", "kernel_stack", "trap_frame_pa",
                 "context_handle", "blob_address", "view")
    _mem = None

    def bind_kthread(self, system, address: int) -> None:
        pa = self._pa = system.kernel_pa(address)
        self._mem = system.phys.buffer
        # State, Priority, WaitTime and ContextSwitches as indices into the buffer (bytes, 32-bit
        # words), and WaitListEntry, a Ready thread's ready-list link, as its pool offset and its
        # links' low halves as 32-bit words (kernel/ke/prcb.py)
        self.state_at = pa + OFF_STATE
        self.priority_at = pa + OFF_PRIORITY
        self.wait_time_word = (pa + OFF_WAIT_TIME) >> 2
        self.switches_word = (pa + OFF_SWITCHES) >> 2
        self.wait_list_offset = (address + OFF_WAIT_LIST_ENTRY) & 0xFFFFFFFF
        e = (pa + OFF_WAIT_LIST_ENTRY) >> 2
        self.wait_list_words = (e, e + 2)

    def charge_ticks(self, ticks: int) -> None:
        """KeUpdateRunTime's charge: clock ticks that came while the thread ran, to
        KTHREAD.UserTime and its process's KPROCESS.UserTime. Services run in no virtual
        time, so KernelTime stays 0. A process in a job has its jobs' time limits checked."""
        mem, pa = self._mem, self._pa + OFF_USER_TIME
        _I.pack_into(mem, pa, (_I.unpack_from(mem, pa)[0] + ticks) & 0xFFFFFFFF)
        process = self.process
        pa = process._dh_pa + OFF_PROCESS_USER_TIME
        _I.pack_into(mem, pa, (_I.unpack_from(mem, pa)[0] + ticks) & 0xFFFFFFFF)
        if process.job is not None:
            process.job.charged(process)

    @property
    def state(self) -> int:
        return self._mem[self._pa + OFF_STATE]

    @state.setter
    def state(self, value: int) -> None:
        self._mem[self._pa + OFF_STATE] = value

    @property
    def priority(self) -> int:
        return self._mem[self._pa + OFF_PRIORITY]

    @priority.setter
    def priority(self, value: int) -> None:
        self._mem[self._pa + OFF_PRIORITY] = value

    @property
    def base_priority(self) -> int:
        return self._mem[self._pa + OFF_BASE_PRIORITY]

    @base_priority.setter
    def base_priority(self, value: int) -> None:
        self._mem[self._pa + OFF_BASE_PRIORITY] = value

    @property
    def priority_decrement(self) -> int:
        return self._mem[self._pa + OFF_DECREMENT]

    @priority_decrement.setter
    def priority_decrement(self, value: int) -> None:
        self._mem[self._pa + OFF_DECREMENT] = value

    @property
    def wait_time(self) -> int:
        return _I.unpack_from(self._mem, self._pa + OFF_WAIT_TIME)[0]

    @wait_time.setter
    def wait_time(self, value: int) -> None:
        _I.pack_into(self._mem, self._pa + OFF_WAIT_TIME, value & 0xFFFFFFFF)

    @property
    def affinity(self) -> int:
        return _Q.unpack_from(self._mem, self._pa + OFF_AFFINITY)[0]

    @property
    def quantum_reset(self) -> int:
        return self._mem[self._pa + OFF_QUANTUM_RESET]

    @property
    def ideal_processor(self) -> int:
        return _I.unpack_from(self._mem, self._pa + OFF_IDEAL)[0]

    @property
    def next_processor(self) -> int:
        return _I.unpack_from(self._mem, self._pa + OFF_NEXT)[0]

    @next_processor.setter
    def next_processor(self, value: int) -> None:
        _I.pack_into(self._mem, self._pa + OFF_NEXT, value)

    @property
    def wait_reason(self) -> int:
        return self._mem[self._pa + OFF_WAIT_REASON]

    @wait_reason.setter
    def wait_reason(self, value: int) -> None:
        self._mem[self._pa + OFF_WAIT_REASON] = value

    @property
    def wait_status(self) -> int:
        return _q.unpack_from(self._mem, self._pa + OFF_WAIT_STATUS)[0]

    @wait_status.setter
    def wait_status(self, value: int) -> None:
        _q.pack_into(self._mem, self._pa + OFF_WAIT_STATUS, value)

    @property
    def wait_block_list(self) -> int:
        return _Q.unpack_from(self._mem, self._pa + OFF_WAIT_BLOCK_LIST)[0]

    @wait_block_list.setter
    def wait_block_list(self, value: int) -> None:
        _Q.pack_into(self._mem, self._pa + OFF_WAIT_BLOCK_LIST, value)

    @property
    def wait(self):
        """While a wait is in progress (wait blocks queued, or a timeout set): KTHREAD.WaitBlockList;
        None otherwise."""
        if self._mem[self._pa + OFF_WAIT_BLOCK_COUNT] or getattr(self, "wait_timer", None) is not None:
            return self.wait_block_list
        return None

    @property
    def suspend_count(self) -> int:
        return self._mem[self._pa + OFF_SUSPEND]

    @suspend_count.setter
    def suspend_count(self, value: int) -> None:
        self._mem[self._pa + OFF_SUSPEND] = value

    def count_switch(self) -> None:
        off = self._pa + OFF_SWITCHES
        _I.pack_into(self._mem, off, (_I.unpack_from(self._mem, off)[0] + 1) & 0xFFFFFFFF)
