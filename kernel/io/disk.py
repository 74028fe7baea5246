"""\\Device\\HarddiskVolume1, the C: volume: IRP_MJ_CREATE with every disposition and the
create options NTFS honours, reads and writes on the host file, cleanup with the delete
disposition, and the rename and delete operations of NtSetInformationFile.

Write access anywhere on a read-only mount (the system folder, C:\\app, everything with
--read-only) and in the folders above the mounts is STATUS_ACCESS_DENIED, as an ACL refusing
a user would answer.
"""
import errno
import os

from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_CANNOT_DELETE,
    STATUS_DELETE_PENDING,
    STATUS_DIRECTORY_NOT_EMPTY,
    STATUS_DISK_FULL,
    STATUS_END_OF_FILE,
    STATUS_FILE_IS_A_DIRECTORY,
    STATUS_INSUFFICIENT_RESOURCES,
    STATUS_INVALID_DEVICE_REQUEST,
    STATUS_INVALID_PARAMETER,
    STATUS_MEDIA_WRITE_PROTECTED,
    STATUS_NOT_A_DIRECTORY,
    STATUS_NOT_SAME_DEVICE,
    STATUS_OBJECT_NAME_COLLISION,
    STATUS_OBJECT_NAME_INVALID,
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_SHARING_VIOLATION,
    NtStatusError,
)
from .access import (
    DELETE,
    FILE_ALL_ACCESS,
    FILE_APPEND_DATA,
    FILE_EXECUTE,
    FILE_READ_DATA,
    FILE_WRITE_DATA,
    MODIFYING_ACCESS,
    READ_ONLY_ACCESS,
)
from .device import FILE_DEVICE_DISK, FILE_DEVICE_IS_MOUNTED, DeviceObject
from .file import (
    FO_ALERTABLE_IO,
    FO_DELETE_ON_CLOSE,
    FO_SEQUENTIAL_ONLY,
    FO_SYNCHRONOUS_IO,
    FO_WRITE_THROUGH,
    FileObject,
    host_open,
)
from .names import split_path, split_stream
from .notify import (
    FILE_ACTION_ADDED,
    FILE_ACTION_MODIFIED,
    FILE_ACTION_REMOVED,
    FILE_ACTION_RENAMED_NEW_NAME,
    FILE_ACTION_RENAMED_OLD_NAME,
    FILE_NOTIFY_CHANGE_DIR_NAME,
    FILE_NOTIFY_CHANGE_FILE_NAME,
    FILE_NOTIFY_CHANGE_LAST_WRITE,
    FILE_NOTIFY_CHANGE_SIZE,
)
from .share import FILE_SHARE_DELETE, IoCheckShareAccess, IoSetShareAccess

FILE_SUPERSEDE, FILE_OPEN, FILE_CREATE, FILE_OPEN_IF, FILE_OVERWRITE, FILE_OVERWRITE_IF = range(6)
FILE_SUPERSEDED, FILE_OPENED, FILE_CREATED, FILE_OVERWRITTEN, FILE_EXISTS, FILE_DOES_NOT_EXIST = range(6)
FILE_DIRECTORY_FILE = 0x1
FILE_WRITE_THROUGH = 0x2
FILE_SEQUENTIAL_ONLY = 0x4
FILE_NO_INTERMEDIATE_BUFFERING = 0x8
FILE_SYNCHRONOUS_IO_ALERT = 0x10
FILE_SYNCHRONOUS_IO_NONALERT = 0x20
FILE_NON_DIRECTORY_FILE = 0x40
FILE_DELETE_ON_CLOSE = 0x1000
FILE_OPEN_BY_FILE_ID = 0x2000
FILE_ATTRIBUTE_READONLY = 0x1
FILE_ATTRIBUTE_ARCHIVE = 0x20
MAX_FILE_SIZE = 64 << 30                # the volume's size (kernel/io/volinfo.py): no file grows past it
_OS_ERRORS = {errno.EACCES: STATUS_ACCESS_DENIED, errno.EPERM: STATUS_ACCESS_DENIED, errno.ENOSPC: STATUS_DISK_FULL,
              errno.EDQUOT: STATUS_DISK_FULL, errno.EROFS: STATUS_MEDIA_WRITE_PROTECTED,
              errno.ENAMETOOLONG: STATUS_OBJECT_NAME_INVALID, errno.EEXIST: STATUS_OBJECT_NAME_COLLISION,
              errno.ENOENT: STATUS_OBJECT_NAME_NOT_FOUND, errno.ENOTEMPTY: STATUS_DIRECTORY_NOT_EMPTY,
              errno.EXDEV: STATUS_NOT_SAME_DEVICE, errno.EISDIR: STATUS_FILE_IS_A_DIRECTORY,
              errno.ENOTDIR: STATUS_NOT_A_DIRECTORY, errno.EFBIG: STATUS_DISK_FULL,
              errno.EMFILE: STATUS_INSUFFICIENT_RESOURCES, errno.ENFILE: STATUS_INSUFFICIENT_RESOURCES}


