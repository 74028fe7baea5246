"""AFD's readiness: the AFD_EVENT_* bits an endpoint has now, IOCTL_AFD_SELECT (select and
WSAPoll: AFD_POLL_INFO, pending until a socket is ready or the request is cancelled), and
WSAEventSelect's recorded network events (FD_* bits with their errors, the event set when one
is recorded; re-enabled by the call that consumes it)."""
import struct

from ..status import STATUS_INVALID_HANDLE, STATUS_INVALID_PARAMETER, STATUS_PENDING, STATUS_SUCCESS, NtStatusError
from .afd_endpoint import (
    AFD_EVENT_ABORT,
    AFD_EVENT_ACCEPT,
    AFD_EVENT_CLOSE,
    AFD_EVENT_CONNECT,
    AFD_EVENT_CONNECT_FAIL,
    AFD_EVENT_DISCONNECT,
    AFD_EVENT_RECEIVE,
    AFD_EVENT_SEND,
    FD_ACCEPT,
    FD_READ,
    FD_WRITE,
    SOCK_DGRAM,
    AfdFile,
    Endpoint,
    Pending,
)
from .file import FileObject


class AfdReadiness:
    """The readiness half of AfdDevice."""

    # -- readiness
    def readiness(self, ep: Endpoint) -> int:
        """AFD_EVENT_* bits true of the endpoint now."""
        bits = 0
        if ep.state == "listening":
            return AFD_EVENT_ACCEPT if ep.backlog else 0
        if ep.so_error:
            bits |= AFD_EVENT_CONNECT_FAIL
        if ep.kind == SOCK_DGRAM:
            if ep.datagrams:
                bits |= AFD_EVENT_RECEIVE
            if ep.local is not None or ep.state == "connected":
                bits |= AFD_EVENT_SEND
            return bits
        if ep.state != "connected":
            return bits
        bits |= AFD_EVENT_CONNECT
        if ep.rx:
            bits |= AFD_EVENT_RECEIVE
        if ep.reset:
            bits |= AFD_EVENT_ABORT
        elif ep.fin:
            bits |= AFD_EVENT_DISCONNECT
        peer = ep.remote
        if not ep.shut_send and not ep.reset and (peer is None or peer.state == "closed"
                                                  or len(peer.rx) < peer.window):
            bits |= AFD_EVENT_SEND
        return bits

    # AFD_POLL_INFO: Timeout (LARGE_INTEGER), HandleCount, Exclusive, then AFD_HANDLE {Handle, Events, Status}
    def _select(self, ep: Endpoint, io: Pending):
        data = io.request
        if len(data) < 24:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        timeout, count = struct.unpack_from("<qI", data)
        if count == 0 or len(data) < 24 + 16 * count:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        entries = []
        handles = io.thread.process.handles
        for i in range(count):
            handle, events, _status = struct.unpack_from("<QII", data, 24 + 16 * i)
            try:
                target = handles.lookup(handle, FileObject)
            except NtStatusError:
                target = None
            entries.append((handle, events, target if isinstance(target, AfdFile) else None))
        io.request = (timeout, entries)
        out = self._poll_result(io)
        if out is not None or timeout == 0:
            return STATUS_SUCCESS, len(out or b""), out or struct.pack("<qIIQ", timeout, 0, 0, 0)
        self.polls.append(io)
        return STATUS_PENDING, 0, None

    def _poll_result(self, io: Pending) -> bytes | None:
        timeout, entries = io.request
        ready = []
        for handle, events, target in entries:
            if target is None:
                ready.append((handle, AFD_EVENT_CLOSE, STATUS_INVALID_HANDLE))
                continue
            bits = self.readiness(target.endpoint) & events
            if bits:
                ready.append((handle, bits, 0))
        if not ready:
            return None
        return struct.pack("<qIIQ", timeout, len(ready), 0, 0) + b"".join(struct.pack("<QII", *r) for r in ready)

    # -- WSAEventSelect / WSAEnumNetworkEvents: AFD_EVENT_SELECT_INFO (ours): Event handle, Mask
    def _event_select(self, ep: Endpoint, io: Pending):
        from ..ke.wait import KEvent
        handle, mask = struct.unpack_from("<QI", io.request.ljust(12, b"\0"))
        ep.event = io.thread.process.handles.lookup(handle, KEvent) if handle else None
        ep.event_mask = mask if handle else 0
        ep.delivered = 0
        ep.nonblocking = True                                           # as WSAEventSelect documents
        self._record(ep, 0, 0)
        return STATUS_SUCCESS, 0, b""

    def _enum_events(self, ep: Endpoint, io: Pending):
        """Output: the recorded FD_* bits and the ten error codes (WSANETWORKEVENTS' shape)."""
        from ..ke.wait import KEvent
        (handle,) = struct.unpack_from("<Q", io.request.ljust(8, b"\0"))
        if handle:
            io.thread.process.handles.lookup(handle, KEvent).reset()
        events = ep.recorded
        errors = [ep.errors.get(bit, 0) for bit in range(10)]
        ep.recorded = 0
        ep.errors = {}
        return STATUS_SUCCESS, 44, struct.pack("<i10i", events, *errors)

    def _record(self, ep: Endpoint, bits: int, error: int) -> None:
        """Network events happened (or a WSAEventSelect asks what holds now): those selected and
        not yet reported since their re-enabling call are recorded and the event is set."""
        if ep.event is None:
            return
        ready = self.readiness(ep)
        now = bits
        if ready & AFD_EVENT_RECEIVE:
            now |= FD_READ
        if ready & AFD_EVENT_ACCEPT:
            now |= FD_ACCEPT
        if ready & AFD_EVENT_SEND and ep.state == "connected":
            now |= FD_WRITE
        now &= ep.event_mask & ~ep.delivered
        if not now:
            return
        for bit in range(10):
            if now & 1 << bit and error and bits & 1 << bit:
                ep.errors[bit] = error
        ep.recorded |= now
        ep.delivered |= now
        ep.event.set(self.kernel)

    def _changed(self) -> None:
        """Something moved: pending selects whose sockets are ready now complete."""
        for io in list(self.polls):
            out = self._poll_result(io)
            if out is not None:
                self.polls.remove(io)
                self._finish(io, STATUS_SUCCESS, len(out), out)
