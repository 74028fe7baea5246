/* What the credential manager's two files share (cred.c, the store and the UTF-16 API; cred_ansi.c,
 * the ANSI API over it): wincred.h with the current SDK's limits (mingw-w64's are Windows XP's). */
#pragma once
#include "advapi32.h"
#include <wincred.h>

#define CRED_TYPE_GENERIC_CERTIFICATE_ 5
#define CRED_TYPE_DOMAIN_EXTENDED_ 6
#define CRED_TYPE_MAXIMUM_ 7
#define CRED_MAX_BLOB_ (5 * 512)        /* CRED_MAX_CREDENTIAL_BLOB_SIZE since Windows 7 */
#define CRED_MAX_KEYWORD_ 256           /* CRED_MAX_STRING_LENGTH: comments, aliases, attribute keywords */
#define CRED_PRESERVE_CREDENTIAL_BLOB_ 0x1
#define CRED_ENUMERATE_ALL_CREDENTIALS_ 0x1
