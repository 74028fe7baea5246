/* The Microsoft STL's satellite DLLs called as its headers call them: msvcp140_atomic_wait
 * (atomic wait/notify direct and indirect with a second thread, the timed waits' helpers, the
 * lock table, cmpxchg16b, the parallel algorithms' thread pool work, syncstream's mutexes, the
 * tzdb entry points without ICU), msvcp140_1 (the pmr resources through their vftables) and
 * msvcp140_codecvt_ids (loaded by name; its ids numbered by msvcp140); and msvcp140's lock of the
 * atomic shared_ptr operations. Exit code: failed checks. */
#include "../k32.h"

typedef BOOL(WINAPI *equal_fn)(const void *, void *, size_t, void *);
__declspec(dllimport) int WINAPI __std_atomic_wait_direct(const void *, void *, size_t, unsigned long);
__declspec(dllimport) void WINAPI __std_atomic_notify_one_direct(const void *);
__declspec(dllimport) void WINAPI __std_atomic_notify_all_direct(const void *);
__declspec(dllimport) int WINAPI __std_atomic_wait_indirect(const void *, void *, size_t, void *, equal_fn, unsigned long);
__declspec(dllimport) void WINAPI __std_atomic_notify_one_indirect(const void *);
__declspec(dllimport) void WINAPI __std_atomic_notify_all_indirect(const void *);
__declspec(dllimport) unsigned long long WINAPI __std_atomic_wait_get_deadline(unsigned long long);
__declspec(dllimport) unsigned long WINAPI __std_atomic_wait_get_remaining_timeout(unsigned long long);
__declspec(dllimport) unsigned long WINAPI __std_atomic_set_api_level(unsigned long);
__declspec(dllimport) SRWLOCK *WINAPI __std_atomic_get_mutex(const void *);
__declspec(dllimport) unsigned char WINAPI __std_atomic_compare_exchange_128(long long *, long long, long long, long long *);
__declspec(dllimport) char WINAPI __std_atomic_has_cmpxchg16b(void);
__declspec(dllimport) unsigned int WINAPI __std_parallel_algorithms_hw_threads(void);
__declspec(dllimport) PTP_WORK WINAPI __std_create_threadpool_work(PTP_WORK_CALLBACK, void *, PTP_CALLBACK_ENVIRON);
__declspec(dllimport) void WINAPI __std_bulk_submit_threadpool_work(PTP_WORK, size_t);
__declspec(dllimport) void WINAPI __std_submit_threadpool_work(PTP_WORK);
__declspec(dllimport) void WINAPI __std_wait_for_threadpool_work_callbacks(PTP_WORK, BOOL);
__declspec(dllimport) void WINAPI __std_close_threadpool_work(PTP_WORK);
__declspec(dllimport) void WINAPI __std_execution_wait_on_uchar(const volatile unsigned char *, unsigned char);
__declspec(dllimport) void WINAPI __std_execution_wake_by_address_all(const volatile void *);
__declspec(dllimport) SRWLOCK *WINAPI __std_acquire_shared_mutex_for_instance(void *);
__declspec(dllimport) void WINAPI __std_release_shared_mutex_for_instance(void *);
typedef struct { int err; const char *version; size_t count; const char **names, **links; } tzdb_time_zones;
typedef struct { int err; const char *name; } tzdb_current_zone;
typedef struct { int err; double begin, end; int offset, save; const char *abbrev; } tzdb_sys_info;
__declspec(dllimport) tzdb_time_zones *WINAPI __std_tzdb_get_time_zones(void);
__declspec(dllimport) void WINAPI __std_tzdb_delete_time_zones(tzdb_time_zones *);
__declspec(dllimport) tzdb_current_zone *WINAPI __std_tzdb_get_current_zone(void);
__declspec(dllimport) void WINAPI __std_tzdb_delete_current_zone(tzdb_current_zone *);
__declspec(dllimport) tzdb_sys_info *WINAPI __std_tzdb_get_sys_info(const char *, size_t, double);
__declspec(dllimport) void WINAPI __std_tzdb_delete_sys_info(tzdb_sys_info *);
__declspec(dllimport) void *WINAPI __std_tzdb_get_leap_seconds(size_t, size_t *);
__declspec(dllimport) void *WINAPI __std_calloc_crt(size_t, size_t);
__declspec(dllimport) void WINAPI __std_free_crt(void *);

