/* The _X* throwers and _Throw_Cpp_error/_Throw_C_error: real C++ exceptions raised through
 * vcruntime140's _CxxThrowException, whose objects are laid out as the STL's (a vftable and
 * __std_exception_data; system_error adds its error_code) and whose ThrowInfo lists the
 * catchable types with the STL's decorated names, so a program's catch (const std::logic_error&)
 * or catch (const std::exception&) takes them and what() gives the message. */
#include "msvcp.h"

/* -- the classes' virtual functions: the scalar deleting destructor and what() */
void *ExceptionDelete(std_exception *e, unsigned int flags)
{
    __std_exception_destroy(&e->data);
    if (flags & 1)
        free(e);
    return e;
}

const char *ExceptionWhat(const std_exception *e) { return e->data.what != NULL ? e->data.what : "Unknown exception"; }
void ExceptionDestroy(std_exception *e) { __std_exception_destroy(&e->data); }

/* generic_category(): the error_category singleton system_error's code names */
typedef struct { const void *const *vftable; size_t addr; } error_category;
typedef struct { int value; const error_category *category; } error_code;
typedef struct { std_exception base; error_code code; } system_error;

/* -- type descriptors, class hierarchies, locators, vftables, catchable types (RVAs: assembler).
 * CLASS(c, decorated, n, bases, size): n is the number of bases below c, bases its base class
 * array (c first, then every base in pre-order). */
#define CLASS(c, decorated, n, bases, size) \
    ".p2align 3\n" "td_" c ": .quad TypeInfoVftable\n .quad 0\n .asciz \"" decorated "\"\n" \
    ".p2align 2\n" "chd_" c ": .long 0, 0, " #n " + 1\n .rva bca_" c "\n" \
    "bca_" c ": .rva " bases "\n" \
    "bcd_" c ": .rva td_" c "\n .long " #n ", 0, -1, 0, 0x40\n .rva chd_" c "\n" \
    "col_" c ": .long 1, 0, 0\n .rva td_" c ", chd_" c ", col_" c "\n" \
    ".p2align 3\n .quad col_" c "\n" ".globl vft_" c "\nvft_" c ": .quad ExceptionDelete, ExceptionWhat\n" \
    ".p2align 2\n" "ct_" c ": .long 0\n .rva td_" c "\n .long 0, -1, 0, " #size "\n .rva Copy_" c "\n"
/* THROWN(c, types): the ThrowInfo of a thrown c and its catchable type array (c first) */
#define THROWN(c, n, types) \
    ".p2align 2\n" "cta_" c ": .long " #n "\n .rva " types "\n" \
    ".globl ti_" c "\nti_" c ": .long 0\n .rva ExceptionDestroy\n .long 0\n .rva cta_" c "\n"

__asm__(".section .rdata,\"dr\"\n"
        ".p2align 3\n .quad 0\nTypeInfoVftable: .quad TypeInfoDelete\n"
        CLASS("exception", ".?AVexception@std@@", 0, "bcd_exception", 24)
        CLASS("logic_error", ".?AVlogic_error@std@@", 1, "bcd_logic_error, bcd_exception", 24)
        CLASS("length_error", ".?AVlength_error@std@@", 2, "bcd_length_error, bcd_logic_error, bcd_exception", 24)
        CLASS("out_of_range", ".?AVout_of_range@std@@", 2, "bcd_out_of_range, bcd_logic_error, bcd_exception", 24)
        CLASS("invalid_argument", ".?AVinvalid_argument@std@@", 2,
              "bcd_invalid_argument, bcd_logic_error, bcd_exception", 24)
        CLASS("runtime_error", ".?AVruntime_error@std@@", 1, "bcd_runtime_error, bcd_exception", 24)
        CLASS("overflow_error", ".?AVoverflow_error@std@@", 2, "bcd_overflow_error, bcd_runtime_error, bcd_exception", 24)
        CLASS("bad_alloc", ".?AVbad_alloc@std@@", 1, "bcd_bad_alloc, bcd_exception", 24)
        CLASS("bad_function_call", ".?AVbad_function_call@std@@", 1, "bcd_bad_function_call, bcd_exception", 24)
        CLASS("_System_error", ".?AV_System_error@std@@", 2, "bcd__System_error, bcd_runtime_error, bcd_exception", 40)
        CLASS("system_error", ".?AVsystem_error@std@@", 3,
              "bcd_system_error, bcd__System_error, bcd_runtime_error, bcd_exception", 40)
        CLASS("regex_error", ".?AVregex_error@std@@", 2, "bcd_regex_error, bcd_runtime_error, bcd_exception", 32)
        CLASS("failure", ".?AVfailure@ios_base@std@@", 4,
              "bcd_failure, bcd_system_error, bcd__System_error, bcd_runtime_error, bcd_exception", 40)
        THROWN("length_error", 3, "ct_length_error, ct_logic_error, ct_exception")
        THROWN("out_of_range", 3, "ct_out_of_range, ct_logic_error, ct_exception")
        THROWN("invalid_argument", 3, "ct_invalid_argument, ct_logic_error, ct_exception")
        THROWN("runtime_error", 2, "ct_runtime_error, ct_exception")
        THROWN("overflow_error", 3, "ct_overflow_error, ct_runtime_error, ct_exception")
        THROWN("bad_alloc", 2, "ct_bad_alloc, ct_exception")
        THROWN("bad_function_call", 2, "ct_bad_function_call, ct_exception")
        THROWN("system_error", 4, "ct_system_error, ct__System_error, ct_runtime_error, ct_exception")
        THROWN("regex_error", 3, "ct_regex_error, ct_runtime_error, ct_exception")
        THROWN("failure", 5, "ct_failure, ct_system_error, ct__System_error, ct_runtime_error, ct_exception")
        ".text\n");

