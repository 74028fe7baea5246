"""The console's I/O controls (NtDeviceIoControlFile on a \\Device\\ConDrv handle): the screen-buffer
and input-buffer requests kernelbase's console calls make, in place of the console API messages
Windows' condrv passes to conhost. One function code each, METHOD_BUFFERED, in the customer range;
kernelbase/console_io.h declares the same numbers and layouts. Only a console (the host's terminal,
or a pseudo console) answers: on a pipe or a file they fail with STATUS_INVALID_HANDLE, as Windows'
console calls do. The handlers are here (cells, cursor, title, input records), in console_window.py
(size, window, rectangles, font, modes, screen buffers), console_read.py (cooked reads) and
console_session.py (the console itself: processes, aliases, histories; any ConDrv handle asks).
"""
import codecs
import os
import select
import struct

from ..status import STATUS_INVALID_HANDLE, STATUS_INVALID_PARAMETER, STATUS_SUCCESS, NtStatusError
from .console_buffer import INPUT_RECORD, key_records, sgr, unpack
from .console_read import ReadRequests
from .console_session import SessionRequests
from .console_window import WindowRequests
from .device import FILE_DEVICE_CONSOLE

CONSOLE_IOCTL_BASE = 0x500000 | (0x800 << 2)    # CTL_CODE(FILE_DEVICE_CONSOLE, 0x800 + n, METHOD_BUFFERED, 0)
(GET_INFO, SET_CURSOR, SET_ATTRIBUTE, SET_CURSOR_INFO, FILL, WRITE_CELLS, READ_CELLS, SCROLL, GET_TITLE,
 SET_TITLE, WRITE_INPUT, READ_INPUT, COUNT_INPUT, FLUSH_INPUT,
 SET_SIZE, SET_WINDOW, SET_INFO_EX, WRITE_RECT, READ_RECT, GET_FONT, SET_FONT, GET_MODE, SET_MODE, ACTIVATE,
 READ_TEXT, ALLOC, ATTACH, FREE, PROCESS_LIST, ALIAS) = range(30)
# size, cursor, attribute, window, maximum window, cursor info, colours, popup attribute
INFO = struct.Struct("<hhhhHhhhhhhII16IH")
INPUT_REQUESTS = (WRITE_INPUT, READ_INPUT, COUNT_INPUT, FLUSH_INPUT, READ_TEXT)
EITHER_REQUESTS = (GET_TITLE, SET_TITLE, GET_MODE, SET_MODE)
CONNECTION_REQUESTS = (ALLOC, ATTACH, FREE, PROCESS_LIST, ALIAS)   # the console itself: any ConDrv handle
READ_PEEK, READ_NOWAIT = 1, 2
KIND_CHARACTER, KIND_ATTRIBUTE = 0, 1


_unpack = unpack


