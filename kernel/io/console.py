"""Console handles: file objects whose writes go to the host's stdout/stderr unchanged."""
import os

from ..ob.object import ObCreateObject, ObjectBody

FILE_OBJECT_SIZE = 0xD8


class ConsoleFile(ObjectBody):
    type_name = "File"

    def __init__(self, kernel, fd: int, name: str):
        self.address = ObCreateObject(kernel, "File", FILE_OBJECT_SIZE)
        self.bind_header(kernel.system, self.address)
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