def host_error(e: OSError) -> NtStatusError:
    return NtStatusError(_OS_ERRORS.get(e.errno, STATUS_ACCESS_DENIED), str(e))


class VolumeDevice(DeviceObject):
    device_type = FILE_DEVICE_DISK
    characteristics = FILE_DEVICE_IS_MOUNTED
    file_system = "NTFS"

    def __init__(self, kernel, nt_name: str, volume, io):
        super().__init__(kernel, nt_name)
        self.volume = volume
        self.io = io

    # -- IRP_MJ_CREATE
    def parse(self, request, remaining: str):
        if not remaining and request.root is None:
            raise NtStatusError(STATUS_ACCESS_DENIED)           # the raw volume: administrators only
        if request.root is not None:
            root = request.root
            if root.device is not self or root.node is None:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            if not root.is_directory and remaining:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            base = list(root.node.components)
            components, trailing = split_path("\\" + remaining) if remaining else ([], False)
            components = base + components
        else:
            components, trailing = split_path(remaining)
        stream = None
        if components and ":" in components[-1]:
            components[-1], stream = split_stream(components[-1])
        node = self.volume.resolve(components)
        disposition, options = request.disposition, request.options
        if stream is not None:
            # Only the unnamed data stream exists here.
            if not node.exists or disposition in (FILE_OPEN, FILE_OVERWRITE):
                raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
            raise NtStatusError(STATUS_ACCESS_DENIED)
        if node.exists:
            information = self._open_existing(request, node, trailing)
        else:
            information = self._create_new(request, node, trailing)
        file = FileObject(self.kernel, self, node.path, node)
        fcb = self.io.fcb_for(node)
        file.fcb = fcb
        self._grant(request, node, file, information)
        if fcb.image_sections and (file.granted_access & (FILE_WRITE_DATA | FILE_APPEND_DATA)
                                   or information in (FILE_OVERWRITTEN, FILE_SUPERSEDED)):
            raise NtStatusError(STATUS_SHARING_VIOLATION)       # MmFlushImageSection refuses
        IoCheckShareAccess(fcb, file.granted_access, request.share)
        if information in (FILE_OVERWRITTEN, FILE_SUPERSEDED):
            self._truncate(node, request)
        self._open_host(file, node)
        if information in (FILE_CREATED, FILE_OVERWRITTEN, FILE_SUPERSEDED):
            # The attributes asked for, FILE_ATTRIBUTE_READONLY too: this open keeps its access.
            attrs = request.attributes & 0x7FA7
            if attrs or information != FILE_CREATED:
                self.io.set_attributes(node, attrs | (0 if node.is_dir else FILE_ATTRIBUTE_ARCHIVE))
        IoSetShareAccess(fcb, file, file.granted_access, request.share)
        file.share_access = request.share
        file.options = options
        fcb.all_opens.append(file)
        flags = 0
        if options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT):
            flags |= FO_SYNCHRONOUS_IO
        if options & FILE_SYNCHRONOUS_IO_ALERT:
            flags |= FO_ALERTABLE_IO
        if options & FILE_WRITE_THROUGH:
            flags |= FO_WRITE_THROUGH
        if options & FILE_SEQUENTIAL_ONLY:
            flags |= FO_SEQUENTIAL_ONLY
        if options & FILE_DELETE_ON_CLOSE:
            flags |= FO_DELETE_ON_CLOSE
            file.delete_on_close = True
        file.flags = flags
        return file, information

    def _open_existing(self, request, node, trailing: bool) -> int:
        disposition, options = request.disposition, request.options
        fcb = self.io.fcbs.get(self.io.node_key(node))
        if fcb is not None and fcb.delete_pending:
            raise NtStatusError(STATUS_DELETE_PENDING)
        if disposition == FILE_CREATE:
            raise NtStatusError(STATUS_OBJECT_NAME_COLLISION)
        if node.is_dir:
            if options & FILE_NON_DIRECTORY_FILE:
                raise NtStatusError(STATUS_FILE_IS_A_DIRECTORY)
            if disposition in (FILE_SUPERSEDE, FILE_OVERWRITE, FILE_OVERWRITE_IF):
                raise NtStatusError(STATUS_FILE_IS_A_DIRECTORY)
        else:
            if options & FILE_DIRECTORY_FILE:
                raise NtStatusError(STATUS_NOT_A_DIRECTORY)
            if trailing:
                raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
        if disposition == FILE_SUPERSEDE:
            return FILE_SUPERSEDED
        if disposition in (FILE_OVERWRITE, FILE_OVERWRITE_IF):
            return FILE_OVERWRITTEN
        return FILE_OPENED

    def _create_new(self, request, node, trailing: bool) -> int:
        disposition, options = request.disposition, request.options
        if disposition in (FILE_OPEN, FILE_OVERWRITE):
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
        if node.parent is None or node.read_only:
            raise NtStatusError(STATUS_ACCESS_DENIED)
        if trailing and not options & FILE_DIRECTORY_FILE:
            raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
        path = os.path.join(node.parent, node.name)
        try:
            if options & FILE_DIRECTORY_FILE:
                os.mkdir(path, 0o777)
            else:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR | os.O_CLOEXEC | os.O_NOFOLLOW, 0o666)
                os.close(fd)
        except FileExistsError as e:
            # Something the guest may not see holds the name (a link out of the mount): refused.
            raise NtStatusError(STATUS_ACCESS_DENIED if os.path.islink(path) else STATUS_OBJECT_NAME_COLLISION) from e
        except OSError as e:
            raise host_error(e) from e
        node.kind, node.host, node.is_dir = "host", os.path.realpath(path), bool(options & FILE_DIRECTORY_FILE)
        self.io.touch(node, created=True)
        self.io.touch_folder(node.parent)
        self._report(node.parent, node.name, FILE_ACTION_ADDED, node.is_dir)
        return FILE_CREATED

    def _grant(self, request, node, file, information: int) -> None:
        """The access check: what the open asked for against what the mount and the file allow."""
        access = request.access
        modifying = access & MODIFYING_ACCESS or information in (FILE_OVERWRITTEN, FILE_SUPERSEDED)
        readonly_attr = (information != FILE_CREATED and not node.is_dir and node.kind == "host"
                         and self.io.file_attributes(node) & FILE_ATTRIBUTE_READONLY)
        if request.maximum_allowed:
            if node.read_only and information != FILE_CREATED:
                access |= READ_ONLY_ACCESS
            elif readonly_attr:
                access |= FILE_ALL_ACCESS & ~(FILE_WRITE_DATA | FILE_APPEND_DATA)
            else:
                access |= FILE_ALL_ACCESS
        if modifying and node.read_only and information != FILE_CREATED:
            raise NtStatusError(STATUS_ACCESS_DENIED)
        if request.options & FILE_DELETE_ON_CLOSE and self.volume.mounts.is_mount_root(node.key):
            raise NtStatusError(STATUS_CANNOT_DELETE)           # a mount's own folder stays
        if readonly_attr:
            if request.options & FILE_DELETE_ON_CLOSE:
                raise NtStatusError(STATUS_CANNOT_DELETE)
            # A read-only file may be opened for reading or superseded, never written or overwritten.
            if access & (FILE_WRITE_DATA | FILE_APPEND_DATA) or information == FILE_OVERWRITTEN:
                raise NtStatusError(STATUS_ACCESS_DENIED)
        if node.kind == "virtual" and access & MODIFYING_ACCESS & ~DELETE:
            raise NtStatusError(STATUS_ACCESS_DENIED)
        file.granted_access = access

    def _truncate(self, node, request) -> None:
        try:
            if not os.stat(node.host).st_mode & 0o200:         # superseding a read-only file
                os.chmod(node.host, os.stat(node.host).st_mode & 0o777 | 0o200)
            os.truncate(node.host, 0)
        except OSError as e:
            raise host_error(e) from e
        self.io.touch(node)

    def _open_host(self, file, node) -> None:
        if node.kind != "host" or node.is_dir:
            return
        access = file.granted_access
        if not access & (FILE_READ_DATA | FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_EXECUTE):
            return
        try:
            if access & (FILE_WRITE_DATA | FILE_APPEND_DATA):
                try:
                    file.fd = host_open(node.host, os.O_RDWR)
                except PermissionError:
                    file.fd = host_open(node.host, os.O_WRONLY)
            else:
                file.fd = host_open(node.host, os.O_RDONLY)
        except OSError as e:
            raise host_error(e) from e

    # -- IRP_MJ_READ / IRP_MJ_WRITE / IRP_MJ_FLUSH_BUFFERS
    def read(self, file, offset, length: int) -> bytes:
        if file.is_directory or file.node.kind != "host":
            raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
        if length == 0:
            return b""
        if offset >= file.size():
            raise NtStatusError(STATUS_END_OF_FILE)
        file.fcb.locks.check(file, offset, length, write=False)
        try:
            return os.pread(file._host_fd(), length, offset)
        except OSError as e:
            raise host_error(e) from e

    def write(self, file, offset, data: bytes) -> int:
        if file.is_directory or file.node.kind != "host":
            raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
        if file.fd is None:
            raise NtStatusError(STATUS_ACCESS_DENIED)
        try:
            if offset is None:
                offset = os.fstat(file.fd).st_size
            if offset + len(data) > MAX_FILE_SIZE:
                raise NtStatusError(STATUS_DISK_FULL)
            file.fcb.locks.check(file, offset, len(data), write=True)
            done = 0
            while done < len(data):
                done += os.pwrite(file.fd, data[done:], offset + done)
        except OSError as e:
            raise host_error(e) from e
        self.io.touch(file.node)
        if self.io.notify.watches:
            self._report(os.path.dirname(file.node.host), os.path.basename(file.node.host), FILE_ACTION_MODIFIED,
                         False, FILE_NOTIFY_CHANGE_LAST_WRITE | FILE_NOTIFY_CHANGE_SIZE)
        return len(data)

    def flush(self, file) -> None:
        if file.fd is not None:
            try:
                os.fsync(file.fd)
            except OSError:
                pass

    # -- IRP_MJ_CLEANUP: the last handle of one open is closed
    def _report(self, folder: str, name: str, action: int, is_dir: bool, kind: int = 0, flush: bool = True) -> None:
        if self.io.notify.watches and folder:
            self.io.notify.report(folder, name, action,
                                  kind or (FILE_NOTIFY_CHANGE_DIR_NAME if is_dir else FILE_NOTIFY_CHANGE_FILE_NAME))
            if flush:
                self.io.notify.flush()

    def cleanup(self, file) -> None:
        fcb = file.fcb
        file.close_host()
        self.io.notify.cleanup(file)
        if fcb is None:
            return
        fcb.locks.release(file)
        if file in fcb.opens:
            fcb.opens.remove(file)
        if file in fcb.all_opens:
            fcb.all_opens.remove(file)
        if file.delete_on_close and not fcb.deleted:
            fcb.delete_pending = True
        if fcb.delete_pending and not fcb.all_opens and not fcb.deleted:
            self._delete_now(file.node)
            fcb.deleted = True
            self.io.forget(fcb)
        elif not fcb.all_opens:
            self.io.fcbs.pop(fcb.key, None)

    def _delete_now(self, node) -> None:
        if node.kind != "host" or node.read_only or self.volume.mounts.is_mount_root(node.key):
            return                      # never a mount's folder, nothing of a read-only mount
        try:
            if node.is_dir:
                os.rmdir(node.host)
            else:
                os.unlink(node.host)
        except OSError:
            return                      # a folder that filled up again stays, as on NTFS
        self.io.touch_folder(os.path.dirname(node.host))
        self._report(os.path.dirname(node.host), os.path.basename(node.host), FILE_ACTION_REMOVED, node.is_dir)

    # -- FileDispositionInformation(Ex)
    def set_disposition(self, file, delete: bool, ignore_readonly: bool = False) -> None:
        node = file.node
        if not file.granted_access & DELETE:
            raise NtStatusError(STATUS_ACCESS_DENIED)
        if not delete:
            file.fcb.delete_pending = False         # FILE_DELETE_ON_CLOSE still applies at the close
            file.set_delete_pending(False)
            return
        self.check_deletable(node, ignore_readonly)
        if file.fcb.image_sections or file.fcb.data_sections:
            raise NtStatusError(STATUS_CANNOT_DELETE)           # mapped: MmFlushImageSection refuses
        file.fcb.delete_pending = True
        file.set_delete_pending(True)

    def check_deletable(self, node, ignore_readonly: bool = False) -> None:
        if node.read_only or node.kind != "host" or self.volume.mounts.is_mount_root(node.key):
            raise NtStatusError(STATUS_ACCESS_DENIED if node.kind != "host" or node.read_only
                                else STATUS_CANNOT_DELETE)
        if not node.is_dir and not ignore_readonly and self.io.file_attributes(node) & FILE_ATTRIBUTE_READONLY:
            raise NtStatusError(STATUS_CANNOT_DELETE)
        if node.is_dir and self.volume.list_directory(node):
            raise NtStatusError(STATUS_DIRECTORY_NOT_EMPTY)

    def delete_posix(self, file, ignore_readonly: bool = False) -> None:
        """FILE_DISPOSITION_POSIX_SEMANTICS: the name goes now, open handles keep the data."""
        self.set_disposition(file, True, ignore_readonly)
        self._delete_now(file.node)
        file.fcb.deleted = True

    # -- FileLinkInformation: another name for the same file
    def link(self, file, target_components: list[str], replace: bool) -> None:
        node = file.node
        if node.kind != "host" or node.read_only:
            raise NtStatusError(STATUS_ACCESS_DENIED)
        if node.is_dir:
            raise NtStatusError(STATUS_FILE_IS_A_DIRECTORY)
        target = self.volume.resolve(target_components)
        if target.exists:
            if not replace:
                raise NtStatusError(STATUS_OBJECT_NAME_COLLISION)
            if target.is_dir or target.read_only or target.kind != "host" or target.host == node.host:
                raise NtStatusError(STATUS_ACCESS_DENIED)
            other = self.io.fcbs.get(self.io.node_key(target))
            if other is not None and other.all_opens:
                raise NtStatusError(STATUS_ACCESS_DENIED)
            dest = target.host
        else:
            if target.parent is None or target.read_only:
                raise NtStatusError(STATUS_ACCESS_DENIED)
            dest = os.path.join(target.parent, target.name)
            if os.path.lexists(dest):
                raise NtStatusError(STATUS_ACCESS_DENIED)          # a host entry the guest may not see
        try:
            if target.exists:
                os.unlink(dest)
            os.link(node.host, dest, follow_symlinks=False)
        except OSError as e:
            raise host_error(e) from e
        self.io.touch_folder(os.path.dirname(dest))
        self._report(os.path.dirname(dest), os.path.basename(dest), FILE_ACTION_ADDED, False)
        self.io.touch(node, written=False)

    # -- FileRenameInformation(Ex)
    def rename(self, file, target_components: list[str], replace: bool, posix: bool = False,
               ignore_readonly: bool = False) -> None:
        """FILE_RENAME_POSIX_SEMANTICS lets a replaced target be open, if every open of it shares
        delete (those opens keep the old data); a read-only target needs
        FILE_RENAME_IGNORE_READONLY_ATTRIBUTE."""
        node = file.node
        if not file.granted_access & DELETE:
            raise NtStatusError(STATUS_ACCESS_DENIED)
        if node.kind != "host" or node.read_only or self.volume.mounts.is_mount_root(node.key):
            raise NtStatusError(STATUS_ACCESS_DENIED)
        target = self.volume.resolve(target_components)
        if target.exists and target.key == node.key:
            if target.components == node.components:
                return
            target = None                                   # the same file in another case: a case change
        if target is not None and target.exists:
            if target.host == node.host:
                target = None
            elif not replace:
                raise NtStatusError(STATUS_OBJECT_NAME_COLLISION)
            elif target.is_dir or target.read_only:
                raise NtStatusError(STATUS_ACCESS_DENIED)
            elif not ignore_readonly and target.kind == "host" and \
                    self.io.file_attributes(target) & FILE_ATTRIBUTE_READONLY:
                raise NtStatusError(STATUS_ACCESS_DENIED)
            else:
                replaced = self.io.fcbs.get(self.io.node_key(target))
                if replaced is not None and replaced.all_opens:
                    if not posix or any(not o.share_access & FILE_SHARE_DELETE for o in replaced.all_opens):
                        raise NtStatusError(STATUS_ACCESS_DENIED)
                    replaced.deleted = True             # its opens keep the old data, nameless
        if target is None:
            parent_components = target_components[:-1]
            parent = self.volume.resolve(parent_components) if parent_components else None
            if parent is None or parent.kind != "host" or parent.read_only:
                raise NtStatusError(STATUS_ACCESS_DENIED)
            dest = os.path.join(parent.host, target_components[-1])
            mount, display = parent.mount, parent.components + [target_components[-1]]
        else:
            if target.kind == "absent" and (target.parent is None or target.read_only):
                raise NtStatusError(STATUS_ACCESS_DENIED)
            dest = target.host if target.kind == "host" else os.path.join(target.parent, target.name)
            mount, display = target.mount, target.components
        if node.is_dir:
            for fcb in self.io.fcbs.values():
                for other in fcb.all_opens:
                    if other is not file and other.node is not None and other.node.host and \
                            other.node.host.startswith(node.host + os.sep):
                        raise NtStatusError(STATUS_ACCESS_DENIED)
        if (target is None or not target.exists) and os.path.lexists(dest):
            raise NtStatusError(STATUS_ACCESS_DENIED)          # a host entry the guest may not see
        key = self.io.node_key(node)
        try:
            os.replace(node.host, dest)
        except OSError as e:
            raise host_error(e) from e
        self.io.touch_folder(os.path.dirname(node.host))
        self.io.touch_folder(os.path.dirname(os.path.realpath(dest)))
        self._report(os.path.dirname(node.host), os.path.basename(node.host), FILE_ACTION_RENAMED_OLD_NAME,
                     node.is_dir, flush=False)
        self._report(os.path.dirname(os.path.realpath(dest)), os.path.basename(dest), FILE_ACTION_RENAMED_NEW_NAME,
                     node.is_dir)
        node.host = os.path.realpath(dest)
        node.components = list(display)
        node.mount = mount
        if self.io.host_key(node.host) != key:          # moved to another host file system
            self.io.forget(file.fcb)
        self.io.touch(node, written=False)
        for other in (file.fcb.all_opens if file.fcb else []):
            other.node = node
        file.node = node
        file._set_file_name(self.kernel.system, node.path)
