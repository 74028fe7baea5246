"""Emulated physical memory: one anonymous host mapping handed to Unicorn.

Once paging is on, Unicorn's mem_read/mem_write take physical addresses; the executive
skips them and reads the same bytes through this buffer, which is what the CPU sees.
"""
import ctypes
import mmap
import struct

_Q = struct.Struct("<Q")


class PhysicalMemory:
    def __init__(self, size: int):
        self.size = size
        self._map = mmap.mmap(-1, size)
        self._cbuf = (ctypes.c_char * size).from_buffer(self._map)
        self.address = ctypes.addressof(self._cbuf)
        self.view = memoryview(self._map)

    def attach(self, uc) -> None:
        from unicorn import UC_PROT_ALL
        uc.mem_map_ptr(0, self.size, UC_PROT_ALL, self.address)

    def read(self, pa: int, size: int) -> bytes:
        return bytes(self.view[pa:pa + size])

    def write(self, pa: int, data) -> None:
        self.view[pa:pa + len(data)] = data

    def zero(self, pa: int, size: int) -> None:
        ctypes.memset(self.address + pa, 0, size)

    def read_q(self, pa: int) -> int:
        return _Q.unpack_from(self._map, pa)[0]

    @property
    def buffer(self):
        """The raw mapping, for struct.unpack_from/pack_into on hot paths."""
        return self._map
