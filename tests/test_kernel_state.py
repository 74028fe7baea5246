"""The kernel's state is guest memory: at break points, `dt` reads the KPRCB's ReadySummary and
ready lists, KWAIT_BLOCKs, a mutant's owner and the handle table's entries, and they agree with
what the scheduler's events say; `!process 0 0` walks ActiveProcessLinks in guest memory."""
import re
import struct

from conftest import run_kernel, sample_path

from kernel.debug.breaks import Break, Debugger
from kernel.debug.commands import execute
from kernel.ps.create import CreateRequest
from kernel.session import Session

Ready, Running, Waiting = 1, 2, 5
READY_HEADS, WAIT_LIST_ENTRY, MUTANT_LIST_HEAD = 0x7C80, 0xD8, 0x308


def dt(target, command) -> dict:
    """A `dt` command's fields, by name: the value's first word (hex or 0n decimal)."""
    lines = []
    execute(target, command, lines.append)
    fields = {}
    for line in lines:
        m = re.match(r"\s+\+0x[0-9a-f]+ (\w+)\s+: (.*)", line)
        if not m:
            continue
        text = m.group(2).replace("`", "")
        word = text.split()[0]
        bits = re.search(r"\((0x\w+)\)", text)
        if word.startswith("0y"):
            fields[m.group(1)] = int(bits.group(1), 16) if bits else int(word[2:], 2)
        elif word.startswith("0n"):
            fields[m.group(1)] = int(word[2:])
        elif word == "(null)":
            fields[m.group(1)] = 0
        elif re.fullmatch(r"0x\w+|\d", word):
            fields[m.group(1)] = int(word, 16)
    return fields


def guest_list(target, head: int, link: int) -> list:
    """The structures on a LIST_ENTRY list, each link read with `dt _LIST_ENTRY`."""
    out, entry = [], dt(target, f"dt _LIST_ENTRY {head:x}")["Flink"]
    while entry != head:
        out.append(entry - link)
        entry = dt(target, f"dt _LIST_ENTRY {entry:x}")["Flink"]
        assert len(out) < 2000
    return out


def tid_of(target, thread: int) -> int:
    lines = []
    execute(target, f"dt _ETHREAD {thread:x} Cid", lines.append)
    return int(re.search(r"_CLIENT_ID \{\w+\.(\w+)\}", "\n".join(lines)).group(1), 16)


def instructions_of(sample, args=(), since_second_thread=False) -> int:
    """The run's instructions (or, asked, the time its second thread was created, and the total)."""
    session = Session(256 << 20)
    session.kernel.output_sink = lambda fd, data: None
    created = []
    session.kernel.events.subscribe(lambda e: created.append(e.fields["time"]), ("thread-create",))
    process, thread = session.create_process(CreateRequest(sample_path(sample), list(args)))
    total = session.run(process, thread).instructions
    return (created[1] if len(created) > 1 else 0, total) if since_second_thread else total


