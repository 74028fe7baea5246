/* Family 3 (threads), thread-pool cleanup groups: every work, timer, wait and I/O object created
 * with a callback environment naming a group is a member until it is closed on its own or the
 * group releases it. CloseThreadpoolCleanupGroupMembers takes the members out, and for each stops
 * new callbacks (a timer's due time, a wait's handle), waits for its callbacks (cancelling those
 * not started when asked, then calling the group's cancel callback with the object's context),
 * and closes it. Also the pools' worker stack sizes (Query/SetThreadpoolStackInformation). */
#include "threadpool.h"

struct _TP_CLEANUP_GROUP {
    SRWLOCK lock;
    struct _TP_WORK *members;
};

void TpJoinGroup(struct _TP_WORK *work, PTP_CALLBACK_ENVIRON env, void (*stop)(struct _TP_WORK *),
                 void (*close)(struct _TP_WORK *))
{
    work->stop = stop;
    work->close = close;
    if (env == NULL || env->CleanupGroup == NULL) return;
    struct _TP_CLEANUP_GROUP *group = env->CleanupGroup;
    RtlAcquireSRWLockExclusive(&group->lock);
    work->group = group;
    work->group_cancel = env->CleanupGroupCancelCallback;
    work->group_next = group->members;
    group->members = work;
    RtlReleaseSRWLockExclusive(&group->lock);
}

void TpLeaveGroup(struct _TP_WORK *work)
{
    struct _TP_CLEANUP_GROUP *group = work->group;
    if (group == NULL) return;
    RtlAcquireSRWLockExclusive(&group->lock);
    for (struct _TP_WORK **link = &group->members; *link; link = &(*link)->group_next)
        if (*link == work) { *link = work->group_next; break; }
    work->group = NULL;
    RtlReleaseSRWLockExclusive(&group->lock);
}

KBAPI PTP_CLEANUP_GROUP WINAPI CreateThreadpoolCleanupGroup(void)
{
    struct _TP_CLEANUP_GROUP *group = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*group));
    if (group == NULL) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return group;
}

KBAPI VOID WINAPI CloseThreadpoolCleanupGroupMembers(PTP_CLEANUP_GROUP group, BOOL cancel_pending, PVOID cleanup_context)
{
    RtlAcquireSRWLockExclusive(&group->lock);
    struct _TP_WORK *members = group->members;
    group->members = NULL;
    for (struct _TP_WORK *w = members; w; w = w->group_next) w->group = NULL;
    RtlReleaseSRWLockExclusive(&group->lock);
    while (members) {
        struct _TP_WORK *w = members;
        members = w->group_next;
        if (w->stop) w->stop(w);
        TpWaitForCallbacks(w, cancel_pending);
        if (cancel_pending && w->group_cancel) w->group_cancel(w->context, cleanup_context);
        w->close(w);
    }
}

/* The group itself; members still in it stay open (the caller released them first, as documented). */
KBAPI VOID WINAPI CloseThreadpoolCleanupGroup(PTP_CLEANUP_GROUP group)
{
    RtlAcquireSRWLockExclusive(&group->lock);
    for (struct _TP_WORK *w = group->members; w; w = w->group_next) w->group = NULL;
    RtlReleaseSRWLockExclusive(&group->lock);
    TpFree(group);
}

/* The stack sizes the pool's new worker threads get (0: the image's defaults). */
KBAPI BOOL WINAPI SetThreadpoolStackInformation(PTP_POOL pool, PTP_POOL_STACK_INFORMATION info)
{
    if (info == NULL || (info->StackCommit && info->StackReserve && info->StackCommit > info->StackReserve)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    RtlAcquireSRWLockExclusive(&pool->lock);
    pool->stack = *info;
    RtlReleaseSRWLockExclusive(&pool->lock);
    return TRUE;
}

KBAPI BOOL WINAPI QueryThreadpoolStackInformation(PTP_POOL pool, PTP_POOL_STACK_INFORMATION info)
{
    if (info == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    RtlAcquireSRWLockExclusive(&pool->lock);
    *info = pool->stack;
    RtlReleaseSRWLockExclusive(&pool->lock);
    if (info->StackReserve == 0 || info->StackCommit == 0) {    /* the image's own sizes */
        BYTE *image = PEB_IMAGE_BASE();
        IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)(image + ((IMAGE_DOS_HEADER *)image)->e_lfanew);
        if (info->StackReserve == 0) info->StackReserve = nt->OptionalHeader.SizeOfStackReserve;
        if (info->StackCommit == 0) info->StackCommit = nt->OptionalHeader.SizeOfStackCommit;
    }
    return TRUE;
}
