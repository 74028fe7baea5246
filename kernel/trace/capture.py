"""Capturing a trace while the guest runs: the native hook (kernel/hal/native/trace.c) records
each instruction compactly into a buffer that is drained to a raw file; kernel events go into
the same buffer, in order. Decoding into the chosen format happens afterwards (records.py).

The pure-Python hook (python_hook.py) writes the identical raw stream, much more slowly; it is
the fallback without the native helper and the benchmark's point of comparison.
"""
import ctypes
import errno
import json
import tempfile

from unicorn import UC_HOOK_CODE
from unicorn.unicorn_py3.unicorn import uclib
from unicorn.x86_const import (
    UC_X86_REG_FS_BASE,
    UC_X86_REG_GS_BASE,
    UC_X86_REG_RFLAGS,
    UC_X86_REG_RIP,
    UC_X86_REG_XMM0,
)

from ..hal.native_lib import native_library
from . import isa

USER_RANGE = (0, 0x7FFFFFFFFFFF)
KERNEL_RANGE = (0xFFFF800000000000, 0xFFFFFFFFFFFFFFFF)
NO_LIMIT = (1 << 64) - 1
BUFFER_BYTES = 32 << 20
MAX_RANGES = 16


def _register_ids() -> list[int]:
    from unicorn import x86_const as c
    ids = [c.UC_X86_REG_RAX, c.UC_X86_REG_RCX, c.UC_X86_REG_RDX, c.UC_X86_REG_RBX, c.UC_X86_REG_RSP,
           c.UC_X86_REG_RBP, c.UC_X86_REG_RSI, c.UC_X86_REG_RDI]
    ids += [getattr(c, f"UC_X86_REG_R{n}") for n in range(8, 16)]
    ids.append(UC_X86_REG_RFLAGS)
    ids += [UC_X86_REG_XMM0 + n for n in range(16)]
    return ids


REGISTER_IDS = _register_ids()


class TraceOptions:
    """What to capture: the filters of `python -m kernel trace`."""

    def __init__(self, ring: str = "all", ranges=(), modules=(), threads=(), start_address: int | None = None,
                 stop_address: int | None = None, start_time: int | None = None, stop_time: int | None = None,
                 instructions: bool = True):
        self.ring = ring                    # "user", "kernel" or "all"
        self.ranges = list(ranges)          # [(lo, hi)) address ranges
        self.modules = list(modules)        # module names, resolved to ranges once loaded
        self.threads = set(threads)         # thread ids; empty: every thread
        self.start_address = start_address
        self.stop_address = stop_address
        self.start_time = start_time
        self.stop_time = stop_time
        self.instructions = instructions    # False: kernel events only (--syscalls)


class _State(ctypes.Structure):
    """struct trace_state of trace.c."""
    _fields_ = [("ic", ctypes.c_void_p), ("reg_read", ctypes.c_void_p), ("define", ctypes.c_void_p),
                ("write", ctypes.c_void_p), ("fd", ctypes.c_int64), ("phys", ctypes.c_void_p),
                ("phys_size", ctypes.c_uint64),
                ("regids", ctypes.c_int32 * 33), ("fs_base_id", ctypes.c_int32), ("gs_base_id", ctypes.c_int32),
                ("buf", ctypes.c_void_p), ("len", ctypes.c_uint64), ("cap", ctypes.c_uint64),
                ("enabled", ctypes.c_uint32), ("nranges", ctypes.c_uint32),
                ("range_lo", ctypes.c_uint64 * MAX_RANGES), ("range_hi", ctypes.c_uint64 * MAX_RANGES),
                ("start_address", ctypes.c_uint64), ("stop_address", ctypes.c_uint64),
                ("start_time", ctypes.c_uint64), ("stop_time", ctypes.c_uint64),
                ("started", ctypes.c_uint32), ("stopped", ctypes.c_uint32),
                ("ring_lo", ctypes.c_uint64), ("ring_hi", ctypes.c_uint64)]
    # the rest of the structure is the C side's own


_DEFINE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint64, ctypes.c_uint32, ctypes.c_void_p, ctypes.c_uint32,
                              ctypes.c_void_p)


