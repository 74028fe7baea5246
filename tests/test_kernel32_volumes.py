"""Volumes and DOS devices (samples/k32_volumes): FindFirst/Next/CloseVolume, the volume's mount points,
the A forms of the volume name calls, QueryDosDevice (one link, the list of \\??), DefineDosDevice (a drive
letter made, used, hidden, shown again, removed), the administrator's changes refused with
ERROR_ACCESS_DENIED, GetDiskSpaceInformation."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"FindFirstVolumeW: \\\\?\\Volume{6e6f6e6d-696e-6900-0000-000000000001}\\",
    b"FindNextVolumeW -> ERROR_NO_MORE_FILES",
    b"FindVolumeClose",
    b"FindFirstVolumeW into 10 characters -> ERROR_FILENAME_EXCED_RANGE",
    b"FindFirstVolumeA: the same name",
    b"GetVolumeNameForVolumeMountPointA(C:\\)",
    b"GetVolumePathNamesForVolumeNameA: C:\\ and the list's end, 5",
    b"FindFirstVolumeMountPointW: no mounted folders -> ERROR_NO_MORE_FILES",
    b"FindFirstVolumeMountPointA(C:\\) -> ERROR_NO_MORE_FILES",
    b"without the trailing backslash -> ERROR_INVALID_NAME",
    b"SetVolumeLabelA -> ERROR_ACCESS_DENIED",
    b"SetVolumeMountPointA -> ERROR_ACCESS_DENIED",
    b"DeleteVolumeMountPointA -> ERROR_ACCESS_DENIED",
    b"GetDiskSpaceInformationA: GetDiskFreeSpace's figures in clusters",
    b"QueryDosDeviceA(C:): \\Device\\HarddiskVolume1 and two NULs, 25",
    b"into 10 -> ERROR_INSUFFICIENT_BUFFER",
    b"QueryDosDeviceA(Q:) -> ERROR_FILE_NOT_FOUND",
    b"QueryDosDeviceA(NULL): the list of \\?? links, C: and NUL among them",
    b"the list into 8 -> ERROR_INSUFFICIENT_BUFFER",
    b"DefineDosDeviceA(Q:, C:\\Temp)",
    b"Q: links to \\??\\C:\\Temp",
    b"a file made through Q: is in C:\\Temp",
    b"a raw second definition hides the first",
    b"removing it (exact match) shows the first again",
    b"DDD_REMOVE_DEFINITION with no target removes the newest",
    b"Q: is gone",
    b"removing it again -> ERROR_FILE_NOT_FOUND",
    b"a definition without a target -> ERROR_INVALID_PARAMETER",
]


@pytest.fixture(scope="module")
def volumes_run():
    return run_kernel("boot", sample_path("k32_volumes"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_checks(volumes_run, line):
    assert b"ok   " + line in volumes_run.stdout.splitlines(), volumes_run.stdout.decode(errors="replace")


def test_sample_passes_everything(volumes_run):
    assert not [ln for ln in volumes_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert volumes_run.returncode == 0
