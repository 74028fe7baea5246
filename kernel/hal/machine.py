"""The machine: one Unicorn x86-64 CPU in long mode over emulated physical memory.

It does in Python only what the processor would do in silicon and Unicorn does not:
SYSCALL (RIP from LSTAR, RCX/R11, FMASK, CPL 0 with the STAR selectors) and interrupt
delivery (the gate from the guest IDT, the frame on RSP0 from the TSS, CPL 0). Everything
after that is guest code in the kernel image until it passes a gate, where the executive
has its hooks.
"""
import ctypes
import struct

from unicorn import (
    UC_ARCH_X86,
    UC_CTL_IO_WRITE,
    UC_CTL_TLB_FLUSH,
    UC_HOOK_CODE,
    UC_HOOK_INSN,
    UC_HOOK_INSN_INVALID,
    UC_HOOK_INTR,
    UC_MODE_64,
    Uc,
    UcError,
)
from unicorn.unicorn_py3.unicorn import uclib
from unicorn.x86_const import (
    UC_X86_INS_SYSCALL,
    UC_X86_REG_CR0,
    UC_X86_REG_CR3,
    UC_X86_REG_CR4,
    UC_X86_REG_EFLAGS,
    UC_X86_REG_GDTR,
    UC_X86_REG_IDTR,
    UC_X86_REG_TR,
)

from . import cpustate as cs
from . import native_machine
from .native_lib import native_library
from .physmem import PhysicalMemory

MSR_EFER, MSR_STAR, MSR_LSTAR, MSR_FMASK = 0xC0000080, 0xC0000081, 0xC0000082, 0xC0000084
MSR_GS_BASE, MSR_KERNEL_GS_BASE = 0xC0000101, 0xC0000102
EFER_SCE, EFER_LME, EFER_LMA, EFER_NXE = 1, 1 << 8, 1 << 10, 1 << 11
CR0_VALUE = 0x80010033              # PG | WP | NE | ET | MP | PE
CR4_PAE, CR4_OSFXSR, CR4_OSXMMEXCPT, CR4_FSGSBASE = 1 << 5, 1 << 9, 1 << 10, 1 << 16
# Time Stamp Disable: RDTSC/RDTSCP at ring 3 fault (#GP) and the kernel answers with virtual time
# (kernel/ex/exception.py), so that the host's clock never reaches the guest.
CR4_TSD = 1 << 2
SYSCALL_FMASK = 0x4700              # TF | IF | DF | NT, as Windows sets it
RFLAGS_IF = 0x200
OFF_DF = 172                        # CPUX86State.df: +1, or -1 when DF is set

# Vectors whose delivery pushes an error code.
_ERROR_CODE_VECTORS = {8, 10, 11, 12, 13, 14, 17, 21}

_emu_start = uclib.uc_emu_start
_context_save = uclib.uc_context_save
_context_restore = uclib.uc_context_restore
_HOOK_CODE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_uint64, ctypes.c_uint32, ctypes.c_void_p)
_Q = struct.Struct("<Q")
_QQ = struct.Struct("<QQ")
_I = struct.Struct("<I")
_i = struct.Struct("<i")


class Bugcheck(Exception):
    """The kernel itself faulted or reached a state NT would stop on (KeBugCheckEx)."""


