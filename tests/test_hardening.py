"""Hostile and odd input: devices and FIFOs as images, huge headers, output that cannot be
written, the CLI's rough edges. Each ends at once with one line and its documented status."""
import json
import os
import resource
import struct
import subprocess
import sys

import pefile
import pytest
from conftest import ROOT, run_kernel, sample_path

from kernel import errors, status

HELLO = sample_path("hello_ntwrite")


def one_line(result) -> str:
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert b"Traceback" not in result.stderr
    return lines[0]


def test_a_character_device_is_refused_without_reading_it():
    result = run_kernel("boot", "/dev/zero", timeout=20)
    assert result.returncode == errors.EXIT_NO_INPUT
    assert "not a regular file" in one_line(result)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "prog.exe"
    os.mkfifo(fifo)
    result = run_kernel("boot", str(fifo), timeout=20)
    assert result.returncode == errors.EXIT_NO_INPUT
    assert "a FIFO" in one_line(result)


def test_two_bytes_of_mz_are_truncated(tmp_path):
    path = tmp_path / "mz.exe"
    path.write_bytes(b"MZ")
    result = run_kernel("boot", str(path))
    assert result.returncode == errors.EXIT_NOT_PE
    assert "truncated" in one_line(result)


def test_an_empty_file_is_not_a_pe(tmp_path):
    path = tmp_path / "empty.exe"
    path.write_bytes(b"")
    result = run_kernel("boot", str(path))
    assert result.returncode == errors.EXIT_NOT_PE
    one_line(result)


def test_a_missing_batch_file_is_missing_before_it_is_a_batch_file(tmp_path):
    result = run_kernel("boot", str(tmp_path / "nothere.bat"))
    assert result.returncode == errors.EXIT_NO_INPUT
    assert "no such file" in one_line(result)


def _limit_address_space():
    resource.setrlimit(resource.RLIMIT_AS, (2_500_000_000, 2_500_000_000))


def test_a_huge_size_of_image_is_refused_cheaply(tmp_path):
    pe = pefile.PE(HELLO)
    pe.OPTIONAL_HEADER.SizeOfImage = 0xFFFFFFFF
    path = tmp_path / "huge.exe"
    pe.write(str(path))
    report = tmp_path / "r.json"
    # With the host's address space capped at 2.5 GB (a normal boot needs about 2), the run
    # must still end with the guest's status: nothing is built for the 4 GB the header claims.
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", "--report", str(report), str(path)],
                            cwd=ROOT, capture_output=True, timeout=60, preexec_fn=_limit_address_space)
    assert result.returncode == status.STATUS_NO_MEMORY & 0xFF, result.stderr
    line = one_line(result)
    assert "(STATUS_NO_MEMORY): an image of 1,048,576 pages (SizeOfImage 0x100000000)" in line, line
    assert "--memory" in line and "STATUS_NO_MEMORY: STATUS_NO_MEMORY" not in line
    data = json.loads(report.read_text())
    assert data["end"] == "creation-failed" and data["exit_code"] == status.STATUS_NO_MEMORY


def test_a_missing_dll_ends_the_process_with_dll_not_found(tmp_path):
    pe = pefile.PE(HELLO)
    pe.parse_data_directories()
    entry = pe.DIRECTORY_ENTRY_IMPORT[0]
    data = bytearray(pe.write())
    offset = pe.get_offset_from_rva(entry.struct.Name)
    data[offset:offset + 9] = b"nodll.dll"
    path = tmp_path / "nodll.exe"
    path.write_bytes(bytes(data))
    result = run_kernel("boot", str(path))
    assert result.returncode == 0x35
    assert "STATUS_DLL_NOT_FOUND" in one_line(result)


def test_stdout_on_a_full_disk_is_one_line_and_70():
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "kernel", "boot", HELLO], cwd=ROOT, stdout=full,
                                stderr=subprocess.PIPE, timeout=60)
    assert result.returncode == errors.EXIT_ABNORMAL
    assert "No space left on device" in one_line(result)


def test_a_closed_stdout_is_one_line_and_70():
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", HELLO], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, timeout=60,
                            preexec_fn=lambda: os.close(1))
    assert result.returncode == errors.EXIT_ABNORMAL
    assert "closed" in one_line(result)


@pytest.mark.parametrize("option", ["--report", "--events", "--timeline"])
@pytest.mark.parametrize("where", ["missing-dir", "a-dir", "full"])
def test_an_output_file_that_cannot_be_written_is_one_line_and_73(tmp_path, option, where):
    path = {"missing-dir": str(tmp_path / "no" / "file"), "a-dir": str(tmp_path), "full": "/dev/full"}[where]
    result = run_kernel("boot", option, path, HELLO)
    assert result.returncode == errors.EXIT_CANT_CREATE
    line = one_line(result)
    assert line.startswith(f"error: {option} {path}: cannot write"), line


