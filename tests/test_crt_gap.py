"""The C runtimes' exports that programs import and the runtimes lacked (guest/crt: the secure _s
forms, the _l forms, the conversions, ...): the samples crt_gap (mingw-w64, msvcrt.dll) and
ucrt_gap (zig, the UCRT) check each against its documented result (tests/test_samples.py compares
their output); here, that both DLLs export every name (a program importing one it lacks does not
load), and what the samples cannot see from inside: the UCRT's invalid-parameter fast fail when no
handler is installed, against msvcrt.dll's return of EINVAL."""
import pytest
from conftest import guest_exports, run_kernel, sample_path

BOTH = """
    __fpecode __pxcptinfoptrs __threadhandle __threadid _aligned_offset_malloc _aligned_offset_realloc
    _aligned_realloc _atodbl _atodbl_l _atoflt_l _atoi64_l _atoi_l _atol_l _atoldbl _atoldbl_l _cabs _cgets
    _cputws _creat _ctime32 _ctime32_s _ctime64_s _difftime32 _expand _fgetchar _fgetwchar _filelength
    _filelengthi64 _fputchar _fputwchar _ftime32 _ftime32_s _ftime64_s _futime32 _get_heap_handle _get_pgmptr
    _get_tzname _get_wpgmptr _getsystime _getw _getwch _getwche _getws _gmtime32 _gmtime32_s _heapchk _heapmin
    _heapwalk _i64toa_s _i64tow_s _isleadbyte_l _itoa_s _itow_s _lfind_s _localtime32 _localtime32_s _locking
    _lrotl _lrotr _ltoa_s _ltow_s _makepath_s _memccpy _memicmp_l _mkgmtime32 _mktime32 _putenv_s _putw
    _putwch _rmtmp _set_controlfp _seterrormode _sleep _splitpath_s _strdate _strdate_s _stricmp_l _stricoll_l
    _strlwr_l _strlwr_s _strlwr_s_l _strncoll _strncoll_l _strnicmp_l _strnicoll _strnicoll_l _strnset_s
    _strtime _strtime_s _strupr_l _strupr_s _strupr_s_l _swab _tempnam _ui64toa_s _ui64tow_s _ultoa_s _ultow_s
    _ungetwch _utime32 _wasctime _wasctime_s _wcreat _wcsicmp_l _wcsicoll_l _wcslwr_l _wcslwr_s _wcslwr_s_l
    _wcsncoll _wcsncoll_l _wcsnicmp_l _wcsnicoll _wcsnicoll_l _wcsnset _wcsnset_s _wcsset _wcsset_s
    _wcstoi64_l _wcstol_l _wcstombs_l _wcstombs_s_l _wcstoui64_l _wcstoul_l _wcsupr_l _wcsupr_s _wcsupr_s_l
    _wctime32 _wctime32_s _wctime64 _wctime64_s _wctomb_s_l _wctype _wfdopen _wfreopen_s _wgetenv_s
    _wmakepath_s _wputenv_s _wsplitpath_s _wstrdate _wstrdate_s _wstrtime _wstrtime_s _wtempnam _wtmpnam
    _wtmpnam_s _wtof_l _wtoi64_l _wtoi_l _wtol_l _wutime32 bsearch_s clearerr_s freopen_s gets isleadbyte
    mbsrtowcs_s mbstowcs_s qsort_s strncat_s wcsncat_s wcsncpy_s wcsrtombs wcsrtombs_s wcstombs_s wctomb_s
""".split()

UCRT_ONLY = """
    __iswcsym __iswcsymf __p__pgmptr __p__wpgmptr __report_gsfailure _aligned_msize _aligned_offset_recalloc
    _aligned_recalloc _atoflt _atoll_l _calloc_base _cgets_s _cgetws _cgetws_s _crt_debugger_hook
    _fclose_nolock _fflush_nolock _fgetc_nolock _fgetwc_nolock _fputwc_nolock _fread_nolock _fread_nolock_s
    _free_base _fseek_nolock _fseeki64_nolock _fstat32 _fstat32i64 _fstat64i32 _ftell_nolock _ftelli64_nolock
    _fwrite_nolock _get_daylight _get_dstbias _get_narrow_winmain_command_line _get_purecall_handler
    _get_timezone _get_wide_winmain_command_line _getc_nolock _getch_nolock _getche_nolock _getwc_nolock
    _getwch_nolock _getwche_nolock _getws_s _invoke_watson _iswcsym_l _iswcsymf_l _lsearch_s _malloc_base
    _purecall _putc_nolock _putch_nolock _putwc_nolock _putwch_nolock _realloc_base _set_purecall_handler
    _stat32 _stat32i64 _stat64i32 _strerror_s _strset_s _strtoimax_l _strtold_l _strtoumax_l _timespec32_get
    _timespec64_get _ungetc_nolock _ungetch_nolock _ungetwc_nolock _ungetwch_nolock _wcstof_l _wcstoimax_l
    _wcstold_l _wcstoll_l _wcstoull_l _wcstoumax_l _wdupenv_s _wstat32 _wstat32i64 _wstat64i32 _wtoll_l
    c16rtomb c32rtomb fread_s gets_s imaxabs imaxdiv mbrtoc16 mbrtoc32 towctrans wcstoimax wcstoumax wctrans
    wctype wmemcpy_s wmemmove_s
""".split()

