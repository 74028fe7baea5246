"""_splitpath and _makepath (guest/crt/path.c on the host), as Microsoft documents them: the
drive, the directory up to the last slash, the name, the extension from the last dot."""
import ctypes

import pytest
from crthost import host_crt


@pytest.mark.parametrize("path,parts", [
    ("C:\\dir\\sub\\file.tar.gz", ["C:", "\\dir\\sub\\", "file.tar", ".gz"]),
    ("file", ["", "", "file", ""]),
    ("\\a.b\\c", ["", "\\a.b\\", "c", ""]),
    ("C:x", ["C:", "", "x", ""]),
    ("a/b.c/d", ["", "a/b.c/", "d", ""]),
    (".bashrc", ["", "", "", ".bashrc"]),
])
def test_splitpath(path, parts):
    lib = host_crt("UCRT")
    bufs = [ctypes.create_string_buffer(260) for _ in range(4)]
    lib.host_splitpath(path.encode(), *bufs)
    assert [b.value.decode() for b in bufs] == parts


def test_makepath_adds_the_separators():
    lib = host_crt("UCRT")
    out = ctypes.create_string_buffer(260)
    lib.host_makepath(out, b"c", b"\\dir", b"name", b"txt")
    assert out.value == b"c:\\dir\\name.txt"
    lib.host_makepath(out, b"", b"dir/", b"name", b".txt")
    assert out.value == b"dir/name.txt"
