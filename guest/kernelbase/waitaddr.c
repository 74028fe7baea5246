/* Family 6 (synchronisation): WaitOnAddress, WakeByAddressSingle, WakeByAddressAll, over
 * ntdll's RtlWaitOnAddress and RtlWakeAddress* (guest/ntdll/rtl_waitaddr.c). */
#include "kernelbase.h"

#define STATUS_TIMEOUT_WAIT ((NTSTATUS)0x00000102)

NTDLL NTSTATUS NTAPI RtlWaitOnAddress(volatile const void *, const void *, SIZE_T, LARGE_INTEGER *);
NTDLL void NTAPI RtlWakeAddressSingle(const void *);
NTDLL void NTAPI RtlWakeAddressAll(const void *);

KBAPI BOOL WINAPI WaitOnAddress(volatile VOID *address, PVOID compare, SIZE_T size, DWORD ms)
{
    LARGE_INTEGER t;
    NTSTATUS status = RtlWaitOnAddress(address, compare, size, BaseFormatTimeOut(&t, ms));
    if (status == STATUS_TIMEOUT_WAIT) {
        SetLastError(ERROR_TIMEOUT);
        return FALSE;
    }
    if (status < 0)
        return BaseFail(status);
    return TRUE;
}

KBAPI void WINAPI WakeByAddressSingle(PVOID address)
{
    RtlWakeAddressSingle(address);
}

KBAPI void WINAPI WakeByAddressAll(PVOID address)
{
    RtlWakeAddressAll(address);
}
