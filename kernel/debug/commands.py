"""Debugger commands with WinDbg's names and output layouts.

Every command reads guest memory (or, for VADs, the executive's own tree): what it prints is
what the kernel uses. Commands are separated by ';'.
"""
import shlex
import struct

from ..ke.kthread import STATE_NAMES, Waiting
from ..layouts import LAYOUTS
from ..mm.pte import NX, PFN_MASK, PS, RW, US, A, D, G, P, pte_protection
from ..mm.vad import MEM_IMAGE, MEM_MAPPED
from ..ob.handles import decode_entry, in_use_entries
from ..ob.object import decode_type_index
from .dt import cmd_dt
from .exr import cmd_cxr, cmd_exr
from .jobview import cmd_job
from .klists import active_processes, loader_entries, process_threads, ready_threads
from .target import DebugError, Target, fmt_addr

WAIT_REASONS = {0: "Executive", 4: "DelayExecution", 5: "Suspended", 6: "UserRequest", 13: "WrUserRequest"}
OBJECT_KINDS = {0: "NotificationEvent", 1: "SynchronizationEvent", 2: "Mutant", 3: "ProcessObject",
                5: "SemaphoreObject", 6: "ThreadObject"}
PROTECT_NAMES = {0x01: "NO_ACCESS", 0x02: "READONLY", 0x04: "READWRITE", 0x08: "WRITECOPY", 0x10: "EXECUTE",
                 0x20: "EXECUTE_READ", 0x40: "EXECUTE_READWRITE", 0x80: "EXECUTE_WRITECOPY"}


def _known(target: Target, eprocess: int):
    """The executive's process object at this address, when it has one (for its VADs)."""
    return next((p for p in target.kernel.processes if p.address == eprocess), None)


def _find_process(target: Target, ident: int) -> int | None:
    for ep in active_processes(target):
        if ident == ep or ident == target.view("EPROCESS", ep).UniqueProcessId:
            return ep
    if ident == 0:
        return None
    raise DebugError(f"Process {ident:x} not found")


def _elapsed(target: Target, create_time: int) -> str:
    ms = max(0, target.kernel.system_time() - create_time) // 10_000
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _image_name(ep) -> str:
    return ep.ImageFileName.rstrip(b"\0").decode("ascii", "replace")


def _process_lines(target: Target, address: int, flags: int, out) -> None:
    ep = target.view("EPROCESS", address)
    peb = ep.Peb
    out(f"PROCESS {address:016x}")
    session = "none" if not peb else "1"
    parent = ep.InheritedFromUniqueProcessId
    out(f"    SessionId: {session}  Cid: {ep.UniqueProcessId:04x}    Peb: {peb:08x}  ParentCid: {parent:04x}")
    table = ep.ObjectTable
    count = len(handle_entries(target, table)) if table else 0
    out(f"    DirBase: {ep.Pcb.DirectoryTableBase:08x}  ObjectTable: {table:016x}  HandleCount: {count:>4}.")
    out(f"    Image: {_image_name(ep)}")
    if flags & 1:
        known = _known(target, address)
        if known is not None and known.space is not None:
            out(f"    Vads {len(known.space.vads)}")
        out(f"    ElapsedTime                       {_elapsed(target, ep.CreateTime.QuadPart)}")
        out(f"    BasePriority                      {ep.Pcb.BasePriority}")
        out(f"    QuantumReset                      {ep.Pcb.QuantumReset}")
        out(f"    Affinity                          {ep.Pcb.Affinity.item('Bitmap', 0):x}")
        out(f"    ActiveThreads                     {ep.ActiveThreads}")
        out(f"    ExitStatus                        {ep.ExitStatus & 0xFFFFFFFF:08x}")
        out("")
    if flags & 2:
        for t in process_threads(target, address):
            _thread_lines(target, t, out, indent="        ")
            out("")


def cmd_process(target: Target, args: list[str], out) -> None:
    """!process [0 | Cid | EPROCESS] [Flags]: Flags 0 brief, 1 details, 2 threads, 7 all. The
    processes are those on PsActiveProcessHead, walked in guest memory."""
    ident = target.evaluate(args[0]) if args else None
    flags = target.evaluate(args[1]) if len(args) > 1 else (0 if ident == 0 else 7)
    if ident is None:
        _process_lines(target, target.process.address, flags, out)
        return
    if ident == 0:
        out("**** NT ACTIVE PROCESS DUMP ****")
        for ep in active_processes(target):
            _process_lines(target, ep, flags, out)
            out("")
        return
    _process_lines(target, _find_process(target, ident), flags, out)


