// What the Microsoft STL's headers declare for the code in core.cpp, with the STL's class layouts
// and names (so clang's MSVC-ABI decoration gives the names msvcp140.dll exports), and inline code
// doing what the headers' inline code does: the sentries, the character inserters and extractors,
// std::endl, use_facet, std::mutex / condition_variable / thread over the _Mtx/_Cnd/_Thrd entry
// points, std::exception_ptr. Only what core.cpp uses; no MSVC headers exist here.
#pragma once
#define MSVCP __declspec(dllimport)

typedef unsigned long long size_t;
inline void *operator new(size_t, void *where) noexcept { return where; }
extern "C" void *__cdecl malloc(size_t);
extern "C" void __cdecl free(void *);

namespace std {
using streamsize = long long;

// -- <vcruntime_exception.h>, <stdexcept>, <new>, <functional>: the exception classes (inline)
struct __std_exception_data { const char *_What; bool _DoFree; };
}
extern "C" void __cdecl __std_exception_copy(const std::__std_exception_data *, std::__std_exception_data *);
extern "C" void __cdecl __std_exception_destroy(std::__std_exception_data *);
namespace std {
class exception {
public:
    exception() noexcept : _Data() {}
    explicit exception(const char *message) noexcept : _Data()
    {
        __std_exception_data init = {message, true};
        __std_exception_copy(&init, &_Data);
    }
    exception(const exception &other) noexcept : _Data() { __std_exception_copy(&other._Data, &_Data); }
    virtual ~exception() noexcept { __std_exception_destroy(&_Data); }
    virtual const char *what() const { return _Data._What ? _Data._What : "Unknown exception"; }
private:
    __std_exception_data _Data;
};
class logic_error : public exception { public: explicit logic_error(const char *m) : exception(m) {} };
class length_error : public logic_error { public: explicit length_error(const char *m) : logic_error(m) {} };
class out_of_range : public logic_error { public: explicit out_of_range(const char *m) : logic_error(m) {} };
class invalid_argument : public logic_error { public: explicit invalid_argument(const char *m) : logic_error(m) {} };
class runtime_error : public exception { public: explicit runtime_error(const char *m) : exception(m) {} };
class overflow_error : public runtime_error { public: explicit overflow_error(const char *m) : runtime_error(m) {} };
class bad_alloc : public exception { public: bad_alloc() noexcept : exception() {} };
class bad_function_call : public exception { public: bad_function_call() noexcept {} };

// <regex>: regex_error, a runtime_error and its code
namespace regex_constants { enum error_type { error_collate, error_ctype, error_escape, error_backref, error_brack,
                                              error_paren }; }
class regex_error : public runtime_error { public: regex_constants::error_type _Err; };

// <system_error>: an error_code is a value and its category (a polymorphic singleton)
class error_category {
public:
    virtual ~error_category() noexcept {}
    virtual const char *name() const noexcept = 0;
    virtual void *message_unused(int) const = 0;        // returns std::string in the STL; not called here
    size_t _Addr;
};
struct error_code { int _Myval; const error_category *_Mycat; };
class _System_error : public runtime_error { public: error_code _Mycode; };
class system_error : public _System_error {};

// -- <xthrow>, <exception>: the throwers and the exception_ptr entry points
[[noreturn]] MSVCP void __cdecl _Xbad_alloc();
[[noreturn]] MSVCP void __cdecl _Xinvalid_argument(const char *);
[[noreturn]] MSVCP void __cdecl _Xlength_error(const char *);
[[noreturn]] MSVCP void __cdecl _Xout_of_range(const char *);
[[noreturn]] MSVCP void __cdecl _Xoverflow_error(const char *);
[[noreturn]] MSVCP void __cdecl _Xruntime_error(const char *);
[[noreturn]] MSVCP void __cdecl _Xbad_function_call();
[[noreturn]] MSVCP void __cdecl _Xregex_error(regex_constants::error_type);
[[noreturn]] MSVCP void __cdecl _Throw_Cpp_error(int);
[[noreturn]] MSVCP void __cdecl _XGetLastError();
MSVCP const char *__cdecl _Syserror_map(int);
MSVCP int __cdecl _Winerror_map(int);
MSVCP unsigned int __cdecl _Random_device();
MSVCP bool __cdecl uncaught_exception() noexcept;
MSVCP int __cdecl uncaught_exceptions() noexcept;
}

MSVCP void __cdecl __ExceptionPtrCreate(void *) noexcept;
MSVCP void __cdecl __ExceptionPtrDestroy(void *) noexcept;
MSVCP void __cdecl __ExceptionPtrCopy(void *, const void *) noexcept;
MSVCP void __cdecl __ExceptionPtrAssign(void *, const void *) noexcept;
MSVCP bool __cdecl __ExceptionPtrCompare(const void *, const void *) noexcept;
MSVCP bool __cdecl __ExceptionPtrToBool(const void *) noexcept;
MSVCP void __cdecl __ExceptionPtrSwap(void *, void *) noexcept;
MSVCP void __cdecl __ExceptionPtrCurrentException(void *) noexcept;
[[noreturn]] MSVCP void __cdecl __ExceptionPtrRethrow(const void *);
MSVCP void __cdecl __ExceptionPtrCopyException(void *, const void *, const void *) noexcept;

