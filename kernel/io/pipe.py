"""\\Device\\NamedPipe (\\??\\pipe): pipes between file objects, named or anonymous.

A pipe instance has two ends, the server's (NtCreateNamedPipeFile) and the client's (an open of
the pipe's name, or of the empty name relative to an anonymous pipe's server end, as CreatePipe
does). Each end reads what the other wrote, in byte mode. A read of an empty pipe is an IRP
left pending until data comes or the other end closes: a synchronous open's thread waits
for it, an asynchronous one gets STATUS_PENDING. The writer completes it: the bytes into the
reader's buffer, its IO_STATUS_BLOCK, its event. The end of the other side is
STATUS_PIPE_BROKEN for a reader and STATUS_PIPE_CLOSING for a writer, as NPFS answers.
Writes never wait (the buffer has no quota).
"""
import struct

from ..ke.apc import KeInsertUserApc
from ..ke.wait import KeWaitForMultipleObjects, KiUnwaitThread, WaitAny
from ..ob.namespace import nt_upcase
from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_BUFFER_OVERFLOW,
    STATUS_BUFFER_TOO_SMALL,
    STATUS_CANCELLED,
    STATUS_INSTANCE_NOT_AVAILABLE,
    STATUS_INVALID_DEVICE_REQUEST,
    STATUS_INVALID_PARAMETER,
    STATUS_IO_TIMEOUT,
    STATUS_OBJECT_NAME_INVALID,
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_PENDING,
    STATUS_PIPE_BROKEN,
    STATUS_PIPE_CLOSING,
    STATUS_PIPE_CONNECTED,
    STATUS_PIPE_DISCONNECTED,
    STATUS_PIPE_LISTENING,
    STATUS_PIPE_NOT_AVAILABLE,
    STATUS_SUCCESS,
    NtStatusError,
)
from .completion import IopPostCompletion
from .device import FILE_DEVICE_NAMED_PIPE, DeviceObject
from .file import FO_NAMED_PIPE, FO_SYNCHRONOUS_IO, FileObject

FILE_PIPE_DISCONNECTED_STATE, FILE_PIPE_LISTENING_STATE, FILE_PIPE_CONNECTED_STATE, FILE_PIPE_CLOSING_STATE = 1, 2, 3, 4
FSCTL_PIPE_DISCONNECT = 0x110004
FSCTL_PIPE_LISTEN = 0x110008
FSCTL_PIPE_PEEK = 0x11400C
FSCTL_PIPE_WAIT = 0x110018
FILE_CREATE, FILE_OPEN, FILE_OPEN_IF = 2, 1, 3
_iosb = struct.Struct("<QQ")


class PendingIo:
    """An IRP waiting in the pipe: whose, where its bytes and status go."""

    def __init__(self, kernel, thread, file, buffer: int, length: int, io_status: int, event, apc_context: int = 0,
                 apc_routine: int = 0):
        self.kernel, self.thread, self.file = kernel, thread, file
        self.buffer, self.length, self.io_status, self.event = buffer, length, io_status, event
        self.apc_context, self.apc_routine = apc_context, apc_routine


class PipeInstance:
    def __init__(self, pipe):
        self.pipe = pipe
        self.data = {"server": bytearray(), "client": bytearray()}      # what each end has to read
        self.ends = {"server": None, "client": None}
        self.closed = {"server": False, "client": False}
        self.pending: dict[str, list[PendingIo]] = {"server": [], "client": []}
        self.listeners: list[PendingIo] = []
        self.disconnected = False       # a client's old instance after FSCTL_PIPE_DISCONNECT

    @property
    def connected(self) -> bool:
        return self.ends["client"] is not None and not self.closed["client"]


class Pipe:
    def __init__(self, name: str, max_instances: int, pipe_type: int = 0, inbound: int = 4096, outbound: int = 4096):
        self.name = name
        self.max_instances = max_instances
        self.pipe_type = pipe_type              # FILE_PIPE_BYTE_STREAM_TYPE (messages are bytes here)
        self.quota = {"server": inbound, "client": outbound}    # what each end may hold to read
        self.instances: list[PipeInstance] = []


def _other(end: str) -> str:
    return "client" if end == "server" else "server"


