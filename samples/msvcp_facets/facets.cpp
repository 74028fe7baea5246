// msvcp140.dll's locale facets as an MSVC-built program reaches them (clang for the MSVC ABI, the
// STL's declarations in msvcfacets.h): operator<< and >> of the arithmetic types through num_put
// and num_get with every formatting flag, use_facet and has_facet on the classic locale's facets,
// numpunct, codecvt and collate called directly, and facets of the program's own (a numpunct
// and a num_put derived from the DLL's) imbued into a stream, wide file streams through
// codecvt<wchar_t, char>. Output goes through std::cout; the
// result is 40 + the number of failed checks. A buffer that throws shows the members' catch (...).
#include "msvcfacets.h"

using std::cout;
using std::endl;
using std::ios_base;
static int failures;

static void Check(bool ok, const char *what)
{
    if (!ok) {
        failures++;
        cout << "FAILED: " << what << endl;
    }
}

// A memory buffer: written through the put area, read back through the get area
class MemBuf : public std::streambuf {
public:
    MemBuf() { setp(data, data + sizeof data - 1); }
    explicit MemBuf(const char *text)
    {
        size_t n = 0;
        while (text[n] && n < sizeof data)
            data[n] = text[n], n++;
        setg(data, data, data + n);
    }
    const char *text() { *pptr() = 0; return data; }
    void reset() { setp(data, data + sizeof data - 1); }
private:
    char data[160];
};

class WMemBuf : public std::basic_streambuf<wchar_t, std::char_traits<wchar_t>> {
public:
    WMemBuf() { setp(data, data + 63); }
    const wchar_t *text() { *pptr() = 0; return data; }
private:
    wchar_t data[64];
};

// -- the output table: one value under flags, width, precision and fill, between brackets
static MemBuf *out_buf_ptr;                 // the program runs no static constructors: set by OutputTable
static std::ostream *out_ptr;

template <class V> static void Row(const char *label, int flags, int width, int prec, char fill, V v)
{
    MemBuf &out_buf = *out_buf_ptr;
    std::ostream &out = *out_ptr;
    out_buf.reset();
    out.flags(flags);
    out.width(width);
    out.precision(prec);
    out.fill(fill);
    out << v;
    cout << label << " [" << out_buf.text() << "]" << endl;
}