namespace std {
// exception_ptr: a shared_ptr<const EXCEPTION_RECORD> (two pointers), all through the entry points
class exception_ptr {
public:
    exception_ptr() noexcept { __ExceptionPtrCreate(this); }
    exception_ptr(const exception_ptr &o) noexcept { __ExceptionPtrCopy(this, &o); }
    ~exception_ptr() noexcept { __ExceptionPtrDestroy(this); }
    exception_ptr &operator=(const exception_ptr &o) noexcept { __ExceptionPtrAssign(this, &o); return *this; }
    explicit operator bool() const noexcept { return __ExceptionPtrToBool(this); }
    friend bool operator==(const exception_ptr &a, const exception_ptr &b) noexcept { return __ExceptionPtrCompare(&a, &b); }
    static exception_ptr _Current_exception() noexcept { exception_ptr r; __ExceptionPtrCurrentException(&r); return r; }
    [[noreturn]] void _Rethrow() const { __ExceptionPtrRethrow(this); }
    void *_Data1, *_Data2;
};
inline exception_ptr current_exception() noexcept { return exception_ptr::_Current_exception(); }
[[noreturn]] inline void rethrow_exception(exception_ptr p) { p._Rethrow(); }
}

// -- <xthreads.h>, <mutex>, <condition_variable>, <thread>: the C entry points and the objects
extern "C" {
struct _Thrd_t { void *_Hnd; unsigned int _Id; };
struct _Stl_critical_section { void *_Unused; void *_M_srw_lock; };
struct _Mtx_internal_imp_t {
    int _Type;
    union { _Stl_critical_section _Critical_section; alignas(void *) unsigned char _Cs_storage[64]; };
    long _Thread_id;
    int _Count;
};
struct _Cnd_internal_imp_t { union { struct { void *_Unused, *_Win_cv; } _Stl_cv; alignas(void *) unsigned char _Cv_storage[72]; }; };
struct _timespec64 { long long tv_sec; long tv_nsec; };
MSVCP int __cdecl _Mtx_lock(_Mtx_internal_imp_t *) noexcept;
MSVCP int __cdecl _Mtx_trylock(_Mtx_internal_imp_t *) noexcept;
MSVCP int __cdecl _Mtx_unlock(_Mtx_internal_imp_t *) noexcept;
MSVCP int __cdecl _Mtx_current_owns(_Mtx_internal_imp_t *) noexcept;
MSVCP int __cdecl _Mtx_init(_Mtx_internal_imp_t **, int) noexcept;
MSVCP void __cdecl _Mtx_destroy(_Mtx_internal_imp_t *) noexcept;
MSVCP int __cdecl _Cnd_wait(_Cnd_internal_imp_t *, _Mtx_internal_imp_t *) noexcept;
MSVCP int __cdecl _Cnd_timedwait(_Cnd_internal_imp_t *, _Mtx_internal_imp_t *, const _timespec64 *) noexcept;
MSVCP int __cdecl _Cnd_signal(_Cnd_internal_imp_t *) noexcept;
MSVCP int __cdecl _Cnd_broadcast(_Cnd_internal_imp_t *) noexcept;
MSVCP int __cdecl _Thrd_join(_Thrd_t, int *) noexcept;
MSVCP int __cdecl _Thrd_create(_Thrd_t *, int (*)(void *), void *) noexcept;
MSVCP int __cdecl _Cnd_init(_Cnd_internal_imp_t **) noexcept;
MSVCP void __cdecl _Cnd_destroy(_Cnd_internal_imp_t *) noexcept;
MSVCP int __cdecl _Thrd_detach(_Thrd_t) noexcept;
MSVCP unsigned int __cdecl _Thrd_id() noexcept;
MSVCP void __cdecl _Thrd_yield() noexcept;
MSVCP void __cdecl _Thrd_sleep(const _timespec64 *) noexcept;
MSVCP unsigned int __cdecl _Thrd_hardware_concurrency() noexcept;
MSVCP long long __cdecl _Query_perf_counter() noexcept;
MSVCP long long __cdecl _Query_perf_frequency() noexcept;
MSVCP long long __cdecl _Xtime_get_ticks() noexcept;
MSVCP void __cdecl _Cnd_register_at_thread_exit(_Cnd_internal_imp_t *, _Mtx_internal_imp_t *, int *) noexcept;
MSVCP void __cdecl _Cnd_do_broadcast_at_thread_exit() noexcept;
__declspec(dllimport) void __stdcall SetLastError(unsigned int);
__declspec(dllimport) size_t __cdecl _beginthreadex(void *, unsigned, unsigned(__stdcall *)(void *), void *, unsigned, unsigned *);
}

