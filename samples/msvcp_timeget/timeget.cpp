// msvcp140.dll's time_get<char> and time_get<wchar_t> as an MSVC-built program calls them (clang
// for the MSVC ABI, the STL's declarations in msvctimeget.h): get_time, get_date (numbers and
// month names), get_weekday and get_monthname (the longest name, case ignored), get_year's two-
// and four-digit years, get of one specifier and of a whole pattern, with the iostate each
// leaves, use_facet's lazy _Getcat, and a program's time_get whose virtual the DLL's get calls.
// Each line is "what: fields state next", the result is 40 + failed checks.
#include "msvctimeget.h"

using std::cout;
using std::endl;
static int failures;

class Text : public std::streambuf {                       // a get area over a string
public:
    explicit Text(const char *s)
    {
        size_t n = 0;
        while (s[n] && n < sizeof data)
            data[n] = s[n], n++;
        setg(data, data, data + n);
    }
private:
    char data[64];
};

class WText : public std::basic_streambuf<wchar_t, std::char_traits<wchar_t>> {
public:
    explicit WText(const wchar_t *s)
    {
        size_t n = 0;
        while (s[n] && n < 64)
            data[n] = s[n], n++;
        setg(data, data, data + n);
    }
private:
    wchar_t data[64];
};

using It = std::istreambuf_iterator<char>;

static void Show(const char *what, const tm &t, int state, Text &src)
{
    int c = src.sgetc();
    cout << what << ": " << t.tm_year << '-' << t.tm_mon << '-' << t.tm_mday << ' ' << t.tm_hour << ':' << t.tm_min
         << ':' << t.tm_sec << " wday " << t.tm_wday << " state " << state << " next ";
    if (c == -1)
        cout << "eof";
    else
        cout << '\'' << (char)c << '\'';
    cout << endl;
}

static tm Blank() { tm t = {-1, -1, -1, -1, -1, -1, -1, -1, 0}; return t; }

enum Member { TIME, DATE, WEEKDAY, MONTH, YEAR };

static void One(const std::time_get<char> &tg, std::istream &ios, Member m, const char *what, const char *text)
{
    Text src(text);
    tm t = Blank();
    int state = 0;
    It first(&src), last;
    if (m == TIME) tg.get_time(first, last, ios, state, &t);
    if (m == DATE) tg.get_date(first, last, ios, state, &t);
    if (m == WEEKDAY) tg.get_weekday(first, last, ios, state, &t);
    if (m == MONTH) tg.get_monthname(first, last, ios, state, &t);
    if (m == YEAR) tg.get_year(first, last, ios, state, &t);
    Show(what, t, state, src);
}

static void Pattern(const std::time_get<char> &tg, std::istream &ios, const char *what, const char *text,
                    const char *fmt, int hour = -1)
{
    Text src(text);
    tm t = Blank();
    t.tm_hour = hour;
    int state = 0;
    size_t n = 0;
    while (fmt[n])
        n++;
    tg.get(It(&src), It(), ios, state, &t, fmt, fmt + n);
    Show(what, t, state, src);
}

// A program's time_get: its weekday parser answers 6 whatever the text; get(%a) must call it
class Saturdays : public std::time_get<char> {
protected:
    It do_get_weekday(It first, It, std::ios_base &, int &, tm *t) const override
    {
        t->tm_wday = 6;
        return first;
    }
};

extern "C" int CxxMain()
{
    std::ios_base::Init init;
    Text none("");
    std::istream ios(&none);
    const std::time_get<char> &tg = std::use_facet<std::time_get<char>>(ios.getloc());
    cout << "date_order " << (int)tg.date_order() << endl;
    One(tg, ios, TIME, "get_time 12:34:56", "12:34:56");
    One(tg, ios, TIME, "get_time 7:05:09 x", "7:05:09 x");
    One(tg, ios, TIME, "get_time 25:00:00", "25:00:00");
    One(tg, ios, TIME, "get_time 10-30", "10-30");
    One(tg, ios, DATE, "get_date 12/25/2023", "12/25/2023");
    One(tg, ios, DATE, "get_date Dec 25, 99", "Dec 25, 99");
    One(tg, ios, DATE, "get_date 13/01/2000", "13/01/2000");
    One(tg, ios, WEEKDAY, "get_weekday Wednesday,", "Wednesday,");
    One(tg, ios, WEEKDAY, "get_weekday wed x", "wed x");
    One(tg, ios, WEEKDAY, "get_weekday Wedx", "Wedx");
    One(tg, ios, WEEKDAY, "get_weekday Wednes", "Wednes");
    One(tg, ios, WEEKDAY, "get_weekday Fry", "Fry");
    One(tg, ios, MONTH, "get_monthname february", "february");
    One(tg, ios, MONTH, "get_monthname Mayday", "Mayday");
    One(tg, ios, YEAR, "get_year 2024", "2024");
    One(tg, ios, YEAR, "get_year 69", "69");
    One(tg, ios, YEAR, "get_year 05", "05");
    One(tg, ios, YEAR, "get_year 123", "123");
    One(tg, ios, YEAR, "get_year 12345", "12345");
    One(tg, ios, YEAR, "get_year x", "x");
    Pattern(tg, ios, "get %Y-%m-%d %H:%M", "2024-03-09 08:15", "%Y-%m-%d %H:%M");
    Pattern(tg, ios, "get %c", "Tue Mar  5 14:03:07 2024", "%c");
    Pattern(tg, ios, "get %I %p", "03 PM", "%I %p");
    Pattern(tg, ios, "get %D", "07/04/76!", "%D");
    Pattern(tg, ios, "get %Ey (modifier)", "21", "%Ey");
    Pattern(tg, ios, "get literal mismatch", "at 5", "on %H");
    Pattern(tg, ios, "get input ends first", "10", "%H:%M");
    Pattern(tg, ios, "get pattern ends in %", "10", "%H%");
    Pattern(tg, ios, "get %q (unknown)", "10", "%q");
    Pattern(tg, ios, "get %%", "%5", "%%%S");

    // wide
    WText wsrc(L"23:59:60");
    std::basic_istream<wchar_t, std::char_traits<wchar_t>> wios(&wsrc);
    const std::time_get<wchar_t> &wtg = std::use_facet<std::time_get<wchar_t>>(wios.getloc());
    tm t = Blank();
    int state = 0;
    wtg.get_time(std::istreambuf_iterator<wchar_t>(&wsrc), std::istreambuf_iterator<wchar_t>(), wios, state, &t);
    cout << "wide get_time: " << t.tm_hour << ':' << t.tm_min << ':' << t.tm_sec << " state " << state << endl;
    WText wsrc2(L"Saturday");
    t = Blank();
    wtg.get_weekday(std::istreambuf_iterator<wchar_t>(&wsrc2), std::istreambuf_iterator<wchar_t>(), wios, state, &t);
    cout << "wide get_weekday: " << t.tm_wday << endl;

    // the program's own time_get: the DLL's get calls its virtual
    Saturdays *mine = new Saturdays;
    Text src("Mon");
    t = Blank();
    state = 0;
    mine->get(It(&src), It(), ios, state, &t, 'a');
    cout << "own do_get_weekday through get(%a): " << t.tm_wday << endl;
    return 40 + failures;
}