/* The type descriptors' type_info vftable (their names are what the frame handler compares). */
void *TypeInfoDelete(void *self, unsigned int flags)
{
    (void)flags;
    return self;
}

/* The catchable types' copy constructors: a copy of the message, the vftable of the type caught
 * (a catch by value of a base class slices). */
#define COPY(c) \
    extern const void *const vft_##c[]; \
    std_exception *Copy_##c(std_exception *to, const std_exception *from) \
    { \
        to->vftable = vft_##c; \
        __std_exception_copy(&from->data, &to->data); \
        return to; \
    }
COPY(exception)
COPY(logic_error)
COPY(length_error)
COPY(out_of_range)
COPY(invalid_argument)
COPY(runtime_error)
COPY(overflow_error)
COPY(bad_alloc)
COPY(bad_function_call)
#define COPY_SYSTEM(c) \
    extern const void *const vft_##c[]; \
    std_exception *Copy_##c(system_error *to, const system_error *from) \
    { \
        Copy_runtime_error(&to->base, &from->base); \
        to->base.vftable = vft_##c; \
        to->code = from->code; \
        return &to->base; \
    }
COPY_SYSTEM(_System_error)
COPY_SYSTEM(system_error)
COPY_SYSTEM(failure)

typedef struct { std_exception base; int code; } regex_error;
extern const void *const vft_regex_error[];
std_exception *Copy_regex_error(regex_error *to, const regex_error *from)
{
    Copy_runtime_error(&to->base, &from->base);
    to->base.vftable = vft_regex_error;
    to->code = from->code;
    return &to->base;
}

extern const char ti_length_error[], ti_out_of_range[], ti_invalid_argument[], ti_runtime_error[],
    ti_overflow_error[], ti_bad_alloc[], ti_bad_function_call[], ti_system_error[], ti_failure[], ti_regex_error[];
extern const void *const vft_length_error[], *const vft_out_of_range[], *const vft_invalid_argument[],
    *const vft_runtime_error[], *const vft_overflow_error[], *const vft_bad_alloc[], *const vft_bad_function_call[],
    *const vft_system_error[], *const vft_failure[];

/* exception(const char *message): the object owns a copy of the message */
static __attribute__((noreturn)) void ThrowWithMessage(const void *const *vftable, const void *info, const char *message)
{
    std_exception e = {vftable, {NULL, 0}};
    std_exception_data init = {message, 1};
    __std_exception_copy(&init, &e.data);
    _CxxThrowException(&e, info);
}

/* exception(const char *message, int): the object points at a literal it does not own */
static __attribute__((noreturn)) void ThrowLiteral(const void *const *vftable, const void *info, const char *message)
{
    std_exception e = {vftable, {message, 0}};
    _CxxThrowException(&e, info);
}

