/* CreateWellKnownSid and IsWellKnownSid (api-ms-win-security-base), in kernelbase as on Windows 10:
 * a table from WELL_KNOWN_SID_TYPE to the authority and sub-authorities; the account types (38-50,
 * 74, 75) are a RID under a domain SID the caller gives (ERROR_INVALID_PARAMETER without one). */
#include "registry.h"

typedef struct { BYTE type, authority, count; DWORD rid[2]; } WELL_KNOWN;
#define DOMAIN_RELATIVE 0xFF    /* count: one RID under the caller's domain */

static const WELL_KNOWN well_known[] = {
    {WinNullSid, 0, 1, {0}}, {WinWorldSid, 1, 1, {0}}, {WinLocalSid, 2, 1, {0}},
    {WinCreatorOwnerSid, 3, 1, {0}}, {WinCreatorGroupSid, 3, 1, {1}}, {WinCreatorOwnerServerSid, 3, 1, {2}},
    {WinCreatorGroupServerSid, 3, 1, {3}}, {WinNtAuthoritySid, 5, 0, {0}}, {WinDialupSid, 5, 1, {1}},
    {WinNetworkSid, 5, 1, {2}}, {WinBatchSid, 5, 1, {3}}, {WinInteractiveSid, 5, 1, {4}},
    {WinServiceSid, 5, 1, {6}}, {WinAnonymousSid, 5, 1, {7}}, {WinProxySid, 5, 1, {8}},
    {WinEnterpriseControllersSid, 5, 1, {9}}, {WinSelfSid, 5, 1, {10}}, {WinAuthenticatedUserSid, 5, 1, {11}},
    {WinRestrictedCodeSid, 5, 1, {12}}, {WinTerminalServerSid, 5, 1, {13}}, {WinRemoteLogonIdSid, 5, 1, {14}},
    {WinLogonIdsSid, 5, 1, {5}}, {WinLocalSystemSid, 5, 1, {18}}, {WinLocalServiceSid, 5, 1, {19}},
    {WinNetworkServiceSid, 5, 1, {20}}, {WinBuiltinDomainSid, 5, 1, {32}},
    {WinBuiltinAdministratorsSid, 5, 2, {32, 544}}, {WinBuiltinUsersSid, 5, 2, {32, 545}},
    {WinBuiltinGuestsSid, 5, 2, {32, 546}}, {WinBuiltinPowerUsersSid, 5, 2, {32, 547}},
    {WinBuiltinAccountOperatorsSid, 5, 2, {32, 548}}, {WinBuiltinSystemOperatorsSid, 5, 2, {32, 549}},
    {WinBuiltinPrintOperatorsSid, 5, 2, {32, 550}}, {WinBuiltinBackupOperatorsSid, 5, 2, {32, 551}},
    {WinBuiltinReplicatorSid, 5, 2, {32, 552}}, {WinBuiltinPreWindows2000CompatibleAccessSid, 5, 2, {32, 554}},
    {WinBuiltinRemoteDesktopUsersSid, 5, 2, {32, 555}},
    {WinBuiltinNetworkConfigurationOperatorsSid, 5, 2, {32, 556}},
    {WinAccountAdministratorSid, 5, DOMAIN_RELATIVE, {500}}, {WinAccountGuestSid, 5, DOMAIN_RELATIVE, {501}},
    {WinAccountKrbtgtSid, 5, DOMAIN_RELATIVE, {502}}, {WinAccountDomainAdminsSid, 5, DOMAIN_RELATIVE, {512}},
    {WinAccountDomainUsersSid, 5, DOMAIN_RELATIVE, {513}}, {WinAccountDomainGuestsSid, 5, DOMAIN_RELATIVE, {514}},
    {WinAccountComputersSid, 5, DOMAIN_RELATIVE, {515}}, {WinAccountControllersSid, 5, DOMAIN_RELATIVE, {516}},
    {WinAccountCertAdminsSid, 5, DOMAIN_RELATIVE, {517}}, {WinAccountSchemaAdminsSid, 5, DOMAIN_RELATIVE, {518}},
    {WinAccountEnterpriseAdminsSid, 5, DOMAIN_RELATIVE, {519}},
    {WinAccountPolicyAdminsSid, 5, DOMAIN_RELATIVE, {520}},
    {WinAccountRasAndIasServersSid, 5, DOMAIN_RELATIVE, {553}}, {WinNTLMAuthenticationSid, 5, 2, {64, 10}},
    {WinDigestAuthenticationSid, 5, 2, {64, 21}}, {WinSChannelAuthenticationSid, 5, 2, {64, 14}},
    {WinThisOrganizationSid, 5, 1, {15}}, {WinOtherOrganizationSid, 5, 1, {1000}},
    {WinBuiltinIncomingForestTrustBuildersSid, 5, 2, {32, 557}},
    {WinBuiltinPerfMonitoringUsersSid, 5, 2, {32, 558}}, {WinBuiltinPerfLoggingUsersSid, 5, 2, {32, 559}},
    {WinBuiltinAuthorizationAccessSid, 5, 2, {32, 560}},
    {WinBuiltinTerminalServerLicenseServersSid, 5, 2, {32, 561}}, {WinBuiltinDCOMUsersSid, 5, 2, {32, 562}},
    {WinBuiltinIUsersSid, 5, 2, {32, 568}}, {WinIUserSid, 5, 1, {17}},
    {WinBuiltinCryptoOperatorsSid, 5, 2, {32, 569}}, {WinUntrustedLabelSid, 16, 1, {0}},
    {WinLowLabelSid, 16, 1, {4096}}, {WinMediumLabelSid, 16, 1, {8192}}, {WinHighLabelSid, 16, 1, {12288}},
    {WinSystemLabelSid, 16, 1, {16384}}, {WinWriteRestrictedCodeSid, 5, 1, {33}},
    {WinCreatorOwnerRightsSid, 3, 1, {4}}, {WinEnterpriseReadonlyControllersSid, 5, DOMAIN_RELATIVE, {498}},
    {WinAccountReadonlyControllersSid, 5, DOMAIN_RELATIVE, {521}},
    {WinBuiltinEventLogReadersGroup, 5, 2, {32, 573}}, {WinBuiltinCertSvcDComAccessGroup, 5, 2, {32, 574}},
    {WinMediumPlusLabelSid, 16, 1, {8448}}, {WinLocalLogonSid, 2, 1, {0}}, {WinConsoleLogonSid, 2, 1, {1}},
    {WinThisOrganizationCertificateSid, 5, 2, {65, 1}}, {WinApplicationPackageAuthoritySid, 15, 0, {0}},
    {WinBuiltinAnyPackageSid, 15, 2, {2, 1}}, {WinLocalAccountSid, 5, 1, {113}},
    {WinLocalAccountAndAdministratorSid, 5, 1, {114}},
};

