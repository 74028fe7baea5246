"""std::filesystem under this project's DLLs. The Microsoft STL links its filesystem.cpp (the
__std_fs_* functions) into the program from the import library, so msvcp140.dll has none of it:
samples/msvcp_fs makes the kernel32 calls those functions make (their access rights, share modes,
flags and information classes) and checks the results and errors they rely on; kernel32 exports
every function the STL's code imports (CreateFile2, CopyFile2 and AreFileApisANSI are checked by
samples/k32_win8file)."""
import subprocess
import sys

from conftest import ROOT, guest_exports, sample_path

# what filesystem.cpp calls in kernel32 (microsoft/STL stl/src/filesystem.cpp)
STL_FILESYSTEM_IMPORTS = [
    "CloseHandle", "CopyFile2", "CreateDirectoryExW", "CreateDirectoryW", "CreateFile2", "CreateHardLinkW",
    "CreateSymbolicLinkW", "DeviceIoControl", "FindClose", "FindFirstFileExW", "FindFirstFileW", "FindNextFileW",
    "GetCurrentDirectoryW", "GetDiskFreeSpaceExW", "GetFileAttributesExW", "GetFileAttributesW",
    "GetFileInformationByHandle", "GetFileInformationByHandleEx", "GetFinalPathNameByHandleW", "GetFullPathNameW",
    "GetLastError", "GetModuleHandleW", "GetProcAddress", "GetTempPathW", "MoveFileExW", "MultiByteToWideChar",
    "SetCurrentDirectoryW", "SetFileAttributesW", "SetFileInformationByHandle", "SetFileTime",
    "WideCharToMultiByte", "AreFileApisANSI"]


def test_the_calls_std_filesystem_makes():
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", sample_path("msvcp_fs")],
                            capture_output=True, cwd=ROOT, timeout=300)
    out = result.stdout.decode()
    assert "FAIL" not in out, out
    assert out.count("ok   ") == 26
    assert "ok   remove: FileDispositionInfoEx (POSIX semantics) on a file and a directory" in out
    assert result.returncode == 0


def test_kernel32_has_what_the_stl_filesystem_imports():
    names = guest_exports("kernel32.dll")
    assert [n for n in STL_FILESYSTEM_IMPORTS if n not in names] == []
