"""A pseudo console (CreatePseudoConsole): a console of its own whose terminal is a pair of pipes.
What its clients write reaches the output pipe as the VT text conhost's ConPTY produces, and bytes
the terminal writes into the input pipe become its input records. The subset produced:
- at creation, the modes ConPTY asks its terminal for: win32-input-mode and focus events
  (CSI ? 9001 h, CSI ? 1004 h);
- when its first client attaches, the screen set up: cursor hidden, screen cleared, attributes
  reset, cursor home, the title (the client's image path, OSC 0), cursor shown;
- text as written, a bare LF sent as CR LF (ENABLE_PROCESSED_OUTPUT), and the VT sequences of the
  console calls (cursor, attribute, cells) as on the host's terminal (console_buffer.py).
Input is taken from the input pipe as it is there: a read never waits on the pipe (the executive's
own reads do not), so with nothing written yet a read returns nothing.
"""
import re

from ..status import NtStatusError
from .console_api import ConsoleApi
from .console_buffer import InputBuffer, ScreenBuffer, key_records
from .device import FILE_DEVICE_CONSOLE

CONPTY_START = b"\x1b[?9001h\x1b[?1004h"
_BARE_LF = re.compile(rb"(?<!\r)\n")


class PseudoConsole:
    def __init__(self, kernel, input_file, output_file, width: int, height: int):
        self.kernel = kernel
        self.screen = ScreenBuffer()
        self.screen.rows, self.screen.width, self.screen.height = {}, width, height
        self.screen.window_cols, self.screen.window_rows = width, height
        self.input = InputBuffer()
        self.api = ConsoleApi(self)
        self.title = self.original_title = ""
        self.attached: list = []
        self.aliases, self.alias_exes, self.histories = {}, {}, {}
        self.history_info = [50, 4, 0]
        self.input_file, self.output_file = input_file, output_file
        self.holders = [kernel.system_process.handles.insert(f) for f in (input_file, output_file)]
        self.closed = False
        self.started = False
        self._send(CONPTY_START)

    def file_device_type(self, file) -> int:
        return FILE_DEVICE_CONSOLE

    def _send(self, data: bytes) -> None:
        if self.closed or not data:
            return
        try:
            self.output_file.device.write(self.output_file, None, data)
        except NtStatusError:
            pass                                # the terminal closed its end: the output goes nowhere

    def emit(self, fd: int, data: bytes) -> int:
        self._send(data)
        return len(data)

    def write_text(self, file, data: bytes) -> int:
        screen = file.screen or self.screen
        screen.put_text(data.decode("utf-8", "replace"))
        if screen is self.screen:
            self._send(_BARE_LF.sub(b"\r\n", data) if screen.mode & 1 else data)
        return len(data)

    def poll_input(self, block: bool) -> None:
        try:
            data = self.input_file.device.read(self.input_file, None, 4096)
        except NtStatusError:
            return
        if data:
            text = self.api.decoder.decode(data)
            self.input.records += [bytes(r) for r in key_records(text)]     # echoed by the console

    def client_attached(self, process) -> None:
        """The first client: the screen cleared and titled with its image path."""
        if self.started:
            return
        self.started = True
        self.title = self.original_title = process.image_path
        self._send(b"\x1b[?25l\x1b[2J\x1b[m\x1b[H\x1b]0;" + process.image_path.encode("utf-8", "replace") +
                   b"\x07\x1b[?25h")

    def resize(self, width: int, height: int) -> None:
        s = self.screen
        s.window_left = s.window_top = 0
        s.window_cols = s.window_rows = 1
        s.resize(width, height)
        s.window_cols, s.window_rows = width, height

    def close(self) -> None:
        """ClosePseudoConsole: the pipes are let go (the terminal then reads the end of the output)."""
        if self.closed:
            return
        self.closed = True
        for handle in self.holders:
            try:
                self.kernel.system_process.handles.close(handle)
            except NtStatusError:
                pass