static const WELL_KNOWN *WellKnownOf(WELL_KNOWN_SID_TYPE type)
{
    for (unsigned i = 0; i < sizeof(well_known) / sizeof(well_known[0]); i++)
        if (well_known[i].type == (BYTE)type && (DWORD)type < 256)
            return &well_known[i];
    return NULL;
}

KBAPI BOOL WINAPI CreateWellKnownSid(WELL_KNOWN_SID_TYPE type, PSID domain, PSID sid, DWORD *size)
{
    const WELL_KNOWN *w = WellKnownOf(type);
    if (!w || !size)
        return RegpFailError(ERROR_INVALID_PARAMETER);
    if (w->count == DOMAIN_RELATIVE) {
        /* a domain SID: S-1-5-21-... with room for the RID */
        SID *d = domain;
        if (!d || !IsValidSid(d) || d->SubAuthorityCount >= SID_MAX_SUB_AUTHORITIES)
            return RegpFailError(ERROR_INVALID_PARAMETER);
        DWORD need = GetSidLengthRequired(d->SubAuthorityCount + 1);
        if (*size < need || !sid) {
            *size = need;
            return RegpFailError(ERROR_INSUFFICIENT_BUFFER);
        }
        CopySid(need, sid, d);
        SID *s = sid;
        s->SubAuthority[s->SubAuthorityCount++] = w->rid[0];
        *size = need;
        return TRUE;
    }
    DWORD need = GetSidLengthRequired(w->count);
    if (*size < need || !sid) {
        *size = need;
        return RegpFailError(ERROR_INSUFFICIENT_BUFFER);
    }
    SID_IDENTIFIER_AUTHORITY authority = {{0, 0, 0, 0, 0, w->authority}};
    InitializeSid(sid, &authority, w->count);
    for (BYTE i = 0; i < w->count; i++)
        ((SID *)sid)->SubAuthority[i] = w->rid[i];
    *size = need;
    return TRUE;
}

KBAPI BOOL WINAPI IsWellKnownSid(PSID sid, WELL_KNOWN_SID_TYPE type)
{
    const WELL_KNOWN *w = WellKnownOf(type);
    SID *s = sid;
    union { SID sid; BYTE raw[SECURITY_MAX_SID_SIZE]; } made;
    DWORD size = sizeof(made);
    if (!w || !IsValidSid(sid))
        return FALSE;
    if (w->count == DOMAIN_RELATIVE) {
        /* the RID under any domain SID (S-1-5-21-...) */
        return s->SubAuthorityCount >= 2 && s->IdentifierAuthority.Value[5] == 5 &&
               !memcmp(s->IdentifierAuthority.Value, "\0\0\0\0\0", 5) && s->SubAuthority[0] == 21 &&
               s->SubAuthority[s->SubAuthorityCount - 1] == w->rid[0];
    }
    return CreateWellKnownSid(type, NULL, &made, &size) && EqualSid(sid, &made);
}
