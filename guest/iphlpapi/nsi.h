/* The one request of \Device\Nsi (kernel/io/nsi.py) iphlpapi makes: every endpoint of a protocol
 * and family, as rows whose shape this file and the kernel share. */
#pragma once
#include "iphlp.h"

#define IOCTL_NSI_GETALLPARAM 0x0012001B

typedef struct { ULONG Protocol; ULONG Family; } NSI_ENDPOINT_REQUEST;   /* IPPROTO_TCP/UDP, AF_INET/6 */

typedef struct {
    USHORT Family;
    USHORT State;                   /* MIB_TCP_STATE; 0 for UDP */
    ULONG OwnerPid;
    BYTE LocalAddr[16];             /* IPv4 in the first 4 bytes */
    ULONG LocalScope;
    USHORT LocalPort;               /* network order */
    USHORT Pad1;
    BYTE RemoteAddr[16];
    ULONG RemoteScope;
    USHORT RemotePort;
    USHORT Pad2;
} NSI_ENDPOINT_ROW;

/* The rows (heap, freed with HeapFree) and their count; a Win32 error, NO_ERROR on success. */
DWORD IphlpQueryEndpoints(ULONG protocol, ULONG family, NSI_ENDPOINT_ROW **rows, ULONG *count);

#define IOCTL_NSI_GETPARAM 0x00120007

/* A protocol's counters in one family (IOCTL_NSI_GETPARAM): TCP eight ULONGs, UDP five (kernel/io/nsi.py). */
DWORD IphlpQueryCounters(ULONG protocol, ULONG family, ULONG *counters, ULONG count);