/* -- pmr: memory_resource's virtuals in order (scalar deleting dtor, do_allocate, do_deallocate, do_is_equal) */
typedef struct resource { const struct resource_vtbl *vt; } resource;
struct resource_vtbl {
    void *(*dtor)(resource *, unsigned);
    void *(*allocate)(resource *, size_t, size_t);
    void (*deallocate)(resource *, void *, size_t, size_t);
    _Bool (*is_equal)(const resource *, const resource *);
};
__declspec(dllimport) resource *_Aligned_new_delete_resource(void);
__declspec(dllimport) resource *_Unaligned_new_delete_resource(void);
__declspec(dllimport) resource *_Aligned_get_default_resource(void);
__declspec(dllimport) resource *_Unaligned_get_default_resource(void);
__declspec(dllimport) resource *_Aligned_set_default_resource(resource *);
__declspec(dllimport) resource *null_memory_resource(void);

static volatile LONG flag, indirect_value, work_runs;
static volatile unsigned char byte_flag;

static BOOL WINAPI Equal(const void *storage, void *comparand, size_t size, void *param)
{
    (void)size;
    (void)param;
    return *(volatile LONG *)storage == *(LONG *)comparand;
}

static DWORD WINAPI Notifier(void *arg)
{
    (void)arg;
    Sleep(20);
    InterlockedExchange(&flag, 1);                      /* direct: the value, then the wake */
    __std_atomic_notify_all_direct((const void *)&flag);
    Sleep(20);
    InterlockedExchange(&indirect_value, 7);            /* indirect */
    __std_atomic_notify_one_indirect((const void *)&indirect_value);
    Sleep(20);
    byte_flag = 1;
    __std_execution_wake_by_address_all(&byte_flag);
    return 0;
}

static void CALLBACK Work(PTP_CALLBACK_INSTANCE instance, void *context, PTP_WORK work)
{
    (void)instance;
    (void)work;
    InterlockedAdd((volatile LONG *)context, 1);
}

static void AtomicWait(void)
{
    HANDLE t = CreateThread(NULL, 0, Notifier, NULL, 0, NULL);
    LONG zero = 0;
    int woke = 1;
    while (flag == 0 && woke)
        woke = __std_atomic_wait_direct((const void *)&flag, &zero, 4, 0xFFFFFFFFu);
    Check(flag == 1 && woke, "wait_direct: returns once another thread stores and notifies");
    LONG before = 0;
    while (indirect_value == 0)
        __std_atomic_wait_indirect((const void *)&indirect_value, &before, 4, NULL, Equal, 0xFFFFFFFFu);
    Check(indirect_value == 7, "wait_indirect: the callback's comparison, woken by notify_one_indirect");
    while (byte_flag == 0)
        __std_execution_wait_on_uchar(&byte_flag, 0);
    Check(byte_flag == 1, "execution_wait_on_uchar: woken by execution_wake_by_address_all");
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);

    LONG seven = 7;
    SetLastError(0);
    int r = __std_atomic_wait_indirect((const void *)&indirect_value, &seven, 4, NULL, Equal, 10);
    CheckError(!r, ERROR_TIMEOUT, "wait_indirect with 10 ms and nobody notifying: FALSE, ERROR_TIMEOUT");
    r = __std_atomic_wait_direct((const void *)&indirect_value, &seven, 4, 10);
    CheckError(!r, ERROR_TIMEOUT, "wait_direct with 10 ms: FALSE, ERROR_TIMEOUT");
    LONG six = 6;
    Check(__std_atomic_wait_indirect((const void *)&indirect_value, &six, 4, NULL, Equal, 0xFFFFFFFFu) == 1,
          "wait_indirect on a value that already differs: TRUE at once");
    __std_atomic_notify_all_indirect((const void *)&six);  /* nobody waits there: nothing happens */
    __std_atomic_notify_one_direct((const void *)&six);

    Check(__std_atomic_wait_get_deadline(~0ull) == ~0ull, "get_deadline(no deadline) stays all ones");
    unsigned long long deadline = __std_atomic_wait_get_deadline(5000);
    unsigned long left = __std_atomic_wait_get_remaining_timeout(deadline);
    Check(left > 0 && left <= 5000, "get_remaining_timeout of a 5 s deadline: within (0, 5000]");
    Check(__std_atomic_wait_get_remaining_timeout(~0ull) == INFINITE, "get_remaining_timeout(no deadline): INFINITE");
    Check(__std_atomic_wait_get_remaining_timeout(1) == 0, "get_remaining_timeout of a past deadline: 0");
    Check(__std_atomic_wait_get_remaining_timeout(GetTickCount64() + 30ull * 86400000) == 864000000,
          "get_remaining_timeout caps at ten days");
    Check(__std_atomic_set_api_level(1) == 3, "set_api_level: WaitOnAddress (3)");
}

