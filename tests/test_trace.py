"""Instruction traces: the system-call path in the stream, filters that select exactly what they
name, identical traces run to run, tracediff, the JSONL schema, and Tenet and drcov files read
back by readers written here from the formats' public descriptions."""
import json
import os
import struct

import pytest
from conftest import ROOT, run_kernel, sample_path

from kernel import errors

HELLO = "hello_ntwrite"
TWO_THREADS = "checksum"


def trace(tmp_path, name, *options, sample=HELLO, args=(), env_pure=False):
    out = tmp_path / name
    env = dict(os.environ)
    if env_pure:
        env["NTMINI_PURE_PYTHON"] = "1"
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "kernel", "trace", "-o", str(out), *options, sample_path(sample),
                             *args], cwd=ROOT, capture_output=True, timeout=300, env=env)
    assert result.returncode in (0, 7), result.stderr.decode()
    return out


def jsonl(path):
    with open(path) as f:
        return [json.loads(line) for line in f]


def insns(records):
    return [r for r in records if r["type"] == "insn"]


@pytest.fixture(scope="module")
def hello_full(tmp_path_factory):
    return jsonl(trace(tmp_path_factory.mktemp("full"), "full.jsonl"))


@pytest.fixture(scope="module")
def two_full(tmp_path_factory):
    return jsonl(trace(tmp_path_factory.mktemp("two"), "two.jsonl", sample=TWO_THREADS, args=("1",)))


def test_a_system_call_shows_ring3_syscall_kernel_stub_service_event_and_sysretq(hello_full):
    records = hello_full
    # The first NtWriteFile: its event, and the instructions around it.
    at = next(i for i, r in enumerate(records) if r["type"] == "event" and r["kind"] == "syscall"
              and r["name"] == "NtWriteFile")
    event = records[at]
    before = [r for r in records[:at] if r["type"] == "insn"]
    after = [r for r in records[at:] if r["type"] == "insn"]
    entry = max(i for i, r in enumerate(before) if r["disasm"] == "syscall")
    syscall = before[entry]
    assert syscall["ring"] == 3 and syscall["module"] == "ntdll.dll"
    assert syscall["symbol"].startswith("ntdll.dll!NtWriteFile")
    assert syscall["regs"]["rcx"] == hex(int(syscall["address"], 16) + 2)       # SYSCALL saved the return RIP
    stub = before[entry + 1:]
    assert stub[0]["ring"] == 0 and stub[0]["symbol"] == "ntoskrnl.exe!KiSystemCall64"
    assert stub[0]["disasm"] == "swapgs"
    assert all(r["ring"] == 0 for r in stub)
    assert any(r["symbol"] == "ntoskrnl.exe!KiSystemServiceGate" for r in after[:3])
    # The service event: name, decoded arguments, result.
    args = dict(event["args"])
    assert args["FileHandle"] == "0x8"
    assert '"Hello from ring 3 through NtWriteFile\\n"' in args["Buffer"]
    assert args["Length"] == "38"
    assert event["status"] == 0
    kinds = {r["kind"] for r in records if r["type"] == "event"}
    assert {"stage", "process-create", "image-load", "thread-create", "context", "switch", "syscall",
            "thread-exit", "process-exit"} <= kinds
    # Back to ring 3 with sysretq, right after the syscall instruction, RAX = the status.
    ret = next(i for i, r in enumerate(after) if r["disasm"] == "sysretq")
    assert all(r["ring"] == 0 for r in after[:ret + 1])
    back = after[ret + 1]
    assert back["ring"] == 3 and int(back["address"], 16) == int(syscall["address"], 16) + 2
    rax_loads = [r for r in after[:ret] if "rax" in r["regs"]]
    assert rax_loads[-1]["regs"]["rax"] == "0x0"


