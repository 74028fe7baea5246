"""Files and the mount table: what a guest can do in the writable folders, what read-only
mounts refuse, every way out of the mounts tried against a real host file and refused, stdin
through NtReadFile, and the namespace and wildcard rules underneath."""
import os
import subprocess
import sys

import pytest
from conftest import ROOT, sample_path

PROBE = sample_path("files_probe")
OK = "0x00000000"
NAME_INVALID, NAME_NOT_FOUND, PATH_NOT_FOUND = "0xC0000033", "0xC0000034", "0xC000003A"
ACCESS_DENIED, COLLISION = "0xC0000022", "0xC0000035"


def kernel(*args, cwd, stdin=subprocess.DEVNULL, env=None):
    run_env = dict(os.environ, PYTHONPATH=ROOT)
    run_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "kernel", *args], cwd=cwd, capture_output=True, timeout=120,
                          stdin=stdin if not isinstance(stdin, bytes) else None,
                          input=stdin if isinstance(stdin, bytes) else None, env=run_env)


def probe(cwd, *ops, options=(), env=None) -> list[str]:
    result = kernel("boot", *options, PROBE, *ops, cwd=cwd, env=env)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    return result.stdout.decode().splitlines()


@pytest.fixture
def host(tmp_path):
    """A current directory with files, and beside it a folder the guest must never reach."""
    work = tmp_path / "work"
    outside = tmp_path / "outside"
    work.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("host secret\n")
    (work / "Notes.TXT").write_text("notes\n")
    (work / "link.txt").symlink_to(outside / "secret.txt")
    (work / "linkdir").symlink_to(outside)
    (work / "sub").mkdir()
    (work / "sub" / "inner.txt").write_text("inner\n")
    (work / "sublink").symlink_to(work / "sub")          # a link that stays inside the mount
    return tmp_path


def untouched(host):
    assert sorted(os.listdir(host / "outside")) == ["secret.txt"]
    assert (host / "outside" / "secret.txt").read_text() == "host secret\n"


# -- the writable folders
def test_current_directory_is_c_work_and_writable(host):
    work = host / "work"
    lines = probe(work, r"write:\??\C:\work\out.txt", r"append:\??\C:\work\OUT.TXT", r"read:\??\C:\work\out.txt",
                  r"create:\??\C:\work\Out.txt", r"mkdir:\??\C:\work\made", r"write:\??\C:\work\made\x.bin",
                  r"rename:\??\C:\work\out.txt=\??\C:\work\made\moved.txt", r"list:\??\C:\work\made",
                  r"del:\??\C:\work\made\x.bin", r"read:\??\C:\work\NOTES.txt", r"read:\??\C:\work\sublink\inner.txt")
    assert lines == ["write " + OK, "append " + OK, "read " + OK + " probe|probe|", "create " + COLLISION,
                     "mkdir " + OK, "write " + OK, "rename " + OK, "list  . .. moved.txt x.bin 0x80000006",
                     "del " + OK, "read " + OK + " notes|", "read " + OK + " inner|"]
    assert (work / "made" / "moved.txt").read_text() == "probe\nprobe\n"    # appended once, in another case
    assert not (work / "out.txt").exists() and not (work / "made" / "x.bin").exists()
    assert sorted(os.listdir(work)) == ["Notes.TXT", "link.txt", "linkdir", "made", "sub", "sublink"]


def test_temp_is_fresh_writable_and_removed_at_the_end(host):
    lines = probe(host / "work", r"list:\??\C:\Temp", r"write:\??\C:\Temp\t.txt", r"read:\??\C:\Temp\t.txt",
                  r"list:\??\C:\Temp", env={"TMPDIR": str(host)})
    assert lines == ["list  . .. 0x80000006", "write " + OK, "read " + OK + " probe|", "list  . .. t.txt 0x80000006"]
    assert not [n for n in os.listdir(host) if n.startswith("ntmini-temp-")]


