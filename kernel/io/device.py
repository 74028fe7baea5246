"""Device objects: what a name parses to under \\Device, and the I/O requests (IRP major
functions) each kind of device answers. The volume (kernel/io/disk.py), the console
(kernel/io/console.py) and \\Device\\Null are the devices of this kernel."""
from ..status import STATUS_INVALID_DEVICE_REQUEST, STATUS_OBJECT_NAME_NOT_FOUND, NtStatusError
from .access import FILE_ALL_ACCESS

FILE_DEVICE_DISK = 0x7
FILE_DEVICE_DISK_FILE_SYSTEM = 0x8
FILE_DEVICE_NAMED_PIPE = 0x11
FILE_DEVICE_NULL = 0x15
FILE_DEVICE_CONSOLE = 0x50
FILE_DEVICE_IS_MOUNTED = 0x20
FILE_DEVICE_ALLOW_APPCONTAINER_TRAVERSAL = 0x20000
FILE_DEVICE_SECURE_OPEN = 0x100


class DeviceObject:
    """A device: its name, type and the requests it takes. `parse` is IRP_MJ_CREATE: the object
    manager stops at a device and hands it the rest of the name."""

    device_type = FILE_DEVICE_DISK
    characteristics = 0
    file_system = None                  # FileFsAttributeInformation's name, for file systems

    def __init__(self, kernel, nt_name: str):
        self.kernel = kernel
        self.nt_name = nt_name

    def parse(self, request, remaining: str):
        """Returns (FileObject, IO_STATUS_BLOCK.Information)."""
        raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)

    def read(self, file, offset, length: int) -> bytes:
        raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)

    def write(self, file, offset, data: bytes) -> int:
        raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)

    def flush(self, file) -> None:
        return None

    def cleanup(self, file) -> None:
        file.close_host()

    def file_device_type(self, file) -> int:
        return self.device_type


class NullDevice(DeviceObject):
    """\\Device\\Null (\\??\\NUL): reads end at once, writes vanish."""

    device_type = FILE_DEVICE_NULL

    def parse(self, request, remaining: str):
        from .file import FileObject
        if remaining:
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
        file = FileObject(self.kernel, self, "")
        # No security on the null device: an open gets what it asked for (everything, for MAXIMUM_ALLOWED).
        file.granted_access = FILE_ALL_ACCESS if request.maximum_allowed else request.access
        return file, 1                  # FILE_OPENED

    def read(self, file, offset, length: int) -> bytes:
        from ..status import STATUS_END_OF_FILE
        raise NtStatusError(STATUS_END_OF_FILE)

    def write(self, file, offset, data: bytes) -> int:
        return len(data)
