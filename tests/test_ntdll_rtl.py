"""ntdll's Rtl time, bitmap and SID routines and DbgPrint, called directly by samples/ntdll_rtl
(its stdout, checked line by line against values worked out from the calendar and the SID
rules), and the debug-print events DbgPrint's DBG_PRINTEXCEPTION_C leaves on the event stream."""
import json

import pytest
from conftest import run_kernel, sample_path

EXPECTED_LINES = [
    "epoch 1601-01-01 00:00:00.000 wd=1",              # 1601-01-01 was a Monday
    "2021 2021-01-01 00:00:01.234 wd=5",
    "fields->time 1 133537247989990000",
    "back 2024-02-29 23:59:58.999 wd=4",
    "2023-02-29 0",
    "1600-12-31 0",
    "elapsed 0000-00-03 01:02:03.000 wd=0",
    "since1970 1 1609459200",
    "since1980 1 1293926400",
    "before1970 0",
    "1970+1d 116445600000000000",
    "1980 119600064000000000",
    "local 0 132539328000000000",                       # the machine's time zone is UTC
    "cleared 00000000 00000000 00000000",
    "set c00000f8 00000003 count 9",
    "areset(3,5) 1 areset(3,6) 0 areclear(8,22) 1 areclear(60,20) 0 test(31) 1",
    "findclear(4,0) 8 findclear(4,65) 65 findclear(71,0) ffffffff findset(2,10) 30",
    "findclearandset 40 count 19",
    "longest 22 at 8",
    "forward 3 at 0",
    "backward 6 at 34",
    "msb 63 lsb 8 msb0 -1",
    "allocate 0 length 28 valid 1",
    "nine c0000078",                                    # STATUS_INVALID_SID
    "equal 0 prefix 1",
    "copy small c0000023",                              # STATUS_BUFFER_TOO_SMALL
    "equal now 1",
    'string 0 56 "S-1-5-21-1111-2222-3333-1001"',
    "small buffer 80000005",                            # STATUS_BUFFER_OVERFLOW
    'hex authority 0 "S-1-0x010203040506-7"',
    "free 0000000000000000",
    "DbgPrint 0",
    'vectored: DBG_PRINTEXCEPTION_C length 8 "seen 7"',
    'vectored: DBG_PRINTEXCEPTION_C length 15 "error level 0"',
    "DbgPrintEx error level 0",
    "DbgPrintEx info level 0",                          # filtered out: no exception, no event
    'prints 2 last "error level 0"',
]


@pytest.fixture(scope="module")
def rtl_run(tmp_path_factory):
    events = tmp_path_factory.mktemp("events") / "events.jsonl"
    result = run_kernel("boot", "--events", str(events), sample_path("ntdll_rtl"))
    return result, [json.loads(line) for line in events.read_text().splitlines()]


def test_rtl_routines_output(rtl_run):
    result, _ = rtl_run
    assert result.returncode == 0
    assert result.stdout.decode().split("\r\n")[:-1] == EXPECTED_LINES


def test_dbgprint_events(rtl_run):
    """Each printed DbgPrint is one debug-print event with the formatted text; the filtered
    info-level DbgPrintEx leaves none."""
    _, events = rtl_run
    texts = [e["text"] for e in events if e["kind"] == "debug-print"]
    assert texts == ["hello 42 dbg\n", "seen 7\n", "error level 0\n"]
