"""The console: the standard handles are file objects of \\Device\\ConDrv whose reads take the
host's stdin and whose writes reach the host's stdout/stderr unchanged (or kernel.output_sink,
when a test captures them; kernel.input_source, when one feeds stdin).

Their device type says what the host's descriptors really are, since C runtimes choose their
buffering from it: a terminal is FILE_DEVICE_CONSOLE, a pipe or socket FILE_DEVICE_NAMED_PIPE,
a regular file FILE_DEVICE_DISK, /dev/null FILE_DEVICE_NULL. The end of the input is what that
device would report: 0 bytes from a console, STATUS_PIPE_BROKEN from a pipe, STATUS_END_OF_FILE
from a file. On a terminal the device also keeps the console's screen and input buffers
(console_buffer.py; their I/O controls are console_api.py): text written moves the buffer's cursor,
and reads take the input buffer's keys (console_read.py). Besides the standard names, \\ScreenBuffer
opens a new screen buffer (CreateConsoleScreenBuffer), \\Connect the console itself (its processes,
aliases and histories) and \\Pseudo a pseudo console's handle (console_pseudo.py), whose clients'
handles name that console instead of the host's terminal.
"""
import os
import stat

from ..status import (
    STATUS_END_OF_FILE,
    STATUS_INVALID_DEVICE_REQUEST,
    STATUS_INVALID_HANDLE,
    STATUS_INVALID_PARAMETER,
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_PIPE_BROKEN,
    STATUS_SUCCESS,
    NtStatusError,
)
from .console_api import CONNECTION_REQUESTS, CONSOLE_IOCTL_BASE, ConsoleApi
from .console_buffer import InputBuffer, ScreenBuffer, unpack
from .console_pseudo import PseudoConsole
from .device import (
    FILE_DEVICE_ALLOW_APPCONTAINER_TRAVERSAL,
    FILE_DEVICE_CONSOLE,
    FILE_DEVICE_DISK,
    FILE_DEVICE_NAMED_PIPE,
    FILE_DEVICE_NULL,
    DeviceObject,
)
from .file import FO_SYNCHRONOUS_IO, FileObject

CONSOLE_ACCESS = 0x12019F               # GENERIC_READ | GENERIC_WRITE as mapped for ConDrv handles
# \Device\ConDrv names kernelbase opens for CONIN$ / CONOUT$
CONDRV_NAMES = {"\\CURRENTIN": 0, "\\CURRENTOUT": 1, "\\INPUT": 0, "\\OUTPUT": 1, "\\SCREENBUFFER": 1,
                "\\CONNECT": 1, "\\PSEUDO": 1}
# The pseudo console's requests, past console_api.py's (kernelbase/console_io.h numbers them too)
CREATE_PSEUDO, RESIZE_PSEUDO, CLOSE_PSEUDO = 30, 31, 32


def host_device_type(fd: int) -> int:
    try:
        st = os.fstat(fd)
    except OSError:
        return FILE_DEVICE_CONSOLE
    if stat.S_ISFIFO(st.st_mode) or stat.S_ISSOCK(st.st_mode):
        return FILE_DEVICE_NAMED_PIPE
    if stat.S_ISREG(st.st_mode):
        return FILE_DEVICE_DISK
    if stat.S_ISCHR(st.st_mode) and not os.isatty(fd):
        return FILE_DEVICE_NULL
    return FILE_DEVICE_CONSOLE


