"""HeapWalk, HeapValidate and HeapSummary (issue 13, family 5) over ntdll's RtlWalkHeap and
RtlValidateHeap: samples/k32_heapwalk's checks asserted by name (a corrupted block header makes
both the heap and the block invalid, ERROR_NO_MORE_ITEMS ends a walk)."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"the first entry is the heap's region",
    b"the walk ends with ERROR_NO_MORE_ITEMS",
    b"three busy blocks, each with the size asked for",
    b"the freed block is a free entry at its address",
    b"a corrupted block header: HeapValidate(heap) is FALSE",
    b"and HeapValidate(that block) is FALSE",
    b"restored: TRUE again",
    b"HeapSummary without cb -> ERROR_INVALID_PARAMETER",
    b"HeapSummary: 450 bytes allocated",
    b"a grown heap: one region per segment, numbered in order",
]


@pytest.fixture(scope="module")
def heapwalk_run():
    return run_kernel("boot", sample_path("k32_heapwalk"))


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_heap_walk_and_validate(heapwalk_run, line):
    assert b"ok   " + line in heapwalk_run.stdout.splitlines(), heapwalk_run.stdout.decode(errors="replace")


def test_heapwalk_sample_passes_everything(heapwalk_run):
    assert b"FAIL" not in heapwalk_run.stdout and heapwalk_run.returncode == 0
