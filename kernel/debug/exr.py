"""`.exr` and `.cxr`: an EXCEPTION_RECORD and a CONTEXT as WinDbg shows them. `.exr -1` and
`.cxr` without an address show the exception the debugger last saw (kept by the
exception hook of breaks.py); with an address they read the structure from guest memory."""
import struct

from .target import DebugError, fmt_addr

CONTEXT_SIZE, EXCEPTION_RECORD_SIZE = 0x4D0, 0x98
_TEXT = {
    0xC0000005: "Access violation", 0x80000003: "Break instruction exception", 0x80000004: "Single step exception",
    0x80000001: "Guard page violation", 0xC0000094: "Integer divide-by-zero", 0xC0000095: "Integer overflow",
    0xC0000096: "Privileged instruction", 0xC000001D: "Illegal instruction", 0xC00000FD: "Stack overflow",
    0xC0000409: "Security check failure or stack buffer overrun", 0xC0000420: "Assertion failure",
    0xE06D7363: "C++ EH exception", 0xC0000025: "Non-continuable exception",
}
_ACCESS = {0: "Attempt to read from address", 1: "Attempt to write to address",
           8: "Attempt to execute non-executable address"}


def _last(target):
    last = getattr(target.thread, "last_exception", None) if target.thread is not None else None
    if last is None:
        raise DebugError("no exception record to show")
    return last


def cmd_exr(target, args: list[str], out) -> None:
    """.exr -1 | .exr Address"""
    if not args or args[0] == "-1":
        data = _last(target)[0]
    else:
        data = target.read(target.evaluate(args[0]), EXCEPTION_RECORD_SIZE)
    code, flags, _nested, address, count = struct.unpack_from("<IIQQI", data)
    count = min(count, 15)
    params = struct.unpack_from(f"<{count}Q", data, 0x20)
    text = _TEXT.get(code)
    out(f"ExceptionAddress: {fmt_addr(address)} ({target.symbol(address)})")
    out(f"   ExceptionCode: {code:08x}" + (f" ({text})" if text else ""))
    out(f"  ExceptionFlags: {flags:08x}")
    out(f"NumberParameters: {count}")
    for i, p in enumerate(params):
        out(f"   Parameter[{i}]: {p:016x}")
    if code == 0xC0000005 and count >= 2:
        out(f"{_ACCESS.get(params[0], 'Attempt to access')} {params[1]:016x}")


def _flags(efl: int) -> str:
    bits = [(11, "ov", "nv"), (10, "dn", "up"), (9, "ei", "di"), (7, "ng", "pl"), (6, "zr", "nz"),
            (4, "ac", "na"), (2, "pe", "po"), (0, "cy", "nc")]
    return " ".join(on if efl >> bit & 1 else off for bit, on, off in bits)


def cmd_cxr(target, args: list[str], out) -> None:
    """.cxr [Address]: the registers of a CONTEXT"""
    data = _last(target)[1] if not args else target.read(target.evaluate(args[0]), CONTEXT_SIZE)
    gpr = dict(zip(("rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12",
                    "r13", "r14", "r15"), struct.unpack_from("<16Q", data, 0x78), strict=True))
    gpr["rip"] = struct.unpack_from("<Q", data, 0xF8)[0]
    cs, ds, es, fs, gs, ss, efl = struct.unpack_from("<6HI", data, 0x38)
    for row in (("rax", "rbx", "rcx"), ("rdx", "rsi", "rdi"), ("rip", "rsp", "rbp"), ("r8", "r9", "r10"),
                ("r11", "r12", "r13"), ("r14", "r15")):
        out(" ".join(f"{n:>3}={gpr[n]:016x}" for n in row))
    out(f"iopl={efl >> 12 & 3}         {_flags(efl)}")
    out(f"cs={cs:04x}  ss={ss:04x}  ds={ds:04x}  es={es:04x}  fs={fs:04x}  gs={gs:04x}             efl={efl:08x}")
