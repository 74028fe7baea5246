"""MSVC's run-time type information entry points, guest/common/rtti.c in msvcrt.dll and
vcruntime140.dll: the sample crt_rtti builds MSVC x64 RTTI by hand (image-relative locators,
hierarchies with PMD offsets: multiple, virtual, private and ambiguous bases) and calls
__RTDynamicCast, __RTCastToVoid and __RTtypeid of the DLL it is given. The casts agree with
Wine's msvcrt except where Wine ignores base visibility and ambiguity (documented: NULL); what
the runtimes throw are their own classes (msvcrt's without a namespace, vcruntime's in std)."""
from conftest import run_kernel, sample_path

CASTS = """\
obj_G+16 B->C: 0
obj_G+16 B->A: NULL
obj_G+16 B->X: 40
obj_G+40 A->C: 0
obj_G+40 A->X: 40
obj_G+0 A->G: 0
obj_G+40 A->G: 0
obj_G+16 B->B: 16
obj_G+0 A->B: 16
obj_E+16 B->A: NULL
obj_E+0 A->B: NULL
obj_E+0 A->E: NULL
obj_E+16 B->E: 0
obj_M+56 V->M: 0
obj_M+56 V->L: 0
obj_M+56 V->R: 24
obj_M+0 L->R: 24
obj_M+24 R->V: 56
obj_M+0 L->V: 56
obj_A+0 A->B: NULL
obj_A+0 A->A: 0
null A->B: NULL
void G+16: 0
void G+40: 0
void M+56: 0
void M+24: 0
void null: NULL
typeid G+16: .?AVG@@
typeid M+56: .?AVM@@
typeid E+16: .?AVE@@
typeid A: .?AVA@@ same 1
"""

MSVCRT_THROWS = """\
A& -> B&
  threw 2: .?AVbad_cast@@ .?AVexception@@ | Bad dynamic_cast!
typeid(null)
  threw 2: .?AVbad_typeid@@ .?AVexception@@ | Attempted a typeid of NULL pointer!
typeid(no RTTI)
  threw 3: .?AV__non_rtti_object@@ .?AVbad_typeid@@ .?AVexception@@ | Access violation - no RTTI data!
dynamic_cast(no RTTI)
  threw 3: .?AV__non_rtti_object@@ .?AVbad_typeid@@ .?AVexception@@ | Access violation - no RTTI data!
void(no RTTI)
  threw 3: .?AV__non_rtti_object@@ .?AVbad_typeid@@ .?AVexception@@ | Access violation - no RTTI data!
E+16 B& -> E&
  returned 0
"""

VCRUNTIME_THROWS = """\
A& -> B&
  threw 2: .?AVbad_cast@std@@ .?AVexception@std@@ | Bad dynamic_cast!
typeid(null)
  threw 2: .?AVbad_typeid@std@@ .?AVexception@std@@ | Attempted a typeid of nullptr pointer!
typeid(no RTTI)
  threw 3: .?AV__non_rtti_object@std@@ .?AVbad_typeid@std@@ .?AVexception@std@@ | Access violation - no RTTI data!
dynamic_cast(no RTTI)
  threw 3: .?AV__non_rtti_object@std@@ .?AVbad_typeid@std@@ .?AVexception@std@@ | Access violation - no RTTI data!
void(no RTTI)
  threw 3: .?AV__non_rtti_object@std@@ .?AVbad_typeid@std@@ .?AVexception@std@@ | Access violation - no RTTI data!
E+16 B& -> E&
  returned 0
"""


def run(dll):
    r = run_kernel("boot", sample_path("crt_rtti"), dll)
    assert r.returncode == 0
    return r.stdout.decode().replace("\r\n", "\n")


def test_msvcrt_casts_typeid_and_throws():
    assert run("msvcrt.dll") == "msvcrt.dll: all three\n" + CASTS + MSVCRT_THROWS


def test_vcruntime140_shares_the_casts_and_throws_std_classes():
    assert run("vcruntime140.dll") == "vcruntime140.dll: all three\n" + CASTS + VCRUNTIME_THROWS
