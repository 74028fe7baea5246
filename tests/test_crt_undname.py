"""msvcrt.dll's MSVC name undecorator __unDName/__unDNameEx (guest/crt/undname.c, also exported by
ucrtbase.dll): the sample crt_undname prints a table of decorated names under UNDNAME_* flags; each
must read as Microsoft's undecorator writes it (access specifier, member type, return type, calling
convention, qualified name, arguments joined by ",", the this-qualifier, and x64's __ptr64 after
each pointer, reference and this-pointer unless UNDNAME_NO_MS_KEYWORDS)."""
import pytest
from conftest import guest_exports, run_kernel, sample_path

EXPECTED = [
    ("?name@type_info@@QEBAPEBDXZ", "0", "public: char const * __ptr64 __cdecl type_info::name(void)const __ptr64"),
    ("?name@type_info@@QEBAPEBDXZ", "0x1000", "type_info::name"),
    ("?name@type_info@@QEBAPEBDXZ", "0x2000", "public: char const * __ptr64 __cdecl type_info::name"),
    ("?name@type_info@@QEBAPEBDXZ", "0x2", "public: char const * type_info::name(void)const"),
    ("?name@type_info@@QEBAPEBDXZ", "0x60", "public: char const * __ptr64 __cdecl type_info::name(void)"),
    ("??1type_info@@UEAA@XZ", "0", "public: virtual __cdecl type_info::~type_info(void) __ptr64"),
    ("??0exception@@QEAA@AEBQEBD@Z", "0",
     "public: __cdecl exception::exception(char const * __ptr64 const & __ptr64) __ptr64"),
    ("?what@exception@@UEBAPEBDXZ", "0",
     "public: virtual char const * __ptr64 __cdecl exception::what(void)const __ptr64"),
    ("?what@exception@@UEBAPEBDXZ", "0x280", "char const * __ptr64 __cdecl exception::what(void)const __ptr64"),
    ("??_7type_info@@6B@", "0", "const type_info::`vftable'"),
    ("?terminate@@YAXXZ", "0", "void __cdecl terminate(void)"),
    ("?set_terminate@@YAP6AXXZP6AXXZ@Z", "0", "void (__cdecl*__cdecl set_terminate(void (__cdecl*)(void)))(void)"),
    ("?_set_new_handler@@YAP6AH_K@ZP6AH0@Z@Z", "0",
     "int (__cdecl*__cdecl _set_new_handler(int (__cdecl*)(unsigned __int64)))(unsigned __int64)"),
    ("?x@@3HA", "0", "int x"),
    ("?s@C@@2HA", "0", "public: static int C::s"),
    ("?p@@3PEBDEB", "0", "char const * __ptr64 const p"),
    ("??0?$vector@HV?$allocator@H@std@@@std@@QEAA@XZ", "0",
     "public: __cdecl std::vector<int,class std::allocator<int> >::vector<int,class std::allocator<int> >"
     "(void) __ptr64"),
    ("??8type_info@@QEBAHAEBV0@@Z", "0",
     "public: int __cdecl type_info::operator==(class type_info const & __ptr64)const __ptr64"),
    ("?f@@YAXHD@Z", "0", "void __cdecl f(int,char)"),
    ("?f@@YAXHD@Z", "0x2", "void f(int,char)"),
    ("?f@@YAXHD@Z", "0x4", "__cdecl f(int,char)"),
    ("?g@N@@YAHPEAD0@Z", "0", "int __cdecl N::g(char * __ptr64,char * __ptr64)"),
    ("?h@@YAXZZ", "0", "void __cdecl h(...)"),
    ("?k@@YAXHZZ", "0", "void __cdecl k(int,...)"),
    ("??2@YAPEAX_K@Z", "0", "void * __ptr64 __cdecl operator new(unsigned __int64)"),
    ("??_U@YAPEAX_K@Z", "0", "void * __ptr64 __cdecl operator new[](unsigned __int64)"),
    ("??3@YAXPEAX@Z", "0", "void __cdecl operator delete(void * __ptr64)"),
    ("?AVbad_cast@@", "0x2800", "class bad_cast"),
    ("?AU?$pair@HN@std@@", "0x2800", "struct std::pair<int,double>"),
    ("H", "0x2800", "int"),
    ("PEAH", "0x2800", "int * __ptr64"),
    ("PEBD", "0x2800", "char const * __ptr64"),
    ("?AV?$vector@HV?$allocator@H@std@@@std@@", "0x2800", "class std::vector<int,class std::allocator<int> >"),
    ("?v@@YAXAEBV?$basic_string@DU?$char_traits@D@std@@V?$allocator@D@2@@std@@@Z", "0",
     "void __cdecl v(class std::basic_string<char,struct std::char_traits<char>,class std::allocator<char> > "
     "const & __ptr64)"),
    ("?m@C@@SAXXZ", "0", "public: static void __cdecl C::m(void)"),
    ("?m@C@@CAXXZ", "0", "private: static void __cdecl C::m(void)"),
    ("?m@C@@IEAAXXZ", "0", "protected: void __cdecl C::m(void) __ptr64"),
    ("?fun@@YA_NW4color@@@Z", "0", "bool __cdecl fun(enum color)"),
    ("?fun@@YA_NW4color@@@Z", "0x8000", "bool __cdecl fun(color)"),
]


def test_undecorated_names():
    r = run_kernel("boot", sample_path("crt_undname"))
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    got = [(ln.split(" ", 2)[0], ln.split(" ", 2)[1], ln.split(" ", 2)[2][1:-1]) for ln in lines[:len(EXPECTED)]]
    assert got == EXPECTED
    assert lines[len(EXPECTED):] == [
        "short [public: cha] 1",                                        # cut to the caller's 12 bytes
        "ex [public: virtual char const * __ptr64 __cdecl exception::what(void)const __ptr64]",
        "bad [(null)]"]                                                 # not a name: NULL


@pytest.mark.parametrize("dll", ["msvcrt.dll", "ucrtbase.dll"])
def test_both_runtimes_export_the_undecorator(dll):
    assert {"__unDName", "__unDNameEx"} <= guest_exports(dll)
