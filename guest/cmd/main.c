/* cmd.exe's entry: its switches (/c runs one command line and ends with its ERRORLEVEL, /k runs it
 * and goes on reading, /s /q /d and the rest), the documented rule for the quotes around what
 * follows /c or /k, and without /c the commands read from standard input, each after the prompt. */
#include "cmd.h"

int errorlevel;
int echo_on = 1;
int in_batch;
int exit_requested;
int leave_batch;
WCHAR *batch_goto;

void print_version(void);

static int special(WCHAR c)
{
    return c == '&' || c == '<' || c == '>' || c == '(' || c == ')' || c == '@' || c == '^' || c == '|';
}

/* cmd /?: quotes are kept when there is no /S, exactly two quotes, no special character and at
 * least one blank between them, and the quoted string names an executable file; otherwise a
 * leading quote and the last quote of the line are removed. */
static void apply_quote_rule(WCHAR *s, int strip)
{
    while (is_space(*s))
        wcopy(s, s + 1);
    size_t n = wlen(s), quotes = 0, first = 0, last = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '"') {
            if (!quotes++) first = i;
            last = i;
        }
    if (!strip && quotes == 2) {
        int blank = 0, bad = 0;
        for (size_t i = first + 1; i < last; i++) {
            if (is_space(s[i])) blank = 1;
            if (special(s[i])) bad = 1;
        }
        if (blank && !bad) {
            WCHAR name[1024], path[1100];
            size_t k = 0;
            for (size_t i = first + 1; i < last && k < 1023; i++) name[k++] = s[i];
            name[k] = 0;
            if (find_program(name, path, 1100))
                return;
        }
    }
    if (s[0] == '"' && quotes) {
        wcopy(s + last, s + last + 1);
        wcopy(s, s + 1);
    }
}

static int read_line(WCHAR *line, size_t cap)
{
    static char buf[LINE_MAX_];
    size_t k = 0;
    DWORD got;
    int any = 0;
    char c;
    while (k < sizeof buf - 1 && ReadFile(GetStdHandle(STD_INPUT_HANDLE), &c, 1, &got, NULL) && got) {
        any = 1;
        if (c == '\n') break;
        if (c != '\r') buf[k++] = c;
    }
    if (!any)
        return 0;
    int n = MultiByteToWideChar(GetConsoleOutputCP(), 0, buf, (int)k, line, (int)cap - 1);
    line[n] = 0;
    return 1;
}

static void interactive(void)
{
    WCHAR *line = cmd_alloc(LINE_MAX_ * sizeof(WCHAR)), cwd[1024];
    while (!exit_requested) {
        if (echo_on) {
            GetCurrentDirectoryW(1024, cwd);
            out_ascii("\r\n");
            out(cwd);
            out_ascii(">");
        }
        if (!read_line(line, LINE_MAX_))
            break;
        if (echo_on)
            out_line(line);
        run_line(line);
    }
    cmd_free(line);
}

__attribute__((noreturn)) void CmdEntry(void)
{
    WCHAR *cl = GetCommandLineW();
    if (*cl == '"') {                                   /* the program's name */
        cl++;
        while (*cl && *cl != '"') cl++;
        if (*cl) cl++;
    } else
        while (*cl && !is_space(*cl)) cl++;
    int mode = 0, strip = 0;
    const WCHAR *rest = NULL;
    for (;;) {
        while (is_space(*cl)) cl++;
        if (*cl != '/')
            break;
        WCHAR sw = wupper(cl[1]);
        if (sw == 'C' || sw == 'K') {
            mode = sw;
            rest = cl + 2;
            break;
        }
        if (sw == 'S') strip = 1;
        if (sw == 'Q') echo_on = 0;
        cl += 2;
        while (*cl && !is_space(*cl) && *cl != '/') cl++;   /* /e:on, /t:fg, /v:on ... */
    }
    if (mode) {
        WCHAR *command = wdup(rest, wlen(rest));
        apply_quote_rule(command, strip);
        run_line(command);
        cmd_free(command);
        if (mode == 'C' || exit_requested)
            ExitProcess((unsigned)errorlevel);
    } else {
        print_version();
        out_ascii("(c) Microsoft Corporation. All rights reserved.\r\n");
    }
    interactive();
    ExitProcess((unsigned)errorlevel);
}
