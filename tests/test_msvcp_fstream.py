"""File streams in an MSVC-ABI C++ program (samples/msvcp_fstream: basic_filebuf<char> and the
ifstream/ofstream/fstream wrappers written as the Microsoft STL's <fstream> inline code is, over
msvcp140's std::_Fiopen and the UCRT's FILE reached through _get_stream_buffer_pointers): what the
program reads back (getline, >>, get, read, seekg/tellg, seekp/tellp, the open modes, a missing
file, close and reopen) and the bytes its files hold on the host afterwards."""
import os
import subprocess
import sys

import pytest
from conftest import ROOT, guest_exports, sample_path

EXPECTED = (
    b"raw: ftell after 4 characters 5\r\n"                    # stored through the pointers; LF is CR LF
    b"raw: fgetc 'a', taken 'b', ftell 2\r\n"
    b"raw: fgetc after that 'c', ungetc 88, fgetc 'X'\r\n"
    b"raw: fclose 0\r\n"
    b"getline: [line one] gcount 9\r\n"
    b"numbers: 42 -7 2.5\r\n"
    b"rest: []\r\n"                                             # what was left of the numbers' line
    b"last: [last line] eof 1 fail 0\r\n"                       # the last line has no LF: eofbit only
    b"seekg(0) after eofbit: [line one]\r\n"                  # seekg clears eofbit
    b"getline at the end: fail 1\r\n"
    b"tellp in app after a line: 54\r\n"                        # CR LF counted as two bytes
    b"ate: tellg 54\r\n"
    b"binary tellp: 11\r\n"
    b"seekg(3): tellg 3 get 'c'\r\n"
    b"last five: 0 1 255 13 10 gcount 5\r\n"                    # binary: CR LF read as they are
    b"size: 11\r\n"
    b"beg 1, get, cur 1: tellg 3 get 'c'\r\n"
    b"at the end: eof 0 tellg 11\r\n"
    b"past the end: eof 1 tellg -1\r\n"                         # eofbit fails tellg's sentry
    b"seekg(0) with failbit: tellg -1\r\n"                     # failbit stays: the sentry refuses
    b"after clear and seekg(0): good 1 get 'a'\r\n"
    b"missing: fail 1 open 0\r\n"
    b"open twice: fail 1\r\n"
    b"close twice: fail 1\r\n"
    b"reopened: good 1\r\n"
    b"reopen.txt: [first second]\r\n"
    b"in|trunc: fail 1\r\n"                                     # not in _Fiopen's table
    b"_Noreplace on an existing file: fail 1\r\n"
    b"_Nocreate on a missing file: fail 1\r\n"
    b"in|app: read [first] good 1\r\n"
    b"wide name: good 1\r\n"
    b"fstream read back: 46\r\n"
    b"after seekp(0): 99\r\n"
    b"failures: 0\r\n"
)
FILES = {
    "raw.txt": b"ab\r\ncd",
    "text.txt": b"line one\r\n42 -7 2.5\r\nlast line" b"appended 1\r\nappended 2\r\n",
    "bin.dat": b"ab\ncd\n\x00\x01\xff\r\n",
    "reopen.txt": b"first second!",
    "wide name.txt": b"by a wide name\r\n",
    "rw.txt": b"99 34 word",
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    work = tmp_path_factory.mktemp("fstream")
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", sample_path("msvcp_fstream")],
                            cwd=work, capture_output=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": ROOT})
    return result, work


def test_what_the_program_reads_back(run):
    result, _ = run
    assert result.stdout == EXPECTED
    assert result.stderr == b""
    assert result.returncode == 40


def test_the_bytes_on_disk(run):
    """Text mode wrote CR LF for each LF, binary mode the bytes as they are; app appended; the
    fstream's seekp overwrote in place; _Nocreate created nothing."""
    _, work = run
    assert sorted(os.listdir(work)) == sorted(FILES)
    for name, data in FILES.items():
        assert (work / name).read_bytes() == data, name


exports = guest_exports


def test_the_entry_points_basic_filebuf_imports():
    assert "_get_stream_buffer_pointers" in exports("ucrtbase.dll")
    names = exports("msvcp140.dll")
    for name in ("?_Fiopen@std@@YAPEAU_iobuf@@PEBDHH@Z", "?_Fiopen@std@@YAPEAU_iobuf@@PEB_WHH@Z",
                 "?_Fiopen@std@@YAPEAU_iobuf@@PEBGHH@Z",
                 "?_Init@?$basic_streambuf@DU?$char_traits@D@std@@@std@@IEAAXPEAPEAD0PEAH001@Z",
                 "?seekg@?$basic_istream@DU?$char_traits@D@std@@@std@@QEAAAEAV12@_JH@Z",
                 "?tellg@?$basic_istream@DU?$char_traits@D@std@@@std@@QEAA?AV?$fpos@U_Mbstatet@@@2@XZ",
                 "?seekp@?$basic_ostream@DU?$char_traits@D@std@@@std@@QEAAAEAV12@V?$fpos@U_Mbstatet@@@2@@Z",
                 "?tellp@?$basic_ostream@_WU?$char_traits@_W@std@@@std@@QEAA?AV?$fpos@U_Mbstatet@@@2@XZ"):
        assert name in names
