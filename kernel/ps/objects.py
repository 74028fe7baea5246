"""Process and thread objects.

The fields Windows keeps in EPROCESS/ETHREAD live there, in guest memory, read and written
through layout views; the hot scheduling fields (state, priorities, wait time, processors) are
read and written at their physical addresses directly. The Python objects hold only what has
no Windows field (the host-side CPU context, the address space object, the handle table's
entries, the scheduler's quantum accounting).
"""
import struct

from ..ke.dobject import DispatcherObject
from ..layouts import LAYOUTS, StructView
from ..ob.object import ObjectBody

EPROCESS = LAYOUTS["EPROCESS"]
ETHREAD = LAYOUTS["ETHREAD"]
KTHREAD = LAYOUTS["KTHREAD"]

# KTHREAD_STATE
Initialized, Ready, Running, Standby, Terminated, Waiting, Transition, DeferredReady = range(8)
STATE_NAMES = ["Initialized", "Ready", "Running", "Standby", "Terminated", "Waiting", "Transition",
               "DeferredReady"]

_OFF_STATE = KTHREAD.offset("State")
_OFF_PRIORITY = KTHREAD.offset("Priority")
_OFF_BASE_PRIORITY = KTHREAD.offset("BasePriority")
_OFF_DECREMENT = KTHREAD.offset("PriorityDecrement")
_OFF_WAIT_TIME = KTHREAD.offset("WaitTime")
_OFF_AFFINITY = KTHREAD.offset("Affinity")          # GROUP_AFFINITY.Mask first
_OFF_IDEAL = KTHREAD.offset("IdealProcessor")
_OFF_NEXT = KTHREAD.offset("NextProcessor")
_OFF_SUSPEND = KTHREAD.offset("SuspendCount")
_OFF_SWITCHES = KTHREAD.offset("ContextSwitches")
_OFF_WAIT_REASON = KTHREAD.offset("WaitReason")
_OFF_QUANTUM_RESET = KTHREAD.offset("QuantumReset")
_I = struct.Struct("<I")
_Q = struct.Struct("<Q")


class EProcess(ObjectBody, DispatcherObject):
    type_name = "Process"

    def __init__(self, system, address: int):
        self.address = address
        self.eprocess = StructView(system, address, EPROCESS)
        self.bind_dispatcher_header(system, address, 3)     # ProcessObject
        self.space = None               # AddressSpace (None for Idle and System's user half)
        self.handles = None             # HandleTable
        self.threads: list = []
        self.image = None               # loader.pe.ImageFile
        self.image_path = ""
        self.modules: list = []         # loaded modules in load order
        self.peb = 0
        self.parameters = 0
        self.exited = False
        self.csr_process = None
        self.console = None

    @property
    def pid(self) -> int:
        return self.eprocess.UniqueProcessId

    @property
    def exit_status(self) -> int:
        return self.eprocess.ExitStatus & 0xFFFFFFFF

    @property
    def base_priority(self) -> int:
        return self.eprocess.Pcb.BasePriority

    @base_priority.setter
    def base_priority(self, value: int) -> None:
        self.eprocess.Pcb.BasePriority = value

    @property
    def affinity(self) -> int:
        """KPROCESS.Affinity, group 0's bitmap."""
        return self.eprocess.Pcb.Affinity.item("Bitmap", 0)

    @affinity.setter
    def affinity(self, value: int) -> None:
        aff = self.eprocess.Pcb.Affinity
        aff.Count = 1
        aff.Size = 20
        aff.set_item("Bitmap", 0, value)

    @property
    def name(self) -> str:
        return self.eprocess.ImageFileName.rstrip(b"\0").decode("ascii", "replace")


