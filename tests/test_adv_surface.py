"""advapi32's less common surface (samples/adv_surface): IsTextUnicode's tests and mask, the LSA
policy, name translation and account rights, LogonUser, restricted tokens over NtFilterToken
(kernel/se/filter.py), the token-taking process creation calls and the credential manager, with
the documented error codes; and the exports a program importing them needs from advapi32 itself."""
from conftest import guest_exports, guest_forwarders, run_kernel, sample_expectation, sample_path

from kernel.se.sids import MACHINE_DOMAIN, USER_SID

NAMES = [
    "IsTextUnicode",
    "LsaOpenPolicy", "LsaClose", "LsaFreeMemory", "LsaNtStatusToWinError", "LsaQueryInformationPolicy",
    "LsaLookupSids", "LsaLookupNames", "LsaLookupNames2",
    "LsaEnumerateAccountRights", "LsaAddAccountRights", "LsaRemoveAccountRights",
    "LsaStorePrivateData", "LsaRetrievePrivateData",
    "LogonUserA", "LogonUserW", "CreateProcessAsUserA", "CreateProcessAsUserW", "CreateProcessWithTokenW",
    "CreateProcessWithLogonW", "CreateRestrictedToken", "IsTokenRestricted",
    "CredWriteW", "CredWriteA", "CredReadW", "CredReadA", "CredEnumerateW", "CredEnumerateA",
    "CredDeleteW", "CredDeleteA", "CredFree", "CredGetSessionTypes",
]


def _run():
    result = run_kernel("boot", sample_path("adv_surface"))
    return result, result.stdout.decode().splitlines()


def test_advapi32_exports_them_itself():
    exports = guest_forwarders("advapi32.dll")
    missing = [n for n in NAMES if n not in exports]
    assert not missing
    assert all(exports[n] is None for n in NAMES)         # implemented here, not forwarded
    assert "NtFilterToken" in guest_exports("ntdll.dll")


def test_sample_output_error_codes_and_exit_code():
    expected = sample_expectation("adv_surface")
    result, lines = _run()
    assert not [line for line in lines if line.startswith("FAIL")]
    assert result.stdout == expected["stdout"].encode()
    assert result.returncode == 0 == expected["exit_code"]
    for what in ("IsTextUnicode(UNICODE_MASK): STATISTICS | CONTROLS",
                 "LsaOpenPolicy(POLICY_ALL_ACCESS) as a standard user: STATUS_ACCESS_DENIED",
                 "LsaLookupSids: STATUS_SOME_NOT_MAPPED",
                 "LsaEnumerateAccountRights, an account with none: STATUS_OBJECT_NAME_NOT_FOUND",
                 "LogonUser with a wrong password: ERROR_LOGON_FAILURE",
                 "LogonUser with the blank password: ERROR_ACCOUNT_RESTRICTION",
                 "CreateRestrictedToken(DISABLE_MAX_PRIVILEGE, a deny-only SID, a restricting SID)",
                 "AccessCheck, the restricted token: only with Users granted too",
                 "AccessCheck: Authenticated Users grants the full token, not the one where it is deny-only",
                 "CreateProcessAsUser with the primary token: the child ran",
                 "CreateProcessWithTokenW without SeImpersonatePrivilege: ERROR_PRIVILEGE_NOT_HELD",
                 "CredReadW of a missing target: ERROR_NOT_FOUND", "CredDeleteW again: ERROR_NOT_FOUND"):
        assert "ok   " + what in lines


def test_the_lsa_names_the_executives_machine_and_user():
    _result, lines = _run()
    assert "  account domain: NTMINI " + MACHINE_DOMAIN in lines
    assert "  user: " + USER_SID in lines
    assert "  Authenticated Users: 0x10" in lines           # SE_GROUP_USE_FOR_DENY_ONLY, no longer enabled
