"""The security-base family (kernelbase, advapi32 forwarding to it as on Windows 10): security
descriptors and ACLs through samples/advapi_acl: the documented error codes, exact layouts (ACE
sizes, the self-relative header and the order of its parts) and the exports' forwarders."""
import struct

from conftest import guest_forwarders, run_kernel, sample_expectation, sample_path


def _run():
    result = run_kernel("boot", sample_path("advapi_acl"))
    return result, result.stdout.decode().splitlines()


def test_advapi_acl_sample_output_and_exit_code():
    expected = sample_expectation("advapi_acl")
    result, lines = _run()
    assert result.stdout == expected["stdout"].encode()
    assert result.returncode == 0 == expected["exit_code"]
    assert not [line for line in lines if line.startswith("FAIL")]
    for what in ("InitializeAcl too small: ERROR_INSUFFICIENT_BUFFER", "no room: ERROR_ALLOTTED_SPACE_EXCEEDED",
                 "AddAccessAllowedAceEx bad flags: ERROR_INVALID_FLAGS", "GetAclInformation sizes",
                 "MakeSelfRelativeSD short: ERROR_INSUFFICIENT_BUFFER and the size",
                 "MakeSelfRelativeSD of a self-relative one: ERROR_BAD_DESCRIPTOR_FORMAT",
                 "setting a self-relative one: ERROR_INVALID_SECURITY_DESCR", "MakeAbsoluteSD gives every size",
                 "CreateWellKnownSid short: ERROR_INSUFFICIENT_BUFFER and the size", "IsWellKnownSid",
                 "CreateWellKnownSid(WinAccountAdministratorSid) in the user's domain", "the denied entry comes first",
                 "GRANT_ACCESS merges into the existing allowed ACE", "REVOKE_ACCESS drops the trustee's ACEs",
                 "an unknown name: ERROR_NONE_MAPPED", "GetExplicitEntriesFromAclW"):
        assert "ok   " + what in lines


def test_self_relative_header_lays_out_dacl_owner_group_in_windows_order():
    """SECURITY_DESCRIPTOR_RELATIVE: revision 1, control with SE_SELF_RELATIVE, then the offsets of
    the owner, group, SACL and DACL; the parts follow the 20-byte header as SACL, DACL, owner, group."""
    _result, lines = _run()
    raw = bytes.fromhex(next(line for line in lines if line.startswith("self-relative: ")).split()[1])
    revision, _sbz, control, owner, group, sacl, dacl = struct.unpack("<BBHIIII", raw)
    assert revision == 1
    assert control == 0x8000 | 0x1000 | 0x0004 | 0x0002   # self-relative, DACL protected, present, group defaulted
    assert (sacl, dacl, owner, group) == (0, 20, 20 + 96, 20 + 96 + 16)


def test_advapi32_forwards_security_descriptors_and_acls_to_kernelbase():
    advapi32, kernelbase = guest_forwarders("advapi32.dll"), guest_forwarders("kernelbase.dll")
    for name in ("InitializeSecurityDescriptor", "MakeSelfRelativeSD", "MakeAbsoluteSD", "SetSecurityDescriptorDacl",
                 "InitializeAcl", "AddAccessAllowedAceEx", "AddAce", "GetAce", "DeleteAce", "GetAclInformation",
                 "MapGenericMask", "CreateWellKnownSid", "IsWellKnownSid"):
        assert advapi32[name] == "kernelbase." + name and kernelbase[name] is None


def test_sddl_sample_round_trips_and_error_codes():
    expected = sample_expectation("advapi_sddl")
    result = run_kernel("boot", sample_path("advapi_sddl"))
    lines = result.stdout.decode().splitlines()
    assert result.stdout == expected["stdout"].encode()
    assert result.returncode == 0 == expected["exit_code"]
    assert not [line for line in lines if line.startswith("FAIL")]
    for what in ("round trip of every part", "the owner and the label", "KX writes as KR, a decimal mask as GA",
                 "a NULL DACL", "revision 2: ERROR_UNKNOWN_REVISION", "bad rights: ERROR_INVALID_ACL",
                 "a bad owner: ERROR_INVALID_SID"):
        assert "ok   " + what in lines


