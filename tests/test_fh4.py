"""__CxxFrameHandler4 (vcruntime140_1.dll) through samples/except_fh4: catching functions with
hand-made FH4 tables (gen_fh4.py) and real _CxxThrowException throws (types.cpp, clang's MSVC ABI).
The expected output is what C++ and MSVC's FH4 semantics make of each function, written from them:
the thrower's own locals are destroyed before the catch block runs, a catch by value gets a copy made
by the copy constructor (Counted's adds 0x1000 to the id) which the catch block destroys, a reference
to a second base class is the thrown object's part (Both(12)'s Right has r = 24), the thrown
object is destroyed after the catch, destructors run most recent first following the unwind map's
next offsets, each once (a rethrow from a catch block, or a throw from a catch block inside one,
does not destroy again what the unwind to the catch destroyed), a catch funclet's return value of
0 or 1 picks its clause's continuation address; in a function without the EHs bit (/EHa) an access
violation goes to the thread's _set_se_translator function, whose C++ throw the catch(int) takes,
a C++ throw does not, and without a translator catch(...) takes the access violation."""
import os
import sys

import pefile
import pytest
from conftest import ROOT, SAMPLES, run_kernel, sample_path

EXPECTED = """\
-- throw int
  ~Noisy in ThrowKind
caught int 0x7
  the exception being handled: 0xe06d7363
  its context is there, with a Rip: 0x1
  ~Noisy in Fh4CatchTyped
returned 0x7
-- throw Derived
  ~Noisy in ThrowKind
caught Base& (v * 16 + Kind) 0x82
  ~Noisy in Fh4CatchTyped
returned 0x82
-- throw Counted
  ~Noisy in ThrowKind
caught Counted by value, id 0x1009
live Counted objects in the catch 0x2
  ~Noisy in Fh4CatchTyped
returned 0x1009
-- throw Derived*
  ~Noisy in ThrowKind
caught Base* (v * 16 + Kind) 0xa2
  ~Noisy in Fh4CatchTyped
returned 0xa2
-- throw double
  ~Noisy in ThrowKind
  ~Noisy in Fh4CatchTyped
Fh4Catcher caught (...)
returned 0xfffffffffffffffe
-- throw Both
  ~Noisy in ThrowKind
caught Right& of a Both: its r 0x18
  ~Noisy in Fh4CatchTyped
returned 0x18
live Counted objects after the catches 0x0
exceptions being handled after the catches 0x0
-- destructors in the unwind map's order
  b's scope ends
  ~Noisy b, whose scope ends
  ~Noisy d, by a cleanup funclet
  ~Noisy c, through a pointer in the frame
  ~Noisy a, by its frame offset
Fh4Catcher caught int 0x31
returned 0x31
-- nested try blocks
the outer catch(int) of the nested try got 0x40
returned 0x140
-- rethrow from a catch block
  ~Noisy in ThrowKind
  ~Noisy in the inner try
catch(...): rethrow
outer catch(Counted&) after the rethrow: id 0x50
live Counted objects in the outer catch 0x1
returned 0x50
live Counted objects after the rethrow 0x0
-- a try block inside a catch block
  ~Noisy in ThrowKind
catch(int) got 0x60
  ~Noisy in ThrowKind
inner catch(Base&) inside the catch block: v * 16 + Kind 0x612
the outer catch still has x = 0x60
returned 0x672
-- a throw from a catch block inside a catch block
  ~Noisy in ThrowKind
catch(int) got 0x68
  ~Noisy in ThrowKind
inner catch(Base&): throwing an int
  ~Noisy in the inner catch block
Fh4Catcher caught int 0x6a
returned 0x6a
-- separated code
caught the int thrown in a separated segment 0x70
returned 0x70
-- continuation addresses
  ~Noisy in ThrowKind
catch A got 0x80
continuation address 0 (v is even)
  ~Noisy in ThrowKind
catch B got 0x80
resumed where the funclet said
returned 0x1100
  ~Noisy in ThrowKind
catch A got 0x81
continuation address 1 (v is odd)
  ~Noisy in ThrowKind
catch B got 0x81
resumed where the funclet said
returned 0x2102
-- an access violation in a /EHa frame, translated
the thread had no translator: 0x1
  translator: code 0xc0000005
Fh4AsyncCatcher caught int 0x5
returned 0x5
-- a C++ throw in the /EHa frame is not translated
Fh4AsyncCatcher caught int 0x90
returned 0x90
-- the access violation without a translator
the translator was TranslateToInt: 0x1
Fh4AsyncCatcher caught (...)
returned 0xfffffffffffffffd
"""


@pytest.mark.parametrize("cpus", ["1", "4"])
def test_fh4_catches_unwinds_and_continues(cpus):
    result = run_kernel("boot", "--cpus", cpus, sample_path("except_fh4"))
    assert result.stdout.decode() == EXPECTED
    assert result.returncode == 0


