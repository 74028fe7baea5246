"""Every x64 thread starts with the x87 control word 0x27F and MXCSR 0x1F80 (the initial CONTEXT's
FltSave, which NtContinue restores at LdrInitializeThunk's end), not the processor's reset 0x37F
nor whatever its creator had set: the sample k32_fpu_initial reads both with fnstcw/stmxcsr."""
from conftest import run_kernel, sample_path


def test_initial_and_created_threads_start_with_fcw_027f_and_mxcsr_1f80():
    result = run_kernel("boot", sample_path("k32_fpu_initial"))
    assert result.returncode == 0
    assert result.stdout == (
        b"initial thread FCW 0x27f\ninitial thread MXCSR 0x1f80\n"
        b"ok   the initial thread starts with FCW 0x27F\nok   the initial thread starts with MXCSR 0x1F80\n"
        b"new thread FCW 0x27f\nnew thread MXCSR 0x1f80\n"
        b"ok   a new thread starts with FCW 0x27F\nok   a new thread starts with MXCSR 0x1F80\n")
