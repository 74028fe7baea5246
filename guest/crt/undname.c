/* __unDName and __unDNameEx: the MSVC name undecorator both runtimes export (msvcrt's
 * type_info::name and debuggers' UnDecorateSymbolName are built on it). It reads the decorated
 * grammar (?name@scope@@ then a function's access, this-qualifiers, calling convention, return and
 * argument types, or a variable's storage and type), with name and argument back references and
 * templates, and prints it the way undname does: "public: char const * __ptr64 __cdecl
 * type_info::name(void)const __ptr64". The 16-bit flags are UNDNAME_*: 0x1 no leading underscores, 0x2 no
 * MS keywords, 0x4 no function returns, 0x60 no this-type, 0x80 no access specifiers, 0x200 no
 * member type, 0x1000 name only, 0x2000 no arguments (with a "?A" type encoding: the type only),
 * 0x8000 no class/struct/union/enum. x64's pointers and this-pointers carry the __ptr64 keyword
 * ("char const * __ptr64", "(void)const __ptr64"), an MS keyword that 0x2 leaves out. */
#include "crtbase.h"

void *malloc(size_t);
void free(void *);

typedef void *(*und_alloc)(size_t);
typedef void (*und_free)(void *);

#define UND_NO_LEADING_UNDERSCORES 0x0001
#define UND_NO_MS_KEYWORDS 0x0002
#define UND_NO_FUNCTION_RETURNS 0x0004
#define UND_NO_THISTYPE 0x0060
#define UND_NO_ACCESS_SPECIFIERS 0x0080
#define UND_NO_MEMBER_TYPE 0x0200
#define UND_NAME_ONLY 0x1000
#define UND_NO_ARGUMENTS 0x2000
#define UND_NO_ECSU 0x8000

#define CAP 400
typedef struct { char s[CAP]; int n; } str;

typedef struct {
    const char *p;
    unsigned flags;
    int bad;
    str names[10];
    int nnames;
    str args[10];
    int nargs;
} und;

static void cat(str *d, const char *s)
{
    while (*s && d->n + 1 < CAP)
        d->s[d->n++] = *s++;
    d->s[d->n] = 0;
}

static void catn(str *d, const char *s, int n)
{
    for (int i = 0; i < n && d->n + 1 < CAP; i++)
        d->s[d->n++] = s[i];
    d->s[d->n] = 0;
}

static void clear(str *d) { d->n = 0; d->s[0] = 0; }

static void keyword(und *u, str *d, const char *kw)    /* a Microsoft keyword such as __cdecl */
{
    if (u->flags & UND_NO_MS_KEYWORDS)
        return;
    cat(d, (u->flags & UND_NO_LEADING_UNDERSCORES) && kw[0] == '_' && kw[1] == '_' ? kw + 2 : kw);
}

static void type(und *u, str *out);
static void qualified(und *u, str *out, str *last);

/* ---- names ---- */

static const char *const OPERATORS[36] = {
    "", "", "operator new", "operator delete", "operator=", "operator>>", "operator<<", "operator!",
    "operator==", "operator!=", "operator[]", "", "operator->", "operator*", "operator++", "operator--",
    "operator-", "operator+", "operator&", "operator->*", "operator/", "operator%", "operator<", "operator<=",
    "operator>", "operator>=", "operator,", "operator()", "operator~", "operator^", "operator|", "operator&&",
    "operator||", "operator*=", "operator+=", "operator-="};
static const char *const OPERATORS_[36] = {
    "operator/=", "operator%=", "operator>>=", "operator<<=", "operator&=", "operator|=", "operator^=",
    "`vftable'", "`vbtable'", "`vcall'", "`typeof'", "`local static guard'", "`string'", "`vbase destructor'",
    "`vector deleting destructor'", "`default constructor closure'", "`scalar deleting destructor'",
    "`vector constructor iterator'", "`vector destructor iterator'", "`vector vbase constructor iterator'",
    "`virtual displacement map'", "`eh vector constructor iterator'", "`eh vector destructor iterator'",
    "`eh vector vbase constructor iterator'", "`copy constructor closure'", "", "", "", "`local vftable'",
    "`local vftable constructor closure'", "operator new[]", "operator delete[]", "", "`placement delete closure'",
    "`placement delete[] closure'", ""};