class EThread(ObjectBody, DispatcherObject):
    type_name = "Thread"

    def __init__(self, system, address: int, process: EProcess):
        self.address = address
        self.ethread = StructView(system, address, ETHREAD)
        self.bind_dispatcher_header(system, address, 6)     # ThreadObject
        self._pa = system.kernel_pa(address)
        self._mem = system.phys.buffer
        self.process = process
        self.context = None             # Unicorn context blob: the thread's CPU state when not running
        self.context_handle = None      # its uc_context pointer, for the dispatcher's ctypes calls
        self.blob_address = 0           # where its CPU state starts (the view's first byte)
        self.kernel_stack = 0           # InitialStack (top); the KTRAP_FRAME sits right below it
        self.teb = 0
        self.user_stack = None          # (bottom, limit, top) of the stack the kernel made for it
        self.reaped = False             # its stacks and TEB given back (kernel/ps/exit.py)
        self.quantum = 0                # quantum units left (3 per clock tick)
        self.wait = None                # the wait in progress (kernel/ke/wait.py)
        self.suspended_wait = False     # waiting on its suspend count
        self.starvation_boost = False
        self.owned_mutants: list = []
        self.last_cpu = 0               # the processor whose KPCR its GS bases point at
        self.cpu = None                 # the dispatcher's Cpu that has it as current
        self.view = None                # a writable view of `context`'s CPU state
        self.trap_frame_pa = None

    @property
    def tid(self) -> int:
        return self.ethread.Cid.UniqueThread

    # -- the scheduler's fields, straight from KTHREAD
    @property
    def state(self) -> int:
        return self._mem[self._pa + _OFF_STATE]

    @state.setter
    def state(self, value: int) -> None:
        self._mem[self._pa + _OFF_STATE] = value

    @property
    def priority(self) -> int:
        return self._mem[self._pa + _OFF_PRIORITY]

    @priority.setter
    def priority(self, value: int) -> None:
        self._mem[self._pa + _OFF_PRIORITY] = value

    @property
    def base_priority(self) -> int:
        return self._mem[self._pa + _OFF_BASE_PRIORITY]

    @base_priority.setter
    def base_priority(self, value: int) -> None:
        self._mem[self._pa + _OFF_BASE_PRIORITY] = value

    @property
    def priority_decrement(self) -> int:
        return self._mem[self._pa + _OFF_DECREMENT]

    @priority_decrement.setter
    def priority_decrement(self, value: int) -> None:
        self._mem[self._pa + _OFF_DECREMENT] = value

    @property
    def wait_time(self) -> int:
        return _I.unpack_from(self._mem, self._pa + _OFF_WAIT_TIME)[0]

    @wait_time.setter
    def wait_time(self, value: int) -> None:
        _I.pack_into(self._mem, self._pa + _OFF_WAIT_TIME, value & 0xFFFFFFFF)

    @property
    def affinity(self) -> int:
        return _Q.unpack_from(self._mem, self._pa + _OFF_AFFINITY)[0]

    @property
    def quantum_reset(self) -> int:
        return self._mem[self._pa + _OFF_QUANTUM_RESET]

    @property
    def ideal_processor(self) -> int:
        return _I.unpack_from(self._mem, self._pa + _OFF_IDEAL)[0]

    @property
    def next_processor(self) -> int:
        return _I.unpack_from(self._mem, self._pa + _OFF_NEXT)[0]

    @next_processor.setter
    def next_processor(self, value: int) -> None:
        _I.pack_into(self._mem, self._pa + _OFF_NEXT, value)

    @property
    def wait_reason(self) -> int:
        return self._mem[self._pa + _OFF_WAIT_REASON]

    @wait_reason.setter
    def wait_reason(self, value: int) -> None:
        self._mem[self._pa + _OFF_WAIT_REASON] = value

    def count_switch(self) -> None:
        off = self._pa + _OFF_SWITCHES
        _I.pack_into(self._mem, off, (_I.unpack_from(self._mem, off)[0] + 1) & 0xFFFFFFFF)

    @property
    def exit_status(self) -> int:
        return self.ethread.ExitStatus & 0xFFFFFFFF

    @exit_status.setter
    def exit_status(self, value: int) -> None:
        self.ethread.ExitStatus = value

    @property
    def suspend_count(self) -> int:
        return self._mem[self._pa + _OFF_SUSPEND]

    @suspend_count.setter
    def suspend_count(self, value: int) -> None:
        self._mem[self._pa + _OFF_SUSPEND] = value

    @property
    def trap_frame(self) -> int:
        return self.kernel_stack - LAYOUTS["KTRAP_FRAME"].size
