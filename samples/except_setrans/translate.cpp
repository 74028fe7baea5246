// The catching side of except_setrans, built with MSVC's /EHa tables (build.toml): translators,
// try blocks around faulting calls, __try/__finally and __except frames around them.
extern "C" void Say(const char *);
extern "C" void SayNumber(const char *, long long);
extern "C" void FaultAccess(void);
extern "C" int Divide(int, int);
extern "C" void RaiseCustom(unsigned int);
extern "C" void RunThread(void);
extern "C" long long EhsCatchAll(void);

// <windows.h>'s and <eh.h>'s parts used here.
struct ExceptionRecord { unsigned int ExceptionCode, ExceptionFlags; ExceptionRecord *Next; void *Address;
                         unsigned int NumberParameters; unsigned long long Information[15]; };
struct ExceptionPointers { ExceptionRecord *ExceptionRecord; void *ContextRecord; };
typedef void (*se_translator_function)(unsigned int, ExceptionPointers *);
extern "C" se_translator_function _set_se_translator(se_translator_function);
extern "C" unsigned long _exception_code(void);

const unsigned int CUSTOM_CODE = 0xE0001234;

struct SE_Exception {
    unsigned int code;
    explicit SE_Exception(unsigned int c) : code(c) {}
    ~SE_Exception() {}
};

static int translator_calls;

static void Translate(unsigned int code, ExceptionPointers *pointers)
{
    translator_calls++;
    SayNumber("  translator: code ", code);
    if (pointers->ExceptionRecord->ExceptionCode != code || pointers->ContextRecord == nullptr)
        Say("  translator: the EXCEPTION_POINTERS do not describe it\n");
    throw SE_Exception(code);
}

static void Decline(unsigned int code, ExceptionPointers *)
{
    translator_calls++;
    SayNumber("  declining translator: code ", code);
}

static void Fault(int kind)
{
    if (kind == 0)
        FaultAccess();
    else if (kind == 1)
        SayNumber("not reached: quotient ", Divide(1, 0));
    else
        RaiseCustom(CUSTOM_CODE);
}

struct Noisy {
    const char *name;
    explicit Noisy(const char *n) : name(n) {}
    ~Noisy() { Say("  ~Noisy "); Say(name); Say("\n"); }
};

// Frames between the fault and the catch: a __finally, a destructor (two functions: MSVC
// refuses __try in a function with objects to destroy).
static __attribute__((noinline)) void FinallyAround(int kind)
{
    __try {
        Fault(kind);
    } __finally {
        Say("  __finally in FinallyAround\n");
    }
}

static __attribute__((noinline)) void Between(int kind)
{
    Noisy n("in Between");
    FinallyAround(kind);
}

static long long CatchTranslated(int kind)
{
    try {
        Between(kind);
        Say("not reached\n");
    } catch (SE_Exception &e) {
        SayNumber("caught SE_Exception with code ", e.code);
        return e.code;
    }
    return 0;
}

// The translator returns: catch(...) takes the structured exception.
static long long CatchAllAfterDecline(void)
{
    try {
        FaultAccess();
    } catch (SE_Exception &) {
        Say("not reached: an SE_Exception\n");
    } catch (...) {
        Say("catch(...) took the structured exception\n");
        return 1;
    }
    return 0;
}

// A try block without catch(...): a declined exception goes on.
static __attribute__((noinline)) long long NoEllipsis(void)
{
    try {
        FaultAccess();
    } catch (SE_Exception &) {
        Say("not reached: NoEllipsis caught it\n");
    }
    return 0;
}

static __attribute__((noinline)) long long TwoFrames(void)
{
    try {
        NoEllipsis();
    } catch (SE_Exception &) {
        Say("not reached: TwoFrames caught it\n");
    }
    return 0;
}

// The translation is of a type the inner frame does not catch: dropped there, the outer frame's
// translation is caught.
static __attribute__((noinline)) long long CatchesIntOnly(void)
{
    try {
        FaultAccess();
    } catch (int) {
        Say("not reached: an int\n");
    }
    return 0;
}

