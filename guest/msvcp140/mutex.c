/* The _Mtx_* and _Cnd_* entry points under std::mutex, recursive_mutex, timed_mutex and
 * condition_variable, on the STL's object layouts: _Mtx_internal_imp_t is {int _Type; the
 * 64-byte critical-section storage whose second pointer is an SRW lock; long _Thread_id;
 * int _Count} (80 bytes), _Cnd_internal_imp_t 72 bytes whose second pointer is a
 * CONDITION_VARIABLE. The headers' constexpr constructors make both all zero (a free lock) with
 * _Type set and _Thread_id -1, so nothing here may need an initialisation call. */
#include "msvcp.h"

typedef struct {
    int type;
    union { struct { void *unused; void *srw; } cs; __attribute__((aligned(8))) unsigned char storage[64]; };
    long thread_id;
    int count;
} mtx_t;
typedef struct { union { struct { void *unused; void *cv; } c; __attribute__((aligned(8))) unsigned char storage[72]; }; } cnd_t;
typedef struct { long long tv_sec; long tv_nsec; } timespec64;
_Static_assert(sizeof(mtx_t) == 80 && sizeof(cnd_t) == 72, "the STL's sizes");

enum { MTX_PLAIN = 0x1, MTX_TRY = 0x2, MTX_TIMED = 0x4, MTX_RECURSIVE = 0x100 };
enum { THRD_SUCCESS, THRD_NOMEM, THRD_TIMEDOUT, THRD_BUSY, THRD_ERROR };

__declspec(dllimport) void WINAPI AcquireSRWLockExclusive(void *);
__declspec(dllimport) unsigned char WINAPI TryAcquireSRWLockExclusive(void *);
__declspec(dllimport) void WINAPI ReleaseSRWLockExclusive(void *);
__declspec(dllimport) int WINAPI SleepConditionVariableSRW(void *, void *, unsigned int, unsigned int);
__declspec(dllimport) void WINAPI WakeConditionVariable(void *);
__declspec(dllimport) void WINAPI WakeAllConditionVariable(void *);
__declspec(dllimport) int WINAPI SwitchToThread(void);
long long Xtime_get_ticks(void);                                       /* thread.c */

void Mtx_init_in_situ(mtx_t *m, int type)
{
    m->cs.unused = m->cs.srw = NULL;
    m->thread_id = -1;
    m->type = type;
    m->count = 0;
}

void Mtx_destroy_in_situ(mtx_t *m) { (void)m; }

int Mtx_init(mtx_t **out, int type)
{
    *out = NULL;
    mtx_t *m = calloc(1, sizeof *m);
    if (m == NULL)
        return THRD_NOMEM;
    Mtx_init_in_situ(m, type);
    *out = m;
    return THRD_SUCCESS;
}

void Mtx_destroy(mtx_t *m) { free(m); }

/* Take the lock: wait (timeout_ms < 0), try once (0), or retry until the absolute time passes.
 * The owner's thread id and a count make a recursive mutex re-enter; a plain or timed one
 * owned by the caller is busy to its try_lock. */
static int Lock(mtx_t *m, int mode, long long until_ticks)
{
    long me = (long)GetCurrentThreadId();
    int mine = m->thread_id == me;
    if ((m->type & ~MTX_RECURSIVE) == MTX_PLAIN) {
        /* a _Mtx_plain mutex (std::mutex is _Mtx_try): always waits, re-entered by its owner */
        if (!mine) {
            AcquireSRWLockExclusive(&m->cs.srw);
            m->thread_id = me;
        }
        m->count++;
        return THRD_SUCCESS;
    }
    int got = mine;
    if (!got) {
        if (mode < 0) {
            AcquireSRWLockExclusive(&m->cs.srw);
            got = 1;
        } else if (mode == 0) {
            got = TryAcquireSRWLockExclusive(&m->cs.srw) != 0;
        } else {
            while (!(got = TryAcquireSRWLockExclusive(&m->cs.srw) != 0) && Xtime_get_ticks() < until_ticks)
                SwitchToThread();
        }
    }
    if (got) {
        if (mine && !(m->type & MTX_RECURSIVE))
            return mode <= 0 ? THRD_BUSY : THRD_TIMEDOUT;
        if (m->count++ == 0)
            m->thread_id = me;
        return THRD_SUCCESS;
    }
    return mode == 0 ? THRD_BUSY : THRD_TIMEDOUT;
}

int Mtx_lock(mtx_t *m) { return Lock(m, -1, 0); }
int Mtx_trylock(mtx_t *m) { return Lock(m, 0, 0); }

/* _Mtx_timedlock(m, xt): xt is an absolute time since 1970 */
static long long TicksOf(const timespec64 *t)
{
    return (t->tv_sec + 11644473600LL) * 10000000 + t->tv_nsec / 100;
}

int Mtx_timedlock(mtx_t *m, const timespec64 *xt) { return Lock(m, 1, TicksOf(xt)); }

int Mtx_unlock(mtx_t *m)
{
    if (--m->count == 0) {
        m->thread_id = -1;
        ReleaseSRWLockExclusive(&m->cs.srw);
    }
    return THRD_SUCCESS;
}

int Mtx_current_owns(mtx_t *m) { return m->count != 0 && m->thread_id == (long)GetCurrentThreadId(); }
void *Mtx_getconcrtcs(mtx_t *m) { return &m->cs; }
void Mtx_clear_owner(mtx_t *m) { m->thread_id = -1; m->count--; }
void Mtx_reset_owner(mtx_t *m) { m->thread_id = (long)GetCurrentThreadId(); m->count++; }

/* -- condition variables */
void Cnd_init_in_situ(cnd_t *c) { c->c.unused = c->c.cv = NULL; }
void Cnd_destroy_in_situ(cnd_t *c) { (void)c; }

int Cnd_init(cnd_t **out)
{
    *out = NULL;
    cnd_t *c = calloc(1, sizeof *c);
    if (c == NULL)
        return THRD_NOMEM;
    *out = c;
    return THRD_SUCCESS;
}

void Cnd_destroy(cnd_t *c) { free(c); }

/* Wait with the mutex's SRW lock released; the mutex is owned by nobody meanwhile. */
static int Wait(cnd_t *c, mtx_t *m, unsigned int ms)
{
    Mtx_clear_owner(m);
    int ok = SleepConditionVariableSRW(&c->c.cv, &m->cs.srw, ms, 0);
    Mtx_reset_owner(m);
    return ok ? THRD_SUCCESS : THRD_TIMEDOUT;
}

int Cnd_wait(cnd_t *c, mtx_t *m)
{
    Wait(c, m, 0xFFFFFFFFu);
    return THRD_SUCCESS;
}

/* _Cnd_timedwait(c, m, xt): until the absolute time xt (since 1970) */
int Cnd_timedwait(cnd_t *c, mtx_t *m, const timespec64 *xt)
{
    long long left = TicksOf(xt) - Xtime_get_ticks();
    unsigned int ms = left <= 0 ? 0 : (unsigned int)((left + 9999) / 10000);
    return Wait(c, m, ms);
}

int Cnd_signal(cnd_t *c)
{
    WakeConditionVariable(&c->c.cv);
    return THRD_SUCCESS;
}

int Cnd_broadcast(cnd_t *c)
{
    WakeAllConditionVariable(&c->c.cv);
    return THRD_SUCCESS;
}
