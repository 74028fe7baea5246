"""The profile (.ini) API (samples/k32_profile): GetPrivateProfileString and its lists, truncations and
defaults, the exact bytes WritePrivateProfileString/Section/Struct leave in the file, GetPrivateProfileInt's
parsing, struct checksums, UTF-16 files with a BOM, bare names in the read-only Windows directory, win.ini."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"WritePrivateProfileString with no section -> ERROR_FILE_NOT_FOUND, no file made",
    b"an empty value: [App] key=",
    b"five writes build the file key by key, section by section",
    b"a NULL value deletes the key (names ignore case)",
    b"deleting it again: TRUE",
    b"a new value replaces the line",
    b"a NULL key deletes the section",
    b"the last key gone: the section stays",
    b"WritePrivateProfileSection fills or adds a section",
    b"and replaces what a section had",
    b"a NULL string deletes the section",
    b"all NULL (a cache flush): FALSE",
    b"GetPrivateProfileString: val1",
    b"names ignore case",
    b"quotes around a value are stripped",
    b"blanks around keys and values are not theirs",
    b'an empty key name finds "=val5"',
    b"a missing key: the default, ERROR_FILE_NOT_FOUND",
    b"the default loses its trailing blanks",
    b"a NULL default is empty",
    b"nSize 0: 0, the buffer untouched",
    b"nSize 4: val, 3 (nSize - 1)",
    b"nSize 1: empty, 0",
    b"a NULL key lists the keys (not the line without '='), 24",
    b"a list cut to 16: name1 name2 na and two NULs, 14",
    b"a NULL section lists the sections, trimmed, 27",
    b"GetPrivateProfileSectionNames into 29: 27",
    b"into 28 (the exact size): cut, 26",
    b"into 27: 25",
    b"GetPrivateProfileSection: every line, 51, ERROR_SUCCESS",
    b"GetPrivateProfileSection cut to 24: 22",
    b"an empty section: 0",
    b"GetPrivateProfileSection of no section -> ERROR_INVALID_PARAMETER",
    b"GetPrivateProfileSection into 0 -> ERROR_INVALID_PARAMETER",
    b"GetPrivateProfileSection of a missing file -> ERROR_FILE_NOT_FOUND",
    b"GetPrivateProfileInt: signs, 32-bit wrap, digits up to the first other character, the default",
    b"GetPrivateProfileStruct of a missing key -> ERROR_BAD_LENGTH",
    b"WritePrivateProfileStruct: hex and the checksum 6F",
    b"read as 6 bytes -> ERROR_BAD_LENGTH",
    b"read as 7 bytes: abacus",
    b"a wrong checksum -> ERROR_INVALID_DATA",
    b"its right checksum: cactus",
    b"a NULL struct deletes the key",
    b"a UTF-16 file with its BOM is read",
    b"and written back in UTF-16 with its BOM",
    b"a bare name is looked for in the Windows directory: the default",
    b"writing one there (read-only here) -> ERROR_ACCESS_DENIED",
    b"an empty file name (the Windows directory itself) -> ERROR_ACCESS_DENIED",
    b"GetProfileString/Int: no win.ini here, the defaults",
    b"WriteProfileString -> ERROR_ACCESS_DENIED",
]


@pytest.fixture(scope="module")
def profile_run():
    return run_kernel("boot", sample_path("k32_profile"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_checks(profile_run, line):
    assert b"ok   " + line in profile_run.stdout.splitlines(), profile_run.stdout.decode(errors="replace")


def test_sample_passes_everything(profile_run):
    assert not [ln for ln in profile_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert profile_run.returncode == 0