static const int DEC = ios_base::dec | ios_base::skipws;
static void OutputTable()
{
    MemBuf buf;
    std::ostream out(&buf);
    out_buf_ptr = &buf;
    out_ptr = &out;
    const int hex = ios_base::hex, oct = 0x400, showbase = ios_base::showbase, upper = ios_base::uppercase;
    const int showpos = 0x20, showpoint = 0x10, left = ios_base::left, internal = 0x100, boolalpha = 0x4000;
    const int fixed = ios_base::fixed, sci = ios_base::scientific;
    Row("int", DEC, 0, 6, ' ', 42);
    Row("int -", DEC, 0, 6, ' ', -42);
    Row("int +", DEC | showpos, 0, 6, ' ', 42);
    Row("int + 0", DEC | showpos, 0, 6, ' ', 0);
    Row("int w8", DEC, 8, 6, ' ', -42);
    Row("int w8 left", DEC | left, 8, 6, '*', -42);
    Row("int w8 internal", DEC | internal, 8, 6, '0', -42);
    Row("int hex", hex, 0, 6, ' ', 255);
    Row("int hex -1", hex, 0, 6, ' ', -1);
    Row("int hex showbase", hex | showbase, 0, 6, ' ', 255);
    Row("int HEX showbase", hex | showbase | upper, 0, 6, ' ', 255);
    Row("int hex showbase 0", hex | showbase, 0, 6, ' ', 0);
    Row("int hex internal w10", hex | showbase | internal, 10, 6, '0', 255);
    Row("int hex showpos", hex | showpos, 0, 6, ' ', 255);
    Row("int oct", oct, 0, 6, ' ', 8);
    Row("int oct showbase", oct | showbase, 0, 6, ' ', 8);
    Row("int oct showbase 0", oct | showbase, 0, 6, ' ', 0);
    Row("int no base", 0, 0, 6, ' ', 10);
    Row("short -1 hex", hex, 0, 6, ' ', (short)-1);
    Row("short -5", DEC, 0, 6, ' ', (short)-5);
    Row("ushort", DEC, 0, 6, ' ', (unsigned short)65535);
    Row("uint", DEC, 0, 6, ' ', 4294967295u);
    Row("uint +", DEC | showpos, 0, 6, ' ', 7u);
    Row("long", DEC, 0, 6, ' ', -2147483647L - 1);
    Row("ulong hex", hex | upper, 0, 6, ' ', 0xDEADBEEFUL);
    Row("llong", DEC, 0, 6, ' ', -9223372036854775807LL - 1);
    Row("llong hex", hex, 0, 6, ' ', -1LL);
    Row("ullong", DEC, 0, 6, ' ', 18446744073709551615ULL);
    Row("ullong oct", oct, 0, 6, ' ', 18446744073709551615ULL);
    Row("bool", DEC, 0, 6, ' ', true);
    Row("bool w3", DEC, 3, 6, ' ', false);
    Row("boolalpha", DEC | boolalpha, 0, 6, ' ', true);
    Row("boolalpha w7", DEC | boolalpha, 7, 6, '.', false);
    Row("boolalpha w7 left", DEC | boolalpha | left, 7, 6, '.', true);
    Row("boolalpha w7 internal", DEC | boolalpha | internal, 7, 6, '.', true);
    Row("double", DEC, 0, 6, ' ', 3.14159265358979);
    Row("double p0", DEC, 0, 0, ' ', 3.14159265358979);
    Row("double p1", DEC, 0, 1, ' ', 3.14159265358979);
    Row("double p10", DEC, 0, 10, ' ', 3.14159265358979);
    Row("double p17", DEC, 0, 17, ' ', 0.1);
    Row("double big", DEC, 0, 6, ' ', 1234567.0);
    Row("double small", DEC, 0, 6, ' ', 0.0000123);
    Row("double 100", DEC, 0, 6, ' ', 100.0);
    Row("double showpoint", DEC | showpoint, 0, 6, ' ', 100.0);
    Row("double showpos", DEC | showpos, 0, 6, ' ', 1.5);
    Row("double -0", DEC, 0, 6, ' ', -0.0);
    Row("double upper", DEC | upper, 0, 6, ' ', 1e-10);
    Row("fixed", DEC | fixed, 0, 6, ' ', 3.14159265358979);
    Row("fixed p0", DEC | fixed, 0, 0, ' ', 2.5);
    Row("fixed p0 showpoint", DEC | fixed | showpoint, 0, 0, ' ', 2.5);
    Row("fixed p2 1e21", DEC | fixed, 0, 2, ' ', 1e21);
    Row("fixed p3 round", DEC | fixed, 0, 3, ' ', 0.0005);
    Row("fixed w12 internal", DEC | fixed | internal | showpos, 12, 2, '0', 3.14159);
    Row("fixed w12 left", DEC | fixed | left, 12, 2, '_', -3.14159);
    Row("scientific", DEC | sci, 0, 6, ' ', 12345.678);
    Row("scientific p0", DEC | sci, 0, 0, ' ', 12345.678);
    Row("SCIENTIFIC", DEC | sci | upper, 0, 3, ' ', 0.000123);
    Row("scientific 1e-300", DEC | sci, 0, 2, ' ', 1e-300);
    Row("hexfloat", DEC | fixed | sci, 0, 3, ' ', 1.0);
    Row("hexfloat 0.1", DEC | fixed | sci, 0, 3, ' ', 0.1);
    Row("HEXFLOAT", DEC | fixed | sci | upper, 0, 3, ' ', -2.5);
    Row("hexfloat internal", DEC | fixed | sci | internal, 25, 3, '0', 2.5);
    Row("inf", DEC, 0, 6, ' ', 1.0 / 0.0);
    Row("-inf w6", DEC, 6, 6, ' ', -1.0 / 0.0);
    Row("inf upper", DEC | upper, 0, 6, ' ', 1.0 / 0.0);
    Row("inf fixed showpoint", DEC | fixed | showpoint, 0, 6, ' ', 1.0 / 0.0);
    Row("inf FIXED", DEC | fixed | upper, 0, 6, ' ', 1.0 / 0.0);
    Row("FIXED", DEC | fixed | upper, 0, 2, ' ', 1.5);
    Row("-nan internal w12", DEC | internal, 12, 6, '0', -__builtin_nan(""));
    Row("nan", DEC, 0, 6, ' ', __builtin_nan(""));
    Row("-nan", DEC, 0, 6, ' ', -__builtin_nan(""));
    Row("float", DEC, 0, 6, ' ', 0.1f);
    Row("float p9", DEC, 0, 9, ' ', 0.1f);
    Row("long double", DEC | fixed, 0, 3, ' ', 2.0L / 3);
    Row("pointer", DEC, 0, 6, ' ', (const void *)0x12ab);
    Row("pointer w20", DEC, 20, 6, '.', (const void *)0x12ab);
    Row("pointer null", DEC, 0, 6, ' ', (const void *)nullptr);
}

