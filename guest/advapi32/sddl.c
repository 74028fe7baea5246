/* The security descriptor string format (SDDL, revision 1): "O:owner G:group D:flags(ace)...
 * S:flags(ace)...", each ACE "(type;flags;rights;object guid;inherit guid;sid)", SIDs as an
 * abbreviation (BA, SY, WD, ...) or S-1-..., rights as letter pairs (GA, FA, KR, ...) or a number.
 * Parsing builds a self-relative descriptor in LocalAlloc'd memory; formatting writes the parts
 * that SECURITY_INFORMATION asks for, abbreviations and named rights where they exist. The object
 * ACEs (OA, OD, OU, OL: GUIDs) are not supported: ERROR_INVALID_ACL. */
#include "advapi32.h"
#include <sddl.h>

typedef struct { WCHAR name[3]; DWORD value; } SddlWord;

static const SddlWord ace_types[] = {
    {L"A", ACCESS_ALLOWED_ACE_TYPE}, {L"D", ACCESS_DENIED_ACE_TYPE}, {L"AU", SYSTEM_AUDIT_ACE_TYPE},
    {L"AL", SYSTEM_ALARM_ACE_TYPE}, {L"ML", SYSTEM_MANDATORY_LABEL_ACE_TYPE}, {L"", 0},
};
static const SddlWord ace_flags[] = {
    {L"OI", OBJECT_INHERIT_ACE}, {L"CI", CONTAINER_INHERIT_ACE}, {L"NP", NO_PROPAGATE_INHERIT_ACE},
    {L"IO", INHERIT_ONLY_ACE}, {L"ID", INHERITED_ACE}, {L"SA", SUCCESSFUL_ACCESS_ACE_FLAG},
    {L"FA", FAILED_ACCESS_ACE_FLAG}, {L"", 0},
};
/* Whole masks a right string names (tried first when formatting), then single bits. */
static const SddlWord rights_whole[] = {
    {L"FA", FILE_ALL_ACCESS}, {L"FR", FILE_GENERIC_READ}, {L"FW", FILE_GENERIC_WRITE},
    {L"FX", FILE_GENERIC_EXECUTE}, {L"KA", KEY_ALL_ACCESS}, {L"KR", KEY_READ}, {L"KW", KEY_WRITE},
    {L"KX", KEY_EXECUTE}, {L"", 0},
};
static const SddlWord rights_bits[] = {
    {L"GA", GENERIC_ALL}, {L"GR", GENERIC_READ}, {L"GW", GENERIC_WRITE}, {L"GX", GENERIC_EXECUTE},
    {L"RC", READ_CONTROL}, {L"SD", DELETE}, {L"WD", WRITE_DAC}, {L"WO", WRITE_OWNER},
    {L"RP", 0x10}, {L"WP", 0x20}, {L"CC", 0x1}, {L"DC", 0x2}, {L"LC", 0x4}, {L"SW", 0x8},
    {L"LO", 0x80}, {L"DT", 0x40}, {L"CR", 0x100}, {L"", 0},
};
/* A mandatory label's policy bits (the same values as CC, DC, LC: chosen by the ACE type). */
static const SddlWord rights_label[] = {
    {L"NR", SYSTEM_MANDATORY_LABEL_NO_READ_UP}, {L"NW", SYSTEM_MANDATORY_LABEL_NO_WRITE_UP},
    {L"NX", SYSTEM_MANDATORY_LABEL_NO_EXECUTE_UP}, {L"", 0},
};

/* The longest word of a table at p (two letters before one); its length, 0 for none. */
static int SddlMatch(const SddlWord *table, const WCHAR *p, DWORD *value)
{
    int best = 0;
    for (int i = 0; table[i].name[0]; i++) {
        int n = table[i].name[1] ? 2 : 1;
        if (n > best && p[0] == table[i].name[0] && (n == 1 || p[1] == table[i].name[1])) {
            best = n;
            *value = table[i].value;
        }
    }
    return best;
}

/* A SID token ending at one of the stop characters into sid; the characters used, 0 if bad. */
static int SddlSid(const WCHAR *p, const WCHAR *stops, SID *sid)
{
    WCHAR token[200];
    int n = 0;
    while (p[n] && !wcschr(stops, p[n]) && n < 199) {
        token[n] = p[n];
        n++;
    }
    token[n] = 0;
    return n && AdvParseSid(token, sid) ? n : 0;
}

