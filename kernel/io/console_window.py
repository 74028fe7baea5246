"""The console requests about a screen buffer's geometry and looks (console_api.py dispatches them):
SetConsoleScreenBufferSize, SetConsoleWindowInfo, SetConsoleScreenBufferInfoEx, the CHAR_INFO
rectangles of Read/WriteConsoleOutput, the current font, the console modes and
SetConsoleActiveScreenBuffer. The handle's buffer is self.screen; only the active buffer's changes
reach the host's terminal (self._emit)."""
import struct

from ..status import STATUS_INVALID_PARAMETER, STATUS_SUCCESS, NtStatusError
from .console_buffer import unpack

MAX_BUFFER = 0x7FFF                             # a COORD's largest size
FONT = struct.Struct("<Ihhii64s")               # index, size, family, weight, face name (LF_FACESIZE WCHARs)
CELL = struct.Struct("<HH")                     # CHAR_INFO: the UTF-16 character, the attribute


def _invalid():
    raise NtStatusError(STATUS_INVALID_PARAMETER)


class WindowRequests:
    def _set_size(self, data):
        """The buffer may not be smaller than its window (nor larger than a COORD holds)."""
        width, height = unpack("<hh", data)
        s = self.screen
        if width < s.window_cols or height < s.window_rows or width > MAX_BUFFER or height > MAX_BUFFER:
            _invalid()
        s.resize(width, height)
        return STATUS_SUCCESS, 0, b""

    def _place_window(self, left, top, right, bottom) -> None:
        """The window at that rectangle: inside the buffer, at most the largest window."""
        s = self.screen
        cols, rows = right - left + 1, bottom - top + 1
        most_cols, most_rows = s.maximum_window()
        if left < 0 or top < 0 or cols < 1 or rows < 1 or right >= s.width or bottom >= s.height \
                or cols > most_cols or rows > most_rows:
            _invalid()
        s.window_left, s.window_top, s.window_cols, s.window_rows = left, top, cols, rows

    def _set_window(self, data):
        """SetConsoleWindowInfo: absolute coordinates, or offsets from the present corners."""
        absolute, left, top, right, bottom = unpack("<Ihhhh", data)
        if not absolute:
            l0, t0, r0, b0 = self.screen.window()
            left, top, right, bottom = l0 + left, t0 + top, r0 + right, b0 + bottom
        self._place_window(left, top, right, bottom)
        return STATUS_SUCCESS, 0, b""

    def _set_info_ex(self, data):
        """SetConsoleScreenBufferInfoEx: the size, the window's size (kept inside the new buffer), the
        cursor, the attributes and the colour table, in that order."""
        fields = unpack("<hhhhHhhhhH16I", data)
        width, height, cx, cy, attribute, left, top, right, bottom, popup = fields[:10]
        s = self.screen
        if width < 1 or height < 1 or width > MAX_BUFFER or height > MAX_BUFFER:
            _invalid()
        s.resize(width, height)
        cols, rows = min(right - left + 1, s.maximum_window()[0]), min(bottom - top + 1, s.maximum_window()[1])
        if cols < 1 or rows < 1:
            _invalid()
        s.window_cols, s.window_rows = cols, rows
        s.window_left = max(0, min(left, width - cols))
        s.window_top = max(0, min(top, height - rows))
        s.cursor = [max(0, min(cx, width - 1)), max(0, min(cy, height - 1))]
        s.attribute, s.popup_attribute = attribute, popup
        s.colors = list(fields[10:])
        return STATUS_SUCCESS, 0, b""

    def _rect(self, data) -> tuple:
        left, top, right, bottom = unpack("<hhhh", data)
        if left < 0 or top < 0 or right < left or bottom < top or right >= self.screen.width \
                or bottom >= self.screen.height:
            _invalid()                          # kernelbase clips the rectangle first
        return left, top, right, bottom

    def _write_rect(self, data):
        """WriteConsoleOutput's cells, row by row, into a rectangle of the buffer."""
        left, top, right, bottom = self._rect(data)
        s = self.screen
        cells = [(x, y) for y in range(top, bottom + 1) for x in range(left, right + 1)]
        if len(data) < 8 + CELL.size * len(cells):
            _invalid()
        for i, (x, y) in enumerate(cells):
            ch, attribute = CELL.unpack_from(data, 8 + CELL.size * i)
            s.row(y)[x] = [chr(ch), attribute]
        self._paint(cells)
        return STATUS_SUCCESS, 0, b""

    def _read_rect(self, data):
        left, top, right, bottom = self._rect(data)
        s = self.screen
        out = b"".join(CELL.pack(ord(s.cell(x, y)[0]), s.cell(x, y)[1])
                       for y in range(top, bottom + 1) for x in range(left, right + 1))
        return STATUS_SUCCESS, len(out), out

    def _get_font(self, data):
        f = self.screen.font
        out = FONT.pack(f["index"], *f["size"], f["family"], f["weight"], f["face"].encode("utf-16-le")[:62])
        return STATUS_SUCCESS, len(out), out

    def _set_font(self, data):
        """SetCurrentConsoleFontEx: the face, size, family and weight the buffer's text is drawn in."""
        index, x, y, family, weight, face = unpack(FONT.format, data)
        if y < 0 or x < 0:
            _invalid()
        f = self.screen.font
        name = face.decode("utf-16-le", "replace").split("\0")[0]
        f.update(size=(x or f["size"][0], y or f["size"][1]), family=family, weight=weight, face=name or f["face"])
        return STATUS_SUCCESS, 0, b""

    def _get_mode(self, data):
        mode = self.device.input.mode if self.file.fd_host == 0 else self.screen.mode
        return STATUS_SUCCESS, 4, struct.pack("<I", mode)

    def _set_mode(self, data):
        (mode,) = unpack("<I", data)
        if self.file.fd_host == 0:
            self.device.input.mode = mode
        else:
            self.screen.mode = mode
        return STATUS_SUCCESS, 0, b""

    def _activate(self, data):
        """SetConsoleActiveScreenBuffer: the terminal shows this buffer's window from now on."""
        self.device.screen = self.screen
        self.device.emit(1, self.screen.vt_redraw())
        return STATUS_SUCCESS, 0, b""