// -- the input table: one field read as a type, the value and the state left
static const char *StateName(int s)
{
    static const char *names[] = {"good", "eof", "fail", "eof|fail", "bad", "bad|eof", "bad|fail", "bad|eof|fail"};
    return names[s & 7];
}

template <class V> static void In(const char *label, const char *text, int flags, V init)
{
    MemBuf buf(text);
    std::istream in(&buf);
    in.flags(flags);
    V v = init;
    in >> v;
    int next = buf.sgetc();
    cout << label << " \"" << text << "\": " << v << " " << StateName(in.rdstate());
    if (next != -1)
        cout << " next '" << (char)next << "'";
    cout << endl;
}

static void InputTable()
{
    const int hex = ios_base::hex, oct = 0x400, boolalpha = 0x4000;
    In("int", "42", DEC, 0);
    In("int", "  -17 rest", DEC, 0);
    In("int", "+8", DEC, 0);
    In("int", "x1", DEC, 99);
    In("int", "", DEC, 99);
    In("int", "   ", DEC, 99);
    In("int", "-", DEC, 99);
    In("int", "2147483647", DEC, 0);
    In("int", "2147483648", DEC, 0);
    In("int", "-2147483649", DEC, 0);
    In("int", "12abc", DEC, 0);
    In("int hex", "ff", hex, 0);
    In("int hex", "0x1F", hex, 0);
    In("int oct", "0777", oct, 0);
    In("int oct", "8", oct, 99);
    In("int auto", "0x10", 0, 0);
    In("int auto", "010", 0, 0);
    In("int auto", "10", 0, 0);
    In("short", "32767", DEC, (short)0);
    In("short", "32768", DEC, (short)0);
    In("short", "-40000", DEC, (short)0);
    In("ushort", "65535", DEC, (unsigned short)0);
    In("ushort", "65536", DEC, (unsigned short)0);
    In("ushort", "-1", DEC, (unsigned short)0);
    In("uint", "4294967295", DEC, 0u);
    In("uint", "4294967296", DEC, 0u);
    In("uint", "-1", DEC, 0u);
    In("long long", "-9223372036854775808", DEC, 0LL);
    In("long long", "9223372036854775808", DEC, 0LL);
    In("ullong", "18446744073709551615", DEC, 0ULL);
    In("ullong", "18446744073709551616", DEC, 0ULL);
    In("double", "2.5", DEC, 0.0);
    In("double", "-1.25e3x", DEC, 0.0);
    In("double", ".5", DEC, 0.0);
    In("double", "5.", DEC, 0.0);
    In("double", "1e", DEC, 9.0);
    In("double", "e5", DEC, 9.0);
    In("double", "1e400", DEC, 0.0);
    In("double", "1e-400", DEC, 9.0);
    In("double", "0x1p3", DEC, 9.0);
    In("double", "0x1.8P1", DEC, 9.0);
    In("double", "0", DEC, 9.0);
    In("double", "-0.000125e2", DEC, 9.0);
    In("double", "1e+", DEC, 9.0);
    In("int", "007", DEC, 99);
    In("int hex", "0x", hex, 99);
    In("pointer", "12ab", DEC, (void *)nullptr);
    In("pointer", "0x12AB!", DEC, (void *)nullptr);
    In("float", "3.5", DEC, 0.0f);
    In("float", "1e39", DEC, 0.0f);
    In("bool", "1", DEC, false);
    In("bool", "0", DEC, true);
    In("bool", "2", DEC, false);
    In("bool", "true", DEC, false);
    In("boolalpha", "true", boolalpha, false);
    In("boolalpha", "false!", boolalpha, true);
    In("boolalpha", "tru", boolalpha, true);
    In("boolalpha", "yes", boolalpha, true);
}

