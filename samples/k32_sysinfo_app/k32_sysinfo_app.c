/* The app model of a desktop process (no package identity, desktop policies), package names
 * parsed and formatted, synchronization barriers, and thread-pool cleanup groups. */
#include "../k32.h"

typedef struct {
    UINT32 reserved, processorArchitecture;
    union { UINT64 Version; struct { USHORT Revision, Build, Minor, Major; }; } version;
    PWSTR name, publisher, resourceId, publisherId;
} PACKAGE_ID_;

LONG WINAPI GetCurrentPackageFullName(UINT32 *, PWSTR);
LONG WINAPI GetCurrentPackageFamilyName(UINT32 *, PWSTR);
LONG WINAPI GetCurrentPackageId(UINT32 *, BYTE *);
LONG WINAPI GetCurrentPackagePath(UINT32 *, PWSTR);
LONG WINAPI GetCurrentApplicationUserModelId(UINT32 *, PWSTR);
LONG WINAPI GetPackageFullName(HANDLE, UINT32 *, PWSTR);
LONG WINAPI GetApplicationUserModelId(HANDLE, UINT32 *, PWSTR);
LONG WINAPI PackageFamilyNameFromFullName(PCWSTR, UINT32 *, PWSTR);
LONG WINAPI PackageIdFromFullName(PCWSTR, UINT32, UINT32 *, BYTE *);
LONG WINAPI PackageFullNameFromId(const PACKAGE_ID_ *, UINT32 *, PWSTR);
LONG WINAPI PackageFamilyNameFromId(const PACKAGE_ID_ *, UINT32 *, PWSTR);
LONG WINAPI PackageNameAndPublisherIdFromFamilyName(PCWSTR, UINT32 *, PWSTR, UINT32 *, PWSTR);
LONG WINAPI GetPackagesByPackageFamily(PCWSTR, UINT32 *, PWSTR *, UINT32 *, WCHAR *);
LONG WINAPI GetPackagePathByFullName(PCWSTR, UINT32 *, PWSTR);
LONG WINAPI AppPolicyGetProcessTerminationMethod(HANDLE, int *);
LONG WINAPI AppPolicyGetThreadInitializationType(HANDLE, int *);
LONG WINAPI AppPolicyGetWindowingModel(HANDLE, int *);
LONG WINAPI AppPolicyGetClrCompat(HANDLE, int *);
LONG WINAPI AppPolicyGetShowDeveloperDiagnostic(HANDLE, int *);
LONG WINAPI AppPolicyGetCreateFileAccess(HANDLE, int *);
LONG WINAPI AppPolicyGetLifecycleManagement(HANDLE, int *);
LONG WINAPI AppPolicyGetMediaFoundationCodecLoading(HANDLE, int *);

static void PrintW(const WCHAR *s)
{
    char buf[256];
    int i = 0;
    for (; s[i] && i < 255; i++) buf[i] = (char)s[i];
    buf[i] = 0;
    Print(buf);
}

