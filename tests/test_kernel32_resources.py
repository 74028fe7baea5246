"""Resources (issue 13, family 7): FindResource(Ex), LoadResource, SizeofResource and user32's
LoadString over ntdll's LdrFindResource_U/LdrAccessResource, on a sample whose resource script
windres compiles (samples/k32_resources). Each documented error code is asserted by name."""
import pytest
from conftest import run_kernel, sample_path

ERROR_LINES = [
    b"no such name -> ERROR_RESOURCE_NAME_NOT_FOUND",
    b"no such type -> ERROR_RESOURCE_TYPE_NOT_FOUND",
    b"no such language -> ERROR_RESOURCE_LANG_NOT_FOUND",
    b"a module without resources -> ERROR_RESOURCE_DATA_NOT_FOUND",
    b"a string of no block -> ERROR_RESOURCE_NAME_NOT_FOUND",
]


@pytest.fixture(scope="module")
def resources_run():
    return run_kernel("boot", sample_path("k32_resources"))


@pytest.mark.parametrize("line", ERROR_LINES, ids=[line.decode() for line in ERROR_LINES])
def test_resource_error_codes(resources_run, line):
    assert b"ok   " + line in resources_run.stdout.splitlines(), resources_run.stdout.decode(errors="replace")


def test_resources_sample_passes_everything(resources_run):
    assert b"FAIL" not in resources_run.stdout
    assert resources_run.returncode == 0


def test_the_sample_carries_the_resources_its_script_names():
    """The .rsrc section the build linked in holds what the script declares (so the sample
    exercises the lookup, not an empty tree)."""
    import pefile
    pe = pefile.PE(sample_path("k32_resources"))
    types = {(e.name.string.decode() if e.name else e.id) for e in pe.DIRECTORY_ENTRY_RESOURCE.entries}
    assert types == {6, 10, "MYTYPE"}                       # RT_STRING, RT_RCDATA, the custom type
    rcdata = next(e for e in pe.DIRECTORY_ENTRY_RESOURCE.entries if e.id == 10)
    greeting = next(e for e in rcdata.directory.entries if e.name and e.name.string == b"GREETING")
    assert sorted(lang.id for lang in greeting.directory.entries) == [0x407, 0x409, 0x40C]
