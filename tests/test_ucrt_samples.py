"""Samples built by zig against the UCRT (ucrtbase.dll through the api-ms-win-crt sets): the C++
one's endings through std::terminate (libc++abi's message on stderr, then the UCRT's abort:
a fast fail, 0xC0000409, no handler sees), argv as the UCRT splits it, and the C library's
results checked against values computed here."""
import math
import struct
import time

import pytest
from conftest import run_kernel, sample_path


def test_cxx_uncaught_exception_and_noexcept_end_in_terminate():
    for mode, what in [("uncaught", "std::runtime_error: nobody catches this"),
                       ("noexcept", "std::logic_error: out of noexcept")]:
        result = run_kernel("boot", sample_path("ucrt_cxx"), mode)
        assert result.stdout == f"throwing out of {'main' if mode == 'uncaught' else 'noexcept'}\r\n".encode()
        lines = result.stderr.decode().splitlines()
        assert lines[0] == f"libc++abi: terminating due to uncaught exception of type {what}"
        assert "0xC0000409 (STATUS_STACK_BUFFER_OVERRUN)" in lines[-1]
        assert result.returncode == 0x09


def _ms_rand(seed, n=10):
    out = []
    for _ in range(n):
        seed = (seed * 214013 + 2531011) & 0xFFFFFFFF
        out.append((seed >> 16) & 0x7FFF)
    return out


def _bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def _double(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def _libc_run():
    result = run_kernel("boot", sample_path("ucrt_libc"))
    assert result.returncode == 0, result.stderr
    return result.stdout.decode().split("\r\n")


def test_ucrt_rand_sequences_are_microsofts():
    lines = _libc_run()
    assert lines[0] == " ".join(map(str, _ms_rand(1))) + " (no srand)"
    for i, seed in enumerate([1, 12345, 0, 4294967295]):
        assert lines[1 + i] == " ".join(map(str, _ms_rand(seed))) + f" (srand {seed})"
    assert lines[5] == "rand_s failures 0 all equal 0"


def test_ucrt_math_bits_are_correctly_rounded():
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.prec = 200
    M = mpmath
    exact = {"floor": math.floor, "ceil": math.ceil, "trunc": math.trunc, "sqrt": M.sqrt,
             "round": lambda v: math.copysign(math.floor(abs(v) + 0.5), v),
             "rint": lambda v: round(v)}
    reference = {"exp": M.exp, "log": M.log, "log10": M.log10, "log2": lambda v: M.log(v, 2), "log1p": M.log1p,
                 "expm1": M.expm1, "sin": M.sin, "cos": M.cos, "tan": M.tan, "asin": M.asin, "acos": M.acos,
                 "atan": M.atan, "sinh": M.sinh, "cosh": M.cosh, "tanh": M.tanh, "cbrt": M.cbrt,
                 "pow": M.power, "atan2": M.atan2, "hypot": M.hypot, "fmod": math.fmod,
                 "copysign": math.copysign, "fmax": max}
    wrong, count = [], 0
    for line in _libc_run():
        parts = line.split()
        if len(parts) not in (3, 4) or parts[0] not in reference and parts[0] not in exact:
            continue
        name, args, got = parts[0], [_double(int(p, 16)) for p in parts[1:-1]], int(parts[-1], 16)
        if name in exact:
            want = float(exact[name](*args)) if math.isfinite(args[0]) else args[0]
            if want == 0:
                want = math.copysign(0.0, args[0])
        elif name in ("fmod", "copysign", "fmax"):
            want = float(reference[name](*args))
        else:
            want = float(reference[name](*[M.mpf(a) for a in args]))
        count += 1
        if _bits(want) != got:
            wrong.append((name, args, hex(got), want))
    assert count >= 130 and not wrong, wrong[:5]
    lines = _libc_run()
    assert f"log(-1) {0xFFF8000000000000:016x} errno 33" in lines
    assert f"exp(1000) {0x7FF0000000000000:016x} errno 34" in lines
    assert "sqrtf(2) 3fb504f3 expf(1) 402df854 sinf(1) 3f576aa4" in lines


def _ms_strftime(fmt, t):
    """The UCRT's "C" locale strftime of the sample's formats, from the host's (same names) with
    Microsoft's %c (asctime's form)/%x/%X and its '#' flag (no leading zeros; the long date)."""
    tm = time.gmtime(t)
    ms = {"%c": "%a %b %e %H:%M:%S %Y", "%x": "%m/%d/%y", "%X": "%H:%M:%S", "%#c": "%A, %B %d, %Y %H:%M:%S",
          "%#x": "%A, %B %d, %Y", "%#d": "%-d", "%#j": "%-j", "%#m": "%-m", "%#H": "%-H"}
    out, i = "", 0
    while i < len(fmt):
        key = fmt[i:i + 3] if fmt[i:i + 2] == "%#" else fmt[i:i + 2]
        if key in ms:
            out += time.strftime(ms[key], tm)
        elif key[0] == "%":
            out += time.strftime(key, tm)
        else:
            out += fmt[i]
            key = fmt[i]
        i += len(key)
    return out


def test_ucrt_time_formatting_from_fixed_dates():
    lines = _libc_run()
    formats = ["%a %A %b %B %d %m %y %Y", "%H:%M:%S %I %p", "%j %U %W %w", "%c", "%x %X", "%#c", "%#x",
               "%D %F %T %R", "%e|%g %G %V %u %C", "%#d %#j %#m %#H", "%%"]
    expected = []
    for t in [0, 795184889, 951782400, 1234567890, 2147483647, 4102444800, 32503680000 - 1]:
        tm = time.gmtime(t)
        expected.append(f"gmtime {t}: {tm.tm_year - 1900} {tm.tm_mon - 1} {tm.tm_mday} {tm.tm_hour} {tm.tm_min} "
                        f"{tm.tm_sec} wday {(tm.tm_wday + 1) % 7} yday {tm.tm_yday - 1}")
        expected.append("asctime " + time.strftime("%a %b %d %H:%M:%S %Y", tm))
        for f in formats:
            s = _ms_strftime(f, t)
            expected.append(f"strftime {f}: {len(s)} [{s}]")
        later = time.gmtime(t + 40 * 86400)
        expected.append(f"_mkgmtime +40 days {t + 40 * 86400} mday {later.tm_mday} mon {later.tm_mon - 1}")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("gmtime "))
    assert lines[start:start + len(expected)] == expected


