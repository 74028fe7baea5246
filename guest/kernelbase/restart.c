/* Application restart and recovery (Windows Vista+): what a process asks Windows Error Reporting
 * to do after a crash or hang, RegisterApplicationRestart (a command line of at most
 * RESTART_MAX_CMD_LINE characters, RESTART_NO_* flags) and RegisterApplicationRecoveryCallback
 * (a ping interval of at most RECOVERY_MAX_PING_INTERVAL, 0 meaning the default), read back by
 * GetApplicationRestartSettings / GetApplicationRecoveryCallback of any process whose handle
 * allows PROCESS_VM_READ (the registrations are in the PEB's WER block, wer.h). Nothing here
 * restarts or recovers a process, so ApplicationRecoveryInProgress, which is only for a
 * recovery callback WER has called, fails with E_FAIL. */
#include "wer.h"

NTDLL NTSTATUS NTAPI NtReadVirtualMemory(HANDLE, PVOID, PVOID, SIZE_T, SIZE_T *);

#define E_INVALIDARG_ ((HRESULT)0x80070057)
#define E_FAIL_ ((HRESULT)0x80004005)
#define RESTART_VALID_FLAGS (RESTART_NO_CRASH | RESTART_NO_HANG | RESTART_NO_PATCH | RESTART_NO_REBOOT)
#define ProcessBasicInformation_ 0

KBAPI HRESULT WINAPI RegisterApplicationRestart(PCWSTR command_line, DWORD flags)
{
    SIZE_T chars = command_line ? wcslen(command_line) + 1 : 1;
    if ((flags & ~(DWORD)RESTART_VALID_FLAGS) || chars > RESTART_MAX_CMD_LINE)
        return E_INVALIDARG_;
    BASE_WER_REGISTRATION *block = BaseWerRegistration();
    WCHAR *copy = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, chars * sizeof(WCHAR));
    if (!block || !copy) {
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, copy);
        return E_OUTOFMEMORY;
    }
    memcpy(copy, command_line ? command_line : L"", chars * sizeof(WCHAR));
    WCHAR *old = block->RestartCommandLine;
    block->RestartCommandLine = copy;
    block->RestartChars = (DWORD)chars;
    block->RestartFlags = flags;
    block->RestartRegistered = TRUE;
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, old);
    return S_OK;
}

KBAPI HRESULT WINAPI UnregisterApplicationRestart(void)
{
    BASE_WER_REGISTRATION *block = BaseWerRegistration();
    if (!block)
        return E_OUTOFMEMORY;
    block->RestartRegistered = FALSE;
    return S_OK;
}

/* A copy of the WER block of a process (zeroed when it has none). */
static HRESULT ReadRegistration(HANDLE process, BASE_WER_REGISTRATION *out)
{
    struct { NTSTATUS ExitStatus; PBYTE Peb; ULONG_PTR rest[4]; } basic;
    BASE_WER_REGISTRATION *block = NULL;
    memset(out, 0, sizeof *out);
    NTSTATUS status = NtQueryInformationProcess(process, ProcessBasicInformation_, &basic, sizeof basic, NULL);
    if (NT_SUCCESS(status))
        status = NtReadVirtualMemory(process, basic.Peb + PEB_WER_REGISTRATION_DATA, &block, sizeof block, NULL);
    if (NT_SUCCESS(status) && block)
        status = NtReadVirtualMemory(process, block, out, sizeof *out, NULL);
    return NT_SUCCESS(status) ? S_OK : HRESULT_FROM_WIN32(RtlNtStatusToDosError(status));
}

KBAPI HRESULT WINAPI GetApplicationRestartSettings(HANDLE process, PWSTR command_line, PDWORD chars, PDWORD flags)
{
    BASE_WER_REGISTRATION reg;
    if (!chars)
        return E_INVALIDARG_;
    HRESULT hr = ReadRegistration(process, &reg);
    if (FAILED(hr))
        return hr;
    if (!reg.RestartRegistered)
        return HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    if (!command_line || *chars < reg.RestartChars) {
        *chars = reg.RestartChars;
        return HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);
    }
    NTSTATUS status = NtReadVirtualMemory(process, reg.RestartCommandLine, command_line,
                                          reg.RestartChars * sizeof(WCHAR), NULL);
    if (!NT_SUCCESS(status))
        return HRESULT_FROM_WIN32(RtlNtStatusToDosError(status));
    *chars = reg.RestartChars;
    if (flags)
        *flags = reg.RestartFlags;
    return S_OK;
}

KBAPI HRESULT WINAPI RegisterApplicationRecoveryCallback(APPLICATION_RECOVERY_CALLBACK callback, PVOID parameter,
                                                         DWORD ping_interval, DWORD flags)
{
    if (!callback || ping_interval > RECOVERY_MAX_PING_INTERVAL)
        return E_INVALIDARG_;
    BASE_WER_REGISTRATION *block = BaseWerRegistration();
    if (!block)
        return E_OUTOFMEMORY;
    block->RecoveryParameter = parameter;
    block->RecoveryPingInterval = ping_interval ? ping_interval : RECOVERY_DEFAULT_PING_INTERVAL;
    block->RecoveryFlags = flags;
    block->RecoveryCallback = callback;
    return S_OK;
}

KBAPI HRESULT WINAPI UnregisterApplicationRecoveryCallback(void)
{
    BASE_WER_REGISTRATION *block = BaseWerRegistration();
    if (!block)
        return E_OUTOFMEMORY;
    block->RecoveryCallback = NULL;
    return S_OK;
}

KBAPI HRESULT WINAPI GetApplicationRecoveryCallback(HANDLE process, APPLICATION_RECOVERY_CALLBACK *callback,
                                                    PVOID *parameter, PDWORD ping_interval, PDWORD flags)
{
    BASE_WER_REGISTRATION reg;
    if (!callback)
        return E_INVALIDARG_;
    HRESULT hr = ReadRegistration(process, &reg);
    if (FAILED(hr))
        return hr;
    if (!reg.RecoveryCallback)
        return HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    *callback = reg.RecoveryCallback;
    if (parameter)
        *parameter = reg.RecoveryParameter;
    if (ping_interval)
        *ping_interval = reg.RecoveryPingInterval;
    if (flags)
        *flags = reg.RecoveryFlags;
    return S_OK;
}

KBAPI HRESULT WINAPI ApplicationRecoveryInProgress(PBOOL cancelled)
{
    if (!cancelled)
        return E_INVALIDARG_;
    return E_FAIL_;                     /* no recovery callback is running */
}

KBAPI VOID WINAPI ApplicationRecoveryFinished(BOOL success)
{
    (void)success;                      /* only a running recovery reports its end */
}
