"""Stage 1's product and stage 3D's copy of it: RTL_USER_PROCESS_PARAMETERS.

Paths the guest sees are Windows paths: the image appears as C:\\app\\<name>, whatever the host
path, so that runs are identical wherever the image lies on the host.
"""
import struct

from ..io.mounts import GUEST_WORK_DIR
from ..layouts import LAYOUTS, StructView
from ..status import STATUS_INVALID_PARAMETER, NtStatusError

GUEST_APP_DIR = "C:\\app\\"

DEFAULT_ENVIRONMENT = {
    "ALLUSERSPROFILE": "C:\\ProgramData",
    "APPDATA": "C:\\Users\\user\\AppData\\Roaming",
    "CommonProgramFiles": "C:\\Program Files\\Common Files",
    "COMPUTERNAME": "NTMINI",
    "ComSpec": "C:\\Windows\\system32\\cmd.exe",
    "HOMEDRIVE": "C:",
    "HOMEPATH": "\\Users\\user",
    "LOCALAPPDATA": "C:\\Users\\user\\AppData\\Local",
    "NUMBER_OF_PROCESSORS": "1",
    "OS": "Windows_NT",
    "PATH": "C:\\Windows\\system32;C:\\Windows",
    "PATHEXT": ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC",
    "PROCESSOR_ARCHITECTURE": "AMD64",
    "ProgramData": "C:\\ProgramData",
    "ProgramFiles": "C:\\Program Files",
    "ProgramFiles(x86)": "C:\\Program Files (x86)",
    "ProgramW6432": "C:\\Program Files",
    "PUBLIC": "C:\\Users\\Public",
    "SystemDrive": "C:",
    "SystemRoot": "C:\\Windows",
    "TEMP": "C:\\Temp",
    "TMP": "C:\\Temp",
    "USERDOMAIN": "NTMINI",
    "USERNAME": "user",
    "USERPROFILE": "C:\\Users\\user",
    "windir": "C:\\Windows",
}


def guest_environment(assignments: list[str], base: dict[str, str] | None = None) -> dict[str, str]:
    """The default environment (or `base`, e.g. the host's), then each NAME=VALUE in order;
    names are case-insensitive as on Windows, an empty VALUE removes the variable."""
    env = dict(DEFAULT_ENVIRONMENT if base is None else base)
    for item in assignments:
        name, eq, value = item.partition("=")
        if not eq or not name or "\0" in item:
            raise ValueError(f"{item!r}: expected NAME=VALUE")
        for key in [k for k in env if k.upper() == name.upper()]:
            del env[key]
        if value:
            env[name] = value
    return env


def quote_argument(arg: str) -> str:
    """The inverse of CommandLineToArgvW's rules (backslashes before quotes are doubled)."""
    if arg and not any(c in arg for c in ' \t\n\v"'):
        return arg
    out = ['"']
    backslashes = 0
    for c in arg:
        if c == "\\":
            backslashes += 1
            continue
        if c == '"':
            out.append("\\" * (2 * backslashes + 1) + '"')
        else:
            out.append("\\" * backslashes + c)
        backslashes = 0
    out.append("\\" * (2 * backslashes) + '"')
    return "".join(out)


def build_command_line(image_path: str, args: list[str]) -> str:
    return " ".join([quote_argument(image_path)] + [quote_argument(a) for a in args])


def environment_block(env: dict[str, str]) -> bytes:
    text = "".join(f"{k}={v}\0" for k, v in sorted(env.items(), key=lambda kv: kv[0].upper()))
    return (text + "\0").encode("utf-16-le")


# RTL_USER_PROCESS_PARAMETERS: its strings (UNICODE_STRING offsets) and its scalar fields.
PP_STRINGS = {"CurrentDirectory": 0x38, "DllPath": 0x50, "ImagePathName": 0x60, "CommandLine": 0x70,
              "WindowTitle": 0xB0, "DesktopInfo": 0xC0, "ShellInfo": 0xD0, "RuntimeData": 0xE0}
PP_SCALARS = {"DebugFlags": (0x0C, "I"), "ConsoleHandle": (0x10, "Q"), "ConsoleFlags": (0x18, "I"),
              "StandardInput": (0x20, "Q"), "StandardOutput": (0x28, "Q"), "StandardError": (0x30, "Q"),
              "StartingX": (0x88, "I"), "StartingY": (0x8C, "I"), "CountX": (0x90, "I"), "CountY": (0x94, "I"),
              "CountCharsX": (0x98, "I"), "CountCharsY": (0x9C, "I"), "FillAttribute": (0xA0, "I"),
              "WindowFlags": (0xA4, "I"), "ShowWindowFlags": (0xA8, "I"), "ProcessGroupId": (0x408, "I")}
RTL_USER_PROC_PARAMS_NORMALIZED = 0x1
MAX_ENVIRONMENT = 16 << 20


