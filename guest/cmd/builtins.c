/* The internal commands: echo, exit, set, cd/chdir, type, ver, rem, if, call, goto; setlocal and
 * endlocal (locals.c), for (for.c), md/mkdir and del/erase (files.c); with the messages and
 * ERRORLEVELs of Windows' cmd.exe. Each returns its status (0: it succeeded). With a NULL text,
 * run_builtin only says whether a name is an internal command. */
#include "cmd.h"

void message_for_error(DWORD e);
int run_text(const WCHAR *line);
int set_arithmetic(const WCHAR *expr);
int cmd_setlocal(void);
int cmd_endlocal(void);
int cmd_for(const WCHAR *args);
int cmd_mkdir(const WCHAR *args);
int cmd_del(const WCHAR *args);
extern int calling;

static const WCHAR *skip_blanks(const WCHAR *s) { while (is_space(*s)) s++; return s; }

static int ascii_ieq(const WCHAR *w, const char *a)
{
    while (*w && *a && wupper(*w) == (WCHAR)*a) { w++; a++; }
    return *w == 0 && *a == 0;
}

/* -- echo: "ECHO is on.", on/off, or the text after one delimiter, its blanks kept (echo. echo:
 * echo/ ... print whatever follows, on and off included) */
static int cmd_echo(const WCHAR *text)
{
    const WCHAR *p = skip_blanks(text);
    while (*p == '@') p++;
    p += 4;                                             /* "echo" */
    if (*p == 0 || (is_space(*p) && *skip_blanks(p) == 0)) {
        out_ascii(echo_on ? "ECHO is on.\r\n" : "ECHO is off.\r\n");
        return 0;
    }
    if (is_space(*p)) {
        const WCHAR *m = skip_blanks(p);
        size_t n = wlen(m);
        while (n && is_space(m[n - 1])) n--;
        WCHAR word[4] = { 0 };
        if (n <= 3) {
            for (size_t i = 0; i < n; i++) word[i] = m[i];
            if (ascii_ieq(word, "ON") || ascii_ieq(word, "OFF")) {
                echo_on = n == 2;
                return 0;
            }
        }
    }
    out_line(p + 1);
    return 0;
}

/* -- exit [/b] [code] */
static int cmd_exit(const WCHAR *args)
{
    const WCHAR *p = skip_blanks(args);
    int b = 0;
    if (p[0] == '/' && (p[1] == 'b' || p[1] == 'B') && (p[2] == 0 || is_space(p[2]))) {
        b = 1;
        p = skip_blanks(p + 2);
    }
    WCHAR word[64];
    first_word(p, word, 64);
    int code;
    if (word[0]) {
        if (!parse_number(word, &code))
            code = 0;
        errorlevel = code;
    }
    if (b && in_batch)
        leave_batch = 1;
    else
        exit_requested = 1;
    return errorlevel;
}

/* -- set: show all, show a prefix, assign or remove; set /a */
static int cmd_set(const WCHAR *args)
{
    const WCHAR *p = skip_blanks(args);
    if (p[0] == '/' && (p[1] == 'a' || p[1] == 'A') && (is_space(p[2]) || p[2] == 0))
        return set_arithmetic(skip_blanks(p + 2));
    WCHAR *assign = cmd_alloc(LINE_MAX_ * sizeof(WCHAR));
    size_t n = wlen(p);
    if (*p == '"') {                                    /* set "name=value": up to the last quote */
        size_t last = n;
        while (last > 1 && p[last - 1] != '"') last--;
        for (size_t i = 1; i + 1 < last; i++) assign[i - 1] = p[i];
        assign[last > 1 ? last - 2 : 0] = 0;
    } else
        wcopy(assign, p);
    WCHAR *eq = assign;
    while (*eq && *eq != '=') eq++;
    int status = 0;
    if (*eq == 0) {                                     /* show: every name beginning so */
        size_t plen = wlen(assign);
        while (plen && is_space(assign[plen - 1])) assign[--plen] = 0;
        WCHAR *env = GetEnvironmentStringsW();
        int shown = 0;
        for (WCHAR *e = env; *e; e += wlen(e) + 1)
            if (e[0] != '=' && wnieq(e, assign, plen)) {
                out_line(e);
                shown = 1;
            }
        FreeEnvironmentStringsW(env);
        if (!shown) {
            HANDLE h = GetStdHandle(STD_OUTPUT_HANDLE);
            SetStdHandle(STD_OUTPUT_HANDLE, GetStdHandle(STD_ERROR_HANDLE));
            out_ascii("Environment variable ");
            out(assign);
            out_ascii(" not defined\r\n");
            SetStdHandle(STD_OUTPUT_HANDLE, h);
            status = errorlevel = 1;
        }
    } else if (eq == assign) {
        err_ascii("The syntax of the command is incorrect.\r\n");
        status = errorlevel = 1;
    } else {
        *eq = 0;
        SetEnvironmentVariableW(assign, eq[1] ? eq + 1 : NULL);
    }
    cmd_free(assign);
    return status;
}

