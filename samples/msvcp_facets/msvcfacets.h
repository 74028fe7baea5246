// What the Microsoft STL's <xlocnum>, <xlocale>, <xstring> and <fstream> declare for facets.cpp:
// basic_string with the STL's layout (the facets' virtuals return it by value), the iterators
// num_put and num_get take, numpunct, num_put, num_get and collate (codecvt is <xlocale>'s, in msvcstl.h) as msvcp140 exports
// them (the char and wchar_t instantiations are imported; their vftables are the DLL's), _Locinfo,
// type_info, locale's copy-with-a-facet constructor (_New_Locimp, _Locimp_Addfac), use_facet with the lazy
// _Getcat path, has_facet, imbue. Only what facets.cpp uses; no MSVC headers exist here.
#pragma once
#include "../msvcp_fstream/msvcfstream.h"

extern "C" void *__cdecl memcpy(void *, const void *, size_t);

// <vcruntime_typeinfo.h>: type_info, named and compared through vcruntime140's entry points (the
// names are the type descriptors' decorated ones)
struct __std_type_info_data { const char *_UndecoratedName; const char _DecoratedName[1]; };
struct alignas(16) __type_info_node { unsigned long long _Unused[2]; };
extern "C" __declspec(dllimport) const char *__cdecl __std_type_info_name(__std_type_info_data *, __type_info_node *);
extern "C" __declspec(dllimport) int __cdecl __std_type_info_compare(const __std_type_info_data *,
                                                                      const __std_type_info_data *);
