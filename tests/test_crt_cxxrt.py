"""msvcrt.dll's C++ runtime members under their decorated names (guest/msvcrt/typeinfo.c,
exception.c, cxx.c): the sample crt_cxxrt finds each with GetProcAddress and calls it as MSVC code
does (this in the first argument): type_info::name undecorates once and caches in the object,
raw_name/before/==/!= compare decorated names; exception copies its message (the (text, int) form
keeps the pointer), what() of none is "Unknown exception", the ??_F closures give "bad cast" and
"bad typeid"; terminate() runs set_terminate's handler, unexpected() too by default."""
from conftest import run_kernel, sample_path

EXPECTED = """\
name [class widget] cached 1 stored 1
name [struct std::pair<int,double>] raw [.?AU?$pair@HN@std@@]
before 0 1 eq 1 0 ne 0 1
after dtor 1
exception [boom] copied 1 free 1 | [Unknown exception] | [boom] kept 1 free 0 | copy [boom] own 1
vftable 1 1
assigned [boom] 1
destroyed 1 0
bad_cast [bad cast] 1 bad_typeid [bad typeid] 1 non_rtti [no rtti] 1 copy [bad cast] 1
deleted 1
new mode 0 0 1 handler 1
set_terminate 1 1 set_unexpected 1 1
"""


def test_type_info_exception_classes_and_handlers():
    r = run_kernel("boot", sample_path("crt_cxxrt"))
    assert r.returncode == 0
    assert r.stdout.decode().replace("\r\n", "\n") == EXPECTED


def test_terminate_and_unexpected_run_the_handler():
    for arg in ("terminate", "unexpected"):
        r = run_kernel("boot", sample_path("crt_cxxrt"), arg)
        assert r.stdout.decode().replace("\r\n", "\n") == "terminate handler\n"
        assert r.returncode == 5