static int code36(char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1; }

static void remember(und *u, const str *name)
{
    if (u->nnames < 10)
        u->names[u->nnames++] = *name;
}

/* a template name: name@ then its arguments up to '@', with back references of its own */
static void template_name(und *u, str *out)
{
    /* the outer back references, kept on the heap (the guest has no stack probes for big frames) */
    str *names0 = malloc(sizeof(str) * 20), *args0 = names0 + 10;
    if (names0 == NULL) { u->bad = 1; return; }
    int n0 = u->nnames;
    for (int i = 0; i < n0; i++)
        names0[i] = u->names[i];
    int a0 = u->nargs;
    for (int i = 0; i < a0; i++)
        args0[i] = u->args[i];
    u->nnames = 0;
    u->nargs = 0;
    str name;
    clear(&name);
    const char *s = u->p;
    while (*u->p && *u->p != '@')
        u->p++;
    catn(&name, s, (int)(u->p - s));
    if (*u->p != '@') { u->bad = 1; free(names0); return; }
    u->p++;
    remember(u, &name);
    cat(out, name.s);
    cat(out, "<");
    int first = 1;
    while (*u->p && *u->p != '@' && !u->bad) {
        if (!first)
            cat(out, ",");
        first = 0;
        str a;
        clear(&a);
        if (u->p[0] == '$' && u->p[1] == '0') {            /* an integer argument */
            u->p += 2;
            int neg = *u->p == '?';
            if (neg) u->p++;
            unsigned long long v = 0;
            if (*u->p >= '0' && *u->p <= '9') {
                v = (unsigned long long)(*u->p++ - '0') + 1;
            } else {
                while (*u->p >= 'A' && *u->p <= 'P')
                    v = v * 16 + (unsigned long long)(*u->p++ - 'A');
                if (*u->p == '@') u->p++;
            }
            char num[24];
            int k = 0;
            char tmp[24];
            do { tmp[k++] = (char)('0' + v % 10); v /= 10; } while (v);
            int m = 0;
            if (neg) num[m++] = '-';
            while (k) num[m++] = tmp[--k];
            num[m] = 0;
            cat(&a, num);
        } else {
            const char *start = u->p;
            type(u, &a);
            if (u->p - start > 1 && u->nargs < 10)
                u->args[u->nargs++] = a;
        }
        cat(out, a.s);
    }
    if (*u->p == '@') u->p++;
    if (out->n && out->s[out->n - 1] == '>')
        cat(out, " ");
    cat(out, ">");
    for (int i = 0; i < n0; i++)
        u->names[i] = names0[i];
    u->nnames = n0;
    for (int i = 0; i < a0; i++)
        u->args[i] = args0[i];
    u->nargs = a0;
    free(names0);
}

/* one scope fragment: a back reference, a template name or a plain name */
static void fragment(und *u, str *out)
{
    char c = *u->p;
    if (c >= '0' && c <= '9') {
        u->p++;
        if (c - '0' < u->nnames) cat(out, u->names[c - '0'].s);
        else u->bad = 1;
        return;
    }
    if (c == '?' && u->p[1] == '$') {
        u->p += 2;
        str t;
        clear(&t);
        template_name(u, &t);
        remember(u, &t);
        cat(out, t.s);
        return;
    }
    const char *s = u->p;
    while (*u->p && *u->p != '@')
        u->p++;
    if (*u->p != '@' || u->p == s) { u->bad = 1; return; }
    str name;
    clear(&name);
    catn(&name, s, (int)(u->p - s));
    u->p++;
    remember(u, &name);
    cat(out, name.s);
}

