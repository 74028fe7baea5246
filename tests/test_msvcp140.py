"""msvcp140.dll under an MSVC-ABI C++ program (samples/msvcp_core: clang for x86_64-pc-windows-msvc
with the Microsoft STL's declarations and inline code in msvcstl.h): the bytes std::cout, std::cerr
and std::clog and the wide ones write (text mode: CR LF), what std::cin and std::wcin extract,
the exception types the _X* throwers raise and their what() strings, exception_ptr,
std::uncaught_exceptions, and mutexes, condition variables and threads on one and on four
processors; the export table carries the MSVC-decorated names real programs import."""
import os
import subprocess
import sys

import pefile
import pytest
from conftest import ROOT, sample_path

STDIN = b"42 2.5 hello\nrest of the line\nx 7 wide\n"

STREAMS = (
    b"text 42 -7\r\n"
    b"3000000000 -9000000000 18446744073709551615\r\n"
    b"2.5 3.14159 1e+20 0.0001 -0\r\n"
    b"1 0\r\n"
    b"    42|\r\n"
    b"ab    |\r\n"
    b"ff 0XFF\r\n"
    b"0.100 0.667\r\n"
    b"1.235e+04\r\n"
    b"0000000000001234\r\n"
    b"   3.142|bee 0XBEE 3054\r\n"                                  # setw, setprecision, setbase, setiosflags
    b"ios_base::failure 1 of iostream: ios_base::failbit set: iostream stream error\r\n"
    b"written\r\n"
    b"p\r\n"
    b"to cout, then cerr: "
)
# streams of the program's own: an ostream and an istream over a streambuf derived by the program
# (msvcp140's constructors with MSVC's most-derived flag, the base virtuals, the destructors)
OWN_STREAMS = (
    b"the array holds: x= 42 pi= 3.14159 hex ff\r\n"
    b"read back: x= 42 pi= 3.14159, good 1\r\n"
    b"a plain ostream 7\r\n"
    b"an iostream read back 46, state 0\r\n"
    b"full: bad 1, overflow calls 1\r\n"                             # overflow refused: badbit
)
THROWERS = (
    b"_Xlength_error: length_error, logic_error: string too long\r\n"
    b"_Xout_of_range: out_of_range: invalid vector subscript\r\n"
    b"_Xinvalid_argument: a logic_error: invalid stoi argument\r\n"
    b"_Xoverflow_error: overflow_error: bitset overflow\r\n"
    b"_Xruntime_error: a runtime_error: runtime\r\n"
    b"_Xbad_alloc: bad_alloc: bad allocation\r\n"
    b"_Xbad_function_call: a std::exception: bad function call\r\n"
    b"_Xregex_error: regex_error 5: regex_error(error_paren): The expression contained mismatched ( and ).\r\n"
    b"_Throw_Cpp_error(0): system_error 16 of generic: device or resource busy: device or resource busy\r\n"
    b"_Throw_Cpp_error(5): system_error 36 of generic: resource deadlock would occur: "
    b"resource deadlock would occur\r\n"
    b"_XGetLastError(2): system_error 2 of system: The system cannot find the file specified.\r\n"
    b"_Syserror_map(13): permission denied, _Winerror_map(5): 13, _Syserror_map(9999): unknown error\r\n"
    b"caught by value: by value\r\n"
    b"uncaught_exceptions in a destructor run by the unwinding: 11\r\n"
    b"and in one run normally: 0\r\n"
    b"rethrown: out_of_range: kept for later\r\n"
)
THREADS = (
    b"counter after 4 threads x 500: 2000\r\n"
    b"the consumer's sum: 360\r\n"
    b"notify_all_at_thread_exit woke the waiter: 1\r\n"          # the mutex was unlocked at the end
    b"call_once ran its callable 1 time(s)\r\n"
    b"_Thrd_create 0, join 0, exit code 2; _Cnd_timedwait 2 after 30 ms or more\r\n"   # 2: _Timedout
)
INPUT = (
    b"read 42, 2.5, hello\r\n"
    b"the line: rest of the line (17 characters)\r\n"
    b"cin threw: ios_base::failbit set: iostream stream error\r\n"
    b'state after "x": 2\r\n'
)
# wcout narrows as the "C" locale does: U+00E9 is the byte 0xE9, U+4E2D cannot be written (badbit)
WIDE = b"wide 42 2.5 caf\xe9\r\n   ab|\r\n"
EXPECTED = STREAMS + OWN_STREAMS + THROWERS + THREADS + INPUT + WIDE + b"wcin read x, 7, wide\r\nfailures: 0\r\n"
STDERR = b"on stderr\r\non clog\r\non wcerr\r\n"
EXIT_CODE = 40          # 40 + the number of failed checks


def boot(*options, stdin=STDIN, stderr=subprocess.PIPE):
    return subprocess.run([sys.executable, "-m", "kernel", "boot", *options, sample_path("msvcp_core")],
                          cwd=ROOT, input=stdin, stdout=subprocess.PIPE, stderr=stderr, timeout=300)


@pytest.mark.parametrize("cpus", ["1", "4"])
def test_streams_exceptions_threads_and_input(cpus):
    result = boot("--cpus", cpus)
    assert result.stdout == EXPECTED
    assert result.stderr == STDERR
    assert result.returncode == EXIT_CODE


