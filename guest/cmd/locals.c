/* setlocal and endlocal: setlocal keeps a copy of the environment and the current directory,
 * endlocal puts them back; a batch file's setlocals still open when it ends are ended for it. */
#include "cmd.h"

#define MAX_LOCALS 32

static struct { WCHAR *env; WCHAR *cwd; } saved[MAX_LOCALS];
int local_depth;

int cmd_setlocal(void)
{
    if (local_depth == MAX_LOCALS) {
        err_ascii("Maximum setlocal recursion level reached.\r\n");
        return errorlevel = 1;
    }
    WCHAR *env = GetEnvironmentStringsW(), *e = env;
    while (*e) e += wlen(e) + 1;
    saved[local_depth].env = wdup(env, (size_t)(e - env) + 1);
    FreeEnvironmentStringsW(env);
    WCHAR cwd[1024];
    GetCurrentDirectoryW(1024, cwd);
    saved[local_depth].cwd = wdup(cwd, wlen(cwd));
    local_depth++;
    return 0;
}

/* Every variable (but the =X: ones) removed, then the saved ones set again. */
int cmd_endlocal(void)
{
    if (local_depth == 0)
        return 0;
    local_depth--;
    WCHAR *env = GetEnvironmentStringsW(), name[1024];
    for (WCHAR *e = env; *e; e += wlen(e) + 1) {
        if (e[0] == '=')
            continue;
        size_t k = 0;
        while (e[k] && e[k] != '=' && k < 1023) { name[k] = e[k]; k++; }
        name[k] = 0;
        SetEnvironmentVariableW(name, NULL);
    }
    FreeEnvironmentStringsW(env);
    for (WCHAR *e = saved[local_depth].env; *e; e += wlen(e) + 1) {
        if (e[0] == '=')
            continue;
        WCHAR *eq = e;
        while (*eq && *eq != '=') eq++;
        if (!*eq) continue;
        *eq = 0;
        SetEnvironmentVariableW(e, eq + 1);
        *eq = '=';
    }
    SetCurrentDirectoryW(saved[local_depth].cwd);
    cmd_free(saved[local_depth].env);
    cmd_free(saved[local_depth].cwd);
    return 0;
}
