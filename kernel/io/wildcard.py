"""FsRtlIsNameInExpression with IgnoreCase: the search masks of NtQueryDirectoryFile.

`*` matches any run of characters, `?` exactly one; the DOS wildcards (what kernelbase turns a
Win32 pattern into) are `<` (DOS_STAR: any run that ends at or before the name's last period,
that period included), `>` (DOS_QM: one character, or nothing at a period or at the end of the
name; a period only when it ends the name) and `"` (DOS_DOT: a period, or nothing at the end of
the name). Checked against the mask table of Wine's conformance test of NtQueryDirectoryFile
(tests/test_files.py), which Windows passes; `.` and `..` match as `.` does (directory.py).
"""
from functools import cache

from ..ob.namespace import nt_upcase

WILDCARD_CHARS = set('*?<>"')


def has_wildcards(mask: str) -> bool:
    return any(c in WILDCARD_CHARS for c in mask)


def FsRtlIsNameInExpression(expression: str, name: str, ignore_case: bool = True) -> bool:
    if ignore_case:
        expression, name = nt_upcase(expression), nt_upcase(name)
    last_dot = name.rfind(".")

    @cache
    def match(e: int, n: int) -> bool:
        if e == len(expression):
            return n == len(name)
        c = expression[e]
        if c == "*":
            return any(match(e + 1, k) for k in range(n, len(name) + 1))
        if c == "<":
            end = last_dot + 1 if last_dot >= n else len(name)      # up to the final period, and it
            return any(match(e + 1, k) for k in range(n, end + 1))
        if c == ">":
            if n == len(name):
                return match(e + 1, n)
            if name[n] == ".":          # nothing at a period; the name's last character it may take
                return match(e + 1, n) or (n == len(name) - 1 and match(e + 1, n + 1))
            return match(e + 1, n + 1)
        if c == '"':
            if n == len(name):
                return match(e + 1, n)
            return name[n] == "." and match(e + 1, n + 1)
        if n == len(name):
            return False
        if c == "?" or c == name[n]:
            return match(e + 1, n + 1)
        return False

    return match(0, 0)