class ConsoleApi(WindowRequests, ReadRequests, SessionRequests):
    """The requests of one console (the screen buffer a handle names, the input buffer, the console's
    processes, aliases and histories)."""

    def __init__(self, device):
        self.device = device
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.process = None                     # the caller of the request being answered
        self.typed = False                      # the last input record read was typed on the host

    # -- host terminal input, typed keys as KEY_EVENT records
    def poll_host(self, block: bool) -> None:
        if hasattr(self.device, "poll_input"):
            return self.device.poll_input(block)    # a pseudo console's input pipe
        while True:                             # only a terminal gets here (fed input is a pipe)
            try:
                if not block and not select.select([0], [], [], 0)[0]:
                    return
                data = os.read(0, 4096)
            except (OSError, ValueError):
                return
            if data:
                self.device.input.records += key_records(self.decoder.decode(data))
            if not block or not data or self.device.input.records:
                return

    def device_control(self, file, code: int, data: bytes, process=None):
        n = (code - CONSOLE_IOCTL_BASE) >> 2
        if code & 3 or not 0 <= n <= ALIAS:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        self.process = process
        if n not in CONNECTION_REQUESTS:
            if self.device.file_device_type(file) != FILE_DEVICE_CONSOLE:
                raise NtStatusError(STATUS_INVALID_HANDLE)
            is_input = file.fd_host == 0
            if (n in INPUT_REQUESTS) != is_input and n not in EITHER_REQUESTS:
                raise NtStatusError(STATUS_INVALID_HANDLE)
        handler = (self._info, self._cursor, self._attribute, self._cursor_info, self._fill, self._write_cells,
                   self._read_cells, self._scroll, self._get_title, self._set_title, self._write_input,
                   self._read_input, self._count_input, self._flush_input,
                   self._set_size, self._set_window, self._set_info_ex, self._write_rect, self._read_rect,
                   self._get_font, self._set_font, self._get_mode, self._set_mode, self._activate,
                   self._read_text, self._alloc, self._attach, self._free, self._process_list, self._alias)[n]
        self.screen = getattr(file, "screen", None) or self.device.screen
        self.file = file
        return handler(data)

    def _emit(self, data: bytes) -> None:
        """VT output for a change to the handle's screen buffer: only the active one is on the terminal."""
        if self.screen is self.device.screen:
            self.device.emit(1, data)

    def _paint(self, positions) -> None:
        self._emit(self.screen.vt_paint(list(positions)))

    # -- the screen buffer
    def _info(self, data):
        s = self.screen
        left, top, right, bottom = s.window()
        out = INFO.pack(s.width, s.height, s.cursor[0], s.cursor[1], s.attribute, left, top, right, bottom,
                        *s.maximum_window(), s.cursor_size, int(s.cursor_visible), *s.colors, s.popup_attribute)
        return STATUS_SUCCESS, len(out), out

    def _cursor(self, data):
        x, y = _unpack("<hh", data)
        s = self.screen
        if not s.in_buffer(x, y):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        s.cursor = [x, y]
        s._scroll_into_view()
        self._emit(s.vt_cursor())
        return STATUS_SUCCESS, 0, b""

    def _attribute(self, data):
        (attribute,) = _unpack("<H", data)
        self.screen.attribute = attribute
        self._emit(sgr(attribute))
        return STATUS_SUCCESS, 0, b""

    def _cursor_info(self, data):
        size, visible = _unpack("<II", data)
        if not 1 <= size <= 100:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        s = self.screen
        s.cursor_size, s.cursor_visible = size, bool(visible)
        self._emit(b"\x1b[?25h" if visible else b"\x1b[?25l")
        return STATUS_SUCCESS, 0, b""

    def _fill(self, data):
        kind, value, length, x, y = _unpack("<IHIhh", data)
        s = self.screen
        if not s.in_buffer(x, y):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        cells = list(s.cells_from(x, y, length))
        for cx, cy in cells:
            cell = s.row(cy)[cx]
            cell[kind] = chr(value) if kind == KIND_CHARACTER else value
        self._paint(cells)
        return STATUS_SUCCESS, 4, struct.pack("<I", len(cells))

    def _write_cells(self, data):
        kind, x, y = _unpack("<Ihh", data)
        values = struct.unpack_from("<%dH" % ((len(data) - 8) // 2), data, 8)
        s = self.screen
        if not s.in_buffer(x, y):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        cells = list(s.cells_from(x, y, len(values)))
        for (cx, cy), value in zip(cells, values[:len(cells)], strict=True):
            s.row(cy)[cx][kind] = chr(value) if kind == KIND_CHARACTER else value
        self._paint(cells)
        return STATUS_SUCCESS, 4, struct.pack("<I", len(cells))

    def _read_cells(self, data):
        kind, x, y, length = _unpack("<IhhI", data)
        s = self.screen
        if not s.in_buffer(x, y):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        values = [s.cell(cx, cy)[kind] for cx, cy in s.cells_from(x, y, length)]
        out = struct.pack("<%dH" % len(values), *[ord(v) if kind == KIND_CHARACTER else v for v in values])
        return STATUS_SUCCESS, len(out), out

    def _scroll(self, data):
        """ScrollConsoleScreenBuffer: the rectangle (clipped to the buffer) moves to dest; what it leaves
        uncovered is filled; only cells inside the clip rectangle change."""
        l, t, r, b, has_clip, cl, ct, cr, cb, dx, dy, fill_char, fill_attr = _unpack("<hhhhIhhhhhhHH", data)
        s = self.screen
        l, t, r, b = max(l, 0), max(t, 0), min(r, s.width - 1), min(b, s.height - 1)
        if l > r or t > b:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        if not has_clip:
            cl, ct, cr, cb = 0, 0, s.width - 1, s.height - 1
        cl, ct, cr, cb = max(cl, 0), max(ct, 0), min(cr, s.width - 1), min(cb, s.height - 1)
        source = {(x, y): tuple(s.cell(x, y)) for y in range(t, b + 1) for x in range(l, r + 1)}
        changed = set()
        for (x, y) in source:                   # 1: the source rectangle is left as the fill
            if cl <= x <= cr and ct <= y <= cb:
                s.row(y)[x] = [chr(fill_char), fill_attr]
                changed.add((x, y))
        for (x, y), (ch, attribute) in source.items():   # 2: its old content lands at dest
            nx, ny = x - l + dx, y - t + dy
            if s.in_buffer(nx, ny) and cl <= nx <= cr and ct <= ny <= cb:
                s.row(ny)[nx] = [ch, attribute]
                changed.add((nx, ny))
        self._paint(sorted(changed, key=lambda p: (p[1], p[0])))
        return STATUS_SUCCESS, 0, b""

    def _get_title(self, data):
        original = data[:4] == b"\x01\0\0\0"    # GetConsoleOriginalTitle
        out = (self.device.original_title if original else self.device.title).encode("utf-16-le")
        return STATUS_SUCCESS, len(out), out

    def _set_title(self, data):
        title = data.decode("utf-16-le", "replace")
        self.device.title = title
        self.device.emit(1, b"\x1b]0;" + title.encode("utf-8", "replace") + b"\x07")
        return STATUS_SUCCESS, 0, b""

    # -- the input buffer
    def _write_input(self, data):
        n = len(data) // INPUT_RECORD.size
        self.device.input.records += [data[i * INPUT_RECORD.size:(i + 1) * INPUT_RECORD.size] for i in range(n)]
        return STATUS_SUCCESS, 4, struct.pack("<I", n)

    def _read_input(self, data):
        flags, most = _unpack("<II", data)
        records = self.device.input.records
        self.poll_host(block=not (flags & (READ_PEEK | READ_NOWAIT)) and not records)
        taken = records[:most]
        if not flags & READ_PEEK:
            del records[:len(taken)]
        out = b"".join(taken)
        return STATUS_SUCCESS, len(out), out

    def _count_input(self, data):
        self.poll_host(block=False)
        return STATUS_SUCCESS, 4, struct.pack("<I", len(self.device.input.records))

    def _flush_input(self, data):
        self.poll_host(block=False)
        self.device.input.records.clear()
        return STATUS_SUCCESS, 0, b""
