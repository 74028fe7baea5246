"""\\Device\\Nsi: the Network Store Interface, from which iphlpapi reads the TCP and UDP endpoint
tables (GetTcpTable, GetExtendedUdpTable, ...). Its one request, IOCTL_NSI_GETALLPARAM, lists the
endpoints AFD holds (kernel/io/afd.py): the listeners and connections of TCP, the bound sockets of
UDP, each with its addresses, TCP state and owning process. The request and row shapes are this
kernel's own (Windows' are not public facts) and are written out in guest/iphlpapi/nsi.h.

Request: ULONG Protocol (6 TCP, 17 UDP), ULONG Family (AF_INET, AF_INET6). Reply: ULONG Count,
ULONG Reserved, then Count rows of NSI_ENDPOINT_ROW (56 bytes): USHORT Family, USHORT State (a
MIB_TCP_STATE), ULONG OwnerPid, BYTE LocalAddr[16], ULONG LocalScope, USHORT LocalPort (network
order), USHORT pad, BYTE RemoteAddr[16], ULONG RemoteScope, USHORT RemotePort, USHORT pad. A reply
buffer too small gets the header alone and STATUS_BUFFER_OVERFLOW.

IOCTL_NSI_GETPARAM (the same request) gives a protocol's counters for the family (AFD's, kernel/io/afd.py): for
TCP eight ULONGs, ActiveOpens, PassiveOpens, AttemptFails, EstabResets, CurrEstab, Segs (each
segment is both sent and received on the loopback), OutRsts, NumConns; for UDP five,
InDatagrams, NoPorts, InErrors, OutDatagrams, NumAddrs.
"""
import struct

from ..status import (
    STATUS_BUFFER_OVERFLOW,
    STATUS_BUFFER_TOO_SMALL,
    STATUS_INVALID_DEVICE_REQUEST,
    STATUS_INVALID_PARAMETER,
    STATUS_OBJECT_NAME_NOT_FOUND,
    STATUS_SUCCESS,
    NtStatusError,
)
from .afd_endpoint import AF_INET, AF_INET6, SOCK_DGRAM, SOCK_STREAM
from .device import DeviceObject
from .file import FileObject

IOCTL_NSI_GETALLPARAM = 0x0012001B
IOCTL_NSI_GETPARAM = 0x00120007
IPPROTO_TCP, IPPROTO_UDP = 6, 17
# MIB_TCP_STATE
MIB_TCP_STATE_LISTEN, MIB_TCP_STATE_ESTAB = 2, 5
MIB_TCP_STATE_FIN_WAIT2, MIB_TCP_STATE_CLOSE_WAIT = 7, 8
_row = struct.Struct("<HHI16sIH2x16sIH2x")


def _tcp_state(ep) -> int | None:
    """The MIB_TCP_STATE of a TCP endpoint the table shows, or None (bound only, or closed)."""
    if ep.state == "listening":
        return MIB_TCP_STATE_LISTEN
    if ep.state != "connected" or ep.reset:
        return None
    if ep.fin:
        return MIB_TCP_STATE_CLOSE_WAIT            # the peer closed its side
    if ep.shut_send:
        return MIB_TCP_STATE_FIN_WAIT2             # we closed ours
    return MIB_TCP_STATE_ESTAB


def _address(family: int, addr) -> tuple[bytes, int]:
    if addr is None:
        return bytes(16), 0
    _, ip, port = addr
    return (ip if family == AF_INET6 else ip.ljust(16, b"\0")), port


class NsiDevice(DeviceObject):
    device_type = 0x12                             # FILE_DEVICE_NETWORK

    def parse(self, request, remaining: str):
        if remaining:
            raise NtStatusError(STATUS_OBJECT_NAME_NOT_FOUND)
        file = FileObject(self.kernel, self, "")
        file.granted_access = request.access
        return file, 1                                          # FILE_OPENED

    def rows(self, protocol: int, family: int) -> list[bytes]:
        """The endpoint rows of one protocol and family, in the order the tables sort them:
        local address, local port, remote address, remote port."""
        from .iomgr import io_manager
        afd = io_manager(self.kernel).afd
        kind = SOCK_STREAM if protocol == IPPROTO_TCP else SOCK_DGRAM
        rows = []
        for ep in afd.bound:
            if ep.kind != kind or ep.family != family or ep.local is None or ep.state == "closed":
                continue
            state = _tcp_state(ep) if kind == SOCK_STREAM else 0
            if state is None:
                continue
            local, local_port = _address(family, ep.local)
            remote, remote_port = _address(family, ep.peer if kind == SOCK_STREAM else None)
            key = (local, local_port, remote, remote_port)
            rows.append((key, _row.pack(family, state, getattr(ep, "owner_pid", 0), local, 0,
                                        struct.unpack("<H", struct.pack(">H", local_port))[0], remote, 0,
                                        struct.unpack("<H", struct.pack(">H", remote_port))[0])))
        rows.sort(key=lambda r: r[0])
        return [r[1] for r in rows]

    def counters(self, protocol: int, family: int) -> bytes:
        from .iomgr import io_manager
        afd = io_manager(self.kernel).afd
        c = afd.stats[family]
        mine = [ep for ep in afd.bound if ep.family == family and ep.local is not None and ep.state != "closed"]
        if protocol == IPPROTO_TCP:
            tcp = [ep for ep in mine if ep.kind == SOCK_STREAM and _tcp_state(ep)]
            established = sum(1 for ep in tcp if _tcp_state(ep) in (MIB_TCP_STATE_ESTAB, MIB_TCP_STATE_CLOSE_WAIT))
            return struct.pack("<8I", c["ActiveOpens"], c["PassiveOpens"], c["AttemptFails"], c["EstabResets"],
                               established, c["Segs"], c["OutRsts"], len(tcp))
        udp = sum(1 for ep in mine if ep.kind == SOCK_DGRAM)
        return struct.pack("<5I", c["InDatagrams"], c["NoPorts"], 0, c["OutDatagrams"], udp)

    def device_control(self, thread, file, code: int, data: bytes, out_buffer: int, out_length: int,
                       io_status: int, event, apc_routine: int, apc_context: int):
        """Returns (status, information, output bytes) at once: nothing here waits."""
        if code not in (IOCTL_NSI_GETALLPARAM, IOCTL_NSI_GETPARAM):
            raise NtStatusError(STATUS_INVALID_DEVICE_REQUEST)
        if len(data) < 8:
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        protocol, family = struct.unpack_from("<II", data)
        if protocol not in (IPPROTO_TCP, IPPROTO_UDP) or family not in (AF_INET, AF_INET6):
            raise NtStatusError(STATUS_INVALID_PARAMETER)
        if code == IOCTL_NSI_GETPARAM:
            reply = self.counters(protocol, family)
            if out_length < len(reply):
                raise NtStatusError(STATUS_BUFFER_TOO_SMALL)
            return STATUS_SUCCESS, len(reply), reply
        if out_length < 8:
            raise NtStatusError(STATUS_BUFFER_TOO_SMALL)
        rows = self.rows(protocol, family)
        header = struct.pack("<II", len(rows), 0)
        if out_length < 8 + len(rows) * _row.size:
            return STATUS_BUFFER_OVERFLOW, 8, header
        return STATUS_SUCCESS, 8 + len(rows) * _row.size, header + b"".join(rows)
