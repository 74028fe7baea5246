"""FormatMessage (kernelbase family 1): the system message table generated from the SDK's
message texts (tools/gen_messages.py, tools/data/system_messages.txt), the texts programs print
(samples/k32_msg), module message tables through FROM_HMODULE (samples/k32_msgtable: a windmc
UTF-16 table and a hand-written ANSI one) and the line width's wrapping."""
import os
import subprocess
import sys

import pytest
from conftest import run_kernel, sample_path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from tools import gen_messages  # noqa: E402

# Windows' en-US texts (what FormatMessage(FROM_SYSTEM) gives on Windows 10), byte for byte.
WINDOWS_TEXTS = {
    2: "The system cannot find the file specified.\r\n",
    5: "Access is denied.\r\n",
    8: "Not enough memory resources are available to process this command.\r\n",
    34: "The wrong diskette is in the drive.\r\nInsert %2 (Volume Serial Number: %3) into drive %1.\r\n",
    183: "Cannot create a file when that file already exists.\r\n",
    193: "%1 is not a valid Win32 application.\r\n",
    10054: "An existing connection was forcibly closed by the remote host.\r\n",
    10061: "No connection could be made because the target machine actively refused it.\r\n",
    11001: "No such host is known.\r\n",
}


@pytest.fixture(scope="module")
def table():
    return {code: text for code, _name, text in gen_messages.read_data()}


def test_generated_table_is_up_to_date():
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "gen_messages.py"), "--check"], check=True)


@pytest.mark.parametrize("code", sorted(WINDOWS_TEXTS))
def test_windows_texts(table, code):
    assert table[code] == WINDOWS_TEXTS[code]


def test_coverage(table):
    """Every Win32 code of 0-1999 that programs meet, and all of Winsock's 10004..11031."""
    assert sum(1 for c in table if c < 2000) > 1100
    winsock = [c for c in table if 10000 <= c <= 11999]
    assert min(winsock) == 10004 and max(winsock) >= 11031 and len(winsock) >= 90
    for code in (6, 87, 112, 122, 995, 997, 1168, 1460, 2250, 4390, 6000, 14001, 15100):
        assert code in table, code
    assert all(t.endswith("\r\n") and "\n" not in t.replace("\r\n", "") for t in table.values())


@pytest.fixture(scope="module")
def msg_run():
    return run_kernel("boot", sample_path("k32_msg"))


def test_printed_texts(msg_run, table):
    lines = msg_run.stdout.decode().splitlines()
    for code in (2, 5, 32, 87, 183, 10054, 10061):
        text = table[code]
        shown = text.replace("\r", "\\r").replace("\n", "\\n")
        assert f"{code} ({len(text)}): {shown}" in lines


def test_msg_sample_passes(msg_run):
    assert b"FAIL" not in msg_run.stdout and msg_run.returncode == 0, msg_run.stdout.decode(errors="replace")
    assert msg_run.stdout.count(b"ok   width ") == 24


@pytest.fixture(scope="module")
def msgtable_run():
    return run_kernel("boot", sample_path("k32_msgtable"))


@pytest.mark.parametrize("line", [
    b"an id of no block -> ERROR_MR_MID_NOT_FOUND",
    b"a language not there -> ERROR_RESOURCE_LANG_NOT_FOUND",
    b"W: an ANSI entry's bytes through the ACP (1252)",
    b"FROM_HMODULE | FROM_SYSTEM: the system's after the module's",
])
def test_msgtable_lines(msgtable_run, line):
    assert b"ok   " + line in msgtable_run.stdout.splitlines(), msgtable_run.stdout.decode(errors="replace")


def test_msgtable_sample_passes(msgtable_run):
    assert b"FAIL" not in msgtable_run.stdout and msgtable_run.returncode == 0


def test_the_sample_carries_two_message_tables():
    """RT_MESSAGETABLE (11) name 1 in en-US (windmc, UTF-16 entries) and German (ANSI)."""
    import pefile
    pe = pefile.PE(sample_path("k32_msgtable"))
    mt = next(e for e in pe.DIRECTORY_ENTRY_RESOURCE.entries if e.id == 11)
    langs = {lang.id: lang.data.struct for e in mt.directory.entries for lang in e.directory.entries}
    assert sorted(langs) == [0x407, 0x409]
    english = pe.get_data(langs[0x409].OffsetToData, langs[0x409].Size)
    assert int.from_bytes(english[:4], "little") == 3                  # three blocks
    assert english[0x2A:0x2C] == b"\x01\x00"                           # entry 1 (at 4 + 3 * 12): Flags 1, UTF-16