def spread(sample, args=(), points=24, start=0.1) -> list:
    """Break points spread over the run's instructions once the program's own threads exist
    (the loader's start-up, kernel32's among it, comes first), from `start` of the way on."""
    begin, total = instructions_of(sample, args, since_second_thread=True)
    first = begin + int((total - begin) * start)
    return list(range(first, total, max(1, (total - first) // points)))[:points]


def run_with_breaks(sample, args, counts, inspect, cpus=1):
    """Boot `sample`, calling inspect(target, events so far) at each icount break."""
    session = Session(256 << 20, cpus)
    kernel = session.kernel
    kernel.output_sink = lambda fd, data: None
    events = []
    kernel.events.subscribe(lambda e: events.append((e.kind, dict(e.fields))), ("switch", "unwait", "thread-exit"))
    process, thread = session.create_process(CreateRequest(sample_path(sample), list(args)))
    debugger = Debugger(kernel, [Break(f"icount:{n}") for n in counts], None, False, out=lambda line: None)
    seen = []
    debugger.stop = lambda target: seen.append(inspect(target, list(events)))
    debugger.on_created(process, thread)
    result = session.run(process, thread)
    assert result.exit_code == 0 and len(seen) == len(counts)
    return seen


def expected_ready(events) -> list:
    """The ready list the switch events imply: a thread that left the processor Ready goes to
    the tail (to the head when preempted), a thread switched in leaves it."""
    ready = []
    for kind, f in events:
        if kind != "switch":
            continue
        if f["new_tid"] in ready:
            ready.remove(f["new_tid"])
        if f["old_state"] == Ready and f["old_tid"]:
            if f["reason"] == "preempt":
                ready.insert(0, f["old_tid"])
            else:
                ready.append(f["old_tid"])
    return ready


def test_the_ready_lists_and_summary_are_the_kprcbs_and_match_the_switch_events():
    def inspect(target, events):
        prcb = dt(target, "dt _KPRCB @$prcb ReadySummary CurrentThread")
        running = [f for kind, f in events if kind == "switch"][-1]["new_tid"]
        assert tid_of(target, prcb["CurrentThread"]) == running == target.thread.tid
        assert prcb["ReadySummary"] == 1 << 9                  # the yielders' priority only
        threads = guest_list(target, target.evaluate("@$prcb") + READY_HEADS + 16 * 9, WAIT_LIST_ENTRY)
        for t in threads:
            assert dt(target, f"dt _KTHREAD {t:x} State Priority") == {"State": Ready, "Priority": 9}
        assert [tid_of(target, t) for t in threads] == expected_ready(events)
        return len(threads)

    # the middle of the yielding, where all ten take turns
    counts = spread("switch_bench", ["10", "1000", "0"], points=5, start=0.5)
    seen = run_with_breaks("switch_bench", ["10", "1000", "0"], counts, inspect)
    assert seen == [9] * len(counts)


def test_wait_blocks_and_mutant_ownership_are_guest_memory_and_match_the_events():
    """mutant_abandon: the main thread waits on a thread that takes the mutant and ends owning
    it. Each waiting thread's KWAIT_BLOCKs name it and its object and sit on the object's
    WaitListHead; a mutant's OwnerThread holds it on its MutantListHead."""
    def inspect(target, events):
        state = {"waits": 0, "owned": 0}
        process = target.evaluate("@$proc")
        for thread in guest_list(target, process + 0x5E0, 0x4E8):        # EPROCESS.ThreadListHead
            k = dt(target, f"dt _KTHREAD {thread:x} State WaitBlockList WaitBlockCount WaitStatus MutantListHead")
            tid = tid_of(target, thread)
            left = [f for kind, f in events if kind == "switch" and f["old_tid"] == tid]
            woken = [f for kind, f in events if kind == "unwait" and f["tid"] == tid]
            if k["State"] == Waiting:
                # its last switch was a wait, and no unwait came since
                assert left[-1]["reason"] == "wait" and left[-1]["old_state"] == Waiting
                assert len(woken) < len(left)
                for n in range(k["WaitBlockCount"]):
                    block = k["WaitBlockList"] + 0x30 * n
                    b = dt(target, f"dt _KWAIT_BLOCK {block:x}")
                    assert (b["Thread"], b["WaitKey"], b["BlockState"], b["WaitType"]) == (thread, n, 4, 1)
                    assert block in guest_list(target, b["Object"] + 8, 0)   # DISPATCHER_HEADER.WaitListHead
                    state["waits"] += 1
            elif woken:
                # a satisfied wait left its status in KTHREAD.WaitStatus
                assert k["WaitStatus"] == woken[-1]["status"]
            for mutant in guest_list(target, thread + MUTANT_LIST_HEAD, 0x18):
                assert dt(target, f"dt _KMUTANT {mutant:x} OwnerThread")["OwnerThread"] == thread
                state["owned"] += 1
        return state

    seen = run_with_breaks("mutant_abandon", [], spread("mutant_abandon", points=40), inspect)
    assert any(s["waits"] for s in seen) and any(s["owned"] for s in seen)


def test_handle_table_entries_decode_to_the_objects_and_their_types():
    def inspect(target, events):
        lines = []
        execute(target, "!handle 0 3", lines.append)
        text = "\n".join(lines)
        table = dt(target, "dt _EPROCESS @$proc ObjectTable")["ObjectTable"]
        code = dt(target, f"dt _HANDLE_TABLE {table:x} TableCode")["TableCode"]
        found = {}
        for m in re.finditer(r"(\w{4}): Object: (\w+)  GrantedAccess: (\w+) Entry: (\w+)\n"
                             r"Object: \w+  Type: \(\w+\) (\w+)", text):
            handle, body, access, entry, type_name = m.groups()
            e = dt(target, f"dt _HANDLE_TABLE_ENTRY {entry}")
            assert (e["ObjectPointerBits"] << 4) | 0xFFFF000000000000 == int(body, 16) - 0x30
            assert e["GrantedAccessBits"] == int(access, 16) and e["Unlocked"] == 1
            assert int(entry, 16) == (code & ~3) + 16 * (int(handle, 16) >> 2)   # one level here
            found[int(handle, 16)] = type_name
        # the handles Python's table hands out are those of the guest's table
        assert sorted(found) == [h for h, _ in target.process.handles.items()]
        return found

    seen = run_with_breaks("mutant_abandon", [], spread("mutant_abandon", points=16), inspect)
    assert {"File", "Mutant", "Thread"} <= {name for found in seen for name in found.values()}


def test_process_list_walks_active_process_links_in_guest_memory():
    """A process linked into ActiveProcessLinks by writes to guest memory alone, with no Python
    object behind it, shows in `!process 0 0`."""
    session = Session(256 << 20)
    kernel = session.kernel
    kernel.output_sink = lambda fd, data: None
    process, thread = session.create_process(CreateRequest(sample_path("hello_ntwrite"), []))
    system = kernel.system
    from kernel.layouts import LAYOUTS
    ep = system.allocate_pool(LAYOUTS["EPROCESS"].size, 0x10)
    links = ep + LAYOUTS["EPROCESS"].offset("ActiveProcessLinks")
    head = kernel.active_process_head
    last = struct.unpack("<Q", system.read(head + 8, 8))[0]
    system.write(ep + LAYOUTS["EPROCESS"].offset("UniqueProcessId"), struct.pack("<Q", 0x1234))
    system.write(ep + LAYOUTS["EPROCESS"].offset("ImageFileName"), b"ghost.exe\0")
    system.write(links, struct.pack("<QQ", head, last))
    system.write(last, struct.pack("<Q", links))
    system.write(head + 8, struct.pack("<Q", links))
    from kernel.debug.target import Target
    lines = []
    execute(Target(kernel, process, thread), "!process 0 0; !process 1234 0", lines.append)
    text = "\n".join(lines)
    assert f"PROCESS {ep:016x}" in text and "Cid: 1234" in text and "Image: ghost.exe" in text
    assert text.count("Image: ghost.exe") == 2 and "Image: System" in text
    assert all(p.address != ep for p in kernel.processes)


def test_lm_lists_the_kernel_modules_from_ps_loaded_module_list_and_ready_shows_the_lists():
    begin, total = instructions_of("switch_bench", ["10", "1000"], since_second_thread=True)
    at = begin + (total - begin) * 3 // 4
    result = run_kernel("boot", "--break", f"icount:{at}", "-c", "lm; !ready", sample_path("switch_bench"),
                        "10", "1000")
    out = result.stdout.decode()
    assert re.search(r"fffff800`00000000 fffff800`\w+   nt\s+\(export symbols\)\s+ntoskrnl.exe", out)
    assert "ntdll" in out and "switch_bench" in out
    assert "Processor 0: ReadySummary 00000200" in out
    assert out.count("READY on processor 0") == 9


def test_a_handle_table_grows_a_level_and_reuses_freed_entries_first():
    from kernel.ke.wait import KEvent
    session = Session(256 << 20)
    kernel = session.kernel
    table = kernel.system_process.handles
    events = [KEvent(kernel, 0, False) for _ in range(600)]
    handles = [table.insert(e, 0x1F0003) for e in events]
    assert 0x400 not in handles and handles[-1] > 0x400            # a leaf's first entry is reserved
    code = struct.unpack("<Q", kernel.system.read(table.address + 8, 8))[0]
    assert code & 3 == 1                                           # TableCode: one level of leaves above
    assert all(table.lookup(h) is e for h, e in zip(handles, events, strict=True))
    assert table.close(handles[300]) is events[300] and events[300].handle_count == 0
    assert table.insert(events[0]) == handles[300] and events[0].handle_count == 2
    assert [h for h, _ in table.items()] == sorted(handles)


def test_lm_and_symbols_fall_back_to_the_image_views_before_peb_ldr_exists():
    """Before the loader has built PEB->Ldr, `lm` and the symbols come from the MEM_IMAGE views
    the kernel mapped, with the exports read from the images in guest memory."""
    from kernel.debug.target import Target
    from kernel.layouts import LAYOUTS
    session = Session(256 << 20)
    kernel = session.kernel
    process, thread = session.create_process(CreateRequest(sample_path("hello_ntwrite"), []))
    process.space.write(process.peb + LAYOUTS["PEB"].offset("Ldr"), b"\0" * 8)
    target = Target(kernel, process, thread)
    lines = []
    execute(target, "lm; u ntdll!RtlUserThreadStart L1", lines.append)
    text = "\n".join(lines)
    assert re.search(r"00000001`40000000 \w+`\w+   hello_ntwrite .* hello_ntwrite.exe", text)
    assert "ntdll      (export symbols)       ntdll.dll" in text and "ntdll!RtlUserThreadStart:" in text