def test_read_only_mounts_refuse_writes(host):
    work = host / "work"
    data = host / "data"
    data.mkdir()
    (data / "d.txt").write_text("data\n")
    ops = [r"write:\??\C:\app\new.txt", r"write:\??\C:\Windows\System32\ntdll.dll", r"del:\??\C:\app\files_probe.exe",
           r"mkdir:\??\C:\Windows\x", r"write:\??\C:\data\d.txt", r"read:\??\C:\data\d.txt",
           r"rename:\??\C:\data\d.txt=\??\C:\data\e.txt"]
    lines = probe(work, *ops, options=["--mount", f"C:\\data={data}:ro"])
    assert lines == ["write " + ACCESS_DENIED, "write " + ACCESS_DENIED, "del " + ACCESS_DENIED,
                     "mkdir " + ACCESS_DENIED, "write " + ACCESS_DENIED, "read " + OK + " data|",
                     "rename " + ACCESS_DENIED]
    lines = probe(work, r"write:\??\C:\work\w.txt", r"write:\??\C:\Temp\w.txt", r"del:\??\C:\work\Notes.TXT",
                  options=["--read-only"])
    assert lines == ["write " + ACCESS_DENIED] * 2 + ["del " + ACCESS_DENIED]
    assert sorted(os.listdir(work)) == ["Notes.TXT", "link.txt", "linkdir", "sub", "sublink"]
    assert sorted(os.listdir(data)) == ["d.txt"] and (data / "d.txt").read_text() == "data\n"
    assert not os.path.exists(os.path.join(os.path.dirname(PROBE), "new.txt"))


def test_a_writable_mount_writes_the_host_folder(host):
    data = host / "data"
    data.mkdir()
    lines = probe(host / "work", r"write:\??\C:\data\out.txt", "list:\\??\\C:\\",
                  options=["--mount", f"C:\\data={data}"])
    assert lines == ["write " + OK, "list  app data ProgramData Temp Users Windows work 0x80000006"]
    assert (data / "out.txt").read_text() == "probe\n"


# -- every way out, tried against a real host file
ESCAPES = [
    (r"read:\??\C:\work\..\outside\secret.txt", NAME_INVALID),      # '..' is a name, and an invalid one
    (r"read:\??\C:\work\.\link.txt", NAME_INVALID),
    (r"read:\??\C:\work\link.txt", NAME_NOT_FOUND),                  # a host symlink out of the mount
    (r"read:\??\C:\work\LINK.TXT", NAME_NOT_FOUND),
    (r"read:\??\C:\work\linkdir\secret.txt", PATH_NOT_FOUND),       # a directory link out of the mount
    (r"write:\??\C:\work\link.txt", ACCESS_DENIED),                  # creating over it is refused
    (r"create:\??\C:\work\linkdir", ACCESS_DENIED),
    (r"rename:\??\C:\work\Notes.TXT=\??\C:\work\link.txt", ACCESS_DENIED),
    (r"del:\??\C:\work\link.txt", NAME_NOT_FOUND),
    (r"list:\??\C:\work\linkdir", NAME_NOT_FOUND),
    (r"read:\\?\C:\work\Notes.TXT", NAME_INVALID),                   # a Win32 prefix is no NT name
    (r"read:\??\UNC\localhost\outside\secret.txt", PATH_NOT_FOUND),
    (r"read:\??\C:\work\Notes.TXT:secret", NAME_NOT_FOUND),          # alternate data streams do not exist
    (r"write:\??\C:\work\Notes.TXT:stream", ACCESS_DENIED),
    (r"read:\??\C:\work\Notes.TXT:x:$DATA", NAME_NOT_FOUND),
    (r"read:\??\C:\work/../outside/secret.txt", NAME_INVALID),       # '/' is no separator
    (r"read:\??\D:\secret.txt", PATH_NOT_FOUND),
    (r"read:\??\C:\outside\secret.txt", PATH_NOT_FOUND),
    (r"read:\Device\HarddiskVolume1\..\outside\secret.txt", NAME_INVALID),
    (r"read:\Device\HarddiskVolume2\secret.txt", PATH_NOT_FOUND),
    (r"read:\??\C:", ACCESS_DENIED),                                 # the raw volume
    (r"read:\Device\Harddisk0\Partition1", PATH_NOT_FOUND),
    (r"read:\??\C:\work\\Notes.TXT", NAME_INVALID),
]


