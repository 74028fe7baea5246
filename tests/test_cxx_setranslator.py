"""_set_se_translator through samples/except_setrans (vcruntime140.dll) and except_setrans_msvcrt
(the same MSVC-ABI code on msvcrt.dll's C++ runtime). The expected output is what MSDN's
"_set_se_translator" and "Handle structured exceptions in C++" and MSVC's x64 frame handler make
of each case:
- the translator is per thread (a new thread has none; the first call returns null, each call
  the one it replaces), called as fn(code, EXCEPTION_POINTERS *) for a structured exception (an
  access violation 0xC0000005, an integer divide by zero 0xC0000094, RaiseException's own code)
  by the frame handler of a /EHa function whose try block is around the fault's call, before its
  catch search, and never for a C++ throw;
- what it throws is what the catch clauses see (catch (SE_Exception &)); the frames between are
  unwound after the translator ran (the __finally, then the destructor, then the catch, as in
  MSDN's crt_settrans.cpp);
- a translation no catch of the frame takes is dropped there and the structured exception goes
  on: the outer frame's try block calls the translator again (once per frame);
- a translator that returns leaves the exception to catch(...), or to an __except further out
  after each frame with a try block called it, or unhandled (the process ends with 0xC0000005);
- a /EHs function's frame handler (FI_EHS_FLAG) does nothing for a structured exception: no
  translator, its catch(...) does not catch it, its local is not destroyed by the unwind;
- `throw;` of a structured exception (in catch(...)), or in the catch of its translation, raises
  the structured exception again (MSVC's CxxCallCatchBlock): an __except further out sees its code,
  the outer try block's translation catches it.
Wine 8 agrees but for two translator calls: it rethrows the C++ translation itself, and calls no
translator for a try block whose only catch is catch(...).
"""
import pytest
from conftest import guest_exports, run_kernel, sample_path

EXPECTED = """\
-- install
the first _set_se_translator returned null: 0x1
-- access violation
  translator: code 0xc0000005
  __finally in FinallyAround
  ~Noisy in Between
caught SE_Exception with code 0xc0000005
CatchTranslated returned 0xc0000005
-- integer divide by zero
  translator: code 0xc0000094
  __finally in FinallyAround
  ~Noisy in Between
caught SE_Exception with code 0xc0000094
CatchTranslated returned 0xc0000094
-- RaiseException
  translator: code 0xe0001234
  __finally in FinallyAround
  ~Noisy in Between
caught SE_Exception with code 0xe0001234
CatchTranslated returned 0xe0001234
-- the translation is not caught by the inner frame
  translator: code 0xc0000005
  translator: code 0xc0000005
the outer frame caught SE_Exception with code 0xc0000005
OuterCatch returned 0x2
-- a C++ throw
caught int 0x5
CxxThrow returned 0x5
translator calls 0x0
-- rethrow in the catch of a translation
  translator: code 0xc0000005
inner catch got SE_Exception with code 0xc0000005
  translator: code 0xc0000005
outer catch got SE_Exception with code 0xc0000005
RethrowTranslation returned 0x3
-- a /EHs frame
  __except filter: code 0xc0000005
__except took it: EhsCatchAll
translator calls 0x0
-- replace the translator
replacing returned the first: 0x1
-- the translator returns
  declining translator: code 0xc0000005
catch(...) took the structured exception
CatchAllAfterDecline returned 0x1
  declining translator: code 0xc0000005
  declining translator: code 0xc0000005
  __except filter: code 0xc0000005
__except took it: TwoFrames
translator calls 0x2
  declining translator: code 0xc0000005
catch(...) got it: throw;
  __except filter: code 0xc0000005
__except took it: RethrowCatchAll
restoring returned the replacement: 0x1
-- a second thread
second thread: its first _set_se_translator returned null: 0x1
second thread: no translator, catch(...) took the access violation
the first thread's translator is still Translate: 0x1
  translator: code 0xc0000005
  __finally in FinallyAround
  ~Noisy in Between
caught SE_Exception with code 0xc0000005
CatchTranslated returned 0xc0000005
"""

SAMPLES = ["except_setrans", "except_setrans_msvcrt"]


@pytest.mark.parametrize("sample", SAMPLES)
def test_translator_turns_structured_exceptions_into_cxx_ones(sample):
    result = run_kernel("boot", sample_path(sample))
    assert result.stdout.decode() == EXPECTED
    assert result.returncode == 0


@pytest.mark.parametrize("sample", SAMPLES)
def test_declined_exception_nobody_catches_ends_the_process(sample):
    result = run_kernel("boot", sample_path(sample), "1")
    assert result.stdout == (b"-- nothing catches a declined access violation\n"
                             b"  declining translator: code 0xc0000005\n")
    assert "process exited with 0xC0000005" in result.stderr.decode()
    assert result.returncode == 0x05


@pytest.mark.parametrize("dll", ["vcruntime140.dll", "msvcrt.dll"])
def test_both_runtimes_export_set_se_translator(dll):
    # Windows' msvcrt.dll exports it as vcruntime140.dll does (MSDN's list, Wine's msvcrt.spec).
    assert "_set_se_translator" in guest_exports(dll)


def test_sample_imports_the_translator_from_its_runtime():
    import pefile
    for sample, dll in [("except_setrans", "vcruntime140.dll"), ("except_setrans_msvcrt", "msvcrt.dll")]:
        pe = pefile.PE(sample_path(sample))
        used = {d.dll.decode().lower(): {i.name.decode() for i in d.imports} for d in pe.DIRECTORY_ENTRY_IMPORT}
        assert {"_set_se_translator", "__CxxFrameHandler3", "_CxxThrowException"} <= used[dll]


def test_eha_recipe_clears_only_the_ehs_marks():
    from tools.build_samples import eha_tables
    asm = ("\t.long\t429065506                       # MagicNumber\n"
           "\t.long\t5                               # EHFlags\n"
           "\t.long\t8                               # Adjectives\n"
           "\t.long\t\"??_R0H@8\"@IMGREL              # Type\n"
           "\t.long\t64                              # Adjectives\n"
           "\t.long\t0                               # Type\n"
           "\t.long\t64                              # CatchObjOffset\n")
    out = eha_tables(asm).splitlines()
    assert out[1].split()[1] == "4"             # noexcept (4) stays, FI_EHS_FLAG (1) goes
    assert out[2].split()[1] == "8"
    assert out[4].split()[1] == "0"             # catch(...): no HT_IsStdDotDot
    assert out[6].split()[1] == "64"            # not an adjective
