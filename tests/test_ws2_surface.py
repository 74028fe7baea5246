"""The rest of ws2_32's documented surface (guest/ws2_32: byteorder.c, addrinfoex*.c, msg.c,
connect_name.c, nsp.c, lookup.c, async_db.c, async_select.c,
config_change.c, blocking.c) through samples/ws2_surface over loopback: its
output and exit code, the documented error codes by name, and that ws2_32 exports every name the
sample imports (a missing one would keep the program from loading at all)."""
import os

import pefile
import pytest
from conftest import ROOT, guest_exports, run_kernel, sample_expectation, sample_path

NEW_EXPORTS = {
    "WSAHtonl", "WSAHtons", "WSANtohl", "WSANtohs",
    "GetAddrInfoExW", "GetAddrInfoExA", "FreeAddrInfoExW", "FreeAddrInfoEx", "GetAddrInfoExCancel",
    "GetAddrInfoExOverlappedResult",
    "WSASendMsg", "WSARecvDisconnect", "WSASendDisconnect", "WSADuplicateSocketA", "WSADuplicateSocketW",
    "WSAConnectByNameW", "WSAConnectByNameA",
    "WSALookupServiceBeginW", "WSALookupServiceBeginA", "WSALookupServiceNextW", "WSALookupServiceNextA",
    "WSALookupServiceEnd", "WSAEnumNameSpaceProvidersW", "WSAEnumNameSpaceProvidersA",
    "WSAEnumNameSpaceProvidersExW", "WSAEnumNameSpaceProvidersExA",
    "WSASetBlockingHook", "WSAUnhookBlockingHook", "WSACancelBlockingCall", "WSAIsBlocking",
    "WSAAsyncSelect", "WSAAsyncGetHostByName", "WSAAsyncGetHostByAddr", "WSAAsyncGetServByName",
    "WSAAsyncGetServByPort", "WSAAsyncGetProtoByName", "WSAAsyncGetProtoByNumber", "WSACancelAsyncRequest",
    "WSANSPIoctl", "WSAProviderConfigChange",
}

LINES = [
    "WSAHtonl before WSAStartup -> WSANOTINITIALISED",
    "WSAHtonl of an event -> WSAENOTSOCK",
    "WSAHtonl without a result -> WSAEFAULT",
    "GetAddrInfoExW(localhost, 80, NS_DNS): 127.0.0.1:80",
    "an unknown host -> WSAHOST_NOT_FOUND",
    "GetAddrInfoExW with an OVERLAPPED -> WSA_IO_PENDING",
    "its event is set when it completes",
    "with WSAHOST_NOT_FOUND and its OVERLAPPED",
    "cancel of an unknown handle -> WSA_INVALID_HANDLE",
    "one datagram \"abcde\" from the sender's port",
    "the peer reads \"abcde\"",
    "the peer's recv returns 0",
    "a send after it -> WSAESHUTDOWN",
    "the copy keeps the connection",
    "the remote address: 127.0.0.1 at that port",
    "WSAConnectByNameA of an unknown host -> WSAHOST_NOT_FOUND",
    "the DNS provider: Tcpip, NS_DNS, active",
    "WSALookupServiceNextW into 8 bytes -> WSAEFAULT",
    "its BLOB: a hostent with offsets, 127.0.0.1",
    "the next -> WSA_E_NO_MORE",
    "a second End -> WSA_INVALID_HANDLE",
    "WSASetBlockingHook -> WSAEOPNOTSUPP",
    "its message: the task, no error",
    "the hostent in the buffer: 127.0.0.1",
    "cancelling it now -> WSAEALREADY",
    "into 8 bytes: WSAENOBUFS with the length needed",
    "WSACancelAsyncRequest of no task -> WSAEINVAL",
    "a connection posts FD_ACCEPT for the listener",
    "the socket is non-blocking now",
    "data posts FD_READ",
    "the peer's close posts FD_CLOSE",
    "WSANSPIoctl(SIO_NSP_NOTIFY_CHANGE) on it -> WSAEOPNOTSUPP",
    "waiting for a change, overlapped -> WSA_IO_PENDING",
    "a handle it did not make -> WSA_INVALID_HANDLE",
]


@pytest.fixture(scope="module")
def surface_run():
    return run_kernel("boot", sample_path("ws2_surface"))


def test_output_and_exit_code(surface_run):
    expected = sample_expectation("ws2_surface")
    assert surface_run.stdout.decode() == expected["stdout"]
    assert surface_run.returncode == expected["exit_code"] == 0


@pytest.mark.parametrize("line", LINES)
def test_documented_results(surface_run, line):
    assert ("ok   " + line).encode() in surface_run.stdout.splitlines(), surface_run.stdout.decode(errors="replace")


def test_exports():
    assert NEW_EXPORTS <= guest_exports("ws2_32.dll")


def test_every_name_the_sample_imports_is_exported():
    pe = pefile.PE(os.path.join(ROOT, "samples", "ws2_surface", "ws2_surface.exe"))
    imported = {i.name.decode() for d in pe.DIRECTORY_ENTRY_IMPORT if d.dll.decode().lower() == "ws2_32.dll"
                for i in d.imports if i.name}
    assert "GetAddrInfoExCancel" in imported and "WSASendMsg" in imported
    assert imported <= guest_exports("ws2_32.dll")


def test_the_winsock_1_calls_have_windows_ordinals():
    pe = pefile.PE(os.path.join(ROOT, "guest", "bin", "ws2_32.dll"), fast_load=True)
    pe.parse_data_directories(directories=[0])
    by_ordinal = {e.ordinal: e.name.decode() for e in pe.DIRECTORY_ENTRY_EXPORT.symbols if e.name}
    assert [by_ordinal[n] for n in range(101, 111)] == [
        "WSAAsyncSelect", "WSAAsyncGetHostByAddr", "WSAAsyncGetHostByName", "WSAAsyncGetProtoByNumber",
        "WSAAsyncGetProtoByName", "WSAAsyncGetServByPort", "WSAAsyncGetServByName", "WSACancelAsyncRequest",
        "WSASetBlockingHook", "WSAUnhookBlockingHook"]
    assert by_ordinal[113] == "WSACancelBlockingCall" and by_ordinal[114] == "WSAIsBlocking"
