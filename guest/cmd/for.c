/* for %v in (set) do command, and for /l %v in (start,step,end) do command: the set's items
 * (blanks, commas and semicolons separate them, quotes group) with wildcards matched against the
 * file names of their folder; each value replaces %v in the command, which then runs. In a batch
 * file the variable is written %%v, which the line's expansion has already made %v. With echo on,
 * each round's command is shown after the prompt (unless it starts with @). */
#include "cmd.h"

typedef struct {
    DWORD dwFileAttributes;
    DWORD ftCreationTime[2], ftLastAccessTime[2], ftLastWriteTime[2];
    DWORD nFileSizeHigh, nFileSizeLow, dwReserved0, dwReserved1;
    WCHAR cFileName[260];
    WCHAR cAlternateFileName[14];
} WIN32_FIND_DATAW;
IMPORT HANDLE WINAPI FindFirstFileW(const WCHAR *, WIN32_FIND_DATAW *);
IMPORT BOOL WINAPI FindNextFileW(HANDLE, WIN32_FIND_DATAW *);
IMPORT BOOL WINAPI FindClose(HANDLE);

int run_text(const WCHAR *line);

static const WCHAR *blanks(const WCHAR *p) { while (is_space(*p)) p++; return p; }

/* The command with every %v replaced by the value, then run. */
static int run_body(const WCHAR *body, WCHAR var, const WCHAR *value)
{
    WCHAR *line = cmd_alloc(LINE_MAX_ * sizeof(WCHAR));
    size_t k = 0, vl = wlen(value);
    for (const WCHAR *p = body; *p && k + vl < LINE_MAX_ - 1; p++) {
        if (p[0] == '%' && p[1] == var) {
            for (size_t i = 0; i < vl; i++) line[k++] = value[i];
            p++;
            continue;
        }
        line[k++] = *p;
    }
    line[k] = 0;
    const WCHAR *t = blanks(line);
    if (echo_on && *t != '@') {                         /* with echo on each round is shown */
        size_t n = wlen(t);
        while (n && is_space(t[n - 1])) n--;
        WCHAR *shown = wdup(t, n);
        show_command(shown);
        cmd_free(shown);
    }
    int s = run_text(line);
    cmd_free(line);
    return s;
}

static int stop(void) { return exit_requested || leave_batch || batch_goto != NULL; }

/* One item of the set: as it is, or the files its wildcards match (folders left out). */
static void each_item(const WCHAR *item, WCHAR var, const WCHAR *body)
{
    int wild = 0;
    for (const WCHAR *p = item; *p; p++)
        if (*p == '*' || *p == '?') wild = 1;
    if (!wild) {
        run_body(body, var, item);
        return;
    }
    WIN32_FIND_DATAW fd;
    HANDLE h = FindFirstFileW(item, &fd);
    if (h == INVALID_HANDLE_VALUE)
        return;
    size_t dir = wlen(item);
    while (dir && item[dir - 1] != '\\' && item[dir - 1] != '/' && item[dir - 1] != ':') dir--;
    WCHAR path[1300];
    do {
        if (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
            continue;
        for (size_t i = 0; i < dir; i++) path[i] = item[i];
        wcopy(path + dir, fd.cFileName);
        run_body(body, var, path);
    } while (!stop() && FindNextFileW(h, &fd));
    FindClose(h);
}

int cmd_for(const WCHAR *args)
{
    const WCHAR *p = blanks(args);
    int numeric = 0;
    if (p[0] == '/' && (p[1] == 'l' || p[1] == 'L') && is_space(p[2])) {
        numeric = 1;
        p = blanks(p + 2);
    }
    if (p[0] != '%' || !p[1] || is_space(p[1]))
        goto syntax;
    WCHAR var = p[1];
    p = blanks(p + 2);
    if (wupper(p[0]) != 'I' || wupper(p[1]) != 'N' || !is_space(p[2]))
        goto syntax;
    p = blanks(p + 2);
    if (*p != '(')
        goto syntax;
    const WCHAR *set = ++p;
    int quoted = 0;
    while (*p && (quoted || *p != ')')) {
        if (*p == '"') quoted = !quoted;
        p++;
    }
    if (*p != ')')
        goto syntax;
    size_t set_len = (size_t)(p - set);
    p = blanks(p + 1);
    if (wupper(p[0]) != 'D' || wupper(p[1]) != 'O' || !(is_space(p[2]) || p[2] == '(')) {
        WCHAR word[256];                                /* what stands where DO should */
        first_word(p, word, 256);
        err(word);
        err_ascii(" was unexpected at this time.\r\n");
        exit_requested = 1;
        return errorlevel = 255;
    }
    const WCHAR *body = blanks(p + 2);
    WCHAR *items = wdup(set, set_len);
    if (numeric) {                                      /* (start,step,end) */
        int v[3] = { 0, 0, 0 }, n = 0;
        WCHAR *q = items;
        while (n < 3 && *q) {
            while (*q == ' ' || *q == ',' || *q == '\t') q++;
            WCHAR num[16];
            size_t k = 0;
            while (*q && *q != ',' && !is_space(*q) && k < 15) num[k++] = *q++;
            num[k] = 0;
            if (k) parse_number(num, &v[n++]);
        }
        for (int i = v[0]; v[1] > 0 ? i <= v[2] : v[1] < 0 ? i >= v[2] : 0; i += v[1]) {
            WCHAR num[16], *d = num + 15;
            unsigned u = i < 0 ? 0u - (unsigned)i : (unsigned)i;
            *d = 0;
            do *--d = (WCHAR)('0' + u % 10); while (u /= 10);
            if (i < 0) *--d = '-';
            run_body(body, var, d);
            if (stop() || (v[1] > 0 && i > v[2] - v[1]) || (v[1] < 0 && i < v[2] - v[1]))
                break;                                  /* no wrap past the end */
        }
    } else {
        WCHAR *q = items;
        while (*q && !stop()) {
            while (*q == ' ' || *q == '\t' || *q == ',' || *q == ';') q++;
            if (!*q) break;
            WCHAR *start = q;
            int inq = 0;
            while (*q && (inq || !(*q == ' ' || *q == '\t' || *q == ',' || *q == ';'))) {
                if (*q == '"') inq = !inq;
                q++;
            }
            WCHAR saved = *q;
            *q = 0;
            each_item(start, var, body);
            *q = saved;
        }
    }
    cmd_free(items);
    return 0;
syntax:
    err_ascii("The syntax of the command is incorrect.\r\n");
    return errorlevel = 1;
}