def test_ucrt_strtod_and_strtof_round_the_text():
    from decimal import Decimal

    from test_crt_strtod import _float_bits
    texts = ["0.1", "2.2250738585072011e-308", "9007199254740993", "1e23", "4.9e-324", "1.7976931348623158e308",
             "0x1.8p3", "inf", "-nan", "123456789012345678901234567890", "1.00000005960464486360847876547",
             "3.4028235e38", "1.4e-45", "7.038531e-26"]
    lines = {ln.split()[1]: ln for ln in _libc_run() if ln.startswith("strtod ")}
    special = {"0x1.8p3": (12.0, 0x41400000), "inf": (math.inf, 0x7F800000), "-nan": (None, 0xFFC00000)}
    for t in texts:
        d, f = special[t] if t in special else (float(t), None)
        dbits = 0xFFF8000000000000 if d is None else _bits(d)
        fbits = f if f is not None else _float_bits(Decimal(t))
        erange = 34 if fbits & 0x7FFFFFFF in (0, 0x7F800000) and t not in ("inf",) else 0
        assert lines[t] == f"strtod {t} {dbits:016x} {len(t)} errno 0 strtof {fbits:08x} errno {erange}", t
    assert "wcstof 0.1 3dcccccd, 1e39 7f800000" in _libc_run()


def test_ucrt_argv_comes_back_as_given():
    """The UCRT's _configure_narrow_argv splits the command line the kernel built by Microsoft's
    quoting rules: the arguments come back unchanged."""
    from test_crt_samples import TRICKY
    result = run_kernel("boot", sample_path("ucrt_stdio"), *TRICKY)
    lines = result.stdout.decode().split("\r\n")
    assert lines[0] == f"argc={len(TRICKY) + 1}"
    assert lines[1:1 + len(TRICKY)] == [f"[{a}]" for a in TRICKY]
    assert lines[1 + len(TRICKY)] == "positional: second first 7 0.2"
    assert result.returncode == 5


def test_ucrt_stdout_on_a_terminal_is_written_per_call():
    """On a character device the UCRT's stdout gives each call to the console at once (so the
    order of printf and _write is kept), until setvbuf asks for full buffering."""
    import os
    import pty
    import subprocess
    import sys
    import tty

    from conftest import ROOT
    master, slave = pty.openpty()
    tty.setraw(slave)                               # the bytes as written, no terminal translation
    proc = subprocess.Popen([sys.executable, "-m", "kernel", "boot", sample_path("ucrt_stdio")], cwd=ROOT,
                            stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    out = b""
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
    os.close(master)
    assert proc.wait(timeout=120) == 5
    assert b"stdout type 2\r\n" in out
    assert b"binary: x\ny\n[printf][_write][printf again]\r\n[direct][held]\r\n" in out


def test_ucrt_getch_reads_the_console_not_redirected_stdin():
    """With stdin a pipe there is no console input: _getch gives EOF and _kbhit 0 (a key given
    back with _ungetch is seen by both), and stdin's own bytes stay for getchar."""
    import subprocess
    import sys

    from conftest import ROOT
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", sample_path("ucrt_stdio"), "conio"], cwd=ROOT,
                            input=b"abc", capture_output=True, timeout=120)
    assert result.stdout == b"kbhit 0 getch -1 ungetch 113 kbhit 1 getch q kbhit 0\r\nstdin still has a\r\n"
    assert result.returncode == 0


@pytest.mark.parametrize("name", ["ucrt_printf", "ucrt_stdio", "ucrt_libc", "ucrt_cxx"])
def test_zig_samples_are_ucrt_programs(name):
    """What zig built links the UCRT through the API sets (never msvcrt.dll), with a content hash
    where a time stamp would be and no PDB path."""
    import pefile
    pe = pefile.PE(sample_path(name))
    dlls = [d.dll.decode().lower() for d in pe.DIRECTORY_ENTRY_IMPORT]
    assert "api-ms-win-crt-runtime-l1-1-0.dll" in dlls and "api-ms-win-crt-stdio-l1-1-0.dll" in dlls
    assert not any(d in ("msvcrt.dll", "ucrtbase.dll", "vcruntime140.dll") for d in dlls)
    assert all(d.startswith("api-ms-win-crt-") or d == "kernel32.dll" for d in dlls), dlls
    assert b".pdb" not in open(sample_path(name), "rb").read().lower()