// -- use_facet and has_facet on the classic locale, and the facets called directly
static void Facets()
{
    std::locale loc = cout.getloc();
    const std::numpunct<char> &np = std::use_facet<std::numpunct<char>>(loc);
    std::string grouping = np.grouping();
    std::string t = np.truename(), f = np.falsename();
    cout << "numpunct<char>: '" << np.decimal_point() << "' '" << np.thousands_sep() << "' grouping "
         << grouping.size() << " " << t.c_str() << "/" << f.c_str() << endl;
    const std::numpunct<wchar_t> &wnp = std::use_facet<std::numpunct<wchar_t>>(loc);
    std::wstring wt = wnp.truename();
    cout << "numpunct<wchar_t>: " << (int)wnp.decimal_point() << " " << wt.size() << " " << (int)wt.c_str()[0] << endl;
    cout << "has_facet: num_put " << std::has_facet<std::num_put<char>>(loc) << ", num_get<wchar_t> "
         << std::has_facet<std::num_get<wchar_t>>(loc) << ", codecvt " << std::has_facet<std::codecvt<wchar_t, char, _Mbstatet>>(loc)
         << ", collate " << std::has_facet<std::collate<char>>(loc) << ", ctype " << std::has_facet<std::ctype<char>>(loc)
         << endl;
    Check(&std::use_facet<std::num_put<char>>(loc) == &std::use_facet<std::num_put<char>>(std::locale::classic()),
          "the stream's num_put is the classic locale's");

    // num_put::put straight into cout's buffer
    const std::num_put<char> &put = std::use_facet<std::num_put<char>>(loc);
    cout << "num_put::put: ";
    cout.width(7);
    put.put(std::ostreambuf_iterator<char>(cout.rdbuf()), cout, '#', 1234L);
    cout << endl;

    // num_get::get from a buffer: the iterator comes back at the first character not taken
    MemBuf src("  123;");
    std::istream in(&src);
    const std::num_get<char> &get = std::use_facet<std::num_get<char>>(loc);
    int state = 0;
    long v = 0;
    src.sbumpc(), src.sbumpc();
    std::istreambuf_iterator<char> it = get.get(std::istreambuf_iterator<char>(&src), std::istreambuf_iterator<char>(), in, state, v);
    cout << "num_get::get: " << v << " state " << state << " next '" << (char)src.sgetc() << "' got " << it._Got << endl;

    // collate<char>
    const std::collate<char> &co = std::use_facet<std::collate<char>>(loc);
    const char a[] = "apple", b[] = "apricot", c[] = "\xe9t\xe9";
    std::string key = co.transform(b, b + 7);
    cout << "collate: " << co.compare(a, a + 5, b, b + 7) << " " << co.compare(b, b + 7, a, a + 5) << " "
         << co.compare(a, a + 5, a, a + 5) << " " << co.compare(a, a + 2, a, a + 5) << " " << co.compare(c, c + 3, a, a + 5)
         << " hash " << co.hash(a, a + 5) << " " << co.hash(a, a) << " transform " << key.c_str() << endl;
    const std::collate<wchar_t> &wco = std::use_facet<std::collate<wchar_t>>(loc);
    const wchar_t wa[] = L"apple", wb[] = L"\x4e2d";
    cout << "collate<wchar_t>: " << wco.compare(wa, wa + 5, wb, wb + 1) << " hash " << wco.hash(wa, wa + 5) << endl;

    // codecvt<char, char>: nothing to convert
    const std::codecvt<char, char, _Mbstatet> &cc = std::use_facet<std::codecvt<char, char, _Mbstatet>>(loc);
    _Mbstatet st = {};
    const char *m1 = nullptr;
    char dst[8], *m2 = nullptr;
    int r = cc.in(st, a, a + 5, m1, dst, dst + 8, m2);
    cout << "codecvt<char>: noconv " << cc.always_noconv() << " max " << cc.max_length() << " encoding " << cc.encoding()
         << " in " << r << " at " << (m1 - a) << "," << (m2 - dst) << " length " << cc.length(st, a, a + 5, 3) << endl;

    // codecvt<wchar_t, char>: the "C" locale's bytes
    const std::codecvt<wchar_t, char, _Mbstatet> &wc = std::use_facet<std::codecvt<wchar_t, char, _Mbstatet>>(loc);
    const char bytes[] = "h\xe9llo";
    wchar_t wide[8] = {};
    wchar_t *wm = nullptr;
    r = wc.in(st, bytes, bytes + 5, m1, wide, wide + 8, wm);
    cout << "codecvt<wchar_t> in: " << r << " consumed " << (m1 - bytes) << " produced " << (wm - wide) << " [" << (int)wide[0]
         << " " << (int)wide[1] << "]";
    r = wc.in(st, bytes, bytes + 5, m1, wide, wide + 2, wm);
    cout << ", into 2: " << r << " " << (m1 - bytes) << " " << (wm - wide);
    r = wc.in(st, bytes, bytes, m1, wide, wide + 2, wm);
    cout << ", empty: " << r << endl;
    const wchar_t text[] = L"a\xe9\x4e2dz";
    const wchar_t *wm1 = nullptr;
    char narrow[8] = {};
    r = wc.out(st, text, text + 4, wm1, narrow, narrow + 8, m2);
    cout << "codecvt<wchar_t> out: " << r << " consumed " << (wm1 - text) << " produced " << (m2 - narrow) << " ["
         << (int)(unsigned char)narrow[1] << "]";
    r = wc.out(st, text, text + 2, wm1, narrow, narrow + 1, m2);
    cout << ", into 1: " << r << " " << (wm1 - text) << " " << (m2 - narrow);
    r = wc.unshift(st, narrow, narrow + 8, m2);
    cout << ", unshift " << r << " " << (m2 - narrow) << endl;
    cout << "codecvt<wchar_t>: noconv " << wc.always_noconv() << " max " << wc.max_length() << " encoding "
         << wc.encoding() << " length " << wc.length(st, bytes, bytes + 5, 3) << " " << wc.length(st, bytes, bytes + 5, 9)
         << endl;
}

