/* Batch files (.bat, .cmd) run by this cmd.exe, line by line: %0 its name, %1..%9 its arguments,
 * %* all of them; labels (:name) for goto, goto :eof, exit /b. A line whose parentheses are not
 * closed goes on to the next ones (a block). With echo on, each command is shown after the prompt
 * as cmd shows it, unless it starts with @. */
#include "cmd.h"

const WCHAR *batch_args[10];
const WCHAR *batch_all;

static int open_parens(const WCHAR *s, size_t n)
{
    int depth = 0, quoted = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') quoted = !quoted;
        else if (!quoted && s[i] == '^' && i + 1 < n) i++;
        else if (!quoted && s[i] == '(') depth++;
        else if (!quoted && s[i] == ')' && depth) depth--;
    }
    return depth;
}

/* Echo on: a blank line, the prompt and the command, as cmd shows what it is about to run. */
void show_command(const WCHAR *line)
{
    WCHAR cwd[1024];
    GetCurrentDirectoryW(1024, cwd);
    out_ascii("\r\n");
    out(cwd);
    out_ascii(">");
    out_line(line);
}

/* The arguments as cmd splits them for %1..%9: blanks, commas, semicolons and = separate,
 * quotes group (and stay). */
static void split_args(WCHAR *copy, const WCHAR **args)
{
    int k = 1;
    WCHAR *p = copy;
    while (*p && k < 10) {
        while (*p == ' ' || *p == '\t' || *p == ',' || *p == ';' || *p == '=') *p++ = 0;
        if (!*p) break;
        args[k++] = p;
        int quoted = 0;
        while (*p && (quoted || !(*p == ' ' || *p == '\t' || *p == ',' || *p == ';' || *p == '='))) {
            if (*p == '"') quoted = !quoted;
            p++;
        }
    }
}

/* Where a label's line ends in the script, or (size_t)-1. */
static size_t find_label(const WCHAR *text, size_t total, const WCHAR *label)
{
    size_t p = 0, ll = wlen(label);
    while (p < total) {
        size_t q = p;
        while (q < total && is_space(text[q])) q++;
        if (q < total && text[q] == ':' && wnieq(text + q + 1, label, ll)
            && (q + 1 + ll >= total || text[q + 1 + ll] == '\r' || text[q + 1 + ll] == '\n'
                || is_space(text[q + 1 + ll]))) {
            while (q < total && text[q] != '\n') q++;
            return q < total ? q + 1 : q;
        }
        while (p < total && text[p] != '\n') p++;
        p++;
    }
    return (size_t)-1;
}

IMPORT BOOL WINAPI GetFileSizeEx(HANDLE, LONGLONG *);
extern int local_depth;
int cmd_endlocal(void);

static const WCHAR *script_text;                        /* the running script, for call :label */
static size_t script_total;

/* The script from `pos` with name %0 and these arguments, until its end, exit /b or goto :eof. */
static int run_script(const WCHAR *text, size_t total, size_t pos, const WCHAR *name, const WCHAR *args)
{
    const WCHAR *saved_args[10], *saved_all = batch_all, *saved_text = script_text;
    size_t saved_total = script_total;
    int saved_in = in_batch, depth = local_depth;
    for (int i = 0; i < 10; i++) { saved_args[i] = batch_args[i]; batch_args[i] = NULL; }
    WCHAR *copy = wdup(args, wlen(args)), *name_copy = wdup(name, wlen(name));
    batch_args[0] = name_copy;
    split_args(copy, batch_args);
    batch_all = args;
    in_batch = 1;
    script_text = text;
    script_total = total;

    WCHAR *line = cmd_alloc(LINE_MAX_ * sizeof(WCHAR));
    while (pos < total && !exit_requested && !leave_batch) {
        size_t len = 0;
        for (;;) {                                      /* one line, or a block's lines */
            while (pos < total && text[pos] != '\n' && len < LINE_MAX_ - 2) {
                if (text[pos] != '\r') line[len++] = text[pos];
                pos++;
            }
            if (pos < total) pos++;
            if (pos >= total || !open_parens(line, len))
                break;
            line[len++] = '\n';
        }
        line[len] = 0;
        const WCHAR *s = line;
        while (is_space(*s) || *s == '@') s++;
        if (*s == ':' || *s == 0)
            continue;                                   /* a label, a :: comment, an empty line */
        const WCHAR *t = line;
        while (is_space(*t)) t++;
        if (echo_on && *t != '@')
            show_command(t);
        run_line(line);
        if (batch_goto) {                               /* goto: the line after the label */
            static const WCHAR eof[] = { 'e', 'o', 'f', 0 };
            size_t found = wieq(batch_goto, eof) ? total : find_label(text, total, batch_goto);
            if (found == (size_t)-1) {
                err_ascii("The system cannot find the batch label specified - ");
                err(batch_goto);
                err_ascii("\r\n");
                errorlevel = 1;
                found = total;
            }
            cmd_free(batch_goto);
            batch_goto = NULL;
            pos = found;
        }
    }
    leave_batch = 0;
    if (name[0] != ':')                                 /* a file, not a call :label: its setlocals end */
        while (local_depth > depth)
            cmd_endlocal();
    cmd_free(line);
    cmd_free(copy);
    cmd_free(name_copy);
    for (int i = 0; i < 10; i++) batch_args[i] = saved_args[i];
    batch_all = saved_all;
    in_batch = saved_in;
    script_text = saved_text;
    script_total = saved_total;
    return errorlevel;
}

/* call :label args: the running script again from the label, as a subroutine. */
int call_label(const WCHAR *label, const WCHAR *args)
{
    if (!in_batch || script_text == NULL) {
        err_ascii("Invalid attempt to call batch label outside of batch script.\r\n");
        return errorlevel = 1;
    }
    size_t pos = find_label(script_text, script_total, label);
    if (pos == (size_t)-1) {
        err_ascii("The system cannot find the batch label specified - ");
        err(label);
        err_ascii("\r\n");
        return errorlevel = 1;
    }
    WCHAR name[260];
    name[0] = ':';
    size_t n = wlen(label);
    if (n > 250) n = 250;
    for (size_t i = 0; i < n; i++) name[1 + i] = label[i];
    name[1 + n] = 0;
    return run_script(script_text, script_total, pos, name, args);
}

int run_batch(const WCHAR *path, const WCHAR *typed, const WCHAR *args)
{
    HANDLE h = CreateFileW(path, 0x80000000u, 3, NULL, 3, 0x80, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        err_ascii("The batch file cannot be found.\r\n");
        return errorlevel = 1;
    }
    LONGLONG file_size = 0;
    GetFileSizeEx(h, &file_size);
    size_t cap = file_size > 0 && file_size < (1 << 26) ? (size_t)file_size : 0, size = 0;
    char *bytes = cmd_alloc(cap + 1);
    DWORD got;
    while (size < cap && ReadFile(h, bytes + size, (DWORD)(cap - size), &got, NULL) && got)
        size += got;
    CloseHandle(h);
    WCHAR *text = cmd_alloc((size + 1) * sizeof(WCHAR));
    int n = MultiByteToWideChar(GetConsoleOutputCP(), 0, bytes, (int)size, text, (int)size);
    text[n] = 0;
    cmd_free(bytes);
    int r = run_script(text, (size_t)n, 0, typed, args);
    cmd_free(text);
    return r;
}
