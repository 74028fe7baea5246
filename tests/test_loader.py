"""The user-mode loader in guest ntdll: what the executive maps (the image and ntdll only), what
the guest loader maps through system services, and how a process that cannot start ends
(Windows' NTSTATUS and the words of its hard-error box)."""
import json
import os
import shutil
import struct

import pefile
import pytest
from conftest import SAMPLES, run_kernel, sample_path

CHAIN = os.path.join(SAMPLES, "ldr_chain")


@pytest.fixture
def chain(tmp_path):
    """A private copy of the ldr_chain sample and its DLLs."""
    for name in os.listdir(CHAIN):
        if name.endswith((".exe", ".dll")):
            shutil.copyfile(os.path.join(CHAIN, name), tmp_path / name)
    return tmp_path


def patch(path, old: bytes, new: bytes) -> None:
    data = open(path, "rb").read()
    assert data.count(old) == 1 and len(new) == len(old)
    open(path, "wb").write(data.replace(old, new))


def boot(path, *args):
    result = run_kernel("boot", *args, str(path))
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
    return result, result.stderr.decode()


def test_a_missing_dll_ends_the_process_with_dll_not_found(chain):
    patch(chain / "ldr_chain.exe", b"chain_a.dll\0", b"chain_x.dll\0")
    result, err = boot(chain / "ldr_chain.exe")
    assert result.returncode == 0x35 and "0xC0000135 (STATUS_DLL_NOT_FOUND)" in err
    assert ("ldr_chain.exe - System Error: The code execution cannot proceed because chain_x.dll was not found. "
            "Reinstalling the program may fix this problem.") in err
    assert result.stdout == b""                        # no DllMain, no entry point


def test_a_missing_dll_deep_in_the_chain(chain):
    os.remove(chain / "chain_c.dll")
    result, err = boot(chain / "ldr_chain.exe")
    assert result.returncode == 0x35 and "because chain_c.dll was not found" in err


def test_a_missing_export_names_function_and_dll(chain):
    exe = chain / "ldr_chain.exe"
    pe = pefile.PE(str(exe))
    imp = next(i for d in pe.DIRECTORY_ENTRY_IMPORT for i in d.imports if i.name == b"a_value")
    pe.set_bytes_at_offset(imp.name_offset, b"a_vxlue")
    pe.write(str(exe))
    result, err = boot(chain / "ldr_chain.exe")
    assert result.returncode == 0x39 and "0xC0000139 (STATUS_ENTRYPOINT_NOT_FOUND)" in err
    assert ("The procedure entry point a_vxlue could not be located in the dynamic link library "
            "C:\\app\\chain_a.dll.") in err


def test_a_missing_ordinal(chain):
    exe = chain / "ldr_chain.exe"
    pe = pefile.PE(str(exe))
    desc = next(d for d in pe.DIRECTORY_ENTRY_IMPORT if d.dll == b"chain_a.dll").struct
    data = bytearray(exe.read_bytes())
    for thunks in (desc.OriginalFirstThunk, desc.FirstThunk):        # the name table and the IAT
        struct.pack_into("<Q", data, pe.get_offset_from_rva(thunks), 0x8000000000000000 | 77)
    exe.write_bytes(data)
    result, err = boot(exe)
    assert result.returncode == 0x38 and "0xC0000138 (STATUS_ORDINAL_NOT_FOUND)" in err
    assert "The ordinal 77 could not be located in the dynamic link library C:\\app\\chain_a.dll." in err


def test_dllmain_returning_false_fails_the_static_load(chain):
    shutil.copyfile(chain / "failinit.dll", chain / "chain_c.dll")
    result, err = boot(chain / "ldr_chain.exe")
    assert result.returncode == 0x42 and "0xC0000142 (STATUS_DLL_INIT_FAILED)" in err
    assert "The application was unable to start correctly (0xc0000142)" in err
    assert result.stdout == b"chain_c: process attach (static)\n"     # b and a never start


@pytest.mark.parametrize("content", [b"not a PE image at all", b"MZ" + b"\0" * 62, b""])
def test_a_bad_dll_image(chain, content):
    (chain / "chain_b.dll").write_bytes(content)
    result, err = boot(chain / "ldr_chain.exe")
    assert result.returncode == 0x7B and "0xC000007B (STATUS_INVALID_IMAGE_FORMAT)" in err
    assert "The application was unable to start correctly (0xc000007b)" in err


def test_a_truncated_dll_is_refused_when_its_section_is_created(chain):
    data = (chain / "chain_b.dll").read_bytes()
    (chain / "chain_b.dll").write_bytes(data[:0x600])
    result, err = boot(chain / "ldr_chain.exe")
    assert result.returncode == 0x7B and b"chain_b: process attach" not in result.stdout


def test_the_executive_maps_the_image_and_ntdll_the_loader_the_rest():
    result, err = boot(sample_path("ldr_chain"), "--stages")
    stage_3d = next(line for line in err.splitlines() if line.startswith("[stage 3D]"))
    assert "ldr_chain.exe" in stage_3d and "ntdll.dll" in stage_3d and "chain_a" not in stage_3d
    result = run_kernel("trace", "--syscalls", sample_path("ldr_chain"))
    calls = result.stdout.decode() + result.stderr.decode()
    for dll in ("chain_a.dll", "chain_b.dll", "chain_c.dll"):
        assert 'NtOpenFile(FileHandle=' in calls and f'"\\\\??\\\\C:\\\\app\\\\{dll}"' in calls
    assert calls.count("NtCreateSection") >= 3 and calls.count("NtMapViewOfSection") >= 3


def test_image_load_events_for_every_mapping(tmp_path):
    trace = tmp_path / "t.jsonl"
    result = run_kernel("trace", "--ring", "kernel", "--range", "0-1", "-o", str(trace), sample_path("ldr_chain"))
    assert result.returncode == 0
    loads = [json.loads(line) for line in trace.read_text().splitlines()]
    names = [e["name"] for e in loads if e.get("kind") == "image-load" and e.get("pid") == 8]
    assert names[:2] == ["ldr_chain.exe", "ntdll.dll"]                  # by the executive, at 3D
    assert {"chain_a.dll", "chain_b.dll", "chain_c.dll"} <= set(names[2:])  # by the guest loader
    assert len(names) == len(set(names))
