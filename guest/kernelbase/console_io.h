/* The console's I/O controls on a \Device\ConDrv handle (kernel/io/console_api.py declares the same
 * numbers and layouts): the screen- and input-buffer requests the console calls make in place of the
 * console API messages Windows' condrv passes to conhost. */
#pragma once
#include "kernelbase.h"

#define CONSOLE_IOCTL(n) (0x500000 | ((0x800 + (n)) << 2))   /* FILE_DEVICE_CONSOLE, METHOD_BUFFERED */
enum {
    CON_GET_INFO, CON_SET_CURSOR, CON_SET_ATTRIBUTE, CON_SET_CURSOR_INFO, CON_FILL, CON_WRITE_CELLS,
    CON_READ_CELLS, CON_SCROLL, CON_GET_TITLE, CON_SET_TITLE, CON_WRITE_INPUT, CON_READ_INPUT,
    CON_COUNT_INPUT, CON_FLUSH_INPUT
};
#define CON_KIND_CHARACTER 0
#define CON_KIND_ATTRIBUTE 1
#define CON_READ_PEEK 1
#define CON_READ_NOWAIT 2

#pragma pack(push, 2)
typedef struct {
    COORD size, cursor;
    WORD attribute;
    SMALL_RECT window;
    COORD maximum;
    DWORD cursor_size, cursor_visible;
    COLORREF colors[16];
} CON_INFO;
typedef struct { DWORD kind; WORD value; DWORD length; COORD at; } CON_FILL_REQUEST;
typedef struct { DWORD kind; COORD at; DWORD length; } CON_READ_REQUEST;
typedef struct { SMALL_RECT scroll; DWORD has_clip; SMALL_RECT clip; COORD dest; WCHAR fill_char; WORD fill_attribute; } CON_SCROLL_REQUEST;
#pragma pack(pop)

/* console_io.c: one request; FALSE with the last error set (ERROR_INVALID_HANDLE off a console). */
BOOL BaseConsoleCall(HANDLE h, int request, const void *in, ULONG in_size, void *out, ULONG out_size, ULONG *returned);