static long long OuterCatch(void)
{
    try {
        CatchesIntOnly();
    } catch (SE_Exception &e) {
        SayNumber("the outer frame caught SE_Exception with code ", e.code);
        return 2;
    }
    return 0;
}

// `throw;` in a catch(...) of a structured exception raises it again.
static __attribute__((noinline)) long long RethrowCatchAll(void)
{
    try {
        FaultAccess();
    } catch (...) {
        Say("catch(...) got it: throw;\n");
        throw;
    }
    return 0;
}

static __attribute__((noinline)) void ThrowInt(int v) { throw v; }

static long long CxxThrow(void)
{
    try {
        ThrowInt(5);
    } catch (int v) {
        SayNumber("caught int ", v);
        return v;
    }
    return 0;
}

// `throw;` in the catch of a translation: the access violation again, translated again for the
// outer try block.
static long long RethrowTranslation(void)
{
    try {
        try {
            FaultAccess();
        } catch (SE_Exception &e) {
            SayNumber("inner catch got SE_Exception with code ", e.code);
            throw;
        }
    } catch (SE_Exception &e) {
        SayNumber("outer catch got SE_Exception with code ", e.code);
        return 3;
    }
    return 0;
}

static void ExceptAround(const char *what, long long (*fn)(void))
{
    __try {
        fn();
        Say("not reached: returned\n");
    } __except (SayNumber("  __except filter: code ", _exception_code()), 1) {
        Say("__except took it: ");
        Say(what);
        Say("\n");
    }
}

extern "C" void SecondThread(void)
{
    se_translator_function old = _set_se_translator(Decline);
    SayNumber("second thread: its first _set_se_translator returned null: ", old == nullptr);
    _set_se_translator(nullptr);
    try {
        FaultAccess();
    } catch (SE_Exception &) {
        Say("not reached: the second thread translated\n");
    } catch (...) {
        Say("second thread: no translator, catch(...) took the access violation\n");
    }
    _set_se_translator(Decline);        // its own; the first thread's stays
}

extern "C" void RunAll(void)
{
    Say("-- install\n");
    se_translator_function first = _set_se_translator(Translate);
    SayNumber("the first _set_se_translator returned null: ", first == nullptr);
    static const char *const kinds[] = {"access violation", "integer divide by zero", "RaiseException"};
    for (int kind = 0; kind < 3; kind++) {
        Say("-- ");
        Say(kinds[kind]);
        Say("\n");
        SayNumber("CatchTranslated returned ", CatchTranslated(kind));
    }
    Say("-- the translation is not caught by the inner frame\n");
    SayNumber("OuterCatch returned ", OuterCatch());
    Say("-- a C++ throw\n");
    translator_calls = 0;
    SayNumber("CxxThrow returned ", CxxThrow());
    SayNumber("translator calls ", translator_calls);
    Say("-- rethrow in the catch of a translation\n");
    SayNumber("RethrowTranslation returned ", RethrowTranslation());
    Say("-- a /EHs frame\n");
    translator_calls = 0;
    ExceptAround("EhsCatchAll", EhsCatchAll);
    SayNumber("translator calls ", translator_calls);

    Say("-- replace the translator\n");
    se_translator_function was = _set_se_translator(Decline);
    SayNumber("replacing returned the first: ", was == Translate);
    Say("-- the translator returns\n");
    SayNumber("CatchAllAfterDecline returned ", CatchAllAfterDecline());
    translator_calls = 0;
    ExceptAround("TwoFrames", TwoFrames);
    SayNumber("translator calls ", translator_calls);
    ExceptAround("RethrowCatchAll", RethrowCatchAll);
    se_translator_function replaced = _set_se_translator(was);
    SayNumber("restoring returned the replacement: ", replaced == Decline);

    Say("-- a second thread\n");
    RunThread();
    se_translator_function mine = _set_se_translator(Translate);
    SayNumber("the first thread's translator is still Translate: ", mine == Translate);
    SayNumber("CatchTranslated returned ", CatchTranslated(0));
}

extern "C" void Unhandled(void)
{
    Say("-- nothing catches a declined access violation\n");
    _set_se_translator(Decline);
    NoEllipsis();
    Say("not reached\n");
}