/* scope fragments innermost first up to '@', printed outermost first; *last gets the innermost */
static void scopes(und *u, str *out, const str *first)
{
    str *parts = malloc(sizeof(str) * 12);
    int n = 0;
    if (parts == NULL) { u->bad = 1; return; }
    if (first)
        parts[n++] = *first;
    while (*u->p && *u->p != '@' && !u->bad && n < 12) {
        clear(&parts[n]);
        fragment(u, &parts[n++]);
    }
    if (*u->p != '@') u->bad = 1;
    else u->p++;
    for (int i = n - 1; i >= 0 && !u->bad; i--) {
        cat(out, parts[i].s);
        if (i) cat(out, "::");
    }
    free(parts);
}

static void qualified(und *u, str *out, str *last)
{
    (void)last;
    scopes(u, out, NULL);
}


/* ---- types ---- */

static const char *const BASIC[26] = {
    [2] = "signed char", [3] = "char", [4] = "unsigned char", [5] = "short", [6] = "unsigned short", [7] = "int",
    [8] = "unsigned int", [9] = "long", [10] = "unsigned long", [12] = "float", [13] = "double",
    [14] = "long double", [23] = "void"};
static const char *const BASIC_[26] = {
    [9] = "__int64", [10] = "unsigned __int64", [13] = "bool", [16] = "char8_t", [18] = "char16_t",
    [20] = "char32_t", [22] = "wchar_t"};

static void cv_suffix(str *out, char cv)
{
    if (cv == 'B' || cv == 'D') cat(out, " const");
    if (cv == 'C' || cv == 'D') cat(out, " volatile");
}

static void function_type(und *u, str *out, const char *declarator);

static void type(und *u, str *out)
{
    char c = *u->p++;
    if (c == 0) { u->bad = 1; u->p--; return; }
    if (c >= 'A' && c <= 'Z' && BASIC[c - 'A']) { cat(out, BASIC[c - 'A']); return; }
    if (c == '_' && *u->p >= 'A' && *u->p <= 'Z' && BASIC_[*u->p - 'A']) { cat(out, BASIC_[*u->p++ - 'A']); return; }
    if (c == 'T' || c == 'U' || c == 'V' || (c == 'W' && *u->p == '4')) {
        if (c == 'W') u->p++;
        if (!(u->flags & UND_NO_ECSU))
            cat(out, c == 'T' ? "union " : c == 'U' ? "struct " : c == 'V' ? "class " : "enum ");
        qualified(u, out, NULL);
        return;
    }
    if (c == '?') {                                 /* a by-value type with its cv: ?A, ?B ... */
        char cv = *u->p++;
        type(u, out);
        cv_suffix(out, cv);
        return;
    }
    if (c == 'P' || c == 'Q' || c == 'R' || c == 'S' || c == 'A' || (c == '$' && u->p[0] == '$' && u->p[1] == 'Q')) {
        int rref = c == '$';
        if (rref) u->p += 2;
        int ptr64 = 0;
        while (*u->p == 'E' || *u->p == 'I' || *u->p == 'F')   /* __ptr64, __restrict, __unaligned */
            ptr64 |= *u->p++ == 'E';
        char cv = *u->p++;
        const char *mark = c == 'A' ? " &" : rref ? " &&" : " *";
        if (cv == '6') {                            /* a pointer to a function */
            function_type(u, out, mark[1] == '*' ? "*" : "&");
            return;
        }
        /* a pointer's own cv is spelled by its letter (Q, R, S): the referring cv is not repeated */
        char inner = *u->p;
        int inner_ptr = inner == 'P' || inner == 'Q' || inner == 'R' || inner == 'S' || inner == 'A';
        type(u, out);
        if (!inner_ptr)
            cv_suffix(out, cv);
        cat(out, mark);
        if (ptr64 && !(u->flags & UND_NO_MS_KEYWORDS))
            cat(out, " __ptr64");
        if (c == 'Q' || c == 'S') cat(out, " const");
        if (c == 'R' || c == 'S') cat(out, " volatile");
        return;
    }
    if (c == '$' && u->p[0] == '$' && u->p[1] == 'T') { u->p += 2; cat(out, "std::nullptr_t"); return; }
    u->bad = 1;
}

