/* Family 8 (system information), NUMA: the machine is one node, 0, holding every processor of the
 * one group and all of physical memory, at proximity domain 0. The node queries answer for it,
 * any other node or proximity is ERROR_INVALID_PARAMETER, and the allocations that prefer a node
 * (VirtualAllocExNuma, MapViewOfFileExNuma, CreateFileMappingNuma) take node 0 or
 * NUMA_NO_PREFERRED_NODE and are otherwise their plain forms. */
#include "kernelbase.h"

#define KUSER_ACTIVE_PROCESSOR_COUNT 0x3C0

static DWORD ProcessorCount(void)
{
    return *(volatile ULONG *)(ULONG_PTR)(0x7FFE0000 + KUSER_ACTIVE_PROCESSOR_COUNT);
}

static KAFFINITY NodeMask(void)
{
    DWORD n = ProcessorCount();
    return n >= 64 ? ~(KAFFINITY)0 : ((KAFFINITY)1 << n) - 1;
}

static BOOL Invalid(void) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }

KBAPI BOOL WINAPI GetNumaHighestNodeNumber(PULONG highest)
{
    *highest = 0;
    return TRUE;
}

KBAPI BOOL WINAPI GetNumaNodeProcessorMaskEx(USHORT node, PGROUP_AFFINITY affinity)
{
    if (node != 0) return Invalid();
    memset(affinity, 0, sizeof(*affinity));
    affinity->Mask = NodeMask();
    return TRUE;
}

KBAPI BOOL WINAPI GetNumaNodeProcessorMask(UCHAR node, PULONGLONG mask)
{
    if (node != 0) return Invalid();
    *mask = NodeMask();
    return TRUE;
}

KBAPI BOOL WINAPI GetNumaProcessorNodeEx(PPROCESSOR_NUMBER processor, PUSHORT node)
{
    if (processor->Group != 0 || processor->Number >= ProcessorCount()) { *node = 0xFFFF; return Invalid(); }
    *node = 0;
    return TRUE;
}

KBAPI BOOL WINAPI GetNumaProcessorNode(UCHAR processor, PUCHAR node)
{
    if (processor >= ProcessorCount()) { *node = 0xFF; return Invalid(); }
    *node = 0;
    return TRUE;
}

KBAPI BOOL WINAPI GetNumaAvailableMemoryNodeEx(USHORT node, PULONGLONG bytes)
{
    if (node != 0) return Invalid();
    MEMORYSTATUSEX ms = { sizeof(ms) };
    if (!GlobalMemoryStatusEx(&ms)) return FALSE;
    *bytes = ms.ullAvailPhys;
    return TRUE;
}

KBAPI BOOL WINAPI GetNumaAvailableMemoryNode(UCHAR node, PULONGLONG bytes)
{
    return GetNumaAvailableMemoryNodeEx(node, bytes);
}

KBAPI BOOL WINAPI GetNumaProximityNodeEx(ULONG proximity, PUSHORT node)
{
    if (proximity != 0) return Invalid();
    *node = 0;
    return TRUE;
}

KBAPI BOOL WINAPI GetNumaProximityNode(ULONG proximity, PUCHAR node)
{
    if (proximity != 0) return Invalid();
    *node = 0;
    return TRUE;
}

static BOOL ValidNode(DWORD node) { return node == 0 || node == NUMA_NO_PREFERRED_NODE; }

KBAPI LPVOID WINAPI VirtualAllocExNuma(HANDLE process, LPVOID address, SIZE_T size, DWORD type, DWORD protect, DWORD node)
{
    if (!ValidNode(node)) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    return VirtualAllocEx(process, address, size, type, protect);
}

KBAPI LPVOID WINAPI MapViewOfFileExNuma(HANDLE mapping, DWORD access, DWORD high, DWORD low, SIZE_T bytes, LPVOID base,
                                        DWORD node)
{
    if (!ValidNode(node)) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    return MapViewOfFileEx(mapping, access, high, low, bytes, base);
}

KBAPI HANDLE WINAPI CreateFileMappingNumaW(HANDLE file, LPSECURITY_ATTRIBUTES sa, DWORD protect, DWORD high, DWORD low,
                                           LPCWSTR name, DWORD node)
{
    if (!ValidNode(node)) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    return CreateFileMappingW(file, sa, protect, high, low, name);
}

KBAPI HANDLE WINAPI CreateFileMappingNumaA(HANDLE file, LPSECURITY_ATTRIBUTES sa, DWORD protect, DWORD high, DWORD low,
                                           LPCSTR name, DWORD node)
{
    if (!ValidNode(node)) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    return CreateFileMappingA(file, sa, protect, high, low, name);
}
