"""`python -m kernel tracediff A B`: the first divergence between two traces, with the records
before it. Text, JSON Lines and Tenet traces compare line by line; drcov files compare their
module tables and covered blocks. Exit status 0 when identical, 1 when they differ."""
import itertools
import struct
import sys
from collections import deque

from ..errors import EXIT_NO_INPUT, UserError

EXIT_DIFFERENT = 1


def _records(path: str):
    """(number, text) records of a trace file, streamed."""
    try:
        f = open(path, "rb")
    except OSError as e:
        raise UserError(f"cannot read {path}: {e.strerror}", EXIT_NO_INPUT) from None
    with f:
        head = f.read(16)
        f.seek(0)
        if head.startswith(b"DRCOV VERSION"):
            yield from enumerate(_drcov_records(f.read()), 1)
            return
        for n, line in enumerate(f, 1):
            yield n, line.decode("utf-8", "replace").rstrip("\n")


def _drcov_records(data: bytes):
    marker = data.index(b"BB Table:")
    line_end = data.index(b"\n", marker) + 1
    yield from data[:line_end].decode("utf-8", "replace").splitlines()
    for start, size, mod in struct.iter_unpack("<IHH", data[line_end:]):
        yield f"bb module={mod} offset={start:#x} size={size}"


def _time_of(text: str) -> str:
    first = text.split(None, 1)[0] if text.strip() else ""
    if first.isdigit():
        return first
    key = '"time":'
    i = text.find(key)
    if i >= 0:
        j = i + len(key)
        k = j
        while k < len(text) and text[k].isdigit():
            k += 1
        return text[j:k]
    return ""


def tracediff(path_a: str, path_b: str, context: int = 5, out=None) -> int:
    out = out or sys.stdout
    before: deque = deque(maxlen=max(context, 0))
    a_records, b_records = _records(path_a), _records(path_b)
    count = 0
    for ra, rb in itertools.zip_longest(a_records, b_records):
        if ra is not None and rb is not None and ra[1] == rb[1]:
            before.append(ra)
            count += 1
            continue
        n = (ra or rb)[0]
        time = _time_of((ra or rb)[1])
        where = f"record {n}" + (f" (time {time})" if time else "")
        out.write(f"traces differ at {where}\n")
        for m, text in before:
            out.write(f"  {m:>8}  {text}\n")
        out.write(f"- {n:>8}  {ra[1] if ra is not None else '(end of ' + path_a + ')'}\n")
        out.write(f"+ {n:>8}  {rb[1] if rb is not None else '(end of ' + path_b + ')'}\n")
        return EXIT_DIFFERENT
    out.write(f"traces are identical ({count} records)\n")
    return 0
