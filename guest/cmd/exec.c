/* Running the tree: `&`, `&&`, `||`, blocks, redirections (the standard handles swapped for the
 * command and put back after it), pipelines (every element started at once, each external program
 * directly and each internal command in a child cmd.exe as cmd does, joined by pipes), internal
 * commands, batch files and external programs. A command's status drives && and ||; an external
 * program's exit code, or a failure, is the ERRORLEVEL. */
#include "cmd.h"

#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u
#define STARTF_USESTDHANDLES 0x100
#define DUPLICATE_SAME_ACCESS 2

IMPORT DWORD WINAPI GetModuleFileNameW(HANDLE, WCHAR *, DWORD);

int calling;                                            /* set by call for the command it runs */

static const DWORD std_ids[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };

void message_for_error(DWORD e)
{
    switch (e) {
    case 2: err_ascii("The system cannot find the file specified.\r\n"); break;
    case 3: err_ascii("The system cannot find the path specified.\r\n"); break;
    case 5: err_ascii("Access is denied.\r\n"); break;
    case 32: err_ascii("The process cannot access the file because it is being used by another process.\r\n"); break;
    case 123: err_ascii("The filename, directory name, or volume label syntax is incorrect.\r\n"); break;
    default: err_ascii("The system cannot find the file specified.\r\n"); break;
    }
}

HANDLE make_inheritable(HANDLE h)
{
    HANDLE copy = NULL;
    if (h && h != INVALID_HANDLE_VALUE)
        DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &copy, 0, 1, DUPLICATE_SAME_ACCESS);
    return copy;
}

/* -- redirections: the handles before, and those opened for the command */
typedef struct { HANDLE saved[3]; HANDLE opened[MAX_REDIRS]; int nopened; } redir_state;

static int apply_redirs(node *n, redir_state *st)
{
    for (int i = 0; i < 3; i++)
        st->saved[i] = GetStdHandle(std_ids[i]);
    st->nopened = 0;
    for (int i = 0; i < n->nredirs; i++) {
        redir *r = &n->redirs[i];
        if (r->fd > 2)
            continue;
        HANDLE h;
        if (r->kind == '&') {
            if (r->target_fd > 2)
                continue;
            h = GetStdHandle(std_ids[r->target_fd]);
        } else {
            SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, 1 };
            int input = r->kind == '<';
            h = CreateFileW(r->path, input ? GENERIC_READ : GENERIC_WRITE | (r->kind == 'A' ? GENERIC_READ : 0),
                            3, &sa, input ? 3 : r->kind == 'A' ? 4 : 2, 0x80, NULL);
            if (h == INVALID_HANDLE_VALUE) {
                message_for_error(GetLastError());
                return 0;
            }
            if (r->kind == 'A')
                SetFilePointerEx(h, 0, NULL, 2);
            st->opened[st->nopened++] = h;
        }
        SetStdHandle(std_ids[r->fd], h);
    }
    return 1;
}

static void restore_redirs(redir_state *st)
{
    for (int i = 0; i < 3; i++)
        SetStdHandle(std_ids[i], st->saved[i]);
    for (int i = 0; i < st->nopened; i++)
        CloseHandle(st->opened[i]);
}

/* -- external programs */
HANDLE spawn_with(const WCHAR *app, const WCHAR *cmdline, HANDLE in, HANDLE out, HANDLE err)
{
    STARTUPINFOW si = { 0 };
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = make_inheritable(in);
    si.hStdOutput = make_inheritable(out);
    si.hStdError = make_inheritable(err);
    size_t n = wlen(cmdline);
    WCHAR *line = wdup(cmdline, n);
    PROCESS_INFORMATION pi;
    BOOL ok = CreateProcessW(app, line, NULL, NULL, 1, 0, NULL, NULL, &si, &pi);
    DWORD e = GetLastError();
    cmd_free(line);
    if (si.hStdInput) CloseHandle(si.hStdInput);
    if (si.hStdOutput) CloseHandle(si.hStdOutput);
    if (si.hStdError) CloseHandle(si.hStdError);
    if (!ok) {
        message_for_error(e);
        return NULL;
    }
    CloseHandle(pi.hThread);
    return pi.hProcess;
}

static int wait_exit_code(HANDLE process)
{
    DWORD code = 1;
    WaitForSingleObject(process, INFINITE);
    GetExitCodeProcess(process, &code);
    CloseHandle(process);
    return (int)code;
}

