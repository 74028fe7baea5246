"""ReadConsole and ReadFile on the console's input (console_api.py dispatches READ_TEXT; the device's
read uses the same): characters come from the key-down events of the input buffer, so records queued
by WriteConsoleInput are read like typed keys. With ENABLE_LINE_INPUT the console edits a line first
(Backspace removes a character, echoed with ENABLE_ECHO_INPUT) and the read returns it ending in CR LF;
the line also goes to the command history of the reader's exe name (console_session.py). Without it,
the characters waiting are returned as they come (at least one: the read waits). What a read's buffer
cannot take waits for the next read."""
from ..status import STATUS_SUCCESS
from .console_buffer import INPUT_RECORD, KEY_EVENT, KEY_EVENT_RECORD, TypedRecord, unpack

ENABLE_LINE_INPUT, ENABLE_ECHO_INPUT = 0x2, 0x4


class ReadRequests:
    def _next_chars(self, block: bool) -> str | None:
        """The characters of the next input record ("" for one without any); None when nothing is
        waiting (block: the host's terminal was waited on and has ended)."""
        records = self.device.input.records
        if not records:
            self.poll_host(block=block)
            if not records:
                return None
        record = records.pop(0)
        self.typed = isinstance(record, TypedRecord)
        event_type, _, body = INPUT_RECORD.unpack(record)
        if event_type != KEY_EVENT:
            return ""
        down, repeat, _, _, char, _ = KEY_EVENT_RECORD.unpack_from(body)
        return chr(char) * max(repeat, 1) if down and char else ""

    def _echo(self, text: str) -> None:
        """The echo goes into the screen buffer; the host's terminal has shown a key typed on it already."""
        s = self.device.screen
        s.put_text(text)
        if not self.typed:
            self.device.emit(1, text.encode("utf-8", "replace"))

    def _cooked_line(self, exe: str) -> str:
        mode = self.device.input.mode
        line = ""
        while True:
            chars = self._next_chars(block=True)
            if chars is None:
                return line                     # the host's input ended
            for ch in chars:
                if ch == "\r":
                    if mode & ENABLE_ECHO_INPUT:
                        self._echo("\r\n")
                    self.add_history(exe, line)
                    return line + "\r\n"
                if ch == "\b":
                    if line:
                        line = line[:-1]
                        if mode & ENABLE_ECHO_INPUT:
                            self._echo("\b \b")
                    continue
                line += ch
                if mode & ENABLE_ECHO_INPUT:
                    self._echo(ch)

    def read_text(self, want: int, exe: str) -> str:
        """Up to want characters, as ReadConsoleW returns them."""
        inp = self.device.input
        if not inp.pending:
            if inp.mode & ENABLE_LINE_INPUT:
                inp.pending = self._cooked_line(exe)
            else:
                chars = self._next_chars(block=True)
                while chars == "":
                    chars = self._next_chars(block=True)
                text = chars or ""
                while inp.records and len(text) < want:     # what else is waiting, without waiting
                    more = self._next_chars(block=False)
                    text += more or ""
                inp.pending = text
        taken, inp.pending = inp.pending[:want], inp.pending[want:]
        return taken

    def _read_text(self, data):
        (want,) = unpack("<I", data)
        exe = data[4:].decode("utf-16-le", "replace")
        out = self.read_text(want, exe).encode("utf-16-le")
        return STATUS_SUCCESS, len(out), out

    def read_bytes(self, length: int, exe: str) -> bytes:
        """ReadFile on the console's input: the characters as UTF-8, as many as fit in length bytes."""
        text = self.read_text(length, exe)
        out = text.encode("utf-8", "replace")
        while len(out) > length:
            self.device.input.pending = text[-1] + self.device.input.pending
            text = text[:-1]
            out = text.encode("utf-8", "replace")
        return out
