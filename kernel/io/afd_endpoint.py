"""AFD's vocabulary (kernel/io/afd.py is the driver): the IOCTL codes, the AFD_EVENT_* readiness
bits, the socket options' numbers, socket addresses as (family, ip bytes, port) with their
sockaddr form, an endpoint's protocol state, the socket's file object and a waiting request."""
import struct

from ..status import STATUS_INVALID_ADDRESS_COMPONENT, STATUS_INVALID_PARAMETER, NtStatusError
from .file import FileObject

FILE_DEVICE_NETWORK = 0x12


def _afd_code(operation: int, method: int) -> int:
    return FILE_DEVICE_NETWORK << 12 | operation << 2 | method


METHOD_BUFFERED, METHOD_NEITHER = 0, 3
IOCTL_AFD_BIND = _afd_code(0, METHOD_NEITHER)
IOCTL_AFD_CONNECT = _afd_code(1, METHOD_NEITHER)
IOCTL_AFD_START_LISTEN = _afd_code(2, METHOD_NEITHER)
IOCTL_AFD_ACCEPT = _afd_code(4, METHOD_BUFFERED)
IOCTL_AFD_RECV = _afd_code(5, METHOD_NEITHER)
IOCTL_AFD_SEND = _afd_code(7, METHOD_NEITHER)
IOCTL_AFD_SELECT = _afd_code(9, METHOD_BUFFERED)
IOCTL_AFD_DISCONNECT = _afd_code(10, METHOD_NEITHER)
IOCTL_AFD_GET_SOCK_NAME = _afd_code(11, METHOD_NEITHER)
IOCTL_AFD_GET_PEER_NAME = _afd_code(12, METHOD_NEITHER)
IOCTL_AFD_SET_INFO = _afd_code(14, METHOD_NEITHER)
IOCTL_AFD_GET_INFO = _afd_code(30, METHOD_NEITHER)
IOCTL_AFD_EVENT_SELECT = _afd_code(33, METHOD_NEITHER)
IOCTL_AFD_ENUM_NETWORK_EVENTS = _afd_code(34, METHOD_NEITHER)

# AFD_EVENT_* (readiness bits of IOCTL_AFD_SELECT)
AFD_EVENT_RECEIVE, AFD_EVENT_OOB_RECEIVE, AFD_EVENT_SEND, AFD_EVENT_DISCONNECT = 0x1, 0x2, 0x4, 0x8
AFD_EVENT_ABORT, AFD_EVENT_CLOSE, AFD_EVENT_CONNECT, AFD_EVENT_ACCEPT = 0x10, 0x20, 0x40, 0x80
AFD_EVENT_CONNECT_FAIL = 0x100
# WSAEventSelect's FD_* bits and their bit numbers (FD_READ_BIT ...)
FD_READ, FD_WRITE, FD_OOB, FD_ACCEPT, FD_CONNECT, FD_CLOSE = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20
AF_INET, AF_INET6 = 2, 23
SOCK_STREAM, SOCK_DGRAM = 1, 2
SOL_SOCKET, IPPROTO_TCP, IPPROTO_IPV6, AFD_LEVEL = 0xFFFF, 6, 41, 0
SO_DEBUG, SO_ACCEPTCONN, SO_REUSEADDR, SO_KEEPALIVE, SO_DONTROUTE, SO_BROADCAST = 1, 2, 4, 8, 0x10, 0x20
SO_LINGER, SO_OOBINLINE, SO_SNDBUF, SO_RCVBUF, SO_ERROR, SO_TYPE = 0x80, 0x100, 0x1001, 0x1002, 0x1007, 0x1008
SO_EXCLUSIVEADDRUSE = ~SO_REUSEADDR & 0xFFFFFFFF
SO_CONDITIONAL_ACCEPT, SO_UPDATE_ACCEPT_CONTEXT, SO_UPDATE_CONNECT_CONTEXT = 0x3002, 0x700B, 0x7010
SO_RCVTIMEO, SO_SNDTIMEO, SO_PROTOCOL_INFOW = 0x1006, 0x1005, 0x2005
TCP_NODELAY, IPV6_V6ONLY = 1, 27
AFD_INFO_BLOCKING_MODE, AFD_INFO_RECEIVE_CONTENT_SIZE = 0x02, 0x11
MSG_OOB, MSG_PEEK, MSG_WAITALL = 0x1, 0x2, 0x8
SD_RECEIVE, SD_SEND, SD_BOTH = 0, 1, 2
WSAECONNREFUSED, WSAECONNRESET, WSAECONNABORTED = 10061, 10054, 10053
EPHEMERAL_FIRST, EPHEMERAL_LAST = 49152, 65535      # Windows' dynamic port range
DEFAULT_WINDOW = 65536                              # SO_RCVBUF / SO_SNDBUF as Windows 10 reports them
_iosb = struct.Struct("<QQ")
LOOPBACK4, ANY4 = bytes([127, 0, 0, 1]), bytes(4)
LOOPBACK6, ANY6 = bytes(15) + b"\x01", bytes(16)
MAPPED_PREFIX = bytes(10) + b"\xff\xff"


