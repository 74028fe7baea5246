"""\\Device\\Afd: the ancillary function driver, sockets as file objects on a private loopback
network (127.0.0.0/8 and ::1; nothing leaves the executive, nothing is random).

A socket is an open of \\Device\\Afd\\Endpoint whose extended attribute "AfdOpenPacketXX"
says its family, type and protocol; every Winsock call then is an NtDeviceIoControlFile with
one of AFD's IOCTL codes (FILE_DEVICE_NETWORK, the operation numbers of the public afd
headers). The structure shapes are this kernel's own where Windows' are not public facts, and
are written out in `guest/ws2_32/afd.h`, the one place ws2_32 and this file agree on.

An endpoint is a TCP stream (listen backlog, connect, a receive window per connection, FIN on
shutdown/close, RST on a close with unread data or SO_LINGER 0) or a UDP socket (datagrams
with their boundaries and source). A request that cannot complete now is an IRP left pending
(a non-blocking socket's gets STATUS_CANT_WAIT instead) and is completed later as NPFS's are:
its IO_STATUS_BLOCK, its event, the file object, then the caller's APC or the file's
completion port. Readiness (IOCTL_AFD_SELECT and WSAEventSelect's events) is re-evaluated
after every change of state.

kernel/io/afd_endpoint.py has the vocabulary (codes, addresses, the endpoint), afd_options.py the
socket options and afd_poll.py the readiness (select, WSAEventSelect); this file the requests.
"""
import struct

from ..ke.apc import KeInsertUserApc
from ..status import (
    STATUS_ACCESS_DENIED,
    STATUS_ADDRESS_ALREADY_EXISTS,
    STATUS_BUFFER_OVERFLOW,
    STATUS_CANCELLED,
    STATUS_CANT_WAIT,
    STATUS_CONNECTION_ACTIVE,
    STATUS_CONNECTION_REFUSED,
    STATUS_CONNECTION_RESET,
    STATUS_INVALID_ADDRESS_COMPONENT,
    STATUS_INVALID_CONNECTION,
    STATUS_INVALID_DEVICE_REQUEST,
    STATUS_INVALID_HANDLE,
    STATUS_INVALID_PARAMETER,
    STATUS_NETWORK_UNREACHABLE,
    STATUS_NOT_SUPPORTED,
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_PENDING,
    STATUS_PIPE_DISCONNECTED,
    STATUS_SUCCESS,
    NtStatusError,
)
from .afd_endpoint import (
    AF_INET,
    AF_INET6,
    ANY4,
    ANY6,
    EPHEMERAL_FIRST,
    EPHEMERAL_LAST,
    FD_ACCEPT,
    FD_CLOSE,
    FD_CONNECT,
    FD_OOB,
    FD_READ,
    FD_WRITE,
    FILE_DEVICE_NETWORK,
    IOCTL_AFD_ACCEPT,
    IOCTL_AFD_BIND,
    IOCTL_AFD_CONNECT,
    IOCTL_AFD_DISCONNECT,
    IOCTL_AFD_ENUM_NETWORK_EVENTS,
    IOCTL_AFD_EVENT_SELECT,
    IOCTL_AFD_GET_INFO,
    IOCTL_AFD_GET_PEER_NAME,
    IOCTL_AFD_GET_SOCK_NAME,
    IOCTL_AFD_RECV,
    IOCTL_AFD_SELECT,
    IOCTL_AFD_SEND,
    IOCTL_AFD_SET_INFO,
    IOCTL_AFD_START_LISTEN,
    IPPROTO_IPV6,
    IPV6_V6ONLY,
    MAPPED_PREFIX,
    MSG_PEEK,
    MSG_WAITALL,
    SD_BOTH,
    SD_RECEIVE,
    SD_SEND,
    SO_EXCLUSIVEADDRUSE,
    SO_REUSEADDR,
    SOCK_DGRAM,
    SOCK_STREAM,
    SOL_SOCKET,
    WSAECONNREFUSED,
    WSAECONNRESET,
    AfdFile,
    Endpoint,
    Pending,
    _iosb,
    is_any,
    is_loopback,
    pack_sockaddr,
    parse_sockaddr,
)
from .afd_options import AfdOptions
from .afd_poll import AfdReadiness
from .completion import IopPostCompletion
from .device import DeviceObject
from .file import FileObject