def test_exception_leaving_noexcept_function_terminates_without_unwinding():
    # The search reaches the noexcept frame: std::terminate, the UCRT's abort (a fast fail under
    # its default _CALL_REPORTFAULT); no destructor runs (not the thrower's, not the function's).
    result = run_kernel("boot", sample_path("except_fh4"), "1")
    assert result.stdout == b"-- an exception leaves a noexcept function\n"
    assert "0xC0000409 (STATUS_STACK_BUFFER_OVERRUN)" in result.stderr.decode().splitlines()[-1]
    assert result.returncode == 0x09


def test_uncaught_cxx_exception_ends_the_process_with_its_code():
    result = run_kernel("boot", sample_path("except_fh4"), "2")
    assert result.stdout == b"-- nobody catches an int\n"
    assert "process exited with 0xE06D7363" in result.stderr.decode()
    assert result.returncode == 0x63


def test_structured_exception_in_ehs_frame_is_neither_translated_nor_caught():
    # Fh4Catcher's FuncInfo4 has the EHs bit: its frame handler leaves the access violation alone
    # (no translator call, its catch(...) is not for it); nothing else catches it.
    result = run_kernel("boot", sample_path("except_fh4"), "3")
    assert result.stdout == b"-- an access violation in a /EHs frame: no translator call, no catch(...)\n"
    assert "process exited with 0xC0000005" in result.stderr.decode()
    assert result.returncode == 0x05


def test_vcruntime140_1_exports_the_frame_handler_over_vcruntime140_state():
    pe = pefile.PE(os.path.join(ROOT, "guest", "bin", "vcruntime140_1.dll"))
    exports = {e.name.decode() for e in pe.DIRECTORY_ENTRY_EXPORT.symbols}
    assert exports == {"__CxxFrameHandler4", "__NLG_Dispatch2", "__NLG_Return2"}
    imports = {d.dll.decode().lower(): {i.name.decode() for i in d.imports} for d in pe.DIRECTORY_ENTRY_IMPORT}
    assert {"__current_exception", "__current_exception_context", "__processing_throw"} <= imports["vcruntime140.dll"]
    sample = pefile.PE(sample_path("except_fh4"))
    used = {d.dll.decode().lower(): {i.name.decode() for i in d.imports} for d in sample.DIRECTORY_ENTRY_IMPORT}
    assert used["vcruntime140_1.dll"] == {"__CxxFrameHandler4"}
    assert "_CxxThrowException" in used["vcruntime140.dll"]


def _generator():
    sys.path.insert(0, os.path.join(SAMPLES, "except_fh4"))
    try:
        import gen_fh4
    finally:
        sys.path.pop(0)
    return gen_fh4


def test_fh4_assembly_is_what_the_generator_writes():
    with open(os.path.join(SAMPLES, "except_fh4", "fh4.S")) as f:
        assert f.read() == _generator().generate()


@pytest.mark.parametrize("value,width,encoded", [
    (0, None, [0x00]), (0x7F, None, [0xFE]),                              # xxxxxxx0
    (0x80, None, [0x01, 0x02]), (0x3FFF, None, [0xFD, 0xFF]),             # xxxxxx01
    (0x4000, None, [0x03, 0x00, 0x02]),                                   # xxxxx011
    (0x200000, None, [0x07, 0x00, 0x00, 0x02]),                           # xxxx0111
    (0x10000000, None, [0x0F, 0x00, 0x00, 0x00, 0x10]),                   # 1111, then 4 bytes
    (2, 4, [0x27, 0x00, 0x00, 0x00]), (1, 5, [0x0F, 0x01, 0x00, 0x00, 0x00]),  # longer than needed
])
def test_compressed_unsigned_forms(value, width, encoded):
    assert _generator().Int(value, width).encode() == encoded


def test_rtl_capture_context2_registers_flags_and_xstate_header():
    # samples/except_context: the nonvolatile registers' markers, Rip/Rsp at the return, and for a
    # record initialised for CONTEXT_XSTATE the XSAVE header (the mask of the enabled features past
    # x87/SSE, from KUSER_SHARED_DATA) with CONTEXT_XSTATE set; without it the area is untouched.
    result = run_kernel("boot", sample_path("except_context"))
    names = ["Rbx", "Rbp", "Rsi", "Rdi", "R12", "R13", "R14", "R15", "Rcx is the record", "Rip is the return address",
             "Rsp is the caller's after the return", "ContextFlags",
             "XSAVE header mask: the enabled features beyond x87 and SSE", "the CONTEXT_EX is kept"]
    expected = ["-- CONTEXT_ALL | CONTEXT_XSTATE", *(f"{n}: ok" for n in names), "-- CONTEXT_ALL", "ContextFlags: ok",
                "the XSTATE area is left alone: ok", "R15: ok"]
    assert result.stdout.decode().splitlines() == expected
    assert result.returncode == 0
