"""The registry: the executive's hive and key services (kernel/cm) and advapi32's Reg* calls over
them, through samples/registry (output, error codes, exit code), checked against the hive's data
(kernel/cm/hive.py)."""
import struct

from conftest import run_kernel, sample_expectation, sample_path

from kernel.cm.cmkey import CmpInitializeHive, CmpWalk, encode_value
from kernel.cm.hive import REG_DWORD, REG_SZ, USER, boot_hive
from kernel.cm.services import KeyFullInformation, KeyNameInformation, _key_information, _value_information
from kernel.ps.params import DEFAULT_ENVIRONMENT


class _Clock:
    def system_time(self):
        return 0x01D9000000000000


def _hive_values(path):
    return {name: data for p, values in boot_hive() for name, kind, data in values if p == path}


def _registry_run():
    result = run_kernel("boot", sample_path("registry"))
    return result, result.stdout.decode().splitlines()


def test_registry_sample_output_error_codes_and_exit_code():
    expected = sample_expectation("registry")
    result, lines = _registry_run()
    assert result.stdout == expected["stdout"].encode()
    assert result.returncode == 0 == expected["exit_code"]
    assert not [line for line in lines if line.startswith("FAIL")]
    for what in ("a missing value: ERROR_FILE_NOT_FOUND", "a short buffer: ERROR_MORE_DATA and the size",
                 "a write through a key opened for reading: ERROR_ACCESS_DENIED",
                 "a string asked for as a DWORD: ERROR_UNSUPPORTED_TYPE",
                 "a handle to a deleted key: ERROR_KEY_DELETED", "the end: ERROR_NO_MORE_ITEMS",
                 "creating under HKLM: ERROR_ACCESS_DENIED"):
        assert "ok   " + what in lines


def test_what_the_guest_reads_is_the_hive():
    """The values RegQueryValueEx/RegGetValue return, the subkeys NtEnumerateKey lists (in
    upcased-name order) and the values NtEnumerateValueKey lists (in the order set) are the hive's."""
    _result, lines = _registry_run()
    shown = dict(line.split(": ", 1) for line in lines if ": " in line and not line.startswith(("ok", "FAIL")))
    version = _hive_values("MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion")
    for name in ("ProductName", "CurrentBuild", "DisplayVersion", "ReleaseId", "EditionID", "InstallationType"):
        assert shown[name] == version[name]
    assert version["CurrentMajorVersionNumber"] == 10
    assert shown["ProcessorNameString"] == _hive_values(
        "MACHINE\\HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0")["ProcessorNameString"]
    assert shown["LocaleName"] == "en-US"
    assert shown["windir"] == DEFAULT_ENVIRONMENT["windir"]
    assert shown["windir unexpanded"] == "%SystemRoot%"
    tree = CmpInitializeHive(_Clock())
    microsoft = CmpWalk(tree, ["MACHINE", "SOFTWARE", "Microsoft"])
    assert shown["subkeys"] == " ".join(k.name for k in microsoft.sorted_subkeys())
    codepage = _hive_values("MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage")
    assert shown["values"] == " ".join(f"{k}={v}" for k, v in codepage.items())


def test_query_key_agrees_with_the_hive():
    """KeyFullInformation's counts and maxima, KeyNameInformation's path and a value's full
    information, from the tree CmpInitializeHive builds out of kernel/cm/hive.py."""
    tree = CmpInitializeHive(_Clock())
    path = "MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"
    node = CmpWalk(tree, path.split("\\"))
    values = _hive_values(path)
    record, fixed = _key_information(node, KeyFullInformation)
    (time, _title, class_offset, class_length, subkeys, max_name, _max_class, count, max_value_name,
     max_value_data) = struct.unpack_from("<qIIIIIIIII", record)
    assert fixed == 44 and time == _Clock().system_time()
    below = [p[len(path) + 1:] for p, _ in boot_hive() if p.startswith(path + "\\")]
    children = [c for c in below if "\\" not in c]
    assert sorted(children) == ["ProfileList", "Time Zones"]
    assert (class_offset, class_length, subkeys, max_name) == (0xFFFFFFFF, 0, len(children),
                                                                2 * max(len(c) for c in children))
    assert count == len(values)
    assert max_value_name == 2 * max(len(n) for n in values)
    assert max_value_data == max(len(encode_value(REG_SZ if isinstance(v, str) else REG_DWORD, v))
                                 for v in values.values())
    record, _fixed = _key_information(node, KeyNameInformation)
    assert record[4:].decode("utf-16-le") == "\\REGISTRY\\" + path
    name, kind, data = node.values["PRODUCTNAME"]
    record, _fixed = _value_information((name, kind, data), 1)          # KeyValueFullInformation
    _title, kind, offset, length, name_length = struct.unpack_from("<IIIII", record)
    assert kind == REG_SZ and offset % 4 == 0
    assert record[20:20 + name_length].decode("utf-16-le") == "ProductName"
    assert record[offset:offset + length].decode("utf-16-le") == "Windows 10 Pro\0"