static void LockFree(void)
{
    static long long a[4], b;
    SRWLOCK *m1 = __std_atomic_get_mutex(&a[0]), *m2 = __std_atomic_get_mutex(&a[0]);
    Check(m1 && m1 == m2, "get_mutex: one lock per address");
    AcquireSRWLockExclusive(m1);
    ReleaseSRWLockExclusive(m1);
    (void)b;
    static __attribute__((aligned(16))) long long dest[2] = {1, 2};
    long long cmp[2] = {1, 2};
    unsigned char ok = __std_atomic_compare_exchange_128(dest, 20, 10, cmp);
    Check(ok == 1 && dest[0] == 10 && dest[1] == 20 && cmp[0] == 1 && cmp[1] == 2,
          "compare_exchange_128 on a match: stores high:low, returns 1");
    long long wrong[2] = {5, 6};
    ok = __std_atomic_compare_exchange_128(dest, 99, 98, wrong);
    Check(ok == 0 && dest[0] == 10 && dest[1] == 20 && wrong[0] == 10 && wrong[1] == 20,
          "compare_exchange_128 on a mismatch: 0, the current value into the comparand");
    Check(__std_atomic_has_cmpxchg16b() == 1, "has_cmpxchg16b: true on x64");
}

static void Parallel(void)
{
    Check(__std_parallel_algorithms_hw_threads() == GetActiveProcessorCount(ALL_PROCESSOR_GROUPS),
          "parallel_algorithms_hw_threads: the processor count");
    LONG count = 0;
    PTP_WORK w = __std_create_threadpool_work(Work, (void *)&count, NULL);
    Check(w != NULL, "create_threadpool_work");
    __std_bulk_submit_threadpool_work(w, 5);
    __std_submit_threadpool_work(w);
    __std_wait_for_threadpool_work_callbacks(w, FALSE);
    Check(count == 6, "bulk_submit(5) + submit: six callbacks run by the wait");
    __std_close_threadpool_work(w);
}

static void Syncstream(void)
{
    int buf_a, buf_b;
    SRWLOCK *a1 = __std_acquire_shared_mutex_for_instance(&buf_a);
    SRWLOCK *a2 = __std_acquire_shared_mutex_for_instance(&buf_a);
    SRWLOCK *b1 = __std_acquire_shared_mutex_for_instance(&buf_b);
    Check(a1 && a1 == a2 && b1 && b1 != a1, "acquire_shared_mutex_for_instance: one mutex per buffer, shared");
    AcquireSRWLockShared(a1);
    ReleaseSRWLockShared(a1);
    __std_release_shared_mutex_for_instance(&buf_a);
    __std_release_shared_mutex_for_instance(&buf_a);
    __std_release_shared_mutex_for_instance(&buf_b);
    Check(__std_acquire_shared_mutex_for_instance(&buf_a) != NULL, "a released buffer gets a mutex again");
    __std_release_shared_mutex_for_instance(&buf_a);
}

static void Tzdb(void)
{
    SetLastError(0);
    tzdb_time_zones *z = __std_tzdb_get_time_zones();
    CheckError(z && z->err == 1 && z->count == 0, ERROR_MOD_NOT_FOUND,
               "tzdb_get_time_zones without icu.dll: _Win_error, ERROR_MOD_NOT_FOUND");
    __std_tzdb_delete_time_zones(z);
    tzdb_current_zone *c = __std_tzdb_get_current_zone();
    Check(c && c->err == 1 && c->name == NULL, "tzdb_get_current_zone: _Win_error");
    __std_tzdb_delete_current_zone(c);
    tzdb_sys_info *s = __std_tzdb_get_sys_info("Etc/UTC", 7, 0.0);
    Check(s && s->err == 1, "tzdb_get_sys_info: _Win_error");
    __std_tzdb_delete_sys_info(s);
    size_t n = 99;
    void *leap = __std_tzdb_get_leap_seconds(0, &n);
    Check(leap == NULL && n == 0, "tzdb_get_leap_seconds with no LeapSecondInformation key: NULL, 0");
    int *p = __std_calloc_crt(4, sizeof(int));
    Check(p && p[0] == 0 && p[3] == 0, "calloc_crt: zeroed");
    __std_free_crt(p);
}