def test_instruction_records_carry_registers_and_memory_with_values(hello_full):
    push = next(r for r in insns(hello_full) if r["disasm"].startswith("push ") and r["ring"] == 3)
    rsp = int(push["regs"]["rsp"], 16)
    write = [m for m in push["mem"] if m["access"] == "w"]
    assert write and int(write[0]["address"], 16) == rsp and write[0]["size"] == 8
    load = next(r for r in insns(hello_full) if r["disasm"].startswith("mov r") and "ptr [" in r["disasm"]
                and r["mem"] and r["mem"][0]["access"] == "r" and r["mem"][0]["size"] == 8)
    reg = load["disasm"].split()[1].rstrip(",")
    assert int(load["regs"][reg], 16) == int.from_bytes(bytes.fromhex(load["mem"][0]["value"]), "little")
    times = [r["time"] for r in insns(hello_full)]
    assert times == sorted(times)
    retired = [r["time"] for r in insns(hello_full) if not r.get("faulted")]    # a fault retires nothing
    assert len(set(retired)) == len(retired)


def _same(a, b):
    return [(r["time"], r["address"], r["regs"], r["mem"]) for r in a] == \
        [(r["time"], r["address"], r["regs"], r["mem"]) for r in b]


def test_ring_filters_select_exactly_their_ring(tmp_path, hello_full):
    user = insns(jsonl(trace(tmp_path, "user.jsonl", "--ring", "user")))
    kernel = insns(jsonl(trace(tmp_path, "kernel.jsonl", "--ring", "kernel")))
    full = insns(hello_full)
    assert user and kernel
    assert _same(user, [r for r in full if r["ring"] == 3])
    assert _same(kernel, [r for r in full if r["ring"] == 0])


def test_module_and_range_filters_select_exactly_their_addresses(tmp_path, hello_full):
    full = insns(hello_full)
    ntdll = next(r for r in hello_full if r["type"] == "event" and r["kind"] == "image-load"
                 and r["name"] == "ntdll.dll")
    lo, hi = ntdll["base"], ntdll["base"] + ntdll["size"]
    by_module = insns(jsonl(trace(tmp_path, "mod.jsonl", "--module", "ntdll.dll")))
    assert by_module and _same(by_module, [r for r in full if lo <= int(r["address"], 16) < hi])
    kernel = next(r for r in hello_full if r["type"] == "event" and r["kind"] == "image-load"
                  and r["name"] == "ntoskrnl.exe")
    k_lo = kernel["base"] + 0x1000
    k_hi = k_lo + 0x80
    by_range = insns(jsonl(trace(tmp_path, "range.jsonl", "--range", f"{k_lo:x}-{k_hi:x}")))
    assert by_range and _same(by_range, [r for r in full if k_lo <= int(r["address"], 16) < k_hi])


def test_thread_filter_selects_exactly_one_thread(tmp_path, two_full):
    full = insns(two_full)
    tids = sorted({r["tid"] for r in full})
    assert len(tids) == 3                       # the main thread and two workers
    one = jsonl(trace(tmp_path, "t.jsonl", "--thread", str(tids[1]), sample=TWO_THREADS, args=("1",)))
    assert _same(insns(one), [r for r in full if r["tid"] == tids[1]])
    for r in one:
        if r["type"] == "event" and "tid" in r:
            assert r["tid"] == tids[1]


def test_start_and_stop_by_count_and_address(tmp_path, hello_full):
    full = insns(hello_full)
    window = insns(jsonl(trace(tmp_path, "w.jsonl", "--start", "icount:100", "--stop", "icount:200")))
    assert _same(window, [r for r in full if 100 <= r["time"] < 200])
    target = next(r for r in full if r["symbol"] == "ntdll.dll!NtWriteFile")
    from_addr = insns(jsonl(trace(tmp_path, "a.jsonl", "--start", "ntdll!NtWriteFile")))
    first = full.index(target)
    assert _same(from_addr, full[first:])


def test_two_runs_give_byte_identical_traces(tmp_path):
    for fmt in ("txt", "jsonl"):
        a = trace(tmp_path, f"a.{fmt}", sample=TWO_THREADS, args=("1",)).read_bytes()
        b = trace(tmp_path, f"b.{fmt}", sample=TWO_THREADS, args=("1",)).read_bytes()
        assert a == b and len(a) > 10000


def test_pure_python_capture_writes_the_identical_trace(tmp_path):
    from kernel.hal.native_lib import native_library
    if native_library() is None:
        pytest.skip("the native helper is not built")
    a = trace(tmp_path, "native.txt", sample=TWO_THREADS, args=("1",)).read_bytes()
    b = trace(tmp_path, "python.txt", sample=TWO_THREADS, args=("1",), env_pure=True).read_bytes()
    assert a == b


