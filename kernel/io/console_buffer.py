"""The console's screen buffer and input buffer, as conhost keeps them: a grid of character/attribute
cells (Windows 10's default 120 x 9001, seen through a 120 x 30 window; SetConsoleScreenBufferSize and
SetConsoleWindowInfo change both) with its cursor, text attribute, cursor info, colour table and font,
and a queue of INPUT_RECORDs. Text written to the console moves
the cursor as conhost's processed output does; what a call changes on screen is also sent to the
host's terminal as VT sequences, so a real terminal shows it.
"""
import struct

from ..status import STATUS_INVALID_PARAMETER, NtStatusError

WIDTH, HEIGHT = 120, 9001
WINDOW_ROWS = 30
DEFAULT_ATTRIBUTE = 0x07
# The default console colour table (COLORREF 0x00BBGGRR), Windows 10's "Campbell" scheme.
COLOR_TABLE = (0x0C0C0C, 0xDA3700, 0x0EA113, 0xDD963A, 0x1F0FC5, 0x981788, 0x009CC1, 0xCCCCCC,
               0x767676, 0xFF783B, 0x0CC616, 0xD6D661, 0x5648E7, 0x9E00B4, 0xA5F1F9, 0xF2F2F2)
# Console colour index (FOREGROUND_BLUE=1, GREEN=2, RED=4) -> ANSI colour (red=1, green=2, blue=4).
_ANSI = (0, 4, 2, 6, 1, 5, 3, 7)
# Windows 10's default console font: Consolas, 8 x 16 cells (CONSOLE_FONT_INFOEX's fields).
FONT = {"index": 0, "size": (8, 16), "family": 0x36, "weight": 400, "face": "Consolas"}

KEY_EVENT = 0x0001
INPUT_RECORD = struct.Struct("<HH16s")          # EventType, padding, the event union (KEY_EVENT_RECORD ...)
# bKeyDown, wRepeatCount, wVirtualKeyCode, wVirtualScanCode, uChar, dwControlKeyState
KEY_EVENT_RECORD = struct.Struct("<iHHHHI")


def unpack(layout: str, data: bytes) -> tuple:
    """A request's fixed fields; a short request is STATUS_INVALID_PARAMETER."""
    size = struct.calcsize(layout)
    if len(data) < size:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    return struct.unpack_from(layout, data)


def sgr(attribute: int) -> bytes:
    """The VT select-graphic-rendition sequence for a console text attribute."""
    fg, bg = attribute & 0x0F, (attribute >> 4) & 0x0F
    fg_code = (90 if fg & 8 else 30) + _ANSI[fg & 7]
    bg_code = (100 if bg & 8 else 40) + _ANSI[bg & 7]
    return b"\x1b[0;%d;%dm" % (fg_code, bg_code)


class TypedRecord(bytes):
    """An input record typed on the host's terminal, which has echoed the key itself already."""


def key_records(text: str) -> list[bytes]:
    """What typing text gives: for each character a key-down and a key-up KEY_EVENT record."""
    records = []
    for ch in text.replace("\r\n", "\r").replace("\n", "\r"):
        code = ord(ch)
        if code > 0xFFFF:
            continue                            # outside the BMP: no single uChar (a surrogate pair)
        vk = 0x0D if ch == "\r" else (ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0)
        if ch == " ":
            vk = 0x20
        for down in (1, 0):
            event = KEY_EVENT_RECORD.pack(down, 1, vk, 0, code, 0)
            records.append(TypedRecord(INPUT_RECORD.pack(KEY_EVENT, 0, event)))
    return records


