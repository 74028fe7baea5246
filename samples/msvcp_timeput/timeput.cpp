// std::put_time and std::time_put under an MSVC-built program (clang for the MSVC ABI, the STL's
// declarations in msvctimeput.h), and what the STL's inline time_put code calls: _Locinfo's
// _Gettnames/_W_Gettnames (the UCRT's LC_TIME table in a _Timevec, which a copy takes over) and
// the UCRT's _Strftime/_Wcsftime with that table, also after the program replaced its names.
// Each line is "what: text"; the result is 50 + failed checks.
#include "msvctimeput.h"

using std::cout;
using std::endl;
static int failures;

static void Check(bool ok, const char *what)
{
    if (!ok) {
        cout << "FAILED: " << what << endl;
        failures++;
    }
}

class WMemBuf : public std::basic_streambuf<wchar_t, std::char_traits<wchar_t>> {
public:
    WMemBuf() { setp(data, data + 63); }
    const wchar_t *text() { *pptr() = 0; return data; }
private:
    wchar_t data[64];
};

static void Wide(const char *what, const wchar_t *w)
{
    cout << what << ": ";
    for (; *w; w++)
        cout << (char)(*w < 0x80 ? *w : '?');
    cout << endl;
}

extern "C" int CxxMain()
{
    tm t = {9, 5, 13, 29, 1, 124, 4, 59, 0};              // Thursday 2024-02-29 13:05:09

    // put_time into cout: time_put<char>'s pattern put through cout's locale
    cout << "put_time: " << std::put_time(&t, "%Y-%m-%d %H:%M:%S %A %B") << endl;
    Check(cout.good(), "cout good after put_time");

    // time_put<char> of cout's locale, its output iterator over cout's buffer
    using It = std::ostreambuf_iterator<char>;
    const std::time_put<char> &tp = std::use_facet<std::time_put<char>>(cout.getloc());
    const char pattern[] = "%x|%X|%#x|%p|%I|%j|%a %b|%y|%%";
    cout << "time_put: ";
    It end = tp.put(It(cout.rdbuf()), cout, ' ', &t, pattern, pattern + sizeof pattern - 1);
    cout << endl;
    Check(!end.failed(), "the iterator did not fail");
    cout << "time_put one field: ";
    tp.put(It(cout.rdbuf()), cout, ' ', &t, 'B');
    tp.put(It(cout.rdbuf()), cout, ' ', &t, 'd', '#');
    cout << endl;

    // time_put<wchar_t> into a wide buffer
    WMemBuf wbuf;
    std::wostream wos(&wbuf);
    const std::time_put<wchar_t> &wtp = std::use_facet<std::time_put<wchar_t>>(std::locale::classic());
    const wchar_t wpattern[] = L"%A %B %Y, %I:%M %p";
    wtp.put(std::ostreambuf_iterator<wchar_t>(&wbuf), wos, L' ', &t, wpattern, wpattern + wcslen(wpattern));
    Wide("time_put<wchar_t>", wbuf.text());

    // _Locinfo::_Gettnames: the C locale's table
    std::_Locinfo lobj("C");
    std::_Timevec tv = lobj._Gettnames();
    const __crt_lc_time_data *names = static_cast<const __crt_lc_time_data *>(tv._Getptr());
    Check(names != nullptr, "_Gettnames gave a table");
    cout << "_Gettnames: " << names->wday_abbr[4] << ' ' << names->wday[4] << ' ' << names->month_abbr[1] << ' '
         << names->month[1] << ' ' << names->ampm[0] << ' ' << names->ampm[1] << " [" << names->ww_sdatefmt << "] ["
         << names->ww_ldatefmt << "] [" << names->ww_timefmt << ']' << endl;
    Wide("_Gettnames wide December", names->_W_month[11]);

    // what time_put's do_put does with its _Tnames
    char buf[80];
    size_t n = _Strftime(buf, sizeof buf, "%A %d %B %Y %X", &t, tv._Getptr());
    cout << "_Strftime: " << n << ' ' << buf << endl;

    // the program's own names: the UCRT formats narrow text from the table's wide names
    __crt_lc_time_data *own = static_cast<__crt_lc_time_data *>(tv._Getptr());
    own->_W_wday[4] = L"Donnerstag";
    own->_W_month[1] = L"Februar";
    own->_W_ww_sdatefmt = L"dd.MM.yyyy";
    n = _Strftime(buf, sizeof buf, "%A, %d. %B %Y|%x", &t, own);
    cout << "_Strftime own names: " << n << ' ' << buf << endl;
    wchar_t wtext[80];
    n = _Wcsftime(wtext, 80, L"%A %x", &t, own);
    Wide("_Wcsftime own names", wtext);
    n = _Strftime(buf, 4, "%A", &t, own);
    cout << "_Strftime too small: " << n << " [" << buf << ']' << endl;

    // a copy of a _Timevec takes the table over
    void *p = tv._Getptr();
    std::_Timevec moved(tv);
    Check(tv._Getptr() == nullptr, "the copied-from _Timevec is empty");
    Check(moved._Getptr() == p, "the copy owns the table");
    std::_Timevec assigned;
    assigned = moved;
    Check(moved._Getptr() == nullptr && assigned._Getptr() == p, "assignment moves the table");

    // _W_Gettnames: the same table for the wide facet
    std::_Timevec wtv = lobj._W_Gettnames();
    n = _Wcsftime(wtext, 80, L"%a %b %d %H:%M", &t, wtv._Getptr());
    Wide("_W_Gettnames + _Wcsftime", wtext);
    Check(n == 16, "the wide length");

    cout << "failures: " << failures << endl;
    return 50 + failures;
}
