"""kernel32's smaller Windows 8/10 surface (samples/k32_surface): a program importing any of these
names failed to load with STATUS_ENTRYPOINT_NOT_FOUND before. The export checks (kernel32's Rtl
memory routines forward to NTDLL as on Windows 10; the rest are kernelbase exports kernel32 has a
stub for) and one run of the sample, whose every line must be "ok"."""
import pytest
from conftest import guest_exports, guest_forwarders, run_kernel, sample_expectation, sample_path

RTL_FORWARDERS = ["RtlCompareMemory", "RtlCopyMemory", "RtlFillMemory", "RtlMoveMemory", "RtlZeroMemory"]
KERNELBASE_NAMES = [
    "CreateFileMappingFromApp", "MapViewOfFileFromApp", "OpenFileMappingFromApp", "VirtualAllocFromApp",
    "VirtualProtectFromApp", "GetThreadInformation", "SetThreadInformation", "GetProcessInformation",
    "SetProcessInformation", "GetProcessMitigationPolicy", "SetProcessMitigationPolicy", "GetSystemDEPPolicy",
    "GetProcessDEPPolicy", "SetProcessDEPPolicy", "SetStdHandleEx", "DnsHostnameToComputerNameA",
    "DnsHostnameToComputerNameW", "DnsHostnameToComputerNameExW", "LoadPackagedLibrary",
    "RegisterApplicationRestart", "UnregisterApplicationRestart", "GetApplicationRestartSettings",
    "RegisterApplicationRecoveryCallback", "UnregisterApplicationRecoveryCallback", "GetApplicationRecoveryCallback",
    "ApplicationRecoveryInProgress", "ApplicationRecoveryFinished", "WerRegisterFile", "WerUnregisterFile",
    "WerRegisterMemoryBlock", "WerUnregisterMemoryBlock", "WerRegisterRuntimeExceptionModule",
    "WerUnregisterRuntimeExceptionModule", "EnumResourceTypesExA", "EnumResourceTypesExW", "EnumResourceNamesExA",
    "EnumResourceNamesExW", "EnumResourceLanguagesExA", "EnumResourceLanguagesExW", "GetFirmwareType",
    "GetFirmwareEnvironmentVariableA", "GetFirmwareEnvironmentVariableW", "GetFirmwareEnvironmentVariableExA",
    "GetFirmwareEnvironmentVariableExW", "SetFirmwareEnvironmentVariableA", "SetFirmwareEnvironmentVariableW",
    "SetFirmwareEnvironmentVariableExA", "SetFirmwareEnvironmentVariableExW", "PowerCreateRequest", "PowerSetRequest",
    "PowerClearRequest",
]


def test_kernel32_forwards_the_rtl_memory_routines_to_ntdll():
    forwarders = guest_forwarders("kernel32.dll")
    ntdll = guest_exports("ntdll.dll")
    for name in RTL_FORWARDERS:
        assert forwarders.get(name) == f"NTDLL.{name}", name
        assert name in ntdll, name


def test_kernelbase_exports_and_kernel32_stubs():
    kernelbase = guest_forwarders("kernelbase.dll")
    kernel32 = guest_forwarders("kernel32.dll")
    for name in KERNELBASE_NAMES:
        assert name in kernelbase and kernelbase[name] is None, name
        assert name in kernel32 and kernel32[name] is None, name      # a stub jumping to kernelbase's


def test_the_undecorated_ansi_aliases():
    kernel32 = guest_exports("kernel32.dll")
    assert {"GetBinaryType", "GetBinaryTypeA", "ReplaceFile", "ReplaceFileA"} <= kernel32


@pytest.fixture(scope="module")
def surface_run():
    return run_kernel("boot", sample_path("k32_surface"), timeout=300)


def test_every_check_passes(surface_run):
    lines = surface_run.stdout.decode().splitlines()
    assert lines and all(line.startswith("ok   ") for line in lines), [ln for ln in lines if not ln.startswith("ok")]
    assert surface_run.returncode == 0


def test_output_is_the_expected(surface_run):
    assert surface_run.stdout == sample_expectation("k32_surface")["stdout"].encode()
