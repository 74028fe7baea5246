/* What ws2_32's families share: the headers, AFD requests (waited for or overlapped), the map
 * from NTSTATUS to Winsock errors, and the start-up count. */
#pragma once
#define WINSOCK_API_LINKAGE             /* winsock2.h: declare the calls without dllimport */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <mstcpip.h>
#include <windows.h>
#include "afd.h"

typedef LONG NTSTATUS;
typedef struct { union { NTSTATUS Status; PVOID Pointer; }; ULONG_PTR Information; } WS_IO_STATUS_BLOCK;
typedef void (NTAPI *WS_APC)(PVOID, WS_IO_STATUS_BLOCK *, ULONG);
__declspec(dllimport) ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);
__declspec(dllimport) NTSTATUS NTAPI NtDeviceIoControlFile(HANDLE, HANDLE, WS_APC, PVOID, WS_IO_STATUS_BLOCK *, ULONG,
                                                           PVOID, ULONG, PVOID, ULONG);
#define WS_STATUS_PENDING ((NTSTATUS)0x00000103)
#define WS_STATUS_BUFFER_OVERFLOW ((NTSTATUS)0x80000005)
#define WS_STATUS_NOT_SUPPORTED ((NTSTATUS)0xC00000BB)
#define WS_STATUS_CANCELLED ((NTSTATUS)0xC0000120)

extern volatile LONG ws_startups;
#define WS_CHECK_STARTED(failure) do { if (ws_startups <= 0) { SetLastError(WSANOTINITIALISED); return failure; } } while (0)

int WsErrorFromStatus(NTSTATUS status);
int WsFail(NTSTATUS status);                    /* SetLastError(mapped); returns SOCKET_ERROR */
/* A request the calling thread waits for (a blocking call); the status it ended with. */
NTSTATUS AfdRequest(SOCKET s, ULONG code, const void *in, ULONG in_length, void *out, ULONG out_length,
                    ULONG_PTR *information);
NTSTATUS AfdRequestTimed(SOCKET s, ULONG code, const void *in, ULONG in_length, void *out, ULONG out_length,
                         ULONG_PTR *information, DWORD timeout_ms);
/* An overlapped request: 0 done now, SOCKET_ERROR with WSA_IO_PENDING or the error. */
int AfdOverlapped(SOCKET s, ULONG code, const void *in, ULONG in_length, void *out, ULONG out_length,
                  LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPDWORD bytes);
/* 1 when s is a socket; 0 with WSAENOTSOCK set when it is not. */
int WsCheckSocket(SOCKET s);
int WsSockaddrLength(const struct sockaddr *sa);
int WsLocalAddress(SOCKET s, struct sockaddr_storage *out);
int WsCopyAddress(const struct sockaddr *from, struct sockaddr *to, int *length);
/* Numeric host text (IPv4 dotted, IPv6) into ip; *family says which (AF_UNSPEC: either). */
int WsParse(const char *text, BYTE ip[16], int *family);
/* getaddrinfo's hints from a wide or Ex form's (ADDRINFOW, ADDRINFOEXW): the four fields a query
 * reads, the rest zero. */
#define WS_NARROW_HINTS(out, in) \
    (memset((out), 0, sizeof(*(out))), (out)->ai_flags = (in)->ai_flags, (out)->ai_family = (in)->ai_family, \
     (out)->ai_socktype = (in)->ai_socktype, (out)->ai_protocol = (in)->ai_protocol)