def _thread_head(target: Target, address: int) -> str:
    et = target.view("ETHREAD", address)
    tcb = et.Tcb
    state = STATE_NAMES[tcb.State] if tcb.State < len(STATE_NAMES) else str(tcb.State)
    where = f"{state.upper()} on processor {tcb.NextProcessor:x}" if state in ("Running", "Ready") \
        else state.upper()
    return (f"THREAD {address:016x}  Cid {et.Cid.UniqueProcess:04x}.{et.Cid.UniqueThread:04x}  "
            f"Teb: {tcb.Teb:016x} Win32Thread: {tcb.Win32Thread:016x} {where}")


def _thread_lines(target: Target, address: int, out, indent: str = "") -> None:
    et = target.view("ETHREAD", address)
    tcb = et.Tcb
    process = tcb.Process
    out(indent + _thread_head(target, address))
    if tcb.State == Waiting and tcb.WaitBlockList:
        out(f"{indent}    {WAIT_REASONS.get(tcb.WaitReason, tcb.WaitReason)}: "
            + ("UserMode" if tcb.WaitMode else "KernelMode") + " Non-Alertable")
        for n in range(tcb.WaitBlockCount):
            block = target.view("KWAIT_BLOCK", tcb.WaitBlockList + n * 0x30)
            header = target.view("DISPATCHER_HEADER", block.Object)
            kind = OBJECT_KINDS.get(header.Type, "Object")
            out(f"{indent}        {block.Object:016x}  {kind:<20} SignalState {header.SignalState}")
    out(f"{indent}Owning Process            {process:016x}       Image:         "
        f"{_image_name(target.view('EPROCESS', process))}")
    out(f"{indent}Context Switch Count      {tcb.ContextSwitches:<14} IdealProcessor: {tcb.IdealProcessor}")
    out(f"{indent}Win32 Start Address {target.symbol(et.Win32StartAddress)} (0x{fmt_addr(et.Win32StartAddress)})")
    out(f"{indent}Stack Init {tcb.InitialStack:016x} Current {tcb.KernelStack:016x}")
    out(f"{indent}Base {tcb.StackBase:016x} Limit {tcb.StackLimit:016x} Call {0:016x}")
    out(f"{indent}Priority {tcb.Priority}  BasePriority {tcb.BasePriority}  PriorityDecrement "
        f"{tcb.PriorityDecrement}  Affinity {tcb.Affinity.Mask:x}  ExitStatus {et.ExitStatus & 0xFFFFFFFF:08x}")


def cmd_thread(target: Target, args: list[str], out) -> None:
    """!thread [ETHREAD | Tid]: the thread in focus, or the one named (found on the processes'
    ThreadListHeads)."""
    if args:
        ident = target.evaluate(args[0])
        address = next((t for ep in active_processes(target) for t in process_threads(target, ep)
                        if ident == t or ident == target.view("ETHREAD", t).Cid.UniqueThread), None)
        if address is None:
            raise DebugError(f"Thread {ident:x} not found")
    elif target.thread is None:
        raise DebugError("No thread in focus")
    else:
        address = target.thread.address
    _thread_lines(target, address, out)


def cmd_ready(target: Target, args: list[str], out) -> None:
    """!ready: each processor's ready lists (KPRCB.DispatcherReadyListHead, highest first)."""
    for processor in target.kernel.processors:
        prcb = target.view("KPCR", processor.kpcr).Prcb
        out(f"Processor {processor.number}: ReadySummary {prcb.ReadySummary:08x}")
        for priority in range(31, -1, -1):
            threads = ready_threads(target, processor.kpcr, priority)
            if threads:
                out(f"Processor {processor.number}: Ready Threads at priority {priority}")
                for t in threads:
                    out("    " + _thread_head(target, t))


def _yes(v) -> str:
    return "Yes" if v else "No"