extern "C" __type_info_node __type_info_root_node;
class type_info {
public:
    bool operator==(const type_info &o) const noexcept { return __std_type_info_compare(&_Data, &o._Data) == 0; }
    const char *name() const noexcept { return __std_type_info_name(&_Data, &__type_info_root_node); }
    virtual ~type_info() noexcept;
private:
    mutable __std_type_info_data _Data;
};
namespace std { using ::type_info; }
namespace std {
// -- basic_string: the 16-byte buffer or a pointer, the size, the capacity (the STL's rules for
// which, and for deallocating a block of 4 KiB or more, which was allocated 32-byte aligned)
template <class E> class allocator {};
template <class E, class T = char_traits<E>, class A = allocator<E>> class basic_string {
public:
    static constexpr size_t _Bufsize = 16 / sizeof(E);
    basic_string() : _Mysize(0), _Myres(_Bufsize - 1) { _Bx._Buf[0] = E(); }
    basic_string(const E *s, size_t n) : basic_string()
    {
        E *p = _Bx._Buf;
        if (n >= _Bufsize) {
            p = static_cast<E *>(malloc((n + 1) * sizeof(E)));        // below 4 KiB here
            _Bx._Ptr = p;
            _Myres = n;
        }
        memcpy(p, s, n * sizeof(E));
        p[n] = E();
        _Mysize = n;
    }
    basic_string(basic_string &&o) noexcept : _Bx(o._Bx), _Mysize(o._Mysize), _Myres(o._Myres)
    {
        o._Myres = _Bufsize - 1;
        o._Mysize = 0;
    }
    ~basic_string()
    {
        if (_Myres >= _Bufsize) {
            void *p = _Bx._Ptr;
            if ((_Myres + 1) * sizeof(E) >= 4096)
                p = static_cast<void **>(p)[-1];
            free(p);
        }
    }
    const E *c_str() const { return _Myres >= _Bufsize ? _Bx._Ptr : _Bx._Buf; }
    size_t size() const { return _Mysize; }
    union { E _Buf[_Bufsize]; E *_Ptr; } _Bx;
    size_t _Mysize, _Myres;
};
using string = basic_string<char>;
using wstring = basic_string<wchar_t>;

// -- the iterators: ostreambuf_iterator remembers a failed sputc; istreambuf_iterator peeks
template <class E, class T = char_traits<E>> class ostreambuf_iterator {
public:
    ostreambuf_iterator(basic_streambuf<E, T> *sb) : _Failed(false), _Strbuf(sb) {}
    bool failed() const { return _Failed; }
    bool _Failed;
    basic_streambuf<E, T> *_Strbuf;
};
template <class E, class T = char_traits<E>> class istreambuf_iterator {
public:
    istreambuf_iterator(basic_streambuf<E, T> *sb = nullptr) : _Strbuf(sb), _Got(!sb), _Val() {}
    basic_streambuf<E, T> *_Strbuf;
    bool _Got;
    E _Val;
};


// -- the facets
// numpunct: all inline, as the STL has it (only its id is msvcp140's): the values read under a
// _Locinfo through localeconv, its strings made by _Maklocstr (calloc; wide through _Mbrtowc)
template <class E> inline E _Maklocchr(char c, const _Cvtvec &) { return c; }
template <> inline wchar_t _Maklocchr<wchar_t>(char c, const _Cvtvec &cvt)
{
    wchar_t w = 0;
    _Mbstatet st = {};
    return _Mbrtowc(&w, &c, 1, &st, &cvt) < 0 ? L'\0' : w;
}
// numpunct's values from an lconv: the narrow ones converted, or the wide ones as they are
template <class E> inline void _Getvals(E &dp, E &sep, const lconv *lc, const _Cvtvec &cvt)
{
    dp = _Maklocchr<E>(lc->decimal_point[0], cvt);
    sep = _Maklocchr<E>(lc->thousands_sep[0], cvt);
}
template <> inline void _Getvals<wchar_t>(wchar_t &dp, wchar_t &sep, const lconv *lc, const _Cvtvec &)
{
    dp = lc->_W_decimal_point[0];
    sep = lc->_W_thousands_sep[0];
}
template <class E> inline E *_Maklocstr(const char *p, const _Cvtvec &cvt)
{
    size_t n = strlen(p) + 1;
    E *s = static_cast<E *>(calloc(n, sizeof(E)));
    if (!s)
        _Xbad_alloc();
    for (size_t i = 0; i < n; i++)
        s[i] = _Maklocchr<E>(p[i], cvt);
    return s;
}
template <class E> class numpunct : public locale::facet {
public:
    E decimal_point() const { return do_decimal_point(); }
    E thousands_sep() const { return do_thousands_sep(); }
    string grouping() const { return do_grouping(); }
    basic_string<E> falsename() const { return do_falsename(); }
    basic_string<E> truename() const { return do_truename(); }
    explicit numpunct(size_t refs = 0) : locale::facet(refs)
    {
        _Locinfo lobj;
        _Init(lobj);
        if (_Kseparator == 0)
            _Kseparator = _Maklocchr<E>(',', lobj._Getcvt());
    }
    numpunct(const _Locinfo &lobj, size_t refs = 0, bool isdef = false) : locale::facet(refs) { _Init(lobj, isdef); }
    static size_t __cdecl _Getcat(const locale::facet **ppf = nullptr, const locale *ploc = nullptr)
    {
        if (ppf && !*ppf)
            *ppf = new numpunct<E>(_Locinfo(ploc->_C_str()), 0, true);
        return 4;                                        // _X_NUMERIC
    }
    MSVCP static locale::id id;
protected:
    ~numpunct() noexcept override
    {
        free(const_cast<char *>(_Grouping));
        free(const_cast<E *>(_Falsename));
        free(const_cast<E *>(_Truename));
    }
    void _Init(const _Locinfo &lobj, bool isdef = false)
    {
        const lconv *lc = lobj._Getlconv();
        _Cvtvec cvt = lobj._Getcvt();
        _Grouping = _Maklocstr<char>(isdef ? "" : lc->grouping, cvt);
        _Falsename = _Maklocstr<E>(lobj._Getfalse(), cvt);
        _Truename = _Maklocstr<E>(lobj._Gettrue(), cvt);
        if (isdef) {
            _Dp = _Maklocchr<E>('.', cvt);
            _Kseparator = _Maklocchr<E>(',', cvt);
        } else {
            _Getvals(_Dp, _Kseparator, lc, cvt);
        }
    }
    virtual E do_decimal_point() const { return _Dp; }
    virtual E do_thousands_sep() const { return _Kseparator; }
    virtual string do_grouping() const { return string(_Grouping, strlen(_Grouping)); }
    virtual basic_string<E> do_falsename() const { return basic_string<E>(_Falsename, _Len(_Falsename)); }
    virtual basic_string<E> do_truename() const { return basic_string<E>(_Truename, _Len(_Truename)); }
    static size_t _Len(const E *s)
    {
        size_t n = 0;
        while (s[n])
            n++;
        return n;
    }
    const char *_Grouping;
    E _Dp, _Kseparator;
    const E *_Falsename, *_Truename;
};
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdllimport-static-field-def"
template <class E> locale::id numpunct<E>::id;            // msvcp140's, as the STL defines it
#pragma clang diagnostic pop

template <class E, class O = ostreambuf_iterator<E>> class num_put : public locale::facet {
public:
    O put(O d, ios_base &s, E f, bool v) const { return do_put(d, s, f, v); }
    O put(O d, ios_base &s, E f, long v) const { return do_put(d, s, f, v); }
    O put(O d, ios_base &s, E f, unsigned long v) const { return do_put(d, s, f, v); }
    O put(O d, ios_base &s, E f, long long v) const { return do_put(d, s, f, v); }
    O put(O d, ios_base &s, E f, unsigned long long v) const { return do_put(d, s, f, v); }
    O put(O d, ios_base &s, E f, double v) const { return do_put(d, s, f, v); }
    O put(O d, ios_base &s, E f, long double v) const { return do_put(d, s, f, v); }
    O put(O d, ios_base &s, E f, const void *v) const { return do_put(d, s, f, v); }
    explicit num_put(size_t refs = 0);
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    static locale::id id;
protected:
    virtual ~num_put() noexcept;
    virtual O do_put(O, ios_base &, E, bool) const;
    virtual O do_put(O, ios_base &, E, long) const;
    virtual O do_put(O, ios_base &, E, unsigned long) const;
    virtual O do_put(O, ios_base &, E, long long) const;
    virtual O do_put(O, ios_base &, E, unsigned long long) const;
    virtual O do_put(O, ios_base &, E, double) const;
    virtual O do_put(O, ios_base &, E, long double) const;
    virtual O do_put(O, ios_base &, E, const void *) const;
};
extern template class MSVCP num_put<char>;
extern template class MSVCP num_put<wchar_t>;

template <class E, class I = istreambuf_iterator<E>> class num_get : public locale::facet {
public:
    I get(I f, I l, ios_base &s, int &st, bool &v) const { return do_get(f, l, s, st, v); }
    I get(I f, I l, ios_base &s, int &st, unsigned short &v) const { return do_get(f, l, s, st, v); }
    I get(I f, I l, ios_base &s, int &st, unsigned int &v) const { return do_get(f, l, s, st, v); }
    I get(I f, I l, ios_base &s, int &st, long &v) const { return do_get(f, l, s, st, v); }
    I get(I f, I l, ios_base &s, int &st, unsigned long &v) const { return do_get(f, l, s, st, v); }
    I get(I f, I l, ios_base &s, int &st, long long &v) const { return do_get(f, l, s, st, v); }
    I get(I f, I l, ios_base &s, int &st, unsigned long long &v) const { return do_get(f, l, s, st, v); }
    I get(I f, I l, ios_base &s, int &st, float &v) const { return do_get(f, l, s, st, v); }
    I get(I f, I l, ios_base &s, int &st, double &v) const { return do_get(f, l, s, st, v); }
    I get(I f, I l, ios_base &s, int &st, void *&v) const { return do_get(f, l, s, st, v); }
    explicit num_get(size_t refs = 0);
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    static locale::id id;
protected:
    virtual ~num_get() noexcept;
    virtual I do_get(I, I, ios_base &, int &, bool &) const;
    virtual I do_get(I, I, ios_base &, int &, unsigned short &) const;
    virtual I do_get(I, I, ios_base &, int &, unsigned int &) const;
    virtual I do_get(I, I, ios_base &, int &, long &) const;
    virtual I do_get(I, I, ios_base &, int &, unsigned long &) const;
    virtual I do_get(I, I, ios_base &, int &, long long &) const;
    virtual I do_get(I, I, ios_base &, int &, unsigned long long &) const;
    virtual I do_get(I, I, ios_base &, int &, float &) const;
    virtual I do_get(I, I, ios_base &, int &, double &) const;
    virtual I do_get(I, I, ios_base &, int &, long double &) const;
    virtual I do_get(I, I, ios_base &, int &, void *&) const;
};
extern template class MSVCP num_get<char>;
extern template class MSVCP num_get<wchar_t>;

}
struct tm { int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst; };
namespace std {
// time_put: msvcp140's instantiations (the one-field put, do_put and the pattern put)
template <class E, class O = ostreambuf_iterator<E>> class time_put : public locale::facet {
public:
    O put(O, ios_base &, E, const tm *, const E *, const E *) const;
    O put(O d, ios_base &s, E f, const tm *t, char spec, char mod = 0) const { return do_put(d, s, f, t, spec, mod); }
    explicit time_put(size_t refs = 0);
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    static locale::id id;
protected:
    virtual ~time_put() noexcept;
    virtual O do_put(O, ios_base &, E, const tm *, char, char = 0) const;
    void *_Tnames;
};
extern template class MSVCP time_put<char>;
extern template class MSVCP time_put<wchar_t>;

template <class E> class collate : public locale::facet {
public:
    int compare(const E *f1, const E *l1, const E *f2, const E *l2) const { return do_compare(f1, l1, f2, l2); }
    basic_string<E> transform(const E *f, const E *l) const { return do_transform(f, l); }
    long hash(const E *f, const E *l) const { return do_hash(f, l); }
    explicit collate(size_t refs = 0);
    static size_t __cdecl _Getcat(const locale::facet ** = nullptr, const locale * = nullptr);
    static locale::id id;
protected:
    virtual ~collate() noexcept;
    virtual int do_compare(const E *, const E *, const E *, const E *) const;
    virtual basic_string<E> do_transform(const E *, const E *) const;
    virtual long do_hash(const E *, const E *) const;
};
extern template class MSVCP collate<char>;
extern template class MSVCP collate<wchar_t>;

}
