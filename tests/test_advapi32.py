"""advapi32's token, SID, account and CryptoAPI calls over the executive's token services
(kernel/se), through samples/token: output, documented error codes, exit code, and agreement
with the token the executive builds (kernel/se/sids.py, kernel/se/token.py)."""
from conftest import run_kernel, sample_expectation, sample_path

from kernel.ps.params import DEFAULT_ENVIRONMENT
from kernel.se.sids import USER_SID
from kernel.se.token import GROUPS, PRIVILEGES


def _run():
    result = run_kernel("boot", sample_path("token"))
    return result, result.stdout.decode().splitlines()


def test_token_sample_output_error_codes_and_exit_code():
    expected = sample_expectation("token")
    result, lines = _run()
    assert result.stdout == expected["stdout"].encode()
    assert result.returncode == 0 == expected["exit_code"]
    assert not [line for line in lines if line.startswith("FAIL")]
    for what in ("OpenThreadToken: ERROR_NO_TOKEN", "TokenUser with no buffer: ERROR_INSUFFICIENT_BUFFER and the size",
                 "one not held: success with ERROR_NOT_ALL_ASSIGNED", "an unknown privilege: ERROR_NO_SUCH_PRIVILEGE",
                 "a bad string: ERROR_INVALID_SID", "an unknown account: ERROR_NONE_MAPPED",
                 "GetUserName short: ERROR_INSUFFICIENT_BUFFER and the size",
                 "an unknown provider type: NTE_PROV_TYPE_NOT_DEF", "not an administrator"):
        assert "ok   " + what in lines


def test_the_guest_sees_the_executives_token():
    _result, lines = _run()
    assert "user: " + USER_SID in lines
    assert "GetUserName: " + DEFAULT_ENVIRONMENT["USERNAME"] in lines
    start = lines.index("groups:") + 1
    groups = [line.split()[:2] for line in lines[start:start + len(GROUPS)]]
    assert groups == [[sid, hex(attributes)] for sid, attributes in GROUPS]
    privileges = next(line for line in lines if line.startswith("privileges:")).split()[1:]
    assert len(privileges) == len(PRIVILEGES)
    assert [p.endswith("+") for p in privileges] == [bool(a & 2) for _luid, a in PRIVILEGES]


def test_advapi32_forwards_the_registry_and_security_base_to_kernelbase():
    """As on Windows 10: advapi32's Reg*Ex and security-base exports are forwarders to kernelbase,
    kernel32 has the registry family (stubs into kernelbase) but not the token and SID calls, and
    advapi32 implements its own SID strings, lookups, GetUserName and CryptoAPI."""
    from conftest import guest_forwarders

    advapi32, kernelbase, kernel32 = (guest_forwarders(f"{n}.dll") for n in ("advapi32", "kernelbase", "kernel32"))
    for name in ("RegOpenKeyExW", "RegQueryValueExA", "RegGetValueW", "RegDeleteTreeW", "OpenProcessToken",
                 "GetTokenInformation", "AllocateAndInitializeSid", "CheckTokenMembership"):
        assert advapi32[name] == "kernelbase." + name and kernelbase[name] is None
    for name in ("RegOpenKeyExW", "RegCloseKey", "RegGetValueA"):
        assert name in kernel32
    for name in ("OpenProcessToken", "EqualSid"):
        assert name not in kernel32
    for name in ("RegOpenKeyW", "ConvertSidToStringSidW", "LookupAccountSidW", "GetUserNameW", "CryptGenRandom",
                 "SystemFunction036"):
        assert advapi32[name] is None and name not in kernelbase


def test_advapi_reg_sample_old_registry_calls():
    """RegQueryValue/RegSetValue, RegSetKeyValue, RegCopyTree, RegLoadMUIString, RegConnectRegistry
    and RegSaveKey (samples/advapi_reg): output, documented error codes, exit code."""
    expected = sample_expectation("advapi_reg")
    result = run_kernel("boot", sample_path("advapi_reg"))
    lines = result.stdout.decode().splitlines()
    assert result.stdout == expected["stdout"].encode()
    assert result.returncode == 0 == expected["exit_code"]
    assert not [line for line in lines if line.startswith("FAIL")]
    for what in ("no default value reads as an empty string", "the copy has the values and subkeys",
                 "GetCurrentHwProfileA",
                 "RegSaveKeyW: ERROR_PRIVILEGE_NOT_HELD", "another machine: ERROR_BAD_NETPATH",
                 "RegLoadMUIStringW short: ERROR_MORE_DATA and the size"):
        assert "ok   " + what in lines