def cmd_peb(target: Target, args: list[str], out) -> None:
    """!peb [Address]: the process environment block and its loader data."""
    va = target.evaluate(args[0]) if args else target.process.peb
    peb = target.view("PEB", va)
    out(f"PEB at {va:016x}")
    out(f"    InheritedAddressSpace:    {_yes(peb.InheritedAddressSpace)}")
    out(f"    ReadImageFileExecOptions: {_yes(peb.ReadImageFileExecOptions)}")
    out(f"    BeingDebugged:            {_yes(peb.BeingDebugged)}")
    out(f"    ImageBaseAddress:         {peb.ImageBaseAddress:016x}")
    out(f"    NtGlobalFlag:             {peb.NtGlobalFlag:x}")
    out(f"    NtGlobalFlag2:            {peb.NtGlobalFlag2:x}")
    out(f"    Ldr                       {peb.Ldr:016x}")
    if peb.Ldr:
        ldr = target.view("PEB_LDR_DATA", peb.Ldr)
        out(f"    Ldr.Initialized:          {_yes(ldr.Initialized)}")
        for name in ("InInitializationOrderModuleList", "InLoadOrderModuleList", "InMemoryOrderModuleList"):
            lst = getattr(ldr, name)
            out(f"    Ldr.{name + ':':<34} {lst.Flink:016x} . {lst.Blink:016x}")
        out("                    Base TimeStamp                     Module")
        for entry in _loader_entries(target, peb.Ldr):
            out(f"        {entry.DllBase:16x} {entry.TimeDateStamp:08x}                     "
                f"{target.unicode_string(entry.FullDllName)}")
    out(f"    SubSystemData:     {peb.SubSystemData:016x}")
    out(f"    ProcessHeap:       {peb.ProcessHeap:016x}")
    out(f"    ProcessParameters: {peb.ProcessParameters:016x}")
    if peb.ProcessParameters:
        pp = target.view("RTL_USER_PROCESS_PARAMETERS", peb.ProcessParameters)
        out(f"    CurrentDirectory:  '{target.unicode_string(pp.CurrentDirectory.DosPath)}'")
        out(f"    WindowTitle:  '{target.unicode_string(pp.WindowTitle)}'")
        out(f"    ImageFile:    '{target.unicode_string(pp.ImagePathName)}'")
        out(f"    CommandLine:  '{target.unicode_string(pp.CommandLine)}'")
        out(f"    DllPath:      '{target.unicode_string(pp.DllPath)}'")
        out(f"    Environment:  {pp.Environment:016x}")
        if pp.Environment:
            raw = target.try_read(pp.Environment, min(pp.EnvironmentSize or 0x1000, 0x8000)) or b""
            for var in raw.decode("utf-16-le", "replace").split("\0\0", 1)[0].split("\0"):
                if var:
                    out(f"        {var}")


def _loader_entries(target: Target, ldr_va: int, order: str = "InLoadOrderModuleList"):
    """LDR_DATA_TABLE_ENTRY views in one of the three orders."""
    ldr_layout = LAYOUTS["PEB_LDR_DATA"]
    links = {"InLoadOrderModuleList": "InLoadOrderLinks", "InMemoryOrderModuleList": "InMemoryOrderLinks",
             "InInitializationOrderModuleList": "InInitializationOrderLinks"}[order]
    head = ldr_va + ldr_layout.offset(order)
    link_off = LAYOUTS["LDR_DATA_TABLE_ENTRY"].offset(links)
    flink = target.q(head)
    for _ in range(1000):
        if flink == head or not flink:
            return
        yield target.view("LDR_DATA_TABLE_ENTRY", flink - link_off)
        flink = target.q(flink)


def cmd_teb(target: Target, args: list[str], out) -> None:
    """!teb [Address]: the thread environment block."""
    va = target.evaluate(args[0]) if args else target.thread.teb
    teb = target.view("TEB", va)
    tib = teb.NtTib
    out(f"TEB at {va:016x}")
    out(f"    ExceptionList:        {tib.ExceptionList:016x}")
    out(f"    StackBase:            {tib.StackBase:016x}")
    out(f"    StackLimit:           {tib.StackLimit:016x}")
    out(f"    SubSystemTib:         {tib.SubSystemTib:016x}")
    out(f"    FiberData:            {tib.FiberData:016x}")
    out(f"    ArbitraryUserPointer: {tib.ArbitraryUserPointer:016x}")
    out(f"    Self:                 {tib.Self:016x}")
    out(f"    EnvironmentPointer:   {teb.EnvironmentPointer:016x}")
    out(f"    ClientId:             {teb.ClientId.UniqueProcess:016x} . {teb.ClientId.UniqueThread:016x}")
    out(f"    RpcHandle:            {teb.ActiveRpcHandle:016x}")
    out(f"    Tls Storage:          {teb.ThreadLocalStoragePointer:016x}")
    out(f"    PEB Address:          {teb.ProcessEnvironmentBlock:016x}")
    out(f"    LastErrorValue:       {teb.LastErrorValue}")
    out(f"    LastStatusValue:      {teb.LastStatusValue & 0xFFFFFFFF:x}")
    out(f"    Count Owned Locks:    {teb.CountOfOwnedCriticalSections}")
    out(f"    HardErrorMode:        {teb.HardErrorMode}")