def test_tracediff_finds_a_planted_divergence(tmp_path):
    a = trace(tmp_path, "a.txt")
    lines = a.read_text().splitlines(keepends=True)
    planted = next(i for i, line in enumerate(lines) if " r3 " in line and "mov" in line and i > 200)
    changed = lines[:planted] + [lines[planted].replace("mov", "add", 1)] + lines[planted + 1:]
    b = tmp_path / "b.txt"
    b.write_text("".join(changed))
    same = run_kernel("tracediff", str(a), str(a))
    assert same.returncode == 0 and b"identical" in same.stdout
    diff = run_kernel("tracediff", "--context", "3", str(a), str(b))
    assert diff.returncode == 1
    out = diff.stdout.decode().splitlines()
    time = lines[planted].split()[0]
    assert out[0] == f"traces differ at record {planted + 1} (time {time})"
    assert len(out) == 1 + 3 + 2
    assert out[-2].startswith("- ") and out[-1].startswith("+ ") and "add" in out[-1]
    short = tmp_path / "short.txt"
    short.write_text("".join(lines[:50]))
    cut = run_kernel("tracediff", str(a), str(short))
    assert cut.returncode == 1 and b"traces differ at record 51" in cut.stdout
    missing = run_kernel("tracediff", str(a), str(tmp_path / "nope.txt"))
    assert missing.returncode == errors.EXIT_NO_INPUT and missing.stderr.count(b"\n") == 1


