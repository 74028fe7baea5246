/* Winsock's start-up, its last error (the thread's Win32 last error, as on Windows) and the result
 * of an overlapped operation on a socket handle. WSAStartup accepts versions 1.0 to 2.2 and says
 * 2.2 at most (WSAVERNOTSUPPORTED below 1.0); every WSAStartup needs a WSACleanup
 * (WSANOTINITIALISED without one). */
#define WINSOCK_API_LINKAGE             /* winsock2.h: declare the calls without dllimport */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <windows.h>

typedef LONG NTSTATUS;
__declspec(dllimport) ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);
#define STATUS_PENDING_ ((NTSTATUS)0x00000103)

volatile LONG ws_startups;

__declspec(dllexport) int WSAAPI WSAStartup(WORD requested, LPWSADATA data)
{
    BYTE major = LOBYTE(requested), minor = HIBYTE(requested);
    if (data == NULL)
        return WSAEFAULT;
    memset(data, 0, sizeof(*data));
    data->wHighVersion = MAKEWORD(2, 2);
    if (major < 1) {
        data->wVersion = MAKEWORD(2, 2);
        return WSAVERNOTSUPPORTED;
    }
    data->wVersion = (major > 2 || (major == 2 && minor > 2)) ? MAKEWORD(2, 2) : requested;
    memcpy(data->szDescription, "WinSock 2.0", 12);
    memcpy(data->szSystemStatus, "Running", 8);
    InterlockedIncrement(&ws_startups);
    return 0;
}

__declspec(dllexport) int WSAAPI WSACleanup(void)
{
    LONG n = ws_startups;
    while (n > 0) {
        LONG seen = InterlockedCompareExchange(&ws_startups, n - 1, n);
        if (seen == n)
            return 0;
        n = seen;
    }
    SetLastError(WSANOTINITIALISED);
    return SOCKET_ERROR;
}

__declspec(dllexport) int WSAAPI WSAGetLastError(void)
{
    return (int)GetLastError();
}

__declspec(dllexport) void WSAAPI WSASetLastError(int error)
{
    SetLastError((DWORD)error);
}

/* The OVERLAPPED holds the operation's NTSTATUS (Internal) and byte count (InternalHigh); a pending
 * one is waited for on its event (or the socket handle) when `wait` says so. */
__declspec(dllexport) BOOL WSAAPI WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED ov, LPDWORD bytes, BOOL wait,
                                                         LPDWORD flags)
{
    if (ov == NULL || bytes == NULL || flags == NULL) {
        SetLastError(WSAEFAULT);
        return FALSE;
    }
    if ((NTSTATUS)ov->Internal == STATUS_PENDING_) {
        if (!wait) {
            SetLastError(WSA_IO_INCOMPLETE);
            return FALSE;
        }
        if (WaitForSingleObject(ov->hEvent ? ov->hEvent : (HANDLE)s, INFINITE) == WAIT_FAILED)
            return FALSE;
    }
    *bytes = (DWORD)ov->InternalHigh;
    *flags = 0;
    NTSTATUS status = (NTSTATUS)ov->Internal;
    if (status < 0) {
        SetLastError(RtlNtStatusToDosError(status));
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI Ws2_32DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    return TRUE;
}