def handle_entries(target: Target, table: int) -> list:
    """(handle, entry, LowValue, HighValue) of the HANDLE_TABLE's entries in use."""
    return in_use_entries(target.q, target.view("HANDLE_TABLE", table).TableCode)


def _type_name(target: Target, header: int) -> tuple:
    """(OBJECT_TYPE address, name) from an OBJECT_HEADER's encoded TypeIndex."""
    index = decode_type_index(header, target.view("OBJECT_HEADER", header).TypeIndex)
    obj_type = target.q(target.kernel.ob_type_index_table + 8 * index)
    if not obj_type:
        return 0, f"<type {index}>"
    return obj_type, target.unicode_string(target.view("OBJECT_TYPE", obj_type).Name) or "?"


def cmd_handle(target: Target, args: list[str], out) -> None:
    """!handle [Handle] [Flags] [EPROCESS|Cid]: the process's handle table, read from
    EPROCESS.ObjectTable (Handle 0: all; Flags 2 and up add each object's header)."""
    handle = target.evaluate(args[0]) if args else 0
    flags = target.evaluate(args[1]) if len(args) > 1 else 3
    process = _find_process(target, target.evaluate(args[2])) if len(args) > 2 else target.process.address
    ep = target.view("EPROCESS", process)
    table = ep.ObjectTable
    _process_lines(target, process, 0, out)
    entries = handle_entries(target, table) if table else []
    out(f"Handle table at {table:016x} with {len(entries)} entries in use")
    out("")
    for value, entry, low, high in entries:
        if handle and value != handle & ~3:
            continue
        header, access, _attributes = decode_entry(low, high)
        body = header + LAYOUTS["OBJECT_HEADER"].offset("Body")
        out(f"{value:04x}: Object: {body:016x}  GrantedAccess: {access:08x} Entry: {entry:016x}")
        if flags & 2:
            obj_type, name = _type_name(target, header)
            h = target.view("OBJECT_HEADER", header)
            out(f"Object: {body:016x}  Type: ({obj_type:016x}) {name}")
            out(f"    ObjectHeader: {header:016x} (new version)")
            out(f"        HandleCount: {h.HandleCount}  PointerCount: {h.PointerCount}")
        out("")


def cmd_lm(target: Target, args: list[str], out) -> None:
    """lm: loaded modules with their ranges: the user modules, then the kernel modules on
    PsLoadedModuleList."""
    out("start             end                 module name")
    rows = [(m.base, m.base + m.size, m.name.rsplit(".", 1)[0], m.name) for m in target.modules()]
    for entry in loader_entries(target, target.kernel.loaded_module_list):
        e = target.view("LDR_DATA_TABLE_ENTRY", entry)
        full = target.unicode_string(e.BaseDllName) or "?"
        name = "nt" if full.lower() == "ntoskrnl.exe" else full.rsplit(".", 1)[0]
        rows.append((e.DllBase, e.DllBase + e.SizeOfImage, name, full))
    for start, end, name, full in sorted(rows):
        out(f"{fmt_addr(start)} {fmt_addr(end)}   {name:<10} (export symbols)       {full}")


def _pte_flags(entry: int, last: bool) -> str:
    if not entry & P:
        return "not valid"
    return "".join([
        "-", "G" if entry & G else "-", "L" if (entry & PS) and not last else "-", "D" if entry & D else "-",
        "A" if entry & A else "-", "-", "-", "U" if entry & US else "K", "W" if entry & RW else "R",
        "-" if entry & NX else "E", "V"])


