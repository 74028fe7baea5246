// What the Microsoft STL's <iomanip> and <xloctime> declare for timeput.cpp: put_time's _Timeobj
// and its inserter (time_put's pattern put through the stream's locale, badbit when the iterator
// failed), and the UCRT's _Strftime/_Wcsftime and __crt_lc_time_data, which time_put's do_put
// formats with (its _Tnames, a _Timevec from _Locinfo::_Gettnames).
#pragma once
#include "../msvcp_facets/msvcfacets.h"

extern "C" __declspec(dllimport) size_t __cdecl _Strftime(char *, size_t, const char *, const tm *, void *);
extern "C" __declspec(dllimport) size_t __cdecl _Wcsftime(wchar_t *, size_t, const wchar_t *, const tm *, void *);
extern "C" size_t __cdecl wcslen(const wchar_t *);

// the UCRT's LC_TIME table
struct __crt_lc_time_data {
    const char *wday_abbr[7], *wday[7], *month_abbr[12], *month[12], *ampm[2];
    const char *ww_sdatefmt, *ww_ldatefmt, *ww_timefmt;
    int ww_caltype;
    long refcount;
    const wchar_t *_W_wday_abbr[7], *_W_wday[7], *_W_month_abbr[12], *_W_month[12], *_W_ampm[2];
    const wchar_t *_W_ww_sdatefmt, *_W_ww_ldatefmt, *_W_ww_timefmt;
    const wchar_t *_W_ww_locale_name;
};

namespace std {
template <class E, class P> struct _Timeobj {
    _Timeobj(const E *fmt, P t) : _Fmtfirst(fmt), _Tptr(t) {}
    const E *_Fmtfirst;
    P _Tptr;
};
template <class E> _Timeobj<E, const tm *> put_time(const tm *t, const E *fmt) { return _Timeobj<E, const tm *>(fmt, t); }

inline size_t _Fmtlen(const char *s) { return strlen(s); }
inline size_t _Fmtlen(const wchar_t *s) { return wcslen(s); }

template <class E, class T>
basic_ostream<E, T> &operator<<(basic_ostream<E, T> &os, const _Timeobj<E, const tm *> &x)
{
    using It = ostreambuf_iterator<E, T>;
    int state = ios_base::goodbit;
    const typename basic_ostream<E, T>::sentry ok(os);
    if (ok) {
        const time_put<E, It> &tp = use_facet<time_put<E, It>>(os.getloc());
        if (tp.put(It(os.rdbuf()), os, os.fill(), x._Tptr, x._Fmtfirst, x._Fmtfirst + _Fmtlen(x._Fmtfirst)).failed())
            state |= ios_base::badbit;
    }
    os.setstate(state);
    return os;
}
}
