"""File objects: one per successful open, with an OBJECT_HEADER and a FILE_OBJECT body in
nonpaged pool, handles like every other object, and the open's state where Windows keeps it
(CurrentByteOffset, Flags, the share-access bytes, FileName, the Event a wait on the handle
waits for).

What the rest of the executive uses (the lead's section code among it):
    FileObject.host_path    absolute host path (None for devices and the console)
    FileObject.nt_name      \\Device\\HarddiskVolume1\\Windows\\System32\\kernel32.dll
    FileObject.guest_path   C:\\Windows\\System32\\kernel32.dll
    FileObject.read_at(offset, length) -> bytes;  FileObject.size() -> int;  write_at(offset, data)
    FileObject.fcb.image_sections / data_sections: Mm counts its sections there (a file with an
    image section cannot be opened for writing, STATUS_SHARING_VIOLATION; one with any section
    cannot be deleted, STATUS_CANNOT_DELETE)
    FileObject.granted_access, FileObject.is_directory
    kernel/io/create.py IoOpenFileForKernel(kernel, process, nt_path) opens one by name.

Several opens of one host file share one Fcb (the file control block): the share access of
every open, the delete disposition, the file id.
"""
import os
import struct

from ..ke.dobject import DispatcherObject
from ..ke.wait import KiWaitTest
from ..layouts import LAYOUTS
from ..ob.object import OBJECT_HEADER_BODY, ObCreateObject, ObjectBody
from ..status import STATUS_FILE_CLOSED, STATUS_INSUFFICIENT_RESOURCES, STATUS_INVALID_DEVICE_REQUEST, NtStatusError
from .lock import FileLocks

FILE_OBJECT_SIZE = LAYOUTS["FILE_OBJECT"].size if "FILE_OBJECT" in LAYOUTS else 0xD8
# FILE_OBJECT (x64) field offsets
FO_TYPE, FO_SIZE, FO_DELETE_PENDING, FO_READ_ACCESS, FO_FLAGS, FO_FILE_NAME, FO_CURRENT_BYTE_OFFSET, FO_EVENT = (
    0x00, 0x02, 0x49, 0x4A, 0x50, 0x58, 0x68, 0x98)
IO_TYPE_FILE = 5
# FILE_OBJECT.Flags
FO_SYNCHRONOUS_IO = 0x2
FO_ALERTABLE_IO = 0x4
FO_WRITE_THROUGH = 0x10
FO_SEQUENTIAL_ONLY = 0x20
FO_DELETE_ON_CLOSE = 0x10000
FO_DIRECT_DEVICE_OPEN = 0x800
FO_NAMED_PIPE = 0x400
FO_HANDLE_CREATED = 0x40000
_q = struct.Struct("<q")


def _fd_budget() -> int:
    """How many host descriptors guest opens may hold at once: the soft limit, raised as far as
    the hard one allows, less a reserve for the emulator's own files."""
    try:
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        want = min(hard if hard != resource.RLIM_INFINITY else 65536, 65536)
        if soft != resource.RLIM_INFINITY and soft < want:
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
            soft = want
        return max(64, min(soft, 65536) - 256)
    except (ImportError, ValueError, OSError):
        return 768


HOST_FD_BUDGET = _fd_budget()
_open_fds = [0]


def host_open(path: str, flags: int) -> int:
    """os.open for a guest's file, within the budget: beyond it STATUS_INSUFFICIENT_RESOURCES."""
    if _open_fds[0] >= HOST_FD_BUDGET:
        raise NtStatusError(STATUS_INSUFFICIENT_RESOURCES)
    fd = os.open(path, flags | os.O_CLOEXEC | os.O_NOFOLLOW)
    _open_fds[0] += 1
    return fd


class Fcb:
    """What every open of one file shares."""

    def __init__(self, key, file_id: int):
        self.key = key
        self.file_id = file_id
        self.opens: list = []                   # FileObjects with share access recorded
        self.all_opens: list = []               # every FileObject not yet cleaned up
        self.locks = FileLocks()                # byte-range locks
        self.image_sections = 0                 # SEC_IMAGE sections of the file (Mm counts them): no writes
        self.data_sections = 0                  # other sections of it: no delete
        self.delete_pending = False
        self.deleted = False