/* -- cd / chdir [/d] [path]: no path shows the current directory */
static int cmd_cd(const WCHAR *args)
{
    const WCHAR *p = skip_blanks(args);
    if (p[0] == '/' && (p[1] == 'd' || p[1] == 'D') && (is_space(p[2]) || p[2] == 0))
        p = skip_blanks(p + 2);
    WCHAR dir[1024];
    size_t k = 0;
    for (; *p && k < 1023; p++)
        if (*p != '"') dir[k++] = *p;
    while (k && is_space(dir[k - 1])) k--;
    dir[k] = 0;
    if (k == 0) {
        WCHAR cwd[1024];
        GetCurrentDirectoryW(1024, cwd);
        out_line(cwd);
        return 0;
    }
    if (!SetCurrentDirectoryW(dir)) {
        DWORD e = GetLastError();
        message_for_error(e == 2 ? 3 : e);
        return errorlevel = 1;
    }
    return 0;
}

/* -- type file: its bytes as they are */
static int cmd_type(const WCHAR *args)
{
    WCHAR name[1024];
    first_word(args, name, 1024);
    if (name[0] == 0) {
        err_ascii("The syntax of the command is incorrect.\r\n");
        return errorlevel = 1;
    }
    HANDLE h = CreateFileW(name, 0x80000000u, 3, NULL, 3, 0x80, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        message_for_error(GetLastError());
        return errorlevel = 1;
    }
    char buf[4096];
    DWORD got, done;
    while (ReadFile(h, buf, sizeof buf, &got, NULL) && got)
        WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), buf, got, &done, NULL);
    CloseHandle(h);
    return 0;
}

/* -- ver: "Microsoft Windows [Version 10.0.<build>.<revision>]" from the registry */
void print_version(void)
{
    static const WCHAR key[] = { 'S', 'O', 'F', 'T', 'W', 'A', 'R', 'E', '\\', 'M', 'i', 'c', 'r', 'o', 's', 'o',
        'f', 't', '\\', 'W', 'i', 'n', 'd', 'o', 'w', 's', ' ', 'N', 'T', '\\', 'C', 'u', 'r', 'r', 'e', 'n', 't',
        'V', 'e', 'r', 's', 'i', 'o', 'n', 0 };
    static const WCHAR major[] = { 'C', 'u', 'r', 'r', 'e', 'n', 't', 'M', 'a', 'j', 'o', 'r', 'V', 'e', 'r', 's', 'i',
        'o', 'n', 'N', 'u', 'm', 'b', 'e', 'r', 0 };
    static const WCHAR minor[] = { 'C', 'u', 'r', 'r', 'e', 'n', 't', 'M', 'i', 'n', 'o', 'r', 'V', 'e', 'r', 's', 'i',
        'o', 'n', 'N', 'u', 'm', 'b', 'e', 'r', 0 };
    static const WCHAR build[] = { 'C', 'u', 'r', 'r', 'e', 'n', 't', 'B', 'u', 'i', 'l', 'd', 'N', 'u', 'm', 'b',
        'e', 'r', 0 };
    static const WCHAR ubr[] = { 'U', 'B', 'R', 0 };
    HANDLE hklm = (HANDLE)(uintptr_t)0x80000002u;
    DWORD maj = 10, min = 0, rev = 0, size = 4;
    WCHAR b[32] = { '0', 0 };
    RegGetValueW(hklm, key, major, 0x10, NULL, &maj, &size);          /* RRF_RT_REG_DWORD */
    size = 4;
    RegGetValueW(hklm, key, minor, 0x10, NULL, &min, &size);
    size = 4;
    RegGetValueW(hklm, key, ubr, 0x10, NULL, &rev, &size);
    size = sizeof b;
    RegGetValueW(hklm, key, build, 0x02, NULL, b, &size);             /* RRF_RT_REG_SZ */
    out_ascii("Microsoft Windows [Version ");
    out_number((int)maj);
    out_ascii(".");
    out_number((int)min);
    out_ascii(".");
    out(b);
    out_ascii(".");
    out_number((int)rev);
    out_ascii("]\r\n");
}