int spawn_and_wait(const WCHAR *app, const WCHAR *cmdline)
{
    HANDLE p = spawn_with(app, cmdline, GetStdHandle(STD_INPUT_HANDLE), GetStdHandle(STD_OUTPUT_HANDLE),
                          GetStdHandle(STD_ERROR_HANDLE));
    if (p == NULL)
        return errorlevel = 1;
    return errorlevel = wait_exit_code(p);
}

int not_recognized(const WCHAR *name)
{
    WCHAR msg[1100];
    msg[0] = '\'';
    msg[1] = 0;
    size_t n = wlen(name);
    if (n > 1000) n = 1000;
    for (size_t i = 0; i < n; i++) msg[1 + i] = name[i];
    msg[1 + n] = 0;
    err(msg);
    err_ascii("' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n");
    errorlevel = 9009;
    return 9009;
}

const WCHAR *first_word(const WCHAR *text, WCHAR *word, size_t cap)
{
    while (is_space(*text)) text++;
    size_t k = 0;
    int quoted = 0;
    for (; *text; text++) {
        if (*text == '"') { quoted = !quoted; continue; }
        if (!quoted && (is_space(*text) || *text == ',' || *text == ';' || *text == '='))
            break;
        if (k + 1 < cap) word[k++] = *text;
    }
    word[k] = 0;
    return text;
}

static int is_batch(const WCHAR *path)
{
    size_t n = wlen(path);
    if (n < 4 || path[n - 4] != '.')
        return 0;
    WCHAR a = wupper(path[n - 3]), b = wupper(path[n - 2]), c = wupper(path[n - 1]);
    return (a == 'B' && b == 'A' && c == 'T') || (a == 'C' && b == 'M' && c == 'D');
}

/* The command's text, without its leading and trailing blanks, for a program's command line. */
static WCHAR *trimmed(const WCHAR *text)
{
    while (is_space(*text)) text++;
    size_t n = wlen(text);
    while (n && is_space(text[n - 1])) n--;
    return wdup(text, n);
}

static int run_simple(node *n)
{
    WCHAR name[1024], path[1100];
    const WCHAR *rest = first_word(n->text, name, 1024);
    if (name[0] == 0) {
        const WCHAR *t = n->text;                       /* only blanks, or only "" */
        while (is_space(*t)) t++;
        return *t ? not_recognized(t) : 0;
    }
    int handled = 0;
    int status = run_builtin(name, n->text, rest, &handled);
    if (handled)
        return status;
    const WCHAR *t = n->text;                           /* the name as typed, quotes and all */
    while (is_space(*t)) t++;
    WCHAR typed[1024];
    size_t k = 0;
    int quoted = 0;
    for (; *t && k < 1023; t++) {
        if (*t == '"') quoted = !quoted;
        else if (!quoted && (is_space(*t) || *t == ',' || *t == ';' || *t == '=')) break;
        typed[k++] = *t;
    }
    typed[k] = 0;
    if (!find_program(name, path, 1100)) {
        size_t slash = wlen(name);                      /* dir\file: a folder that is not there */
        while (slash && name[slash - 1] != '\\' && name[slash - 1] != '/')
            slash--;
        if (slash > 1 && name[slash - 2] != ':') {
            WCHAR dir[1024];
            for (size_t i = 0; i + 1 < slash; i++) dir[i] = name[i];
            dir[slash - 1] = 0;
            DWORD a = GetFileAttributesW(dir);
            if (a == INVALID_FILE_ATTRIBUTES || !(a & FILE_ATTRIBUTE_DIRECTORY)) {
                err_ascii("The system cannot find the path specified.\r\n");
                return errorlevel = 3;
            }
        }
        return not_recognized(typed);
    }
    while (is_space(*rest)) rest++;
    if (is_batch(path)) {
        int called = calling;
        calling = 0;
        int r = run_batch(path, typed, rest);
        if (in_batch && !called)
            leave_batch = 1;                            /* without call, the caller does not go on */
        return r;
    }
    WCHAR *line = trimmed(n->text);
    int code = spawn_and_wait(path, line);
    cmd_free(line);
    return code;
}

/* -- pipelines */
static int pipe_elements(node *n, node **list, int max)
{
    if (n->type != NODE_PIPE) {
        list[0] = n;
        return 1;
    }
    int k = pipe_elements(n->left, list, max - 1);
    list[k] = n->right;
    return k + 1;
}

