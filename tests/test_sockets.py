"""Winsock over \\Device\\Afd (kernel/io/afd.py, guest/ws2_32): samples/sock_basic's checks by
name (TCP echo, UDP, non-blocking connect with select, WSAPoll, overlapped WSARecv on a
completion port, AcceptEx/ConnectEx, names, error codes), that its sockets are AFD file handles
driven by NtDeviceIoControlFile, and that ws2_32 exports the classic calls by their ordinals."""
import os

import pefile
import pytest
from conftest import run_kernel, sample_path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

LINES = [
    b"socket before WSAStartup -> WSANOTINITIALISED",
    b"closesocket of an event -> WSAENOTSOCK",
    b"the first ephemeral port is 49152",
    b"the same 11 bytes come back",
    b"the server saw the client's FIN as recv 0",
    b"send after shutdown -> WSAESHUTDOWN",
    b"bind to a port in use -> WSAEADDRINUSE",
    b"connect to a port nobody listens on -> WSAECONNREFUSED",
    b"recv on an unconnected socket -> WSAENOTCONN",
    b"connect to 10.1.2.3 (not loopback) -> WSAENETUNREACH",
    b"the peer closed with unread data -> WSAECONNRESET",
    b"recvfrom: one datagram, its boundary kept",
    b"a datagram larger than the buffer -> WSAEMSGSIZE",
    b"a non-blocking connect -> WSAEWOULDBLOCK",
    b"select: writable once connected",
    b"select times out with nothing to read",
    b"WSAPoll: POLLHUP after the peer's close",
    b"SO_ERROR says WSAECONNREFUSED",
    b"its completion packet: the key, the OVERLAPPED, 6 bytes",
    b"GetAcceptExSockaddrs: both ends",
    b"getaddrinfo(localhost): ::1 then 127.0.0.1",
    b"another name -> WSAHOST_NOT_FOUND (EAI_NONAME)",
]


MORE_LINES = [
    b"accept: the peer is [::1] at the client's port",
    b"its peer is ::ffff:127.0.0.1",
    b"SO_REUSEADDR: a second bind to the same port",
    b"SO_REUSEADDR against an exclusive port -> WSAEACCES",
    b"a hard close resets: WSAECONNRESET",
    b"the next one meets its RST -> WSAECONNRESET",
    b"listen on a UDP socket -> WSAEOPNOTSUPP",
    b"an unknown option -> WSAENOPROTOOPT",
    b"send on a closed socket -> WSAENOTSOCK",
    b"after exactly the receiver's SO_RCVBUF bytes",
    b"reading 400 opens 400 bytes of window",
    b"WSAEnumNetworkEvents: FD_ACCEPT",
    b"FD_CLOSE after the peer's graceful close",
    b"SleepEx(alertable) runs it: 7 bytes",
    b"it ends with WSA_OPERATION_ABORTED",
    b"ReadFile on the other end reads it",
    b"the duplicate keeps the connection after the original closed",
    b"WSAEnumProtocolsW(TCP): two entries, IFS handles",
    b"GetAddrInfoW(::1, 443)",
    b"posts no packet",
    b"the child's send arrives on the connection",
    b"a recv with nothing -> WSAETIMEDOUT",
    b"6 of 6 do",
    b"posts its packet when it completes",
    b"a second WSACleanup -> WSANOTINITIALISED",
    b"getservbyname(http): 80",
    b"an unknown service -> WSANO_DATA",
]


@pytest.fixture(scope="module")
def more_run():
    return run_kernel("boot", sample_path("sock_more"))


@pytest.mark.parametrize("line", MORE_LINES, ids=[line.decode() for line in MORE_LINES])
def test_sock_more_checks(more_run, line):
    assert b"ok   " + line in more_run.stdout.splitlines(), more_run.stdout.decode(errors="replace")
    assert b"FAIL" not in more_run.stdout and more_run.returncode == 0


@pytest.fixture(scope="module")
def sock_run():
    return run_kernel("boot", sample_path("sock_basic"))


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_sock_basic_checks(sock_run, line):
    assert b"ok   " + line in sock_run.stdout.splitlines(), sock_run.stdout.decode(errors="replace")


def test_sock_basic_passes_everything(sock_run):
    assert b"FAIL" not in sock_run.stdout
    assert sock_run.returncode == 0


def test_sockets_are_afd_files_driven_by_device_io_control(tmp_path):
    out = tmp_path / "calls.txt"
    result = run_kernel("trace", "--syscalls", "-o", str(out), sample_path("sock_basic"), timeout=600)
    assert result.returncode == 0
    calls = out.read_text()
    assert "Afd" in calls and "Endpoint" in calls                  # NtCreateFile(\Device\Afd\Endpoint)
    assert calls.count(" NtDeviceIoControlFile(") > 50
    assert "IoControlCode=0x12003" in calls and "IoControlCode=0x12024" in calls     # AFD_BIND, AFD_SELECT


