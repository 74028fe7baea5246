"""AFD's socket options (IOCTL_AFD_SET_INFO / IOCTL_AFD_GET_INFO, our AFD_INFO: Level, Name,
then the value): what setsockopt/getsockopt, FIONBIO and FIONREAD reach; kept on the endpoint."""
import struct

from ..status import STATUS_INVALID_PARAMETER, STATUS_NOT_SUPPORTED, STATUS_SUCCESS, NtStatusError
from .afd_endpoint import (
    AF_INET6,
    AFD_INFO_BLOCKING_MODE,
    AFD_INFO_RECEIVE_CONTENT_SIZE,
    AFD_LEVEL,
    IPPROTO_IPV6,
    IPPROTO_TCP,
    IPV6_V6ONLY,
    SO_ACCEPTCONN,
    SO_BROADCAST,
    SO_CONDITIONAL_ACCEPT,
    SO_DEBUG,
    SO_DONTROUTE,
    SO_ERROR,
    SO_EXCLUSIVEADDRUSE,
    SO_KEEPALIVE,
    SO_LINGER,
    SO_OOBINLINE,
    SO_RCVBUF,
    SO_RCVTIMEO,
    SO_REUSEADDR,
    SO_SNDBUF,
    SO_SNDTIMEO,
    SO_TYPE,
    SO_UPDATE_ACCEPT_CONTEXT,
    SO_UPDATE_CONNECT_CONTEXT,
    SOCK_STREAM,
    SOL_SOCKET,
    TCP_NODELAY,
    Endpoint,
    Pending,
)


class AfdOptions:
    """The options half of AfdDevice."""

    # -- options: AFD_INFO (ours): Level, Name, then the value
    def _set_info(self, ep: Endpoint, io: Pending):
        level, name = struct.unpack_from("<II", io.request.ljust(8, b"\0"))
        value = io.request[8:]
        number = struct.unpack_from("<I", value.ljust(4, b"\0"))[0]
        if level == AFD_LEVEL and name == AFD_INFO_BLOCKING_MODE:
            ep.nonblocking = bool(number)
        elif level == SOL_SOCKET and name == SO_LINGER:
            if len(value) < 4:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            ep.linger = struct.unpack_from("<HH", value)
        elif level == SOL_SOCKET and name in (SO_REUSEADDR, SO_EXCLUSIVEADDRUSE):
            if ep.local is not None:
                raise NtStatusError(STATUS_INVALID_PARAMETER)          # only before bind
            other = SO_EXCLUSIVEADDRUSE if name == SO_REUSEADDR else SO_REUSEADDR
            if number and ep.option(SOL_SOCKET, other):
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            ep.options[(level, name)] = int(bool(number))
        elif level == SOL_SOCKET and name in (SO_RCVBUF, SO_SNDBUF):
            ep.options[(level, name)] = number
        elif level == SOL_SOCKET and name in (SO_KEEPALIVE, SO_BROADCAST, SO_DONTROUTE, SO_OOBINLINE, SO_DEBUG,
                                              SO_RCVTIMEO, SO_SNDTIMEO, SO_CONDITIONAL_ACCEPT):
            ep.options[(level, name)] = number
        elif level == SOL_SOCKET and name in (SO_UPDATE_ACCEPT_CONTEXT, SO_UPDATE_CONNECT_CONTEXT):
            pass                                        # the endpoint already knows its connection
        elif level == IPPROTO_TCP and name == TCP_NODELAY and ep.kind == SOCK_STREAM:
            ep.options[(level, name)] = int(bool(number & 0xFF))
        elif level == IPPROTO_IPV6 and name == IPV6_V6ONLY and ep.family == AF_INET6:
            if ep.local is not None:
                raise NtStatusError(STATUS_INVALID_PARAMETER)
            ep.options[(level, name)] = int(bool(number))
        else:
            raise NtStatusError(STATUS_NOT_SUPPORTED)                # WSAENOPROTOOPT
        return STATUS_SUCCESS, 0, b""

    def _get_info(self, ep: Endpoint, io: Pending):
        level, name = struct.unpack_from("<II", io.request.ljust(8, b"\0"))
        if level == AFD_LEVEL and name == AFD_INFO_RECEIVE_CONTENT_SIZE:
            pending = len(ep.rx) if ep.kind == SOCK_STREAM else (len(ep.datagrams[0][0]) if ep.datagrams else 0)
            value = pending
        elif level == AFD_LEVEL and name == AFD_INFO_BLOCKING_MODE:
            value = int(ep.nonblocking)
        elif level == SOL_SOCKET and name == SO_ERROR:
            value, ep.so_error = ep.so_error, 0
        elif level == SOL_SOCKET and name == SO_TYPE:
            value = ep.kind
        elif level == SOL_SOCKET and name == SO_ACCEPTCONN:
            value = int(ep.state == "listening")
        elif level == SOL_SOCKET and name == SO_LINGER:
            return STATUS_SUCCESS, 0, struct.pack("<HH", *ep.linger)
        elif (level, name) in ep.options or (level == SOL_SOCKET and name in (
                SO_REUSEADDR, SO_EXCLUSIVEADDRUSE, SO_KEEPALIVE, SO_BROADCAST, SO_DONTROUTE, SO_OOBINLINE, SO_DEBUG,
                SO_RCVTIMEO, SO_SNDTIMEO, SO_CONDITIONAL_ACCEPT)):
            value = ep.option(level, name)
        elif level == IPPROTO_TCP and name == TCP_NODELAY and ep.kind == SOCK_STREAM:
            value = 0
        else:
            raise NtStatusError(STATUS_NOT_SUPPORTED)
        return STATUS_SUCCESS, 0, struct.pack("<I", value & 0xFFFFFFFF)
