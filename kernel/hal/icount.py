"""Counting retired guest instructions: the unit of virtual time.

The native counter (kernel/hal/native/icount.c, built by `pip install`) is a C block hook; the
fallback is the same logic as a Python block hook, exact but about a hundred times slower. Both
count a block's instructions as it is entered and, once the count has reached the deadline the
dispatcher set, stop the CPU before the next block (which then has not run and is not counted).
A block cut short (a gate that stops the CPU, a fault) gives back what did not run (`cut`), so
the count is the number of instructions retired, exactly: the one clock of the kernel.
On a uniprocessor run they also take the clock ticks (tick.c). The native counter reads a new
block's instruction count off Unicorn's translation of it; the fallback disassembles the block
with capstone. `NTMINI_PURE_PYTHON=1` forces the fallback.
"""
import ctypes

from unicorn import UC_CTL_IO_READ_WRITE, UC_CTL_TB_REQUEST_CACHE, UC_HOOK_BLOCK
from unicorn.unicorn_py3.unicorn import uclib

from .native_lib import native_library

_COUNT_FN = ctypes.CFUNCTYPE(ctypes.c_uint32, ctypes.c_uint64, ctypes.c_uint32)
NO_DEADLINE = (1 << 64) - 1
QUANTUM_PER_TICK = 3                # quantum units a clock tick charges (tick.c's too)
STOPPED_DEADLINE, STOPPED_BREAK = 1, 2  # why the hook stopped the CPU before a block (icount.h)


class _State(ctypes.Structure):
    """struct icount_state of icount.h."""
    _fields_ = [("instructions", ctypes.c_uint64), ("stop_at", ctypes.c_uint64), ("last", ctypes.c_void_p),
                ("deadline", ctypes.c_uint64), ("space", ctypes.c_uint64), ("misses", ctypes.c_uint64),
                ("emu_stop", ctypes.c_void_p), ("count", ctypes.c_void_p), ("table", ctypes.c_void_p),
                ("mask", ctypes.c_uint64), ("used", ctypes.c_uint64),
                ("uc_ctl", ctypes.c_void_p), ("ctl_request_cache", ctypes.c_int32),
                ("tick_at", ctypes.c_uint64), ("tick_instructions", ctypes.c_uint64), ("ticks", ctypes.c_uint64),
                ("stop_tick", ctypes.c_uint64), ("quantum", ctypes.c_int64), ("kuser", ctypes.c_void_p),
                ("time_increment", ctypes.c_uint64), ("boot_time", ctypes.c_uint64),
                ("break_at", ctypes.c_uint64), ("stopped", ctypes.c_uint32), ("reserved", ctypes.c_uint32)]


class _PyState:
    """The fallback's state: the fields of the C state that the Python hook uses."""

    __slots__ = ("instructions", "deadline", "space", "block_start", "block_index", "tick_at",
                 "tick_instructions", "ticks", "stop_tick", "quantum", "stop_at", "break_at", "stopped",
                 "block_address", "block_size")

    def __init__(self):
        self.instructions = self.space = self.block_start = self.block_index = 0
        self.ticks = self.quantum = self.tick_instructions = self.stopped = 0
        self.block_address = self.block_size = 0
        self.deadline = self.tick_at = self.stop_tick = self.stop_at = self.break_at = NO_DEADLINE


