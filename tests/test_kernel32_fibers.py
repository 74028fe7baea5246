"""kernel32's fibers (samples/k32_fibers): conversion both ways with their documented errors, two
fibers switching in turn on their own stacks (the TEB's stack fields and FiberData following), FLS
values per fiber with DeleteFiber running the callback, and a returning fiber routine ending its
thread."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"ConvertThreadToFiber: GetCurrentFiber, GetFiberData",
    b"again -> ERROR_ALREADY_FIBER",
    b"CreateFiber(NULL routine) -> ERROR_INVALID_PARAMETER",
    b"on its own stack, the TEB's limits around it",
    b"its FLS value starts empty",
    b"six switches, in turn",
    b"back on the thread's own stack with its FLS value",
    b"its local and FLS value kept across switches",
    b"DeleteFiber runs the deleted fiber's FLS callback",
    b"ConvertFiberToThread: FiberData is NT_TIB.Version again",
    b"again -> ERROR_ALREADY_THREAD",
    b"a fiber routine that returns ends its thread (exit code 0)",
]


@pytest.fixture(scope="module")
def fibers_run():
    return run_kernel("boot", sample_path("k32_fibers"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_fiber_checks(fibers_run, line):
    assert b"ok   " + line in fibers_run.stdout.splitlines(), fibers_run.stdout.decode(errors="replace")


def test_fibers_sample_passes_everything(fibers_run):
    assert not [ln for ln in fibers_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert fibers_run.returncode == 0