def test_no_way_out_of_the_mounts(host):
    secret = str(host / "outside" / "secret.txt")
    ops = [op for op, _ in ESCAPES] + ["read:" + secret, "read:\\" + secret.lstrip("/").replace("/", "\\"),
                                       r"read:\??\C:\app\..\..\outside\secret.txt"]
    expected = [status for _, status in ESCAPES] + ["0xC000003B", PATH_NOT_FOUND, NAME_INVALID]   # SYNTAX_BAD
    lines = probe(host / "work", *ops)
    got = [line.split(" ")[-1 if line.startswith("list") else 1] for line in lines]
    assert list(zip(ops, got, strict=True)) == list(zip(ops, expected, strict=True))
    untouched(host)
    assert os.path.islink(host / "work" / "link.txt") and os.path.islink(host / "work" / "linkdir")


def test_links_out_of_a_mount_are_not_listed(host):
    (lines,) = probe(host / "work", r"list:\??\C:\work")
    assert lines == "list  . .. Notes.TXT sub sublink 0x80000006"


# -- stdin and the standard handles
def test_stdin_is_read_through_ntreadfile_from_a_pipe(host):
    result = kernel("boot", sample_path("files_stdin"), cwd=host / "work", stdin=b"hello\nworld\n")
    assert result.returncode == 0
    assert result.stdout == (b"stdin device 0x11\nstdout device 0x11\nstderr device 0x11\nHELLO\nWORLD\n"
                             b"end status 0xc000014b\nbytes 12\n")
    assert result.stderr == b"to stderr\n"


def test_stdin_from_a_file_is_a_disk_file_and_ends_with_end_of_file(host):
    (host / "input.txt").write_bytes(b"abc")
    with open(host / "input.txt", "rb") as f:
        result = kernel("boot", sample_path("files_stdin"), cwd=host / "work", stdin=f)
    assert result.stdout.startswith(b"stdin device 0x7\n")
    assert result.stdout.endswith(b"ABCend status 0xc0000011\nbytes 3\n")


def test_bad_mount_options_are_one_line_and_exit_64(host):
    for option in ("C:\\x=" + str(host / "missing"), "nonsense", "D:\\x=" + str(host), "C:\\work=" + str(host),
                   "C:\\=" + str(host)):
        result = kernel("boot", "--mount", option, PROBE, cwd=host / "work")
        assert result.returncode == 64, option
        assert result.stderr.count(b"\n") == 1 and b"Traceback" not in result.stderr


# -- underneath: names, the namespace, wildcards (in-process)
@pytest.fixture(scope="module")
def io(tmp_path_factory):
    from kernel.io.mounts import default_mounts
    from kernel.ke.boot import GUEST_BIN
    from kernel.session import Session

    work = tmp_path_factory.mktemp("work")
    (work / "File.txt").write_text("x")
    session = Session(256 << 20, mounts=default_mounts(None, GUEST_BIN, work_folder=str(work)))
    yield session.kernel, work
    session.kernel.io.shutdown()


def open_status(kernel, name, access=0x120089, disposition=1, options=0):
    from kernel.io.create import IoCreateFile, OpenPacket
    from kernel.status import NtStatusError, nt_status_name
    try:
        file, _ = IoCreateFile(kernel, name, OpenPacket(access, 0, 7, disposition, options))
        return file
    except NtStatusError as e:
        return nt_status_name(e.status)


def test_names_that_are_never_files(io):
    kernel, _ = io
    assert open_status(kernel, "\\??\\C:\\work\\File.txt\0.exe") == "STATUS_OBJECT_NAME_INVALID"
    assert open_status(kernel, "\\??\\C:\\work\\" + "a" * 256) == "STATUS_OBJECT_NAME_INVALID"
    assert open_status(kernel, "\\??\\C:\\work\\a|b") == "STATUS_OBJECT_NAME_INVALID"
    assert open_status(kernel, "??\\C:\\work\\File.txt") == "STATUS_OBJECT_PATH_SYNTAX_BAD"
    assert open_status(kernel, "\\??\\GLOBALROOT\\Device\\HarddiskVolume1\\work\\FILE.TXT").guest_path == \
        "C:\\work\\File.txt"
    assert open_status(kernel, "\\DosDevices\\C:\\work\\file.txt").nt_name == \
        "\\Device\\HarddiskVolume1\\work\\File.txt"


