"""Console handles: file objects whose writes go to the host's stdout/stderr unchanged."""
import os


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

    def read(self, length: int) -> bytes:
        return os.read(self.fd, length)