static const char *callconv(char c)
{
    switch (c) {
    case 'A': case 'B': return "__cdecl";
    case 'C': case 'D': return "__pascal";
    case 'E': case 'F': return "__thiscall";
    case 'G': case 'H': return "__stdcall";
    case 'I': case 'J': return "__fastcall";
    case 'Q': return "__vectorcall";
    default: return NULL;
    }
}

/* the argument list up to '@' or 'Z' (or "X": void), with type back references */
static void arguments(und *u, str *out)
{
    cat(out, "(");
    if (*u->p == 'X') {
        u->p++;
        cat(out, "void");
    } else {
        int first = 1;
        while (*u->p && *u->p != '@' && *u->p != 'Z' && !u->bad) {
            if (!first) cat(out, ",");
            first = 0;
            if (*u->p >= '0' && *u->p <= '9') {
                int i = *u->p++ - '0';
                if (i < u->nargs) cat(out, u->args[i].s);
                else u->bad = 1;
                continue;
            }
            str a;
            clear(&a);
            const char *start = u->p;
            type(u, &a);
            if (u->p - start > 1 && u->nargs < 10)
                u->args[u->nargs++] = a;
            cat(out, a.s);
        }
        if (*u->p == 'Z') {
            u->p++;
            cat(out, first ? "..." : ",...");
        } else if (*u->p == '@') {
            u->p++;
        }
    }
    cat(out, ")");
}

/* a function pointer type: return (callconv *)(args) */
static void function_type(und *u, str *out, const char *declarator)
{
    const char *cc = callconv(*u->p++);
    if (!cc) { u->bad = 1; return; }
    str ret;
    clear(&ret);
    type(u, &ret);
    cat(out, ret.s);
    cat(out, " (");
    keyword(u, out, cc);
    cat(out, declarator);
    cat(out, ")");
    arguments(u, out);
    if (*u->p == 'Z') u->p++;                   /* no throw specification */
}

/* ---- the symbol ---- */

