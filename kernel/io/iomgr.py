"""IoInitSystem: the I/O manager's state for one boot (the namespace's devices and drive links,
the mount table, the file control blocks) and the per-file facts every open shares: file ids,
times and attributes the guest set.

Times are deterministic: a file or folder the guest created or wrote carries the virtual
clock's times; folders above the mounts and the fresh temporary folder carry the boot time;
other host files show their host times.
"""
import os

from ..ke.boot import BOOT_SYSTEM_TIME, GUEST_BIN
from ..ob.namespace import ObInitNamespace
from .afd import AfdDevice
from .console import ConsoleDevice
from .device import NullDevice
from .disk import VolumeDevice
from .file import Fcb
from .mounts import MountTable, default_mounts
from .notify import NotifyList
from .nsi import NsiDevice
from .pipe import NamedPipeDevice
from .volume import VOLUME_DEVICE_NAME, Node, Volume

FILETIME_UNIX_EPOCH = 116444736000000000
FILE_ATTRIBUTE_READONLY = 0x1
FILE_ATTRIBUTE_DIRECTORY = 0x10
FILE_ATTRIBUTE_ARCHIVE = 0x20


class IoManager:
    def __init__(self, kernel, mounts: MountTable):
        self.kernel = kernel
        self.mounts = mounts
        self.namespace = ns = ObInitNamespace(kernel)
        self.volume = VolumeDevice(kernel, VOLUME_DEVICE_NAME, Volume(mounts), self)
        self.console = ConsoleDevice(kernel, "\\Device\\ConDrv")
        self.null = NullDevice(kernel, "\\Device\\Null")
        self.pipes = NamedPipeDevice(kernel, "\\Device\\NamedPipe")
        self.afd = AfdDevice(kernel, "\\Device\\Afd")
        self.nsi = NsiDevice(kernel, "\\Device\\Nsi")
        for device in (self.volume, self.console, self.null, self.pipes, self.afd, self.nsi):
            ns.insert(device.nt_name, device)
        ns.create_link("\\??\\C:", VOLUME_DEVICE_NAME)
        # The volume's GUID name (GetVolumeNameForVolumeMountPoint gives it: guest/kernelbase/file_win8.c)
        ns.create_link("\\??\\Volume{6e6f6e6d-696e-6900-0000-000000000001}", VOLUME_DEVICE_NAME)
        ns.create_link("\\SystemRoot", VOLUME_DEVICE_NAME + "\\Windows")
        ns.create_link("\\??\\NUL", "\\Device\\Null")
        ns.create_link("\\??\\PIPE", "\\Device\\NamedPipe")
        ns.create_link("\\??\\CONIN$", "\\Device\\ConDrv\\CurrentIn")
        ns.create_link("\\??\\CONOUT$", "\\Device\\ConDrv\\CurrentOut")
        ns.create_link("\\KnownDlls\\KnownDllPath", "C:\\Windows\\System32")
        self.notify = NotifyList()              # folders' change notifications
        self.fcbs: dict = {}
        self._file_ids: dict = {}
        self.times: dict = {}                   # fcb key -> [creation, access, write, change]
        self.attributes: dict = {}              # fcb key -> FILE_ATTRIBUTE_* the guest set
        for m in mounts.mounts:
            if m.removable:
                self.times[self.host_key(m.host)] = [BOOT_SYSTEM_TIME] * 4

    # -- file identity
    @staticmethod
    def host_key(real: str):
        try:
            st = os.stat(real)
        except OSError:
            return ("gone", real)
        return (st.st_dev, st.st_ino)

    def node_key(self, node):
        if node.kind == "virtual":
            return ("virtual",) + node.key
        return self.host_key(node.host)

    def file_id(self, node) -> int:
        key = self.node_key(node)
        fid = self._file_ids.get(key)
        if fid is None:
            fid = self._file_ids[key] = 0x0001000000000000 | (len(self._file_ids) + 0x20)
        return fid

    def fcb_for(self, node) -> Fcb:
        key = self.node_key(node)
        fcb = self.fcbs.get(key)
        if fcb is None:
            fcb = self.fcbs[key] = Fcb(key, self.file_id(node))
        return fcb

    def forget(self, fcb) -> None:
        self.fcbs.pop(fcb.key, None)
        self.times.pop(fcb.key, None)
        self.attributes.pop(fcb.key, None)
        self._file_ids.pop(fcb.key, None)

    # -- times (FILETIME) and attributes
    def file_times(self, node) -> list[int]:
        if node.kind == "virtual":
            return [BOOT_SYSTEM_TIME] * 4
        override = self.times.get(self.node_key(node))
        if override is not None:
            return list(override)
        try:
            st = os.stat(node.host)
        except OSError:
            return [BOOT_SYSTEM_TIME] * 4

        def ft(ns: int) -> int:
            return ns // 100 + FILETIME_UNIX_EPOCH
        write, access, change = ft(st.st_mtime_ns), ft(st.st_atime_ns), ft(st.st_ctime_ns)
        return [min(write, change), access, write, change]

    def touch(self, node, created: bool = False, written: bool = True) -> None:
        """The guest created or changed the file: its times become the virtual clock's."""
        now = self.kernel.system_time()
        key = self.node_key(node)
        times = self.times.get(key)
        if times is None or created:
            times = self.times[key] = ([now] * 4 if created else self.file_times(node))
        if written:
            times[2] = times[3] = now

    def touch_folder(self, real: str) -> None:
        """An entry of the host folder `real` was added, removed or renamed by the guest."""
        if real:
            self.touch(Node("host", [], host=real, is_dir=True))

    def set_times(self, node, values: list[int]) -> None:
        key = self.node_key(node)
        times = self.times.get(key) or self.file_times(node)
        for i, v in enumerate(values):
            if v not in (0, -1):
                times[i] = v
        self.times[key] = times

    def file_attributes(self, node) -> int:
        if node.kind == "virtual" or node.is_dir:
            return FILE_ATTRIBUTE_DIRECTORY | self.attributes.get(self.node_key(node), 0) & ~FILE_ATTRIBUTE_ARCHIVE
        attrs = self.attributes.get(self.node_key(node), FILE_ATTRIBUTE_ARCHIVE)
        try:
            writable = os.stat(node.host).st_mode & 0o200
        except OSError:
            writable = True
        if not writable:
            attrs |= FILE_ATTRIBUTE_READONLY
        return attrs or 0x80                    # FILE_ATTRIBUTE_NORMAL when nothing else is set

    def set_attributes(self, node, attrs: int) -> None:
        """FILE_ATTRIBUTE_READONLY becomes the host's write permission; the rest is kept here."""
        key = self.node_key(node)
        self.attributes[key] = attrs & ~(FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_DIRECTORY | 0x80)
        if node.kind == "host" and not node.is_dir:
            try:
                mode = os.stat(node.host).st_mode & 0o777
                os.chmod(node.host, mode & ~0o222 if attrs & FILE_ATTRIBUTE_READONLY else mode | 0o200)
            except OSError:
                pass

    def shutdown(self) -> None:
        """The end of the run: the temporary folder goes."""
        self.mounts.remove_temporary()


def IoInitSystem(kernel, mounts: MountTable | None = None) -> IoManager:
    if mounts is None:
        mounts = default_mounts(None, GUEST_BIN)
    kernel.io = IoManager(kernel, mounts)
    kernel.namespace = kernel.io.namespace
    return kernel.io


def io_manager(kernel) -> IoManager:
    io = getattr(kernel, "io", None)
    return io if io is not None else IoInitSystem(kernel)
