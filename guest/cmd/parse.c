/* The command line, once its %variables% are expanded, as a tree: `&` runs one command after the
 * other, `&&` and `||` on success or failure, `|` through a pipe, `( )` groups; each command
 * keeps its text with the redirections (n< n> n>> n>&m) taken out. Quotes make every operator
 * plain text, `^` escapes the next character. `rem` takes the rest of the line; `if` and `for`
 * take the rest of the line (or of its block) as their condition or list and command, parsed when
 * they run. */
#include "cmd.h"

typedef struct { const WCHAR *p; int depth; } parser;

static node *parse_seq(parser *ps);

static node *new_node(int type)
{
    node *n = cmd_alloc(sizeof *n);
    n->type = type;
    return n;
}

void free_node(node *n)
{
    if (n == NULL)
        return;
    free_node(n->left);
    free_node(n->right);
    cmd_free(n->text);
    for (int i = 0; i < n->nredirs; i++)
        cmd_free(n->redirs[i].path);
    cmd_free(n);
}

static void skip_spaces(parser *ps) { while (is_space(*ps->p)) ps->p++; }

static int ends_command(parser *ps, WCHAR c)
{
    return c == 0 || c == '&' || c == '|' || (c == ')' && ps->depth > 0) || c == '\r' || c == '\n';
}

/* One redirection at ps->p ('<' or '>'), its handle number taken from the text's end. */
static void parse_redirection(parser *ps, node *n, WCHAR *text, size_t *len)
{
    redir r = { 0 };
    WCHAR op = *ps->p++;
    r.fd = op == '<' ? 0 : 1;
    if (*len && text[*len - 1] >= '0' && text[*len - 1] <= '9' && (*len == 1 || is_space(text[*len - 2]))) {
        r.fd = text[*len - 1] - '0';
        text[--*len] = 0;
    }
    r.kind = op;
    if (op == '>' && *ps->p == '>') {
        r.kind = 'A';
        ps->p++;
    }
    if (*ps->p == '&' && ps->p[1] >= '0' && ps->p[1] <= '9') {
        r.target_fd = ps->p[1] - '0';
        r.kind = '&';
        ps->p += 2;
    } else {
        skip_spaces(ps);
        WCHAR word[1024];
        size_t k = 0;
        int quoted = 0;
        while (*ps->p && k < 1023) {
            WCHAR c = *ps->p;
            if (c == '"') { quoted = !quoted; ps->p++; continue; }
            if (!quoted && (is_space(c) || c == '<' || c == '>' || ends_command(ps, c)))
                break;
            if (!quoted && c == '^' && ps->p[1]) c = *++ps->p;
            word[k++] = c;
            ps->p++;
        }
        r.path = wdup(word, k);
    }
    if (n->nredirs < MAX_REDIRS)
        n->redirs[n->nredirs++] = r;
    else
        cmd_free(r.path);
}

/* The raw rest of the line for `rem` and `if`, stopping at a block's unmatched ')'. */
static size_t take_rest(parser *ps, WCHAR *text, size_t len)
{
    int depth = 0, quoted = 0;
    while (*ps->p && ((*ps->p != '\r' && *ps->p != '\n') || depth > 0) && len < LINE_MAX_ - 1) {
        WCHAR c = *ps->p;
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == '(') depth++;
        else if (!quoted && c == ')') {
            if (depth == 0 && ps->depth > 0)
                break;
            depth--;
        }
        text[len++] = c;
        ps->p++;
    }
    return len;
}

/* The text so far is exactly the word REM, IF or FOR (after leading blanks). */
static int is_keyword(const WCHAR *text, size_t len)
{
    size_t i = 0;
    while (i < len && is_space(text[i]))
        i++;
    const WCHAR *w = text + i;
    size_t n = len - i;
    return (n == 3 && wupper(w[0]) == 'R' && wupper(w[1]) == 'E' && wupper(w[2]) == 'M')
           || (n == 2 && wupper(w[0]) == 'I' && wupper(w[1]) == 'F')
           || (n == 3 && wupper(w[0]) == 'F' && wupper(w[1]) == 'O' && wupper(w[2]) == 'R');
}

static node *parse_command(parser *ps)
{
    skip_spaces(ps);
    node *n = new_node(NODE_COMMAND);
    while (*ps->p == '@') {
        n->quiet = 1;
        ps->p++;
        skip_spaces(ps);
    }
    if (*ps->p == '(') {                                /* a block */
        ps->p++;
        ps->depth++;
        n->type = NODE_BLOCK;
        n->left = parse_seq(ps);
        ps->depth--;
        if (*ps->p == ')')
            ps->p++;
    }
    WCHAR *text = cmd_alloc(LINE_MAX_ * sizeof(WCHAR));
    size_t len = 0;
    int quoted = 0;
    while (*ps->p && len < LINE_MAX_ - 1) {
        WCHAR c = *ps->p;
        if (n->type == NODE_COMMAND && !quoted && is_space(c) && is_keyword(text, len)) {
            len = take_rest(ps, text, len);
            break;
        }
        if (c == '"') {
            quoted = !quoted;
            text[len++] = c;
            ps->p++;
            continue;
        }
        if (!quoted) {
            if (ends_command(ps, c))
                break;
            if (c == '^' && ps->p[1]) {
                text[len++] = ps->p[1];
                ps->p += 2;
                continue;
            }
            if (c == '<' || c == '>') {
                text[len] = 0;
                parse_redirection(ps, n, text, &len);
                continue;
            }
        }
        text[len++] = c;
        ps->p++;
    }
    text[len] = 0;
    n->text = text;
    return n;
}

static node *parse_pipe(parser *ps)
{
    node *left = parse_command(ps);
    while (ps->p[0] == '|' && ps->p[1] != '|') {
        ps->p++;
        node *n = new_node(NODE_PIPE);
        n->left = left;
        n->right = parse_command(ps);
        left = n;
    }
    return left;
}

static node *parse_andor(parser *ps)
{
    node *left = parse_pipe(ps);
    while ((ps->p[0] == '&' && ps->p[1] == '&') || (ps->p[0] == '|' && ps->p[1] == '|')) {
        node *n = new_node(ps->p[0] == '&' ? NODE_AND : NODE_OR);
        ps->p += 2;
        n->left = left;
        n->right = parse_pipe(ps);
        left = n;
    }
    return left;
}

static node *parse_seq(parser *ps)
{
    node *left = parse_andor(ps);
    while (ps->p[0] == '&' || ((ps->p[0] == '\n' || ps->p[0] == '\r') && ps->depth > 0)) {
        ps->p++;                                        /* in a block a new line is an `&` */
        node *n = new_node(NODE_SEQ);
        n->left = left;
        n->right = parse_andor(ps);
        left = n;
    }
    return left;
}

node *parse_line(const WCHAR *line)
{
    parser ps = { line, 0 };
    return parse_seq(&ps);
}
