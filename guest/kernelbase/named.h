/* named.c: object attributes for a named object in the session's BaseNamedObjects. */
#pragma once
#include "kernelbase.h"

typedef struct { OBJECT_ATTRIBUTES oa; UNICODE_STRING name; } BASE_NAMED;

HANDLE BaseGetNamedObjectDirectory(void);
OBJECT_ATTRIBUTES *BaseFormatObjectAttributes(BASE_NAMED *n, LPSECURITY_ATTRIBUTES sa, LPCWSTR name,
                                              ULONG attributes);
BOOL BaseWideObjectName(LPCSTR name, WCHAR *out, LPCWSTR *result);
typedef NTSTATUS (NTAPI *OPEN_ROUTINE)(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
HANDLE BaseOpenNamedObject(OPEN_ROUTINE open, DWORD access, BOOL inherit, LPCWSTR name);
