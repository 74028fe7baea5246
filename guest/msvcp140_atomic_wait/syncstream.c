/* std::basic_syncbuf's per-buffer mutexes: __std_acquire_shared_mutex_for_instance hands out one
 * std::shared_mutex (an SRW lock, its only member) per wrapped streambuf, counted, and
 * __std_release_shared_mutex_for_instance drops a count, freeing it at zero. */
#include "satellite.h"

typedef struct instance {
    void *key;
    SRWLOCK mutex;                                       /* the std::shared_mutex handed out */
    size_t refs;
    struct instance *next;
} instance;

static SRWLOCK table_lock = SRWLOCK_INIT;
static instance *table[64];

static instance **Slot(void *key)
{
    ULONG_PTR k = (ULONG_PTR)key;
    instance **p = &table[(k ^ (k >> 6) ^ (k >> 12)) & 63];
    while (*p && (*p)->key != key)
        p = &(*p)->next;
    return p;                                            /* the link holding key's entry, or the end */
}

SATEXP SRWLOCK *WINAPI __std_acquire_shared_mutex_for_instance(void *key)
{
    AcquireSRWLockExclusive(&table_lock);
    instance **p = Slot(key);
    if (!*p && (*p = calloc(1, sizeof(instance))) != NULL)
        (*p)->key = key;
    SRWLOCK *result = NULL;
    if (*p) {
        (*p)->refs++;
        result = &(*p)->mutex;
    }
    ReleaseSRWLockExclusive(&table_lock);
    return result;                                       /* NULL: out of memory */
}

SATEXP void WINAPI __std_release_shared_mutex_for_instance(void *key)
{
    AcquireSRWLockExclusive(&table_lock);
    instance **p = Slot(key);
    if (*p && --(*p)->refs == 0) {
        instance *gone = *p;
        *p = gone->next;
        free(gone);
    }
    ReleaseSRWLockExclusive(&table_lock);
}
