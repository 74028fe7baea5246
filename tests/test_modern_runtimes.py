"""What newer Go (1.21-1.25) and Rust (1.75-1.90) runtimes call on Windows, through the rt_* probe
samples (their stdout and exit code are pinned by test_samples.py as well): wait completion
packets as kernel objects, the services the probes reach, and the fixes they found."""
import json

from conftest import run_kernel, sample_expectation, sample_path


def _boot(name, *options, tmp_path=None):
    args = list(options)
    report = None
    if tmp_path is not None:
        report = tmp_path / f"{name}.json"
        args += ["--report", str(report)]
    result = run_kernel("boot", *args, sample_path(name))
    assert b"Traceback" not in result.stderr
    return result, (json.loads(report.read_text()) if report else None)


def test_wait_packet_probe_reaches_the_three_services(tmp_path):
    result, report = _boot("rt_waitpacket", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout.decode()
    assert b"FAIL" not in result.stdout
    services = report["services"]
    assert services["NtCreateWaitCompletionPacket"] == 2
    assert services["NtAssociateWaitCompletionPacket"] == 14
    assert services["NtCancelWaitCompletionPacket"] == 10
    assert services["NtRemoveIoCompletionEx"] == 11             # GetQueuedCompletionStatusEx, as Go polls


def test_wait_packet_is_an_object_of_its_own_type():
    """The handle Go's minit makes: type WaitCompletionPacket (ObTypeIndexTable 36), GENERIC_ALL
    mapped to the type's all-access."""
    result, _ = _boot("rt_waitpacket", "--break", "ntdll!NtCancelWaitCompletionPacket", "-c", "!handle 14 3")
    text = result.stdout.decode()
    assert "0014: Object:" in text and "GrantedAccess: 001f0001" in text
    assert "Type: (" in text and ") WaitCompletionPacket" in text


def test_wait_packet_waits_on_the_target_wait_list():
    """While Go's timer packet waits, the timer's DISPATCHER_HEADER.WaitListHead links the
    packet's KWAIT_BLOCK (its body): Flink of the head is the packet's body address."""
    result, _ = _boot("rt_waitpacket", "--break", "ntdll!NtRemoveIoCompletionEx", "-c",
                      "!handle 10 3; !handle 14 3")
    text = result.stdout.decode()
    blocks = text.split("Break at ")
    assert len(blocks) > 1
    first = blocks[1]
    timer = first.split("0010: Object: ")[1].split()[0]
    packet = first.split("0014: Object: ")[1].split()[0]
    result, _ = _boot("rt_waitpacket", "--break", "ntdll!NtRemoveIoCompletionEx", "-c", f"dq {timer}+8 L2")
    dump = result.stdout.decode().split("Break at ")[1].splitlines()[1].split()
    assert dump[0].replace("`", "") == f"{int(timer, 16) + 8:016x}"
    assert [w.replace("`", "") for w in dump[1:3]] == [packet, packet], dump


def test_rt_samples_run_clean_on_four_processors():
    for name in ("rt_waitpacket", "rt_sysapi", "rt_pipes", "rt_files", "rt_goinit", "rt_synch"):
        result, _ = _boot(name, "--cpus", "4")
        expected = sample_expectation(name)
        assert result.stdout == expected["stdout"].encode(), name
        assert result.returncode == expected["exit_code"] == 0, name


def test_go_imports_wer_flags_from_kernel32():
    """Go >= 1.21 links WerGetFlags/WerSetFlags from kernel32 at load time: the probe loads."""
    result, _ = _boot("rt_goinit")
    assert b"ok   WerSetFlags(WER_FAULT_REPORTING_NO_UI)" in result.stdout
    assert result.returncode == 0


def test_token_pseudo_handles_and_posix_file_semantics():
    sysapi, _ = _boot("rt_sysapi")
    assert b"ok   GetCurrentThreadToken() without impersonation -> ERROR_NO_TOKEN" in sysapi.stdout
    assert b"ok   and the path, with the size it asked for" in sysapi.stdout
    files, _ = _boot("rt_files")
    for line in (b"ok   FileDispositionInfoEx(DELETE | POSIX_SEMANTICS | IGNORE_READONLY) on a read-only file",
                 b"ok   FileRenameInfoEx(REPLACE_IF_EXISTS | POSIX_SEMANTICS) onto an open file",
                 b"ok   the replaced file's open handle still reads its old bytes",
                 b"ok   FileRenameInfo to a verbatim path"):
        assert line in files.stdout
