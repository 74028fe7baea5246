"""UTF-7, FoldString and LCMAP_SORTKEY (issue 13, family 9): samples/k32_nls_fold's checks and
documented error codes asserted by name; the sort-key check compares every pair of a word list
under three flag sets against CompareString's own answer."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"UTF-7: three CJK units -> +T2BZfVQX- and the NUL",
    b"'+' -> +-, '=' and '!' are encoded",
    b"a buffer one byte short -> ERROR_INSUFFICIENT_BUFFER",
    b"WideCharToMultiByte(CP_UTF7) with a flag -> ERROR_INVALID_FLAGS",
    b"CP_UTF7 with lpUsedDefaultChar -> ERROR_INVALID_PARAMETER",
    b"+- is '+', a stray '+' is dropped",
    b"MultiByteToWideChar(CP_UTF7, MB_ERR_INVALID_CHARS) -> ERROR_INVALID_FLAGS",
    b"a mixed string round-trips",
    b"MAP_FOLDDIGITS: Arabic-Indic, superscript, fullwidth, Devanagari",
    b"MAP_FOLDCZONE: fullwidth forms",
    b"MAP_EXPAND_LIGATURES: AE, fi, ss",
    b"MAP_COMPOSITE: e + combining acute",
    b"MAP_PRECOMPOSED: composed again",
    b"FoldString with no flag -> ERROR_INVALID_FLAGS",
    b"COMPOSITE with PRECOMPOSED -> ERROR_INVALID_FLAGS",
    b"EXPAND_LIGATURES with COMPOSITE -> ERROR_INVALID_FLAGS",
    b"the same buffer in and out -> ERROR_INVALID_PARAMETER",
    b"an expansion that does not fit -> ERROR_INSUFFICIENT_BUFFER",
    b"sort keys order as CompareString",
    b"with NORM_IGNORECASE too",
    b"and with NORM_IGNORENONSPACE",
    b"a key: weights, three 0x01 separators, a final 0",
    b"LCMAP_SORTKEY with LCMAP_UPPERCASE -> ERROR_INVALID_FLAGS",
    b"a key that does not fit -> ERROR_INSUFFICIENT_BUFFER",
]


@pytest.fixture(scope="module")
def nls_run():
    return run_kernel("boot", sample_path("k32_nls_fold"))


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_nls_fold_utf7_sortkey(nls_run, line):
    assert b"ok   " + line in nls_run.stdout.splitlines(), nls_run.stdout.decode(errors="replace")


def test_nls_fold_sample_passes_everything(nls_run):
    assert b"FAIL" not in nls_run.stdout and nls_run.returncode == 0