# -- addresses: (family, ip bytes, port)
def parse_sockaddr(data: bytes):
    if len(data) < 2:
        raise NtStatusError(STATUS_INVALID_PARAMETER)
    (family,) = struct.unpack_from("<H", data)
    if family == AF_INET and len(data) >= 16:
        return AF_INET, bytes(data[4:8]), struct.unpack_from(">H", data, 2)[0]
    if family == AF_INET6 and len(data) >= 28:
        return AF_INET6, bytes(data[8:24]), struct.unpack_from(">H", data, 2)[0]
    raise NtStatusError(STATUS_INVALID_ADDRESS_COMPONENT)


def pack_sockaddr(addr) -> bytes:
    family, ip, port = addr
    if family == AF_INET:
        return struct.pack("<H", AF_INET) + struct.pack(">H", port) + ip + bytes(8)
    return struct.pack("<H", AF_INET6) + struct.pack(">H", port) + bytes(4) + ip + bytes(4)


def is_loopback(family: int, ip: bytes) -> bool:
    if family == AF_INET:
        return ip[0] == 127
    return ip == LOOPBACK6 or (ip[:12] == MAPPED_PREFIX and ip[12] == 127)


def is_any(family: int, ip: bytes) -> bool:
    return ip == (ANY4 if family == AF_INET else ANY6)


class Pending:
    """An IRP waiting in the driver: whose, its request, where its results go."""

    def __init__(self, thread, file, code: int, request, io_status: int, event, apc_routine: int, apc_context: int,
                 out_buffer: int = 0):
        self.thread, self.file, self.code, self.request = thread, file, code, request
        self.io_status, self.event, self.apc_routine, self.apc_context = io_status, event, apc_routine, apc_context
        self.out_buffer = out_buffer
        self.sent = 0                                   # a send's bytes already in the peer's window


class Endpoint:
    """One socket's protocol state (a TCP connection's one side, a listener, or a UDP socket)."""

    def __init__(self, family: int, kind: int, protocol: int):
        self.family, self.kind, self.protocol = family, kind, protocol
        self.local = None                               # (family, ip, port) once bound
        self.peer = None                                # the remote address (TCP connected, UDP connected)
        self.remote: Endpoint | None = None             # the other side of a TCP connection
        self.state = "open"                             # open, listening, connected, closed
        self.rx = bytearray()                           # stream bytes to read
        self.datagrams: list = []                       # (bytes, source address)
        self.backlog: list[Endpoint] = []               # connections waiting for accept
        self.backlog_max = 0
        self.fin = False                                # the peer sent FIN: reads end after rx
        self.reset = False                              # the connection was reset
        self.shut_send = self.shut_recv = False
        self.nonblocking = False
        self.so_error = 0
        self.options = {(SOL_SOCKET, SO_RCVBUF): DEFAULT_WINDOW, (SOL_SOCKET, SO_SNDBUF): DEFAULT_WINDOW,
                        (IPPROTO_IPV6, IPV6_V6ONLY): 1}
        self.linger = (0, 0)                            # l_onoff, l_linger
        self.recvs: list[Pending] = []
        self.sends: list[Pending] = []
        self.accepts: list[Pending] = []
        self.event = None                               # WSAEventSelect's event and mask
        self.event_mask = 0
        self.recorded = 0                               # network events recorded (FD_*), and errors
        self.errors: dict[int, int] = {}
        self.delivered = 0                              # FD_* bits reported since their re-enabling call
        self.owner_pid: int | None = None               # the process of its first request (\Device\Nsi)

    def option(self, level: int, name: int) -> int:
        return self.options.get((level, name), 0)

    @property
    def window(self) -> int:
        return max(self.option(SOL_SOCKET, SO_RCVBUF), 1)


class AfdFile(FileObject):
    """A socket handle's file object; accept gives it the connection's endpoint."""

    def __init__(self, kernel, device, endpoint: Endpoint):
        super().__init__(kernel, device, "\\Endpoint")
        self.endpoint = endpoint
