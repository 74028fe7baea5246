"""setjmp and longjmp as each runtime exports them on x64: msvcrt's _setjmp/_setjmpex(buf, frame),
the one-argument setjmp and longjmp; the UCRT's __intrinsic_setjmp(ex), setjmp and longjmp, which
mingw-w64's and zig's import libraries take from api-ms-win-crt-private-l1-1-0 (a program using
longjmp did not load before). samples/ucrt_setjmp runs in test_samples."""
import pytest
from conftest import guest_forwarders, run_kernel, sample_path


@pytest.mark.parametrize("dll, names", [
    ("msvcrt.dll", {"_setjmp", "_setjmpex", "setjmp", "longjmp"}),
    ("ucrtbase.dll", {"__intrinsic_setjmp", "__intrinsic_setjmpex", "setjmp", "longjmp"}),
    ("vcruntime140.dll", {"__intrinsic_setjmp", "__intrinsic_setjmpex", "longjmp"}),
])
def test_the_runtimes_export_setjmp_and_longjmp(dll, names):
    exports = guest_forwarders(dll)
    assert names <= set(exports)
    if dll == "ucrtbase.dll":       # the UCRT's are vcruntime140's; setjmp is the frameless one
        assert exports["setjmp"] == "vcruntime140.__intrinsic_setjmp"
        assert exports["longjmp"] == "vcruntime140.longjmp"


def test_a_ucrt_program_jumps_out_of_a_recursion():
    result = run_kernel("boot", sample_path("ucrt_setjmp"))
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "back from depth 50 with 42 (pass 2)"
    assert lines[1] == "longjmp with 0 gives 1 (pass 3)"
    assert result.returncode == 3