/* "0x..", "0.." or decimal, or a run of right words, up to the next ';'. */
static BOOL SddlRights(const WCHAR **pp, DWORD *mask)
{
    const WCHAR *p = *pp;
    *mask = 0;
    if (*p >= L'0' && *p <= L'9') {
        int base = 10;
        if (p[0] == L'0' && (p[1] == L'x' || p[1] == L'X'))
            base = 16, p += 2;
        else if (p[0] == L'0')
            base = 8;
        for (; *p != L';'; p++) {
            int d = *p >= L'0' && *p <= L'9' ? *p - L'0' : (*p | 0x20) >= L'a' && (*p | 0x20) <= L'f' ?
                    (*p | 0x20) - L'a' + 10 : 99;
            if (d >= base)
                return FALSE;
            *mask = *mask * (DWORD)base + (DWORD)d;
        }
    } else {
        while (*p != L';') {
            DWORD v;
            if (!p[0] || !p[1])
                return FALSE;
            if (SddlMatch(rights_whole, p, &v) == 2 || SddlMatch(rights_bits, p, &v) == 2 ||
                SddlMatch(rights_label, p, &v) == 2)
                *mask |= v;
            else
                return FALSE;
            p += 2;
        }
    }
    *pp = p;
    return TRUE;
}

/* "flags(ace)(ace)..." of D: or S: into acl (at least 64K); the control bits the flags set. */
static BOOL SddlAcl(const WCHAR **pp, PACL acl, WORD *control, BOOL is_dacl, BOOL *null_acl)
{
    const WCHAR *p = *pp;
    *control = 0;
    *null_acl = FALSE;
    InitializeAcl(acl, 0xFFFC, ACL_REVISION);
    if (!wcsncmp(p, L"NO_ACCESS_CONTROL", 17)) {
        *null_acl = TRUE;
        p += 17;
    }
    for (;;) {
        if (p[0] == L'P') {
            *control |= is_dacl ? SE_DACL_PROTECTED : SE_SACL_PROTECTED;
            p++;
        } else if (p[0] == L'A' && p[1] == L'I') {
            *control |= is_dacl ? SE_DACL_AUTO_INHERITED : SE_SACL_AUTO_INHERITED;
            p += 2;
        } else if (p[0] == L'A' && p[1] == L'R') {
            *control |= is_dacl ? SE_DACL_AUTO_INHERIT_REQ : SE_SACL_AUTO_INHERIT_REQ;
            p += 2;
        } else {
            break;
        }
    }
    while (*p == L'(') {
        DWORD type, flags = 0, mask, v;
        union { SID sid; BYTE raw[8 + 4 * SID_MAX_SUB_AUTHORITIES]; } sid;
        p++;
        int n = SddlMatch(ace_types, p, &type);
        if (!n || p[n] != L';' || *null_acl)
            return FALSE;
        p += n + 1;
        while (*p != L';') {
            if (SddlMatch(ace_flags, p, &v) != 2)
                return FALSE;
            flags |= v;
            p += 2;
        }
        p++;
        if (!SddlRights(&p, &mask))
            return FALSE;
        if (p[1] != L';' || p[2] != L';')   /* object and inherited-object GUIDs: none */
            return FALSE;
        p += 3;
        n = SddlSid(p, L")", &sid.sid);
        if (!n || p[n] != L')')
            return FALSE;
        p += n + 1;
        DWORD size = 8 + GetLengthSid(&sid.sid);
        ACL_SIZE_INFORMATION info;
        GetAclInformation(acl, &info, sizeof(info), AclSizeInformation);
        ACCESS_ALLOWED_ACE *ace = (ACCESS_ALLOWED_ACE *)((BYTE *)acl + info.AclBytesInUse);
        if (info.AclBytesFree < size)
            return FALSE;
        ace->Header.AceType = (BYTE)type;
        ace->Header.AceFlags = (BYTE)flags;
        ace->Header.AceSize = (WORD)size;
        ace->Mask = mask;
        CopySid(GetLengthSid(&sid.sid), &ace->SidStart, &sid.sid);
        acl->AceCount++;
    }
    ACL_SIZE_INFORMATION info;
    GetAclInformation(acl, &info, sizeof(info), AclSizeInformation);
    acl->AclSize = (WORD)info.AclBytesInUse;
    *pp = p;
    return TRUE;
}

