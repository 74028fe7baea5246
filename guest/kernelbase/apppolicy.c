/* The app model's policies for a process token (kernelbase only, as on Windows): a desktop
 * process, with no package claims in its token, gets the classic desktop values. */
#include "kernelbase.h"

enum {
    AppPolicyProcessTerminationMethod_ExitProcess = 0,
    AppPolicyThreadInitializationType_None = 0,
    AppPolicyWindowingModel_ClassicDesktop = 2,
    AppPolicyMediaFoundationCodecLoading_All = 0,
    AppPolicyClrCompat_ClassicDesktop = 1,
    AppPolicyShowDeveloperDiagnostic_ShowUI = 1,
    AppPolicyCreateFileAccess_Full = 0,
    AppPolicyLifecycleManagement_Unmanaged = 0,
};

static LONG Answer(int *out, int value)
{
    if (out == NULL) return ERROR_INVALID_PARAMETER;
    *out = value;
    return ERROR_SUCCESS;
}

KBAPI LONG WINAPI AppPolicyGetProcessTerminationMethod(HANDLE token, int *policy)
{
    (void)token;
    return Answer(policy, AppPolicyProcessTerminationMethod_ExitProcess);
}

KBAPI LONG WINAPI AppPolicyGetThreadInitializationType(HANDLE token, int *policy)
{
    (void)token;
    return Answer(policy, AppPolicyThreadInitializationType_None);
}

KBAPI LONG WINAPI AppPolicyGetWindowingModel(HANDLE token, int *policy)
{
    (void)token;
    return Answer(policy, AppPolicyWindowingModel_ClassicDesktop);
}

KBAPI LONG WINAPI AppPolicyGetMediaFoundationCodecLoading(HANDLE token, int *policy)
{
    (void)token;
    return Answer(policy, AppPolicyMediaFoundationCodecLoading_All);
}

KBAPI LONG WINAPI AppPolicyGetClrCompat(HANDLE token, int *policy)
{
    (void)token;
    return Answer(policy, AppPolicyClrCompat_ClassicDesktop);
}

KBAPI LONG WINAPI AppPolicyGetShowDeveloperDiagnostic(HANDLE token, int *policy)
{
    (void)token;
    return Answer(policy, AppPolicyShowDeveloperDiagnostic_ShowUI);
}

KBAPI LONG WINAPI AppPolicyGetCreateFileAccess(HANDLE token, int *policy)
{
    (void)token;
    return Answer(policy, AppPolicyCreateFileAccess_Full);
}

KBAPI LONG WINAPI AppPolicyGetLifecycleManagement(HANDLE token, int *policy)
{
    (void)token;
    return Answer(policy, AppPolicyLifecycleManagement_Unmanaged);
}
