"""Change notifications on folders (FsRtlNotifyFullChangeDirectory's work): NtNotifyChangeDirectoryFile.

An open folder asks once and from then on collects the changes its filter selects (in it, or
below it with WatchTree); each request takes what has been collected or waits, as a pending IRP,
until the next change completes it with FILE_NOTIFY_INFORMATION records. Changes are the guest's
own (the volume reports them as it makes them); what other host programs do is not seen. More
changes than the buffer holds end the request with STATUS_NOTIFY_ENUM_DIR: enumerate again.
"""
import os
import struct

from ..ke.apc import KeInsertUserApc
from ..ke.wait import KeWaitForMultipleObjects, KiUnwaitThread, WaitAny
from ..status import STATUS_CANCELLED, STATUS_NOTIFY_CLEANUP, STATUS_NOTIFY_ENUM_DIR, STATUS_PENDING, STATUS_SUCCESS

FILE_ACTION_ADDED, FILE_ACTION_REMOVED, FILE_ACTION_MODIFIED = 1, 2, 3
FILE_ACTION_RENAMED_OLD_NAME, FILE_ACTION_RENAMED_NEW_NAME = 4, 5
FILE_NOTIFY_CHANGE_FILE_NAME, FILE_NOTIFY_CHANGE_DIR_NAME, FILE_NOTIFY_CHANGE_ATTRIBUTES = 0x1, 0x2, 0x4
FILE_NOTIFY_CHANGE_SIZE, FILE_NOTIFY_CHANGE_LAST_WRITE, FILE_NOTIFY_CHANGE_CREATION = 0x8, 0x10, 0x40
FILE_NOTIFY_VALID_MASK = 0xFFF


class Watch:
    def __init__(self, file, filter_: int, tree: bool):
        self.file, self.filter, self.tree = file, filter_, tree
        self.changes: list[tuple[int, str]] = []        # (action, name relative to the folder)
        self.overflowed = False
        self.pending = None     # (kernel, thread, buffer, length, io_status, event, apc_context, apc_routine)


def encode(changes: list[tuple[int, str]]) -> bytes:
    """FILE_NOTIFY_INFORMATION records, each 4-byte aligned, chained by NextEntryOffset."""
    out = bytearray()
    last = None
    for action, name in changes:
        data = name.encode("utf-16-le", "surrogatepass")
        start = (len(out) + 3) & ~3
        out.extend(b"\0" * (start - len(out)))
        if last is not None:
            struct.pack_into("<I", out, last, start - last)
        out.extend(struct.pack("<III", 0, action, len(data)) + data)
        last = start
    return bytes(out)


class NotifyList:
    """The watches of one boot and the changes the volume reports to them."""

    def __init__(self):
        self.watches: list[Watch] = []

    def watch_of(self, file, filter_: int, tree: bool) -> Watch:
        for watch in self.watches:
            if watch.file is file:
                return watch
        watch = Watch(file, filter_, tree)
        self.watches.append(watch)
        return watch

    def request(self, kernel, thread, file, filter_: int, tree: bool, buffer: int, length: int, io_status: int,
                event, apc_context: int, apc_routine: int = 0):
        """Returns STATUS_SUCCESS / STATUS_NOTIFY_ENUM_DIR (completed now), STATUS_PENDING or None (waits)."""
        watch = self.watch_of(file, filter_, tree)
        watch.pending = (kernel, thread, buffer, length, io_status, event, apc_context, apc_routine)
        if watch.changes or watch.overflowed:
            status = self._complete(watch)
            return status if file.synchronous else STATUS_PENDING
        if file.synchronous:
            thread.synchronous_io = (self.cancel, file, io_status)     # what CancelSynchronousIo ends
            KeWaitForMultipleObjects(kernel, thread, (file,), WaitAny, None)
            return None
        return STATUS_PENDING

    def _complete(self, watch: Watch, status: int | None = None) -> int:
        from .completion import IopPostCompletion
        kernel, thread, buffer, length, io_status, event, apc_context, apc_routine = watch.pending
        watch.pending = None
        data = b""
        if status is None:
            data = encode(watch.changes)
            status = STATUS_SUCCESS
            if watch.overflowed or len(data) > length:
                data, status = b"", STATUS_NOTIFY_ENUM_DIR
            watch.changes, watch.overflowed = [], False
        space = thread.process.space
        if data:
            space.write(buffer, data)
        space.write(io_status, struct.pack("<QQ", status, len(data)))
        if event is not None:
            event.set(kernel)
        file = watch.file
        if file.synchronous and thread.wait is not None:
            KiUnwaitThread(kernel, thread, status, 1)
        file.signal()
        if apc_routine:                         # ReadDirectoryChangesW's routine, at an alertable wait
            KeInsertUserApc(kernel, thread, apc_routine, apc_context, io_status, 0)
        else:
            IopPostCompletion(file, apc_context, status, len(data))
        return status

    def cancel(self, file, io_status: int | None, thread=None) -> int:
        """IoCancelIrp for the folder's waiting request (only if its IO_STATUS_BLOCK is `io_status`,
        when given; only if `thread` issued it, when given): it ends with STATUS_CANCELLED."""
        for watch in self.watches:
            pending = watch.pending
            if watch.file is file and pending is not None and (io_status is None or pending[4] == io_status) \
                    and (thread is None or pending[1] is thread):
                self._complete(watch, STATUS_CANCELLED)
                return 1
        return 0

    def report(self, folder: str, name: str, action: int, kind: int) -> None:
        """The guest changed `name` in host folder `folder`; `kind` is the FILE_NOTIFY_CHANGE_* it is.
        Collected now; flush() completes the requests that wait."""
        for watch in list(self.watches):
            node = watch.file.node
            if node is None or node.host is None:
                continue
            if folder == node.host:
                relative = name
            elif watch.tree and folder.startswith(node.host + os.sep):
                relative = os.path.relpath(os.path.join(folder, name), node.host).replace(os.sep, "\\")
            else:
                continue
            if not watch.filter & kind:
                continue
            watch.changes.append((action, relative))
            if len(watch.changes) > 4096:
                watch.changes, watch.overflowed = [], True

    def flush(self) -> None:
        """The end of one operation (a rename reports two names): waiting requests complete."""
        for watch in list(self.watches):
            if watch.pending is not None and (watch.changes or watch.overflowed):
                self._complete(watch)

    def cleanup(self, file) -> None:
        """The folder's open is closed: a request still waiting ends with STATUS_NOTIFY_CLEANUP."""
        for watch in list(self.watches):
            if watch.file is file:
                if watch.pending is not None:
                    self._complete(watch, STATUS_NOTIFY_CLEANUP)
                self.watches.remove(watch)
