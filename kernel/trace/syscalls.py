"""System-call arguments decoded for the trace, read from the caller's memory when the service
returns: handles, UNICODE_STRINGs (directly or through OBJECT_ATTRIBUTES), sizes, timeouts,
output handles and buffers, as each service's declaration (kernel/ex/services.py) names them.
"""
import struct

from ..status import nt_status_name

# Argument kinds (declared with each service in kernel/ex/services.py): h handle, ph HANDLE* (out),
# n number, u ULONG (the low 32 bits), b BOOLEAN, p pointer, oa OBJECT_ATTRIBUTES*, us UNICODE_STRING*,
# li LARGE_INTEGER* (in), pli LARGE_INTEGER* (out), pul ULONG* (out), pl LONG* (out), pv PVOID* (in/out),
# psz SIZE_T* (in/out), st NTSTATUS, buf<N> a buffer whose length is argument N, harr<N> N handles.
_signatures: dict[str, tuple] = {}


def signature(name: str) -> tuple | None:
    """The argument names and kinds of a service, from its one declaration."""
    if not _signatures:
        from ..ex.services import SERVICES
        _signatures.update({n: args for n, (_, args) in SERVICES.items()})
    return _signatures.get(name)


_PSEUDO_HANDLES = {0xFFFFFFFFFFFFFFFF: "NtCurrentProcess", 0xFFFFFFFFFFFFFFFE: "NtCurrentThread"}
PREVIEW = 48


def _handle(value: int) -> str:
    return _PSEUDO_HANDLES.get(value, f"{value:#x}")


def _string(raw: bytes) -> str:
    return '"' + raw.decode("latin-1").encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'


def _unicode_string(space, va: int) -> str:
    length, _max, buffer = struct.unpack("<HHxxxxQ", space.read(va, 16))
    text = space.read(buffer, min(length, 1024)).decode("utf-16-le", "replace")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _one(space, kind: str, value: int, args: tuple) -> str:
    q = lambda va: struct.unpack("<Q", space.read(va, 8))[0]     # noqa: E731
    if kind == "u":
        value &= 0xFFFFFFFF
    if kind in ("n", "u", "p") or (value == 0 and kind not in ("h", "b", "st")):
        return f"{value:#x}" if kind == "p" or value >= 0x10000 else str(value)
    if kind == "h":
        return _handle(value)
    if kind == "b":
        return "TRUE" if value & 0xFF else "FALSE"
    if kind == "st":
        return f"{value & 0xFFFFFFFF:#010x} ({nt_status_name(value & 0xFFFFFFFF)})"
    if kind == "ph":
        return f"{value:#x} -> {_handle(q(value))}"
    if kind in ("pv", "psz"):
        return f"{value:#x} -> {q(value):#x}"
    if kind in ("pul", "pl"):
        return f"{value:#x} -> {struct.unpack('<I' if kind == 'pul' else '<i', space.read(value, 4))[0]}"
    if kind in ("li", "pli"):
        return f"{value:#x} -> {struct.unpack('<q', space.read(value, 8))[0]}"
    if kind == "oa":
        name = q(value + 0x10)
        return f"{value:#x} -> {_unicode_string(space, name) if name else 'NULL'}"
    if kind == "us":
        return f"{value:#x} -> {_unicode_string(space, value)}"
    if kind.startswith("buf"):
        length = args[int(kind[3:])] & 0xFFFFFFFF
        data = space.read(value, min(length, PREVIEW))
        return f"{value:#x} -> {_string(data)}{'...' if length > PREVIEW else ''}"
    if kind.startswith("harr"):
        count = min(args[int(kind[4:])] & 0xFFFFFFFF, 64)
        handles = struct.unpack(f"<{count}Q", space.read(value, 8 * count)) if count else ()
        return f"{value:#x} -> [{', '.join(_handle(h) for h in handles)}]"
    return f"{value:#x}"


def decode_arguments(kernel, fields: dict) -> list:
    """[[name, text], ...] for one syscall event, read now from the caller's address space."""
    args = tuple(fields.get("args") or ())
    declared = signature(fields.get("name") or "")
    process = next((p for p in kernel.processes if p.pid == fields.get("pid")), None)
    if declared is None or process is None:
        return [[f"arg{n}", f"{v:#x}"] for n, v in enumerate(args)]
    out = []
    for (name, kind), value in zip(declared, args, strict=False):
        try:
            text = _one(process.space, kind, value, args)
        except Exception:                   # the caller passed memory we cannot read: say so
            text = f"{value:#x} (unreadable)"
        out.append([name, text])
    return out


def format_syscall(event: dict) -> str:
    args = ", ".join(f"{name}={text}" for name, text in event.get("args", ()))
    status = event.get("status")
    if status is None:
        result = "(pending: the thread waits or does not return here)"
    else:
        result = f"{status & 0xFFFFFFFF:#010x} {nt_status_name(status & 0xFFFFFFFF)}"
    name = event.get("name") or f"syscall#{event.get('number', 0):#x}"
    return f"{name}({args}) = {result}"