// -- facets of the program's own, imbued: a numpunct with groups of three, ',' as the decimal
// point, and a num_put that brackets every long
class Continental : public std::numpunct<char> {
protected:
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return std::string("\3", 1); }
    std::string do_truename() const override { return std::string("oui", 3); }
};
class Indian : public std::numpunct<char> {
protected:
    std::string do_grouping() const override { return std::string("\3\2", 2); }
};
class Brackets : public std::num_put<char> {
protected:
    std::ostreambuf_iterator<char> do_put(std::ostreambuf_iterator<char> it, ios_base &s, char fill, long v) const override
    {
        s.width(0);
        calls++;
        const char *t = v < 0 ? "<negative>" : "<long>";
        for (; *t; t++)
            it._Strbuf->sputc(*t);
        return it;
    }
public:
    mutable int calls = 0;
};

static void OwnFacets()
{
    MemBuf buf;
    std::ostream os(&buf);
    std::locale cont(std::locale::classic(), new Continental);
    std::locale old = os.imbue(cont);
    Check(old._Ptr == std::locale::classic()._Ptr, "imbue returns the old locale");
    os << 1234567 << " " << -1234 << " " << 123 << " ";
    os.setf(ios_base::fixed, ios_base::fixed | ios_base::scientific);
    os.precision(2);
    os << 1234567.5 << " " << 0.25 << " ";
    os.setf(0x4000 /* boolalpha */, 0x4000);
    os << true << " ";
    os.width(12);
    os.fill('*');
    os << 98765;
    cout << "Continental: [" << buf.text() << "]" << endl;
    Check(&std::use_facet<std::numpunct<char>>(os.getloc()) != &std::use_facet<std::numpunct<char>>(std::locale::classic()),
          "the imbued locale has the program's numpunct");
    Check(std::has_facet<std::numpunct<char>>(cont), "has_facet on the new locale");

    MemBuf ibuf("1234567,75 rest");
    std::istream is(&ibuf);
    is.imbue(cont);
    double d = 0;
    is >> d;
    cout << "read with ',': " << d << " " << StateName(is.rdstate()) << endl;
    // grouped input: separators between groups of the numpunct's sizes (the leftmost may be shorter)
    static const char *const grouped[] = {"1.234.567,75", "12.345", "1.23.567", "1234.567", "1.", "1..2", "-9.999.999"};
    for (const char *text : grouped) {
        MemBuf gb(text);
        std::istream gs(&gb);
        gs.imbue(cont);
        long long v = 0;
        double f = 0;
        if (text[0] == '1' && text[1] == '.' && text[2] == '2' && text[3] == '3' && text[4] == '4')
            gs >> f, v = (long long)(f * 100);
        else
            gs >> v;
        int next = gb.sgetc();
        cout << "grouped \"" << text << "\": " << v << " " << StateName(gs.rdstate());
        if (next != -1)
            cout << " next '" << (char)next << "'";
        cout << endl;
    }

    MemBuf buf2;
    std::ostream os2(&buf2);
    os2.imbue(std::locale(std::locale::classic(), new Indian));
    os2 << 1234567890LL << " " << 12345 << " " << 99 << " " << -__builtin_nan("") << " " << 1234567.0 << " ";
    os2.setf(ios_base::fixed, ios_base::fixed | ios_base::scientific);
    os2.precision(1);
    os2 << 1234567.89 << " " << 1.0 / 0.0 << " ";
    os2.setf(ios_base::fixed | ios_base::scientific, ios_base::fixed | ios_base::scientific);
    os2 << 1.0;
    cout << "groups 3 then 2: [" << buf2.text() << "]" << endl;

    MemBuf buf3;
    std::ostream os3(&buf3);
    Brackets *br = new Brackets;
    os3.imbue(std::locale(std::locale::classic(), br));
    os3 << 5 << " " << -5L << " " << (short)3 << " " << 7LL << " " << 1.5;
    cout << "own num_put: [" << buf3.text() << "] calls " << br->calls << endl;
}

