"""msvcrt.dll's small exports (guest/crt/printf_stdout.c, misc_msvcrt.c, misc.c's _sys_errlist,
msvcrt/setjmp.c's _setjmpex): the sample crt_extras calls each; the stdout _l/_p/_s printf forms
format as their stream twins (positional arguments, wide %s wide) and return the character count,
_sys_errlist/_sys_nerr are strerror's 43 texts, _HUGE is +infinity, _osplatform
VER_PLATFORM_WIN32_NT, _getdllprocaddr refuses a name with an ordinal."""
from conftest import run_kernel, sample_path

EXPECTED = """\
[42 l 1.50]
[p_l 7]
[000ff]
[v ok]
[2 1]
[s   |]
[w 3 wide]
[a b]
[99]
[  5]
[vw x]
[zy]
[q]
[12]
returns 12 8 8 7 6 8 11 6 5 6 7 5 4 5
errlist 43 [No error] [No such file or directory] [Illegal byte sequence]
huge 1 1 osplatform 2
difftime64 4000000000.0
ftime_s 0 1
loaddll 1 byname 1 wrongmix 1 missing 1
unloaddll 0
setjmpex 1
"""


def test_msvcrt_extras():
    r = run_kernel("boot", sample_path("crt_extras"))
    assert r.returncode == 0
    assert r.stdout.decode().replace("\r\n", "\n") == EXPECTED