def test_cerr_flushes_the_tied_cout_first():
    """cout's text sits in the UCRT's buffer (a pipe is fully buffered) until cerr, tied to it,
    flushes it before writing."""
    result = boot(stderr=subprocess.STDOUT)
    assert b"to cout, then cerr: on stderr\r\non clog\r\nthe array holds" in result.stdout
    assert result.returncode == EXIT_CODE


def test_extraction_at_the_end_of_input():
    """With no input the sentry fails every extraction: the targets keep their values, getline
    stores an empty string and counts nothing, cin's state is failbit | eofbit."""
    result = boot(stdin=b"")
    assert result.stdout == STREAMS + OWN_STREAMS + THROWERS + THREADS + (
        b"read 0, 0, \r\nthe line:  (0 characters)\r\n"
        b"cin threw: ios_base::failbit set: iostream stream error\r\nstate after \"x\": 3\r\n") + WIDE + (
        b"wcin read , 0, \r\nfailures: 0\r\n")
    assert result.returncode == EXIT_CODE


DLL = os.path.join(ROOT, "guest", "bin", "msvcp140.dll")
# What a real MSVC-built program imports from msvcp140.dll (../shared/notes/win32-surface.md) and
# what std::string, std::vector and std::thread's inline code calls.
REAL_IMPORTS = [
    "?_Osfx@?$basic_ostream@DU?$char_traits@D@std@@@std@@QEAAXXZ",
    "?cout@std@@3V?$basic_ostream@DU?$char_traits@D@std@@@1@A",
    "?flush@?$basic_ostream@DU?$char_traits@D@std@@@std@@QEAAAEAV12@XZ",
    "?good@ios_base@std@@QEBA_NXZ",
    "?setstate@?$basic_ios@DU?$char_traits@D@std@@@std@@QEAAXH_N@Z",
    "?sputc@?$basic_streambuf@DU?$char_traits@D@std@@@std@@QEAAHD@Z",
    "?sputn@?$basic_streambuf@DU?$char_traits@D@std@@@std@@QEAA_JPEBD_J@Z",
    "?uncaught_exception@std@@YA_NXZ",
    "?_Xlength_error@std@@YAXPEBD@Z",
    "?_Xout_of_range@std@@YAXPEBD@Z",
    "?_Xbad_alloc@std@@YAXXZ",
    "?_Xbad_function_call@std@@YAXXZ",
    "?_Throw_Cpp_error@std@@YAXH@Z",
    "??0_Lockit@std@@QEAA@H@Z",
    "??1_Lockit@std@@QEAA@XZ",
    "??Bid@locale@std@@QEAA_KXZ",
    "?_Getgloballocale@locale@std@@CAPEAV_Locimp@12@XZ",
    "?id@?$ctype@D@std@@2V0locale@2@A",
    "?_Getcat@?$ctype@D@std@@SA_KPEAPEBVfacet@locale@2@PEBV42@@Z",
    "??6?$basic_ostream@DU?$char_traits@D@std@@@std@@QEAAAEAV01@H@Z",
    "??5?$basic_istream@DU?$char_traits@D@std@@@std@@QEAAAEAV01@AEAH@Z",
    "_Mtx_lock", "_Mtx_unlock", "_Cnd_wait", "_Cnd_broadcast", "_Thrd_join", "_Thrd_detach", "_Thrd_id",
    "_Thrd_hardware_concurrency", "_Query_perf_counter", "_Query_perf_frequency", "_Xtime_get_ticks",
    "?__ExceptionPtrCurrentException@@YAXPEAX@Z", "?__ExceptionPtrRethrow@@YAXPEBX@Z",
    "?wcout@std@@3V?$basic_ostream@_WU?$char_traits@_W@std@@@1@A",
    "?sputn@?$basic_streambuf@_WU?$char_traits@_W@std@@@std@@QEAA_JPEB_W_J@Z",
    "?id@?$ctype@_W@std@@2V0locale@2@A",
    "??0?$basic_ostream@DU?$char_traits@D@std@@@std@@QEAA@PEAV?$basic_streambuf@DU?$char_traits@D@std@@@1@_N@Z",
    "??1?$basic_streambuf@DU?$char_traits@D@std@@@std@@UEAA@XZ",
    "?setw@std@@YA?AU?$_Smanip@_J@1@_J@Z",
]


def test_the_def_file_is_the_generators():
    """guest/msvcp140/msvcp140.def is what tools/gen_msvcp140_def.py's table gives."""
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "gen_msvcp140_def.py"), "--check"],
                            capture_output=True)
    assert result.returncode == 0, result.stderr


def test_exports_carry_the_decorated_names_programs_import():
    pe = pefile.PE(DLL)
    names = {e.name.decode() for e in pe.DIRECTORY_ENTRY_EXPORT.symbols if e.name}
    assert [n for n in REAL_IMPORTS if n not in names] == []
    assert {i.dll.decode().lower() for i in pe.DIRECTORY_ENTRY_IMPORT} == {
        "kernel32.dll", "ntdll.dll", "ucrtbase.dll", "vcruntime140.dll"}
