"""NtRaiseHardError: the message Windows shows in a box (csrss's hard-error popup) becomes one
line on stderr, with the box's title and text; the response is OK.

Used by the loader when a process cannot start (a missing DLL, entry point or ordinal, a bad image,
a DLL whose initialisation failed)."""
import os
import struct

from ..status import STATUS_SUCCESS, nt_status_name

ResponseOk = 6
# Title and text of the boxes Windows 10 shows, with %s/%u for the parameters in order.
_MESSAGES = {
    0xC0000135: ("System Error", "The code execution cannot proceed because %s was not found. "
                 "Reinstalling the program may fix this problem."),
    0xC0000139: ("Entry Point Not Found", "The procedure entry point %s could not be located in the dynamic "
                 "link library %s."),
    0xC0000138: ("Ordinal Not Found", "The ordinal %s could not be located in the dynamic link library %s."),
    0xC000007B: ("Application Error", "The application was unable to start correctly (0xc000007b). "
                 "Click OK to close the application."),
    0x40000015: ("Fatal Application Exit", "%s"),                      # FatalAppExit's message
    0xC0000142: ("Application Error", "The application was unable to start correctly (0xc0000142). "
                 "Click OK to close the application."),
}


def _unicode_string(space, va: int) -> str:
    length, _, buffer = struct.unpack("<HHxxxxQ", space.probe_read(va, 16))
    return space.probe_read(buffer, min(length, 0x1000)).decode("utf-16-le", "replace")


def NtRaiseHardError(kernel, thread, status, count, unicode_mask, parameters, options, response_ptr):
    process = thread.process
    space = process.space
    status &= 0xFFFFFFFF
    count = min(count & 0xFFFFFFFF, 4)
    raw = struct.unpack(f"<{count}Q", space.probe_read(parameters, 8 * count)) if count else ()
    args = [_unicode_string(space, v) if unicode_mask >> i & 1 else str(v & 0xFFFFFFFF) for i, v in enumerate(raw)]
    title, text = _MESSAGES.get(status, ("System Error", f"{nt_status_name(status)} (0x{status:08x})"))
    needed = text.count("%s")
    text = text % tuple((args + [""] * needed)[:needed]) if needed else text
    # The box's words and the status it reports; the run's exit line is not repeated after it.
    line = f"{process.name} - {title}: {text} [0x{status:08X} ({nt_status_name(status)})]\n".encode()
    process.hard_error_status = status
    sink = kernel.output_sink
    if sink is not None:
        sink(2, line)
    else:
        try:
            os.write(2, line)
        except OSError:
            pass
    if kernel.events.wants("hard-error"):
        kernel.events.emit("hard-error", pid=process.pid, status=status, parameters=args)
    if response_ptr:
        space.probe_write(response_ptr, struct.pack("<I", ResponseOk))
    return STATUS_SUCCESS