def test_ws2_32_exports_the_classic_ordinals():
    pe = pefile.PE(os.path.join(ROOT, "guest", "bin", "ws2_32.dll"), fast_load=False)
    by_ordinal = {e.ordinal: e.name for e in pe.DIRECTORY_ENTRY_EXPORT.symbols}
    assert by_ordinal[1] == b"accept" and by_ordinal[3] == b"closesocket" and by_ordinal[23] == b"socket"
    assert by_ordinal[111] == b"WSAGetLastError" and by_ordinal[115] == b"WSAStartup"
    assert by_ordinal[151] == b"__WSAFDIsSet" and by_ordinal[52] == b"gethostbyname"
    assert by_ordinal[56] == b"getservbyport"


GO_LINES = [
    b"net.Listen(tcp, 127.0.0.1:0)",
    b"net.Dial to it",
    b"after CloseWrite the server ends: io.EOF",
    b"a dial to the closed port: WSAECONNREFUSED",
    b"a datagram from the other socket's address",
    b"LookupHost(localhost): 127.0.0.1 ::1",
    b"net/http: GET /loopback -> hello from /loopback",
]


@pytest.fixture(scope="module")
def go_net_run():
    return run_kernel("boot", sample_path("go_net"), timeout=600)


@pytest.mark.parametrize("line", GO_LINES, ids=[line.decode() for line in GO_LINES])
def test_go_net_over_loopback(go_net_run, line):
    """Go's net package: its netpoll's AcceptEx/ConnectEx/WSARecv on a completion port."""
    assert b"ok   " + line in go_net_run.stdout.splitlines(), go_net_run.stdout.decode(errors="replace")
    assert b"FAIL" not in go_net_run.stdout and go_net_run.returncode == 0


RUST_LINES = [
    b"TcpListener::bind(127.0.0.1:0)",
    b"the server read to EOF after shutdown(Write) and answered: desserts",
    b"connect to a closed port: ConnectionRefused",
    b"a non-blocking accept with nobody: WouldBlock",
    b"a non-blocking read with nothing: WouldBlock",
    b"a try_clone'd stream writes to the same connection",
    b"UdpSocket: a datagram and its sender",
    b"a connected UdpSocket's send",
]


@pytest.fixture(scope="module")
def rust_net_run():
    return run_kernel("boot", sample_path("rust_net"), timeout=600)


@pytest.mark.parametrize("line", RUST_LINES, ids=[line.decode() for line in RUST_LINES])
def test_rust_std_net_over_loopback(rust_net_run, line):
    """Rust's std::net: WSASocketW, ioctlsocket(FIONBIO), WSADuplicateSocketW for try_clone."""
    assert b"ok   " + line in rust_net_run.stdout.splitlines(), rust_net_run.stdout.decode(errors="replace")
    assert b"FAIL" not in rust_net_run.stdout and rust_net_run.returncode == 0


# What Rust 1.63's std imports from ws2_32 when it is built without LTO (read from such a build).
RUST_STD_WS2_32 = [
    "WSACleanup", "WSADuplicateSocketW", "WSAGetLastError", "WSARecv", "WSASend", "WSASocketW", "WSAStartup",
    "accept", "bind", "closesocket", "connect", "freeaddrinfo", "getaddrinfo", "getpeername", "getsockname",
    "getsockopt", "ioctlsocket", "listen", "recv", "recvfrom", "select", "send", "sendto", "setsockopt", "shutdown",
]
# What Go 1.19's syscall and internal/poll find in ws2_32 and mswsock by name.
GO_WS2_32 = ["WSAStartup", "WSACleanup", "WSAIoctl", "WSARecv", "WSASend", "WSARecvFrom", "WSASendTo", "bind",
             "connect", "getsockopt", "setsockopt", "listen", "shutdown", "closesocket", "getsockname",
             "getpeername", "WSAEnumProtocolsW", "GetAddrInfoW", "FreeAddrInfoW", "ntohs", "socket"]


def _exports(name):
    pe = pefile.PE(os.path.join(ROOT, "guest", "bin", name))
    return {e.name.decode() for e in pe.DIRECTORY_ENTRY_EXPORT.symbols if e.name}


def test_rust_std_and_go_find_their_winsock_imports():
    ws2_32 = _exports("ws2_32.dll")
    assert [n for n in RUST_STD_WS2_32 + GO_WS2_32 if n not in ws2_32] == []
    assert {"AcceptEx", "GetAcceptExSockaddrs"} <= _exports("mswsock.dll")
