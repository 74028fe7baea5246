/* Family 2, rectangles of CHAR_INFO cells: WriteConsoleOutputA/W and ReadConsoleOutputA/W. The
 * rectangle is cut to what the caller's array holds from its coordinate on and to the screen buffer;
 * the region comes back as the rectangle actually written or read (an empty one: Right < Left). The
 * console device moves the cells a row at a time (console_io.h). */
#include "console_io.h"

/* The part of region both the array (size, from at) and the screen buffer hold; FALSE if empty.
 * *from is the array's cell matching the region's top-left. */
static BOOL Clip(HANDLE h, COORD size, COORD at, PSMALL_RECT region, SMALL_RECT *cut, COORD *from)
{
    CON_INFO info;
    if (!BaseConsoleCall(h, CON_GET_INFO, NULL, 0, &info, sizeof(info), NULL)) return FALSE;
    LONG left = region->Left, top = region->Top;
    LONG right = region->Right, bottom = region->Bottom;
    if (right - left + 1 > size.X - at.X) right = left + size.X - at.X - 1;     /* the array's edge */
    if (bottom - top + 1 > size.Y - at.Y) bottom = top + size.Y - at.Y - 1;
    LONG l = left < 0 ? 0 : left, t = top < 0 ? 0 : top;                        /* the buffer's edges */
    LONG r = right >= info.size.X ? info.size.X - 1 : right, b = bottom >= info.size.Y ? info.size.Y - 1 : bottom;
    from->X = (SHORT)(at.X + (l - left));
    from->Y = (SHORT)(at.Y + (t - top));
    cut->Left = (SHORT)l; cut->Top = (SHORT)t; cut->Right = (SHORT)r; cut->Bottom = (SHORT)b;
    *region = *cut;
    return TRUE;
}

static BOOL Cells(HANDLE h, CHAR_INFO *cells, COORD size, COORD at, PSMALL_RECT region, BOOL write, BOOL ansi)
{
    if (!cells || !region) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    SMALL_RECT cut;
    COORD from;
    if (!Clip(h, size, at, region, &cut, &from)) return FALSE;
    if (cut.Right < cut.Left || cut.Bottom < cut.Top) return TRUE;             /* nothing inside */
    DWORD width = (DWORD)(cut.Right - cut.Left + 1);
    BYTE request[8 + 4 * 1024];
    UINT cp = GetConsoleOutputCP();
    for (SHORT y = cut.Top; y <= cut.Bottom; y++) {
        SMALL_RECT row = {cut.Left, y, cut.Right, y};
        CHAR_INFO *line = cells + (SIZE_T)(from.Y + (y - cut.Top)) * (SIZE_T)size.X + from.X;
        for (DWORD done = 0; done < width; ) {     /* at most 1024 cells a request */
            DWORD n = width - done > 1024 ? 1024 : width - done;
            row.Left = (SHORT)(cut.Left + done);
            row.Right = (SHORT)(row.Left + n - 1);
            memcpy(request, &row, 8);
            CHAR_INFO *part = (CHAR_INFO *)(request + 8);
            if (write) {
                memcpy(part, line + done, n * sizeof(CHAR_INFO));
                if (ansi)
                    for (DWORD i = 0; i < n; i++) {
                        CHAR c = line[done + i].Char.AsciiChar;
                        WCHAR w = 0;
                        MultiByteToWideChar(cp, 0, &c, 1, &w, 1);
                        part[i].Char.UnicodeChar = w;
                    }
                if (!BaseConsoleCall(h, CON_WRITE_RECT, request, 8 + n * 4, NULL, 0, NULL)) return FALSE;
            } else {
                if (!BaseConsoleCall(h, CON_READ_RECT, request, 8, line + done, n * 4, NULL)) return FALSE;
                if (ansi)
                    for (DWORD i = 0; i < n; i++) {
                        WCHAR w = line[done + i].Char.UnicodeChar;
                        CHAR c = 0;
                        WideCharToMultiByte(cp, 0, &w, 1, &c, 1, NULL, NULL);
                        line[done + i].Char.UnicodeChar = 0;
                        line[done + i].Char.AsciiChar = c;
                    }
            }
            done += n;
        }
    }
    return TRUE;
}

KBAPI BOOL WINAPI WriteConsoleOutputW(HANDLE h, const CHAR_INFO *cells, COORD size, COORD at, PSMALL_RECT region)
{
    return Cells(h, (CHAR_INFO *)cells, size, at, region, TRUE, FALSE);
}

KBAPI BOOL WINAPI WriteConsoleOutputA(HANDLE h, const CHAR_INFO *cells, COORD size, COORD at, PSMALL_RECT region)
{
    return Cells(h, (CHAR_INFO *)cells, size, at, region, TRUE, TRUE);
}

KBAPI BOOL WINAPI ReadConsoleOutputW(HANDLE h, PCHAR_INFO cells, COORD size, COORD at, PSMALL_RECT region)
{
    return Cells(h, cells, size, at, region, FALSE, FALSE);
}

KBAPI BOOL WINAPI ReadConsoleOutputA(HANDLE h, PCHAR_INFO cells, COORD size, COORD at, PSMALL_RECT region)
{
    return Cells(h, cells, size, at, region, FALSE, TRUE);
}