def cmd_pte(target: Target, args: list[str], out) -> None:
    """!pte VA: the four-level walk with each entry's frame and flags (entry addresses are physical)."""
    if not args:
        raise DebugError("Usage: !pte VirtualAddress")
    va = target.evaluate(args[0])
    space = target.space_for(va)
    cr3 = space.tables.pml4 if hasattr(space, "tables") else space.pml4
    mem = target.kernel.mem
    out(f"{'VA ' + format(va, '016x'):>55}")
    names = ("PXE", "PPE", "PDE", "PTE")
    shifts = (39, 30, 21, 12)
    table, rows = cr3, []
    for level, (name, shift) in enumerate(zip(names, shifts, strict=True)):
        slot = table + ((va >> shift) & 511) * 8
        entry = struct.unpack_from("<Q", mem, slot)[0]
        rows.append((name, slot, entry, level == 3 or bool(entry & PS)))
        if not entry & P or entry & PS:
            break
        table = entry & PFN_MASK
    out("    ".join(f"{n} at {s:016X}" for n, s, _, _ in rows))
    out("    ".join(f"contains {e:016X}" for _, _, e, _ in rows))
    out("  ".join(f"pfn {(e & PFN_MASK) >> 12:<9x} {_pte_flags(e, last):<11}" if e & P else
                  f"not valid{'':16}" for _, _, e, last in rows))
    final = rows[-1][2]
    if not final & P and (final >> 52) & 0x3F:
        out(f"Software PTE: committed, protection {PROTECT_NAMES.get(pte_protection(final) & 0xFF, '?')}")


def cmd_vad(target: Target, args: list[str], out) -> None:
    """!vad: the process's virtual address descriptors, as the executive keeps them."""
    p = target.process
    if p is None or p.space is None:
        raise DebugError("No user address space in focus")
    out("VAD             Level         Start             End              Commit")
    vads = list(p.space.vads)
    for i, v in enumerate(vads):
        kind = "Mapped  Exe " if v.type == MEM_IMAGE else ("Mapped      " if v.type == MEM_MAPPED else "Private     ")
        prot = PROTECT_NAMES.get(v.protection & 0xFF, f"{v.protection:#x}")
        committed = sum(1 for va in range(v.start, v.end, 0x1000) if p.space.tables.get(va))
        out(f"{i:<15x} {1:>5} {v.start >> 12:>13x} {(v.end - 1) >> 12:>15x} {committed:>11} "
            f"{kind}{prot:<20}{v.name}")
    out(f"\nTotal VADs: {len(vads)}")


