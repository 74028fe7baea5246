/* The block PEB.WerRegistrationData points at (this project's layout, on the process heap):
 * WerSetFlags' flags first (WerGetFlags reads that DWORD of another process), then the restart
 * and recovery registrations (restart.c), readable the same way by GetApplicationRestartSettings
 * and GetApplicationRecoveryCallback of another process. */
#pragma once
#include "kernelbase.h"

#define PEB_WER_REGISTRATION_DATA 0x358

typedef struct {
    DWORD Flags;                        /* WerSetFlags */
    BOOL RestartRegistered;
    DWORD RestartFlags;
    DWORD RestartChars;                 /* of RestartCommandLine, its terminator included */
    WCHAR *RestartCommandLine;
    APPLICATION_RECOVERY_CALLBACK RecoveryCallback;    /* NULL: not registered */
    PVOID RecoveryParameter;
    DWORD RecoveryPingInterval, RecoveryFlags;
} BASE_WER_REGISTRATION;

/* This process's block, made zeroed on first use; NULL when the heap is exhausted. */
BASE_WER_REGISTRATION *BaseWerRegistration(void);