static int SameW(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

#define CALC L"Microsoft.WindowsCalculator_10.1906.55.0_x64__8wekyb3d8bbwe"

/* Barrier: 4 threads, 3 phases; each phase's last arriver counts itself. */
static SYNCHRONIZATION_BARRIER barrier;
static volatile LONG arrived[3], lasts, order_ok = 1;

static DWORD WINAPI BarrierThread(LPVOID param)
{
    (void)param;
    for (int phase = 0; phase < 3; phase++) {
        InterlockedIncrement(&arrived[phase]);
        if (EnterSynchronizationBarrier(&barrier, 0)) InterlockedIncrement(&lasts);
        if (arrived[phase] != 4) order_ok = 0;          /* nobody passes before all four arrived */
    }
    return 0;
}

/* Cleanup group members. */
static volatile LONG work_runs, cancels, timer_runs;
static HANDLE gate;

static VOID CALLBACK SlowWork(PTP_CALLBACK_INSTANCE inst, PVOID context, PTP_WORK work)
{
    (void)inst; (void)context; (void)work;
    WaitForSingleObject(gate, INFINITE);
    InterlockedIncrement(&work_runs);
}

static VOID CALLBACK TimerCallback(PTP_CALLBACK_INSTANCE inst, PVOID context, PTP_TIMER timer)
{
    (void)inst; (void)context; (void)timer;
    InterlockedIncrement(&timer_runs);
}

static VOID CALLBACK GroupCancel(PVOID object_context, PVOID cleanup_context)
{
    if (object_context == (PVOID)0x51 && cleanup_context == (PVOID)0xC1) InterlockedIncrement(&cancels);
}

void Entry(void)
{
    /* No package identity. */
    WCHAR buf[128];
    UINT32 len = 128;
    Check(GetCurrentPackageFullName(&len, buf) == APPMODEL_ERROR_NO_PACKAGE, "GetCurrentPackageFullName -> APPMODEL_ERROR_NO_PACKAGE");
    Check(GetCurrentPackageFamilyName(&len, buf) == APPMODEL_ERROR_NO_PACKAGE, "GetCurrentPackageFamilyName -> APPMODEL_ERROR_NO_PACKAGE");
    Check(GetCurrentPackageId(&len, (BYTE *)buf) == APPMODEL_ERROR_NO_PACKAGE, "GetCurrentPackageId -> APPMODEL_ERROR_NO_PACKAGE");
    Check(GetCurrentPackagePath(&len, buf) == APPMODEL_ERROR_NO_PACKAGE, "GetCurrentPackagePath -> APPMODEL_ERROR_NO_PACKAGE");
    Check(GetCurrentApplicationUserModelId(&len, buf) == 15703, "GetCurrentApplicationUserModelId -> APPMODEL_ERROR_NO_APPLICATION");
    Check(GetPackageFullName(GetCurrentProcess(), &len, buf) == APPMODEL_ERROR_NO_PACKAGE, "GetPackageFullName(self) -> APPMODEL_ERROR_NO_PACKAGE");
    Check(GetApplicationUserModelId(GetCurrentProcess(), &len, buf) == 15703, "GetApplicationUserModelId(self) -> APPMODEL_ERROR_NO_APPLICATION");
    Check(GetPackageFullName((HANDLE)0x1234, &len, buf) == ERROR_INVALID_HANDLE, "GetPackageFullName(bad handle) -> ERROR_INVALID_HANDLE");
    Check(GetCurrentPackageFullName(NULL, buf) == ERROR_INVALID_PARAMETER, "NULL length -> ERROR_INVALID_PARAMETER");

    /* Package names. */
    len = 5;
    Check(PackageFamilyNameFromFullName(CALC, &len, buf) == ERROR_INSUFFICIENT_BUFFER && len == 42,
          "PackageFamilyNameFromFullName, short -> ERROR_INSUFFICIENT_BUFFER, 42");
    len = 128;
    Check(PackageFamilyNameFromFullName(CALC, &len, buf) == ERROR_SUCCESS && len == 42 &&
          SameW(buf, L"Microsoft.WindowsCalculator_8wekyb3d8bbwe"), "PackageFamilyNameFromFullName");
    PrintW(buf); Print("\n");
    len = 128;
    Check(PackageFamilyNameFromFullName(L"NoVersion_x64__8wekyb3d8bbwe", &len, buf) == ERROR_INVALID_PARAMETER,
          "a malformed full name -> ERROR_INVALID_PARAMETER");
    BYTE idbuf[512];
    UINT32 idlen = sizeof(idbuf);
    PACKAGE_ID_ *id = (PACKAGE_ID_ *)idbuf;
    Check(PackageIdFromFullName(CALC, 0, &idlen, idbuf) == ERROR_SUCCESS, "PackageIdFromFullName");
    Check(id->processorArchitecture == PROCESSOR_ARCHITECTURE_AMD64 && id->version.Major == 10 &&
          id->version.Minor == 1906 && id->version.Build == 55 && id->version.Revision == 0,
          "architecture x64, version 10.1906.55.0");
    Check(SameW(id->name, L"Microsoft.WindowsCalculator") && id->resourceId[0] == 0 &&
          SameW(id->publisherId, L"8wekyb3d8bbwe") && id->publisher == NULL, "name, empty resource id, publisher id");
    PACKAGE_ID_ mine = { 0, PROCESSOR_ARCHITECTURE_NEUTRAL, { 0 }, L"Contoso.App",
                         L"CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US", L"en-us", NULL };
    mine.version.Major = 1; mine.version.Minor = 2; mine.version.Build = 3; mine.version.Revision = 4;
    len = 128;
    Check(PackageFullNameFromId(&mine, &len, buf) == ERROR_SUCCESS &&
          SameW(buf, L"Contoso.App_1.2.3.4_neutral_en-us_8wekyb3d8bbwe"), "PackageFullNameFromId: the publisher's id");
    PrintW(buf); Print("\n");
    len = 128;
    Check(PackageFamilyNameFromId(&mine, &len, buf) == ERROR_SUCCESS && SameW(buf, L"Contoso.App_8wekyb3d8bbwe"),
          "PackageFamilyNameFromId");
    mine.publisher = L"CN=Contoso";
    len = 128;
    PackageFamilyNameFromId(&mine, &len, buf);
    PrintW(buf); Print("\n");
    WCHAR name[64], pub[16];
    UINT32 nlen = 64, plen = 16;
    Check(PackageNameAndPublisherIdFromFamilyName(L"Contoso.App_8wekyb3d8bbwe", &nlen, name, &plen, pub) == ERROR_SUCCESS &&
          nlen == 12 && plen == 14 && SameW(name, L"Contoso.App") && SameW(pub, L"8wekyb3d8bbwe"),
          "PackageNameAndPublisherIdFromFamilyName");
    UINT32 count = 9, blen = 9;
    Check(GetPackagesByPackageFamily(L"Contoso.App_8wekyb3d8bbwe", &count, NULL, &blen, NULL) == ERROR_SUCCESS &&
          count == 0 && blen == 0, "GetPackagesByPackageFamily: none installed");
    len = 128;
    Check(GetPackagePathByFullName(CALC, &len, buf) == ERROR_NOT_FOUND, "GetPackagePathByFullName -> ERROR_NOT_FOUND");

    /* Desktop policies. */
    HANDLE token = (HANDLE)(LONG_PTR)-6;        /* GetCurrentThreadEffectiveToken() */
    int v = -1;
    Check(AppPolicyGetProcessTerminationMethod(token, &v) == 0 && v == 0, "termination: ExitProcess");
    Check(AppPolicyGetThreadInitializationType(token, &v) == 0 && v == 0, "thread initialization: None");
    Check(AppPolicyGetWindowingModel(token, &v) == 0 && v == 2, "windowing: ClassicDesktop");
    Check(AppPolicyGetClrCompat(token, &v) == 0 && v == 1, "CLR: ClassicDesktop");
    Check(AppPolicyGetShowDeveloperDiagnostic(token, &v) == 0 && v == 1, "developer diagnostic: ShowUI");
    Check(AppPolicyGetCreateFileAccess(token, &v) == 0 && v == 0, "CreateFile access: Full");
    Check(AppPolicyGetLifecycleManagement(token, &v) == 0 && v == 0, "lifecycle: Unmanaged");
    Check(AppPolicyGetMediaFoundationCodecLoading(token, &v) == 0 && v == 0, "codec loading: All");

    /* A barrier for four threads over three phases. */
    Check(!InitializeSynchronizationBarrier(&barrier, 0, -1), "a barrier of 0 threads is refused");
    Check(InitializeSynchronizationBarrier(&barrier, 4, -1), "InitializeSynchronizationBarrier(4)");
    HANDLE threads[3];
    for (int i = 0; i < 3; i++) threads[i] = CreateThread(NULL, 0, BarrierThread, NULL, 0, NULL);
    BarrierThread(NULL);
    WaitForMultipleObjects(3, threads, TRUE, INFINITE);
    Check(order_ok && lasts == 3, "three phases, nobody through early, one last arriver each");
    Check(DeleteSynchronizationBarrier(&barrier), "DeleteSynchronizationBarrier");

    /* A cleanup group: a running work, one queued behind it, a timer never due. */
    PTP_POOL pool = CreateThreadpool(NULL);
    SetThreadpoolThreadMaximum(pool, 1);
    TP_POOL_STACK_INFORMATION si = { 0x40000, 0x2000 }, got = { 0 };
    Check(SetThreadpoolStackInformation(pool, &si) && QueryThreadpoolStackInformation(pool, &got) &&
          got.StackReserve == 0x40000 && got.StackCommit == 0x2000, "Set/QueryThreadpoolStackInformation");
    TP_CALLBACK_ENVIRON env;
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackPool(&env, pool);
    PTP_CLEANUP_GROUP group = CreateThreadpoolCleanupGroup();
    SetThreadpoolCallbackCleanupGroup(&env, group, GroupCancel);
    gate = CreateEventA(NULL, TRUE, FALSE, NULL);
    PTP_WORK work = CreateThreadpoolWork(SlowWork, (PVOID)0x51, &env);
    PTP_TIMER timer = CreateThreadpoolTimer(TimerCallback, (PVOID)0x52, &env);
    FILETIME due = { (DWORD)-100000000, (DWORD)-1 };           /* 10 s from now */
    SetThreadpoolTimer(timer, &due, 0, 0);
    SubmitThreadpoolWork(work);
    SubmitThreadpoolWork(work);
    Sleep(50);                                  /* the first is running, the second queued */
    SetEvent(gate);
    CloseThreadpoolCleanupGroupMembers(group, TRUE, (PVOID)0xC1);
    Check(work_runs == 1, "members closed with cancel: the running callback finished, the queued one never ran");
    Check(cancels == 1 && timer_runs == 0, "the cancel callback for the work object; the timer stopped");
    CloseThreadpoolCleanupGroup(group);
    DestroyThreadpoolEnvironment(&env);
    CloseThreadpool(pool);

    Print(failures ? "FAILED\n" : "all passed\n");
    ExitProcess(failures);
}
