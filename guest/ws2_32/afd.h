/* The requests ws2_32 sends to \Device\Afd (kernel/io/afd.py answers them). The IOCTL codes are
 * AFD's (FILE_DEVICE_NETWORK, the operation numbers of the public afd headers); the structures
 * marked "ours" are this project's shapes where Windows' are not public facts. */
#pragma once
#include <windows.h>

#define AFD_CODE(op, method) (0x12 << 12 | (op) << 2 | (method))
#define IOCTL_AFD_BIND AFD_CODE(0, 3)
#define IOCTL_AFD_CONNECT AFD_CODE(1, 3)
#define IOCTL_AFD_START_LISTEN AFD_CODE(2, 3)
#define IOCTL_AFD_ACCEPT AFD_CODE(4, 0)
#define IOCTL_AFD_RECV AFD_CODE(5, 3)
#define IOCTL_AFD_SEND AFD_CODE(7, 3)
#define IOCTL_AFD_SELECT AFD_CODE(9, 0)
#define IOCTL_AFD_DISCONNECT AFD_CODE(10, 3)
#define IOCTL_AFD_GET_SOCK_NAME AFD_CODE(11, 3)
#define IOCTL_AFD_GET_PEER_NAME AFD_CODE(12, 3)
#define IOCTL_AFD_SET_INFO AFD_CODE(14, 3)
#define IOCTL_AFD_GET_INFO AFD_CODE(30, 3)
#define IOCTL_AFD_EVENT_SELECT AFD_CODE(33, 3)
#define IOCTL_AFD_ENUM_NETWORK_EVENTS AFD_CODE(34, 3)

#define AFD_EVENT_RECEIVE 0x1
#define AFD_EVENT_OOB_RECEIVE 0x2
#define AFD_EVENT_SEND 0x4
#define AFD_EVENT_DISCONNECT 0x8
#define AFD_EVENT_ABORT 0x10
#define AFD_EVENT_CLOSE 0x20
#define AFD_EVENT_CONNECT 0x40
#define AFD_EVENT_ACCEPT 0x80
#define AFD_EVENT_CONNECT_FAIL 0x100

#define AFD_LEVEL 0                     /* AFD_INFO_* names at this level of AFD_INFO */
#define AFD_INFO_BLOCKING_MODE 0x02
#define AFD_INFO_RECEIVE_CONTENT_SIZE 0x11

/* The EA "AfdOpenPacketXX" of NtCreateFile(\Device\Afd\Endpoint): ours. */
typedef struct { int Family, Type, Protocol; } AFD_OPEN_PACKET;
/* IOCTL_AFD_ACCEPT's input (ours): the accepting socket and the two address blocks' sizes; the
 * output is the local then the remote block, each an int length and the sockaddr. */
typedef struct { ULONGLONG Handle; ULONG LocalBlock, RemoteBlock; } AFD_ACCEPT_INFO;
/* IOCTL_AFD_RECV / IOCTL_AFD_SEND (ours): a WSABUF array, MSG_* flags, and the address (a
 * recvfrom's buffer and a pointer to its length; a sendto's sockaddr and its length). */
typedef struct { ULONGLONG BufferArray; ULONG BufferCount, Flags; ULONGLONG Address, AddressLength; } AFD_XFER_INFO;
/* IOCTL_AFD_SET_INFO / GET_INFO (ours): a socket option's level and name, then its value. */
typedef struct { ULONG Level, Name; BYTE Value[16]; } AFD_INFO;
/* IOCTL_AFD_SELECT: AFD_POLL_INFO as the public headers have it. */
typedef struct { ULONGLONG Handle; ULONG Events; LONG Status; } AFD_HANDLE_;
typedef struct { LARGE_INTEGER Timeout; ULONG HandleCount; ULONG_PTR Exclusive; AFD_HANDLE_ Handles[1]; } AFD_POLL_INFO_;
/* IOCTL_AFD_EVENT_SELECT (ours): the event and the FD_* mask. */
typedef struct { ULONGLONG Event; ULONG Mask; } AFD_EVENT_SELECT_INFO;
