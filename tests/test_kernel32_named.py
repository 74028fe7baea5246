"""Named objects (issue 13, family 6): kernel32's Create*/Open* by name in the session's
BaseNamedObjects and the object manager's naming under them. The sample samples/k32_named checks
each case in the guest; here each documented error code is asserted by name, so that a change
that breaks one says which."""
import pytest
from conftest import run_kernel, sample_path

ERROR_LINES = [
    b"the same name again -> a new handle, ERROR_ALREADY_EXISTS",
    b"SetEvent on a SYNCHRONIZE handle -> ERROR_ACCESS_DENIED",
    b"names are case-sensitive: another case -> ERROR_FILE_NOT_FOUND",
    b"CreateMutex on an event's name -> ERROR_INVALID_HANDLE",
    b"OpenSemaphore on an event's name -> ERROR_INVALID_HANDLE",
    b"OpenEvent with no name -> ERROR_INVALID_PARAMETER",
    b"the name goes with the last handle -> ERROR_FILE_NOT_FOUND",
    b"CreateEventEx with an unknown flag -> ERROR_INVALID_PARAMETER",
    b"a name longer than MAX_PATH -> ERROR_FILENAME_EXCED_RANGE",
    b"ReleaseSemaphore on a SYNCHRONIZE handle -> ERROR_ACCESS_DENIED",
    b"CreateSemaphoreEx with flags -> ERROR_INVALID_PARAMETER",
    b"OpenFileMapping of no such name -> ERROR_FILE_NOT_FOUND",
    b"OpenFileMapping of an event's name -> ERROR_INVALID_HANDLE",
    b"CreateFileMapping on an event's name -> ERROR_INVALID_HANDLE",
    b"again without OBJ_OPENIF -> STATUS_OBJECT_NAME_COLLISION",
    b"with OBJ_OPENIF -> STATUS_OBJECT_NAME_EXISTS and a handle",
    b"a mutant of the event's name -> STATUS_OBJECT_TYPE_MISMATCH",
    b"another case without OBJ_CASE_INSENSITIVE -> STATUS_OBJECT_PATH_NOT_FOUND",
]


@pytest.fixture(scope="module")
def named_run():
    return run_kernel("boot", sample_path("k32_named"))


@pytest.mark.parametrize("line", ERROR_LINES, ids=[line.decode() for line in ERROR_LINES])
def test_named_object_error_codes(named_run, line):
    lines = named_run.stdout.splitlines()
    assert b"ok   " + line in lines, named_run.stdout.decode(errors="replace")


def test_named_objects_sample_passes_everything(named_run):
    assert b"FAIL" not in named_run.stdout
    assert named_run.returncode == 0


@pytest.fixture(scope="module")
def kernel():
    from kernel.io.mounts import default_mounts
    from kernel.ke.boot import GUEST_BIN
    from kernel.session import Session
    session = Session(256 << 20, mounts=default_mounts(None, GUEST_BIN))
    yield session.kernel
    session.kernel.io.shutdown()


def test_session_namespace_links_lead_where_windows_puts_them(kernel):
    """Global, Local and Session in both BaseNamedObjects directories (smss's layout)."""
    from kernel.ob.namespace import ObpLookupObjectName, SymbolicLink
    links = {}
    for path in ("\\BaseNamedObjects\\Global", "\\BaseNamedObjects\\Local", "\\BaseNamedObjects\\Session",
                 "\\Sessions\\1\\BaseNamedObjects\\Global", "\\Sessions\\1\\BaseNamedObjects\\Local",
                 "\\Sessions\\BNOLINKS\\1"):
        link, rest = ObpLookupObjectName(kernel.namespace, path, open_link=True)
        assert isinstance(link, SymbolicLink) and rest == ""
        links[path] = link.target
    assert links == {
        "\\BaseNamedObjects\\Global": "\\BaseNamedObjects",
        "\\BaseNamedObjects\\Local": "\\BaseNamedObjects",
        "\\BaseNamedObjects\\Session": "\\Sessions\\BNOLINKS",
        "\\Sessions\\1\\BaseNamedObjects\\Global": "\\BaseNamedObjects",
        "\\Sessions\\1\\BaseNamedObjects\\Local": "\\Sessions\\1\\BaseNamedObjects",
        "\\Sessions\\BNOLINKS\\1": "\\Sessions\\1\\BaseNamedObjects",
    }


def test_names_differing_in_case_coexist_and_go_one_by_one(kernel):
    """Two names differing only in case (made without OBJ_CASE_INSENSITIVE) are two entries; an
    OBJ_CASE_INSENSITIVE lookup finds the first; removing one leaves the other."""
    from kernel.ob.namespace import OBJ_CASE_INSENSITIVE, ObjectDirectory, ObpLookupObjectName
    from kernel.status import STATUS_OBJECT_NAME_COLLISION, STATUS_OBJECT_NAME_NOT_FOUND, NtStatusError
    directory = ObpLookupObjectName(kernel.namespace, "\\BaseNamedObjects")[0]
    a, b = ObjectDirectory(kernel, "a"), ObjectDirectory(kernel, "b")
    directory.insert("test", a, case_insensitive=False)
    directory.insert("Test", b, case_insensitive=False)
    with pytest.raises(NtStatusError) as e:
        directory.insert("TEST", a, case_insensitive=True)
    assert e.value.status == STATUS_OBJECT_NAME_COLLISION
    assert ObpLookupObjectName(kernel.namespace, "\\BaseNamedObjects\\Test", attributes=0)[0] is b
    assert ObpLookupObjectName(kernel.namespace, "\\BaseNamedObjects\\TEST")[0] is a
    directory.remove("test", a)
    assert ObpLookupObjectName(kernel.namespace, "\\BaseNamedObjects\\tEST",
                               attributes=OBJ_CASE_INSENSITIVE)[0] is b
    directory.remove("Test", b)
    with pytest.raises(NtStatusError) as e:
        ObpLookupObjectName(kernel.namespace, "\\BaseNamedObjects\\test", attributes=0)
    assert e.value.status == STATUS_OBJECT_NAME_NOT_FOUND