def boot_parameters(image_path: str, command_line: str, env: dict[str, str], std_handles: tuple) -> dict:
    """What the executive puts in the first process's parameters (it has no creator to ask)."""
    fields = {name: 0 for name in PP_SCALARS}
    fields["StandardInput"], fields["StandardOutput"], fields["StandardError"] = std_handles
    fields.update(CurrentDirectory=GUEST_WORK_DIR,             # the host's current directory (kernel/io/mounts.py)
                  DllPath=GUEST_APP_DIR.rstrip("\\") + ";C:\\Windows\\system32;C:\\Windows",
                  ImagePathName=image_path, CommandLine=command_line, WindowTitle=image_path,
                  DesktopInfo="WinSta0\\Default", ShellInfo="", RuntimeData=b"",
                  Environment=environment_block(env))
    return fields


def environment_length(space, va: int) -> int:
    """The bytes of an environment block up to and including its closing empty string."""
    data = b""
    while len(data) < MAX_ENVIRONMENT:
        data += space.probe_read(va + len(data), 0x1000 - (va + len(data)) % 0x1000)
        for i in range(0, len(data) - 3, 2):
            if data[i:i + 4] == b"\0\0\0\0":
                return i + 4
    raise NtStatusError(STATUS_INVALID_PARAMETER)


def read_process_parameters(space, va: int) -> dict:
    """Capture a creator's RTL_USER_PROCESS_PARAMETERS (normalised or not) from its memory, as
    NtCreateUserProcess does before copying them into the new process."""
    header = space.probe_read(va, 8)
    maximum, length = struct.unpack("<II", header)
    size = LAYOUTS["RTL_USER_PROCESS_PARAMETERS"].size
    if length < 0x3F8 or maximum < length:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    raw = space.probe_read(va, min(length, size)).ljust(size, b"\0")
    normalized = struct.unpack_from("<I", raw, 8)[0] & RTL_USER_PROC_PARAMS_NORMALIZED
    fields = {name: struct.unpack_from("<" + fmt, raw, off)[0] for name, (off, fmt) in PP_SCALARS.items()}
    for name, off in PP_STRINGS.items():
        count, _max, buf = struct.unpack_from("<HHxxxxQ", raw, off)
        if buf and not normalized:
            buf += va
        data = space.probe_read(buf, count) if count and buf else b""
        # RuntimeData is bytes (the C runtime's inherited descriptors), the rest UTF-16 text
        fields[name] = data if name == "RuntimeData" else data[:count & ~1].decode("utf-16-le", "surrogatepass")
    env = struct.unpack_from("<Q", raw, 0x80)[0]
    env_size = struct.unpack_from("<Q", raw, 0x3F0)[0] if length >= 0x3F8 else 0
    if env:
        if not 4 <= env_size <= MAX_ENVIRONMENT:
            env_size = environment_length(space, env)
        fields["Environment"] = space.probe_read(env, env_size)
    else:
        fields["Environment"] = None        # the creator's own environment (NtCreateUserProcess's default)
    return fields


def write_process_parameters(space, va: int, fields: dict) -> int:
    """Lay out a normalised RTL_USER_PROCESS_PARAMETERS at va; returns the end of what it used."""
    layout = LAYOUTS["RTL_USER_PROCESS_PARAMETERS"]
    pp = StructView(space, va, layout)
    cursor = va + layout.size

    def string(view, text, max_chars: int = 0) -> None:
        nonlocal cursor
        data = text if isinstance(text, bytes) else text.encode("utf-16-le", "surrogatepass")
        maximum = max(len(data) + 2, max_chars * 2)
        space.write(cursor, data + b"\0\0")
        view.Length = len(data)
        view.MaximumLength = maximum
        view.Buffer = cursor
        cursor += (maximum + 15) & ~15

    pp.MaximumLength = layout.size
    pp.Length = layout.size
    pp.Flags = RTL_USER_PROC_PARAMS_NORMALIZED
    for name, (off, fmt) in PP_SCALARS.items():
        space.write(va + off, struct.pack("<" + fmt, fields.get(name, 0)))
    string(pp.CurrentDirectory.DosPath, fields["CurrentDirectory"], 260)
    for name in ("DllPath", "ImagePathName", "CommandLine", "WindowTitle", "DesktopInfo", "ShellInfo",
                 "RuntimeData"):
        string(getattr(pp, name), fields.get(name, ""))
    block = fields["Environment"]
    space.write(cursor, block)
    pp.Environment = cursor
    pp.EnvironmentSize = len(block)
    cursor += (len(block) + 15) & ~15
    pp.MaximumLength = pp.Length = cursor - va
    return cursor


def parameters_size(fields: dict) -> int:
    """An upper bound of what write_process_parameters lays out for fields."""
    size = LAYOUTS["RTL_USER_PROCESS_PARAMETERS"].size + 16 * 9 + 520 + len(fields["Environment"])
    return size + sum(2 * len(fields.get(name, "")) + 16 for name in PP_STRINGS)

