"""version.dll, rpcrt4.dll, ole32.dll and oleaut32.dll: the samples' exact output (version_info,
com_rpc, com_ole32 with its in-process server, com_oleaut), the exports programs bind to (oleaut32's
by Windows' ordinals, the forwarders to ole32 and kernel32) and the VERSIONINFO every guest image
carries."""
import os

import pefile
import pytest
from conftest import ROOT, run_kernel, sample_expectation, sample_path

BIN = os.path.join(ROOT, "guest", "bin")


def exports(name: str) -> dict:
    """name -> (ordinal, forwarder or None) of a guest DLL's export table."""
    pe = pefile.PE(os.path.join(BIN, name), fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_EXPORT"]])
    return {e.name.decode(): (e.ordinal, e.forwarder.decode() if e.forwarder else None)
            for e in pe.DIRECTORY_ENTRY_EXPORT.symbols if e.name}


@pytest.mark.parametrize("name", ["version_info", "com_rpc", "com_ole32", "com_oleaut"])
def test_sample_output(name):
    result = run_kernel("boot", sample_path(name))
    expected = sample_expectation(name)
    assert result.stdout.decode() == expected["stdout"]
    assert result.returncode == 0


def test_version_sample_values():
    """The values Windows gives for the sample's own VERSIONINFO and for kernel32.dll."""
    out = sample_expectation("version_info")["stdout"]
    for line in ["signature 0xfeef04bd struc 0x10000 type 1 os 0x40004", "file 1.2.3.4", "product 5.6.0.0",
                 "translation 0x4b00409", "CompanyName 'Sample Company' len 15",
                 "FileVersion A '1.2.3.4' len 8 in the second half 1", "kernel32 10.0.19041.2965",
                 "language 0409 'English (United States)' 23",
                 "find kernel32 shared 0 cur 'C:\\Windows\\system32' dest 'C:\\Windows\\system32'",
                 "missing source 0x10000"]:
        assert line in out.splitlines()


def test_rpc_raises_noncontinuable():
    """RpcRaiseException's code is the status, EXCEPTION_NONCONTINUABLE; a stub's call finds no server."""
    out = sample_expectation("com_rpc")["stdout"].splitlines()
    assert "RpcRaiseException(RPC_S_CALL_FAILED) code 1726 flags 1 thread exit 0" in out
    assert "NdrClientCall2 code 1722 flags 1 thread exit 0" in out


def test_oleaut32_ordinals():
    """MSVC programs import oleaut32 by ordinal: the numbers are Windows'."""
    table = exports("oleaut32.dll")
    windows = {"SysAllocString": 2, "SysFreeString": 6, "VariantInit": 8, "VariantClear": 9, "VariantCopy": 10,
               "VariantChangeType": 12, "SafeArrayCreate": 15, "SafeArrayDestroy": 16, "SafeArrayGetUBound": 19,
               "SafeArrayGetLBound": 20, "SafeArrayAccessData": 23, "SafeArrayGetElement": 25,
               "SafeArrayPutElement": 26, "VarI4FromStr": 64, "VarR8FromStr": 84, "VarBstrFromI4": 110,
               "VarBstrFromR8": 112, "VarBstrFromDate": 114, "VariantChangeTypeEx": 147, "SysStringByteLen": 149,
               "SystemTimeToVariantTime": 184, "VariantTimeToSystemTime": 185, "GetErrorInfo": 200,
               "SetErrorInfo": 201, "CreateErrorInfo": 202, "SafeArrayCreateVector": 411, "VarDateFromStr": 94,
               "SafeArrayRedim": 40, "VarBstrCat": 313, "VarBstrCmp": 314}
    assert {name: table[name][0] for name in windows} == windows
    assert table["GetErrorInfo"][1] == "ole32.GetErrorInfo"


def test_version_exports():
    table = exports("version.dll")
    assert sorted(table) == sorted([
        "GetFileVersionInfoA", "GetFileVersionInfoExA", "GetFileVersionInfoExW", "GetFileVersionInfoSizeA",
        "GetFileVersionInfoSizeExA", "GetFileVersionInfoSizeExW", "GetFileVersionInfoSizeW", "GetFileVersionInfoW",
        "VerFindFileA", "VerFindFileW", "VerInstallFileA", "VerInstallFileW", "VerLanguageNameA",
        "VerLanguageNameW", "VerQueryValueA", "VerQueryValueW"])
    assert table["VerLanguageNameW"][1] == "kernel32.VerLanguageNameW"


def test_com_exports():
    ole32, rpcrt4 = exports("ole32.dll"), exports("rpcrt4.dll")
    for name in ["CoInitialize", "CoInitializeEx", "CoUninitialize", "OleInitialize", "CoCreateInstance",
                 "CoCreateInstanceEx", "CoGetClassObject", "CoTaskMemAlloc", "CoTaskMemFree", "CoGetMalloc",
                 "StringFromGUID2", "CLSIDFromString", "CLSIDFromProgID", "ProgIDFromCLSID", "CoCreateGuid",
                 "CreateStreamOnHGlobal", "PropVariantClear", "CoInitializeSecurity", "CoSetProxyBlanket"]:
        assert name in ole32
    for name in ["UuidCreate", "UuidCreateSequential", "UuidToStringA", "UuidFromStringW", "RpcStringFreeA",
                 "RpcStringBindingComposeW", "RpcBindingFromStringBindingW", "I_RpcExceptionFilter",
                 "NdrOleAllocate", "RpcRaiseException", "NdrClientCall2", "NdrClientCall3"]:
        assert name in rpcrt4


@pytest.mark.parametrize("name", ["kernel32.dll", "version.dll", "ole32.dll"])
def test_guest_versioninfo(name):
    """Guest images report Windows 10 22H2's file version, as GetFileVersionInfo on them shows it."""
    pe = pefile.PE(os.path.join(BIN, name))
    fixed = pe.VS_FIXEDFILEINFO[0]
    assert (fixed.FileVersionMS, fixed.FileVersionLS) == ((10 << 16) | 0, (19041 << 16) | 2965)
    strings = {k.decode(): v.decode() for info in pe.FileInfo[0] if hasattr(info, "StringTable")
               for table in info.StringTable for k, v in table.entries.items()}
    assert strings["OriginalFilename"] == name
    assert strings["FileVersion"] == "10.0.19041.2965 (WinBuild.160101.0800)"