/* One element started with the given handles; its own redirections applied on top. */
static HANDLE start_element(node *n, HANDLE in, HANDLE out)
{
    SetStdHandle(STD_INPUT_HANDLE, in);
    SetStdHandle(STD_OUTPUT_HANDLE, out);
    redir_state st;
    HANDLE p = NULL;
    if (apply_redirs(n, &st) && n->type == NODE_COMMAND) {
        WCHAR name[1024], path[1100];
        int handled = 0;
        first_word(n->text, name, 1024);
        run_builtin(name, NULL, NULL, &handled);
        if (!handled && name[0] && find_program(name, path, 1100) && !is_batch(path)) {
            WCHAR *line = trimmed(n->text);
            p = spawn_with(path, line, GetStdHandle(STD_INPUT_HANDLE), GetStdHandle(STD_OUTPUT_HANDLE),
                           GetStdHandle(STD_ERROR_HANDLE));
            cmd_free(line);
        } else {                                        /* cmd.exe /S /D /c" command" */
            WCHAR self[520];
            GetModuleFileNameW(NULL, self, 520);
            size_t tl = wlen(n->text);
            WCHAR *line = cmd_alloc((tl + 600) * sizeof(WCHAR));
            wcopy(line, self);
            static const WCHAR sw[] = { ' ', '/', 'S', ' ', '/', 'D', ' ', '/', 'c', '"', ' ', 0 }, q[] = { '"', 0 };
            wcat(line, sw);
            wcat(line, n->text);
            wcat(line, q);
            p = spawn_with(self, line, GetStdHandle(STD_INPUT_HANDLE), GetStdHandle(STD_OUTPUT_HANDLE),
                           GetStdHandle(STD_ERROR_HANDLE));
            cmd_free(line);
        }
    }
    restore_redirs(&st);
    return p;
}

static int run_pipeline(node *n)
{
    node *list[32];
    int count = pipe_elements(n, list, 32);
    HANDLE saved_in = GetStdHandle(STD_INPUT_HANDLE), saved_out = GetStdHandle(STD_OUTPUT_HANDLE);
    HANDLE procs[32], in = saved_in;
    for (int i = 0; i < count; i++) {
        HANDLE rd = NULL, wr = saved_out;
        if (i + 1 < count) {
            SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, 0 };
            CreatePipe(&rd, &wr, &sa, 0);
        }
        procs[i] = start_element(list[i], in, wr);
        SetStdHandle(STD_INPUT_HANDLE, saved_in);
        SetStdHandle(STD_OUTPUT_HANDLE, saved_out);
        if (in != saved_in) CloseHandle(in);
        if (wr != saved_out) CloseHandle(wr);
        in = rd;
    }
    int code = 0;
    for (int i = 0; i < count; i++)
        code = procs[i] ? wait_exit_code(procs[i]) : 255;
    errorlevel = code;
    return code;
}

int run_node(node *n)
{
    int s;
    switch (n->type) {
    case NODE_SEQ:
        run_node(n->left);
        if (exit_requested || leave_batch || batch_goto)
            return errorlevel;
        return run_node(n->right);
    case NODE_AND:
        s = run_node(n->left);
        return s || exit_requested || leave_batch || batch_goto ? s : run_node(n->right);
    case NODE_OR:
        s = run_node(n->left);
        return !s || exit_requested || leave_batch || batch_goto ? s : run_node(n->right);
    case NODE_PIPE:
        return run_pipeline(n);
    default: {
        redir_state st;
        if (!apply_redirs(n, &st)) {                   /* ERRORLEVEL stays as it was */
            restore_redirs(&st);
            return 1;
        }
        s = n->type == NODE_BLOCK ? (n->left ? run_node(n->left) : 0) : run_simple(n);
        restore_redirs(&st);
        return s;
    }
    }
}

int run_text(const WCHAR *line)
{
    node *n = parse_line(line);
    int s = run_node(n);
    free_node(n);
    return s;
}

int run_line(const WCHAR *line)
{
    WCHAR *expanded = cmd_alloc(LINE_MAX_ * sizeof(WCHAR));
    expand_variables(line, expanded, LINE_MAX_);
    int s = run_text(expanded);
    cmd_free(expanded);
    return s;
}
