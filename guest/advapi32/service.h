/* What the service control manager's files share: the SCM handle (the only kind that can be
 * opened: no service is installed) and the rights a standard user's OpenSCManager gets. */
#pragma once
#include "advapi32.h"
#include <winsvc.h>

#define SCM_MAGIC 0x4D435348u           /* 'HSCM' */
#define SCM_USER_RIGHTS (SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE | SC_MANAGER_QUERY_LOCK_STATUS | \
                         READ_CONTROL | GENERIC_READ)
typedef struct { DWORD magic, access; } SCM_HANDLE;

/* The SCM handle behind a handle, or NULL. */
SCM_HANDLE *ScmOf(SC_HANDLE handle);
