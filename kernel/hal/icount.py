"""Counting retired guest instructions: the unit of virtual time.

The native counter (kernel/hal/native/icount.c, built by `pip install`) is a C block hook; the
fallback is the same logic as a Python block hook, exact but about a hundred times slower. Both
count a block's instructions as it is entered and, once the count has reached the deadline the
dispatcher set, stop the CPU before the next block (which then has not run and is not counted).
`NTMINI_PURE_PYTHON=1` forces the fallback.
"""
import ctypes

from unicorn import UC_HOOK_BLOCK
from unicorn.unicorn_py3.unicorn import uclib

from .native_lib import native_library

_COUNT_FN = ctypes.CFUNCTYPE(ctypes.c_uint32, ctypes.c_uint64, ctypes.c_uint32)
NO_DEADLINE = (1 << 64) - 1


class _State(ctypes.Structure):
    _fields_ = [("instructions", ctypes.c_uint64), ("deadline", ctypes.c_uint64), ("space", ctypes.c_uint64),
                ("misses", ctypes.c_uint64), ("emu_stop", ctypes.c_void_p), ("count", ctypes.c_void_p),
                ("table", ctypes.c_void_p), ("mask", ctypes.c_uint64), ("used", ctypes.c_uint64),
                ("last", ctypes.c_void_p), ("block_start", ctypes.c_uint64), ("block_index", ctypes.c_uint64)]


class InstructionCounter:
    """Installed once on the machine; `instructions` only grows."""

    def __init__(self, machine, read_code):
        self.machine = machine
        self._read_code = read_code     # (va, size) -> bytes, in the current address space
        self._md = None                 # capstone, loaded at the first block (off the boot path)
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
        s = self._state = _State()
        if not lib.icount_init(ctypes.byref(s), 16):
            raise MemoryError("instruction counter table")
        s.deadline = NO_DEADLINE
        s.emu_stop = ctypes.cast(uclib.uc_emu_stop, ctypes.c_void_p).value
        self._callback = _COUNT_FN(self._count)
        s.count = ctypes.cast(self._callback, ctypes.c_void_p).value
        hook = ctypes.c_size_t()
        err = uclib.uc_hook_add(self.machine.uc._uch, ctypes.byref(hook), UC_HOOK_BLOCK,
                                ctypes.cast(lib.icount_block_hook, ctypes.c_void_p), ctypes.byref(s), 1, 0)
        if err:
            raise RuntimeError(f"uc_hook_add failed ({err})")

    # -- fallback: a Python block hook with a dict cache
    def _install_python(self) -> None:
        cache: dict = {}
        self._cache = cache
        self._instructions = 0
        self._deadline = NO_DEADLINE
        self._space = 0
        uc = self.machine.uc

        self._block_start = 0
        self._block_index = 0

        def on_block(uc_, address, size, _):
            if self._instructions >= self._deadline:
                uc_.emu_stop()
                return
            key = (address, size, self._space if address < 0x800000000000 else 0)
            n = cache.get(key)
            if n is None:
                n = cache[key] = self._count(address, size)
            self._block_start = self._instructions
            self._block_index = 0
            self._instructions += n

        uc.hook_add(UC_HOOK_BLOCK, on_block)

    # -- the dispatcher's interface
    @property
    def instructions(self) -> int:
        return self._state.instructions if self.native else self._instructions

    @property
    def deadline(self) -> int:
        return self._state.deadline if self.native else self._deadline

    @deadline.setter
    def deadline(self, value: int) -> None:
        if self.native:
            self._state.deadline = value
        else:
            self._deadline = value

    # -- the tracer's position: instructions before the running block, and its index in it
    @property
    def block_start(self) -> int:
        return self._state.block_start if self.native else self._block_start

    @property
    def block_index(self) -> int:
        return self._state.block_index if self.native else self._block_index

    @block_index.setter
    def block_index(self, value: int) -> None:
        if self.native:
            self._state.block_index = value
        else:
            self._block_index = value

    @property
    def space_tag(self) -> int:
        return self._state.space if self.native else self._space

    def set_space(self, tag: int) -> None:
        """The user address space now current (its CR3): user blocks are cached per space."""
        if self.native:
            self._state.space = tag
        else:
            self._space = tag

    def invalidate(self) -> None:
        """Code changed (a flush of translated code): forget every block's count."""
        if self.native:
            self._lib.icount_clear(ctypes.byref(self._state))
        else:
            self._cache.clear()
