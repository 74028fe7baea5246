"""Time formatting from fixed dates (guest/crt/timeconv.c on the host): gmtime's calendar over
1970-3000, mktime's normalisation, asctime's fixed form and strftime's "C" locale conversions
with Microsoft's '#' flag, compared with Python's own calendar."""
import calendar
import ctypes
import datetime
import random
import time

import pytest
from crthost import host_crt


def strftime(t, fmt, tzname="UTC", bias=0, isdst=0, flavour="UCRT"):
    lib = host_crt(flavour)
    lib.host_strftime.argtypes = [ctypes.c_longlong, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int,
                                  ctypes.c_char_p, ctypes.c_long, ctypes.c_int]
    buf = ctypes.create_string_buffer(256)
    n = lib.host_strftime(t, fmt.encode(), buf, 256, tzname.encode(), bias, isdst)
    return buf.value.decode() if n > 0 else None


T = 795184889        # 1995-03-14 12:41:29 UTC, a Tuesday


@pytest.mark.parametrize("fmt,expected", [
    ("%a %A %b %B", "Tue Tuesday Mar March"), ("%c", "Tue Mar 14 12:41:29 1995"),
    ("%#c", "Tuesday, March 14, 1995 12:41:29"),
    ("%x|%X", "03/14/95|12:41:29"), ("%#x", "Tuesday, March 14, 1995"),
    ("%d %H %I %j %m %M %p %S", "14 12 12 073 03 41 PM 29"),
    ("%U %W %w %y %Y", "11 11 2 95 1995"), ("%#d %#j %#m", "14 73 3"), ("%Z %z", "UTC +0000"), ("%%", "%"),
    ("%D %F %R %T %e", "03/14/95 1995-03-14 12:41 12:41:29 14"), ("%g %G %V %u %C", "95 1995 11 2 19"),
    ("%r", "12:41:29 PM"),
])
def test_strftime(fmt, expected):
    assert strftime(T, fmt) == expected


@pytest.mark.parametrize("fmt,expected", [
    ("%c", "03/14/95 12:41:29"), ("%#c", "Tuesday, March 14, 1995 12:41:29"), ("%x %X", "03/14/95 12:41:29"),
    ("%D", None), ("%e", None), ("%F", None), ("%T", None), ("%h", None), ("%G", None), ("%u", None),
])
def test_msvcrt_strftime_knows_only_c89_conversions(fmt, expected):
    # msvcrt.dll's %c is the short date and time; C99's conversions are invalid there
    assert strftime(T, fmt, flavour="MSVCRT") == expected


def test_strftime_zone_offset_and_unknown_conversion():
    assert strftime(T, "%z", "PST", 8 * 3600) == "-0800"
    assert strftime(T, "%z", "PDT", 8 * 3600, isdst=1) == "-0700"
    assert strftime(T, "%Q") is None


def test_gmtime_agrees_with_the_calendar_over_the_whole_range():
    rng = random.Random(14)
    for t in [0, 86399, 951782400, 4107542400, 32535215999] + [rng.randrange(0, 32535215999) for _ in range(300)]:
        got = strftime(t, "%Y-%m-%d %H:%M:%S %w %j")
        d = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=t)
        assert got == d.strftime("%Y-%m-%d %H:%M:%S ") + str((d.weekday() + 1) % 7) + d.strftime(" %j"), t
        iso = d.isocalendar()
        assert strftime(t, "%G %V") == f"{iso[0]:04d} {iso[1]:02d}", t
    assert strftime(-1, "%Y") is None and strftime(32535216000, "%Y") is None


def test_mktime_normalises_out_of_range_fields():
    lib = host_crt("UCRT")
    wday, yday = ctypes.c_int(), ctypes.c_int()
    lib.host_mktime.restype = ctypes.c_longlong
    t = lib.host_mktime(2024, 1, 30, 25, 61, 0, ctypes.byref(wday), ctypes.byref(yday))     # Feb 30, 25:61
    assert t == calendar.timegm((2024, 3, 2, 2, 1, 0, 0, 0, 0))
    assert (wday.value, yday.value) == (6, 61)


def test_asctime_form():
    lib = host_crt("UCRT")
    buf = ctypes.create_string_buffer(32)
    lib.host_asctime(ctypes.c_longlong(T), buf)
    assert buf.value == b"Tue Mar 14 12:41:29 1995\n"
    lib.host_asctime(ctypes.c_longlong(315626635), buf)
    assert buf.value == time.strftime("%a %b %d %H:%M:%S %Y\n", time.gmtime(315626635)).encode()