void Xbad_alloc(void) { ThrowLiteral(vft_bad_alloc, ti_bad_alloc, "bad allocation"); }
void Xbad_function_call(void) { ThrowLiteral(vft_bad_function_call, ti_bad_function_call, "bad function call"); }
void Xinvalid_argument(const char *m) { ThrowWithMessage(vft_invalid_argument, ti_invalid_argument, m); }
void Xlength_error(const char *m) { ThrowWithMessage(vft_length_error, ti_length_error, m); }
void Xout_of_range(const char *m) { ThrowWithMessage(vft_out_of_range, ti_out_of_range, m); }
void Xoverflow_error(const char *m) { ThrowWithMessage(vft_overflow_error, ti_overflow_error, m); }
void Xruntime_error(const char *m) { ThrowWithMessage(vft_runtime_error, ti_runtime_error, m); }

/* _Xregex_error(code): a regex_error (a runtime_error and its error_type) with the text for the code */
void Xregex_error(int code)
{
    static const char *const TEXT[] = {
        "regex_error(error_collate): The expression contained an invalid collating element name.",
        "regex_error(error_ctype): The expression contained an invalid character class name.",
        "regex_error(error_escape): The expression contained an invalid escaped character, or a trailing escape.",
        "regex_error(error_backref): The expression contained an invalid back reference.",
        "regex_error(error_brack): The expression contained mismatched [ and ].",
        "regex_error(error_paren): The expression contained mismatched ( and ).",
        "regex_error(error_brace): The expression contained mismatched { and }.",
        "regex_error(error_badbrace): The expression contained an invalid range in a {} expression.",
        "regex_error(error_range): The expression contained an invalid character range, such as [b-a] in most "
        "encodings.",
        "regex_error(error_space): There was insufficient memory to convert the expression into a finite state "
        "machine.",
        "regex_error(error_badrepeat): One of *?+{ was not preceded by a valid regular expression.",
        "regex_error(error_complexity): The complexity of an attempted match against a regular expression exceeded "
        "a pre-set level.",
        "regex_error(error_stack): There was insufficient memory to determine whether the regular expression could "
        "match the specified character sequence.",
        "regex_error(error_parse)", "regex_error(error_syntax)"};
    const char *text = code >= 0 && code < (int)(sizeof TEXT / sizeof TEXT[0]) ? TEXT[code] : "regex_error";
    regex_error e = {{vft_regex_error, {NULL, 0}}, code};
    std_exception_data init = {text, 1};
    __std_exception_copy(&init, &e.base.data);
    _CxxThrowException(&e, ti_regex_error);
}

/* -- generic_category() (name "generic", message(code) the errc text, _Addr 3) and
 * system_category() ("system", the system's message for a Windows error, _Addr 7) */
typedef struct { union { char buf[16]; char *ptr; } bx; size_t size, res; } std_string;
const char *Syserror_map(int code);                                      /* syserror.c */
int Winerror_map(int code);
unsigned long Winerror_message(unsigned long code, char *buf, unsigned long size);

static void *CategoryDelete(error_category *c, unsigned int flags) { (void)flags; return c; }
static const char *GenericName(const error_category *c) { (void)c; return "generic"; }

/* message(int) returns a std::string (MSVC layout: 16-byte small buffer or a heap pointer, size,
 * capacity) in the caller's slot. */
static std_string *MakeString(std_string *out, const char *text, size_t n)
{
    char *dst = out->bx.buf;
    out->res = 15;
    if (n > 15) {
        dst = out->bx.ptr = malloc(n + 1);
        out->res = n;
    }
    for (size_t i = 0; i < n; i++)
        dst[i] = text[i];
    dst[n] = 0;
    out->size = n;
    return out;
}

static std_string *GenericMessage(const error_category *c, std_string *out, int code)
{
    (void)c;
    const char *text = Syserror_map(code);
    size_t n = 0;
    while (text[n])
        n++;
    return MakeString(out, text, n);
}

static error_code *GenericCondition(const error_category *c, error_code *out, int code)
{
    out->value = code;
    out->category = c;
    return out;
}

static int GenericEquivalentCode(const error_category *c, const error_code *code, int value)
{
    return code->category == c && code->value == value;
}

static int GenericEquivalentCondition(const error_category *c, int value, const error_code *cond)
{
    return cond->category == c && cond->value == value;
}

static const void *const generic_category_vftable[] = {
    CategoryDelete, GenericName, GenericMessage, GenericCondition, GenericEquivalentCode, GenericEquivalentCondition};
static const error_category generic_category = {generic_category_vftable, 3};

static const char *SystemName(const error_category *c) { (void)c; return "system"; }

static std_string *SystemMessage(const error_category *c, std_string *out, int code)
{
    (void)c;
    char text[512];
    unsigned long n = Winerror_message((unsigned long)code, text, sizeof text);
    return n ? MakeString(out, text, n) : MakeString(out, "unknown error", 13);
}

