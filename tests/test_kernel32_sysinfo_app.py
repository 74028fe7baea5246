"""The app model of a desktop process and two synchronization helpers (samples/k32_sysinfo_app):
no package identity (APPMODEL_ERROR_NO_PACKAGE / _NO_APPLICATION), package full and family names
parsed and formatted with the publisher id computed from the publisher (SHA-256, base 32), the
desktop AppPolicy values, a four-thread barrier over three phases, and a thread-pool cleanup
group that waits for its running member, cancels the queued callback and stops its timer."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"GetCurrentPackageFullName -> APPMODEL_ERROR_NO_PACKAGE",
    b"GetCurrentApplicationUserModelId -> APPMODEL_ERROR_NO_APPLICATION",
    b"GetPackageFullName(bad handle) -> ERROR_INVALID_HANDLE",
    b"PackageFamilyNameFromFullName, short -> ERROR_INSUFFICIENT_BUFFER, 42",
    b"architecture x64, version 10.1906.55.0",
    b"PackageFullNameFromId: the publisher's id",
    b"PackageNameAndPublisherIdFromFamilyName",
    b"GetPackagePathByFullName -> ERROR_NOT_FOUND",
    b"windowing: ClassicDesktop",
    b"CLR: ClassicDesktop",
    b"three phases, nobody through early, one last arriver each",
    b"Set/QueryThreadpoolStackInformation",
    b"members closed with cancel: the running callback finished, the queued one never ran",
    b"the cancel callback for the work object; the timer stopped",
]


@pytest.fixture(scope="module", params=[1, 4], ids=["1cpu", "4cpus"])
def run(request):
    return run_kernel("boot", "--cpus", str(request.param), sample_path("k32_sysinfo_app"))


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_check_passes(run, line):
    assert b"ok   " + line in run.stdout.splitlines(), run.stdout.decode(errors="replace")


def test_formatted_names(run):
    lines = run.stdout.splitlines()
    assert b"Microsoft.WindowsCalculator_8wekyb3d8bbwe" in lines
    assert b"Contoso.App_1.2.3.4_neutral_en-us_8wekyb3d8bbwe" in lines
    assert b"Contoso.App_h91ms92gdsmmt" in lines          # SHA-256("CN=Contoso" UTF-16LE), base 32
    assert lines[-1] == b"all passed" and run.returncode == 0