class PipeFile(FileObject):
    """One end of a pipe instance."""

    def __init__(self, kernel, device, name: str, instance: PipeInstance, end: str):
        super().__init__(kernel, device, name)
        self.instance = instance
        self.end = end
        self.read_mode = self.completion_mode = 0      # FILE_PIPE_BYTE_STREAM_MODE, FILE_PIPE_QUEUE_OPERATION
        instance.ends[end] = self


class NamedPipeDevice(DeviceObject):
    device_type = FILE_DEVICE_NAMED_PIPE
    file_system = "NPFS"

    def __init__(self, kernel, nt_name: str):
        super().__init__(kernel, nt_name)
        self.pipes: dict[str, Pipe] = {}
        self._anonymous = 0

    # -- NtCreateNamedPipeFile: a server end
    def create_server(self, packet, name: str, max_instances: int, pipe_type: int = 0, inbound: int = 4096,
                      outbound: int = 4096):
        if name and not name.startswith("\\"):
            raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
        if not name or name == "\\":
            if packet.root is None:
                raise NtStatusError(STATUS_OBJECT_NAME_INVALID)
            self._anonymous += 1
            name = "\\Win32Pipes.%08x.%08x" % (8, self._anonymous)
        key = nt_upcase(name)
        pipe = self.pipes.get(key)
        if pipe is None:
            if packet.disposition == FILE_OPEN:
                raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
            pipe = self.pipes[key] = Pipe(name, max_instances, pipe_type, inbound, outbound)
        elif packet.disposition == FILE_CREATE:
            raise NtStatusError(STATUS_ACCESS_DENIED)       # NPFS: the first instance decided the name
        live = [i for i in pipe.instances if not (i.closed["server"])]
        if pipe.max_instances != 0xFFFFFFFF and len(live) >= pipe.max_instances:
            raise NtStatusError(STATUS_INSTANCE_NOT_AVAILABLE)
        instance = PipeInstance(pipe)
        pipe.instances.append(instance)
        file = PipeFile(self.kernel, self, name, instance, "server")
        self._finish(file, packet)
        return file, 2                                      # FILE_CREATED

    def _finish(self, file, packet) -> None:
        file.granted_access = packet.access
        file.share_access = packet.share
        file.options = packet.options
        flags = FO_NAMED_PIPE
        if packet.options & 0x30:
            flags |= FO_SYNCHRONOUS_IO
        file.flags = flags

    # -- IRP_MJ_CREATE: a client end
    def parse(self, packet, remaining: str):
        root = packet.root
        if root is not None and not isinstance(root, PipeFile):
            remaining = "\\" + remaining if remaining else ""  # relative to the NPFS root: a pipe's name
            root = packet.root = None
        if root is not None:
            if remaining or root.end != "server":
                raise NtStatusError(STATUS_OBJECT_NAME_INVALID if remaining else STATUS_INVALID_PARAMETER)
            return self._connect(root.instance, packet)
        if remaining in ("", "\\"):
            file = FileObject(self.kernel, self, "\\")       # the NPFS root, for relative creates
            self._finish(file, packet)
            return file, 1
        pipe = self.pipes.get(nt_upcase(remaining))
        if pipe is None:
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
        for instance in pipe.instances:
            if instance.ends["client"] is None and not instance.closed["server"]:
                return self._connect(instance, packet)
        raise NtStatusError(STATUS_PIPE_NOT_AVAILABLE)

    def _connect(self, instance, packet):
        if instance.ends["client"] is not None:
            raise NtStatusError(STATUS_PIPE_NOT_AVAILABLE)
        file = PipeFile(self.kernel, self, instance.pipe.name, instance, "client")
        self._finish(file, packet)
        for listener in instance.listeners:
            self._complete(listener, b"", STATUS_SUCCESS)
        instance.listeners.clear()
        return file, 1

    # -- completing an IRP that waited
    def _complete(self, io: PendingIo, data: bytes, status: int) -> None:
        space = io.thread.process.space
        if data:
            space.write(io.buffer, data)
        space.write(io.io_status, _iosb.pack(status & 0xFFFFFFFF, len(data)))
        if io.event is not None:
            io.event.set(self.kernel)
        if io.file.synchronous and io.thread.wait is not None:
            KiUnwaitThread(self.kernel, io.thread, status, 1)
        io.file.signal()
        if io.apc_routine:                                  # ReadFileEx's routine, at an alertable wait
            KeInsertUserApc(self.kernel, io.thread, io.apc_routine, io.apc_context, io.io_status, 0)
        else:
            IopPostCompletion(io.file, io.apc_context, status, len(data))

    def _pend(self, kernel, thread, file, io: PendingIo, queue: list):
        queue.append(io)
        if file.synchronous:
            thread.synchronous_io = (self.cancel, file, io.io_status)  # what CancelSynchronousIo ends
            KeWaitForMultipleObjects(kernel, thread, (file,), WaitAny, None)
            return None                                     # the thread waits; completion returns
        return STATUS_PENDING

    # -- IRP_MJ_READ / IRP_MJ_WRITE, called by the services with the caller's buffers
    def read_request(self, kernel, thread, file, buffer: int, length: int, io_status: int, event,
                     apc_context: int = 0, apc_routine: int = 0):
        """Returns (status, data) now, or (None | STATUS_PENDING, None) when the read waits."""
        if not isinstance(file, PipeFile):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        instance, end = file.instance, file.end
        queued = instance.data[end]
        if instance.disconnected:
            raise NtStatusError(STATUS_PIPE_DISCONNECTED)
        if queued and not instance.pending[end]:
            data = bytes(queued[:length])
            del queued[:length]
            return STATUS_SUCCESS, data
        if instance.closed[_other(end)]:
            raise NtStatusError(STATUS_PIPE_BROKEN)
        if end == "server" and instance.ends["client"] is None:
            raise NtStatusError(STATUS_PIPE_LISTENING)
        io = PendingIo(kernel, thread, file, buffer, length, io_status, event, apc_context, apc_routine)
        return self._pend(kernel, thread, file, io, instance.pending[end]), None

    def write(self, file, offset, data: bytes) -> int:
        if not isinstance(file, PipeFile):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        instance, end = file.instance, file.end
        peer = _other(end)
        if instance.disconnected:
            raise NtStatusError(STATUS_PIPE_DISCONNECTED)
        if end == "server" and instance.ends["client"] is None:
            raise NtStatusError(STATUS_PIPE_LISTENING)
        if instance.closed[peer]:
            raise NtStatusError(STATUS_PIPE_CLOSING)
        queued = instance.data[peer]
        queued.extend(data)
        waiting = instance.pending[peer]
        while waiting and queued:
            io = waiting.pop(0)
            chunk = bytes(queued[:io.length])
            del queued[:io.length]
            self._complete(io, chunk, STATUS_SUCCESS)
        return len(data)

    def read(self, file, offset, length: int) -> bytes:
        """A read that does not wait (the executive's own): what is there now."""
        if not isinstance(file, PipeFile):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        queued = file.instance.data[file.end]
        data = bytes(queued[:length])
        del queued[:length]
        return data

    def cancel(self, file, io_status: int | None, thread=None) -> int:
        """IoCancelIrp for the file's requests waiting in its pipe (only the one whose
        IO_STATUS_BLOCK is `io_status`, when given; only those `thread` issued, when given): each
        completes with STATUS_CANCELLED. Returns how many were cancelled."""
        if not isinstance(file, PipeFile):
            return 0
        instance = file.instance
        queues = [instance.pending["server"], instance.pending["client"], instance.listeners]
        cancelled = 0
        for queue in queues:
            for io in [io for io in queue if io.file is file and (io_status is None or io.io_status == io_status)
                       and (thread is None or io.thread is thread)]:
                queue.remove(io)
                self._complete(io, b"", STATUS_CANCELLED)
                cancelled += 1
        return cancelled

    def cleanup(self, file) -> None:
        if not isinstance(file, PipeFile):
            return
        instance, end = file.instance, file.end
        instance.closed[end] = True
        for io in instance.pending[end] + instance.pending[_other(end)]:
            self._complete(io, b"", STATUS_PIPE_BROKEN)
        instance.pending[end].clear()
        instance.pending[_other(end)].clear()
        pipe = instance.pipe
        if all(instance.closed[e] or instance.ends[e] is None for e in ("server", "client")):
            if instance in pipe.instances:
                pipe.instances.remove(instance)
            if not pipe.instances and self.pipes.get(nt_upcase(pipe.name)) is pipe:
                del self.pipes[nt_upcase(pipe.name)]

    def _wait_for_instance(self, file, data: bytes) -> int:
        """FSCTL_PIPE_WAIT on the NPFS root (WaitNamedPipe): is an instance free for a client? No
        wait: an instance that is not free now is STATUS_IO_TIMEOUT."""
        if isinstance(file, PipeFile) or len(data) < 14:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        (name_length,) = struct.unpack_from("<I", data, 8)
        if name_length & 1 or 14 + name_length > len(data):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        name = "\\" + data[14:14 + name_length].decode("utf-16-le", "replace")
        pipe = self.pipes.get(nt_upcase(name))
        if pipe is None:
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
        if any(i.ends["client"] is None and not i.closed["server"] for i in pipe.instances):
            return STATUS_SUCCESS
        raise NtStatusError(STATUS_IO_TIMEOUT)

    # -- FilePipeInformation / FilePipeLocalInformation
    def pipe_information(self, file, cls: int) -> bytes:
        if not isinstance(file, PipeFile):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        if cls == 23:                               # FILE_PIPE_INFORMATION: ReadMode, CompletionMode
            return struct.pack("<II", file.read_mode, file.completion_mode)
        instance, pipe = file.instance, file.instance.pipe
        if instance.closed["client" if file.end == "server" else "server"]:
            state = FILE_PIPE_CLOSING_STATE
        elif instance.ends["client"] is None:
            state = FILE_PIPE_LISTENING_STATE
        else:
            state = FILE_PIPE_CONNECTED_STATE
        live = sum(1 for i in pipe.instances if not i.closed["server"])
        peer = _other(file.end)
        return struct.pack("<10I", pipe.pipe_type, 2, pipe.max_instances, live, pipe.quota["server"],
                           len(instance.data[file.end]), pipe.quota["client"],
                           max(0, pipe.quota[peer] - len(instance.data[peer])), state, 1 if file.end == "server" else 0)

    def set_pipe_information(self, file, data: bytes) -> None:
        read_mode, completion_mode = struct.unpack_from("<II", data)
        if not isinstance(file, PipeFile) or read_mode > 1 or completion_mode > 1:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        file.read_mode, file.completion_mode = read_mode, completion_mode

    # -- NtFsControlFile
    def fs_control(self, kernel, thread, file, code: int, input_data: bytes, out_length: int, io_status: int,
                   event):
        """Returns (status, output bytes), or (None | STATUS_PENDING, None) for a waiting listen."""
        if code == FSCTL_PIPE_WAIT:
            return self._wait_for_instance(file, input_data), b""
        if not isinstance(file, PipeFile):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        instance = file.instance
        if code == FSCTL_PIPE_PEEK:
            if out_length < 16:
                raise NtStatusError(STATUS_BUFFER_TOO_SMALL)
            queued = instance.data[file.end]
            if not queued and instance.closed[_other(file.end)]:
                raise NtStatusError(STATUS_PIPE_BROKEN)
            state = FILE_PIPE_CONNECTED_STATE if instance.connected or file.end == "client" else \
                FILE_PIPE_LISTENING_STATE
            data = bytes(queued[:out_length - 16])
            status = STATUS_SUCCESS if len(data) == len(queued) else STATUS_BUFFER_OVERFLOW
            return status, struct.pack("<IIII", state, len(queued), 0, 0) + data
        if code == FSCTL_PIPE_LISTEN:
            if file.end != "server":
                raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
            if instance.ends["client"] is not None:
                raise NtStatusError(STATUS_PIPE_CONNECTED)
            io = PendingIo(kernel, thread, file, 0, 0, io_status, event)
            return self._pend(kernel, thread, file, io, instance.listeners), None
        if code == FSCTL_PIPE_DISCONNECT:
            if file.end != "server":
                raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
            client = instance.ends["client"]
            for io in instance.pending["client"] + instance.pending["server"]:
                self._complete(io, b"", STATUS_PIPE_BROKEN)
            instance.pending["client"].clear()
            instance.pending["server"].clear()
            if client is not None:                          # the old client keeps a dead end
                dead = PipeInstance(instance.pipe)
                dead.closed["server"] = True
                dead.disconnected = True
                dead.ends["client"] = client
                client.instance = dead
            instance.ends["client"] = None
            instance.closed["client"] = False
            instance.data["server"].clear()
            instance.data["client"].clear()
            return STATUS_SUCCESS, b""
        raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