def test_kernel_open_for_process_creation(io):
    from kernel.io.create import IoOpenFileForKernel
    from kernel.status import NtStatusError
    kernel, _ = io
    file = IoOpenFileForKernel(kernel, None, "\\SystemRoot\\System32\\ntdll.dll")
    assert file.guest_path == "C:\\Windows\\System32\\ntdll.dll" and file.read_at(0, 2) == b"MZ"
    assert file.size() == os.path.getsize(file.host_path) and not file.is_directory
    with pytest.raises(NtStatusError) as e:
        IoOpenFileForKernel(kernel, None, "\\??\\C:\\Windows\\System32")
    assert e.value.status == 0xC00000BA


def test_namespace_links_and_directories(io):
    from kernel.ob.namespace import ObjectDirectory, ObpLookupObjectName, SymbolicLink
    kernel, _ = io
    ns = kernel.namespace
    assert isinstance(ObpLookupObjectName(ns, "\\KNOWNDLLS")[0], ObjectDirectory)
    link, rest = ObpLookupObjectName(ns, "\\??\\c:", open_link=True)
    assert isinstance(link, SymbolicLink) and link.target == "\\Device\\HarddiskVolume1" and rest == ""
    device, rest = ObpLookupObjectName(ns, "\\??\\C:\\x\\y")
    assert device.nt_name == "\\Device\\HarddiskVolume1" and rest == "\\x\\y"
    assert [name for name, _ in ns.root.entries()][:3] == ["??", "BaseNamedObjects", "Device"]
    assert link.handle_count == 0 and link.pointer_count == 0


@pytest.mark.parametrize("mask,name,matches", [
    ("*", "a.txt", True), ("*.TXT", "a.txt", True), ("*.txt", "a.txt.bak", False), ("a?c", "abc", True),
    ("a?c", "ac", False), ("*.*", "README", False), ("<.txt", "a.b.txt", True), ("<", "a.b", False),
    ("<.b", "a.b", True),
    ('<"*', "README", True), ("abc>", "abc", True), ("ab>.txt", "abc.txt", True), ("ab>.txt", "abcd.txt", False),
    ('abc"txt', "abc.txt", True), ('abc"', "abc", True), ("*", "..", True),
])
def test_wildcards(mask, name, matches):
    from kernel.io.wildcard import FsRtlIsNameInExpression
    assert FsRtlIsNameInExpression(mask, name) is matches


# Windows' answers to each disposition on a file that is missing, present or read-only (the table of
# Wine's conformance test test_NtCreateFile, confirmed on Windows): (disposition, attributes asked,
# status, IO_STATUS_BLOCK.Information, attributes afterwards, delete it afterwards)
DISPOSITIONS = [(2, 1, 0, 2, 0x21, 0), (2, 0, 0xC0000035, 0, 0, 1), (2, 0, 0, 2, 0x20, 0), (1, 1, 0, 1, 0x20, 1),
                (1, 1, 0xC0000034, 0, 0, 0), (3, 0, 0, 2, 0x20, 0), (3, 1, 0, 1, 0x20, 1), (3, 1, 0, 2, 0x21, 0),
                (3, 0, 0, 1, 0x21, 0), (4, 0, 0xC0000022, 0, 0, 1), (4, 0, 0xC0000034, 0, 0, 0), (2, 0, 0, 2, 0x20, 0),
                (4, 1, 0, 3, 0x21, 0), (5, 0, 0xC0000022, 0, 0, 1), (5, 0, 0, 2, 0x20, 0), (5, 1, 0, 3, 0x21, 0),
                (0, 0, 0, 0, 0x20, 0), (0, 1, 0, 0, 0x21, 1), (0, 0, 0, 2, 0x20, 1)]