// -- a buffer that throws: operator<< and >> set badbit and swallow the exception, or (badbit in
// the exception mask) let it through; either way the exception object is destroyed once
struct Boom {
    explicit Boom(int c) : code(c) {}
    Boom(const Boom &o) : code(o.code) {}
    ~Boom() { destroyed++; }
    int code;
    static int destroyed;
};
int Boom::destroyed = 0;
class ThrowingBuf : public std::streambuf {
protected:
    int overflow(int) override { throw Boom(1); }
    int underflow() override { throw Boom(2); }
    int sync() override { throw Boom(3); }
};

static void Throwing()
{
    ThrowingBuf tb;
    std::ostream os(&tb);
    os << 42;
    cout << "overflow threw: bad " << os.bad() << " state " << os.rdstate() << " uncaught "
         << std::uncaught_exceptions() << " destroyed " << Boom::destroyed << endl;
    os.clear();
    os.put('x');
    cout << "put: bad " << os.bad() << " destroyed " << Boom::destroyed << endl;
    os.clear();
    os.exceptions(ios_base::badbit);
    try {
        os << 2.5;
        Check(false, "operator<< with badbit in the mask returned");
    } catch (const Boom &b) {
        cout << "rethrown to the program: Boom " << b.code << " bad " << os.bad() << endl;
    } catch (...) {
        Check(false, "another exception than the buffer's");
    }
    cout << "after the catch: uncaught " << std::uncaught_exceptions() << " destroyed " << Boom::destroyed << endl;
    os.exceptions(0);
    os.clear();
    std::istream is(&tb);
    int n = 7;
    is >> n;
    cout << "underflow threw: state " << is.rdstate() << " destroyed " << Boom::destroyed << endl;
    is.clear();
    is.exceptions(ios_base::badbit);
    try {
        is >> n;
    } catch (const Boom &b) {
        cout << "rethrown from >>: Boom " << b.code << " state " << is.rdstate() << endl;
    }
    cout << "destroyed " << Boom::destroyed << endl;
    // the unformatted members and flush guard the buffer too
    is.exceptions(0);
    is.clear();
    int c = is.get();
    cout << "get: " << c << " state " << is.rdstate() << endl;
    is.clear();
    char line[8] = "xxxxxxx";
    is.getline(line, 8);
    cout << "getline: state " << is.rdstate() << " gcount " << is.gcount() << " [" << line << "]" << endl;
    is.clear();
    is.read(line, 4);
    cout << "read: state " << is.rdstate() << endl;
    is.clear();
    cout << "peek: " << is.peek() << " state " << is.rdstate() << endl;
    os.clear();
    os.flush();
    cout << "flush: state " << os.rdstate() << " destroyed " << Boom::destroyed << " uncaught "
         << std::uncaught_exceptions() << endl;
}

// -- named locales: std::locale("") is the user's (English (United States) here), made by _Makeloc
// under a _Locinfo of the name; locale::global sets the C locale to it too
extern "C" __declspec(dllimport) char *__cdecl setlocale(int, const char *);
static void NamedLocales()
{
    std::locale user("");
    const std::numpunct<char> &np = std::use_facet<std::numpunct<char>>(user);
    std::string grouping = np.grouping();
    cout << "locale(\"\"): name [" << user._C_str() << "] numpunct '" << np.decimal_point() << "' '"
         << np.thousands_sep() << "' grouping " << grouping.size() << ":" << (int)grouping.c_str()[0] << endl;
    MemBuf buf;
    std::ostream os(&buf);
    os.imbue(user);
    os << 1234567 << " " << -98765.4321 << " " << 1234567.0 << " ";
    os.setf(ios_base::fixed, ios_base::fixed | ios_base::scientific);
    os.precision(2);
    os << 1234567.891;
    cout << "in the user's locale: [" << buf.text() << "]" << endl;
    MemBuf ib("12,345,678 9,876.5");
    std::istream is(&ib);
    is.imbue(user);
    long n = 0;
    double d = 0;
    is >> n >> d;
    cout << "read in it: " << n << " " << d << " " << StateName(is.rdstate()) << endl;
    const std::numpunct<wchar_t> &wnp = std::use_facet<std::numpunct<wchar_t>>(user);
    cout << "numpunct<wchar_t> of it: " << (int)wnp.decimal_point() << " " << (int)wnp.thousands_sep() << endl;
    std::locale c("C");
    cout << "locale(\"C\"): name [" << c._C_str() << "] thousands_sep '"
         << std::use_facet<std::numpunct<char>>(c).thousands_sep() << "' grouping "
         << std::use_facet<std::numpunct<char>>(c).grouping().size() << endl;
    std::locale numeric_only(".1252", std::locale::numeric);
    cout << "numeric only: name [" << numeric_only._C_str() << "] has numpunct "
         << (std::locale(std::locale::classic(), &std::use_facet<std::numpunct<char>>(numeric_only))._C_str()[0] == '*')
         << endl;
    // its ctype is not in it: use_facet makes one through _Getcat, kept by _Facet_Register until exit
    const std::ctype<char> &lazy = std::use_facet<std::ctype<char>>(numeric_only);
    cout << "lazy ctype<char>: space " << lazy.is(std::ctype_base::space, ' ') << ", the same again "
         << (&std::use_facet<std::ctype<char>>(numeric_only) == &lazy) << ", not the classic one "
         << (&lazy != &std::use_facet<std::ctype<char>>(std::locale::classic())) << endl;
    try {
        std::locale bad("Klingon_Qo'noS");
        Check(false, "a locale the runtime has no data for was made");
    } catch (const std::runtime_error &e) {
        cout << "locale(\"Klingon_Qo'noS\") threw runtime_error: " << e.what() << endl;
    }
    cout << "C locale before global: " << setlocale(0, nullptr) << endl;
    std::locale old = std::locale::global(user);
    cout << "after global(user): " << setlocale(0, nullptr) << " ; old name [" << old._C_str() << "]" << endl;
    std::locale::global(std::locale::classic());
    cout << "after global(classic): " << setlocale(0, nullptr) << endl;
}