ADVAPI BOOL WINAPI ConvertStringSecurityDescriptorToSecurityDescriptorW(LPCWSTR text, DWORD revision,
                                                                         PSECURITY_DESCRIPTOR *out, PULONG size)
{
    if (!text || !out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (revision != SDDL_REVISION_1)
        return AdvFailError(ERROR_UNKNOWN_REVISION);
    union { SID sid; BYTE raw[8 + 4 * SID_MAX_SUB_AUTHORITIES]; } owner, group;
    PACL dacl = AdvAlloc(0x10000), sacl = AdvAlloc(0x10000);
    SECURITY_DESCRIPTOR sd;
    DWORD error = 0;
    InitializeSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION);
    if (!dacl || !sacl)
        error = ERROR_NOT_ENOUGH_MEMORY;
    const WCHAR *p = text;
    while (!error && *p) {
        while (*p == L' ')
            p++;
        if (!*p)
            break;
        WCHAR part = *p;
        if (p[1] != L':') {
            error = ERROR_INVALID_PARAMETER;
            break;
        }
        p += 2;
        if (part == L'O' || part == L'G') {
            SID *sid = part == L'O' ? &owner.sid : &group.sid;
            /* the SID runs up to where the next part ("G:", "D:", ...) starts */
            int n = 0;
            while (p[n] && !(p[n + 1] == L':' && wcschr(L"OGDS", p[n])) && n < 199)
                n++;
            WCHAR token[200];
            memcpy(token, p, n * sizeof(WCHAR));
            token[n] = 0;
            if (!n || !AdvParseSid(token, sid))
                n = 0;
            if (!n) {
                error = ERROR_INVALID_SID;
                break;
            }
            p += n;
            if (part == L'O')
                sd.Owner = sid;
            else
                sd.Group = sid;
        } else if (part == L'D' || part == L'S') {
            WORD control;
            BOOL null_acl;
            PACL acl = part == L'D' ? dacl : sacl;
            if (!SddlAcl(&p, acl, &control, part == L'D', &null_acl)) {
                error = ERROR_INVALID_ACL;
                break;
            }
            if (part == L'D')
                SetSecurityDescriptorDacl(&sd, TRUE, null_acl ? NULL : acl, FALSE);
            else
                SetSecurityDescriptorSacl(&sd, TRUE, null_acl ? NULL : acl, FALSE);
            sd.Control |= control;
        } else {
            error = ERROR_INVALID_PARAMETER;
        }
    }
    DWORD length = 0;
    if (!error) {
        length = GetSecurityDescriptorLength(&sd);
        *out = LocalAlloc(LMEM_FIXED, length);
        if (!*out || !MakeSelfRelativeSD(&sd, *out, &length))
            error = ERROR_NOT_ENOUGH_MEMORY;
    }
    AdvFree(dacl);
    AdvFree(sacl);
    if (error)
        return AdvFailError(error);
    if (size)
        *size = length;
    return TRUE;
}

ADVAPI BOOL WINAPI ConvertStringSecurityDescriptorToSecurityDescriptorA(LPCSTR text, DWORD revision,
                                                                         PSECURITY_DESCRIPTOR *out, PULONG size)
{
    if (!text)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    WCHAR *wide = AdvAnsiToWide(text);
    BOOL ok = ConvertStringSecurityDescriptorToSecurityDescriptorW(wide, revision, out, size);
    AdvFree(wide);
    return ok;
}

/* -- formatting: a growing heap buffer */
typedef struct { WCHAR *text; SIZE_T used, room; BOOL failed; } SddlOut;

static void Put(SddlOut *o, const WCHAR *s)
{
    SIZE_T n = wcslen(s);
    if (o->used + n + 1 > o->room) {
        SIZE_T room = (o->used + n + 1) * 2 + 64;
        WCHAR *bigger = AdvAlloc(room * sizeof(WCHAR));
        if (!bigger) {
            o->failed = TRUE;
            return;
        }
        if (o->text)
            memcpy(bigger, o->text, o->used * sizeof(WCHAR));
        AdvFree(o->text);
        o->text = bigger;
        o->room = room;
    }
    memcpy(o->text + o->used, s, n * sizeof(WCHAR));
    o->used += n;
    o->text[o->used] = 0;
}

static void PutSid(SddlOut *o, PSID sid)
{
    WCHAR text[192];
    AdvFormatSid(sid, text);
    for (int i = 0; AdvSddlNames[i].sid; i++)
        if (!wcscmp(AdvSddlNames[i].sid, text)) {
            Put(o, AdvSddlNames[i].abbreviation);
            return;
        }
    Put(o, text);
}

static void PutRights(SddlOut *o, DWORD mask, const SddlWord *rights_bits)
{
    for (int i = 0; rights_whole[i].name[0]; i++)
        if (rights_whole[i].value == mask) {
            Put(o, rights_whole[i].name);
            return;
        }
    DWORD covered = 0;
    for (int i = 0; rights_bits[i].name[0]; i++)
        covered |= mask & rights_bits[i].value;
    if (covered == mask && mask) {
        for (int i = 0; rights_bits[i].name[0]; i++)
            if (mask & rights_bits[i].value)
                Put(o, rights_bits[i].name);
        return;
    }
    WCHAR hex[12] = L"0x";
    int n = 2;
    for (int shift = 28; shift >= 0; shift -= 4)
        if ((mask >> shift) || shift == 0 || n > 2)
            if ((mask >> shift) & 15 || n > 2 || shift == 0)
                hex[n++] = L"0123456789abcdef"[(mask >> shift) & 15];
    hex[n] = 0;
    Put(o, hex);
}

