/* Family 6 (threads), user APCs: QueueUserAPC queues fn(data) to a thread, which runs it in its
 * next alertable wait (SleepEx, WaitFor*Ex, GetQueuedCompletionStatusEx with fAlertable), whose
 * result is then WAIT_IO_COMPLETION. */
#include "kernelbase.h"

NTDLL NTSTATUS NTAPI NtQueueApcThread(HANDLE, PVOID, ULONG_PTR, ULONG_PTR, ULONG_PTR);

KBAPI DWORD WINAPI QueueUserAPC(PAPCFUNC fn, HANDLE thread, ULONG_PTR data)
{
    NTSTATUS status = NtQueueApcThread(thread, (PVOID)fn, data, 0, 0);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return 0;
    }
    return 1;
}
