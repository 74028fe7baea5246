"""FsRtlIsNameInExpression with IgnoreCase: the search masks of NtQueryDirectoryFile.

`*` matches any run of characters, `?` exactly one; the DOS wildcards (what kernelbase turns a
Win32 pattern into) are `<` (DOS_STAR: any run that does not reach past the name's last
period), `>` (DOS_QM: one character, or nothing at a period or at the end of the name) and `"`
(DOS_DOT: a period, or nothing at the end of the name).
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
            end = last_dot if last_dot >= n else len(name)
            return any(match(e + 1, k) for k in range(n, end + 1))
        if c == ">":
            if n == len(name) or name[n] == ".":
                return match(e + 1, n)
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