// -- RTTI of the DLL's own objects: typeid and dynamic_cast on its facets and standard streams
static void Rtti()
{
    std::locale loc = std::locale::classic();
    const std::locale::facet &put = std::use_facet<std::num_put<char>>(loc);
    const std::locale::facet &punct = std::use_facet<std::numpunct<wchar_t>>(loc);
    const std::locale::facet &cvt = std::use_facet<std::codecvt<wchar_t, char, _Mbstatet>>(loc);
    cout << "typeid(num_put facet): " << typeid(put).name() << endl;
    cout << "typeid(numpunct<wchar_t> facet): " << typeid(punct).name() << endl;
    cout << "typeid(codecvt facet): " << typeid(cvt).name() << endl;
    const std::ctype<char> &ct = std::use_facet<std::ctype<char>>(loc);
    cout << "typeid(ctype<char> facet): " << typeid(ct).name() << endl;
    Check(typeid(put) == typeid(std::num_put<char>), "typeid of the DLL's num_put equals the program's");
    Check(dynamic_cast<const std::num_put<char> *>(&put) == &put, "dynamic_cast to num_put<char>");
    Check(dynamic_cast<const std::num_get<char> *>(&put) == nullptr, "dynamic_cast of num_put to num_get fails");
    Check(dynamic_cast<const std::codecvt_base *>(&cvt) != nullptr, "dynamic_cast of codecvt to codecvt_base");
    Check(dynamic_cast<const std::numpunct<char> *>(&punct) == nullptr, "numpunct<wchar_t> is no numpunct<char>");
    cout << "typeid(cout): " << typeid(std::cout).name() << endl;
    cout << "typeid(wcin): " << typeid(std::wcin).name() << endl;
    std::streambuf *sb = std::cout.rdbuf();
    cout << "typeid(*cout.rdbuf()): " << typeid(*sb).name() << endl;
    std::ios_base *base = &std::cout;
    Check(dynamic_cast<std::ostream *>(base) == &std::cout, "dynamic_cast from cout's ios_base to ostream");
    Check(dynamic_cast<std::istream *>(base) == nullptr, "cout is no istream");
    std::ios_base *in = &std::cin;
    Check(dynamic_cast<std::istream *>(in) == &std::cin, "dynamic_cast from cin's ios_base to istream");
    Check(typeid(*in) == typeid(std::istream), "typeid(cin) through its ios_base");
    cout << "typeid(locale::_Locimp): " << typeid(*loc._Ptr).name() << endl;
    // streams the program makes: their vftables are the DLL's while its constructors run and after
    MemBuf buf;
    std::ostream plain(&buf);
    std::ios_base &pb = plain;
    cout << "typeid(a plain ostream): " << typeid(pb).name() << endl;
    Check(dynamic_cast<std::ostream *>(&pb) == &plain, "dynamic_cast to the program's ostream");
    std::iostream both(&buf);
    std::ios_base &bb = both;
    cout << "typeid(an iostream): " << typeid(bb).name() << endl;
    Check(dynamic_cast<std::ostream *>(&bb) == static_cast<std::ostream *>(&both), "dynamic_cast to its ostream part");
    Check(dynamic_cast<std::istream *>(&bb) == static_cast<std::istream *>(&both), "dynamic_cast to its istream part");
    Check(dynamic_cast<std::iostream *>(&bb) == &both, "dynamic_cast to the iostream");
}

