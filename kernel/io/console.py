"""Console handles: file objects whose writes go to the host's stdout/stderr unchanged."""
import os
import stat

FILE_DEVICE_DISK = 0x07
FILE_DEVICE_NAMED_PIPE = 0x11
FILE_DEVICE_NULL = 0x15
FILE_DEVICE_CONSOLE = 0x50


class ConsoleFile:
    def __init__(self, kernel, fd: int, name: str):
        self.kernel = kernel
        self.fd = fd
        self.name = name

    @classmethod
    def standard(cls, kernel) -> tuple:
        return tuple(cls(kernel, fd, name) for fd, name in ((0, "CONIN$"), (1, "CONOUT$"), (2, "CONERR$")))

    def write(self, data: bytes) -> int:
        sink = self.kernel.output_sink
        if sink is not None:
            sink(self.fd, data)
            return len(data)
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]
        return len(data)

    def device_type(self) -> int:
        """What the handle leads to, as Windows would see the host's end: a terminal is the
        console, a pipe or socket a named pipe, a regular file a disk file, /dev/null NUL."""
        if self.kernel.output_sink is not None and self.fd != 0:
            return FILE_DEVICE_NAMED_PIPE               # captured output
        try:
            if os.isatty(self.fd):
                return FILE_DEVICE_CONSOLE
            mode = os.fstat(self.fd).st_mode
        except OSError:
            return FILE_DEVICE_NULL
        if stat.S_ISREG(mode):
            return FILE_DEVICE_DISK
        if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            return FILE_DEVICE_NAMED_PIPE
        return FILE_DEVICE_NULL

    def read(self, length: int) -> bytes:
        return os.read(self.fd, length)