def test_every_disposition_on_missing_present_and_read_only_files(io):
    from kernel.io.create import IoCreateFile, OpenPacket
    from kernel.status import NtStatusError
    kernel, work = io
    path = work / "foo.tmp"
    got = []
    for disposition, attributes, _status, _info, _out, cleanup in DISPOSITIONS:
        try:
            file, information = IoCreateFile(kernel, "\\??\\C:\\work\\foo.tmp",
                                             OpenPacket(0x80000000, attributes, 3, disposition, 0))
            got.append((0, information, kernel.io.file_attributes(file.node)))
            file.cleaned_up = True
            file.device.cleanup(file)
        except NtStatusError as e:
            got.append((e.status, 0, 0))
        if cleanup and path.exists():
            path.chmod(0o666)
            path.unlink()
    assert got == [(status, info, out) for _, _, status, info, out, _ in DISPOSITIONS]


# Which of 18 names each mask matches on Windows (NTFS), from the facts of Wine's conformance test of
# NtQueryDirectoryFile. The 1s for a lone '<' (with '"'s) on .a, ..a and .aa come from their 8.3 short
# names (A~1 ...), which this volume does not have.
MASK_NAMES = ["longfilename.tmp", "n.tmp", "h.tmp", "s.tmp", "d.tmp", "\u00e9a.tmp", "\u00c9b.tmp", "ea.tmp", "ea",
              ".", "..", "ea.tmp.tmp", ".a", ".a.a", "a.", "..a", ".aa", "a.."]
SHORT_NAME_ONLY = {("<", ".a"), ("<", "..a"), ("<", ".aa"), ('<"', ".a"), ('<"', "..a"), ('<"', ".aa"),
                   ('<""', ".a"), ('<""', "..a"), ('<""', ".aa")}
MASKS = [
    ('*.', "000000000110001001"),
    ('*. ', "000000000000000000"),
    ('* .', "000000000000000000"),
    (' *.', "000000000000000000"),
    ('*.*', "111111110111111111"),
    ('* *', "000000000000000000"),
    ('*.**', "111111110111111111"),
    ('*', "111111111111111111"),
    ('**', "111111111111111111"),
    ('?', "000000000110000000"),
    ('?.', "000000000000001000"),
    ('?..', "000000000000000001"),
    ('??', "000000001000101000"),
    ('??.', "000000000000000001"),
    ('??.???', "000001110000000000"),
    ('<', "000000001110101111"),
    ('*<a', "000000001000110110"),
    ('<.', "000000000110001001"),
    ('<..', "000000000000000001"),
    ('<."', "000000000110001001"),
    ('.<', "000000000110100010"),
    ('..<', "000000000000000100"),
    ('..*', "000000000000000100"),
    ('*..*', "000000000000000101"),
    ('*..', "000000000000000001"),
    ('..?', "000000000000000100"),
    ('.."', "000000000000000000"),
    ('"', "000000000110000000"),
    ('""', "000000000110000000"),
    ('"""', "000000000110000000"),
    ('a.<', "000000000000001001"),
    ('ea.tmp.tmp<', "000000000001000000"),
    ('<tmp', "111111110001000000"),
    ('<.tmp', "111111110001000000"),
    ('<name.tmp', "100000000000000000"),
    ('<nam<tmp', "100000000000000000"),
    ('<name.<', "100000000000000000"),
    ('<name<', "000000000000000000"),
    ('<"', "000000001110101111"),
    ('*"', "111111111111111111"),
    ('*"tmp"tmp"', "000000000001000000"),
    ('n"tmp', "010000000000000000"),
    ('ea"', "000000001000000000"),
    ('"a', "000000000000100000"),
    ('""a', "000000000000000100"),
    ('e"a', "000000000000000000"),
    ('*"tmp', "111111110001000000"),
    ('<.<', "111111110111111111"),
    ('<"<', "111111111111111111"),
    ('<"<"', "111111111111111111"),
    ('<"<.', "000000000000000001"),
    ('<.<"', "111111110111111111"),
    ('<<', "111111111111111111"),
    ('<a', "000000001000110100"),
    ('*a', "000000001000110110"),
    ('<aa', "000000000000000010"),
    ('<.a', "000000000000110100"),
    ('<..a', "000000000000000100"),
    ('<.<.<', "000000000001010101"),
    ('.<.<', "000000000000010100"),
    ('<<.<', "111111110111111111"),
    ('<.<<', "111111110111111111"),
    ('<<<', "111111111111111111"),
    ('< ..', "000000000000000000"),
    ('< .', "000000000000000000"),
    ('<""', "000000001110101111"),
    ('>', "000000000110000000"),
    ('>.', "000000000110001000"),
    ('>..', "000000000000000001"),
    ('>>', "000000001110001000"),
    ('>>.', "000000000110001000"),
    ('>>>', "000000001110001000"),
    ('>>.>>>', "011111110110101011"),
    ('>.>', "000000000110101001"),
    ('>>.tmp', "011111110000000000"),
    ('>>tmp', "000000000000000000"),
    ('>>>tmp', "000000000000000000"),
]