def test_current_user_is_the_token_users_hive():
    from kernel.se.sids import USER_SID
    assert USER == "USER\\" + USER_SID
    tree = CmpInitializeHive(_Clock())
    international = CmpWalk(tree, (USER + "\\Control Panel\\International").split("\\"))
    assert international.values["LOCALENAME"][2] == encode_value(REG_SZ, "en-US")


def test_native_key_services_statuses():
    """samples/registry_nt: the information classes' short-buffer statuses, the Align64 forms,
    NtQueryMultipleValueKey, volatile keys, deletion and NtNotifyChangeKey through ntdll."""
    expected = sample_expectation("registry_nt")
    result = run_kernel("boot", sample_path("registry_nt"))
    assert result.stdout == expected["stdout"].encode()
    assert result.returncode == 0 == expected["exit_code"]
    lines = result.stdout.decode().splitlines()
    assert "\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion" in lines
    for what in ("no room for the fixed part: STATUS_BUFFER_TOO_SMALL and the size",
                 "room for part of the data: STATUS_BUFFER_OVERFLOW, the fixed part and what fits",
                 "a stable key under it: STATUS_CHILD_MUST_BE_VOLATILE",
                 "NtDeleteKey of a key with subkeys: STATUS_CANNOT_DELETE", "a deleted key: STATUS_KEY_DELETED",
                 "... a value set signals the event", "synchronous: it returns at another thread's change",
                 "closing the key ends its request: STATUS_NOTIFY_CLEANUP"):
        assert "ok   " + what in lines


def test_processor_values_are_the_emulated_cpus():
    """CentralProcessor\\0's ProcessorNameString, Identifier and VendorIdentifier are what CPUID
    answers on the CPU Unicorn emulates (leaves 0x80000002-4, 1 and 0)."""
    from unicorn import UC_ARCH_X86, UC_MODE_64, Uc
    from unicorn.x86_const import UC_X86_REG_EAX, UC_X86_REG_EBX, UC_X86_REG_ECX, UC_X86_REG_EDX

    uc = Uc(UC_ARCH_X86, UC_MODE_64)
    uc.mem_map(0x1000, 0x1000)
    uc.mem_write(0x1000, b"\x0f\xa2")                       # cpuid

    def cpuid(leaf):
        uc.reg_write(UC_X86_REG_EAX, leaf)
        uc.reg_write(UC_X86_REG_ECX, 0)
        uc.emu_start(0x1000, 0x1002)
        return [uc.reg_read(r) for r in (UC_X86_REG_EAX, UC_X86_REG_EBX, UC_X86_REG_ECX, UC_X86_REG_EDX)]

    brand = b"".join(struct.pack("<4I", *cpuid(leaf)) for leaf in (0x80000002, 0x80000003, 0x80000004))
    _a, b, c, d = cpuid(0)
    signature = cpuid(1)[0]
    family, stepping = (signature >> 8) & 0xF, signature & 0xF
    model = ((signature >> 4) & 0xF) | ((signature >> 12) & 0xF0)     # with the extended model
    cpu = _hive_values("MACHINE\\HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0")
    assert cpu["ProcessorNameString"] == brand.rstrip(b"\0").decode().strip()
    assert cpu["VendorIdentifier"] == struct.pack("<3I", b, d, c).decode()
    assert cpu["Identifier"] == f"Intel64 Family {family} Model {model} Stepping {stepping}"