class Machine:
    def __init__(self, phys_size: int):
        self.uc = uc = Uc(UC_ARCH_X86, UC_MODE_64)
        self.phys = PhysicalMemory(phys_size)
        self.phys.attach(uc)
        self.layout = cs.calibrate(uc)
        self._ctx = uc.context_save()
        self._view = cs.blob_view(self._ctx)
        self._eflags = ctypes.c_uint64()
        self._handle = uc._uch
        self.lstar = 0
        self.idt_pa = 0
        self.tss_pa = 0
        # No exit address: the CPU stops only when the executive stops it (or on an error),
        # and Unicorn has no translated code to invalidate when emu_start returns.
        uc.ctl_exits_enabled(True)
        self._gates: list = []          # the gates' C callbacks, kept alive
        self.gate_addresses: set[int] = set()
        self._counter = None            # the instruction counter: its space follows CR3
        self.loaded_cr3 = None          # CR3 as last loaded (kept in the native run state when there is one)
        self._run = None                # the native thread run's state
        self._run_thread = None
        self.gates_run = 0              # gate callbacks during a run by count (a stop by count may precede one)
        self._counting = False          # a run by count is in progress

    # -- bring-up (KiSystemStartup's processor initialisation)
    def enable_long_mode_paging(self, cr3: int) -> None:
        uc = self.uc
        uc.reg_write(UC_X86_REG_CR4, uc.reg_read(UC_X86_REG_CR4) | CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT
                     | CR4_FSGSBASE | CR4_TSD)
        uc.msr_write(MSR_EFER, EFER_SCE | EFER_LME | EFER_LMA | EFER_NXE)
        uc.reg_write(UC_X86_REG_CR3, cr3)
        uc.reg_write(UC_X86_REG_CR0, CR0_VALUE)

    def load_descriptor_tables(self, gdt_va: int, gdt_limit: int, idt_va: int, idt_pa: int, tss_va: int,
                               tss_pa: int) -> None:
        uc = self.uc
        uc.reg_write(UC_X86_REG_GDTR, (0, gdt_va, gdt_limit, 0))
        uc.reg_write(UC_X86_REG_IDTR, (0, idt_va, 256 * 16 - 1, 0))
        uc.reg_write(UC_X86_REG_TR, (0x40, tss_va, 0x67, 0x8900))
        self.idt_pa = idt_pa
        self.tss_pa = tss_pa

    def set_syscall_entry(self, lstar: int) -> None:
        uc = self.uc
        uc.msr_write(MSR_STAR, (0x0023 << 48) | (0x0010 << 32))
        uc.msr_write(MSR_LSTAR, lstar)
        uc.msr_write(MSR_FMASK, SYSCALL_FMASK)
        self.lstar = lstar
        if self._native_syscall is not None:
            self._native_syscall.lstar = lstar

    def install_trap_hooks(self) -> None:
        uc = self.uc
        lib = native_library()
        if lib is not None:
            self._native_syscall = native_machine.install_syscall(lib, uc, self._ctx, self.lstar, SYSCALL_FMASK, OFF_DF)
        else:
            uc.hook_add(UC_HOOK_INSN, self._syscall, None, 1, 0, UC_X86_INS_SYSCALL)
        uc.hook_add(UC_HOOK_INTR, self._interrupt)
        uc.hook_add(UC_HOOK_INSN_INVALID, self._invalid_opcode)

    def add_gate(self, address: int, callback) -> None:
        """Run callback() when the CPU reaches `address` (a gate nop in the kernel image).

        A plain C callback rather than Uc.hook_add's layers; an exception stops the CPU and is
        raised by run(), as Unicorn's own wrapper does."""
        uc = self.uc
        handle = self._handle

        def gate(_uc, _address, _size, _data):
            if self._counting:
                self.gates_run += 1
            try:
                callback()
            except BaseException as e:
                if uc._hook_exception is None:
                    uc._hook_exception = e
                uclib.uc_emu_stop(handle)

        self.gate_addresses.add(address)
        if self._run is not None:
            native_machine.add_gate(self._run, address)
        function = _HOOK_CODE(gate)
        self._gates.append(function)
        hook = ctypes.c_size_t()
        err = uclib.uc_hook_add(handle, ctypes.byref(hook), UC_HOOK_CODE, function, None, address, address)
        if err:
            raise UcError(err)

    # -- SYSCALL, as the processor performs it
    def _syscall(self, uc, _user_data):
        ctx = self._ctx
        view = self._view
        uclib.uc_reg_read(self._handle, UC_X86_REG_EFLAGS, ctypes.byref(self._eflags))
        rflags = self._eflags.value
        uc.context_update(ctx)
        rip = _Q.unpack_from(view, cs.OFF_RIP)[0]
        _Q.pack_into(view, cs.REG_RCX, rip + 2)
        _Q.pack_into(view, cs.REG_R11, rflags)
        # Unicorn adds the instruction length to RIP after this hook returns.
        _QQ.pack_into(view, cs.OFF_RIP, self.lstar - 2, rflags & ~SYSCALL_FMASK)
        _i.pack_into(view, OFF_DF, 1)   # DF cleared by FMASK
        cs.set_kernel_mode(view)
        uc.context_restore(ctx)

    # -- interrupt and exception delivery through the guest IDT
    def _interrupt(self, uc, vector, _user_data):
        self.deliver_interrupt(vector)

    def _invalid_opcode(self, uc, _user_data):
        self.deliver_interrupt(6)
        return True

    def deliver_interrupt(self, vector: int) -> None:
        uc = self.uc
        layout = self.layout
        ctx = self._ctx
        view = self._view
        uclib.uc_reg_read(self._handle, UC_X86_REG_EFLAGS, ctypes.byref(self._eflags))
        rflags = self._eflags.value
        uc.context_update(ctx)
        cpl = cs.cpl(view)
        is_int = _i.unpack_from(view, layout.exception_is_int)[0] and vector != 6
        if self.on_interrupt is not None:
            self.on_interrupt(vector, bool(is_int))
        error_code = _i.unpack_from(view, layout.error_code)[0] & 0xFFFFFFFF
        # A fault while delivering is what Unicorn would escalate to #DF; clear it every time.
        _i.pack_into(view, layout.old_exception, -1)
        _i.pack_into(view, layout.exception_is_int, 0)
        gate_lo, gate_hi = _QQ.unpack_from(self.phys.buffer, self.idt_pa + vector * 16)
        dpl = (gate_lo >> 45) & 3
        present = (gate_lo >> 47) & 1
        if is_int and dpl < cpl:
            # INT n through a gate the caller may not use: #GP with the IDT selector as error code.
            vector, error_code = 13, vector * 8 + 2
            gate_lo, gate_hi = _QQ.unpack_from(self.phys.buffer, self.idt_pa + vector * 16)
            # The fault is the INT instruction's own (CD ib), not a trap after it.
            _Q.pack_into(view, cs.OFF_RIP, _Q.unpack_from(view, cs.OFF_RIP)[0] - 2)
        elif not present:
            raise Bugcheck(f"interrupt {vector:#x} has no IDT entry")
        # A fault ends its block at the faulting instruction, which does not retire.
        self._counter.cut(_Q.unpack_from(view, cs.OFF_RIP)[0])
        if cpl != 3:
            rip = _Q.unpack_from(view, cs.OFF_RIP)[0]
            raise Bugcheck(f"exception {vector:#x} in kernel mode at {rip:#x} (error code {error_code:#x})")
        handler = (gate_lo & 0xFFFF) | ((gate_lo >> 32) & 0xFFFF0000) | ((gate_hi & 0xFFFFFFFF) << 32)
        rsp0 = _Q.unpack_from(self.phys.buffer, self.tss_pa + 4)[0]
        rip = _Q.unpack_from(view, cs.OFF_RIP)[0]
        user_rsp = _Q.unpack_from(view, cs.REG_RSP)[0]
        frame = [rip, 0x33, rflags, user_rsp, 0x2B]
        if vector in _ERROR_CODE_VECTORS:
            frame.insert(0, error_code)
        rsp = (rsp0 & ~0xF) - 8 * len(frame)
        self.kernel_write(rsp, struct.pack("<%dQ" % len(frame), *frame))
        _Q.pack_into(view, cs.REG_RSP, rsp)
        _QQ.pack_into(view, cs.OFF_RIP, handler, rflags & ~(0x100 | RFLAGS_IF | 0x4000 | 0x10000))
        cs.set_kernel_mode(view)
        uc.context_restore(ctx)

    _native_syscall = None              # the C SYSCALL hook's state, when it is used
    kernel_write = None                 # set by the executive: writes at a kernel VA
    on_interrupt = None                 # (vector, is_int) -> None: told before each delivery
    on_tlb_flush = None                 # () -> None: told after each TLB flush

    # -- running
    def run(self, rip: int, count: int = 0) -> None:
        """Uc.emu_start without its wrapper's layers: the same error and hook-exception checks."""
        uc = self.uc
        uc._hook_exception = None
        status = _emu_start(self._handle, rip, 0, 0, count)
        if status:
            raise UcError(status)
        if uc._hook_exception is not None:
            raise uc._hook_exception

    def attach_counter(self, counter, lib) -> None:
        """The counter whose address-space tag follows CR3; with the native helper, threads
        then run through ki_run_thread (run.c)."""
        self._counter = counter
        if lib is not None and counter.native:
            self._run = native_machine.run_state(self.uc, counter.state)
            for address in self.gate_addresses:
                native_machine.add_gate(self._run, address)
            self._run_thread = lib.ki_run_thread
            self._run_thread.argtypes = (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
            self._run_ptr = ctypes.addressof(self._run)

    def run_thread(self, context, blob_address: int, view, on_start=None, on_stop=None, count: int = 0) -> None:
        """KiSwapContext's machine half and the run after it: load a thread's saved state
        (CR3 reloaded only when the address space changes), run until the CPU stops (or for
        `count` instructions), save the state again; a block the stop cut short counts only
        what ran, and the thread resumes past a gate it stopped on. `on_start`/`on_stop` (the
        tracer) are called with the thread's state in the CPU, before and after it runs."""
        uc = self.uc
        if self._run_thread is not None and on_start is None and not count:
            uc._hook_exception = None
            status = self._run_thread(self._run_ptr, context, blob_address)
            if status:
                raise UcError(status)
            if uc._hook_exception is not None:
                raise uc._hook_exception
            return
        handle = self._handle
        _context_restore(handle, context)
        cr3 = _Q.unpack_from(view, cs.OFF_CR3)[0]
        loaded = self if self._run is None else self._run
        if cr3 != loaded.loaded_cr3:
            uc.reg_write(UC_X86_REG_CR3, cr3)
            loaded.loaded_cr3 = cr3
            self._counter.set_space(cr3)
        if on_start is not None:
            on_start()
        counter = self._counter
        counter.state.stopped = 0
        gates = self.gates_run
        self._counting = bool(count)
        try:
            self.run(_Q.unpack_from(view, cs.OFF_RIP)[0], count)
        finally:
            self._counting = False
            if on_stop is not None:
                on_stop()
            _context_save(handle, context)
            if not counter.state.stopped:
                rip = _Q.unpack_from(view, cs.OFF_RIP)[0]
                counter.cut(rip)
                # A stop by count may come before a gate's callback: then the gate is still to run.
                if rip in self.gate_addresses and (not count or self.gates_run != gates):
                    _Q.pack_into(view, cs.OFF_RIP, rip + 1)

    def flush_tlb(self) -> None:
        self.uc.ctl(UC_CTL_TLB_FLUSH, UC_CTL_IO_WRITE)
        if self.on_tlb_flush is not None:
            self.on_tlb_flush()

    def flush_code(self) -> None:
        self.uc.ctl_flush_tb()