def test_the_usage_line_does_not_call_the_arguments_required():
    result = run_kernel("boot")
    line = one_line(result)
    assert result.returncode == errors.EXIT_USAGE
    assert "image" in line and "args" not in line


@pytest.mark.parametrize("argv,needle", [
    (["--break", "nosuch!Thing"], "--break nosuch!Thing"),
    (["--cpus", "two"], "--cpus"),
    (["--tick", "ten"], "--tick"),
    (["--break", "icount:many"], "--break icount:many"),
    (["-c", "frobnicate 1", "--break", "entry"], "frobnicate"),
])
def test_bad_values_name_the_option_and_the_value(argv, needle):
    result = run_kernel("boot", *argv, HELLO)
    assert result.returncode == errors.EXIT_USAGE
    assert needle in one_line(result)
    assert result.stdout == b""


def test_trace_start_that_does_not_resolve_names_the_option(tmp_path):
    result = run_kernel("trace", "-o", str(tmp_path / "t.txt"), "--start", "nosuch!Thing", HELLO)
    assert result.returncode == errors.EXIT_USAGE
    assert "--start nosuch!Thing" in one_line(result)


def test_version():
    result = run_kernel("--version")
    assert result.returncode == 0 and result.stdout.decode().startswith("ntmini ")


def test_every_status_the_kernel_uses_has_its_name():
    names = {n for n in dir(status) if n.startswith(("STATUS_", "DBG_"))}
    for name in names:
        assert status.nt_status_name(getattr(status, name)) != "NTSTATUS 0x%08X" % getattr(status, name)
    assert status.nt_status_name(0x40010004) == "DBG_TERMINATE_PROCESS"
    # every STATUS_ constant the executive imports is defined (a missing one fails at import)
    import re
    used = set()
    for folder, _, files in os.walk(os.path.join(ROOT, "kernel")):
        for f in files:
            if f.endswith(".py"):
                with open(os.path.join(folder, f)) as src:
                    used |= set(re.findall(r"\b(?:STATUS|DBG)_[A-Z0-9_]+\b", src.read()))
    assert used <= names | {"STATUS_WAIT_0"}, used - names
    # and every NTSTATUS written as a number in the executive's components
    literals = set()
    for part in ("ex", "ps", "ke", "mm", "ob", "io", "debug"):
        for folder, _, files in os.walk(os.path.join(ROOT, "kernel", part)):
            for f in files:
                if f.endswith(".py"):
                    with open(os.path.join(folder, f)) as src:
                        literals |= {int(v, 16) for v in re.findall(r"\b0x(?:[Cc]0|80|40)[0-9A-Fa-f]{6}\b", src.read())}
    literals.discard(0x80000000)        # a mask (the sign bit), not a status
    assert not [hex(v) for v in literals if status.nt_status_name(v).startswith("NTSTATUS")]


def _patched(tmp_path, **fields) -> str:
    data = bytearray(open(HELLO, "rb").read())
    pe = pefile.PE(data=bytes(data), fast_load=True)
    oh = pe.OPTIONAL_HEADER.get_file_offset()
    offsets = {"NumberOfSections": (-18, "<H"), "Magic": (0, "<H"), "ImageBase": (24, "<Q"),
               "SizeOfStackReserve": (72, "<Q"), "SizeOfStackCommit": (80, "<Q"), "NumberOfRvaAndSizes": (108, "<I")}
    for name, value in fields.items():
        off, fmt = offsets[name]
        struct.pack_into(fmt, data, oh + off, value)
    path = tmp_path / "patched.exe"
    path.write_bytes(bytes(data))
    return str(path)


@pytest.mark.parametrize("fields,status_code,needle", [
    # what tools/fuzz.py found, each once an internal error
    ({"SizeOfStackReserve": 1 << 63}, status.STATUS_NO_MEMORY & 0xFF, "STATUS_NO_MEMORY"),
    ({"SizeOfStackCommit": 0x7FFFFFFF0000}, status.STATUS_NO_MEMORY & 0xFF, "STATUS_NO_MEMORY"),
    ({"SizeOfStackCommit": 0x7FFFFFFF}, status.STATUS_COMMITMENT_LIMIT & 0xFF,
     "(STATUS_COMMITMENT_LIMIT): a commit of 524,288 pages"),
    ({"Magic": 0}, errors.EXIT_NOT_PE, "not PE32+"),
    ({"NumberOfSections": 0x5F3A}, errors.EXIT_NOT_PE, "at most 96"),
    ({"NumberOfRvaAndSizes": 0, "ImageBase": 0x1}, status.STATUS_ACCESS_VIOLATION & 0xFF, "STATUS_ACCESS_VIOLATION"),
])
def test_hostile_headers_the_fuzzer_found(tmp_path, fields, status_code, needle):
    result = run_kernel("boot", _patched(tmp_path, **fields))
    assert result.returncode == status_code, result.stderr
    assert needle in result.stderr.decode() and b"internal error" not in result.stderr
