/* set /a: integer expressions with ( ) * / % + - and unary - ~ !, variables by name (an undefined
 * one is 0), assignments name=expr and comma-separated lists; at the prompt or with /c (not in a
 * batch file) the last value is printed without a line end, as cmd does. */
#include "cmd.h"

typedef struct { const WCHAR *p; int error; } expr;

static int parse_sum(expr *e);

static void blanks(expr *e) { while (is_space(*e->p)) e->p++; }

static int is_name_char(WCHAR c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c > 127;
}

static int variable(const WCHAR *name)
{
    WCHAR v[64];
    DWORD n = GetEnvironmentVariableW(name, v, 64);
    int x = 0, neg = 0;
    if (n == 0 || n >= 64)
        return 0;
    const WCHAR *s = v;
    if (*s == '-') { neg = 1; s++; }
    while (*s >= '0' && *s <= '9') x = x * 10 + (*s++ - '0');
    return neg ? -x : x;
}

static int parse_unary(expr *e)
{
    blanks(e);
    WCHAR c = *e->p;
    if (c == '-' || c == '+' || c == '~' || c == '!') {
        e->p++;
        int v = parse_unary(e);
        return c == '-' ? -v : c == '~' ? ~v : c == '!' ? !v : v;
    }
    if (c == '(') {
        e->p++;
        int v = parse_sum(e);
        blanks(e);
        if (*e->p == ')') e->p++; else e->error = 1;
        return v;
    }
    if (c >= '0' && c <= '9') {
        unsigned v = 0, base = 10;
        if (c == '0' && (e->p[1] == 'x' || e->p[1] == 'X')) { base = 16; e->p += 2; }
        else if (c == '0') base = 8;
        for (;; e->p++) {
            WCHAR d = *e->p;
            unsigned digit = d >= '0' && d <= '9' ? (unsigned)(d - '0') : d >= 'a' && d <= 'f' ? (unsigned)(d - 'a' + 10)
                             : d >= 'A' && d <= 'F' ? (unsigned)(d - 'A' + 10) : 99;
            if (digit >= base) break;
            v = v * base + digit;
        }
        return (int)v;
    }
    if (is_name_char(c)) {
        WCHAR name[256];
        size_t k = 0;
        while (is_name_char(*e->p) && k < 255) name[k++] = *e->p++;
        name[k] = 0;
        return variable(name);
    }
    e->error = 1;
    return 0;
}

static int parse_product(expr *e)
{
    int v = parse_unary(e);
    for (;;) {
        blanks(e);
        WCHAR op = *e->p;
        if ((op != '*' && op != '/' && op != '%') || e->p[1] == '=') return v;
        e->p++;
        int r = parse_unary(e);
        if (op != '*' && r == 0) { e->error = 2; return 0; }
        v = op == '*' ? v * r : op == '/' ? v / r : v % r;
    }
}

static int parse_sum(expr *e)
{
    int v = parse_product(e);
    for (;;) {
        blanks(e);
        WCHAR op = *e->p;
        if ((op != '+' && op != '-') || e->p[1] == '=') return v;
        e->p++;
        int r = parse_product(e);
        v = op == '+' ? v + r : v - r;
    }
}

static void store(const WCHAR *name, int v)
{
    WCHAR buf[16], *p = buf + 15;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    *p = 0;
    do *--p = (WCHAR)('0' + u % 10); while (u /= 10);
    if (v < 0) *--p = '-';
    SetEnvironmentVariableW(name, p);
}

int set_arithmetic(const WCHAR *text)
{
    WCHAR *copy = wdup(text, wlen(text));
    size_t n = 0;                                       /* quotes only group */
    for (WCHAR *s = copy; *s; s++) if (*s != '"') copy[n++] = *s;
    copy[n] = 0;
    expr e = { copy, 0 };
    int v = 0;
    for (;;) {
        blanks(&e);
        const WCHAR *start = e.p;
        WCHAR name[256];
        size_t k = 0;
        while (is_name_char(*e.p) && k < 255) name[k++] = *e.p++;
        name[k] = 0;
        blanks(&e);
        WCHAR op = 0;
        if (k && !(name[0] >= '0' && name[0] <= '9')) {
            if (e.p[0] == '=' ) { op = '='; e.p++; }
            else if ((e.p[0] == '+' || e.p[0] == '-' || e.p[0] == '*' || e.p[0] == '/' || e.p[0] == '%') && e.p[1] == '=') {
                op = e.p[0];
                e.p += 2;
            }
        }
        if (!op)
            e.p = start;
        int r = parse_sum(&e);
        if (op) {
            int old = variable(name);
            if ((op == '/' || op == '%') && r == 0) e.error = 2;
            else v = op == '=' ? r : op == '+' ? old + r : op == '-' ? old - r : op == '*' ? old * r
                     : op == '/' ? old / r : old % r;
            if (!e.error) store(name, v);
        } else
            v = r;
        blanks(&e);
        if (e.error || *e.p != ',')
            break;
        e.p++;
    }
    int bad = e.error || *e.p;
    cmd_free(copy);
    if (e.error == 2) {
        err_ascii("Divide by zero error.\r\n");
        return errorlevel = 1073750993;
    }
    if (bad) {
        err_ascii("Missing operand.\r\n");
        return errorlevel = 1073750988;
    }
    if (!in_batch)
        out_number(v);
    return 0;
}
