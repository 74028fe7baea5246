"""The command line contract: bad input gets one line and a distinct status, never a
traceback; runs are deterministic; --report has what it promises."""
import json
import os
import struct

import pytest
from conftest import ROOT, run_kernel, sample_path

from kernel import errors


def minimal_pe32() -> bytes:
    """A syntactically valid 32-bit (PE32, i386) console executable with no sections."""
    dos = bytearray(0x40)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 0x40)
    fh = struct.pack("<4sHHIIIHH", b"PE\0\0", 0x14C, 0, 0, 0, 0, 0xE0, 0x102)
    oh = struct.pack("<HBBIIIIIIIIIHHHHHHIIIIHHIIIIII", 0x10B, 1, 0, 0, 0, 0, 0x1000, 0x1000, 0, 0x400000,
                     0x1000, 0x200, 4, 0, 0, 0, 4, 0, 0, 0x1000, 0x200, 0, 3, 0, 0x100000, 0x1000, 0x100000,
                     0x1000, 0, 16)
    oh += b"\0" * (0xE0 - len(oh))
    return bytes((bytes(dos) + fh + oh).ljust(0x200, b"\0"))


@pytest.mark.parametrize("kind,content,status,words", [
    ("missing", None, errors.EXIT_NO_INPUT, "no such file"),
    ("text.exe", b"hello, not a program\n", errors.EXIT_NOT_PE, "not a PE image"),
    ("run.bat", b"@echo off\r\n", errors.EXIT_UNSUPPORTED, "batch file"),
    ("run.cmd", b"@echo off\r\n", errors.EXIT_UNSUPPORTED, "batch file"),
    ("old.com", b"\xb4\x4c\xcd\x21", errors.EXIT_UNSUPPORTED, "MS-DOS"),
    ("dos.exe", b"MZ" + b"\0" * 0x3A + struct.pack("<I", 0x40) + b"\0" * 0x40, errors.EXIT_UNSUPPORTED, "MS-DOS"),
    ("win32.exe", minimal_pe32(), errors.EXIT_UNSUPPORTED, "32-bit image"),
])
def test_bad_images_get_one_line_and_their_status(tmp_path, kind, content, status, words):
    path = tmp_path / kind
    if content is not None:
        path.write_bytes(content)
    result = run_kernel("boot", str(path))
    lines = result.stderr.decode().splitlines()
    assert result.returncode == status
    assert len(lines) == 1 and words in lines[0], lines
    assert result.stdout == b""


def test_a_dll_is_refused():
    result = run_kernel("boot", os.path.join(ROOT, "guest", "bin", "ntdll.dll"))
    assert result.returncode == errors.EXIT_UNSUPPORTED
    assert result.stderr.decode().count("\n") == 1 and "a DLL" in result.stderr.decode()


def test_a_directory_is_refused(tmp_path):
    result = run_kernel("boot", str(tmp_path))
    assert result.returncode == errors.EXIT_NO_INPUT
    assert result.stderr.decode().count("\n") == 1


@pytest.mark.parametrize("argv", [["boot"], ["boot", "--no-such-option", "x.exe"], ["frobnicate"],
                                  ["boot", "--memory", "1", "x.exe"], ["boot", "--priority", "urgent", "x.exe"]])
def test_bad_options_get_one_line_and_the_usage_status(argv):
    result = run_kernel(*argv)
    assert result.returncode == errors.EXIT_USAGE
    assert result.stderr.decode().count("\n") == 1
    assert b"Traceback" not in result.stderr


def test_runs_are_deterministic(tmp_path):
    outputs = []
    for i in range(2):
        report = tmp_path / f"r{i}.json"
        result = run_kernel("boot", "--stages", "--report", str(report), sample_path("memory"))
        outputs.append((result.stdout, result.stderr, report.read_bytes(), result.returncode))
    assert outputs[0] == outputs[1]


def test_report_fields(tmp_path):
    report = tmp_path / "r.json"
    result = run_kernel("boot", "--report", str(report), sample_path("hello_ntwrite"))
    assert result.returncode == 7
    data = json.loads(report.read_text())
    assert data["exit_code"] == 7
    assert data["pid"] == 8 and data["tid"] == 12
    assert data["image_base"] == 0x140000000
    assert data["syscalls"] >= 4
    assert data["instructions"] > 100


def test_report_of_a_fault_has_the_full_code(tmp_path):
    report = tmp_path / "r.json"
    result = run_kernel("boot", "--report", str(report), sample_path("kernel_touch"))
    data = json.loads(report.read_text())
    assert data["exit_code"] == 0xC0000005 and data["exit_status_name"] == "STATUS_ACCESS_VIOLATION"
    assert result.returncode == 5


def test_stages_print_what_each_decided():
    result = run_kernel("boot", "--stages", sample_path("return_code"))
    text = result.stderr.decode()
    for needle in ("[stage 1]", "priority_class=normal", "[stage 3A]", "exit_status=0x103", "parent=4",
                   "[stage 3E]", "peb=0x7ffffffdf000", "[stage 3F]", "pid=8", "[stage 4]", "teb=",
                   "user_stack=", "[stage 5]", "shutdown_level=0x280", "[stage 7]"):
        assert needle in text, needle


def test_realtime_falls_back_to_high_without_the_privilege():
    result = run_kernel("boot", "--stages", "--priority", "realtime", sample_path("return_code"))
    assert "priority_class=high base_priority=0xd" in result.stderr.decode()
    result = run_kernel("boot", "--stages", "--priority", "realtime", "--allow-realtime", sample_path("return_code"))
    assert "priority_class=realtime base_priority=0x18" in result.stderr.decode()


def test_arguments_reach_the_command_line():
    result = run_kernel("boot", "--stages", sample_path("return_code"), "one", "two words")
    assert 'command_line=C:\\app\\return_code.exe one "two words"' in result.stderr.decode()