static void Pmr(void)
{
    resource *nd = _Aligned_new_delete_resource(), *und = _Unaligned_new_delete_resource();
    Check(_Aligned_get_default_resource() == nd && _Unaligned_get_default_resource() == und,
          "the default resource is new_delete_resource of each flavour");
    char *p = nd->vt->allocate(nd, 100, 8);
    Check(p != NULL, "new_delete_resource allocates 100 bytes");
    p[0] = p[99] = 'x';
    nd->vt->deallocate(nd, p, 100, 8);
    void *q = nd->vt->allocate(nd, 64, 256);
    Check(q && ((ULONG_PTR)q & 255) == 0, "an over-aligned request (256) comes back aligned");
    nd->vt->deallocate(nd, q, 64, 256);
    Check(nd->vt->is_equal(nd, nd) && !nd->vt->is_equal(nd, null_memory_resource()), "is_equal is identity");
    resource *nul = null_memory_resource();
    Check(_Aligned_set_default_resource(nul) == nd, "set_default_resource returns the previous one");
    Check(_Aligned_get_default_resource() == nul && _Unaligned_get_default_resource() == nul,
          "then get_default_resource returns the one set");
    Check(_Aligned_set_default_resource(NULL) == nul && _Aligned_get_default_resource() == nd,
          "set_default_resource(nullptr) brings new_delete_resource back");
    nul->vt->deallocate(nul, NULL, 0, 1);                /* nothing to do */
}

typedef size_t(*id_index_fn)(void *id);

static void CodecvtIds(void)
{
    HMODULE ids = LoadLibraryW(L"msvcp140_codecvt_ids.dll");
    Check(ids != NULL, "msvcp140_codecvt_ids.dll loads by name");
    if (!ids)
        return;
    size_t *id16 = (size_t *)GetProcAddress(ids, "?id@?$codecvt@_SDU_Mbstatet@@@std@@2V0locale@2@A");
    size_t *id32 = (size_t *)GetProcAddress(ids, "?id@?$codecvt@_UDU_Mbstatet@@@std@@2V0locale@2@A");
    size_t *id16_8 = (size_t *)GetProcAddress(ids, "?id@?$codecvt@_S_QU_Mbstatet@@@std@@2V0locale@2@A");
    size_t *id32_8 = (size_t *)GetProcAddress(ids, "?id@?$codecvt@_U_QU_Mbstatet@@@std@@2V0locale@2@A");
    Check(id16 && id32 && id16_8 && id32_8 && *id16 == 0 && *id32 == 0, "its four ids, unnumbered");
    HMODULE msvcp = LoadLibraryW(L"msvcp140.dll");
    id_index_fn index = (id_index_fn)GetProcAddress(msvcp, "??Bid@locale@std@@QEAA_KXZ");
    if (!index || !id16 || !id32)
        return;
    size_t a = index(id16), b = index(id32);
    Check(a != 0 && b != 0 && a != b && index(id16) == a && *id16 == a,
          "msvcp140's locale::id numbers them on first use, once");
}

typedef void (*lock_fn)(void);
static lock_fn lock_sp, unlock_sp;
static volatile LONG locked_by_other;

static DWORD WINAPI OtherLocker(void *arg)
{
    (void)arg;
    lock_sp();
    InterlockedExchange(&locked_by_other, 1);
    unlock_sp();
    return 0;
}

static void SharedPtrLock(void)
{
    HMODULE msvcp = LoadLibraryW(L"msvcp140.dll");
    lock_sp = (lock_fn)GetProcAddress(msvcp, "_Lock_shared_ptr_spin_lock");
    unlock_sp = (lock_fn)GetProcAddress(msvcp, "_Unlock_shared_ptr_spin_lock");
    if (!lock_sp || !unlock_sp) {
        Check(0, "msvcp140 exports _Lock/_Unlock_shared_ptr_spin_lock");
        return;
    }
    lock_sp();
    HANDLE t = CreateThread(NULL, 0, OtherLocker, NULL, 0, NULL);
    Sleep(30);
    LONG early = locked_by_other;
    unlock_sp();
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    Check(!early && locked_by_other, "_Lock_shared_ptr_spin_lock: another thread waits until _Unlock");
}

void Entry(void)
{
    AtomicWait();
    LockFree();
    Parallel();
    Syncstream();
    Tzdb();
    Pmr();
    CodecvtIds();
    SharedPtrLock();
    ExitProcess(failures);
}
