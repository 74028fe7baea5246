"""Atoms (samples/k32_atoms): ntdll's Rtl atom tables, kernel32's local atoms over them, the kernel's
global atom table (NtAddAtom ...) behind GlobalAddAtom and its sharing with a child process, integer
atoms, truncation rules and the documented errors."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b'RtlCreateAtomTable: signature "Atom"',
    b'RtlAddAtomToAtomTable: a string atom >= 0xC000',
    b'RtlLookupAtomInAtomTable ignores case',
    b'an empty name -> STATUS_OBJECT_NAME_INVALID',
    b'three adds: 3 references, not pinned',
    b'RtlPinAtomInAtomTable',
    b'deleting a pinned atom -> STATUS_WAS_LOCKED',
    b'RtlQueryAtomInAtomTable with no room -> STATUS_BUFFER_TOO_SMALL and the length 24',
    b'8 bytes: 3 characters and the NUL, length 6',
    b'"#123" is the integer atom 123',
    b'"#234z" is a string atom',
    b'integer atoms 0 and 0xC000 -> STATUS_INVALID_PARAMETER',
    b'an integer atom: 1 reference, pinned, named "#123"',
    b'RtlEmptyAtomTable(FALSE) keeps the pinned atom only',
    b'RtlEmptyAtomTable(TRUE) removes it too',
    b'deleting an unknown atom -> STATUS_INVALID_HANDLE',
    b'RtlDestroyAtomTable',
    b'AddAtomA: a string atom, no last error',
    b'FindAtomA/W and AddAtomW find the same atom whatever the case',
    b'FindAtomA of a missing name -> ERROR_FILE_NOT_FOUND',
    b'AddAtomA(0): 0, no last error',
    b'AddAtomA(MAKEINTATOM(0x1234)) is 0x1234',
    b'AddAtomA(MAKEINTATOM(0xC000)) -> ERROR_INVALID_PARAMETER',
    b'AddAtomA("#1000") is 1000',
    b'GetAtomNameA: foobar, 6',
    b'GetAtomNameA into 6: fooba, 5',
    b'GetAtomNameW into 6: fooba, 5',
    b'GetAtomNameA into 1 -> ERROR_INSUFFICIENT_BUFFER',
    b'GetAtomNameA(0x1234): #4660',
    b'GetAtomNameA(0) -> ERROR_INVALID_PARAMETER',
    b'a 255-character name',
    b'a 256-character name -> ERROR_INVALID_PARAMETER',
    b'three adds: two DeleteAtom calls leave it',
    b'the third deletes it',
    b'DeleteAtom again: the atom back, ERROR_INVALID_HANDLE',
    b'DeleteAtom of an integer atom: 0',
    b'InitAtomTable after the table exists: TRUE',
    b'GlobalAddAtomA: a string atom, no last error',
    b'GlobalFindAtomW and GlobalAddAtomW find it whatever the case',
    b'GlobalAddAtomExA finds it too',
    b'the local table does not have it',
    b'GlobalFindAtomA of a missing name -> ERROR_FILE_NOT_FOUND',
    b'GlobalGetAtomNameA: foobar, 6',
    b'GlobalGetAtomNameA into 6: 0, fooba, ERROR_MORE_DATA',
    b'GlobalGetAtomNameW into 6: the 6 characters, no NUL',
    b'GlobalGetAtomNameW(123): #123',
    b'GlobalGetAtomNameA(0) -> ERROR_INVALID_PARAMETER',
    b'GlobalAddAtomA of 256 characters -> ERROR_INVALID_PARAMETER',
    b'GlobalDeleteAtom: 0',
    b'GlobalDeleteAtom again -> ERROR_INVALID_HANDLE',
    b"child: the parent's global atom is found",
    b'child: its local table is its own',
    b'the child passed',
]


@pytest.fixture(scope="module")
def atoms_run():
    return run_kernel("boot", sample_path("k32_atoms"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_atom_checks(atoms_run, line):
    assert b"ok   " + line in atoms_run.stdout.splitlines(), atoms_run.stdout.decode(errors="replace")


def test_atoms_sample_passes_everything(atoms_run):
    assert not [ln for ln in atoms_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert atoms_run.returncode == 0
