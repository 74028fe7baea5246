"""The runtimes' smaller exports that programs import besides the C library proper (samples
crt_compat and ucrt_compat run in test_samples): a program naming one the runtime lacks does not
load at all, so the names are checked here too, beside the two samples' key results."""
import pytest
from conftest import guest_exports, run_kernel, sample_path

BOTH = "_beep _loaddll _unloaddll _getdllprocaddr _setsystime _resetstkoflw setjmp longjmp".split()
MSVCRT = ("__lconv_init _set_sbh_threshold _get_sbh_threshold _heapadd __setlc_active __unguarded_readlc_active "
          "___setlc_active_func ___unguarded_readlc_active_add_func _aexit_rtn _get_osplatform _get_osver "
          "_get_winmajor _get_winminor _get_terminate _get_unexpected ??2@YAPEAX_KHPEBDH@Z ??_U@YAPEAX_KHPEBDH@Z "
          "?_set_se_translator@@YAP6AXIPEAU_EXCEPTION_POINTERS@@@ZP6AXI0@Z@Z").split()
UCRT = ("__initialize_lconv_for_unsigned_char _lock_locales _unlock_locales ___lc_locale_name_func "
        "_get_FMA3_enable _set_FMA3_enable _sopen_dispatch _wsopen_dispatch __std_terminate").split()


@pytest.mark.parametrize("dll, names", [("msvcrt.dll", BOTH + MSVCRT), ("ucrtbase.dll", BOTH + UCRT)])
def test_exported(dll, names):
    exports = guest_exports(dll)
    assert [n for n in names if n not in exports] == []


def test_unsigned_char_start_up_and_version_data():
    out = run_kernel("boot", sample_path("crt_compat")).stdout.decode().splitlines()
    assert out[0] == "frac_digits before: 127"
    assert out[1] == "after the unsigned-char start-up call (0): -1, as unsigned 255, p_sign_posn 255"
    assert "platform 2, Windows 6.2, the data agree: 1 1 1" in out     # GetVersion of an unmanifested program
    assert "_setsystime without SeSystemtimePrivilege: 1314" in out    # ERROR_PRIVILEGE_NOT_HELD


def test_ucrt_locale_names_and_sopen_dispatch():
    out = run_kernel("boot", sample_path("ucrt_compat")).stdout.decode().splitlines()
    assert 'after setlocale(LC_ALL, ""): en-US en-US en-US' in out
    assert "_sopen_dispatch of a missing file: 2 (ENOENT 2), fd -1" in out
