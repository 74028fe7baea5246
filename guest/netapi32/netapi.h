/* What netapi32's families share: the headers, the local-server test and the builder that packs a
 * result (fixed entries first, strings and SIDs after them) into one NetApiBuffer block. */
#pragma once
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <lm.h>
#include <sddl.h>
#define _DSGETDCAPI_
#include <dsgetdc.h>

#define NETAPI_EXPORT __declspec(dllexport)

/* NULL, "", the computer's name or "\\name": this machine. */
BOOL NetpIsLocalServer(LPCWSTR server);

/* A result block: Fixed bytes of entries, then the variable data packed after them. */
typedef struct { BYTE *Base; DWORD Fixed, Used, Size; BOOL Measure; } NETP_BUFFER;
void NetpBegin(NETP_BUFFER *b, BYTE *base, DWORD fixed, DWORD size);
/* A copy of text after the fixed part (or only its size while measuring); NULL stays NULL. */
LPWSTR NetpString(NETP_BUFFER *b, LPCWSTR text);
PSID NetpSid(NETP_BUFFER *b, LPCWSTR sid_text);

/* The machine's accounts and groups. */
typedef struct {
    LPCWSTR Name, FullName, Comment, Sid;
    DWORD Rid, Priv, Flags;
    LPCWSTR LocalGroup;         /* the local group it is a member of */
} NETP_USER;
extern const NETP_USER NetpUsers[];
extern const DWORD NetpUserCount;
const NETP_USER *NetpFindUser(LPCWSTR name);

typedef struct { LPCWSTR Name, Comment; LPCWSTR Members[3]; } NETP_GROUP;   /* members: DOMAIN\name */
extern const NETP_GROUP NetpGroups[];
extern const DWORD NetpGroupCount;
