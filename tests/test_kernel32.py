"""kernel32 and kernelbase as a user sees them: the command line and environment a program gets
(quoting, --env, --inherit-env), the console on a terminal, and kernel32's export table (a stub
jumping to kernelbase for each base API function, forwarders to NTDLL that lead somewhere).
The per-family samples (samples/k32_*) are compared byte for byte by test_samples.py."""
import os
import pty
import subprocess
import sys

import pefile
from conftest import ROOT, run_kernel, sample_path

GUEST_BIN = os.path.join(ROOT, "guest", "bin")


def test_command_line_quotes_arguments_by_windows_rules():
    result = run_kernel("boot", sample_path("k32_env"), "a b", 'c"d', "e\\", "f\\ g", "")
    first = result.stdout.split(b"\n")[0]
    assert first == b'command line A: [C:\\app\\k32_env.exe "a b" "c\\"d" e\\ "f\\ g" ""]'
    assert result.returncode == 0, result.stdout


def test_env_option_sets_a_variable_and_default_environment_stays_fixed():
    result = run_kernel("boot", "--env", "NTMINI_SAMPLE=hello world", sample_path("k32_env"))
    assert result.stdout.endswith(b"NTMINI_SAMPLE: hello world\n")
    assert result.returncode == 0


def test_inherit_env_passes_the_host_environment():
    env = dict(os.environ, NTMINI_SAMPLE="from host", SystemRoot="C:\\Windows", OS="Windows_NT")
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", "--inherit-env", sample_path("k32_env")],
                            cwd=ROOT, capture_output=True, env=env, timeout=120)
    assert result.stdout.endswith(b"NTMINI_SAMPLE: from host\n")
    plain = run_kernel("boot", sample_path("k32_env"))
    assert plain.stdout.endswith(b"NTMINI_SAMPLE: (not set)\n")


def test_bad_env_option_is_a_usage_error():
    result = run_kernel("boot", "--env", "NOEQUALS", sample_path("k32_env"))
    assert result.returncode == 64
    assert result.stderr.strip().endswith(b"--env 'NOEQUALS': expected NAME=VALUE")
    assert b"Traceback" not in result.stderr


def test_console_calls_on_a_terminal_write_utf8():
    """On a terminal stdout is FILE_TYPE_CHAR, GetConsoleMode succeeds and WriteConsoleW/A
    reach it as UTF-8 (on a pipe they fail: see samples/k32_console/expected.json)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kernel", "boot", sample_path("k32_console")], cwd=ROOT,
                            stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    out = b""
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
    os.close(master)
    proc.wait(timeout=120)
    text = out.replace(b"\r\n", b"\n")
    assert b"stdout is a character device\n" in text
    assert "h\u00e9llo \u2713\n".encode() in text
    assert "caf\u00e9\n".encode() in text
    assert b"FAIL" not in text
    assert proc.returncode == 0


def _pe(name):
    pe = pefile.PE(os.path.join(GUEST_BIN, name), fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_EXPORT"],
                                           pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"]])
    return pe


def _exports(pe):
    return {s.name.decode(): (s.address, s.forwarder.decode() if s.forwarder else None)
            for s in pe.DIRECTORY_ENTRY_EXPORT.symbols}


def test_kernel32_stubs_jump_to_kernelbase_and_forwarders_lead_to_ntdll():
    k32_pe = _pe("kernel32.dll")
    kernel32, kernelbase, ntdll = _exports(k32_pe), _exports(_pe("kernelbase.dll")), _exports(_pe("ntdll.dll"))
    slots = {imp.address - k32_pe.OPTIONAL_HEADER.ImageBase: (entry.dll.decode().lower(), imp.name.decode())
             for entry in k32_pe.DIRECTORY_ENTRY_IMPORT for imp in entry.imports}
    with open(os.path.join(ROOT, "guest", "kernel32", "kernelbase_only.txt")) as f:
        kernelbase_only = {ln.strip() for ln in f if ln.strip() and not ln.startswith("#")}
    assert kernelbase_only <= set(kernelbase) and not kernelbase_only & set(kernel32)
    assert set(kernelbase) - kernelbase_only <= set(kernel32)
    assert kernel32["EnterCriticalSection"][1] == "NTDLL.RtlEnterCriticalSection"
    assert kernel32["HeapAlloc"][1] == "NTDLL.RtlAllocateHeap"
    stubs = 0
    for name, (rva, forwarder) in kernel32.items():
        if forwarder:
            dll, _, func = forwarder.partition(".")
            assert dll == "NTDLL" and func in ntdll and ntdll[func][1] is None, f"{name} -> {forwarder} leads nowhere"
            continue
        if name not in kernelbase:
            continue                            # kernel32's own: BaseThreadInitThunk, SetHandleCount
        code = k32_pe.get_data(rva, 6)
        assert code[:2] == b"\xff\x25", f"{name} is not a jmp through the IAT"
        slot = rva + 6 + int.from_bytes(code[2:6], "little", signed=True)
        assert slots[slot] == ("kernelbase.dll", name)
        stubs += 1
    assert stubs > 300


def test_message_box_is_a_line_on_stderr():
    result = run_kernel("boot", sample_path("k32_companions"))
    assert result.stderr == b"k32_companions: a message box\n"
    assert result.returncode == 0
