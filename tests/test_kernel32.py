"""kernel32 and kernelbase as a user sees them: the command line and environment a program gets
(quoting, --env, --inherit-env), the console on a terminal, and kernel32's export table (every
forwarder leads to a real export). The per-family samples (samples/k32_*) are compared byte for
byte by test_samples.py."""
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


def _exports(name):
    pe = pefile.PE(os.path.join(GUEST_BIN, name), fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_EXPORT"]])
    return {s.name.decode(): s.forwarder.decode() if s.forwarder else None for s in pe.DIRECTORY_ENTRY_EXPORT.symbols}


def test_kernel32_forwards_to_kernelbase_and_ntdll_and_every_target_exists():
    kernel32, kernelbase, ntdll = _exports("kernel32.dll"), _exports("kernelbase.dll"), _exports("ntdll.dll")
    modules = {"kernelbase": kernelbase, "ntdll": ntdll}
    assert kernel32["CreateThread"] == "kernelbase.CreateThread"
    assert kernel32["EnterCriticalSection"] == "NTDLL.RtlEnterCriticalSection"
    assert kernel32["HeapAlloc"] == "NTDLL.RtlAllocateHeap"
    assert set(kernelbase) <= set(kernel32)
    for name, target in list(kernel32.items()) + list(kernelbase.items()):
        if target is None:
            continue
        dll, _, func = target.partition(".")
        exports = modules[dll.lower()]
        assert func in exports and exports[func] is None, f"{name} -> {target} leads nowhere"