static int cmd_ver(void)
{
    out_ascii("\r\n");
    print_version();
    return 0;
}

/* -- if [/i] [not] errorlevel N | exist path | defined name | a==b | a OP b, then the command */
static const WCHAR *take_token(const WCHAR *p, WCHAR *tok, size_t cap)
{
    p = skip_blanks(p);
    size_t k = 0;
    int quoted = 0;
    while (*p && (quoted || (!is_space(*p) && !(p[0] == '=' && p[1] == '=')))) {
        if (*p == '"') quoted = !quoted;
        if (k + 1 < cap) tok[k++] = *p;
        p++;
    }
    tok[k] = 0;
    return p;
}

static int compare(const WCHAR *a, const WCHAR *b, int fold)
{
    int x, y;
    if (parse_number(a, &x) && parse_number(b, &y))
        return x < y ? -1 : x > y;
    for (;; a++, b++) {
        WCHAR ca = fold ? wupper(*a) : *a, cb = fold ? wupper(*b) : *b;
        if (ca != cb) return ca < cb ? -1 : 1;
        if (!ca) return 0;
    }
}

/* The command part: "(then) else (other)" or a plain command. */
static int run_branch(const WCHAR *p, int truth)
{
    p = skip_blanks(p);
    if (*p != '(') {
        return truth ? run_text(p) : 0;
    }
    const WCHAR *q = p;
    int depth = 0, quoted = 0;
    for (; *q; q++) {
        if (*q == '"') quoted = !quoted;
        else if (!quoted && *q == '(') depth++;
        else if (!quoted && *q == ')' && --depth == 0) break;
    }
    const WCHAR *after = *q ? q + 1 : q;
    const WCHAR *e = skip_blanks(after);
    const WCHAR *other = NULL;
    if (wnieq(e, (const WCHAR[]){ 'e', 'l', 's', 'e', 0 }, 4) && (is_space(e[4]) || e[4] == '('))
        other = e + 4;
    if (truth) {
        WCHAR *then = wdup(p, (size_t)(other ? (size_t)(e - p) : wlen(p)));
        int s = run_text(then);
        cmd_free(then);
        return s;
    }
    return other ? run_text(skip_blanks(other)) : 0;
}