static void symbol(und *u, str *out)
{
    str name, special;
    clear(&name);
    clear(&special);
    int op = -1, ctor = 0, dtor = 0, conversion = 0;
    u->p++;                                         /* the leading '?' */
    if (*u->p == '?') {                             /* an operator, constructor or special name */
        u->p++;
        if (*u->p == '$') {
            u->p++;
            template_name(u, &special);
            remember(u, &special);
        } else if (*u->p == '_') {
            u->p++;
            op = code36(*u->p++);
            if (op < 0 || !OPERATORS_[op][0]) { u->bad = 1; return; }
            cat(&special, OPERATORS_[op]);
            op += 100;
        } else {
            op = code36(*u->p++);
            if (op < 0) { u->bad = 1; return; }
            if (op == 0) ctor = 1;
            else if (op == 1) dtor = 1;
            else if (op == 11) { conversion = 1; cat(&special, "operator "); }
            else if (OPERATORS[op][0]) cat(&special, OPERATORS[op]);
            else { u->bad = 1; return; }
        }
        if (ctor || dtor) {
            scopes(u, &name, NULL);                 /* the class name is the innermost scope */
            if (u->bad) return;
            const char *last = name.s;         /* the innermost scope: the last "::" outside <> */
            int depth = 0;
            for (const char *q = name.s; *q; q++) {
                if (*q == '<') depth++;
                else if (*q == '>') depth--;
                else if (depth == 0 && q[0] == ':' && q[1] == ':') last = q + 2;
            }
            str full;
            clear(&full);
            cat(&full, name.s);
            cat(&full, "::");
            if (dtor) cat(&full, "~");
            catn(&full, last, (int)(name.n - (last - name.s)));
            name = full;
        } else {
            scopes(u, &name, &special);
        }
    } else {
        scopes(u, &name, NULL);
    }
    if (u->bad) return;
    if (u->flags & UND_NAME_ONLY) {
        cat(out, name.s);
        return;
    }
    char code = *u->p++;
    static const char *const ACCESS[3] = {"private: ", "protected: ", "public: "};
    if (code >= '0' && code <= '4') {               /* a variable */
        if (code <= '2' && !(u->flags & UND_NO_ACCESS_SPECIFIERS)) cat(out, ACCESS[code - '0']);
        if (code <= '2' && !(u->flags & UND_NO_MEMBER_TYPE)) cat(out, "static ");
        str t;
        clear(&t);
        type(u, &t);
        while (*u->p == 'E' || *u->p == 'I' || *u->p == 'F') u->p++;
        char cv = *u->p ? *u->p++ : 'A';
        cat(out, t.s);
        cv_suffix(out, cv);
        cat(out, " ");
        cat(out, name.s);
        return;
    }
    if (code == '6' || code == '7') {               /* a vftable or vbtable */
        while (*u->p == 'E') u->p++;
        char cv = *u->p++;
        if (cv == 'B') cat(out, "const ");
        cat(out, name.s);
        if (*u->p && *u->p != '@') {
            cat(out, "{for `");
            str f;
            clear(&f);
            qualified(u, &f, NULL);
            cat(out, f.s);
            cat(out, "'}");
        } else if (*u->p == '@') {
            u->p++;
        }
        return;
    }
    int global = code == 'Y' || code == 'Z';
    int member = code >= 'A' && code <= 'X';
    if (!global && !member) { u->bad = 1; return; }
    int kind = member ? (code - 'A') % 8 / 2 : 0;    /* 0 plain, 1 static, 2 virtual, 3 thunk */
    if (member && kind == 3) { u->bad = 1; return; }
    if (member && !(u->flags & UND_NO_ACCESS_SPECIFIERS)) cat(out, ACCESS[(code - 'A') / 8]);
    if (member && kind == 1 && !(u->flags & UND_NO_MEMBER_TYPE)) cat(out, "static ");
    if (member && kind == 2 && !(u->flags & UND_NO_MEMBER_TYPE)) cat(out, "virtual ");
    char thiscv = 0;
    int this64 = 0;
    if (member && kind != 1) {
        while (*u->p == 'E' || *u->p == 'I' || *u->p == 'F')
            this64 |= *u->p++ == 'E';
        thiscv = *u->p++;
    }
    const char *cc = callconv(*u->p++);
    if (!cc) { u->bad = 1; return; }
    str ret;
    clear(&ret);
    if (*u->p == '@') {
        u->p++;                                     /* constructors and destructors return nothing */
    } else {
        type(u, &ret);
    }
    if (conversion) {
        cat(&name, "");                             /* "operator type": the type is the return */
        str n2;
        clear(&n2);
        for (int i = 0; i < name.n; i++) {
            if (name.s[i] == 'o' && !__builtin_memcmp(name.s + i, "operator ", 9) &&
                (i + 9 == name.n)) {
                catn(&n2, name.s, i + 9);
                cat(&n2, ret.s);
                clear(&ret);
                break;
            }
        }
        if (n2.n) name = n2;
    }
    /* a function pointer returned: the declarator nests, "void (__cdecl*__cdecl f(args))(void)" */
    str tail;
    clear(&tail);
    if (ret.n && !(u->flags & UND_NO_FUNCTION_RETURNS)) {
        int split = -1;
        for (int i = 0; i + 2 < ret.n; i++)
            if (ret.s[i] == '*' && ret.s[i + 1] == ')' && ret.s[i + 2] == '(') { split = i + 1; break; }
        if (split > 0) {
            catn(out, ret.s, split);
            cat(&tail, ret.s + split);
        } else {
            cat(out, ret.s);
            cat(out, " ");
        }
    }
    if (!(u->flags & UND_NO_MS_KEYWORDS)) {
        keyword(u, out, cc);
        cat(out, " ");
    }
    cat(out, name.s);
    if (!(u->flags & UND_NO_ARGUMENTS)) {
        arguments(u, out);
        if (thiscv && !(u->flags & 0x40)) {                  /* UNDNAME_NO_CV_THISTYPE */
            if (thiscv == 'B' || thiscv == 'D') cat(out, "const");
            if (thiscv == 'D') cat(out, " ");
            if (thiscv == 'C' || thiscv == 'D') cat(out, "volatile");
        }
        if (this64 && !(u->flags & 0x20) && !(u->flags & UND_NO_MS_KEYWORDS))   /* UNDNAME_NO_MS_THISTYPE */
            cat(out, " __ptr64");
    }
    cat(out, tail.s);
}

