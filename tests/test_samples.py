"""Every sample's stdout bytes and exit code with 1 and 4 processors, and the corpus image that
needs only ntdll."""
import os

import pytest
from conftest import CORPUS, SAMPLES, run_kernel, sample_expectation, sample_path

SAMPLE_NAMES = sorted(n for n in os.listdir(SAMPLES) if os.path.exists(os.path.join(SAMPLES, n, "expected.json")))


@pytest.mark.parametrize("cpus", [1, 4])
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_output_and_exit_code(name, cpus):
    """Every sample, on one and on four processors (a sample that asks for --cpus keeps it)."""
    expected = sample_expectation(name)
    options = expected.get("options", [])
    if "--cpus" not in options:
        options = ["--cpus", str(cpus), *options]
    elif cpus != 1:
        pytest.skip("the sample sets its own processor count")
    result = run_kernel("boot", *options, sample_path(name))
    assert result.stdout == expected["stdout"].encode()
    code = expected["exit_code"]
    assert result.returncode == (code if code <= 255 else code & 0xFF)
    if code > 255:
        assert f"0x{code:08X}".encode() in result.stderr


def test_kernel_touch_names_fault_address_and_thread():
    result = run_kernel("boot", sample_path("kernel_touch"))
    lines = result.stderr.decode().splitlines()
    assert any("STATUS_ACCESS_VIOLATION (0xC0000005)" in ln and "reading 0xfffff78000000000" in ln
               and "in thread 8.12" in ln for ln in lines), lines
    assert b"Traceback" not in result.stderr


def test_goblin_corpus_image_boots_and_exits_zero(corpus):
    case = corpus["goblin_lld_no_tls_64.exe"]
    result = run_kernel("boot", os.path.join(CORPUS, case["file"]), *case["args"])
    assert result.returncode == case["expect"]["exit_code"]
    assert result.stdout == case["expect"]["stdout"].encode()


def test_ended_threads_give_back_their_stacks_and_tebs():
    """thread_churn: 300 threads one after another reuse the kernel stacks, TEBs and user stacks
    of those that ended (only the thread objects stay: less than a page of pool each, where a
    kernel stack alone is six); when the process exits only the main thread's remain, and then
    the whole address space goes."""
    from kernel.mm.system import KERNEL_STACK_SIZE, POOL_BASE
    from kernel.ps.create import CreateRequest
    from kernel.session import Session

    session = Session(256 << 20)
    session.kernel.output_sink = lambda fd, data: None
    process, thread = session.create_process(CreateRequest(sample_path("thread_churn"), ["300"]))
    pool_before = session.kernel.system._pool_next
    names = []
    session.kernel.events.subscribe(lambda e: names.extend(v.name for v in process.space.vads), ("process-exit",))
    free_before = session.kernel.system.pfn.available
    result = session.run(process, thread)
    assert result.exit_code == 0
    assert len(process.threads) == 301 and all(t.reaped for t in process.threads[1:])
    assert session.kernel.system._pool_next - pool_before < 300 * 0x1000 < 300 * KERNEL_STACK_SIZE
    assert pool_before > POOL_BASE
    assert names.count("TEB") == 1 and names.count("Stack") == 1
    assert process.space is None and session.kernel.system.pfn.available >= free_before
