"""What a child receives from its creator's handle table: the inheritable handles at the same
values (ExDupHandleTable, or only those of PS_ATTRIBUTE_HANDLE_LIST), and its standard handles
(the std-handle rules of PS_STD_HANDLE_INFO for console images)."""
from ..io.console import ConsoleFile, console_device
from ..io.console_session import attach
from ..ob.handles import HANDLE_INHERIT, HANDLE_PROTECT_FROM_CLOSE
from ..status import NtStatusError
from .attributes import PS_ALWAYS_DUPLICATE, PS_REQUEST_DUPLICATE

IMAGE_SUBSYSTEM_WINDOWS_CUI = 3
STARTF_USESTDHANDLES = 0x100
# RTL_USER_PROCESS_PARAMETERS.ConsoleHandle values kernel32 sets for the creation flags
CONSOLE_DETACHED_PROCESS = 0xFFFFFFFFFFFFFFFF
CONSOLE_NEW_CONSOLE = 0xFFFFFFFFFFFFFFFE
CONSOLE_CREATE_NO_WINDOW = 0xFFFFFFFFFFFFFFFD
STD_FIELDS = ("StandardInput", "StandardOutput", "StandardError")


def PspInheritHandles(parent, child, handle_list=None) -> set:
    """Copy every inheritable entry of the parent's table (those of handle_list only, when given)
    to the same value in the child's; returns the values copied."""
    allowed = None if handle_list is None else {h & ~3 for h in handle_list}
    copied = set()
    for handle, (obj, access) in parent.handles.items():
        attributes = parent.handles.attributes(handle)
        if not attributes & HANDLE_INHERIT or (allowed is not None and handle not in allowed):
            continue
        child.handles.insert_at(handle, obj, access, attributes & ~HANDLE_PROTECT_FROM_CLOSE)
        copied.add(handle)
    return copied


def _duplicate(parent, child, handle: int) -> int:
    """One standard handle of the parent's, duplicated into the child (0 if it names nothing)."""
    if not handle or handle & 3:
        return 0
    try:
        obj = parent.handles.lookup(handle)
        access = parent.handles.access(handle)
    except NtStatusError:
        return 0
    return child.handles.insert(obj, access, 0)


def _pseudo_console(parent, value: int):
    """The pseudo console a ConsoleHandle names (PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE), or None."""
    if not value or value >= CONSOLE_CREATE_NO_WINDOW or value & 3:
        return None
    try:
        obj = parent.handles.lookup(value)
    except NtStatusError:
        return None
    return obj.console if isinstance(obj, ConsoleFile) and obj.console is not None else None


def _on_pseudo_console(kernel, child, fields: dict, pseudo) -> tuple:
    """A child of a pseudo console: attached to it, with standard handles on it (unless the creator
    gave its own with STARTF_USESTDHANDLES)."""
    attach(pseudo, child)
    pseudo.client_attached(child)
    fields["ConsoleHandle"] = 0
    if fields["WindowFlags"] & STARTF_USESTDHANDLES:
        return tuple(fields[f] for f in STD_FIELDS)
    files = ConsoleFile.standard(kernel)
    for f in files:
        f.console = pseudo
        f.screen = pseudo.screen if f.fd_host else None
    handles = tuple(child.handles.insert(f) for f in files)
    for name, value in zip(STD_FIELDS, handles, strict=True):
        fields[name] = value
    return handles


def PspSetupStdHandles(kernel, parent, child, fields: dict, attrs, inherited: set, subsystem: int) -> tuple:
    """The child's three standard handles, written back into fields. STARTF_USESTDHANDLES: the
    creator's values as given (they name inherited handles). Otherwise a console image gets the
    parent's duplicated (PsRequestDuplicate) or, with a new console of its own, fresh handles on
    the console device; a detached process or a GUI image gets none."""
    pseudo = _pseudo_console(parent, fields["ConsoleHandle"])
    if pseudo is not None:
        return _on_pseudo_console(kernel, child, fields, pseudo)
    if fields["WindowFlags"] & STARTF_USESTDHANDLES:
        return tuple(fields[f] for f in STD_FIELDS)
    console_image = subsystem == IMAGE_SUBSYSTEM_WINDOWS_CUI
    state = attrs.std_handle_state
    duplicate = state == PS_ALWAYS_DUPLICATE or (
        state == PS_REQUEST_DUPLICATE and console_image and attrs.std_handle_subsystem in (0, subsystem))
    console = fields["ConsoleHandle"]
    # The console the child is attached to: a console image keeps its creator's unless detached; a
    # new console is the host's terminal again (there is one); a GUI image has none.
    if console_image and console in (CONSOLE_NEW_CONSOLE, CONSOLE_CREATE_NO_WINDOW):
        attach(console_device(kernel), child)
    elif console_image and console != CONSOLE_DETACHED_PROCESS and parent.console is not None:
        attach(parent.console, child)
    if console in (CONSOLE_NEW_CONSOLE, CONSOLE_CREATE_NO_WINDOW) and console_image:
        handles = tuple(child.handles.insert(f) for f in ConsoleFile.standard(kernel))
    elif console == CONSOLE_DETACHED_PROCESS or not duplicate:
        handles = tuple(fields[f] if fields[f] in inherited else 0 for f in STD_FIELDS)
    else:
        handles = tuple(fields[f] if fields[f] in inherited else _duplicate(parent, child, fields[f])
                        for f in STD_FIELDS)
    for name, value in zip(STD_FIELDS, handles, strict=True):
        fields[name] = value
    return handles