class FileObject(ObjectBody, DispatcherObject):
    type_name = "File"

    def __init__(self, kernel, device, name: str, node=None):
        self.kernel = kernel
        self.address = ObCreateObject(kernel, "File", FILE_OBJECT_SIZE)
        self.bind_header(kernel.system, self.address)
        self.bind_dispatcher_header(kernel.system, self.address + FO_EVENT, 0)   # NotificationEvent
        system = kernel.system
        system.write(self.address + FO_TYPE, struct.pack("<hh", IO_TYPE_FILE, FILE_OBJECT_SIZE))
        self._set_file_name(system, name)
        self.device = device                    # the device object the open was parsed by
        self.node = node                        # kernel/io/volume.py Node for volume files
        self.fcb = None
        self.fd = None                          # host fd of a regular file
        self.granted_access = 0
        self.share_access = 0
        self.options = 0                        # create options as given
        self.cleaned_up = False
        self.delete_on_close = False
        self.search = None                      # kernel/io/directory.py state of a directory query
        self.mode_flags = 0                     # FILE_WRITE_THROUGH / FILE_SEQUENTIAL_ONLY set later

    deleted = False                     # ObpDeleteObject ran: header, body and name are back in pool
    _name_buffer = (0, 0)

    def _set_file_name(self, system, name: str) -> None:
        data = name.encode("utf-16-le")
        old_buffer, old_size = self._name_buffer
        if old_buffer:
            system.free_pool(old_buffer, old_size)
        buffer = system.allocate_pool(len(data) + 2, 0x10) if data else 0
        if data:
            system.write(buffer, data + b"\0\0")
        self._name_buffer = (buffer, len(data) + 2)
        system.write(self.address + FO_FILE_NAME, struct.pack("<HHIQ", len(data), len(data) + 2 if data else 0,
                                                              0, buffer))
        self.file_name = name

    # -- names
    @property
    def nt_name(self) -> str:
        return self.device.nt_name + (self.node.path if self.node is not None else self.file_name)

    @property
    def guest_path(self) -> str:
        if self.node is None:
            return self.nt_name
        return "C:" + self.node.path

    @property
    def host_path(self) -> str | None:
        return self.node.host if self.node is not None else None

    @property
    def is_directory(self) -> bool:
        return self.node is not None and self.node.is_dir

    # -- FILE_OBJECT fields in guest memory
    @property
    def flags(self) -> int:
        if self.deleted:
            return self._final[0]
        return struct.unpack("<I", self.kernel.system.read(self.address + FO_FLAGS, 4))[0]

    @flags.setter
    def flags(self, value: int) -> None:
        self.kernel.system.write(self.address + FO_FLAGS, struct.pack("<I", value))

    @property
    def synchronous(self) -> bool:
        return bool(self.flags & FO_SYNCHRONOUS_IO)

    @property
    def position(self) -> int:
        """FILE_OBJECT.CurrentByteOffset: the file pointer of a synchronous open."""
        if self.deleted:
            return self._final[1]
        return _q.unpack(self.kernel.system.read(self.address + FO_CURRENT_BYTE_OFFSET, 8))[0]

    @position.setter
    def position(self, value: int) -> None:
        self.kernel.system.write(self.address + FO_CURRENT_BYTE_OFFSET, _q.pack(value))

    def record_access(self, read: bool, write: bool, delete: bool, share: int) -> None:
        self.kernel.system.write(self.address + FO_READ_ACCESS, bytes(
            [read, write, delete, bool(share & 1), bool(share & 2), bool(share & 4)]))

    def set_delete_pending(self, value: bool) -> None:
        self.kernel.system.write(self.address + FO_DELETE_PENDING, bytes([value]))

    # -- the event in the FILE_OBJECT (what a wait on a file handle waits for)
    def clear_event(self) -> None:
        if not self.deleted:
            self.signal_state = 0

    def signal(self) -> None:
        if not self.deleted and self.signal_state == 0:
            self.signal_state = 1
            KiWaitTest(self.kernel, self, 1)

    # -- data
    def _host_fd(self) -> int:
        if self.fd is None:
            if self.node is None or self.node.host is None or self.is_directory:
                raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
            try:
                self.fd = host_open(self.node.host, os.O_RDONLY)
            except OSError as e:
                raise NtStatusError(STATUS_FILE_CLOSED) from e
        return self.fd

    def read_at(self, offset: int, length: int) -> bytes:
        """Bytes of the file from offset (fewer at its end); devices read through their own."""
        if self.device is not None and hasattr(self.device, "read_at") and self.node is None:
            return self.device.read_at(self, offset, length)
        return os.pread(self._host_fd(), length, offset)

    def write_at(self, offset: int, data: bytes) -> int:
        """Write through to the host file (a file-backed section's pages going back)."""
        if self.fd is None or self.node is None:
            raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
        return os.pwrite(self.fd, data, offset)

    def size(self) -> int:
        if self.node is None:
            return 0
        if self.fd is not None:
            return os.fstat(self.fd).st_size
        if self.node.host is None or self.is_directory:
            return 0
        try:
            return os.stat(self.node.host).st_size
        except OSError:
            return 0

    # -- the last handle closed: IRP_MJ_CLEANUP
    def handle_closed(self) -> None:
        super().handle_closed()
        if self.handle_count == 0 and not self.cleaned_up:
            self.cleaned_up = True
            if self.device is not None:
                self.device.cleanup(self)
        if self.handle_count == 0 and self.pointer_count == 0:
            self.delete_object()

    def delete_object(self) -> None:
        """ObpDeleteObject, once nothing references the open (no handle, PointerCount 0): its
        header, FILE_OBJECT and name go back to nonpaged pool. What the executive still holds of
        it in Python (a section's file: node, fcb, read_at through the host) keeps working."""
        if self.deleted or self._header_pa is None:
            return
        system = self.kernel.system
        self._final = (self.flags, self.position)
        buffer, size = self._name_buffer
        if buffer:
            system.free_pool(buffer, size)
        self._name_buffer = (0, 0)
        system.free_pool(self.address - OBJECT_HEADER_BODY, OBJECT_HEADER_BODY + FILE_OBJECT_SIZE)
        self.deleted = True

    def close_host(self) -> None:
        if self.fd is not None:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = None
            _open_fds[0] -= 1
