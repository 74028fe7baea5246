"""Where a run's output goes on the host, and how each failure to write it ends: the guest's
stdout/stderr (closed, full, broken: EXIT_ABNORMAL) and the output files the options name
(--report, --events, --timeline, a trace: EXIT_CANT_CREATE), each with one line."""
import errno
import os
import stat

from .errors import EXIT_ABNORMAL, EXIT_CANT_CREATE, UserError
from .status import STATUS_ACCESS_DENIED, NtStatusError

_STD_NAMES = ("stdin", "stdout", "stderr")
closed_std_fds: set[int] = set()


def claim_standard_fds() -> None:
    """A standard descriptor the command was started without is taken by /dev/null, so that no
    file the run opens can become it; the guest's writes to it then fail as writes to a closed
    stdout would."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            if os.open(os.devnull, os.O_RDWR) == fd:
                closed_std_fds.add(fd)


def write_std(fd: int, data) -> None:
    """Write all of `data` to the host's stdout or stderr."""
    if fd == 0:
        # CONIN$ is an input buffer: a write to it is refused to the guest, not tried on the host
        raise NtStatusError(STATUS_ACCESS_DENIED, "console input is not writable")
    name = _STD_NAMES[fd] if fd < 3 else f"descriptor {fd}"
    if fd in closed_std_fds:
        raise UserError(f"cannot write the guest's output to {name}: it is closed", EXIT_ABNORMAL)
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view):]
    except BrokenPipeError:
        raise
    except OSError as e:
        raise UserError(f"cannot write the guest's output to {name}: {e.strerror}", EXIT_ABNORMAL) from e


def check_output_path(option: str, path: str | None) -> None:
    """Refuse before the run an output file that cannot be created: a directory, a missing folder."""
    if not path or path == "-":
        return
    try:
        st = os.stat(path)
    except FileNotFoundError:
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise UserError(f"{option} {path}: cannot write ({os.strerror(errno.ENOENT)}: {folder})",
                            EXIT_CANT_CREATE) from None
        if not os.access(folder, os.W_OK):
            raise UserError(f"{option} {path}: cannot write ({os.strerror(errno.EACCES)})", EXIT_CANT_CREATE) from None
        return
    except OSError as e:
        raise UserError(f"{option} {path}: cannot write ({e.strerror})", EXIT_CANT_CREATE) from e
    if stat.S_ISDIR(st.st_mode):
        raise UserError(f"{option} {path}: cannot write (it is a directory)", EXIT_CANT_CREATE)
    if stat.S_ISREG(st.st_mode) and not os.access(path, os.W_OK):
        raise UserError(f"{option} {path}: cannot write ({os.strerror(errno.EACCES)})", EXIT_CANT_CREATE) from None


def write_output_file(option: str, path: str, write) -> None:
    """write(path) writes the file; any failure (a full disk included) is one line and 73."""
    try:
        write(path)
    except OSError as e:
        reason = e.strerror or str(e)
        raise UserError(f"{option} {path}: cannot write ({reason})", EXIT_CANT_CREATE) from e
