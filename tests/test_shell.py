"""shell32.dll and shlwapi.dll: the samples' exact output (special folders, item ID lists,
SHFileOperation and ShellExecute in C:\\Temp, Path*, Str*, formatting, registry helpers, streams,
URLs), a few of Windows' documented results spelled out, and the exports mingw-w64's import
libraries name that console programs reach for."""

import pytest
from conftest import guest_exports, run_kernel, sample_expectation, sample_path

SAMPLES = ["shell_folders", "shell_exec", "shlwapi_path", "shlwapi_misc"]


def lines(name):
    result = run_kernel("boot", sample_path(name))
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_output_is_exact(name):
    assert lines(name) == sample_expectation(name)["stdout"].encode()


def test_documented_results():
    folders = lines("shell_folders")
    assert b"CSIDL_SYSTEM           00000000 [C:\\Windows\\system32]" in folders
    assert b"0x3F (no such CSIDL)   80070057" in folders                 # E_INVALIDARG
    assert b"CSIDL_DRIVES           80004005" in folders                 # a virtual folder: E_FAIL
    assert b"SHGetPathFromIDListW 1 C:\\Windows\\System32\\kernel32.dll" in folders
    assert b"DragQueryFile(bad) 0" in folders
    execute = lines("shell_exec")
    assert b"again 183, relative 161" in execute                         # ERROR_ALREADY_EXISTS, ERROR_BAD_PATHNAME
    assert b"ShellExecuteExA self 1 hInstApp 42 exit 7" in execute
    assert b"missing file 2, missing path 3" in execute                  # SE_ERR_FNF, SE_ERR_PNF
    assert b"no association 31" in execute                               # SE_ERR_NOASSOC
    assert b"ShellExecuteExW txt 0 error 1155 hInstApp 31" in execute    # ERROR_NO_ASSOCIATION
    path = lines("shlwapi_path")
    assert b"Canonicalize [C:\\a\\b\\..\\..\\..\\c] -> 1 [C:\\c]" in path
    assert b"RelativePathTo 1 [..\\c\\d.txt]" in path
    assert b"AddExtension 1 [C:\\a\\f.exe]" in path                      # NULL: ".exe", as documented
    misc = lines("shlwapi_misc")
    assert b"StrFormatByteSize 23506 [22.9 KB]" in misc                  # MSDN's examples
    assert b"StrFormatByteSize 2400016 [2.28 MB]" in misc
    assert b"UrlCreateFromPath 00000000 [file:///C:/a%20b/c.txt]" in misc


exports = guest_exports


@pytest.mark.parametrize("dll,names", [
    ("shell32.dll", "SHGetFolderPathA SHGetFolderPathW SHGetFolderPathAndSubDirW SHGetSpecialFolderPathW "
                    "SHGetKnownFolderPath SHGetKnownFolderIDList SHGetFolderLocation SHGetSpecialFolderLocation "
                    "SHGetPathFromIDListW SHGetPathFromIDListEx ILFree ILClone ILCloneFirst ILCombine ILGetSize "
                    "ILGetNext ILFindLastID ILRemoveLastID ILIsEqual ILCreateFromPathW SHAlloc SHFree SHGetMalloc "
                    "ShellExecuteA ShellExecuteW ShellExecuteExA ShellExecuteExW FindExecutableW SHFileOperationA "
                    "SHFileOperationW SHCreateDirectory SHCreateDirectoryExW IsUserAnAdmin SHGetFileInfoW "
                    "DoEnvironmentSubstW SHGetDiskFreeSpaceExW DragQueryFileW ExtractIconW SHChangeNotify "
                    "SHEmptyRecycleBinW SHQueryRecycleBinW CommandLineToArgvW PathIsExe ILFindChild ILAppendID "
                    "SHGetInstanceExplorer Shell_NotifyIconW ExtractIconExW SHAddToRecentDocs SHPathPrepareForWriteW "
                    "PathYetAnotherMakeUniqueName"),
    ("shlwapi.dll", "PathAppendW PathCombineW PathCanonicalizeW PathFileExistsW PathFindExtensionW "
                    "PathFindFileNameW PathRemoveFileSpecW PathMatchSpecExW PathRelativePathToW PathCompactPathExW "
                    "PathCreateFromUrlW UrlCreateFromPathW StrStrIW StrCmpLogicalW StrToInt64ExW StrFormatByteSizeEx "
                    "StrFromTimeIntervalW StrRetToStrW wnsprintfW wvnsprintfA SHGetValueW SHRegGetValueW SHCopyKeyW "
                    "SHCreateStreamOnFileEx SHCreateMemStream IStream_Read IStream_Size UrlEscapeW UrlCombineW "
                    "QISearch AssocQueryStringW SHLoadIndirectString SHRegGetUSValueW SHRegGetBoolUSValueW "
                    "SHRegSetUSValueW GetAcceptLanguagesW SHCreateThread SHGetThreadRef SHSetThreadRef "
                    "SHCreateThreadRef IUnknown_Set IUnknown_AtomicRelease IUnknown_SetSite IUnknown_QueryService "
                    "ColorRGBToHLS ColorHLSToRGB ColorAdjustLuma"),
])
def test_exports(dll, names):
    assert set(names.split()) <= exports(dll)