class ConsoleDevice(DeviceObject):
    device_type = FILE_DEVICE_CONSOLE
    characteristics = FILE_DEVICE_ALLOW_APPCONTAINER_TRAVERSAL

    def __init__(self, kernel, nt_name: str):
        super().__init__(kernel, nt_name)
        self.screen = ScreenBuffer()            # the active screen buffer
        self.input = InputBuffer()
        self.api = ConsoleApi(self)
        self.title = self.original_title = "ntmini"
        self.attached: list = []                # the processes on the console, in the order they came
        self.aliases: dict = {}                 # exe name (upper case) -> {source (upper case): (source, target)}
        self.alias_exes: dict = {}              # exe name (upper case) -> the exe name as first given
        self.histories: dict = {}               # exe name (upper case) -> its command history
        self.history_info = [50, 4, 0]          # HistoryBufferSize, NumberOfHistoryBuffers, dwFlags

    def device_control(self, thread, file, code: int, data: bytes, out_buffer: int, out_length: int,
                       io_status: int, event, apc_routine: int, apc_context: int):
        """A console request completes at once: (status, bytes returned, output)."""
        if not isinstance(file, ConsoleFile):
            raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
        n = (code - CONSOLE_IOCTL_BASE) >> 2
        if n in (CREATE_PSEUDO, RESIZE_PSEUDO, CLOSE_PSEUDO) and not code & 3:
            return self._pseudo_request(thread, file, n, data)
        process = getattr(thread, "process", None)
        console = file.console or self
        if n in CONNECTION_REQUESTS and file.console is None and getattr(process, "console", None) is not None:
            console = process.console           # the console itself: the one the caller is attached to
        status, information, out = console.api.device_control(file, code, data, process)
        out = out[:out_length]
        return status, min(information, len(out)), out

    def _pseudo_request(self, thread, file, n: int, data: bytes):
        """CreatePseudoConsole on a \\Pseudo handle (the terminal's input and output pipes, the size),
        ResizePseudoConsole and ClosePseudoConsole on it."""
        from ..ob.namespace import nt_upcase
        if nt_upcase(file.name) != "\\PSEUDO":
            raise NtStatusError(STATUS_INVALID_HANDLE)
        if n == CREATE_PSEUDO:
            in_handle, out_handle, width, height = unpack("<QQhh", data)
            if file.console is not None or width < 1 or height < 1:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            ends = []
            for handle in (in_handle, out_handle):
                obj = thread.process.handles.lookup(handle)
                if not isinstance(obj, FileObject) or isinstance(obj, ConsoleFile):
                    raise NtStatusError(STATUS_INVALID_HANDLE)
                ends.append(obj)
            file.console = PseudoConsole(self.kernel, ends[0], ends[1], width, height)
        elif file.console is None:
            raise NtStatusError(STATUS_INVALID_HANDLE)
        elif n == RESIZE_PSEUDO:
            width, height = unpack("<hh", data)
            if width < 1 or height < 1:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            file.console.resize(width, height)
        else:
            file.console.close()
        return STATUS_SUCCESS, 0, b""

    def parse(self, request, remaining: str):
        from ..ob.namespace import nt_upcase
        fd = CONDRV_NAMES.get(nt_upcase(remaining))
        if fd is None:
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
        file = ConsoleFile(self.kernel, fd, remaining, device=self)
        if nt_upcase(remaining) == "\\SCREENBUFFER":
            file.screen = ScreenBuffer()        # CreateConsoleScreenBuffer: a buffer of its own
        return file, 1                  # FILE_OPENED

    def file_device_type(self, file) -> int:
        if getattr(file, "console", None) is not None:
            return FILE_DEVICE_CONSOLE          # a pseudo console's handle
        kernel = self.kernel
        if file.fd_host == 0 and getattr(kernel, "input_source", None) is not None:
            return FILE_DEVICE_NAMED_PIPE
        sink = kernel.output_sink
        limits = getattr(kernel, "limits", None)
        if limits is not None and sink == getattr(limits, "_write", None):
            sink = limits._next_sink        # --max-output counts the bytes; the host's fd is what they reach
        if file.fd_host != 0 and sink is not None:
            return FILE_DEVICE_NAMED_PIPE
        return host_device_type(file.fd_host)

    def read(self, file, offset, length: int) -> bytes:
        if file.fd_host != 0:
            raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
        if file.console is not None:
            return file.console.api.read_bytes(length, self._reader_name())
        if self.file_device_type(file) == FILE_DEVICE_CONSOLE:
            return self.api.read_bytes(length, self._reader_name())    # the input buffer's keys, cooked
        source = getattr(self.kernel, "input_source", None)
        if source is not None:
            data = source(length)
        else:
            try:
                data = os.read(0, length) if length else b""
            except OSError:
                data = b""
        if not data and length:
            kind = self.file_device_type(file)
            if kind == FILE_DEVICE_NAMED_PIPE:
                raise NtStatusError(STATUS_PIPE_BROKEN)
            if kind in (FILE_DEVICE_DISK, FILE_DEVICE_NULL):
                raise NtStatusError(STATUS_END_OF_FILE)
        return data

    def write(self, file, offset, data: bytes) -> int:
        if file.fd_host == 0:
            raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
        if file.console is not None:
            return file.console.write_text(file, data)
        if self.file_device_type(file) == FILE_DEVICE_CONSOLE:
            screen = file.screen or self.screen
            screen.put_text(data.decode("utf-8", "replace"))        # conhost's processed output
            if screen is not self.screen:
                return len(data)                # an inactive screen buffer: not on the terminal
        return self.emit(file.fd_host, data)

    def _reader_name(self) -> str:
        """The exe name a ReadFile's line goes into the history of: the running process's image."""
        dispatcher = getattr(self.kernel, "dispatcher", None)
        thread = getattr(dispatcher, "current", None)
        return getattr(getattr(thread, "process", None), "name", "")

    def emit(self, fd: int, data: bytes) -> int:
        """Bytes to the host's descriptor fd (or the output sink)."""
        if not data:
            return 0
        sink = self.kernel.output_sink
        if sink is not None:
            sink(fd, data)
            return len(data)
        view = memoryview(data)
        try:
            while view:
                n = os.write(fd, view)
                view = view[n:]
        except BrokenPipeError:
            raise                               # the reader went away: the command ends (exit 70)
        except OSError as e:                    # no such descriptor on the host (closed): no console
            raise NtStatusError(STATUS_INVALID_HANDLE) from e
        return len(data)

    def cleanup(self, file) -> None:
        return None                     # the host's descriptors stay open


def console_device(kernel) -> ConsoleDevice:
    io = getattr(kernel, "io", None)
    if io is not None:
        return io.console
    device = getattr(kernel, "_console_device", None)
    if device is None:
        device = kernel._console_device = ConsoleDevice(kernel, "\\Device\\ConDrv")
    return device


class ConsoleFile(FileObject):
    """A console handle's file object, on one of the host's standard descriptors."""

    def __init__(self, kernel, fd: int, name: str, device=None):
        super().__init__(kernel, device or console_device(kernel), name)
        self.fd_host = fd
        self.name = name
        self.screen = self.device.screen if fd else None  # the screen buffer an output handle names
        self.console = None                     # a pseudo console's handle: that console (console_pseudo.py)
        self.granted_access = CONSOLE_ACCESS
        self.share_access = 3
        self.options = 0x20                     # opened FILE_SYNCHRONOUS_IO_NONALERT, as ConDrv's are
        self.flags = FO_SYNCHRONOUS_IO

    @classmethod
    def standard(cls, kernel) -> tuple:
        return tuple(cls(kernel, fd, name) for fd, name in ((0, "\\Input"), (1, "\\Output"), (2, "\\Error")))

    def write(self, data: bytes) -> int:
        return self.device.write(self, None, data)

    def read(self, length: int) -> bytes:
        return self.device.read(self, None, length)