/* a Windows error's condition: its errc in the generic category, or itself in this one */
static error_code *SystemCondition(const error_category *c, error_code *out, int code)
{
    int errc = Winerror_map(code);
    out->value = errc ? errc : code;
    out->category = errc ? &generic_category : c;
    return out;
}

static const void *const system_category_vftable[] = {
    CategoryDelete, SystemName, SystemMessage, SystemCondition, GenericEquivalentCode, GenericEquivalentCondition};
static const error_category system_category = {system_category_vftable, 7};

__attribute__((noreturn)) void Throw_Cpp_error(int code);

/* _Throw_Cpp_error(code): a system_error of the errc the STL's code stands for, its what() the
 * message, ": ", and the category's text for the code */
void Throw_Cpp_error(int code)
{
    static const int ERRC[] = {16, 22, 3, 12, 1, 36, 11};
    static const char *const TEXT[] = {"device or resource busy", "invalid argument", "no such process",
                                       "not enough memory", "operation not permitted",
                                       "resource deadlock would occur", "resource unavailable try again"};
    if (code < 0 || code > 6)
        abort();
    char what[80];
    Format(what, sizeof what, "%s: %s", TEXT[code], Syserror_map(ERRC[code]));
    system_error e = {{vft_system_error, {NULL, 0}}, {ERRC[code], &generic_category}};
    std_exception_data init = {what, 1};
    __std_exception_copy(&init, &e.base.data);
    _CxxThrowException(&e, ti_system_error);
}

/* iostream_category(): "iostream", io_errc::stream (1) is "iostream stream error", _Addr 5 */
static const char *IostreamName(const error_category *c) { (void)c; return "iostream"; }

static std_string *IostreamMessage(const error_category *c, std_string *out, int code)
{
    return code == 1 ? MakeString(out, "iostream stream error", 21) : GenericMessage(c, out, code);
}

static const void *const iostream_category_vftable[] = {
    CategoryDelete, IostreamName, IostreamMessage, GenericCondition, GenericEquivalentCode, GenericEquivalentCondition};
static const error_category iostream_category = {iostream_category_vftable, 5};

/* ios_base::failure(message): a system_error of io_errc::stream; what() is the message, ": ",
 * and the category's text */
void ThrowIosFailure(const char *message)
{
    char what[96];
    Format(what, sizeof what, "%s: iostream stream error", message);
    system_error e = {{vft_failure, {NULL, 0}}, {1, &iostream_category}};
    std_exception_data init = {what, 1};
    __std_exception_copy(&init, &e.base.data);
    _CxxThrowException(&e, ti_failure);
}

/* _XGetLastError(): a system_error of system_category() for GetLastError(); its what() is the
 * system's message for the code */
__declspec(dllimport) unsigned int WINAPI GetLastError(void);

void XGetLastError(void)
{
    int code = (int)GetLastError();
    char what[512];
    if (Winerror_message((unsigned long)code, what, sizeof what) == 0)
        Format(what, sizeof what, "unknown error");
    system_error e = {{vft_system_error, {NULL, 0}}, {code, &system_category}};
    std_exception_data init = {what, 1};
    __std_exception_copy(&init, &e.base.data);
    _CxxThrowException(&e, ti_system_error);
}

/* _Throw_C_error(result): a _Thrd_result as the exception std::thread's members throw */
void Throw_C_error(int result)
{
    switch (result) {
    case 1:                         /* _Nomem */
    case 2:                         /* _Timedout */
        Throw_Cpp_error(6);
    case 3:                         /* _Busy */
        Throw_Cpp_error(0);
    case 4:                         /* _Error */
        Throw_Cpp_error(1);
    default:
        abort();
    }
}

/* std::uncaught_exception(s): the throws in flight on this thread, which vcruntime counts */
int Uncaught_exception(void) { return __uncaught_exceptions() > 0; }
int Uncaught_exceptions(void) { return __uncaught_exceptions(); }

int Format(char *buf, size_t cap, const char *fmt, ...)
{
    __builtin_va_list ap;
    __builtin_va_start(ap, fmt);
    int n = __stdio_common_vsprintf(2 /* _CRT_INTERNAL_PRINTF_STANDARD_SNPRINTF_BEHAVIOR */, buf, cap, fmt, NULL, ap);
    __builtin_va_end(ap);
    return n;
}