MSVCRT_ONLY = """
    _cprintf _cwprintf _findfirst32 _findfirst64i32 _findnext32 _findnext64i32 _fprintf_l _fprintf_p_l
    _fprintf_s_l _fscanf_l _fscanf_s_l _fstat _fstati64 _futime _fwprintf_l _fwprintf_p _fwprintf_p_l
    _fwprintf_s_l _fwscanf_l _fwscanf_s_l _get_environ _get_fmode _get_wenviron _invalid_parameter _mkgmtime
    _pgmptr _scanf_l _scanf_s_l _scprintf_l _scprintf_p_l _scwprintf_l _scwprintf_p_l _set_fmode _snprintf_c
    _snprintf_c_l _snprintf_l _snprintf_s _snprintf_s_l _snscanf_l _snscanf_s _snscanf_s_l _snwprintf_l
    _snwprintf_s _snwprintf_s_l _snwscanf _snwscanf_l _snwscanf_s _snwscanf_s_l _sprintf_l _sprintf_p_l
    _sprintf_s_l _sscanf_l _sscanf_s_l _stat _stati64 _strcmpi _swprintf _swprintf_c _swprintf_c_l
    _swprintf_p_l _swprintf_s_l _swscanf_l _swscanf_s_l _utime _vcprintf _vcprintf_l _vcwprintf _vcwprintf_l
    _vfprintf_l _vfprintf_p_l _vfprintf_s_l _vfwprintf_l _vfwprintf_p _vfwprintf_p_l _vfwprintf_s_l
    _vscprintf_l _vscprintf_p_l _vscwprintf_l _vscwprintf_p_l _vsnprintf_c _vsnprintf_c_l _vsnprintf_l
    _vsnprintf_s _vsnprintf_s_l _vsnwprintf_l _vsnwprintf_s _vsnwprintf_s_l _vsprintf_l _vsprintf_p_l
    _vsprintf_s_l _vswprintf _vswprintf_c _vswprintf_c_l _vswprintf_l _vswprintf_p_l _vswprintf_s_l _wctime
    _wfindfirst32 _wfindfirst64i32 _wfindnext64i32 _wpgmptr _wscanf_l _wscanf_s_l _wstat _wstati64 _wutime
    fprintf_s fwprintf_s fwscanf_s printf_s sprintf_s swprintf_s vfprintf_s vfwprintf_s vprintf_s vsprintf_s
    vswprintf_s vwprintf_s wprintf_s wscanf_s
""".split()


exports = guest_exports


@pytest.mark.parametrize("dll, names", [("ucrtbase.dll", BOTH + UCRT_ONLY), ("msvcrt.dll", BOTH + MSVCRT_ONLY)])
def test_runtime_exports_the_added_names(dll, names):
    assert sorted(set(names) - exports(dll)) == []


def test_ucrt_invalid_parameter_without_handler_fails_fast():
    result = run_kernel("boot", sample_path("ucrt_gap"), "invalid")
    assert result.returncode == 0xC0000409 & 0xFF
    assert result.stdout == b""
    assert b"0xC0000409 (STATUS_STACK_BUFFER_OVERRUN)" in result.stderr


def test_msvcrt_invalid_parameter_returns_einval():
    result = run_kernel("boot", sample_path("crt_gap"), "invalid")
    assert result.returncode == 7
    assert result.stdout == b"_itoa_s radix 99 returned 22, errno 22\r\n"


def test_ucrt_report_gsfailure_fails_fast():
    result = run_kernel("boot", sample_path("ucrt_gap"), "gs")
    assert result.returncode == 0xC0000409 & 0xFF
    assert b"0xC0000409 (STATUS_STACK_BUFFER_OVERRUN)" in result.stderr