namespace std {
// std::mutex as the STL's constexpr constructor makes it: _Mtx_plain, an all-zero (free) SRW lock
class mutex {
public:
    constexpr mutex() noexcept : _Mtx{0x2 /* _Mtx_try, as _Mutex_base makes it */, {}, -1, 0} {}
    void lock() { if (_Mtx_lock(&_Mtx) != 0) _Throw_Cpp_error(5); }
    bool try_lock() noexcept { return _Mtx_trylock(&_Mtx) == 0; }
    void unlock() noexcept { _Mtx_unlock(&_Mtx); }
    _Mtx_internal_imp_t _Mtx;
};
class recursive_mutex {
public:
    constexpr recursive_mutex() noexcept : _Mtx{0x102 /* _Mtx_recursive | _Mtx_try */, {}, -1, 0} {}
    void lock() { _Mtx_lock(&_Mtx); }
    bool try_lock() noexcept { return _Mtx_trylock(&_Mtx) == 0; }
    void unlock() noexcept { _Mtx_unlock(&_Mtx); }
    _Mtx_internal_imp_t _Mtx;
};
class condition_variable {
public:
    friend void notify_all_at_thread_exit(condition_variable &, mutex &);
    constexpr condition_variable() noexcept : _Cnd{} {}
    void wait(mutex &m) { _Cnd_wait(&_Cnd, &m._Mtx); }
    void notify_one() noexcept { _Cnd_signal(&_Cnd); }
    void notify_all() noexcept { _Cnd_broadcast(&_Cnd); }
    _Cnd_internal_imp_t _Cnd;
};
// notify_all_at_thread_exit(cond, locked mutex): the mutex stays locked until the thread ends
inline void notify_all_at_thread_exit(condition_variable &c, mutex &m) { _Cnd_register_at_thread_exit(&c._Cnd, &m._Mtx, nullptr); }
// call_once: the once_flag is an INIT_ONCE; the callback gets the callable
struct once_flag { void *_Opaque = nullptr; };
MSVCP int __cdecl _Execute_once(once_flag &, int(__stdcall *)(void *, void *, void **), void *) noexcept;
template <class F> void call_once(once_flag &flag, F f)
{
    _Execute_once(flag, [](void *, void *p, void **) -> int { (*static_cast<F *>(p))(); return 1; }, &f);
}
// std::thread: the callable on the heap, started by _beginthreadex, joined by _Thrd_join
class thread {
public:
    template <class F> explicit thread(F f)
    {
        F *copy = new (malloc(sizeof(F))) F(f);
        _Thr._Hnd = (void *)_beginthreadex(nullptr, 0, &Invoke<F>, copy, 0, &_Thr._Id);
    }
    void join() { if (_Thrd_join(_Thr, nullptr) != 0) _Throw_Cpp_error(2); _Thr = {}; }
    unsigned int get_id() const noexcept { return _Thr._Id; }
private:
    template <class F> static unsigned __stdcall Invoke(void *p)
    {
        F *f = static_cast<F *>(p);
        (*f)();
        f->~F();
        free(f);
        _Cnd_do_broadcast_at_thread_exit();
        return 0;
    }
    _Thrd_t _Thr;
};
}

