/* msvcp140_atomic_wait's shared declarations: the export marker and the few msvcp140/ucrtbase
 * imports the satellite uses (its Win32 calls come from <windows.h>). */
#pragma once
#include <windows.h>

#define SATEXP __declspec(dllexport)
__declspec(dllimport) void *calloc(size_t count, size_t size);
__declspec(dllimport) void free(void *p);
__declspec(dllimport) void *malloc(size_t size);
__declspec(dllimport) unsigned int _Thrd_hardware_concurrency(void);   /* msvcp140.dll */

/* __std_atomic_wait_no_timeout: the partial timeout meaning "wait until notified" (INFINITE) */
#define ATOMIC_WAIT_NO_TIMEOUT 0xFFFFFFFFu
SATEXP int WINAPI __std_atomic_wait_direct(const void *storage, void *comparand, size_t size, unsigned long timeout);
SATEXP void WINAPI __std_atomic_notify_all_direct(const void *storage);
