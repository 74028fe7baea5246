/* The at-thread-exit registrations of std::notify_all_at_thread_exit and of promise's
 * set_value_at_thread_exit: a condition variable, the mutex the thread holds and a flag, kept
 * per thread until _Cnd_do_broadcast_at_thread_exit (which std::thread's start routine calls
 * after the callable returns) sets the flag, wakes the waiters and unlocks the mutex. */
#include "msvcp.h"

typedef struct registration {
    struct registration *next;
    unsigned int thread;
    void *cnd, *mtx;
    int *res;
} registration;

static registration *registrations;
static long registrations_lock;                        /* a spin lock: held for a few instructions */
__declspec(dllimport) int WINAPI SwitchToThread(void);
int Cnd_broadcast(void *c);                            /* mutex.c */
int Mtx_unlock(void *m);

static void Lock(void)
{
    while (__atomic_exchange_n(&registrations_lock, 1, __ATOMIC_ACQUIRE))
        SwitchToThread();
}

static void Unlock(void) { __atomic_store_n(&registrations_lock, 0, __ATOMIC_RELEASE); }

void Cnd_register_at_thread_exit(void *cnd, void *mtx, int *res)
{
    registration *r = malloc(sizeof *r);
    if (r == NULL)
        return;
    r->thread = GetCurrentThreadId();
    r->cnd = cnd;
    r->mtx = mtx;
    r->res = res;
    Lock();
    r->next = registrations;
    registrations = r;
    Unlock();
}

void Cnd_unregister_at_thread_exit(void *mtx)
{
    Lock();
    for (registration **p = &registrations; *p != NULL;) {
        registration *r = *p;
        if (r->mtx == mtx) {
            *p = r->next;
            free(r);
        } else {
            p = &r->next;
        }
    }
    Unlock();
}

void Cnd_do_broadcast_at_thread_exit(void)
{
    unsigned int me = GetCurrentThreadId();
    registration *mine = NULL;
    Lock();
    for (registration **p = &registrations; *p != NULL;) {
        registration *r = *p;
        if (r->thread == me) {
            *p = r->next;
            r->next = mine;
            mine = r;
        } else {
            p = &r->next;
        }
    }
    Unlock();
    while (mine != NULL) {
        registration *r = mine;
        mine = r->next;
        if (r->res != NULL)
            *r->res = 1;
        Cnd_broadcast(r->cnd);
        Mtx_unlock(r->mtx);
        free(r);
    }
}
