/* Family 24 (activation contexts): the parsed manifest an activation context holds, shared by
 * actctx_manifest.c (the reader) and actctx.c (the contexts, the per-thread stack, the queries). */
#pragma once
#include "kernelbase.h"

#define MANIFEST_VALUE_MAX 128
#define MANIFEST_MAX_FILES 32
#define MANIFEST_MAX_DEPENDENCIES 8
#define MANIFEST_MAX_COMPAT 8
#define MANIFEST_MAX_SETTINGS 16

typedef struct {
    BOOL present;
    WCHAR name[128], version[32], type[32], arch[16], token[32], language[16];
} ASSEMBLY_IDENTITY;

typedef struct { GUID id; DWORD type; ULONGLONG max_version; } COMPAT_ENTRY;
typedef struct { WCHAR ns[96], name[40], value[MANIFEST_VALUE_MAX]; } SETTING;

typedef struct {
    ASSEMBLY_IDENTITY identity;
    WCHAR files[MANIFEST_MAX_FILES][MAX_PATH];
    int file_count;
    ASSEMBLY_IDENTITY dependencies[MANIFEST_MAX_DEPENDENCIES];
    int dependency_count;
    DWORD run_level;                    /* ACTCTX_REQUESTED_RUN_LEVEL: 0 unspecified, 1 asInvoker ... */
    BOOL ui_access;
    COMPAT_ENTRY compat[MANIFEST_MAX_COMPAT];
    int compat_count;
    SETTING settings[MANIFEST_MAX_SETTINGS];
    int setting_count;
    WCHAR settings_ns[96], pending_ns[96];
} MANIFEST;

BOOL ActCtxParseManifest(const WCHAR *text, size_t length, MANIFEST *m);
