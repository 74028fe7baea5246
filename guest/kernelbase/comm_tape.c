/* Serial ports and tape drives: the machine has neither, so every comm and tape call reaches a
 * device that does not take their I/O controls. Each sends the request Windows sends
 * (IOCTL_SERIAL_*, IOCTL_TAPE_*) and fails as that answer fails: ERROR_INVALID_FUNCTION on a
 * file, pipe or console, ERROR_INVALID_HANDLE on a bad handle. */
#include "kernelbase.h"

#define SERIAL(n) (0x1B0000 | ((n) << 2))       /* CTL_CODE(FILE_DEVICE_SERIAL_PORT, n, METHOD_BUFFERED, FILE_ANY_ACCESS) */
#define TAPE(n, access) (0x1F0000 | ((access) << 14) | ((n) << 2))  /* FILE_DEVICE_TAPE */

/* The request; TRUE only if a device took it, and then the caller's work is a device's. */
static BOOL DeviceRequest(HANDLE h, DWORD code, void *in, DWORD in_size, void *out, DWORD out_size)
{
    DWORD done;
    if (DeviceIoControl(h, code, in, in_size, out, out_size, &done, NULL)) {
        SetLastError(ERROR_NOT_SUPPORTED);      /* no serial or tape driver answers here */
    }
    return FALSE;
}

static DWORD TapeRequest(HANDLE h, DWORD code)
{
    BYTE scratch[64] = {0};
    DeviceRequest(h, code, scratch, sizeof(scratch), scratch, sizeof(scratch));
    return GetLastError();
}

KBAPI BOOL WINAPI GetCommState(HANDLE h, LPDCB dcb) { (void)dcb; ULONG baud; return DeviceRequest(h, SERIAL(20), NULL, 0, &baud, 4); }
KBAPI BOOL WINAPI SetCommState(HANDLE h, LPDCB dcb) { ULONG baud = dcb ? dcb->BaudRate : 0; return DeviceRequest(h, SERIAL(1), &baud, 4, NULL, 0); }
KBAPI BOOL WINAPI GetCommTimeouts(HANDLE h, LPCOMMTIMEOUTS t) { return DeviceRequest(h, SERIAL(8), NULL, 0, t, sizeof(*t)); }
KBAPI BOOL WINAPI SetCommTimeouts(HANDLE h, LPCOMMTIMEOUTS t) { return DeviceRequest(h, SERIAL(7), t, sizeof(*t), NULL, 0); }
KBAPI BOOL WINAPI GetCommMask(HANDLE h, LPDWORD mask) { return DeviceRequest(h, SERIAL(16), NULL, 0, mask, 4); }
KBAPI BOOL WINAPI SetCommMask(HANDLE h, DWORD mask) { return DeviceRequest(h, SERIAL(17), &mask, 4, NULL, 0); }
KBAPI BOOL WINAPI GetCommModemStatus(HANDLE h, LPDWORD status) { return DeviceRequest(h, SERIAL(26), NULL, 0, status, 4); }
KBAPI BOOL WINAPI PurgeComm(HANDLE h, DWORD flags) { return DeviceRequest(h, SERIAL(19), &flags, 4, NULL, 0); }
KBAPI BOOL WINAPI SetCommBreak(HANDLE h) { return DeviceRequest(h, SERIAL(4), NULL, 0, NULL, 0); }
KBAPI BOOL WINAPI ClearCommBreak(HANDLE h) { return DeviceRequest(h, SERIAL(5), NULL, 0, NULL, 0); }
KBAPI BOOL WINAPI TransmitCommChar(HANDLE h, char c) { return DeviceRequest(h, SERIAL(6), &c, 1, NULL, 0); }

KBAPI BOOL WINAPI SetupComm(HANDLE h, DWORD in_queue, DWORD out_queue)
{
    DWORD sizes[2] = {in_queue, out_queue};
    return DeviceRequest(h, SERIAL(2), sizes, sizeof(sizes), NULL, 0);
}

