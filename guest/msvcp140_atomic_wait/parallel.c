/* The parallel algorithms' (std::execution::par) hooks: the processor count they split work by,
 * thread pool work objects (the Win32 thread pool's, passed through), and the byte waits their
 * completion uses. */
#include "satellite.h"

static volatile LONG hw_threads = -1;

SATEXP unsigned int WINAPI __std_parallel_algorithms_hw_threads(void)
{
    LONG n = hw_threads;
    if (n == -1) {                                       /* thread::hardware_concurrency, once */
        n = (LONG)_Thrd_hardware_concurrency();
        InterlockedExchange(&hw_threads, n);
    }
    return (unsigned int)n;
}

SATEXP PTP_WORK WINAPI __std_create_threadpool_work(PTP_WORK_CALLBACK callback, void *context,
                                                    PTP_CALLBACK_ENVIRON environment)
{
    return CreateThreadpoolWork(callback, context, environment);
}

SATEXP void WINAPI __std_submit_threadpool_work(PTP_WORK work) { SubmitThreadpoolWork(work); }

SATEXP void WINAPI __std_bulk_submit_threadpool_work(PTP_WORK work, size_t submissions)
{
    for (size_t i = 0; i < submissions; i++)
        SubmitThreadpoolWork(work);
}

SATEXP void WINAPI __std_close_threadpool_work(PTP_WORK work) { CloseThreadpoolWork(work); }

SATEXP void WINAPI __std_wait_for_threadpool_work_callbacks(PTP_WORK work, BOOL cancel)
{
    WaitForThreadpoolWorkCallbacks(work, cancel);
}

/* Block while *address == compare (no timeout); wake every waiter on an address. */
SATEXP void WINAPI __std_execution_wait_on_uchar(const volatile unsigned char *address, unsigned char compare)
{
    __std_atomic_wait_direct((const void *)address, &compare, 1, ATOMIC_WAIT_NO_TIMEOUT);
}

SATEXP void WINAPI __std_execution_wake_by_address_all(const volatile void *address)
{
    __std_atomic_notify_all_direct((const void *)address);
}