static BOOL PutAcl(SddlOut *o, PACL acl, WORD control, BOOL is_dacl)
{
    if (control & (is_dacl ? SE_DACL_PROTECTED : SE_SACL_PROTECTED))
        Put(o, L"P");
    if (control & (is_dacl ? SE_DACL_AUTO_INHERIT_REQ : SE_SACL_AUTO_INHERIT_REQ))
        Put(o, L"AR");
    if (control & (is_dacl ? SE_DACL_AUTO_INHERITED : SE_SACL_AUTO_INHERITED))
        Put(o, L"AI");
    if (!acl) {
        Put(o, L"NO_ACCESS_CONTROL");
        return TRUE;
    }
    for (DWORD i = 0; i < acl->AceCount; i++) {
        ACCESS_ALLOWED_ACE *ace;
        if (!GetAce(acl, i, (void **)&ace))
            return FALSE;
        int t = 0;
        while (ace_types[t].name[0] && ace_types[t].value != ace->Header.AceType)
            t++;
        if (!ace_types[t].name[0])
            return FALSE;
        Put(o, L"(");
        Put(o, ace_types[t].name);
        Put(o, L";");
        for (int f = 0; ace_flags[f].name[0]; f++)
            if (ace->Header.AceFlags & ace_flags[f].value)
                Put(o, ace_flags[f].name);
        Put(o, L";");
        PutRights(o, ace->Mask, ace->Header.AceType == SYSTEM_MANDATORY_LABEL_ACE_TYPE ? rights_label : rights_bits);
        Put(o, L";;;");
        PutSid(o, &ace->SidStart);
        Put(o, L")");
    }
    return TRUE;
}

ADVAPI BOOL WINAPI ConvertSecurityDescriptorToStringSecurityDescriptorW(PSECURITY_DESCRIPTOR sd, DWORD revision,
                                                                         SECURITY_INFORMATION info, LPWSTR *out,
                                                                         PULONG length)
{
    if (!sd || !out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (revision != SDDL_REVISION_1)
        return AdvFailError(ERROR_UNKNOWN_REVISION);
    SddlOut o = {0};
    PSID sid;
    BOOL defaulted, present, ok = TRUE;
    PACL acl;
    SECURITY_DESCRIPTOR_CONTROL control;
    DWORD sd_revision;
    if (!GetSecurityDescriptorControl(sd, &control, &sd_revision))
        return FALSE;
    Put(&o, L"");
    if (info & OWNER_SECURITY_INFORMATION && GetSecurityDescriptorOwner(sd, &sid, &defaulted) && sid) {
        Put(&o, L"O:");
        PutSid(&o, sid);
    }
    if (info & GROUP_SECURITY_INFORMATION && GetSecurityDescriptorGroup(sd, &sid, &defaulted) && sid) {
        Put(&o, L"G:");
        PutSid(&o, sid);
    }
    if (info & DACL_SECURITY_INFORMATION && GetSecurityDescriptorDacl(sd, &present, &acl, &defaulted) && present) {
        Put(&o, L"D:");
        ok = PutAcl(&o, acl, control, TRUE);
    }
    if (ok && info & (SACL_SECURITY_INFORMATION | LABEL_SECURITY_INFORMATION) &&
        GetSecurityDescriptorSacl(sd, &present, &acl, &defaulted) && present) {
        Put(&o, L"S:");
        ok = PutAcl(&o, acl, control, FALSE);
    }
    if (!ok || o.failed) {
        AdvFree(o.text);
        return AdvFailError(ok ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_ACL);
    }
    *out = LocalAlloc(LMEM_FIXED, (o.used + 1) * sizeof(WCHAR));
    if (*out)
        memcpy(*out, o.text, (o.used + 1) * sizeof(WCHAR));
    AdvFree(o.text);
    if (!*out)
        return AdvFailError(ERROR_NOT_ENOUGH_MEMORY);
    if (length)
        *length = (ULONG)(o.used + 1);
    return TRUE;
}

ADVAPI BOOL WINAPI ConvertSecurityDescriptorToStringSecurityDescriptorA(PSECURITY_DESCRIPTOR sd, DWORD revision,
                                                                         SECURITY_INFORMATION info, LPSTR *out,
                                                                         PULONG length)
{
    WCHAR *wide;
    ULONG n;
    if (!out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (!ConvertSecurityDescriptorToStringSecurityDescriptorW(sd, revision, info, &wide, &n))
        return FALSE;
    *out = LocalAlloc(LMEM_FIXED, n);
    for (ULONG i = 0; *out && i < n; i++)
        (*out)[i] = (char)wide[i];
    LocalFree(wide);
    if (!*out)
        return AdvFailError(ERROR_NOT_ENOUGH_MEMORY);
    if (length)
        *length = n;
    return TRUE;
}
