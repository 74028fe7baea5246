/* What the FormatMessage sources share: the system message table (message_system.c, generated)
 * and the message tables of modules (message_module.c). */
#pragma once
#include "kernelbase.h"

/* The text of a Win32 error code in the system table (ASCII, *length characters with its final
 * "\r\n"), or NULL when there is none. */
const char *BaseSystemMessage(DWORD id, DWORD *length);

/* The text of message `id` in the RT_MESSAGETABLE resource of `module` (NULL: the process's
 * image) in language `lang`, as a heap string; NULL with the last error set. */
WCHAR *BaseModuleMessage(HMODULE module, DWORD id, DWORD lang);

#ifndef ERROR_NO_WORK_DONE
#define ERROR_NO_WORK_DONE 235L                 /* winerror.h's; mingw-w64's lacks it */
#endif
