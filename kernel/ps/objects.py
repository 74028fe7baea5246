"""Process and thread objects.

The fields Windows keeps in EPROCESS/ETHREAD live there, in guest memory, read and written
through layout views; the hot scheduling fields (state, priorities, wait time, processors) are
read and written at their physical addresses directly. The Python objects hold only what has
no Windows field (the host-side CPU context, the address space object, the handle table's
entries, the scheduler's quantum accounting).
"""
from ..ke.dobject import DispatcherObject
from ..ke.kthread import KThread
from ..layouts import LAYOUTS, StructView
from ..ob.object import ObjectBody

EPROCESS = LAYOUTS["EPROCESS"]
ETHREAD = LAYOUTS["ETHREAD"]

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
        self.job = None                 # the innermost EJob it is in (EPROCESS.Job): kernel/ps/job.py

    def handle_closed(self) -> None:
        """The last handle to an exited process whose threads are all reaped deletes its page
        directory (PspProcessDelete -> MmDeleteProcessAddressSpace)."""
        super().handle_closed()
        if self.exited and self.handle_count == 0 and getattr(self.space, "cleaned", False):
            from ..mm.teardown import MmDeleteProcessAddressSpace
            MmDeleteProcessAddressSpace(self)

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


class EThread(ObjectBody, DispatcherObject, KThread):
    type_name = "Thread"

    def __init__(self, system, address: int, process: EProcess):
        self.address = address
        self.ethread = StructView(system, address, ETHREAD)
        self.bind_dispatcher_header(system, address, 6)     # ThreadObject
        self.bind_kthread(system, address)
        self.process = process
        self.context = None             # Unicorn context blob: the thread's CPU state when not running
        self.context_handle = None      # its uc_context pointer, for the dispatcher's ctypes calls
        self.blob_address = 0           # where its CPU state starts (the view's first byte)
        self.kernel_stack = 0           # InitialStack (top); the KTRAP_FRAME sits right below it
        self.teb = 0
        self.user_stack = None          # (bottom, limit, top) of the stack the kernel made for it
        self.reaped = False             # its stacks and TEB given back (kernel/ps/exit.py)
        self.quantum = 0                # quantum units left (3 per clock tick)
        self.wait_timer = None          # the timeout of the wait in progress (kernel/ke/wait.py)
        self.wait_block_array = None    # its KWAIT_BLOCKs for waits on more than three objects
        self.suspended_wait = False     # waiting on its suspend count
        self.starvation_boost = False
        self.last_cpu = 0               # the processor whose KPCR its GS bases point at
        self.view = None                # a writable view of `context`'s CPU state
        self.trap_frame_pa = None

    @property
    def tid(self) -> int:
        return self.ethread.Cid.UniqueThread

    @property
    def exit_status(self) -> int:
        return self.ethread.ExitStatus & 0xFFFFFFFF

    @exit_status.setter
    def exit_status(self, value: int) -> None:
        self.ethread.ExitStatus = value

    @property
    def trap_frame(self) -> int:
        return self.kernel_stack - LAYOUTS["KTRAP_FRAME"].size
