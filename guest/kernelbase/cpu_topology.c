/* Family 8 (system information): the processor topology a program sizes its thread pool by. One
 * processor group holding the boot's processors (KUSER_SHARED_DATA.ActiveProcessorCount), each a
 * core of its own in one package and one NUMA node, with the caches CPUID leaf 4 describes;
 * GetLogicalProcessorInformation(Ex), the group calls (GetActiveProcessorGroupCount ...,
 * Get/SetThreadGroupAffinity, GetProcessGroupAffinity, GetCurrentProcessorNumberEx). */
#include "kernelbase.h"

#define KUSER_ACTIVE_PROCESSOR_COUNT 0x3C0
#define ThreadBasicInformation_ 0

static DWORD ProcessorCount(void)
{
    return *(volatile ULONG *)(ULONG_PTR)(0x7FFE0000 + KUSER_ACTIVE_PROCESSOR_COUNT);
}

static KAFFINITY AllProcessors(void)
{
    DWORD n = ProcessorCount();
    return n >= 64 ? ~(KAFFINITY)0 : ((KAFFINITY)1 << n) - 1;
}

/* One cache level of CPUID leaf 4 (subleaf i); FALSE past the last. */
static BOOL CacheLeaf(unsigned i, CACHE_DESCRIPTOR *cache, DWORD *sharing)
{
    unsigned a, b, c, d;
    __asm__ volatile ("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0), "c"(0));
    if (a < 4)
        return FALSE;
    __asm__ volatile ("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(4), "c"(i));
    unsigned type = a & 0x1F;
    if (type == 0 || type > 3)
        return FALSE;
    DWORD ways = ((b >> 22) & 0x3FF) + 1, partitions = ((b >> 12) & 0x3FF) + 1, line = (b & 0xFFF) + 1;
    cache->Level = (BYTE)((a >> 5) & 7);
    cache->Associativity = (a & (1u << 9)) ? CACHE_FULLY_ASSOCIATIVE : (BYTE)ways;
    cache->LineSize = (WORD)line;
    cache->Size = ways * partitions * line * (c + 1);
    cache->Type = type == 1 ? CacheData : type == 2 ? CacheInstruction : CacheUnified;
    *sharing = ((a >> 14) & 0xFFF) + 1;
    return TRUE;
}

/* Each relation in Windows' order: the cores (with their caches), the package, the node. The
 * sink gets (relation, mask, the cache or NULL). */
typedef void (*RELATION_SINK)(void *ctx, LOGICAL_PROCESSOR_RELATIONSHIP relation, KAFFINITY mask,
                              const CACHE_DESCRIPTOR *cache);

static void WalkTopology(RELATION_SINK sink, void *ctx)
{
    DWORD n = ProcessorCount();
    for (DWORD cpu = 0; cpu < n; cpu++) {
        KAFFINITY core = (KAFFINITY)1 << cpu;
        sink(ctx, RelationProcessorCore, core, NULL);
        CACHE_DESCRIPTOR cache;
        DWORD sharing;
        for (unsigned i = 0; CacheLeaf(i, &cache, &sharing); i++) {
            if (sharing > 1 && cpu % sharing != 0)
                continue;                               /* a shared cache, listed with its first core */
            KAFFINITY mask = sharing >= n ? AllProcessors() : sharing <= 1 ? core
                             : (((KAFFINITY)1 << sharing) - 1) << cpu;
            sink(ctx, RelationCache, mask & AllProcessors(), &cache);
        }
    }
    sink(ctx, RelationProcessorPackage, AllProcessors(), NULL);
    sink(ctx, RelationNumaNode, AllProcessors(), NULL);
}

typedef struct { SYSTEM_LOGICAL_PROCESSOR_INFORMATION *out; DWORD capacity, count; } CLASSIC;

static void ClassicSink(void *ctx, LOGICAL_PROCESSOR_RELATIONSHIP relation, KAFFINITY mask, const CACHE_DESCRIPTOR *cache)
{
    CLASSIC *c = ctx;
    if (c->count < c->capacity) {
        SYSTEM_LOGICAL_PROCESSOR_INFORMATION *e = &c->out[c->count];
        memset(e, 0, sizeof(*e));
        e->ProcessorMask = mask;
        e->Relationship = relation;
        if (relation == RelationCache)
            e->Cache = *cache;
        else if (relation == RelationProcessorCore)
            e->ProcessorCore.Flags = 0;                 /* one logical processor per core */
    }
    c->count++;
}

KBAPI BOOL WINAPI GetLogicalProcessorInformation(PSYSTEM_LOGICAL_PROCESSOR_INFORMATION buffer, PDWORD length)
{
    if (length == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    CLASSIC c = { buffer, buffer ? *length / sizeof(*buffer) : 0, 0 };
    WalkTopology(ClassicSink, &c);
    DWORD needed = c.count * sizeof(*buffer);
    if (buffer == NULL || *length < needed) {
        *length = needed;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    *length = needed;
    return TRUE;
}

typedef struct { BYTE *out; DWORD capacity, used; LOGICAL_PROCESSOR_RELATIONSHIP want; } EXTENDED;

static void ExtendedSink(void *ctx, LOGICAL_PROCESSOR_RELATIONSHIP relation, KAFFINITY mask, const CACHE_DESCRIPTOR *cache)
{
    EXTENDED *x = ctx;
    if (x->want != RelationAll && x->want != relation)
        return;
    DWORD size = relation == RelationCache ? 8 + sizeof(CACHE_RELATIONSHIP)
               : relation == RelationNumaNode ? 8 + sizeof(NUMA_NODE_RELATIONSHIP)
               : 8 + sizeof(PROCESSOR_RELATIONSHIP);
    if (x->out && x->used + size <= x->capacity) {
        SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *e = (void *)(x->out + x->used);
        memset(e, 0, size);
        e->Relationship = relation;
        e->Size = size;
        GROUP_AFFINITY *group;
        if (relation == RelationCache) {
            e->Cache.Level = cache->Level;
            e->Cache.Associativity = cache->Associativity;
            e->Cache.LineSize = cache->LineSize;
            e->Cache.CacheSize = cache->Size;
            e->Cache.Type = cache->Type;
            group = &e->Cache.GroupMask;
        } else if (relation == RelationNumaNode) {
            group = &e->NumaNode.GroupMask;
        } else {
            e->Processor.GroupCount = 1;
            group = &e->Processor.GroupMask[0];
        }
        group->Mask = mask;
        group->Group = 0;
    }
    x->used += size;
}

/* The group relation: one group, all its processors active. */
static void GroupRelation(EXTENDED *x)
{
    DWORD size = 8 + sizeof(GROUP_RELATIONSHIP);
    if (x->out && x->used + size <= x->capacity) {
        SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *e = (void *)(x->out + x->used);
        memset(e, 0, size);
        e->Relationship = RelationGroup;
        e->Size = size;
        e->Group.MaximumGroupCount = 1;
        e->Group.ActiveGroupCount = 1;
        e->Group.GroupInfo[0].MaximumProcessorCount = (BYTE)ProcessorCount();
        e->Group.GroupInfo[0].ActiveProcessorCount = (BYTE)ProcessorCount();
        e->Group.GroupInfo[0].ActiveProcessorMask = AllProcessors();
    }
    x->used += size;
}

KBAPI BOOL WINAPI GetLogicalProcessorInformationEx(LOGICAL_PROCESSOR_RELATIONSHIP relation,
                                                   PSYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX buffer, PDWORD length)
{
    if (length == NULL || (relation > RelationGroup && relation != RelationAll)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    EXTENDED x = { (BYTE *)buffer, buffer ? *length : 0, 0, relation };
    WalkTopology(ExtendedSink, &x);
    if (relation == RelationAll || relation == RelationGroup)
        GroupRelation(&x);
    if (buffer == NULL || *length < x.used) {
        *length = x.used;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    *length = x.used;
    return TRUE;
}

KBAPI WORD WINAPI GetActiveProcessorGroupCount(void) { return 1; }
KBAPI WORD WINAPI GetMaximumProcessorGroupCount(void) { return 1; }

KBAPI VOID WINAPI GetCurrentProcessorNumberEx(PPROCESSOR_NUMBER number)
{
    number->Group = 0;
    number->Number = (BYTE)GetCurrentProcessorNumber();
    number->Reserved = 0;
}

KBAPI BOOL WINAPI GetThreadGroupAffinity(HANDLE thread, PGROUP_AFFINITY affinity)
{
    struct { NTSTATUS ExitStatus; PVOID Teb; CLIENT_ID ClientId; KAFFINITY AffinityMask; LONG Priority, Base; } tbi;
    NTSTATUS status = NtQueryInformationThread(thread, ThreadBasicInformation_, &tbi, sizeof(tbi), NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    memset(affinity, 0, sizeof(*affinity));
    affinity->Mask = tbi.AffinityMask;
    return TRUE;
}

KBAPI BOOL WINAPI SetThreadGroupAffinity(HANDLE thread, const GROUP_AFFINITY *affinity, PGROUP_AFFINITY previous)
{
    if (affinity->Group != 0 || affinity->Reserved[0] || affinity->Reserved[1] || affinity->Reserved[2]) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    GROUP_AFFINITY old;
    if (!GetThreadGroupAffinity(thread, &old))
        return FALSE;
    if (!SetThreadAffinityMask(thread, affinity->Mask))
        return FALSE;
    if (previous)
        *previous = old;
    return TRUE;
}

/* The groups a process's threads may run in: always group 0 here. */
KBAPI BOOL WINAPI GetProcessGroupAffinity(HANDLE process, PUSHORT count, PUSHORT groups)
{
    DWORD_PTR mask, system;
    if (!GetProcessAffinityMask(process, &mask, &system))
        return FALSE;
    if (*count < 1) {
        *count = 1;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    *count = 1;
    groups[0] = 0;
    return TRUE;
}