def record_shape(value):
    """The structure of a JSON value without its values: key sets, list shapes, leaf types."""
    if isinstance(value, dict):
        return tuple(sorted((k, record_shape(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("list", tuple(sorted({record_shape(v) for v in value}, key=repr)))
    return type(value).__name__


def test_jsonl_follows_its_schema(hello_full, two_full):
    jsonschema = pytest.importorskip("jsonschema")
    with open(os.path.join(ROOT, "kernel", "trace", "schema.json")) as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    # Every record of a distinct shape (its type and the key sets at every level) is validated:
    # records of one shape differ only in their values, of which every 50th record's are checked.
    seen = set()
    for n, record in enumerate(hello_full + two_full):
        key = record_shape(record)
        if key not in seen or n % 50 == 0:
            seen.add(key)
            validator.validate(record)
    assert len(seen) > 10
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"type": "insn", "time": 1})


# -- Tenet: each line lists the registers changed since the previous line (the first of a
# thread: all of them), rip, and the instruction's memory reads and writes as mr=/mw=ADDR:HEX.
def read_tenet(path):
    steps = []
    regs = {}
    for line in open(path):
        mem = []
        for item in line.strip().split(","):
            key, _, value = item.partition("=")
            if key in ("mr", "mw"):
                address, _, data = value.partition(":")
                mem.append((key[1], int(address, 16), bytes.fromhex(data)))
            else:
                regs[key] = int(value, 16)
        steps.append((dict(regs), mem))
    return steps


def test_tenet_trace_agrees_with_the_text_trace(tmp_path):
    thread = "12"                               # the initial thread of the first process
    text = trace(tmp_path, "t.jsonl", "--thread", thread)
    tenet = trace(tmp_path, "t.tenet", "--thread", thread)
    records = insns(jsonl(text))
    steps = read_tenet(tenet)
    assert len(steps) == len(records)
    state = {}
    for n, (record, (regs, mem)) in enumerate(zip(records, steps, strict=True)):
        assert regs["rip"] == int(record["address"], 16)
        if n:                                   # registers now = what the text trace says was written
            for name, value in records[n - 1]["regs"].items():
                if name in regs:
                    assert regs[name] == int(value, 16), (n, name)
        for name, value in record["regs"].items():
            state[name] = value
        expected = [(m["access"], int(m["address"], 16), bytes.fromhex(m["value"])) for m in record["mem"]
                    if m["value"] is not None]
        assert mem == expected
    assert {"rax", "rsp", "rip", "r15"} <= set(steps[0][0])


# -- drcov 2: text header, "Module Table: version 2, count N", a columns line, N module lines,
# "BB Table: M bbs", then M binary records {u32 start offset, u16 size, u16 module id}.
def read_drcov(path):
    data = open(path, "rb").read()
    marker = data.index(b"BB Table:")
    end = data.index(b"\n", marker) + 1
    header = data[:end].decode().splitlines()
    assert header[0] == "DRCOV VERSION: 2"
    count = int(header[2].split("count")[1])
    columns = [c.strip() for c in header[3].split(":", 1)[1].split(",")]
    modules = []
    for line in header[4:4 + count]:
        cells = dict(zip(columns, (c.strip() for c in line.split(",", len(columns) - 1)), strict=True))
        modules.append((int(cells["base"], 16), int(cells["end"], 16), cells["path"]))
    bbs = int(header[4 + count].split()[2])
    blocks = list(struct.iter_unpack("<IHH", data[end:]))
    assert len(blocks) == bbs
    return modules, blocks


def test_drcov_coverage_agrees_with_the_text_trace(tmp_path):
    records = insns(jsonl(trace(tmp_path, "t.jsonl")))
    modules, blocks = read_drcov(trace(tmp_path, "t.drcov"))
    covered = set()
    for start, size, mod in blocks:
        base, end, _path = modules[mod]
        assert base + start + size <= end
        covered.update(range(base + start, base + start + size))
    executed = {int(r["address"], 16) for r in records if r["module"]}
    starts = {base + start for start, _size, mod in blocks for base in [modules[mod][0]]}
    assert executed <= covered                  # every executed instruction is covered
    assert starts <= executed                   # every block begins at an executed instruction
    assert any(p.endswith("ntdll.dll") for _b, _e, p in modules)


def test_syscalls_option_prints_an_strace_like_log(tmp_path):
    result = run_kernel("trace", "--syscalls", sample_path(HELLO))
    assert result.returncode == 7
    lines = result.stderr.decode().splitlines()
    writes = [line for line in lines if "NtWriteFile(" in line]
    assert len(writes) == 2
    assert 'Buffer=0x140002027 -> "second line\\n"' in writes[1] or '"second line\\n"' in writes[1]
    assert writes[0].endswith("= 0x00000000 STATUS_SUCCESS")
    assert any("NtTerminateProcess(ProcessHandle=NtCurrentProcess" in line for line in lines)
    assert result.stdout.startswith(b"Hello from ring 3")


@pytest.mark.parametrize("options,words", [
    ((), "-o FILE is required"),
    (("-o", "x.txt", "--range", "zz"), "--range zz"),
    (("-o", "x.txt", "--module", "nosuch.dll"), "--module nosuch.dll: not loaded"),
    (("-o", "x.txt", "--start", "nosuch!Thing"), "--start nosuch!Thing"),
])
def test_bad_trace_options_get_one_line_and_the_usage_status(tmp_path, options, words):
    result = run_kernel("trace", *[o.replace("x.txt", str(tmp_path / "x.txt")) for o in options],
                        sample_path(HELLO))
    assert result.returncode == errors.EXIT_USAGE
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and words in lines[0]


def test_an_unwritable_trace_file_gets_its_own_status(tmp_path):
    result = run_kernel("trace", "-o", str(tmp_path / "no" / "dir" / "t.txt"), sample_path(HELLO))
    assert result.returncode == errors.EXIT_CANT_CREATE
    assert result.stderr.decode().count("\n") == 1


def test_a_faulting_instruction_is_marked_and_followed_by_the_fault(tmp_path):
    out = tmp_path / "fault.jsonl"
    result = run_kernel("trace", "-o", str(out), sample_path("kernel_touch"))
    assert result.returncode == 0xC0000005 & 0xFF
    records = jsonl(out)
    # The sample's read of kernel memory (earlier faults, such as the loader's stack growing, are
    # resolved and run on).
    at = next(i for i, r in enumerate(records)
              if r.get("faulted") and r.get("mem") and r["mem"][0]["address"] == "0xfffff78000000000")
    faulted = records[at]
    assert faulted["ring"] == 3 and faulted["regs"] == {}
    assert faulted["mem"] == [{"access": "r", "address": "0xfffff78000000000", "size": 8, "value": None}]
    following = insns(records[at + 1:])
    assert following[0]["symbol"] == "ntoskrnl.exe!KiPageFault"
    fault = next(r for r in records[at:] if r["type"] == "event" and r["kind"] == "fault")
    assert fault["rip"] == int(faulted["address"], 16) and fault["status"] == 0xC0000005
