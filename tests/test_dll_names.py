"""A guest image's import names never reach a host path: absolute, `..`, `..\\` and drive-rooted
DLL names are refused, even where a DLL lies at the place they name."""
import os
import shutil
import struct
import tempfile

import pefile
import pytest
from conftest import ROOT, run_kernel, sample_path

NTDLL = os.path.join(ROOT, "guest", "bin", "ntdll.dll")
STUB_OFFSET = 0x40          # the MS-DOS stub: inside the mapped headers, free for a long name


def image_importing(path: str, name: str, out: str) -> None:
    """hello_ntwrite with its one import descriptor's DLL name replaced by `name`."""
    pe = pefile.PE(path)
    data = bytearray(pe.__data__)
    encoded = name.encode() + b"\0"
    assert len(encoded) <= pe.DOS_HEADER.e_lfanew - STUB_OFFSET
    data[STUB_OFFSET:STUB_OFFSET + len(encoded)] = encoded
    descriptor = pe.DIRECTORY_ENTRY_IMPORT[0].struct
    struct.pack_into("<I", data, descriptor.get_field_absolute_offset("Name"), STUB_OFFSET)
    with open(out, "wb") as f:
        f.write(data)


@pytest.mark.parametrize("kind", ["absolute", "dotdot", "dotdot-backslash", "drive-rooted", "drive-relative"])
def test_guest_dll_name_cannot_reach_host_paths(tmp_path, request, kind):
    app = tmp_path / "app"
    app.mkdir()
    outside = tempfile.mkdtemp(prefix="n", dir="/tmp")      # short enough for the stub
    request.addfinalizer(lambda: shutil.rmtree(outside))
    shutil.copyfile(NTDLL, os.path.join(outside, "n.dll"))        # a working DLL at the named place
    shutil.copyfile(NTDLL, tmp_path / "n.dll")
    name = {"absolute": os.path.join(outside, "n.dll"), "dotdot": "../n.dll", "dotdot-backslash": "..\\n.dll",
            "drive-rooted": "C:\\n.dll", "drive-relative": "C:n.dll"}[kind]
    for literal in ("..\\n.dll", "C:\\n.dll", "C:n.dll"):      # the same names as host file names
        shutil.copyfile(NTDLL, app / literal)
    image = app / "t.exe"
    image_importing(sample_path("hello_ntwrite"), name, str(image))
    result = run_kernel("boot", str(image))
    assert b"Hello" not in result.stdout
    assert result.returncode != 7
    assert b"Traceback" not in result.stderr
    assert name.encode() in result.stderr        # the refusal names the DLL
