/* The console's I/O controls on a \Device\ConDrv handle (kernel/io/console_api.py declares the same
 * numbers and layouts): the screen- and input-buffer requests the console calls make in place of the
 * console API messages Windows' condrv passes to conhost. */
#pragma once
#include "kernelbase.h"

#define CONSOLE_IOCTL(n) (0x500000 | ((0x800 + (n)) << 2))   /* FILE_DEVICE_CONSOLE, METHOD_BUFFERED */
enum {
    CON_GET_INFO, CON_SET_CURSOR, CON_SET_ATTRIBUTE, CON_SET_CURSOR_INFO, CON_FILL, CON_WRITE_CELLS,
    CON_READ_CELLS, CON_SCROLL, CON_GET_TITLE, CON_SET_TITLE, CON_WRITE_INPUT, CON_READ_INPUT,
    CON_COUNT_INPUT, CON_FLUSH_INPUT,
    CON_SET_SIZE, CON_SET_WINDOW, CON_SET_INFO_EX, CON_WRITE_RECT, CON_READ_RECT, CON_GET_FONT, CON_SET_FONT,
    CON_GET_MODE, CON_SET_MODE, CON_ACTIVATE, CON_READ_TEXT,
    CON_ALLOC, CON_ATTACH, CON_FREE, CON_PROCESS_LIST, CON_ALIAS,    /* the console itself: BaseConsoleConnect */
    CON_CREATE_PSEUDO, CON_RESIZE_PSEUDO, CON_CLOSE_PSEUDO           /* on a \Device\ConDrv\Pseudo handle */
};
/* CON_ALIAS's operations (kernel/io/console_session.py) */
enum {
    ALIAS_ADD, ALIAS_GET, ALIAS_ALL, ALIAS_EXES, HISTORY_GET, HISTORY_EXPUNGE, HISTORY_SET_COMMANDS,
    HISTORY_GET_INFO, HISTORY_SET_INFO
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
    WORD popup_attribute;
} CON_INFO;
typedef struct { SHORT size_x, size_y, cursor_x, cursor_y; WORD attribute; SMALL_RECT window; WORD popup;
                 COLORREF colors[16]; } CON_INFO_EX_REQUEST;
typedef struct { DWORD index; COORD size; INT family, weight; WCHAR face[32]; } CON_FONT;
typedef struct { DWORD kind; WORD value; DWORD length; COORD at; } CON_FILL_REQUEST;
typedef struct { DWORD kind; COORD at; DWORD length; } CON_READ_REQUEST;
typedef struct { SMALL_RECT scroll; DWORD has_clip; SMALL_RECT clip; COORD dest; WCHAR fill_char; WORD fill_attribute; } CON_SCROLL_REQUEST;
#pragma pack(pop)

/* console_io.c: one request; FALSE with the last error set (ERROR_INVALID_HANDLE off a console). */
BOOL BaseConsoleCall(HANDLE h, int request, const void *in, ULONG in_size, void *out, ULONG out_size, ULONG *returned);
/* console_io.c: a request to the console itself (its processes, aliases, histories), on a connection. */
BOOL BaseConsoleConnect(int request, const void *in, ULONG in_size, void *out, ULONG out_size, ULONG *returned);
/* console_session.c: the exe name whose history a cooked read adds to (SetConsoleInputExeName). */
const WCHAR *BaseConsoleInputExeName(void);