class ScreenBuffer:
    """One screen buffer: cells on demand (rows never written read as blanks in the default attribute)."""

    def __init__(self):
        self.rows: dict[int, list] = {}
        self.width, self.height = WIDTH, HEIGHT
        self.cursor = [0, 0]
        self.attribute = DEFAULT_ATTRIBUTE
        self.popup_attribute = 0xF5             # conhost's default popup colours
        self.colors = list(COLOR_TABLE)
        self.cursor_size, self.cursor_visible = 25, True
        self.window_left, self.window_top = 0, 0
        self.window_cols, self.window_rows = WIDTH, WINDOW_ROWS
        self.font = dict(FONT)
        self.mode = 0x3                         # ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT

    def row(self, y: int) -> list:
        r = self.rows.get(y)
        if r is None:
            r = self.rows[y] = [[" ", DEFAULT_ATTRIBUTE] for _ in range(self.width)]
        return r

    def cell(self, x: int, y: int):
        r = self.rows.get(y)
        return r[x] if r is not None else (" ", DEFAULT_ATTRIBUTE)

    def window(self) -> tuple:
        return (self.window_left, self.window_top, self.window_left + self.window_cols - 1,
                self.window_top + self.window_rows - 1)

    def maximum_window(self) -> tuple:
        """The largest window this buffer allows: the buffer's size, at most the host's 120 x 30."""
        return min(self.width, WIDTH), min(self.height, WINDOW_ROWS)

    def resize(self, width: int, height: int) -> None:
        """SetConsoleScreenBufferSize: cells outside the new size go, the cursor stays inside."""
        self.rows = {y: (r + [[" ", DEFAULT_ATTRIBUTE] for _ in range(width - len(r))])[:width]
                     for y, r in self.rows.items() if y < height}
        self.width, self.height = width, height
        self.cursor = [min(self.cursor[0], width - 1), min(self.cursor[1], height - 1)]
        self.window_left = min(self.window_left, width - self.window_cols)
        self.window_top = min(self.window_top, height - self.window_rows)

    def _scroll_into_view(self) -> None:
        y = self.cursor[1]
        if y >= self.window_top + self.window_rows:
            self.window_top = y - self.window_rows + 1
        elif y < self.window_top:
            self.window_top = y

    def _newline(self) -> None:
        self.cursor[0] = 0
        if self.cursor[1] + 1 < self.height:
            self.cursor[1] += 1
        else:                                   # the last row: everything moves up one
            self.rows = {y - 1: r for y, r in self.rows.items() if y > 0}
        self._scroll_into_view()

    def put_text(self, text: str) -> None:
        """Processed output: BS, TAB, LF (with CR), CR and BEL act; everything else fills a cell, wrapping."""
        for ch in text:
            x, y = self.cursor
            if ch == "\n":
                self._newline()
            elif ch == "\r":
                self.cursor[0] = 0
            elif ch == "\b":
                self.cursor[0] = max(0, x - 1)
            elif ch == "\t":
                self.cursor[0] = min(self.width - 1, (x // 8 + 1) * 8)
            elif ch == "\a":
                continue
            else:
                self.row(y)[x] = [ch, self.attribute]
                if x + 1 < self.width:
                    self.cursor[0] = x + 1
                else:
                    self._newline()

    def in_buffer(self, x: int, y: int) -> bool:
        return 0 <= x < self.width and 0 <= y < self.height

    def cells_from(self, x: int, y: int, n: int):
        """The (x, y) positions of n cells from (x, y) on, wrapping at the row's end, within the buffer."""
        while n > 0 and y < self.height:
            yield x, y
            n -= 1
            x += 1
            if x == self.width:
                x, y = 0, y + 1

    def vt_paint(self, positions) -> bytes:
        """The VT bytes that redraw these cells where they are in the window, the cursor kept."""
        out = [b"\x1b7"]
        left, top, right, bottom = self.window()
        for x, y in positions:
            if top <= y <= bottom and left <= x <= right:
                ch, attribute = self.cell(x, y)
                at = b"\x1b[%d;%dH" % (y - top + 1, x - left + 1)
                out.append(at + sgr(attribute) + ch.encode("utf-8", "replace"))
        out.append(b"\x1b8" + sgr(self.attribute))
        return b"".join(out) if len(out) > 2 else b""

    def vt_cursor(self) -> bytes:
        return b"\x1b[%d;%dH" % (self.cursor[1] - self.window_top + 1, self.cursor[0] - self.window_left + 1)

    def vt_redraw(self) -> bytes:
        """The whole window drawn afresh (SetConsoleActiveScreenBuffer), then the cursor."""
        left, top, right, bottom = self.window()
        cells = [(x, y) for y in range(top, bottom + 1) if y in self.rows for x in range(left, right + 1)]
        return b"\x1b[2J" + self.vt_paint(cells) + self.vt_cursor()


class InputBuffer:
    """The console's INPUT_RECORD queue (20-byte records, oldest first), and the characters a cooked
    read took past the caller's buffer (kept for the next read, as conhost does)."""

    def __init__(self):
        self.records: list[bytes] = []
        self.pending = ""
        self.mode = 0x1F7       # PROCESSED, LINE, ECHO, MOUSE, INSERT, QUICK_EDIT, EXTENDED_FLAGS, AUTO_POSITION