def test_sddl_builds_the_self_relative_descriptor_windows_does():
    """"O:BAG:SYD:PAI(A;OICI;FA;;;BA)(A;;0x1200a9;;;WD)(D;CIIO;GW;;;AN)S:(ML;;NW;;;LW)": the SACL
    right after the header, then the DACL (exactly the bytes its ACEs use), the owner, the group."""
    result = run_kernel("boot", sample_path("advapi_sddl"))
    line = next(x for x in result.stdout.decode().splitlines() if x.startswith("bytes: "))
    raw = bytes.fromhex(line.split()[1])
    revision, _sbz, control, owner, group, sacl, dacl = struct.unpack_from("<BBHIIII", raw)
    assert (revision, control) == (1, 0x8000 | 0x1000 | 0x0400 | 0x0010 | 0x0004)
    assert (sacl, dacl, owner, group) == (20, 20 + 28, 20 + 28 + 72, 20 + 28 + 72 + 16) and len(raw) == group + 12
    # the SACL: one mandatory label ACE (type 0x11), no-write-up, Low (S-1-16-4096)
    assert raw[sacl:sacl + 8] == bytes([2, 0]) + struct.pack("<HHH", 28, 1, 0)
    assert raw[sacl + 8:sacl + 28] == bytes([0x11, 0]) + struct.pack("<HI", 20, 1) + bytes(
        [1, 1, 0, 0, 0, 0, 0, 16]) + struct.pack("<I", 4096)
    # the DACL's first ACE: allowed, OI|CI, FILE_ALL_ACCESS, BUILTIN\Administrators
    assert raw[dacl + 8:dacl + 16] == bytes([0, 3]) + struct.pack("<HI", 24, 0x1F01FF)
    assert raw[owner:owner + 16] == bytes([1, 2, 0, 0, 0, 0, 0, 5]) + struct.pack("<II", 32, 544)


def test_services_and_event_log_sample(tmp_path):
    """No SCM and no services: the rights a standard user gets, the documented error codes of a
    program not started by the SCM, and ReportEvent's events on the kernel's event stream."""
    import json

    events = tmp_path / "events.jsonl"
    expected = sample_expectation("advapi_svc")
    result = run_kernel("boot", "--events", str(events), sample_path("advapi_svc"))
    lines = result.stdout.decode().splitlines()
    assert result.stdout == expected["stdout"].encode()
    assert result.returncode == 0 == expected["exit_code"]
    assert not [line for line in lines if line.startswith("FAIL")]
    for what in ("OpenSCManager with every right: ERROR_ACCESS_DENIED", "OpenServiceW: ERROR_SERVICE_DOES_NOT_EXIST",
                 "EnumServicesStatusExW: no services",
                 "StartServiceCtrlDispatcherW: ERROR_FAILED_SERVICE_CONTROLLER_CONNECT",
                 "a bad event type: ERROR_INVALID_PARAMETER", "ReadEventLogW: ERROR_HANDLE_EOF"):
        assert "ok   " + what in lines
    texts = [e["text"] for e in map(json.loads, events.read_text().splitlines()) if e["kind"] == "debug-print"]
    assert texts == ["EventLog: advapi_svc warning 1001: first second\n",
                     "EventLog: advapi_svc information 7: narrow\n"]


def test_secur32_user_names_off_a_domain():
    """GetUserNameEx: NameSamCompatible is the token user's DOMAIN\\name (kernel/se's account), the
    other formats and GetComputerObjectName are ERROR_NONE_MAPPED for an account not in a domain."""
    from kernel.ps.params import DEFAULT_ENVIRONMENT

    expected = sample_expectation("advapi_secur")
    result = run_kernel("boot", sample_path("advapi_secur"))
    lines = result.stdout.decode().splitlines()
    assert result.stdout == expected["stdout"].encode()
    assert result.returncode == 0 == expected["exit_code"]
    assert not [line for line in lines if line.startswith("FAIL")]
    assert "sam: %s\\%s" % (DEFAULT_ENVIRONMENT["USERDOMAIN"], DEFAULT_ENVIRONMENT["USERNAME"]) in lines
    for what in ("GetUserNameExW with no buffer: ERROR_MORE_DATA and the size",
                 "NameDisplay off a domain: ERROR_NONE_MAPPED",
                 "GetComputerObjectNameW off a domain: ERROR_NONE_MAPPED"):
        assert "ok   " + what in lines