class TraceCapture:
    """Installed on a kernel before the process is created; `close()` after the run."""

    def __init__(self, kernel, options: TraceOptions, raw=None):
        self.kernel = kernel
        self.options = options
        self.raw = raw if raw is not None else tempfile.TemporaryFile(buffering=0)
        self.insns: list[isa.Insn] = []     # by id, as the C side numbers them
        self._context = None
        self._python = None
        lib = native_library() if options.instructions else None
        self.native = lib is not None
        if options.instructions:
            if self.native:
                self._install_native(lib)
            else:
                from .python_hook import PythonTraceHook
                self._python = PythonTraceHook(self)
        kernel.events.subscribe(self._on_event)
        kernel.trace = self
        kernel.machine.on_interrupt = self._on_interrupt
        kernel.machine.on_tlb_flush = self.flush_tlb
        from ..ke.boot import guest_image_path
        self.event("trace-start", ring=options.ring, threads=sorted(options.threads))
        self.event("image-load", pid=0, name="ntoskrnl.exe", base=kernel.image.base, size=kernel.image.size,
                   path="C:\\Windows\\System32\\ntoskrnl.exe", file=guest_image_path("ntoskrnl.exe"))

    # -- the native hook
    def _install_native(self, lib) -> None:
        kernel = self.kernel
        self._lib = lib
        lib.trace_state_size.restype = ctypes.c_uint64
        s = self._state_buf = ctypes.create_string_buffer(lib.trace_state_size())
        self._state = state = _State.from_buffer(s)
        self._state_ptr = ctypes.addressof(s)
        if not lib.trace_init(ctypes.c_void_p(self._state_ptr), ctypes.c_uint64(BUFFER_BYTES)):
            raise MemoryError("trace buffer")
        lib.trace_info_size.restype = ctypes.c_uint64
        assert lib.trace_info_size() == ctypes.sizeof(isa.InsnInfo), "trace.c's insn_info changed"
        state.ic = ctypes.addressof(kernel.counter._state)
        state.reg_read = ctypes.cast(uclib.uc_reg_read, ctypes.c_void_p).value
        self._define_cb = _DEFINE_FN(self._define)
        state.define = ctypes.cast(self._define_cb, ctypes.c_void_p).value
        state.write = ctypes.cast(ctypes.CDLL(None).write, ctypes.c_void_p).value
        state.fd = self.raw.fileno()
        state.phys = kernel.phys.address
        state.phys_size = kernel.phys.size
        for n, regid in enumerate(REGISTER_IDS):
            state.regids[n] = regid
        state.fs_base_id = UC_X86_REG_FS_BASE
        state.gs_base_id = UC_X86_REG_GS_BASE
        state.enabled = 0 if self.options.threads else 1
        self._apply_limits(state)
        state.ring_lo, state.ring_hi = self.ring_range()
        # Over every address, whatever the filters: the instruction before a filtered-out one
        # is finished (its results read) when that one starts.
        hook = ctypes.c_size_t()
        err = uclib.uc_hook_add(kernel.machine.uc._uch, ctypes.byref(hook), UC_HOOK_CODE,
                                ctypes.cast(lib.trace_code_hook, ctypes.c_void_p), ctypes.c_void_p(self._state_ptr),
                                ctypes.c_uint64(1), ctypes.c_uint64(0))
        if err:
            raise RuntimeError(f"uc_hook_add failed ({err})")

    def ring_range(self) -> tuple[int, int]:
        return {"user": USER_RANGE, "kernel": KERNEL_RANGE}.get(self.options.ring, (0, NO_LIMIT))

    def _apply_limits(self, state) -> None:
        o = self.options
        state.start_address = o.start_address if o.start_address is not None else NO_LIMIT
        state.start_time = o.start_time if o.start_time is not None else (
            NO_LIMIT if o.start_address is not None else 0)
        state.stop_address = o.stop_address if o.stop_address is not None else NO_LIMIT
        state.stop_time = o.stop_time if o.stop_time is not None else NO_LIMIT

    def set_limit(self, which: str, address: int) -> None:
        """--start/--stop at an address, known once the process's modules are mapped."""
        setattr(self.options, f"{which}_address", address)
        target = self._state if self.native else self._python
        if target is not None:
            self._apply_limits(target)

    def set_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """The address filter (from --range and --module): [lo, hi) each, at most 16."""
        if len(ranges) > MAX_RANGES:
            raise ValueError(f"at most {MAX_RANGES} address ranges")
        if self._python is not None:
            self._python.ranges = list(ranges)
            return
        if not self.native:
            return
        self._state.nranges = len(ranges)
        for n, (lo, hi) in enumerate(ranges):
            self._state.range_lo[n] = lo
            self._state.range_hi[n] = hi

    def _define(self, address, size, code_ptr, ident, info_ptr) -> int:
        code = ctypes.string_at(code_ptr, size)
        insn = isa.describe(address, code)
        if ident != len(self.insns):
            return 1
        self.insns.append(insn)
        isa.fill_info(isa.InsnInfo.from_address(info_ptr), insn)
        return 0

    def drain(self) -> None:
        """Write what the buffer holds to the raw file."""
        if self.native and not self._lib.trace_drain(ctypes.c_void_p(self._state_ptr)):
            raise OSError(errno.EIO, "the trace could not be written (is the disk full?)")

    # -- what the executive tells the trace
    def event(self, kind: str, **fields) -> None:
        payload = json.dumps({"kind": kind, **fields}, separators=(",", ":"), default=_json_default).encode()
        if self.native:
            self._lib.trace_event(ctypes.c_void_p(self._state_ptr), payload, ctypes.c_uint32(len(payload)))
        elif self._python is not None:
            self._python.event(payload)
        else:
            self.raw.write(b"\x02\0\0\0" + len(payload).to_bytes(4, "little") + payload)

    def _on_event(self, event) -> None:
        fields = event.fields
        if event.kind == "syscall" and "args" in fields:
            from .syscalls import decode_arguments
            fields = dict(fields)
            fields["args"] = decode_arguments(self.kernel, fields)
        if self.options.threads and not self._selected(fields):
            return
        self.event(event.kind, **fields)

    def _selected(self, fields: dict) -> bool:
        tids = [fields[k] for k in ("tid", "old_tid", "new_tid") if k in fields]
        return not tids or any(t in self.options.threads for t in tids)

    def context(self, cpu, thread) -> None:
        """The dispatcher is about to run `thread` on `cpu`."""
        key = (cpu.number, thread.tid)
        if key == self._context:
            return
        self._context = key
        selected = not self.options.threads or thread.tid in self.options.threads
        if self.native:
            self._state.enabled = 1 if selected else 0
        elif self._python is not None:
            self._python.enabled = selected
        if selected and self.options.instructions:
            uc = self.kernel.machine.uc
            regs = {name: uc.reg_read(REGISTER_IDS[n]) for n, name in enumerate(isa.SLOT_NAMES[:17])}
            regs["rip"] = uc.reg_read(UC_X86_REG_RIP)
            self.event("context", cpu=cpu.number, pid=thread.process.pid, tid=thread.tid, regs=regs)
        elif selected:
            self.event("context", cpu=cpu.number, pid=thread.process.pid, tid=thread.tid)

    def finish(self, faulted: bool = False) -> None:
        """The CPU stopped (or is delivering a fault): the last instruction's results are final."""
        if self.native:
            self._lib.trace_finish(ctypes.c_void_p(self._state_ptr), ctypes.c_int(1 if faulted else 0))
        elif self._python is not None:
            self._python.finish(faulted)

    def _on_interrupt(self, vector: int, is_int: bool) -> None:
        # A fault leaves its instruction unfinished; INT n and INT3 completed theirs.
        self.finish(faulted=not is_int)

    def flush_tlb(self) -> None:
        if self.native:
            self._lib.trace_flush_tlb(ctypes.c_void_p(self._state_ptr))

    def close(self) -> None:
        self.finish()
        self.drain()
        if self._python is not None:
            self._python.drain()
        self.raw.flush()
        if self.native:
            self._lib.trace_free(ctypes.c_void_p(self._state_ptr))
            self.native = False
        self.kernel.trace = None
        self.kernel.machine.on_interrupt = None
        self.kernel.machine.on_tlb_flush = None


def _json_default(value):
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)
