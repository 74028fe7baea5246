/* An .ini file as profile.c and profile_write.c see it: its lines (without their line ends) in
 * UTF-16, and the encoding to write them back in. profile_file.c loads and saves it. */
#pragma once
#include "kernelbase.h"

enum { PROFILE_ANSI, PROFILE_UTF8, PROFILE_UTF16LE, PROFILE_UTF16BE };

typedef struct {
    WCHAR **Lines;              /* each a heap string, trimmed of nothing */
    DWORD Count, Capacity;
    int Encoding;
    BOOL Exists;                /* the file was there when loaded */
} PROFILE;

/* profile_file.c */
BOOL ProfileLoad(LPCWSTR file, PROFILE *p);             /* FALSE (error set) only if it cannot be read */
BOOL ProfileSave(LPCWSTR file, PROFILE *p);
void ProfileFree(PROFILE *p);
BOOL ProfileInsert(PROFILE *p, DWORD at, LPCWSTR text, DWORD length);
void ProfileRemove(PROFILE *p, DWORD at, DWORD n);
WCHAR *ProfilePath(LPCWSTR file);                        /* win.ini for NULL, the Windows folder for a bare name */

/* A line's parts: [name] for a section, key=value (both trimmed) for an entry. */
typedef struct { const WCHAR *Start; DWORD Length; } PROFILE_SPAN;
BOOL ProfileSectionName(LPCWSTR line, PROFILE_SPAN *name);
BOOL ProfileEntry(LPCWSTR line, PROFILE_SPAN *key, PROFILE_SPAN *value);
PROFILE_SPAN ProfileTrim(LPCWSTR line);
BOOL ProfileSpanIs(PROFILE_SPAN s, LPCWSTR name);        /* case-insensitive */
/* The lines [first, end) of a section's body, after its header; FALSE if there is no such section. */
BOOL ProfileFindSection(PROFILE *p, LPCWSTR section, DWORD *header, DWORD *end);
