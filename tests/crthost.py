"""Builds the pure parts of guest/crt (printf engine, number conversions) with the host C compiler,
one shared object per flavour, for tests that drive them through ctypes."""
import ctypes
import os
import shutil
import subprocess
import tempfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRT = os.path.join(ROOT, "guest", "crt")
PURE = ["format.c", "fltcvt.c", "strtod.c", "scan.c", "mathcore.c", "timeconv.c", "timefmt.c", "timenames_c.c",
        "path.c"]
_built: dict[str, ctypes.CDLL] = {}
_tmp = tempfile.mkdtemp(prefix="crthost-")


def host_crt(flavour: str) -> ctypes.CDLL:
    """The engine of one flavour ("MSVCRT" or "UCRT") as a host library."""
    if flavour not in _built:
        cc = shutil.which("gcc") or shutil.which("cc")
        if cc is None:
            pytest.skip("no host C compiler")
        out = os.path.join(_tmp, f"crt_{flavour}.so")
        subprocess.run([cc, "-O1", "-shared", "-fPIC", "-Wall", "-Werror", f"-DCRT_{flavour}", "-DCRT_HOST_TEST",
                        "-I", CRT, "-o", out, os.path.join(ROOT, "tests", "crt_host", "host.c")]
                       + [os.path.join(CRT, f) for f in PURE], check=True)
        lib = ctypes.CDLL(out)
        lib.host_format.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
                                    ctypes.c_longlong, ctypes.c_char_p]
        _built[flavour] = lib
    return _built[flavour]


def host_format(flavour: str, fmt: str, kind: str, value=0) -> tuple[int, str]:
    lib = host_crt(flavour)
    buf = ctypes.create_string_buffer(8192)
    sval = value.encode() if isinstance(value, str) else None
    ival = value if isinstance(value, int) else 0
    n = lib.host_format(buf, 8192, fmt.encode(), ord(kind), ctypes.c_longlong(ival - (1 << 64) if ival >= 1 << 63
                                                                              else ival), sval)
    return n, buf.value.decode("latin-1")


def host_strtod(flavour: str, text: str) -> tuple[float, int, bool]:
    """crt_strtod of one flavour's syntax: the value, characters consumed, out of range."""
    import struct
    lib = host_crt(flavour)
    lib.host_strtod.restype = ctypes.c_ulonglong
    consumed, rng = ctypes.c_int(), ctypes.c_int()
    bits = lib.host_strtod(text.encode(), 1 if flavour == "UCRT" else 0, ctypes.byref(consumed), ctypes.byref(rng))
    return struct.unpack("<d", struct.pack("<Q", bits))[0], consumed.value, bool(rng.value)


def host_strtof(flavour: str, text: str) -> tuple[int, int, bool]:
    """crt_strtof: the float's bits, characters consumed, out of range."""
    lib = host_crt(flavour)
    lib.host_strtof.restype = ctypes.c_uint
    consumed, rng = ctypes.c_int(), ctypes.c_int()
    bits = lib.host_strtof(text.encode(), 1 if flavour == "UCRT" else 0, ctypes.byref(consumed), ctypes.byref(rng))
    return bits, consumed.value, bool(rng.value)


def host_math(name: str, x: float, y: float = 0.0) -> tuple[float, int]:
    """A guest/crt/mathcore.c function on the host: the result and its error code."""
    import struct
    lib = host_crt("UCRT")
    lib.host_math.restype = ctypes.c_ulonglong
    lib.host_math.argtypes = [ctypes.c_char_p, ctypes.c_double, ctypes.c_double, ctypes.POINTER(ctypes.c_int)]
    err = ctypes.c_int()
    bits = lib.host_math(name.encode(), x, y, ctypes.byref(err))
    return struct.unpack("<d", struct.pack("<Q", bits))[0], err.value