static char *undecorate_into(und *up, str *outp, char *buffer, const char *mangled, int buflen, und_alloc alloc,
                             unsigned flags);

static char *undecorate(char *buffer, const char *mangled, int buflen, und_alloc alloc, unsigned flags)
{
    if (mangled == NULL)
        return NULL;
    und *pu = malloc(sizeof(und));
    str *pout = malloc(sizeof(str));
    if (pu == NULL || pout == NULL) {
        free(pu);
        free(pout);
        return NULL;
    }
    char *r = undecorate_into(pu, pout, buffer, mangled, buflen, alloc, flags);
    free(pu);
    free(pout);
    return r;
}

static char *undecorate_into(und *up, str *outp, char *buffer, const char *mangled, int buflen, und_alloc alloc,
                             unsigned flags)
{
#define u (*up)
#define out (*outp)
    u.p = mangled;
    u.flags = flags;
    u.bad = 0;
    u.nnames = 0;
    u.nargs = 0;
    clear(&out);
    if ((flags & UND_NO_ARGUMENTS) && (mangled[0] != '?' || mangled[1] == 'A')) {
        /* a type encoding (UNDNAME_TYPE_ONLY), as type descriptors hold them: "?AVname@@", "H", "PEAH" */
        u.p = mangled[0] == '?' ? mangled + 2 : mangled;
        type(&u, &out);
        if (*u.p)
            u.bad = 1;
    } else if (mangled[0] == '?') {
        symbol(&u, &out);
    } else {
        cat(&out, mangled);                         /* not decorated: the name itself */
    }
    if (u.bad)
        return NULL;
    if (buffer == NULL) {
        if (alloc == NULL)
            return NULL;
        buflen = out.n + 1;
        buffer = alloc((size_t)buflen);
        if (buffer == NULL)
            return NULL;
    }
    if (buflen <= 0)
        return NULL;
    int n = out.n < buflen - 1 ? out.n : buflen - 1;
    for (int i = 0; i < n; i++)
        buffer[i] = out.s[i];
    buffer[n] = 0;
    return buffer;
#undef u
#undef out
}

CRTEXP char *__unDName(char *buffer, const char *mangled, int buflen, und_alloc alloc, und_free release,
                       unsigned short flags)
{
    (void)release;
    return undecorate(buffer, mangled, buflen, alloc, flags);
}

/* as __unDName, with a callback naming template parameters ("`template-parameter-N'") */
CRTEXP char *__unDNameEx(char *buffer, const char *mangled, int buflen, und_alloc alloc, und_free release,
                         char *(*get_parameter)(int), unsigned short flags)
{
    (void)release;
    (void)get_parameter;
    return undecorate(buffer, mangled, buflen, alloc, flags);
}
