"""The security-base family (kernelbase, advapi32 forwarding to it as on Windows 10): security
descriptors and ACLs through samples/advapi_acl: the documented error codes, exact layouts (ACE
sizes, the self-relative header and the order of its parts) and the exports' forwarders."""
import os
import struct

import pefile
from conftest import ROOT, run_kernel, sample_expectation, sample_path


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
                 "setting a self-relative one: ERROR_INVALID_SECURITY_DESCR", "MakeAbsoluteSD gives every size"):
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
    def exports(name):
        pe = pefile.PE(os.path.join(ROOT, "guest", "bin", name), fast_load=True)
        pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_EXPORT"]])
        return {s.name.decode(): s.forwarder.decode() if s.forwarder else None
                for s in pe.DIRECTORY_ENTRY_EXPORT.symbols}

    advapi32, kernelbase = exports("advapi32.dll"), exports("kernelbase.dll")
    for name in ("InitializeSecurityDescriptor", "MakeSelfRelativeSD", "MakeAbsoluteSD", "SetSecurityDescriptorDacl",
                 "InitializeAcl", "AddAccessAllowedAceEx", "AddAce", "GetAce", "DeleteAce", "GetAclInformation",
                 "MapGenericMask"):
        assert advapi32[name] == "kernelbase." + name and kernelbase[name] is None
