"""msvcrt.dll's second export gap (issue 14), each sample's whole output pinned (outputs that
Wine's msvcrt gives byte for byte): crt_locdata, the locale data (__lc_codepage, __lc_collate_cp,
__lc_handle, __mb_cur_max and their ___*_func readers) through setlocale, and the __crt* NLS
wrappers; crt_pioinfo, __pioinfo as the real descriptor table (msvcrt.dll's 0x38-byte x64 ioinfo entries,
as Wine's msvcrt lays them out) and __badioinfo."""
import pytest
from conftest import guest_exports, run_kernel, sample_path

LOCDATA = [
    "C: cp 0 0 collate 0 0 mb 1 1 handle 0 0 0 0 0 0 func 0 0 0 0 0 0",
    ".ACP: cp 1252 1252 collate 1252 1252 mb 1 1 handle 0 409 409 409 409 409 func 0 409 409 409 409 409",
    "ctype .437: cp 437 437 collate 1252 1252 mb 1 1 handle 0 409 409 409 409 409 func 0 409 409 409 409 409",
    "C again: cp 0 0 collate 0 0 mb 1 1 handle 0 0 0 0 0 0 func 0 0 0 0 0 0",
    "LCMapStringA 5 5 [ABC] c9",
    "LCMapStringA counted 2 [xy]",
    "LCMapStringW 6 [mixed]",
    "CompareStringA 1 3",
    "CompareStringW 2",
    "GetLocaleInfoW 8 [English]",
    "GetStringTypeW 1 382 284 248",
]

PIOINFO = [
    "sizeof ioinfo 56, stride 56",
    "stdio handles match 1 1 1",
    "text fd 3: osfile 81 same handle 1 pipech 10 lockinit 0",
    "binary append fd 4: osfile 21 same handle 1 pipech 10 lockinit 0",
    "dup2 0",
    "dup2 fd 40: osfile 81 same handle 1 pipech 10 lockinit 0",
    "second block 1",
    "closed 40: osfile 00 osfhnd -1",
    "closed 3: osfile 00 osfhnd -1",
    "badioinfo: osfile 80 osfhnd -1",
]

SAMPLES = {"crt_locdata": LOCDATA, "crt_pioinfo": PIOINFO}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_output(name):
    result = run_kernel("boot", sample_path(name), timeout=300)
    assert result.stdout == "".join(line + "\r\n" for line in SAMPLES[name]).encode()
    assert result.returncode == 0


@pytest.mark.parametrize("dll,names", [
    ("msvcrt.dll", "__lc_codepage __lc_collate_cp __lc_handle ___lc_collate_cp_func ___lc_handle_func "
                   "__crtLCMapStringA __crtLCMapStringW __crtCompareStringA __crtCompareStringW "
                   "__crtGetLocaleInfoW __crtGetStringTypeW __pioinfo __badioinfo"),
    ("ucrtbase.dll", "___lc_collate_cp_func"),
])
def test_exports(dll, names):
    have = guest_exports(dll)
    assert not [n for n in names.split() if n not in have]