static int cmd_if(const WCHAR *args)
{
    const WCHAR *p = skip_blanks(args);
    WCHAR tok[1024], tok2[1024];
    int fold = 0, negate = 0, truth;
    const WCHAR *q = take_token(p, tok, 1024);
    if (ascii_ieq(tok, "/I")) { fold = 1; p = q; q = take_token(p, tok, 1024); }
    if (ascii_ieq(tok, "NOT")) { negate = 1; p = q; q = take_token(p, tok, 1024); }
    if (ascii_ieq(tok, "ERRORLEVEL")) {
        q = take_token(q, tok2, 1024);
        int n = 0;
        parse_number(tok2, &n);
        truth = errorlevel >= n;
    } else if (ascii_ieq(tok, "EXIST")) {
        q = take_token(q, tok2, 1024);
        WCHAR path[1024];
        size_t k = 0;
        for (WCHAR *t = tok2; *t; t++) if (*t != '"') path[k++] = *t;
        path[k] = 0;
        truth = GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES;
    } else if (ascii_ieq(tok, "DEFINED")) {
        q = take_token(q, tok2, 1024);
        truth = GetEnvironmentVariableW(tok2, NULL, 0) != 0;
    } else {
        const WCHAR *r = skip_blanks(q);
        if (r[0] == '=' && r[1] == '=') {
            r += 2;
            while (*r == '=') r++;
            q = take_token(r, tok2, 1024);
            truth = compare(tok, tok2, fold) == 0 && (fold || wlen(tok) == wlen(tok2));
            if (!fold) {                                /* exactly equal, numbers or not */
                truth = 1;
                for (size_t i = 0; truth && (tok[i] || tok2[i]); i++)
                    truth = tok[i] == tok2[i];
            }
        } else {
            WCHAR op[16];
            r = take_token(r, op, 16);
            q = take_token(r, tok2, 1024);
            int c = compare(tok, tok2, fold);
            if (ascii_ieq(op, "EQU")) truth = c == 0;
            else if (ascii_ieq(op, "NEQ")) truth = c != 0;
            else if (ascii_ieq(op, "LSS")) truth = c < 0;
            else if (ascii_ieq(op, "LEQ")) truth = c <= 0;
            else if (ascii_ieq(op, "GTR")) truth = c > 0;
            else if (ascii_ieq(op, "GEQ")) truth = c >= 0;
            else {
                err(op);                                /* what stands where == or EQU... should */
                err_ascii(" was unexpected at this time.\r\n");
                exit_requested = 1;
                return errorlevel = 255;
            }
        }
    }
    if (*skip_blanks(q) == 0) {
        err_ascii("The syntax of the command is incorrect.\r\n");
        return errorlevel = 1;
    }
    return run_branch(q, truth != negate);
}

/* -- call: a label of this batch file (a subroutine), another batch file (and back), or any
 * command, its %variables% expanded once more */
static int cmd_call(const WCHAR *args)
{
    const WCHAR *p = skip_blanks(args);
    if (*p == ':') {
        WCHAR label[256];
        const WCHAR *rest = first_word(p + 1, label, 256);
        return call_label(label, skip_blanks(rest));
    }
    WCHAR *again = cmd_alloc(LINE_MAX_ * sizeof(WCHAR));   /* call expands the line a second time */
    expand_variables(p, again, LINE_MAX_);
    calling = 1;
    int s = run_text(again);
    calling = 0;
    cmd_free(again);
    return s;
}

static int cmd_goto(const WCHAR *args)
{
    WCHAR label[256];
    const WCHAR *p = skip_blanks(args);
    if (*p == ':') p++;
    first_word(p, label, 256);
    if (!in_batch)
        return 0;
    batch_goto = wdup(label, wlen(label));
    return 0;
}

int run_builtin(const WCHAR *name, const WCHAR *text, const WCHAR *args, int *handled)
{
    static const char *const names[] = { "ECHO", "EXIT", "SET", "CD", "CHDIR", "TYPE", "VER", "REM", "IF",
                                         "CALL", "GOTO", "SETLOCAL", "ENDLOCAL", "FOR", "MD", "MKDIR",
                                         "DEL", "ERASE", 0 };
    int which = -1;
    for (int i = 0; names[i]; i++)
        if (ascii_ieq(name, names[i]))
            which = i;
    /* echo. echo: echo/ and the like are echo too */
    if (which < 0 && wnieq(name, (const WCHAR[]){ 'E', 'C', 'H', 'O', 0 }, 4)
        && (name[4] == '.' || name[4] == ':' || name[4] == '/' || name[4] == '\\' || name[4] == '('
            || name[4] == '[' || name[4] == ']' || name[4] == '+'))
        which = 0;
    if (which < 0 && name[0] == ':' && in_batch)
        which = 7;                                      /* a label line run as a command: nothing */
    *handled = which >= 0;
    if (which < 0 || text == NULL)
        return 0;
    switch (which) {
    case 0: return cmd_echo(text);
    case 1: return cmd_exit(args);
    case 2: return cmd_set(args);
    case 3: case 4: return cmd_cd(args);
    case 5: return cmd_type(args);
    case 6: return cmd_ver();
    case 7: return 0;
    case 8: return cmd_if(args);
    case 9: return cmd_call(args);
    case 10: return cmd_goto(args);
    case 11: return cmd_setlocal();
    case 12: return cmd_endlocal();
    case 13: return cmd_for(args);
    case 14: case 15: return cmd_mkdir(args);
    default: return cmd_del(args);
    }
}
