"""OutputDebugString as the kernel sees it: a first-chance DBG_PRINTEXCEPTION_C carries the
string's length (with its NUL) and address; KiDispatchException reads the text from the raising
process and emits it as one debug-print event (the event stream, --events and traces show it; the
debugger prints it as a kernel debugger prints a debuggee's output). DBG_PRINTEXCEPTION_WIDE_C,
which OutputDebugStringW raises first, stays an ordinary exception event: its ANSI fallback is the
one recorded, so each call is one event."""
from ..status import DBG_PRINTEXCEPTION_C, NtStatusError

MAX_TEXT = 0x10000                      # longer strings are cut (Windows' DBWIN buffer is 4 KB)


def debug_print_text(process, record) -> str | None:
    """The text of a DBG_PRINTEXCEPTION_C record, None when it carries none that can be read."""
    if record.code != DBG_PRINTEXCEPTION_C or len(record.params) < 2:
        return None
    length, address = record.params[0], record.params[1]
    if not address or not length:
        return ""
    try:
        data = process.space.probe_read(address, min(length, MAX_TEXT))
    except NtStatusError:               # an address the process cannot read: nothing to show
        return None
    end = data.find(b"\0")
    return (data if end < 0 else data[:end]).decode("cp1252", "replace")


def KdpReportDebugPrint(kernel, thread, record) -> None:
    text = debug_print_text(thread.process, record)
    if text is not None:
        kernel.events.emit("debug-print", time=kernel.dispatcher.now(), pid=thread.process.pid, tid=thread.tid,
                           text=text)
