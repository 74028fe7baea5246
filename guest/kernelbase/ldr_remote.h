/* A process's loaded modules read from its PEB->Ldr (ldr_remote.c), for psapi and Toolhelp. */
#pragma once
#include "kernelbase.h"

typedef struct {
    PVOID DllBase, EntryPoint;
    ULONG SizeOfImage;
    WCHAR BaseName[MAX_PATH];
    WCHAR FullName[MAX_PATH];
} BASE_MODULE;

/* The modules in load order, at most `max` of them copied to out (out may be NULL to count):
 * their number, or -1 with the last error set (ERROR_PARTIAL_COPY for a process whose loader has
 * not run yet, as Windows answers). */
LONG BaseReadProcessModules(HANDLE process, BASE_MODULE *out, LONG max);