class InstructionCounter:
    """Installed once on the machine; `instructions` only grows. `state` holds the fields the
    dispatcher reads and sets (the C struct, or the fallback's object of the same names)."""

    def __init__(self, machine, read_code):
        self.machine = machine
        self._read_code = read_code     # (va, size) -> bytes, in the current address space
        self._md = None                 # capstone, loaded at the first block (off the boot path)
        self._publish_tick = None       # the fallback's KeUpdateSystemTime publication
        self._cache: dict = {}
        lib = native_library()
        self.native = lib is not None
        if self.native:
            self._install_native(lib)
        else:
            self._install_python()

    def _count(self, address: int, size: int) -> int:
        if self._md is None:
            import capstone
            self._md = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64)
        code = self._read_code(address, size)
        return sum(1 for _ in self._md.disasm_lite(code, address)) or 1

    # -- native: the C hook, with ctypes only on cache misses
    def _install_native(self, lib) -> None:
        self._lib = lib
        lib.icount_cut.argtypes = (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint64)
        s = self.state = self._state = _State()
        if not lib.icount_init(ctypes.byref(s), 16):
            raise MemoryError("instruction counter table")
        s.stop_tick = NO_DEADLINE
        s.emu_stop = ctypes.cast(uclib.uc_emu_stop, ctypes.c_void_p).value
        self._callback = _COUNT_FN(self._count)
        s.count = ctypes.cast(self._callback, ctypes.c_void_p).value
        s.uc_ctl = ctypes.cast(uclib.uc_ctl, ctypes.c_void_p).value
        s.ctl_request_cache = UC_CTL_TB_REQUEST_CACHE | 2 << 26 | UC_CTL_IO_READ_WRITE << 30
        hook = ctypes.c_size_t()
        err = uclib.uc_hook_add(self.machine.uc._uch, ctypes.byref(hook), UC_HOOK_BLOCK,
                                ctypes.cast(lib.icount_block_hook, ctypes.c_void_p), ctypes.byref(s), 1, 0)
        if err:
            raise RuntimeError(f"uc_hook_add failed ({err})")

    # -- fallback: a Python block hook with a dict cache, the same logic as icount.c and tick.c
    def _install_python(self) -> None:
        st = self.state = _PyState()
        cache = self._cache

        def stop_before(uc_, why):
            st.stopped = why
            st.block_size = 0
            uc_.emu_stop()

        def on_block(uc_, address, size, _):
            i = st.instructions
            if i >= st.deadline:
                stop_before(uc_, STOPPED_DEADLINE)
                return
            if i >= st.tick_at:
                st.ticks += 1
                st.tick_at += st.tick_instructions
                self._publish_tick()
                st.quantum -= QUANTUM_PER_TICK
                if st.quantum <= 0 or st.ticks >= st.stop_tick:
                    stop_before(uc_, STOPPED_DEADLINE)
                    return
            # _cached, inline: this runs at every block
            key = (address, size, st.space if address < 0x800000000000 else 0)
            n = cache.get(key)
            if n is None:
                n = cache[key] = self._count(address, size)
            if i <= st.break_at < i + n:
                stop_before(uc_, STOPPED_BREAK)
                return
            st.block_start = i
            st.block_index = 0
            st.block_address = address
            st.block_size = size
            st.instructions = i + n

        self.machine.uc.hook_add(UC_HOOK_BLOCK, on_block)

    def _cached(self, address: int, size: int) -> int:
        key = (address, size, self.state.space if address < 0x800000000000 else 0)
        n = self._cache.get(key)
        if n is None:
            n = self._cache[key] = self._count(address, size)
        return n

    def attach_clock(self, tick_instructions: int, kuser_host: int, time_increment: int, boot_time: int,
                     publish) -> None:
        """The clock's constants, for ticks taken in the hook (a uniprocessor run sets tick_at)."""
        st = self.state
        st.tick_instructions = tick_instructions
        if self.native:
            st.kuser = kuser_host
            st.time_increment = time_increment
            st.boot_time = boot_time
        self._publish_tick = publish

    # -- the dispatcher's interface
    @property
    def instructions(self) -> int:
        return self.state.instructions

    limit = NO_DEADLINE                 # --max-instructions: no deadline is set beyond it

    def set_limit(self, value: int) -> None:
        self.limit = value
        self.set_deadline(self.state.deadline)

    def set_deadline(self, value: int) -> None:
        """Stop before the first block at or past this count (NO_DEADLINE: never)."""
        st = self.state
        st.deadline = value = min(value, self.limit)
        st.stop_at = min(value, st.tick_at, st.break_at)

    def set_tick_at(self, value: int) -> None:
        """Take the next clock tick at this count (NO_DEADLINE: the hook takes none)."""
        st = self.state
        st.tick_at = value
        st.stop_at = min(value, st.deadline, st.break_at)

    def set_break(self, value: int) -> None:
        """Stop where exactly this many instructions have retired (NO_DEADLINE: never): the
        hook stops before the block that holds the next one (STOPPED_BREAK), the rest is run
        by count."""
        st = self.state
        st.break_at = value
        st.stop_at = min(st.deadline, st.tick_at, value)

    def cut(self, rip: int) -> None:
        """The block entered last stopped at `rip` before its end (a gate that stopped the
        CPU, a fault, a stop by count): only the instructions before rip retired."""
        if self.native:
            self._lib.icount_cut(ctypes.byref(self._state), self.machine.uc._uch, rip)
            return
        st = self.state
        start = st.block_address
        if st.block_size and start <= rip < start + st.block_size:
            st.instructions = st.block_start + (self._cached(start, rip - start) if rip != start else 0)
            st.block_size = 0

    # -- the fallback tracer's position: instructions before the running block, and its index
    #    in it (the native tracer keeps its own, trace.c)
    @property
    def block_start(self) -> int:
        return self.state.block_start

    @property
    def block_index(self) -> int:
        return self.state.block_index

    @block_index.setter
    def block_index(self, value: int) -> None:
        self.state.block_index = value

    @property
    def space_tag(self) -> int:
        return self.state.space

    def set_space(self, tag: int) -> None:
        """The user address space now current (its CR3): user blocks are cached per space."""
        self.state.space = tag
        if self.native:
            self.state.last = None

    def invalidate(self) -> None:
        """Code changed (a flush of translated code): forget every block's count."""
        if self.native:
            self._lib.icount_clear(ctypes.byref(self._state))
        else:
            self._cache.clear()
