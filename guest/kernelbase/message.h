/* What the FormatMessage sources share: the output buffer (message_output.c), one insert
 * (message_insert.c), the system message table (message_system.c, generated) and the message
 * tables of modules (message_module.c). */
#pragma once
#include "kernelbase.h"

/* The output: Width is a FORMAT_MESSAGE_MAX_WIDTH_MASK n (0: no wrapping), LineStart where the
 * current line begins; Failed after an allocation failed. */
typedef struct { WCHAR *Buffer; DWORD Length, Capacity, Width, LineStart; BOOL Failed; } MSGBUF;

void BaseMsgPutRaw(MSGBUF *o, WCHAR c);         /* a character, never wrapped */
void BaseMsgPut(MSGBUF *o, WCHAR c);            /* a character of a line that wraps at the width */
void BaseMsgLineBreak(MSGBUF *o, BOOL cr_only); /* %n ("\r\n") or %r ("\r"): a new line */

/* One insert's value by its printf conversion spec (no '*' left); ansi: FormatMessageA's. */
void BaseMsgInsert(MSGBUF *o, const WCHAR *spec, ULONG_PTR value, BOOL ansi);

/* The text of a Win32 error code in the system table (ASCII, *length characters with its final
 * "\r\n"), or NULL when there is none. */
const char *BaseSystemMessage(DWORD id, DWORD *length);

/* The text of message `id` in the RT_MESSAGETABLE resource of `module` (NULL: the process's
 * image) in language `lang`, as a heap string; NULL with the last error set. */
WCHAR *BaseModuleMessage(HMODULE module, DWORD id, DWORD lang);

#ifndef ERROR_NO_WORK_DONE
#define ERROR_NO_WORK_DONE 235L                 /* winerror.h's; mingw-w64's lacks it */
#endif