def test_masks_match_as_on_windows():
    from kernel.io.wildcard import FsRtlIsNameInExpression
    wrong = []
    for mask, bits in MASKS:
        for name, bit in zip(MASK_NAMES, bits, strict=True):
            expected = bit == "1" and (mask, name) not in SHORT_NAME_ONLY
            if FsRtlIsNameInExpression(mask, "." if name == ".." else name) is not expected:
                wrong.append((mask, name, expected))
    assert wrong == []


def test_hard_links_streams_and_no_short_names(io):
    import struct

    from kernel.io.create import IoCreateFile, OpenPacket
    from kernel.io.info import query_information, set_information
    from kernel.io.names import split_path
    from kernel.status import NtStatusError
    kernel, work = io
    (work / "linked.txt").write_text("hello")
    file, _ = IoCreateFile(kernel, "\\??\\C:\\work\\linked.txt", OpenPacket(0x130089, 0, 7, 1, 0x20))

    def link(name, replace=0):
        data = struct.pack("<B7xQI", replace, 0, len(name) * 2) + name.encode("utf-16-le")
        set_information(kernel.io, file, 11, data,
                        lambda f, root, n: list(f.node.components[:-1]) + split_path("\\" + n)[0])
    link("second.txt")
    assert (work / "second.txt").read_text() == "hello" and os.stat(work / "second.txt").st_nlink == 2
    standard, _ = query_information(kernel.io, file, 5, 24)
    assert struct.unpack("<qqIBB2x", standard) == (4096, 5, 2, 0, 0)
    with pytest.raises(NtStatusError) as e:
        link("second.txt")
    assert e.value.status == 0xC0000035
    stream, status = query_information(kernel.io, file, 22, 100)
    assert status == 0 and stream == struct.pack("<IIqq", 0, 14, 5, 4096) + "::$DATA".encode("utf-16-le")
    with pytest.raises(NtStatusError) as e:
        query_information(kernel.io, file, 21, 100)
    assert e.value.status == 0xC0000034
    system, _ = IoCreateFile(kernel, "\\??\\C:\\Windows\\System32\\ntdll.dll", OpenPacket(0x120089, 0, 7, 1, 0x20))
    with pytest.raises(NtStatusError) as e:       # a read-only mount's file never gets a writable name
        set_information(kernel.io, system, 11, struct.pack("<B7xQI", 0, 0, 8) + "x.dl".encode("utf-16-le"),
                        lambda f, root, n: ["work", n])
    assert e.value.status == 0xC0000022 and not (work / "x.dl").exists()


@pytest.mark.parametrize("seed", [0, 7])
def test_whatever_a_guest_passes_the_file_services_answer_with_a_status(host, seed):
    """files_fuzz: 20,000 calls with absurd handles, pointers, lengths, classes and names."""
    result = kernel("boot", sample_path("files_fuzz"), str(seed), cwd=host / "work")
    assert result.returncode == 0 and result.stderr == b""
    counts = result.stdout.rsplit(b"success ", 1)[1].split(b"\n")
    assert counts[1].startswith(b"information ") and counts[3].startswith(b"error ")
    untouched(host)


