"""The scanf engine (guest/crt/scan.c on the host): conversions, widths, suppression, scansets,
%n, the secure forms' buffer sizes and the EOF-before-the-first-conversion rule."""
import ctypes

import pytest
from crthost import host_crt


def scan(text, fmt, kinds, secure=False):
    lib = host_crt("UCRT")
    lib.host_sscanf.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int,
                                ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    holders = []
    for k in kinds:
        holders.append({"i": ctypes.c_int(-7), "l": ctypes.c_longlong(-7), "h": ctypes.c_short(-7),
                        "f": ctypes.c_float(-7), "d": ctypes.c_double(-7), "s": ctypes.create_string_buffer(64)}[k])
    ptrs = [ctypes.cast(ctypes.byref(h), ctypes.c_void_p) for h in holders] + [None] * (3 - len(holders))
    r = lib.host_sscanf(text.encode(), fmt.encode(), int(secure), *ptrs)
    values = [h.value.decode() if isinstance(h.value, bytes) else h.value for h in holders]
    return r, values


@pytest.mark.parametrize("text,fmt,kinds,expected", [
    ("42 -17 0x1f", "%d %d %x", "iii", (3, [42, -17, 31])),
    ("0x1f 017 9", "%i %i %i", "iii", (3, [31, 15, 9])),
    ("12345", "%2d%3d", "ii", (2, [12, 345])),
    ("1 2 3", "%d %*d %d", "ii", (2, [1, 3])),
    ("9223372036854775807", "%lld", "l", (1, [9223372036854775807])),
    ("-5", "%I64d", "l", (1, [-5])),
    ("70000", "%hd", "h", (1, [70000 - 65536])),
    ("3.25 1e3", "%f %lf", "fd", (2, [3.25, 1000.0])),
    ("0.1", "%lf", "d", (1, [0.1])),
    ("hello world", "%s %s", "ss", (2, ["hello", "world"])),
    ("abc123def", "%[a-z]%[0-9]", "ss", (2, ["abc", "123"])),
    ("key=value", "%[^=]=%s", "ss", (2, ["key", "value"])),
    ("abcdef", "%3c", "s", (1, ["abc"])),
    ("x: 5", "x: %d", "i", (1, [5])),
    ("y: 5", "x: %d", "i", (0, [-7])),
    ("abc", "%d", "i", (0, [-7])),
    ("", "%d", "i", (-1, [-7])),
    ("   ", "%d", "i", (-1, [-7])),
    ("12 ab", "%d%n", "ii", (1, [12, 2])),
    ("inf nan", "%lf %lf", "dd", (2, [float("inf"), None])),
])
def test_sscanf(text, fmt, kinds, expected):
    r, values = scan(text, fmt, kinds)
    if expected[1][-1] is None:          # nan compares unequal: check it is one
        assert r == expected[0] and values[-1] != values[-1]
        return
    assert (r, values) == expected


def test_secure_form_stops_at_a_too_small_buffer():
    # each string takes the size 64 that host_sscanf passes: "%s" of 70 letters does not fit
    r, values = scan("a" * 70, "%s", "s", secure=True)
    assert r == 0
    assert scan("fits", "%s", "s", secure=True) == (1, ["fits"])


@pytest.mark.parametrize("text,fmt,size,result,head", [
    ("123", "%s", 100, 1, b"123\0"),
    ("123", "%s", 3, 0, b"\0"),                  # no room for the terminator: buf[0] = 0
    ("123", "%3c", 2, 0, b"\0" + b"2" + b"a"),   # two characters stored, then buf[0] = 0
    ("123", "%3c", 3, 1, b"123a"),               # %c needs no terminator
    ("123", "%[0-9]", 2, 0, b"\0" + b"2" + b"a"),
    ("123 123", "%s %d", 2, 0, b"\0"),           # the scan stops: the int keeps its value
])
def test_secure_form_too_small_buffer_is_emptied(text, fmt, size, result, head):
    """Windows' sscanf_s (Wine's test_sscanf_s facts): a field that does not fit its buffer
    stops the scan with buf[0] = 0, the characters stored before it left as they are"""
    lib = host_crt("UCRT")
    lib.host_sscanf_sized.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_uint,
                                      ctypes.c_void_p]
    buf = ctypes.create_string_buffer(b"a" * 8, 8)
    i = ctypes.c_int(1)
    r = lib.host_sscanf_sized(text.encode(), fmt.encode(), buf, size, ctypes.byref(i))
    assert r == result
    assert buf.raw[:len(head)] == head
    assert i.value == 1
