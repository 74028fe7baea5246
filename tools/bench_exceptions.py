#!/usr/bin/env python3
"""Exception benchmark (run on demand, not in the test suite): raise-and-catch through 10
frames, in exceptions per second, from one run of samples/except_bench. Each exception is
RtlRaiseException -> NtRaiseException -> KiUserExceptionDispatcher -> RtlDispatchException
(10 frames walked) -> __C_specific_handler -> RtlUnwindEx (10 frames unwound) -> NtContinue.
Also printed: the same loop without raising (10 calls and returns) as the baseline, the ratio
of the two, and the guest instructions and system calls per exception.
"""
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def run(count: int, raise_it: int) -> tuple[float, int, int]:
    """(seconds, guest instructions, system calls) of one boot of the sample."""
    from kernel.ps.create import CreateRequest
    from kernel.session import Session
    session = Session(256 << 20)
    session.kernel.output_sink = lambda fd, data: None
    image = os.path.join(ROOT, "samples", "except_bench", "except_bench.exe")
    process, thread = session.create_process(CreateRequest(image, [str(count), str(raise_it)]))
    start = time.perf_counter()
    result = session.run(process, thread)
    elapsed = time.perf_counter() - start
    assert result.exit_code == 0
    return elapsed, result.instructions, result.syscalls


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    base_t, base_i, base_s = run(count, 0)
    t, i, s = run(count, 1)
    print(f"raise-and-catch through 10 frames: {count / t:,.0f} exceptions/s ({count} in {t:.3f} s)")
    print(f"baseline, the same calls without raising: {count / base_t:,.0f} iterations/s")
    print(f"ratio raise/baseline time: {t / base_t:.1f}")
    print(f"per exception: {(i - base_i) / count:,.0f} guest instructions, {(s - base_s) / count:.1f} system calls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