// -- time_put: one field, and a pattern (literals, %%, an unknown specifier, a field out of range)
static void TimePut()
{
    tm t = {9, 5, 13, 29, 1, 124, 4, 59, 0};              // Thursday 2024-02-29 13:05:09
    const std::time_put<char> &tp = std::use_facet<std::time_put<char>>(std::locale::classic());
    MemBuf buf;
    std::ostream os(&buf);
    tp.put(std::ostreambuf_iterator<char>(&buf), os, ' ', &t, 'Y');
    const char pattern[] = "[%Y-%m-%d %H:%M:%S] %a %B %j %I%p %% %#d %q %";
    tp.put(std::ostreambuf_iterator<char>(&buf), os, ' ', &t, pattern, pattern + sizeof pattern - 1);
    cout << "time_put: " << buf.text() << endl;
    tm bad = t;
    bad.tm_mon = 12;
    MemBuf buf2;
    std::ostream os2(&buf2);
    const char pattern2[] = "%d %b %Y";
    tp.put(std::ostreambuf_iterator<char>(&buf2), os2, ' ', &bad, pattern2, pattern2 + sizeof pattern2 - 1);
    cout << "a month out of range: " << buf2.text() << endl;
    const std::time_put<wchar_t> &wtp = std::use_facet<std::time_put<wchar_t>>(std::locale::classic());
    WMemBuf wbuf;
    std::wostream wos(&wbuf);
    const wchar_t wpattern[] = L"%A %H:%M";
    wtp.put(std::ostreambuf_iterator<wchar_t>(&wbuf), wos, L' ', &t, wpattern, wpattern + 8);
    cout << "time_put<wchar_t>:";
    for (const wchar_t *p = wbuf.text(); *p; p++)
        cout << ' ' << (int)*p;
    cout << endl;
}

// -- the vbase destructor (??_D) MSVC calls to destroy a complete ostream it made: the stream's
// locale is released with it
extern "C" __declspec(dllimport) void __cdecl ostream_vbase_dtor(std::ostream *)
    __asm__("??_D?$basic_ostream@DU?$char_traits@D@std@@@std@@QEAAXXZ");
static void VbaseDtor()
{
    MemBuf buf;
    alignas(16) unsigned char storage[sizeof(std::ostream)];
    std::ostream *os = new (storage) std::ostream(&buf);
    std::locale::_Locimp *imp = os->getloc()._Ptr;
    unsigned long before = imp->_Myrefs;
    *os << 5;
    ostream_vbase_dtor(os);
    cout << "??_D: the stream's locale released " << (before - imp->_Myrefs) << ", wrote [" << buf.text() << "]" << endl;
}

// -- wide file streams: the file holds the "C" locale's bytes, through codecvt<wchar_t, char>
static void WideFiles()
{
    {
        std::wofstream out(L"wide.txt");
        out << L"caf\xe9 " << 42 << L' ' << 2.5 << std::endl;
        out << L"x" << L"\x4e2d" << L"y";
        cout << "wofstream: bad " << out.bad() << endl;
    }
    std::wifstream in("wide.txt");
    wchar_t word[16];
    int n = 0;
    double d = 0;
    std::Extract(in, word, 16);
    in >> n >> d;
    in.get();
    typename std::char_traits<wchar_t>::int_type x = in.get(), end = in.get();
    cout << "wifstream: " << (int)word[3] << " " << n << " " << d << " then " << (int)x << " " << (end == 0xFFFF)
         << " eof " << in.eof() << endl;
    std::ifstream raw("wide.txt", ios_base::in | ios_base::binary);
    char bytes[32];
    raw.read(bytes, sizeof bytes);
    cout << "the file holds " << raw.gcount() << " bytes:";
    for (long long i = 0; i < raw.gcount(); i++)
        cout << ' ' << (int)(unsigned char)bytes[i];
    cout << endl;
}

extern "C" int CxxMain()
{
    OutputTable();
    InputTable();
    Facets();
    OwnFacets();
    Throwing();
    WideFiles();
    Rtti();
    NamedLocales();
    VbaseDtor();
    TimePut();
    cout << "failures: " << failures << endl;
    return 40 + failures;
}
