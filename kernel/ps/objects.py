"""Process and thread objects.

The fields Windows keeps in EPROCESS/ETHREAD live there, in guest memory, read and written
through layout views; the Python objects hold only what has no Windows field (the host-side
CPU context, the address space object, the handle table's entries).
"""
from ..layouts import LAYOUTS, StructView

EPROCESS = LAYOUTS["EPROCESS"]
ETHREAD = LAYOUTS["ETHREAD"]

# KTHREAD_STATE
Initialized, Ready, Running, Standby, Terminated, Waiting, Transition, DeferredReady = range(8)
STATE_NAMES = ["Initialized", "Ready", "Running", "Standby", "Terminated", "Waiting", "Transition",
               "DeferredReady"]


class EProcess:
    def __init__(self, system, address: int):
        self.address = address
        self.eprocess = StructView(system, address, EPROCESS)
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


class EThread:
    def __init__(self, system, address: int, process: EProcess):
        self.address = address
        self.ethread = StructView(system, address, ETHREAD)
        self.process = process
        self.context = None             # Unicorn context blob: the thread's CPU state when not running
        self.kernel_stack = 0           # InitialStack (top); the KTRAP_FRAME sits right below it
        self.teb = 0

    @property
    def tid(self) -> int:
        return self.ethread.Cid.UniqueThread

    @property
    def state(self) -> int:
        return self.ethread.Tcb.State

    @state.setter
    def state(self, value: int) -> None:
        self.ethread.Tcb.State = value

    @property
    def exit_status(self) -> int:
        return self.ethread.ExitStatus & 0xFFFFFFFF

    @exit_status.setter
    def exit_status(self, value: int) -> None:
        self.ethread.ExitStatus = value

    @property
    def suspend_count(self) -> int:
        return self.ethread.Tcb.SuspendCount

    @suspend_count.setter
    def suspend_count(self, value: int) -> None:
        self.ethread.Tcb.SuspendCount = value

    @property
    def priority(self) -> int:
        return self.ethread.Tcb.Priority

    @priority.setter
    def priority(self, value: int) -> None:
        self.ethread.Tcb.Priority = value

    @property
    def base_priority(self) -> int:
        return self.ethread.Tcb.BasePriority

    @property
    def trap_frame(self) -> int:
        return self.kernel_stack - LAYOUTS["KTRAP_FRAME"].size
