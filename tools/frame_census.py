"""Boot one sample N times in sequence in one kernel Session and print the free frames after
each run: an exited process must give back every frame it owned (MmCleanProcessAddressSpace).

    python3 tools/frame_census.py [sample] [N]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from kernel.ps.create import CreateRequest  # noqa: E402
from kernel.session import Session  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def census(sample: str, runs: int, memory: int = 128 << 20) -> list[tuple[int, int]]:
    """(exit status, free frames) after each run."""
    session = Session(memory)
    kernel = session.kernel
    kernel.fault_sink = lambda line: None
    kernel.output_sink = lambda fd, data: None
    path = os.path.join(ROOT, "samples", sample, sample + ".exe")
    out = []
    for _ in range(runs):
        process, thread = session.create_process(CreateRequest(path))
        session.run(process, thread)
        out.append((process.exit_status, kernel.system.pfn.available))
    return out


def main() -> None:
    sample = sys.argv[1] if len(sys.argv) > 1 else "kernel_touch"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    first = None
    for i, (status, free) in enumerate(census(sample, runs)):
        first = free if first is None else first
        print(f"run {i + 1:3}: exit {status:#010x}, {free:,} frames free ({free - first:+,} since the first)")


if __name__ == "__main__":
    main()