// -- <xlocale>: locale, its facets and ids, the lock use_facet takes
namespace std {
enum { _LOCK_LOCALE = 0, _LOCK_STREAM = 2 };
class MSVCP _Lockit {
public:
    explicit __thiscall _Lockit(int) noexcept;
    __thiscall ~_Lockit() noexcept;
private:
    int _Locktype;
};
class _Facet_base {
public:
    virtual ~_Facet_base() noexcept {}
    virtual void _Incref() noexcept = 0;
    virtual _Facet_base *_Decref() noexcept = 0;
};
class locale {
public:
    class MSVCP id {
    public:
        operator size_t();
        size_t _Id;
    };
    class MSVCP facet : public _Facet_base {
    public:
        void _Incref() noexcept override;
        _Facet_base *_Decref() noexcept override;
        unsigned long _Myrefs;
    protected:
        explicit facet(size_t refs = 0) noexcept : _Myrefs(static_cast<unsigned long>(refs)) {}
        ~facet() noexcept override {}
    };
    class MSVCP _Locimp : public facet {
    public:
        facet **_Facetvec;
        size_t _Facetcount;
        int _Catmask;
        bool _Xparent;
        struct { char *_Myptr; char _Nul; } _Name;
    private:
        friend locale;
        static _Locimp *__cdecl _New_Locimp(bool = false);
        static _Locimp *__cdecl _New_Locimp(const _Locimp &);
        static void __cdecl _Locimp_Addfac(_Locimp *, facet *, size_t);
        static _Locimp *__cdecl _Makeloc(const class _Locinfo &, int, _Locimp *, const locale *);
    };
    locale() noexcept : _Ptr(_Init(true)) {}
    using category = int;
    static constexpr category none = 0, collate = 1, ctype = 2, monetary = 4, numeric = 8, time = 16, messages = 32,
                              all = 63;
    explicit locale(const char *, category = all);         // after _Locinfo, below
    const char *_C_str() const noexcept { return _Ptr ? _Ptr->_Name._Myptr : ""; }
    locale(const locale &o) noexcept : _Ptr(o._Ptr) { _Ptr->_Incref(); }
    // locale(other, f): a copy of other's _Locimp with f at its id, unnamed ("*")
    template <class F> locale(const locale &o, const F *f) : _Ptr(_Locimp::_New_Locimp(*o._Ptr))
    {
        if (f) {
            _Locimp::_Locimp_Addfac(_Ptr, const_cast<F *>(f), F::id);
            _Ptr->_Catmask = 0;
            free(_Ptr->_Name._Myptr);
            _Ptr->_Name._Myptr = static_cast<char *>(malloc(2));
            _Ptr->_Name._Myptr[0] = '*';
            _Ptr->_Name._Myptr[1] = 0;
        }
    }
    MSVCP static const locale &__cdecl classic();
    MSVCP static locale __cdecl global(const locale &);
    ~locale() noexcept { if (_Ptr) delete_facet(_Ptr->_Decref()); }
    const facet *_Getfacet(size_t i) const
    {
        const facet *f = i < _Ptr->_Facetcount ? _Ptr->_Facetvec[i] : nullptr;
        if (f || !_Ptr->_Xparent)
            return f;
        const _Locimp *g = _Getgloballocale();
        return i < g->_Facetcount ? g->_Facetvec[i] : nullptr;
    }
    _Locimp *_Ptr;
private:
    MSVCP static _Locimp *__cdecl _Getgloballocale();
    MSVCP static _Locimp *__cdecl _Init(bool);
    static void delete_facet(_Facet_base *f) { if (f) delete f; }   // the scalar deleting destructor
};
MSVCP void __cdecl _Facet_Register(_Facet_base *);
struct ctype_base : locale::facet {
    enum { space = 0x48, digit = 0x4, alpha = 0x103 };
};
template <class E> class ctype;
template <> class MSVCP ctype<char> : public ctype_base {
public:
    bool is(short mask, char c) const { return (_Ctype._Table[(unsigned char)c] & mask) != 0; }
    char widen(char c) const { return do_widen(c); }
    char toupper(char c) const { return do_toupper(c); }
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    static locale::id id;
protected:
    virtual ~ctype() noexcept;
    virtual char do_tolower(char) const;
    virtual const char *do_tolower(char *, const char *) const;
    virtual char do_toupper(char) const;
    virtual const char *do_toupper(char *, const char *) const;
    virtual char do_widen(char) const;
    virtual const char *do_widen(const char *, const char *, char *) const;
    virtual char do_narrow(char, char) const;
    virtual const char *do_narrow(const char *, const char *, char, char *) const;
    struct { unsigned int _Page; const short *_Table; int _Delfl; wchar_t *_LocaleName; } _Ctype;
};
template <> class MSVCP ctype<wchar_t> : public ctype_base {
public:
    bool is(short mask, wchar_t c) const { return do_is(mask, c); }
    wchar_t widen(char c) const { return do_widen(c); }
    char narrow(wchar_t c, char dflt = 0) const { return do_narrow(c, dflt); }
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    static locale::id id;
protected:
    virtual ~ctype() noexcept;
    virtual bool do_is(short, wchar_t) const;
    virtual const wchar_t *do_is(const wchar_t *, const wchar_t *, short *) const;
    virtual const wchar_t *do_scan_is(short, const wchar_t *, const wchar_t *) const;
    virtual const wchar_t *do_scan_not(short, const wchar_t *, const wchar_t *) const;
    virtual wchar_t do_tolower(wchar_t) const;
    virtual const wchar_t *do_tolower(wchar_t *, const wchar_t *) const;
    virtual wchar_t do_toupper(wchar_t) const;
    virtual const wchar_t *do_toupper(wchar_t *, const wchar_t *) const;
    virtual wchar_t do_widen(char) const;
    virtual const char *do_widen(const char *, const char *, wchar_t *) const;
    virtual char do_narrow(wchar_t, char) const;
    virtual const wchar_t *do_narrow(const wchar_t *, const wchar_t *, char, char *) const;
    struct { unsigned int _Page; const short *_Table; int _Delfl; wchar_t *_LocaleName; } _Ctype;
    struct { unsigned int _Page, _Mbcurmax; int _Isclocale; unsigned char _Isleadbyte[32]; } _Cvt;
};
}
// <xlocinfo.h>, <locale.h>: the conversion vector _Getcvt gives, _Mbrtowc, the UCRT's lconv
struct _Cvtvec { unsigned int _Page, _Mbcurmax; int _Isclocale; unsigned char _Isleadbyte[32]; };
struct _Mbstatet;
extern "C" {
MSVCP _Cvtvec __cdecl _Getcvt() noexcept;
MSVCP int __cdecl _Mbrtowc(wchar_t *, const char *, size_t, _Mbstatet *, const _Cvtvec *);
struct lconv {
    char *decimal_point, *thousands_sep, *grouping, *int_curr_symbol, *currency_symbol, *mon_decimal_point,
        *mon_thousands_sep, *mon_grouping, *positive_sign, *negative_sign;
    char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space, n_cs_precedes, n_sep_by_space, p_sign_posn,
        n_sign_posn;
    wchar_t *_W_decimal_point, *_W_thousands_sep, *_W_int_curr_symbol, *_W_currency_symbol, *_W_mon_decimal_point,
        *_W_mon_thousands_sep, *_W_positive_sign, *_W_negative_sign;
};
__declspec(dllimport) lconv *__cdecl localeconv();
void *__cdecl calloc(size_t, size_t);
}
namespace std {
// -- <xlocinfo>: _Yarn (a malloc'd string), _Locinfo (the lock, the day and month names, the old
// and new locale names): its constructor sets the C locale it names for the categories asked
// for, its destructor sets the old one back
template <class E> struct _Yarn {
    ~_Yarn() noexcept { if (_Myptr) free(_Myptr); }
    E *_Myptr;
    E _Nul;
};
// _Timevec: owns the C runtime's _Gettnames block (the members msvcp140's; a copy takes it over)
class MSVCP _Timevec {
public:
    explicit _Timevec(void * = nullptr);
    _Timevec(const _Timevec &);
    ~_Timevec() noexcept;
    _Timevec &operator=(const _Timevec &);
    void *_Getptr() const;
private:
    void *_Timeptr;
};
class MSVCP _Locinfo {
public:
    static void __cdecl _Locinfo_ctor(_Locinfo *, const char *);
    static void __cdecl _Locinfo_ctor(_Locinfo *, int, const char *);
    static void __cdecl _Locinfo_dtor(_Locinfo *);
    _Locinfo(const char *p = "C") : _Lock(_LOCK_LOCALE), _Days(), _Months(), _W_Days(), _W_Months(), _Oldlocname(),
                                    _Newlocname()
    {
        if (p) {
            _Locinfo_ctor(this, p);
            return;
        }
        _Xruntime_error("bad locale name");
    }
    _Locinfo(int cat, const char *p) : _Lock(_LOCK_LOCALE), _Days(), _Months(), _W_Days(), _W_Months(),
                                       _Oldlocname(), _Newlocname()
    {
        if (p) {
            _Locinfo_ctor(this, cat, p);
            return;
        }
        _Xruntime_error("bad locale name");
    }
    ~_Locinfo() noexcept { _Locinfo_dtor(this); }
    const char *_Getname() const { return _Newlocname._Myptr ? _Newlocname._Myptr : ""; }
    _Cvtvec _Getcvt() const { return ::_Getcvt(); }
    const lconv *_Getlconv() const { return localeconv(); }
    const char *_Getfalse() const { return "false"; }
    const char *_Gettrue() const { return "true"; }
    _Timevec _Gettnames() const;
    _Timevec _W_Gettnames() const;
    _Lockit _Lock;
    _Yarn<char> _Days, _Months;
    _Yarn<wchar_t> _W_Days, _W_Months;
    _Yarn<char> _Oldlocname, _Newlocname;
};
extern "C" int __cdecl strcmp(const char *, const char *);
extern "C" size_t __cdecl strlen(const char *);
// locale(name, cat): a new _Locimp made by _Makeloc under a _Locinfo of the name; "bad locale name"
// (runtime_error) when the C runtime has no such locale
inline locale::locale(const char *name, category cat) : _Ptr(_Locimp::_New_Locimp())
{
    if (!name)
        _Xruntime_error("bad locale name");
    bool bad = false;
    _Init(false);
    if (cat != none) {
        _Locinfo lobj(cat, name);
        if (strcmp(lobj._Getname(), "*") == 0) {
            bad = true;
        } else {
            _Locimp::_Makeloc(lobj, cat, _Ptr, nullptr);
            _Ptr->_Catmask = cat;
            free(_Ptr->_Name._Myptr);
            size_t n = strlen(name) + 1;
            _Ptr->_Name._Myptr = static_cast<char *>(malloc(n));
            for (size_t i = 0; i < n; i++)
                _Ptr->_Name._Myptr[i] = name[i];
        }
    }
    if (bad) {
        delete_facet(_Ptr->_Decref());
        _Xruntime_error("bad locale name");
    }
}

// codecvt: codecvt_base's three virtuals, then in, out, unshift and length (the char and wchar_t
// instantiations are msvcp140's)
}
struct _Mbstatet { unsigned long _Wchar; unsigned short _Byte, _State; };
namespace std {
class codecvt_base : public locale::facet {
public:
    enum result { ok, partial, error, noconv };
    bool always_noconv() const noexcept { return do_always_noconv(); }
    int max_length() const noexcept { return do_max_length(); }
    int encoding() const noexcept { return do_encoding(); }
protected:
    virtual bool do_always_noconv() const noexcept;
    virtual int do_max_length() const noexcept;
    virtual int do_encoding() const noexcept;
};
template <class E, class B, class S> class codecvt : public codecvt_base {
public:
    result in(S &st, const B *f1, const B *l1, const B *&m1, E *f2, E *l2, E *&m2) const
    {
        return do_in(st, f1, l1, m1, f2, l2, m2);
    }
    result out(S &st, const E *f1, const E *l1, const E *&m1, B *f2, B *l2, B *&m2) const
    {
        return do_out(st, f1, l1, m1, f2, l2, m2);
    }
    result unshift(S &st, B *f2, B *l2, B *&m2) const { return do_unshift(st, f2, l2, m2); }
    int length(S &st, const B *f1, const B *l1, size_t n) const { return do_length(st, f1, l1, n); }
    explicit codecvt(size_t refs = 0);
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    static locale::id id;
protected:
    virtual ~codecvt() noexcept;
    virtual result do_in(S &, const B *, const B *, const B *&, E *, E *, E *&) const;
    virtual result do_out(S &, const E *, const E *, const E *&, B *, B *, B *&) const;
    virtual result do_unshift(S &, B *, B *, B *&) const;
    virtual int do_length(S &, const B *, const B *, size_t) const;
};
extern template class MSVCP codecvt<char, char, _Mbstatet>;
extern template class MSVCP codecvt<wchar_t, char, _Mbstatet>;

// use_facet<F>: under the locale lock, the facet at the id's index, else one _Getcat makes (kept
// for the process: counted, registered with _Facet_Register, remembered in a static)
template <class F> struct _Facetptr { static const locale::facet *_Psave; };
template <class F> const locale::facet *_Facetptr<F>::_Psave = nullptr;
template <class F> const F &use_facet(const locale &loc)
{
    _Lockit lock(_LOCK_LOCALE);
    const locale::facet *save = _Facetptr<F>::_Psave;
    const size_t id = F::id;
    const locale::facet *f = loc._Getfacet(id);
    if (!f) {
        if (save) {
            f = save;
        } else if (F::_Getcat(&save, &loc) != (size_t)-1) {
            locale::facet *mod = const_cast<locale::facet *>(save);
            mod->_Incref();
            _Facet_Register(mod);
            _Facetptr<F>::_Psave = save;
            f = save;
        }
    }
    return *static_cast<const F *>(f);
}
// has_facet<F>: in the locale, or a standard facet _Getcat knows
template <class F> bool has_facet(const locale &loc) noexcept
{
    _Lockit lock(_LOCK_LOCALE);
    return loc._Getfacet(F::id) || F::_Getcat(nullptr, nullptr) != (size_t)-1;
}

// -- <xiosbase>, <ios>, <streambuf>, <ostream>, <istream>: the stream classes (the templates and
// their char and wchar_t instantiations, exported by msvcp140)
template <class E> struct char_traits;
template <> struct char_traits<char> {
    using int_type = int;
    static int_type eof() { return -1; }
    static int_type to_int_type(char c) { return (unsigned char)c; }
};
template <> struct char_traits<wchar_t> {
    using int_type = unsigned short;
    static int_type eof() { return 0xFFFF; }
    static int_type to_int_type(wchar_t c) { return c; }
};
class MSVCP ios_base {
public:
    enum { skipws = 1, unitbuf = 2, left = 0x40, right = 0x80, adjustfield = 0x1c0, dec = 0x200, hex = 0x800,
           basefield = 0xe00, showbase = 8, uppercase = 4, fixed = 0x2000, scientific = 0x1000 };
    enum { goodbit = 0, eofbit = 1, failbit = 2, badbit = 4 };
    using openmode = int;
    enum { in = 0x01, out = 0x02, ate = 0x04, app = 0x08, trunc = 0x10, binary = 0x20, _Nocreate = 0x40,
           _Noreplace = 0x80 };
    using seekdir = int;
    enum _Seekdir { beg = 0, cur = 1, end = 2 };
    static constexpr int _Default_open_prot = 0x40;   // _SH_DENYNO
    class MSVCP Init { public: Init(); ~Init() noexcept; };
    class failure : public system_error {};
    void exceptions(int);
    explicit operator bool() const;
    bool operator!() const;
    bool good() const;
    bool eof() const;
    bool fail() const;
    bool bad() const;
    int rdstate() const;
    int flags() const;
    int flags(int);
    streamsize width() const;
    streamsize width(streamsize);
    streamsize precision(streamsize);
    int setf(int, int);
    locale getloc() const;
    locale imbue(const locale &);
    virtual ~ios_base() noexcept;
    size_t _Stdstr;
    int _Mystate, _Except, _Fmtfl;
    streamsize _Prec, _Wide;
    void *_Arr, *_Calls;
    locale *_Ploc;
};
template <class E, class T> class basic_ostream;
enum _Uninitialized { _Noinit };
template <class S> class fpos {
public:
    fpos(long long off = 0) : _Myoff(off), _Fpos(0), _Mystate() {}
    fpos(S state, long long filepos) : _Myoff(0), _Fpos(filepos), _Mystate(state) {}
    operator long long() const { return _Myoff + _Fpos; }   // the streamoff
    long long _Myoff, _Fpos;
    S _Mystate;
};
template <class E, class T> class MSVCP basic_streambuf {
protected:
    basic_streambuf();
    void setp(E *, E *);
    void setg(E *, E *, E *);
    E *pbase() const;
    E *pptr() const;
    E *epptr() const;
    E *eback() const;
    E *gptr() const;
    E *egptr() const;
    void gbump(int);
    void pbump(int);
    void _Init();
    void _Init(E **, E **, int *, E **, E **, int *);
    E *_Pninc();
    E *_Gninc();
    E *_Gndec();
    streamsize _Gnavail() const;
    streamsize _Pnavail() const;
public:
    locale getloc() const;
    locale pubimbue(const locale &);
    using int_type = typename T::int_type;
    virtual ~basic_streambuf() noexcept;
    int_type sputc(E);
    streamsize sputn(const E *, streamsize);
    int_type sgetc() { return _IGnext && *_IGnext && 0 < *_IGcount ? T::to_int_type(**_IGnext) : underflow(); }
    int_type snextc()
    {
        if (_IGnext && *_IGnext && 1 < *_IGcount) {
            --*_IGcount;
            return T::to_int_type(*++*_IGnext);
        }
        return sbumpc() == T::eof() ? T::eof() : sgetc();
    }
    int_type sbumpc()
    {
        if (_IGnext && *_IGnext && 0 < *_IGcount) {
            --*_IGcount;
            return T::to_int_type(*(*_IGnext)++);
        }
        return uflow();
    }
    virtual void _Lock();
    virtual void _Unlock();
protected:
    virtual int_type overflow(int_type);
    virtual int_type pbackfail(int_type);
    virtual streamsize showmanyc();
    virtual int_type underflow();
    virtual int_type uflow();
    virtual streamsize xsgetn(E *, streamsize);
    virtual streamsize xsputn(const E *, streamsize);
    virtual fpos<_Mbstatet> seekoff(long long, int, int = 3);
    virtual fpos<_Mbstatet> seekpos(fpos<_Mbstatet>, int = 3);
    virtual basic_streambuf *setbuf(E *, streamsize);
    virtual int sync();
    virtual void imbue(const locale &);
private:
    E *_Gfirst, *_Pfirst, **_IGfirst, **_IPfirst, *_Gnext, *_Pnext, **_IGnext, **_IPnext;
    int _Gcount, _Pcount, *_IGcount, *_IPcount;
    locale *_Plocale;
};
template <class E, class T> class MSVCP basic_ios : public ios_base {
protected:
    basic_ios();
public:
    explicit basic_ios(basic_streambuf<E, T> *);
    virtual ~basic_ios() noexcept;
    void init(basic_streambuf<E, T> * = nullptr, bool = false);
    void setstate(int, bool = false);
    void clear(int = 0, bool = false);
    basic_ostream<E, T> *tie() const;
    basic_streambuf<E, T> *rdbuf() const;
    E fill() const;
    E fill(E);
    E widen(char) const;
    locale imbue(const locale &);
    basic_streambuf<E, T> *_Mystrbuf;
    basic_ostream<E, T> *_Tiestr;
    E _Fillch;
};
template <class E, class T> class MSVCP basic_ostream : virtual public basic_ios<E, T> {
public:
    using _Myt = basic_ostream;
    explicit basic_ostream(basic_streambuf<E, T> *, bool = false);
    basic_ostream(_Uninitialized, bool = true);
    virtual ~basic_ostream() noexcept;
    // sentry: the streambuf's lock, a flush of the tied stream, good(); its end runs _Osfx
    class sentry {
    public:
        explicit sentry(_Myt &os) : _Os(os)
        {
            if (os.rdbuf())
                os.rdbuf()->_Lock();
            if (os.good() && os.tie() && os.tie() != &os)
                os.tie()->flush();
            _Ok = os.good();
        }
        ~sentry()
        {
            if (!uncaught_exception())
                _Os._Osfx();
            if (_Os.rdbuf())
                _Os.rdbuf()->_Unlock();
        }
        explicit operator bool() const { return _Ok; }
    private:
        _Myt &_Os;
        bool _Ok;
    };
    _Myt &operator<<(short);
    _Myt &operator<<(unsigned short);
    _Myt &operator<<(int);
    _Myt &operator<<(unsigned int);
    _Myt &operator<<(long);
    _Myt &operator<<(unsigned long);
    _Myt &operator<<(float);
    _Myt &operator<<(long double);
    _Myt &operator<<(long long);
    _Myt &operator<<(unsigned long long);
    _Myt &operator<<(double);
    _Myt &operator<<(bool);
    _Myt &operator<<(const void *);
    _Myt &operator<<(_Myt &(__cdecl *)(_Myt &));
    _Myt &put(E);
    _Myt &write(const E *, streamsize);
    _Myt &flush();
    void _Osfx();
    _Myt &seekp(long long, ios_base::seekdir);
    _Myt &seekp(fpos<_Mbstatet>);
    fpos<_Mbstatet> tellp();
};
template <class E, class T> class MSVCP basic_istream : virtual public basic_ios<E, T> {
public:
    using _Myt = basic_istream;
    explicit basic_istream(basic_streambuf<E, T> *, bool = false);
    virtual ~basic_istream() noexcept;
    bool _Ipfx(bool = false);
    void _Isfx();
    _Myt &operator>>(short &);
    _Myt &operator>>(unsigned short &);
    _Myt &operator>>(int &);
    _Myt &operator>>(unsigned int &);
    _Myt &operator>>(long &);
    _Myt &operator>>(long long &);
    _Myt &operator>>(float &);
    _Myt &operator>>(bool &);
    _Myt &operator>>(void *&);
    _Myt &operator>>(double &);
    _Myt &operator>>(unsigned long long &);
    typename T::int_type get();
    typename T::int_type peek();
    _Myt &getline(E *, streamsize, E);
    _Myt &getline(E *, streamsize);
    streamsize gcount() const;
    _Myt &ignore(streamsize = 1, typename T::int_type = T::eof());
    _Myt &read(E *, streamsize);
    _Myt &seekg(long long, ios_base::seekdir);
    _Myt &seekg(fpos<_Mbstatet>);
    fpos<_Mbstatet> tellg();
    streamsize _Chcount;
};
// <iomanip>: the manipulators' function and argument, applied by the inline inserter
template <class A> struct _Smanip {
    _Smanip(void(__cdecl *f)(ios_base &, A), A v) : _Pfun(f), _Manarg(v) {}
    void(__cdecl *_Pfun)(ios_base &, A);
    A _Manarg;
    template <class E, class T> friend basic_ostream<E, T> &operator<<(basic_ostream<E, T> &os, const _Smanip &m)
    {
        (*m._Pfun)(os, m._Manarg);
        return os;
    }
};
MSVCP _Smanip<streamsize> __cdecl setw(streamsize);
MSVCP _Smanip<streamsize> __cdecl setprecision(streamsize);
MSVCP _Smanip<int> __cdecl setbase(int);
MSVCP _Smanip<int> __cdecl setiosflags(int);
MSVCP _Smanip<int> __cdecl resetiosflags(int);
template <class E, class T> class MSVCP basic_iostream : public basic_istream<E, T>, public basic_ostream<E, T> {
public:
    explicit basic_iostream(basic_streambuf<E, T> *);
    virtual ~basic_iostream() noexcept;
};
using streambuf = basic_streambuf<char, char_traits<char>>;
using iostream = basic_iostream<char, char_traits<char>>;
using ostream = basic_ostream<char, char_traits<char>>;
using istream = basic_istream<char, char_traits<char>>;
using wostream = basic_ostream<wchar_t, char_traits<wchar_t>>;
using wistream = basic_istream<wchar_t, char_traits<wchar_t>>;
extern MSVCP ostream cout, cerr, clog;
extern MSVCP istream cin;
extern MSVCP wostream wcout, wcerr, wclog;
extern MSVCP wistream wcin;

// endl: the newline widened through the stream's ctype facet, put, flush
template <class E, class T> inline basic_ostream<E, T> &__cdecl endl(basic_ostream<E, T> &os)
{
    os.put(os.widen('\n'));
    os.flush();
    return os;
}

// operator<<(ostream&, const E*): padding to width() with fill(), sputn, width reset, badbit on failure
template <class E, class T> inline basic_ostream<E, T> &operator<<(basic_ostream<E, T> &os, const E *s)
{
    int state = ios_base::goodbit;
    streamsize n = 0;
    while (s[n])
        n++;
    streamsize pad = os.width() <= n ? 0 : os.width() - n;
    const typename basic_ostream<E, T>::sentry ok(os);
    if (!ok) {
        state |= ios_base::badbit;
    } else {
        if ((os.flags() & ios_base::adjustfield) != ios_base::left)
            for (; pad > 0; --pad)
                if (os.rdbuf()->sputc(os.fill()) == T::eof()) {
                    state |= ios_base::badbit;
                    break;
                }
        if (state == ios_base::goodbit && os.rdbuf()->sputn(s, n) != n)
            state |= ios_base::badbit;
        else
            for (; pad > 0; --pad)
                if (os.rdbuf()->sputc(os.fill()) == T::eof()) {
                    state |= ios_base::badbit;
                    break;
                }
        os.width(0);
    }
    os.setstate(state);
    return os;
}
template <class E, class T> inline basic_ostream<E, T> &operator<<(basic_ostream<E, T> &os, E c)
{
    E s[2] = {c, 0};
    return os << s;
}
inline ostream &operator<<(ostream &os, char c) { char s[2] = {c, 0}; return os << s; }

// operator>>(istream&, E*) with a bound, as the string extractor reads: skip spaces through the
// ctype facet, then characters up to the next space; failbit when none, eofbit at the end
template <class E, class T> inline basic_istream<E, T> &Extract(basic_istream<E, T> &is, E *buf, size_t cap)
{
    int state = ios_base::goodbit;
    size_t n = 0;
    if (is._Ipfx()) {
        const ctype<E> &ct = use_facet<ctype<E>>(is.getloc());
        for (typename T::int_type c = is.rdbuf()->sgetc();; c = is.rdbuf()->snextc()) {
            if (c == T::eof()) {
                state |= ios_base::eofbit;
                break;
            }
            if (ct.is(ctype_base::space, (E)c) || n + 1 >= cap)
                break;
            buf[n++] = (E)c;
        }
    }
    buf[n] = 0;
    is.width(0);
    if (n == 0)
        state |= ios_base::failbit;
    is.setstate(state);
    return is;
}
}
