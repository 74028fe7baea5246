"""Determinism as a promise (tools/determinism.py runs it 100 times): several runs of a
multi-threaded sample on 4 processors give one trace hash, one events hash, one output."""
from tools import determinism


def test_four_processors_give_one_trace_and_one_event_stream():
    result = determinism.check("switch_bench", ["8", "100"], runs=3, cpus=4, tick=1000)
    assert result["distinct"] == {"trace": 1, "events": 1, "output": 1, "status": 1}, result
