"""Modules and files (issue 13, families 4 and 7): EnumResource* over an image and a data mapping,
LoadLibraryEx's data mappings (tagged handles, resources readable, no exports, FreeLibrary
unmaps), SetDllDirectory's search order, SearchPath's order and extension rule, ReplaceFile;
samples/k32_modfiles' documented error codes asserted by name."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"image: EnumResourceTypesW gives the named type first, then RT_STRING and RT_RCDATA",
    b"image: EnumResourceNamesW(RT_RCDATA): CONFIG, GREETING, then 42",
    b"image: EnumResourceLanguagesW: German, English, French",
    b"a callback that stops -> ERROR_RESOURCE_ENUM_USER_STOP",
    b"EnumResourceNames of an unknown type -> ERROR_RESOURCE_TYPE_NOT_FOUND",
    b"EnumResourceLanguages of an unknown name -> ERROR_RESOURCE_NAME_NOT_FOUND",
    b"a module without resources -> ERROR_RESOURCE_DATA_NOT_FOUND",
    b"LOAD_LIBRARY_AS_DATAFILE: a handle tagged with 1",
    b"FindResource and LoadResource on it",
    b"LoadString on it",
    b"data file: EnumResourceNamesW(RT_RCDATA): CONFIG, GREETING, then 42",
    b"GetProcAddress on it -> ERROR_MOD_NOT_FOUND",
    b"FreeLibrary unmaps it",
    b"twice -> ERROR_INVALID_HANDLE",
    b"LOAD_LIBRARY_AS_IMAGE_RESOURCE: tagged with 2, resources found",
    b"_EXCLUSIVE: nobody opens the file for writing -> ERROR_SHARING_VIOLATION",
    b"a data file that is nowhere -> ERROR_MOD_NOT_FOUND",
    b"a file that is no image -> ERROR_BAD_EXE_FORMAT",
    b"not in the search order -> ERROR_MOD_NOT_FOUND",
    b"then LoadLibrary finds it there",
    b"SetDllDirectoryW(NULL) restores the order",
    b"SearchPath: kernel32 + .dll in System32, with its file part",
    b"the application's folder first",
    b"a name with an extension gets no other -> ERROR_FILE_NOT_FOUND",
    b"a short buffer: the size with the NUL",
    b"an empty name -> ERROR_INVALID_PARAMETER",
    b"the replacement took the name, the old contents are the backup",
    b"no replacement -> ERROR_FILE_NOT_FOUND",
    b"the replaced file held open without delete sharing -> ERROR_UNABLE_TO_REMOVE_REPLACED",
    b"and both are as they were",
]


@pytest.fixture(scope="module")
def modfiles_run():
    return run_kernel("boot", sample_path("k32_modfiles"))


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_modules_and_files(modfiles_run, line):
    assert b"ok   " + line in modfiles_run.stdout.splitlines(), modfiles_run.stdout.decode(errors="replace")


def test_modfiles_sample_passes_everything(modfiles_run):
    assert b"FAIL" not in modfiles_run.stdout and modfiles_run.returncode == 0