KBAPI BOOL WINAPI ClearCommError(HANDLE h, LPDWORD errors, LPCOMSTAT stat)
{
    BYTE status[24];                            /* SERIAL_STATUS */
    (void)errors; (void)stat;
    return DeviceRequest(h, SERIAL(27), NULL, 0, status, sizeof(status));
}

KBAPI BOOL WINAPI GetCommProperties(HANDLE h, LPCOMMPROP prop)
{
    return DeviceRequest(h, SERIAL(29), NULL, 0, prop, prop ? sizeof(*prop) : 0);
}

KBAPI BOOL WINAPI EscapeCommFunction(HANDLE h, DWORD function)
{
    DWORD code;
    switch (function) {
    case SETXOFF: code = SERIAL(14); break;     /* IOCTL_SERIAL_SET_XOFF */
    case SETXON: code = SERIAL(15); break;
    case SETRTS: code = SERIAL(12); break;
    case CLRRTS: code = SERIAL(13); break;
    case SETDTR: code = SERIAL(9); break;
    case CLRDTR: code = SERIAL(10); break;
    case SETBREAK: code = SERIAL(4); break;
    case CLRBREAK: code = SERIAL(5); break;
    default: SetLastError(ERROR_INVALID_PARAMETER); return FALSE;
    }
    return DeviceRequest(h, code, NULL, 0, NULL, 0);
}

KBAPI BOOL WINAPI WaitCommEvent(HANDLE h, LPDWORD mask, LPOVERLAPPED ov)
{
    DWORD done;
    if (DeviceIoControl(h, SERIAL(18), NULL, 0, mask, 4, &done, ov)) SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}

KBAPI BOOL WINAPI GetCommConfig(HANDLE h, LPCOMMCONFIG cc, LPDWORD size)
{
    (void)cc; (void)size;
    return GetCommState(h, NULL);
}

KBAPI BOOL WINAPI SetCommConfig(HANDLE h, LPCOMMCONFIG cc, DWORD size)
{
    (void)size;
    return SetCommState(h, cc ? &cc->dcb : NULL);
}

/* Tape calls answer with the error itself (NO_ERROR on success). */
KBAPI DWORD WINAPI GetTapeStatus(HANDLE h) { return TapeRequest(h, TAPE(9, 1)); }
KBAPI DWORD WINAPI GetTapePosition(HANDLE h, DWORD type, LPDWORD part, LPDWORD low, LPDWORD high)
{ (void)type; (void)part; (void)low; (void)high; return TapeRequest(h, TAPE(3, 1)); }
KBAPI DWORD WINAPI SetTapePosition(HANDLE h, DWORD method, DWORD part, DWORD low, DWORD high, BOOL immediate)
{ (void)method; (void)part; (void)low; (void)high; (void)immediate; return TapeRequest(h, TAPE(4, 1)); }
KBAPI DWORD WINAPI GetTapeParameters(HANDLE h, DWORD op, LPDWORD size, LPVOID info)
{ (void)op; (void)size; (void)info; return TapeRequest(h, TAPE(5, 1)); }
KBAPI DWORD WINAPI SetTapeParameters(HANDLE h, DWORD op, LPVOID info)
{ (void)op; (void)info; return TapeRequest(h, TAPE(6, 3)); }
KBAPI DWORD WINAPI PrepareTape(HANDLE h, DWORD op, BOOL immediate)
{ (void)op; (void)immediate; return TapeRequest(h, TAPE(1, 1)); }
KBAPI DWORD WINAPI EraseTape(HANDLE h, DWORD type, BOOL immediate)
{ (void)type; (void)immediate; return TapeRequest(h, TAPE(0, 3)); }
KBAPI DWORD WINAPI CreateTapePartition(HANDLE h, DWORD method, DWORD count, DWORD size)
{ (void)method; (void)count; (void)size; return TapeRequest(h, TAPE(10, 3)); }
KBAPI DWORD WINAPI WriteTapemark(HANDLE h, DWORD type, DWORD count, BOOL immediate)
{ (void)type; (void)count; (void)immediate; return TapeRequest(h, TAPE(2, 3)); }
