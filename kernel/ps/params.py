"""Stage 1's product and stage 3D's copy of it: RTL_USER_PROCESS_PARAMETERS.

Paths the guest sees are Windows paths: the image appears as C:\\app\\<name>, whatever the host
path, so that runs are identical wherever the image lies on the host.
"""
import struct

from ..io.mounts import GUEST_WORK_DIR
from ..layouts import LAYOUTS, StructView

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


def write_process_parameters(space, va: int, image_path: str, command_line: str, env: dict[str, str],
                             std_handles: tuple[int, int, int]) -> int:
    """Lay out a normalised RTL_USER_PROCESS_PARAMETERS at va; returns the end of what it used."""
    layout = LAYOUTS["RTL_USER_PROCESS_PARAMETERS"]
    pp = StructView(space, va, layout)
    cursor = va + layout.size

    def string(view, text: str, max_chars: int = 0) -> None:
        nonlocal cursor
        data = text.encode("utf-16-le")
        maximum = max(len(data) + 2, max_chars * 2)
        space.write(cursor, data + b"\0\0")
        view.Length = len(data)
        view.MaximumLength = maximum
        view.Buffer = cursor
        cursor += (maximum + 15) & ~15

    pp.MaximumLength = layout.size
    pp.Length = layout.size
    pp.Flags = 0x1                                  # RTL_USER_PROC_PARAMS_NORMALIZED
    pp.StandardInput, pp.StandardOutput, pp.StandardError = std_handles
    string(pp.CurrentDirectory.DosPath, GUEST_WORK_DIR, 260)   # the host's current directory (kernel/io/mounts.py)
    string(pp.DllPath, GUEST_APP_DIR.rstrip("\\") + ";C:\\Windows\\system32;C:\\Windows")
    string(pp.ImagePathName, image_path)
    string(pp.CommandLine, command_line)
    string(pp.WindowTitle, image_path)
    string(pp.DesktopInfo, "WinSta0\\Default")
    string(pp.ShellInfo, "")
    string(pp.RuntimeData, "")
    block = environment_block(env)
    space.write(cursor, block)
    pp.Environment = cursor
    pp.EnvironmentSize = len(block)
    cursor += (len(block) + 15) & ~15
    pp.MaximumLength = pp.Length = cursor - va
    return cursor


del struct
