"""Rust programs (samples/rust_*, built by Debian's rustc 1.63 for x86_64-pc-windows-gnu): their
output and exit codes as Windows gives them, worked out from Rust's documented behaviour: std's
console output over redirected handles, arguments by Windows' quoting rules, threads and their
synchronisation, HashMap's RandomState from the system generator, std::fs, time from the virtual
clock, panics (caught, in a thread, and the uncaught one's message and status 101), and stdin."""
import os
import subprocess
import sys

import pytest
from conftest import ROOT, run_kernel, sample_path


def test_rust_hello_prints_on_both_streams_and_exits_with_its_code():
    result = run_kernel("boot", sample_path("rust_hello"))
    assert result.stdout == b'hello from Rust\n2 + 3 = 5\n   3.142|ab    |0xff|Some("x")\n'
    assert result.stderr == b"to stderr: 42\n"
    assert result.returncode == 7


def test_rust_args_env_and_current_dir():
    result = run_kernel("boot", "--env", "RUST_SAMPLE=value one", sample_path("rust_args"),
                        "one", "two words", 'q"uote', "back\\slash", "")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        "5 arguments", "arg 0: [one]", "arg 1: [two words]", 'arg 2: [q"uote]', "arg 3: [back\\slash]", "arg 4: []",
        "RUST_SAMPLE=value one",
        "RUST_SAMPLE_MISSING: environment variable not found",
        "RUST_SET=from set_var", "after remove: true", "OS=Windows_NT",
        "current_dir absolute: true", "current_dir has a drive: true"]


def test_rust_args_unicode_quotes_and_backslashes_round_trip():
    """The command line is UTF-16 built by Windows' quoting rules; std decodes it back exactly,
    a backslash before a quote and a trailing backslash included."""
    result = run_kernel("boot", "--env", "RUST_SAMPLE=\u00e9 \u00fc \u65e5\u672c", sample_path("rust_args"),
                        "h\u00e9llo w\u00f6rld", 'a\\"b', "c:\\dir\\")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines()[:5] == [
        "3 arguments", "arg 0: [h\u00e9llo w\u00f6rld]", 'arg 1: [a\\"b]', "arg 2: [c:\\dir\\]",
        "RUST_SAMPLE=\u00e9 \u00fc \u65e5\u672c"]


@pytest.mark.parametrize("cpus", [1, 4])
def test_rust_threads_mutex_condvar_channels_atomics(cpus):
    result = run_kernel("boot", "--cpus", str(cpus), sample_path("rust_threads"), timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert result.stdout.decode().splitlines() == [
        "sums: [500500, 1001000, 1501500, 2002000]", "mutex counter: 4000", "condvar: woken",
        "channel: 15 messages, first 0, last 204", "atomic: 4000", 'thread name: Some("worker-7")',
        'main name: Some("main")', "slept at least 50 ms: true", f"available_parallelism: {cpus}"]


def test_rust_collections_hashmap_random_state():
    """RandomState's keys come from BCryptGenRandom (the system-preferred RNG): two states hash
    differently, one state hashes the same twice."""
    result = run_kernel("boot", sample_path("rust_collections"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        'words: [("brown", 1), ("dog", 1), ("fox", 2), ("jumps", 1), ("lazy", 1), ("over", 1), ("quick", 1), '
        '("the", 3)]',
        "the: 3, cat: None", "distinct squares mod 97: 49", "same state hashes equal: true",
        "two states differ: true",
        'btree: {"brown": 2, "dog": 8, "fox": 10, "jumps": 4, "lazy": 7, "over": 5, "quick": 1, "the": 9}',
        "deque: [0, 3, 4, 5, 1, 2]", "heap: [9, 8, 5, 3, 2, 1]", "sorted: [1, 2, 3, 4, 5, 6, 9]"]


def test_rust_files_std_fs_and_leaves_the_folder_as_it_was():
    before = sorted(os.listdir(ROOT))
    result = run_kernel("boot", sample_path("rust_files"), timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        "created: true", "len 35 file true dir false readonly false", "modified is set: true",
        'lines: ["line 1", "line 2", "line 3", "line 4", "line 5"]', 'last line: Some("appended")',
        "hard link lines: 6",
        "hard link again: os error Some(183)",                # ERROR_ALREADY_EXISTS
        "symlink: os error Some(1314)",                       # ERROR_PRIVILEGE_NOT_HELD: a standard user
        "read: [1, 2, 3, 4]", "copied 4 bytes", 'read_dir a: ["b/", "lines.txt", "y.bin"]',
        "open removed: NotFound (os error Some(2))",          # ERROR_FILE_NOT_FOUND
        "remove_dir non-empty: os error Some(145)",           # ERROR_DIR_NOT_EMPTY
        "removed all: true", "metadata of removed: true"]
    assert sorted(os.listdir(ROOT)) == before


def test_rust_time_from_the_virtual_clock():
    result = run_kernel("boot", sample_path("rust_time"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        "monotonic: true", "elapsed >= 100 ms: true", "elapsed < 10 s: true",
        "today: 2024-01-01",                                  # the virtual clock's documented start
        "system time advances: true", "checked_sub: None"]


def test_rust_panics_caught_in_a_thread_and_uncaught():
    """The default hook prints each panic on stderr (also the caught one); the uncaught panic in
    main ends the process with status 101."""
    result = run_kernel("boot", sample_path("rust_panics"))
    assert result.returncode == 101
    assert result.stdout == (b'caught: Some("caught one: 1")\nno panic: Some(42)\nthread panicked: true\n'
                             b"about to unwrap\n")
    assert result.stderr.decode().splitlines() == [
        "thread 'main' panicked at 'caught one: 1', rust_panics.rs:8:9",
        "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
        "thread 'doomed' panicked at 'index out of bounds: the len is 0 but the index is 3', rust_panics.rs:19:9",
        "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: \"bad value\"', "
        "rust_panics.rs:26:7"]


def test_rust_stdin_read_line_from_a_redirected_stdin():
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", sample_path("rust_stdin")], cwd=ROOT,
                            input=b"a line\r\n1\n2\r\n39\n", capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b'first line: "a line\\r\\n" (8 bytes)\n3 more lines, sum 42\n'


def test_rust_stdin_at_once_at_the_end():
    result = subprocess.run([sys.executable, "-m", "kernel", "boot", sample_path("rust_stdin")], cwd=ROOT,
                            input=b"", capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b'first line: "" (0 bytes)\n0 more lines, sum 0\n'


def test_rust_runs_repeat_exactly(tmp_path):
    """Four processors, threads parking on WaitOnAddress, the generator's seed from virtual time:
    the same output and scheduler events every run."""
    runs = []
    for i in range(2):
        events = tmp_path / f"events{i}.jsonl"
        result = run_kernel("boot", "--cpus", "4", "--events", str(events), sample_path("rust_threads"), timeout=300)
        runs.append((result.stdout, result.stderr, result.returncode, events.read_bytes()))
    assert runs[0] == runs[1]
    assert runs[0][2] == 0


def test_runtime_companions_and_thread_descriptions():
    """k32_rng (kernel32 only): ProcessPrng, BCryptGenRandom and the RNG algorithm handle,
    GetUserProfileDirectoryW and Set/GetThreadDescription with their documented failures."""
    result = run_kernel("boot", sample_path("k32_rng"))
    assert result.returncode == 0, result.stdout
    assert b"FAIL" not in result.stdout and result.stdout.count(b"\nok   ") == 30