class AfdDevice(AfdReadiness, AfdOptions, DeviceObject):
    device_type = FILE_DEVICE_NETWORK

    def __init__(self, kernel, nt_name: str):
        super().__init__(kernel, nt_name)
        self.bound: list[Endpoint] = []                 # endpoints holding a port
        self.next_port = {SOCK_STREAM: EPHEMERAL_FIRST, SOCK_DGRAM: EPHEMERAL_FIRST}
        self.polls: list[Pending] = []
        # The protocol counters \Device\Nsi reports (GetTcpStatistics, GetUdpStatistics): a segment
        # is a SYN, SYN-ACK or ACK of a handshake, a FIN, an RST or one delivery of stream data.
        self.stats = {family: dict.fromkeys(("ActiveOpens", "PassiveOpens", "AttemptFails", "EstabResets", "Segs",
                                             "OutRsts", "InDatagrams", "NoPorts", "OutDatagrams"), 0)
                      for family in (AF_INET, AF_INET6)}

    # -- IRP_MJ_CREATE: \Device\Afd\Endpoint with AFD's open packet in the EA
    def parse(self, packet, remaining: str):
        if remaining.lower() != "\\endpoint":
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
        family, kind, protocol = self._open_packet(getattr(packet, "ea", b""))
        if family not in (AF_INET, AF_INET6) or kind not in (SOCK_STREAM, SOCK_DGRAM):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        file = AfdFile(self.kernel, self, Endpoint(family, kind, protocol))
        file.granted_access = packet.access | 0x3          # FILE_READ_DATA | FILE_WRITE_DATA
        file.share_access = packet.share
        file.options = packet.options
        return file, 2                                      # FILE_CREATED

    @staticmethod
    def _open_packet(ea: bytes):
        """FILE_FULL_EA_INFORMATION named AfdOpenPacketXX; its value is AFD_OPEN_PACKET (afd.h)."""
        if len(ea) < 8:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        name_length, value_length = ea[5], struct.unpack_from("<H", ea, 6)[0]
        name = bytes(ea[8:8 + name_length])
        value = bytes(ea[9 + name_length:9 + name_length + value_length])
        if name != b"AfdOpenPacketXX" or len(value) < 12:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        return struct.unpack_from("<iii", value)

    # -- completing a request
    def _finish(self, io: Pending, status: int, information: int, out: bytes = b"") -> None:
        space = io.thread.process.space
        if out and io.out_buffer:
            space.write(io.out_buffer, out)
        space.write(io.io_status, _iosb.pack(status & 0xFFFFFFFF, information))
        if io.event is not None:
            io.event.set(self.kernel)
        if not getattr(io.file, "completion_modes", 0) & 0x2:         # FILE_SKIP_SET_EVENT_ON_HANDLE
            io.file.signal()
        if io.apc_routine:
            KeInsertUserApc(self.kernel, io.thread, io.apc_routine, io.apc_context, io.io_status, 0)
        else:
            IopPostCompletion(io.file, io.apc_context, status, information)

    def _pend(self, ep: Endpoint, io: Pending, queue: list):
        if ep.nonblocking and queue is not self.polls:
            raise NtStatusError(STATUS_CANT_WAIT)
        queue.append(io)
        return STATUS_PENDING, 0, None

    # -- NtDeviceIoControlFile
    def device_control(self, thread, file, code: int, data: bytes, out_buffer: int, out_length: int,
                       io_status: int, event, apc_routine: int, apc_context: int):
        """Returns (status, information, output bytes) now, or (STATUS_PENDING, 0, None)."""
        if not isinstance(file, AfdFile):
            raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
        io = Pending(thread, file, code, data, io_status, event, apc_routine, apc_context, out_buffer)
        if file.endpoint.owner_pid is None:
            file.endpoint.owner_pid = thread.process.pid       # the endpoint tables' owning process
        handler = {
            IOCTL_AFD_BIND: self._bind, IOCTL_AFD_CONNECT: self._connect, IOCTL_AFD_START_LISTEN: self._listen,
            IOCTL_AFD_ACCEPT: self._accept, IOCTL_AFD_RECV: self._recv, IOCTL_AFD_SEND: self._send,
            IOCTL_AFD_SELECT: self._select, IOCTL_AFD_DISCONNECT: self._disconnect,
            IOCTL_AFD_GET_SOCK_NAME: self._sock_name, IOCTL_AFD_GET_PEER_NAME: self._peer_name,
            IOCTL_AFD_SET_INFO: self._set_info, IOCTL_AFD_GET_INFO: self._get_info,
            IOCTL_AFD_EVENT_SELECT: self._event_select, IOCTL_AFD_ENUM_NETWORK_EVENTS: self._enum_events,
        }.get(code)
        if handler is None:
            raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
        try:
            result = handler(file.endpoint, io)
        finally:
            self._changed()
        if result[2] is not None and len(result[2]) > out_length and code != IOCTL_AFD_RECV:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        return result

    # -- bind: AFD_BIND_DATA is the sockaddr
    def _bind(self, ep: Endpoint, io: Pending):
        if ep.local is not None:
            raise NtStatusError(STATUS_INVALID_PARAMETER)              # WSAEINVAL: bound already
        family, ip, port = parse_sockaddr(io.request)
        if family != ep.family:
            raise NtStatusError(STATUS_INVALID_ADDRESS_COMPONENT)      # WSAEFAULT/WSAEAFNOSUPPORT
        if not (is_any(family, ip) or is_loopback(family, ip)):
            raise NtStatusError(STATUS_INVALID_ADDRESS_COMPONENT)      # WSAEADDRNOTAVAIL
        self._take_port(ep, (family, ip, port))
        return STATUS_SUCCESS, 0, pack_sockaddr(ep.local)

    def _overlaps(self, a, b, a_v6only: bool, b_v6only: bool) -> bool:
        (fa, ia, _), (fb, ib, _) = a, b
        if fa != fb:                                    # a dual-stack :: socket also holds the v4 port
            v6, v4, only = (a, b, a_v6only) if fa == AF_INET6 else (b, a, b_v6only)
            return not only and is_any(AF_INET6, v6[1])
        return ia == ib or is_any(fa, ia) or is_any(fb, ib)

    def _take_port(self, ep: Endpoint, addr) -> None:
        family, ip, port = addr
        holders = [e for e in self.bound if e.kind == ep.kind and e.state != "closed"]
        v6only = bool(ep.option(IPPROTO_IPV6, IPV6_V6ONLY))
        if port == 0:
            for _ in range(EPHEMERAL_LAST - EPHEMERAL_FIRST + 1):
                candidate = self.next_port[ep.kind]
                self.next_port[ep.kind] = EPHEMERAL_FIRST if candidate == EPHEMERAL_LAST else candidate + 1
                if not any(e.local[2] == candidate for e in holders):
                    port = candidate
                    break
            else:
                raise NtStatusError(STATUS_ADDRESS_ALREADY_EXISTS)
        else:
            for other in holders:
                if other.local[2] != port or not self._overlaps(other.local, (family, ip, port),
                                                                 bool(other.option(IPPROTO_IPV6, IPV6_V6ONLY)),
                                                                 v6only):
                    continue
                if other.option(SOL_SOCKET, SO_EXCLUSIVEADDRUSE):
                    raise NtStatusError(STATUS_ACCESS_DENIED if ep.option(SOL_SOCKET, SO_REUSEADDR)
                                        else STATUS_ADDRESS_ALREADY_EXISTS)
                if ep.option(SOL_SOCKET, SO_EXCLUSIVEADDRUSE):
                    raise NtStatusError(STATUS_ACCESS_DENIED)
                if not ep.option(SOL_SOCKET, SO_REUSEADDR):
                    raise NtStatusError(STATUS_ADDRESS_ALREADY_EXISTS)
        ep.local = (family, ip, port)
        self.bound.append(ep)

    def _auto_bind(self, ep: Endpoint, toward=None) -> None:
        if ep.local is None:
            any_ip = ANY4 if ep.family == AF_INET else ANY6
            self._take_port(ep, (ep.family, any_ip, 0))
        if toward is not None and is_any(ep.family, ep.local[1]):
            ep.local = (ep.family, toward[1] if toward[0] == ep.family else MAPPED_PREFIX + toward[1], ep.local[2])

    # -- listen: AFD_LISTEN_DATA (ours) is the backlog
    def _listen(self, ep: Endpoint, io: Pending):
        if ep.kind != SOCK_STREAM:
            raise NtStatusError(STATUS_NOT_SUPPORTED)                # WSAEOPNOTSUPP
        if ep.local is None or ep.state == "connected":
            raise NtStatusError(STATUS_INVALID_PARAMETER)              # WSAEINVAL / WSAEISCONN
        (backlog,) = struct.unpack_from("<i", io.request.ljust(4, b"\0"))
        ep.backlog_max = max(1, min(backlog, 200)) if backlog != 0x7FFFFFFF else 200
        ep.state = "listening"
        return STATUS_SUCCESS, 0, b""

    # -- connect: the sockaddr; a loopback connection is made (or refused) at once
    def _find_listener(self, dest):
        family, ip, port = dest
        for e in self.bound:
            if e.state != "listening" or e.local[2] != port:
                continue
            lf, lip, _ = e.local
            if lf == family and (lip == ip or is_any(lf, lip)):
                return e
            if lf == AF_INET6 and family == AF_INET and not e.option(IPPROTO_IPV6, IPV6_V6ONLY) \
                    and is_any(lf, lip):
                return e
        return None

    def _connect(self, ep: Endpoint, io: Pending):
        dest = parse_sockaddr(io.request)
        family, ip, port = dest
        if ep.state == "listening":
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        if ep.state == "connected" and ep.kind == SOCK_STREAM:
            raise NtStatusError(STATUS_CONNECTION_ACTIVE)              # WSAEISCONN
        if family != ep.family:
            raise NtStatusError(STATUS_INVALID_ADDRESS_COMPONENT)
        if is_any(family, ip) or port == 0:
            raise NtStatusError(STATUS_INVALID_ADDRESS_COMPONENT)      # WSAEADDRNOTAVAIL
        if not is_loopback(family, ip):
            raise NtStatusError(STATUS_NETWORK_UNREACHABLE)
        self._auto_bind(ep, dest)
        if ep.kind == SOCK_DGRAM:                                       # a default peer, nothing sent
            ep.peer, ep.state = dest, "connected"
            return STATUS_SUCCESS, 0, b""
        if family == AF_INET6 and ip[:12] == MAPPED_PREFIX:
            dest = (AF_INET, ip[12:], port)
        listener = self._find_listener(dest)
        if listener is None or len(listener.backlog) >= listener.backlog_max:
            self._record(ep, FD_CONNECT, WSAECONNREFUSED)              # an RST answers the SYN
            self._count(ep.family, AttemptFails=1, Segs=2, OutRsts=1)
            if ep.nonblocking:
                ep.so_error = WSAECONNREFUSED
                raise NtStatusError(STATUS_CANT_WAIT)                   # reported by select / SO_ERROR
            raise NtStatusError(STATUS_CONNECTION_REFUSED)
        # The three-way handshake: the server side's endpoint waits in the listener's backlog.
        server = Endpoint(listener.family, SOCK_STREAM, listener.protocol)
        server.options = dict(listener.options)
        lf = listener.family
        server.local = (lf, ip if lf == family else MAPPED_PREFIX + dest[1], port) if is_any(lf, listener.local[1]) \
            else listener.local
        server.peer = ep.local if lf == ep.local[0] else (lf, MAPPED_PREFIX + ep.local[1], ep.local[2])
        server.state = "connected"
        server.remote, ep.remote = ep, server
        ep.peer, ep.state, ep.so_error = (family, ip, port), "connected", 0
        listener.backlog.append(server)
        self._count(ep.family, ActiveOpens=1, PassiveOpens=1, Segs=3)
        self._record(listener, FD_ACCEPT, 0)
        self._record(ep, FD_CONNECT | FD_WRITE, 0)
        self._serve_accepts(listener)
        if ep.nonblocking:
            raise NtStatusError(STATUS_CANT_WAIT)                       # WSAEWOULDBLOCK, then writable
        return STATUS_SUCCESS, 0, b""

    # -- accept: AFD_ACCEPT_INFO (ours): the accepting socket's handle and the sizes of the two address
    # blocks the output holds (each an int length and the sockaddr), local first, as AcceptEx's buffer
    def _accept(self, ep: Endpoint, io: Pending):
        if ep.state != "listening":
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        handle, local_block, remote_block = struct.unpack_from("<QII", io.request.ljust(16, b"\0"))
        if min(local_block, remote_block) < 20:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        target = io.thread.process.handles.lookup(handle, FileObject)
        if not isinstance(target, AfdFile) or target.endpoint.state != "open" or target.endpoint.local is not None:
            raise NtStatusError(STATUS_INVALID_HANDLE if not isinstance(target, AfdFile) else STATUS_INVALID_PARAMETER)
        io.request = (target, local_block, remote_block)
        ep.delivered &= ~FD_ACCEPT
        if ep.backlog:
            return self._do_accept(ep, io)
        return self._pend(ep, io, ep.accepts)

    def _do_accept(self, listener: Endpoint, io: Pending):
        conn = listener.backlog.pop(0)
        target, local_block, remote_block = io.request
        conn.nonblocking = target.endpoint.nonblocking
        conn.owner_pid = io.thread.process.pid
        target.endpoint = conn
        self.bound.append(conn)

        def block(addr, size: int) -> bytes:
            raw = pack_sockaddr(addr)
            return (struct.pack("<i", len(raw)) + raw)[:size].ljust(size, b"\0")
        return STATUS_SUCCESS, 0, block(conn.local, local_block) + block(conn.peer, remote_block)

    def _serve_accepts(self, listener: Endpoint) -> None:
        while listener.accepts and listener.backlog:
            io = listener.accepts.pop(0)
            status, info, out = self._do_accept(listener, io)
            self._finish(io, status, info, out)

    # -- recv / recvfrom: AFD_RECV_INFO (ours): BufferArray, BufferCount, Flags, Address, AddressLength
    def _buffers(self, space, array: int, count: int) -> list[tuple[int, int]]:
        if count > 1024:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        raw = space.probe_read(array, 16 * count) if count else b""
        return [(struct.unpack_from("<Q", raw, 16 * i + 8)[0], struct.unpack_from("<I", raw, 16 * i)[0])
                for i in range(count)]

    def _scatter(self, space, buffers, data: bytes) -> int:
        done = 0
        for va, length in buffers:
            chunk = data[done:done + length]
            if chunk:
                space.probe_write(va, chunk)
            done += len(chunk)
        return done

    def _recv(self, ep: Endpoint, io: Pending):
        array, count, flags, address, address_length = struct.unpack_from("<QIIQQ", io.request.ljust(32, b"\0"))
        if ep.kind == SOCK_STREAM and ep.state != "connected":
            raise NtStatusError(STATUS_INVALID_CONNECTION)             # WSAENOTCONN
        if ep.kind == SOCK_DGRAM and ep.local is None:
            raise NtStatusError(STATUS_INVALID_PARAMETER)              # WSAEINVAL: unbound
        if ep.shut_recv:
            raise NtStatusError(STATUS_PIPE_DISCONNECTED)              # WSAESHUTDOWN
        io.request = (self._buffers(io.thread.process.space, array, count), flags, address, address_length)
        ep.delivered &= ~(FD_READ | FD_OOB)
        result = self._try_recv(ep, io)
        if result is not None:
            return result
        return self._pend(ep, io, ep.recvs)

    def _try_recv(self, ep: Endpoint, io: Pending):
        """The receive's result if it can complete now, else None."""
        buffers, flags, address, address_length = io.request
        space = io.thread.process.space
        total = sum(length for _, length in buffers)
        if ep.reset:
            raise NtStatusError(STATUS_CONNECTION_RESET)
        if ep.kind == SOCK_DGRAM:
            if not ep.datagrams:
                return None
            data, source = ep.datagrams[0] if flags & MSG_PEEK else ep.datagrams.pop(0)
            copied = self._scatter(space, buffers, data)
            if address and address_length:
                self._write_address(space, address, address_length, source)
            status = STATUS_BUFFER_OVERFLOW if len(data) > total else STATUS_SUCCESS
            return status, copied, b""
        if ep.rx:
            if flags & MSG_WAITALL and len(ep.rx) < min(total, ep.window) and not ep.fin:
                return None                                     # MSG_WAITALL: until the buffers fill
            data = bytes(ep.rx[:total])
            if not flags & MSG_PEEK:
                del ep.rx[:len(data)]
                self._drain_sends(ep)
            return STATUS_SUCCESS, self._scatter(space, buffers, data), b""
        if ep.fin or total == 0:
            return STATUS_SUCCESS, 0, b""                           # FIN: the end of the stream
        return None

    @staticmethod
    def _write_address(space, address: int, length_ptr: int, source) -> None:
        raw = pack_sockaddr(source)
        (room,) = struct.unpack("<i", space.probe_read(length_ptr, 4))
        space.probe_write(address, raw[:max(room, 0)])
        space.probe_write(length_ptr, struct.pack("<i", len(raw)))

    def _serve_recvs(self, ep: Endpoint) -> None:
        while ep.recvs:
            io = ep.recvs[0]
            try:
                result = self._try_recv(ep, io)
            except NtStatusError as e:
                result = (e.status, 0, b"")
            if result is None:
                return
            ep.recvs.pop(0)
            self._finish(io, result[0], result[1])

    # -- send / sendto: AFD_SEND_INFO (ours): BufferArray, BufferCount, Flags, Address, AddressLength
    def _send(self, ep: Endpoint, io: Pending):
        array, count, flags, address, address_length = struct.unpack_from("<QIIQQ", io.request.ljust(32, b"\0"))
        space = io.thread.process.space
        data = b"".join(space.probe_read(va, length) for va, length in self._buffers(space, array, count) if length)
        if ep.shut_send:
            raise NtStatusError(STATUS_PIPE_DISCONNECTED)              # WSAESHUTDOWN
        if ep.kind == SOCK_DGRAM:
            if address and address_length:
                dest = parse_sockaddr(space.probe_read(address, min(address_length, 28)))
            elif ep.peer is not None:
                dest = ep.peer
            else:
                raise NtStatusError(STATUS_INVALID_CONNECTION)         # WSAENOTCONN
            return self._send_datagram(ep, dest, data)
        if ep.state != "connected":
            raise NtStatusError(STATUS_INVALID_CONNECTION)
        if ep.reset:
            raise NtStatusError(STATUS_CONNECTION_RESET)
        peer = ep.remote
        if peer is None or peer.state == "closed":
            ep.reset = True                     # the data reaches a closed socket, whose RST ends it
            self._record(ep, FD_CLOSE, WSAECONNRESET)
            return STATUS_SUCCESS, len(data), b""
        io.request = data
        room = peer.window - len(peer.rx)
        if room >= len(data) or (ep.nonblocking and room > 0):
            self._deliver(peer, data[:room])
            return STATUS_SUCCESS, min(len(data), room), b""
        if ep.nonblocking:
            ep.delivered &= ~FD_WRITE
            raise NtStatusError(STATUS_CANT_WAIT)
        if ep.sends:                                            # earlier sends go first
            return self._pend(ep, io, ep.sends)
        self._deliver(peer, data[:room])
        io.sent = room
        return self._pend(ep, io, ep.sends)

    def _count(self, family: int, **counters: int) -> None:
        for name, n in counters.items():
            self.stats[family][name] += n

    def _deliver(self, peer: Endpoint, data: bytes) -> None:
        if data:
            self._count(peer.family, Segs=1)
            peer.rx.extend(data)
            self._record(peer, FD_READ, 0)
            self._serve_recvs(peer)

    def _drain_sends(self, receiver: Endpoint) -> None:
        """The receiver read: its window opened, so its peer's waiting sends move on."""
        sender = receiver.remote
        if sender is None:
            return
        while sender.sends:
            io = sender.sends[0]
            room = receiver.window - len(receiver.rx)
            if room <= 0:
                return
            chunk = io.request[io.sent:io.sent + room]
            io.sent += len(chunk)
            self._count(receiver.family, Segs=1)
            receiver.rx.extend(chunk)
            if io.sent < len(io.request):
                return
            sender.sends.pop(0)
            self._finish(io, STATUS_SUCCESS, len(io.request))
        self._record(sender, FD_WRITE, 0)

    def _send_datagram(self, ep: Endpoint, dest, data: bytes):
        family, ip, port = dest
        if family != ep.family and not (ep.family == AF_INET6 and family == AF_INET):
            raise NtStatusError(STATUS_INVALID_ADDRESS_COMPONENT)
        if port == 0 or is_any(family, ip):
            raise NtStatusError(STATUS_INVALID_ADDRESS_COMPONENT)
        if not is_loopback(family, ip):
            raise NtStatusError(STATUS_NETWORK_UNREACHABLE)
        if len(data) > 65507:
            raise NtStatusError(STATUS_BUFFER_OVERFLOW)                 # WSAEMSGSIZE
        self._auto_bind(ep)
        self._count(ep.family, OutDatagrams=1)
        for e in self.bound:
            if e.kind != SOCK_DGRAM or e.state == "closed" or e.local[2] != port:
                continue
            lf, lip, _ = e.local
            if lf != family or not (lip == ip or is_any(lf, lip)):
                continue
            source = (family, ep.local[1] if not is_any(ep.family, ep.local[1]) else ip, ep.local[2])
            if e.peer is not None and e.peer != source:
                continue                                                # a connected socket filters
            if sum(len(d) for d, _ in e.datagrams) + len(data) <= e.window:
                self._count(e.family, InDatagrams=1)
                e.datagrams.append((data, source))                      # else dropped, as UDP is
                self._record(e, FD_READ, 0)
                self._serve_recvs(e)
            break
        else:
            self._count(ep.family, NoPorts=1)
        return STATUS_SUCCESS, len(data), b""

    # -- shutdown: AFD_DISCONNECT_INFO (ours) is SD_RECEIVE / SD_SEND / SD_BOTH
    def _disconnect(self, ep: Endpoint, io: Pending):
        (how,) = struct.unpack_from("<I", io.request.ljust(4, b"\0"))
        if how > SD_BOTH:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        if ep.kind == SOCK_STREAM and ep.state != "connected":
            raise NtStatusError(STATUS_INVALID_CONNECTION)
        if how in (SD_RECEIVE, SD_BOTH):
            ep.shut_recv = True
        if how in (SD_SEND, SD_BOTH) and not ep.shut_send:
            ep.shut_send = True
            self._send_fin(ep)
        return STATUS_SUCCESS, 0, b""

    def _send_fin(self, ep: Endpoint) -> None:
        peer = ep.remote
        if peer is not None and not peer.fin:
            self._count(peer.family, Segs=1)
            peer.fin = True
            self._record(peer, FD_CLOSE, 0)
            self._serve_recvs(peer)

    def _abort(self, ep: Endpoint) -> None:
        """An RST to the connection's other side: its requests fail with WSAECONNRESET."""
        peer = ep.remote
        if peer is None or peer.reset:
            return
        self._count(peer.family, EstabResets=1, Segs=1, OutRsts=1)
        peer.reset = True
        peer.rx.clear()
        self._record(peer, FD_CLOSE, WSAECONNRESET)
        for io in peer.recvs + peer.sends:
            self._finish(io, STATUS_CONNECTION_RESET, 0)
        peer.recvs.clear()
        peer.sends.clear()

    # -- names
    def _sock_name(self, ep: Endpoint, io: Pending):
        if ep.local is None:
            raise NtStatusError(STATUS_INVALID_PARAMETER)              # WSAEINVAL: not bound
        return STATUS_SUCCESS, 0, pack_sockaddr(ep.local)

    def _peer_name(self, ep: Endpoint, io: Pending):
        if ep.state != "connected" or ep.peer is None:
            raise NtStatusError(STATUS_INVALID_CONNECTION)
        return STATUS_SUCCESS, 0, pack_sockaddr(ep.peer)

    # -- CancelIoEx / CancelIo
    def cancel(self, file, io_status: int | None) -> int:
        if not isinstance(file, AfdFile):
            return 0
        ep = file.endpoint
        cancelled = 0
        for queue in (ep.recvs, ep.sends, ep.accepts, self.polls):
            for io in [io for io in queue if io.file is file and (io_status is None or io.io_status == io_status)]:
                queue.remove(io)
                self._finish(io, STATUS_CANCELLED, io.sent if queue is ep.sends else 0)
                cancelled += 1
        return cancelled

    # -- IRP_MJ_READ / IRP_MJ_WRITE on a socket handle: recv and send without flags
    def read_request(self, kernel, thread, file, buffer: int, length: int, io_status: int, event,
                     apc_context: int = 0, apc_routine: int = 0):
        if not isinstance(file, AfdFile):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        ep = file.endpoint
        io = Pending(thread, file, IOCTL_AFD_RECV, None, io_status, event, apc_routine, apc_context)
        if ep.kind == SOCK_STREAM and ep.state != "connected":
            raise NtStatusError(STATUS_INVALID_CONNECTION)
        io.request = ([(buffer, length)], 0, 0, 0)
        try:
            result = self._try_recv(ep, io)
            if result is not None:                      # NtReadFile writes the bytes (again)
                return result[0], bytes(thread.process.space.read(buffer, result[1])) if result[1] else b""
            status = self._pend(ep, io, ep.recvs)[0]
        finally:
            self._changed()
        return status, None

    def write(self, file, offset, data: bytes) -> int:
        """WriteFile on a connected stream socket: a send that does not wait for the window."""
        if not isinstance(file, AfdFile):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        ep = file.endpoint
        try:
            if ep.kind != SOCK_STREAM or ep.state != "connected":
                raise NtStatusError(STATUS_INVALID_CONNECTION)
            if ep.shut_send:
                raise NtStatusError(STATUS_PIPE_DISCONNECTED)
            if ep.reset:
                raise NtStatusError(STATUS_CONNECTION_RESET)
            if ep.remote is not None and ep.remote.state != "closed":
                self._deliver(ep.remote, data)
        finally:
            self._changed()
        return len(data)

    # -- IRP_MJ_CLEANUP: closesocket
    def cleanup(self, file) -> None:
        if not isinstance(file, AfdFile):
            return
        ep = file.endpoint
        for io in ep.recvs + ep.sends + ep.accepts + [p for p in self.polls if p.file is file]:
            self._finish(io, STATUS_CANCELLED, 0)
            if io in self.polls:
                self.polls.remove(io)
        ep.recvs.clear()
        ep.sends.clear()
        ep.accepts.clear()
        for conn in ep.backlog:                         # connections never accepted are reset
            conn.state = "closed"
            self._abort(conn)
        ep.backlog.clear()
        if ep.state == "connected" and ep.kind == SOCK_STREAM:
            if ep.rx or (ep.linger[0] and ep.linger[1] == 0):
                self._abort(ep)                         # unread data or a hard close: RST
            elif not ep.shut_send:
                self._send_fin(ep)
        ep.state = "closed"
        if ep in self.bound:
            self.bound.remove(ep)
        self._changed()