def _dump_memory(target: Target, args: list[str], out, width: int) -> None:
    if not args:
        raise DebugError("Usage: d[b|w|d|q] Address [L Count]")
    va = target.evaluate(args[0])
    count = 128 // width
    if len(args) > 1:
        spec = " ".join(args[1:])
        if not spec.lower().startswith("l"):
            raise DebugError("Range is 'L Count'")
        count = target.evaluate(spec[1:])
    data = target.read(va, count * width)
    per_line = 16 // width
    for row in range(0, count, per_line):
        chunk = data[row * width:(row + per_line) * width]
        addr = va + row * width
        if width == 1:
            hexes = [f"{b:02x}" for b in chunk]
            left, right = " ".join(hexes[:8]), " ".join(hexes[8:])
            text = f"{left}-{right}" if right else left
            ascii_ = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
            out(f"{fmt_addr(addr)}  {text:<47}  {ascii_}")
        else:
            fmt = {2: "H", 4: "I", 8: "Q"}[width]
            vals = struct.unpack("<%d%s" % (len(chunk) // width, fmt), chunk)
            cells = [fmt_addr(v) if width == 8 else f"{v:0{width * 2}x}" for v in vals]
            out(f"{fmt_addr(addr)}  " + " ".join(cells))


def cmd_u(target: Target, args: list[str], out) -> None:
    """u Address [L Count]: disassembly with capstone."""
    import capstone
    va = target.evaluate(args[0]) if args else target.registers().get("rip", 0)
    count = 8
    if len(args) > 1:
        count = target.evaluate(" ".join(args[1:])[1:])
    md = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64)
    code = target.try_read(va, count * 15) or target.read(va, 16)
    sym = target.symbol(va)
    if not sym.startswith("0"):
        out(f"{sym}:")
    for n, (addr, size, mnemonic, op_str) in enumerate(md.disasm_lite(code, va)):
        if n >= count:
            break
        raw = code[addr - va:addr - va + size].hex()
        out(f"{fmt_addr(addr)} {raw:<16}{mnemonic:<8}{op_str}".rstrip())


def cmd_r(target: Target, args: list[str], out) -> None:
    """r: the thread's registers (live at a break, else its trap frame)."""
    regs = target.registers()
    names = [["rax", "rbx", "rcx"], ["rdx", "rsi", "rdi"], ["rip", "rsp", "rbp"], ["r8", "r9", "r10"],
             ["r11", "r12", "r13"], ["r14", "r15"]]
    for row in names:
        cells = [f"{n}={regs[n]:016x}" for n in row if n in regs]
        if cells:
            out(" ".join(f"{c:>20}" for c in cells))
    if "efl" in regs:
        out(f"efl={regs['efl']:08x}")


COMMANDS = {
    ".exr": cmd_exr, ".cxr": cmd_cxr,
    "!process": cmd_process, "!thread": cmd_thread, "!ready": cmd_ready, "!handle": cmd_handle,
    "!peb": cmd_peb, "!teb": cmd_teb, "lm": cmd_lm, "!job": cmd_job,
    "dt": cmd_dt, "!pte": cmd_pte, "!vad": cmd_vad, "u": cmd_u, "r": cmd_r,
    "db": lambda t, a, o: _dump_memory(t, a, o, 1), "dw": lambda t, a, o: _dump_memory(t, a, o, 2),
    "dd": lambda t, a, o: _dump_memory(t, a, o, 4), "dq": lambda t, a, o: _dump_memory(t, a, o, 8),
}
HELP = {
    "!process": "!process 0 0 | !process <Cid|EPROCESS> [Flags]   processes (flags 7: details and threads)",
    "!thread": "!thread [Tid|ETHREAD]                             a thread's KTHREAD/ETHREAD summary",
    "!ready": "!ready                                            the processors' ready lists",
    "!handle": "!handle [Handle] [Flags] [EPROCESS|Cid]          a process's handle table",
    "!peb": "!peb [Address]                                    PEB, loader data, process parameters",
    "!teb": "!teb [Address]                                    TEB and its NT_TIB",
    "!job": "!job [EJOB] [Flags]                               a job: accounting, limits, processes",
    "lm": "lm                                                loaded modules with their ranges",
    "dt": "dt [-r[N]] [-l Field] Type [Address] [Field...]   a type or a structure in memory",
    "!pte": "!pte VirtualAddress                               the page-table walk with entry flags",
    "!vad": "!vad                                              the process's VADs",
    "db": "db|dw|dd|dq Address [L Count]                    memory as bytes, words, dwords, qwords",
    "u": "u [Address] [L Count]                             disassemble (capstone)",
    "r": "r                                                 registers",
    ".exr": ".exr -1 | .exr Address                           an exception record (-1: the last exception)",
    ".cxr": ".cxr [Address]                                    a CONTEXT's registers (none: the last exception's)",
    "g": "g                                                 go on running (interactive)",
    "q": "q                                                 end the run (interactive)",
}


def cmd_help(out, topic: str | None = None) -> None:
    if topic:
        key = topic if topic in HELP else ("db" if topic in ("dw", "dd", "dq") else None)
        if key is None:
            raise DebugError(f"No help for '{topic}'")
        out(HELP[key])
        return
    for key in HELP:
        out(HELP[key])
    out("Addresses: hex (00007ff6`e4a00000), 0n decimal, @$peb @$teb @$proc @$thread @$prcb @$pcr "
        "@$exentry, @rip and other registers, module!export, with + and -.")


def execute(target: Target, line: str, out) -> list[str]:
    """Run each ';'-separated command; returns the control words met (g, q) in order."""
    controls = []
    for command in (c.strip() for c in line.split(";")):
        if not command:
            continue
        try:
            words = shlex.split(command, posix=False)
        except ValueError:
            words = command.split()
        name, args = words[0], words[1:]
        low = name.lower()
        if low in ("g", "q"):
            controls.append(low)
            continue
        if low in ("help", "?", ".help"):
            topic = args[0] if args else None
            _safe(lambda t=topic: cmd_help(out, t), out)
            continue
        handler = COMMANDS.get(low)
        if handler is None:
            out(f"                        ^ Syntax error in '{command}'")
            continue
        _safe(lambda h=handler, a=args: h(target, a, out), out)
    return controls


def _safe(action, out) -> None:
    try:
        action()
    except DebugError as e:
        out(str(e))
