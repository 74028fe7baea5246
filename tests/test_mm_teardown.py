"""An exited process gives back every page frame it owned (MmCleanProcessAddressSpace at exit,
MmDeleteProcessAddressSpace with the process object), and never a frame the system owns."""
from conftest import sample_path

from kernel.ps.create import CreateRequest
from kernel.session import Session


def _session():
    session = Session(128 << 20)
    session.kernel.fault_sink = lambda line: None
    return session


def _run(session, name, args=()):
    out = []
    session.kernel.output_sink = lambda fd, data: out.append(bytes(data))
    process, thread = session.create_process(CreateRequest(sample_path(name), list(args)))
    session.run(process, thread)
    return process, b"".join(out)


def _check_free_list(kernel):
    pfn = kernel.system.pfn
    assert len(pfn._free) == len(set(pfn._free)), "a frame was freed twice"
    assert kernel.system.kuser_pa not in pfn._free          # KUSER_SHARED_DATA is the system's
    for _va, pa, size in kernel.system._linear:             # pool, kernel images
        assert not any(pa <= f < pa + size for f in pfn._free)


def test_twenty_sequential_processes_leave_no_frames_behind():
    session = _session()
    pfn = session.kernel.system.pfn
    before = pfn.available
    free = []
    for _ in range(20):
        process, _out = _run(session, "kernel_touch")
        assert process.exit_status == 0xC0000005
        assert process.space is None                        # the object went with the launcher's handles
        free.append(pfn.available)
    assert free == [free[0]] * 20
    assert free[0] == before
    _check_free_list(session.kernel)


def test_a_parent_and_its_children_give_everything_back():
    """k32_process creates children, waits for them and reads their exit codes through its
    handles (the process object outlives the address space); afterwards nothing is left."""
    session = _session()
    pfn = session.kernel.system.pfn
    before = pfn.available
    process, out = _run(session, "k32_process")
    assert process.exit_status == 0 and b"FAIL" not in out and b"ok " in out
    assert pfn.available == before
    children = [p for p in session.kernel.processes if p is not process and p.pid != 4 and p.exited]
    assert children and all(p.space is None for p in children)
    process, out = _run(session, "hello_ntwrite")
    assert pfn.available == before
    _check_free_list(session.kernel)


def test_an_open_handle_keeps_the_page_directory_but_not_the_address_space():
    """Until the last handle closes, the exited process keeps its PML4 (one frame) and its exit
    status; its user half is already gone."""
    from kernel.mm.teardown import MmDeleteProcessAddressSpace
    session = _session()
    kernel = session.kernel
    pfn = kernel.system.pfn
    before = pfn.available
    process, thread = session.create_process(CreateRequest(sample_path("kernel_touch")))
    handle = kernel.system_process.handles.insert(process)      # someone else holds it too
    session.run(process, thread)
    assert process.exited and process.exit_status == 0xC0000005
    assert process.space is not None and len(process.space.vads) == 0 and process.space.commit_charge == 0
    assert pfn.available == before - 1                      # the page directory alone
    pml4 = process.space.cr3
    tables = process.space.tables
    assert all(tables.phys.read_q(pml4 + 8 * i) == 0 for i in range(256))
    kernel.system_process.handles.close(handle)
    assert process.space is None and pfn.available == before
    MmDeleteProcessAddressSpace(process)                    # once only
    assert pfn.available == before
    _check_free_list(kernel)


def test_a_data_section_shared_with_a_live_process_keeps_its_frames():
    """k32_mapping maps sections (named, file-backed, views in one process); whatever it leaves
    mapped goes with it, and the frames come back exactly once."""
    session = _session()
    pfn = session.kernel.system.pfn
    before = pfn.available
    process, out = _run(session, "k32_mapping")
    assert b"FAIL" not in out
    assert pfn.available == before
    _check_free_list(session.kernel)


def test_runs_of_one_session_share_its_temporary_folder_until_it_closes():
    """C:\\Temp lives as long as the session: a second k32_process (it rewrites C:\\Temp\\text.exe
    and runs it) works as the first did, and close() removes the folder."""
    import os

    session = _session()
    for _ in range(2):
        process, out = _run(session, "k32_process")
        assert process.exit_status == 0 and b"FAIL" not in out, out
    temp = [m.host for m in session.kernel.io.mounts.mounts if m.removable]
    assert temp and all(os.path.isdir(t) for t in temp)
    session.close()
    assert not any(os.path.exists(t) for t in temp)