def test_what_the_guest_changes_carries_virtual_time(io):
    """A new file, and the folder it went into, show the virtual clock, not the host's wall clock."""
    import struct

    from kernel.io.create import IoCreateFile, OpenPacket
    from kernel.io.info import query_information
    from kernel.ke.boot import BOOT_SYSTEM_TIME
    kernel, _ = io
    now = kernel.system_time()
    assert BOOT_SYSTEM_TIME <= now < BOOT_SYSTEM_TIME + 10**7
    new, _ = IoCreateFile(kernel, "\\??\\C:\\work\\timed.txt", OpenPacket(0x120089, 0, 7, 2, 0x20))
    folder, _ = IoCreateFile(kernel, "\\??\\C:\\work", OpenPacket(0x120089, 0, 7, 1, 0x21))
    for file in (new, folder):
        basic, _ = query_information(kernel.io, file, 4, 40)
        creation, access, write, change, _attributes = struct.unpack("<4qI4x", basic)
        assert write == change == now
    temp, _ = IoCreateFile(kernel, "\\??\\C:\\Temp", OpenPacket(0x120089, 0, 7, 1, 0x21))
    assert struct.unpack("<4qI4x", query_information(kernel.io, temp, 4, 40)[0])[:4] == (BOOT_SYSTEM_TIME,) * 4


def test_a_closed_open_gives_its_pool_back(io):
    """ObpDeleteObject: the last handle closed (PointerCount 0), the FILE_OBJECT, its header and its
    name go back to nonpaged pool, and the next open reuses them."""
    from kernel.io.create import IoCreateFile, OpenPacket
    from kernel.ob.handles import HandleTable
    kernel, _ = io
    table = HandleTable(kernel.system, kernel.object_headers)
    addresses = set()
    for _ in range(50):
        file, _ = IoCreateFile(kernel, "\\??\\C:\\Windows\\System32\\ntdll.dll", OpenPacket(0x120089, 0, 7, 1, 0x20))
        table.close(table.insert(file, file.granted_access))
        assert file.deleted and file.read_at(0, 2) == b"MZ" and file.size() > 0
        addresses.add(file.address)
    assert len(addresses) == 1


def test_mount_folders_cannot_be_deleted(tmp_path, io):
    from kernel.io.create import IoCreateFile, OpenPacket
    from kernel.status import NtStatusError
    work = tmp_path / "empty"
    work.mkdir()
    lines = probe(work, r"del:\??\C:\work", r"del:\??\C:\Temp", r"del:\??\C:\app", r"del:\??\C:\Windows")
    assert lines == ["del 0xC0000121", "del 0xC0000121", "del " + ACCESS_DENIED, "del " + ACCESS_DENIED]
    assert work.is_dir()
    kernel, _ = io
    with pytest.raises(NtStatusError) as e:         # FILE_DELETE_ON_CLOSE on a mount's folder
        IoCreateFile(kernel, "\\??\\C:\\Temp", OpenPacket(0x110000, 0, 7, 1, 0x1021))
    assert e.value.status == 0xC0000121


def test_profile_folders_are_fresh_writable_mounts(host):
    """C:\\Users\\user\\ (with a new profile's folders), C:\\Users\\Public\\ and C:\\ProgramData\\ are
    writable folders of this run; a --mount of the profile replaces the fresh one."""
    lines = probe(host / "work", r"write:\??\C:\Users\user\AppData\Roaming\cfg.txt",
                  r"write:\??\C:\ProgramData\shared.txt", "list:\\??\\C:\\Users\\", "list:\\??\\C:\\Users\\user\\")
    assert lines[:3] == ["write " + OK, "write " + OK, "list  . .. Public user 0x80000006"]
    assert lines[3] == ("list  . .. 3D Objects AppData Contacts Desktop Documents Downloads Favorites Links Music "
                        "Pictures Saved Games Searches Videos 0x80000006")
    mine = host / "profile"
    mine.mkdir()
    lines = probe(host / "work", r"write:\??\C:\Users\user\note.txt", options=["--mount", f"C:\\Users\\user={mine}"])
    assert lines == ["write " + OK]
    assert (mine / "note.txt").read_text() == "probe\n"
