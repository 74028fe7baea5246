// msvcp140.dll's core as an MSVC-built program uses it (clang for the MSVC ABI, the STL's
// declarations in msvcstl.h): the standard streams, the _X* throwers and std::exception,
// exception_ptr, uncaught_exceptions, std::mutex / condition_variable / thread. All output goes
// through std::cout and std::cerr (and the wide ones); the result is 40 + the number of failed checks.
#include "msvcstl.h"

using std::cout;
using std::endl;
static int failures;

static void Check(bool ok, const char *what)
{
    if (!ok) {
        failures++;
        cout << "FAILED: " << what << endl;
    }
}

// -- the stream inserters and manipulators
static void Streams()
{
    cout << "text " << 42 << ' ' << -7 << endl;
    cout << 3000000000u << ' ' << -9000000000LL << ' ' << 18446744073709551615ULL << endl;
    cout << 2.5 << ' ' << 3.14159265 << ' ' << 1e20 << ' ' << 0.0001 << ' ' << -0.0 << endl;
    cout << true << ' ' << false << endl;
    cout.width(6);
    cout << 42 << '|' << endl;
    cout.width(6);
    cout.setf(std::ios_base::left, std::ios_base::adjustfield);
    cout << "ab" << '|' << endl;
    cout.setf(std::ios_base::right, std::ios_base::adjustfield);
    cout.setf(std::ios_base::hex, std::ios_base::basefield);
    cout << 255 << ' ';
    cout.setf(std::ios_base::showbase | std::ios_base::uppercase, std::ios_base::showbase | std::ios_base::uppercase);
    cout << 255 << endl;
    cout.setf(std::ios_base::dec, std::ios_base::basefield | std::ios_base::showbase | std::ios_base::uppercase);
    cout.precision(3);
    cout.setf(std::ios_base::fixed, std::ios_base::fixed | std::ios_base::scientific);
    cout << 0.1 << ' ' << 2.0 / 3 << endl;
    cout.setf(std::ios_base::scientific, std::ios_base::fixed | std::ios_base::scientific);
    cout << 12345.678 << endl;
    cout.setf(0, std::ios_base::fixed | std::ios_base::scientific);
    cout.precision(6);
    cout << (const void *)0x1234 << endl;
    cout << std::setw(8) << std::setprecision(4) << 3.14159265 << '|' << std::setbase(16) << 3054 << ' '
         << std::setiosflags(std::ios_base::showbase | std::ios_base::uppercase) << 3054
         << std::resetiosflags(std::ios_base::showbase | std::ios_base::uppercase) << std::setbase(10) << ' ' << 3054
         << std::setprecision(6) << endl;
    cout.exceptions(std::ios_base::failbit);
    try {
        cout.setstate(std::ios_base::failbit);
        Check(false, "setstate(failbit) with failbit in the mask returned");
    } catch (const std::ios_base::failure &e) {
        cout.exceptions(0);
        cout.clear();
        cout << "ios_base::failure " << e._Mycode._Myval << " of " << e._Mycode._Mycat->name() << ": " << e.what()
             << endl;
    }
    cout.write("written\n", 8);
    cout.put('p').put('\n');
    Check(cout.good() && cout.rdstate() == 0, "cout is good");
    Check(cout.tie() == nullptr, "cout is tied to nothing");
    Check(std::cerr.tie() == &cout && (std::cerr.flags() & std::ios_base::unitbuf), "cerr: tied to cout, unitbuf");
    Check(std::cin.tie() == &cout, "cin is tied to cout");
    Check(cout.fill() == ' ' && cout.widen('x') == 'x', "fill and widen");
    const std::ctype<char> &ct = std::use_facet<std::ctype<char>>(cout.getloc());
    Check(ct.is(std::ctype_base::space, '\t') && !ct.is(std::ctype_base::space, 'a'), "ctype<char>::is(space)");
    Check(ct.is(std::ctype_base::digit, '7') && ct.toupper('q') == 'Q', "ctype<char> digit, toupper");
    cout << "to cout, then cerr: ";
    std::cerr << "on stderr" << endl;
    std::clog << "on clog" << endl;
    cout.flush();
}

// -- streams of the program's own: a basic_streambuf whose put area is a fixed array (overflow
// refuses more), an ostream and an istream over it, as basic_ostringstream and istringstream are
class ArrayBuf : public std::streambuf {
public:
    ArrayBuf() { setp(data, data + sizeof data - 1); }
    const char *text() { *pptr() = 0; return data; }
    void read_back() { setg(data, data, pptr()); }
protected:
    int overflow(int c) override { overflows++; return c == -1 ? 0 : -1; }
public:
    int overflows = 0;
private:
    char data[40];
};
class ArrayStream : public std::ostream {
public:
    ArrayStream() : std::ostream(&buf) {}
    ArrayBuf buf;
};
class ArrayInput : public std::istream {
public:
    explicit ArrayInput(ArrayBuf *b) : std::istream(b) {}
};

static void OwnStreams()
{
    ArrayStream *s = new (malloc(sizeof(ArrayStream))) ArrayStream;
    *s << "x= " << 42 << " pi= " << 3.14159 << " hex " << std::setbase(16) << 255 << endl;
    Check(s->good() && s->tie() == nullptr && s->rdbuf() == &s->buf && s->fill() == ' ', "a new ostream's state");
    cout << "the array holds: " << s->buf.text();
    ArrayInput in(&s->buf);
    s->buf.read_back();
    char word[8], word2[8];
    int n = 0;
    double d = 0;
    std::Extract(in, word, sizeof word);
    in >> n;
    std::Extract(in, word2, sizeof word2);
    in >> d;
    cout << "read back: " << word << ' ' << n << ' ' << word2 << ' ' << d << ", good " << in.good() << endl;
    {
        ArrayBuf other;
        std::ostream plain(&other);              // the most derived object: its own vbtable and basic_ios
        plain << "a plain ostream " << 7 << std::endl;
        Check(plain.rdbuf() == &other && plain.good(), "a plain ostream's buffer and state");
        cout << other.text();
    }
    {
        ArrayBuf both;
        std::iostream io(&both);                 // istream and ostream parts over one virtual basic_ios
        io << 12 << ' ' << 34 << ' ';
        both.read_back();
        int a = 0, b = 0;
        io >> a >> b;
        Check(io.rdbuf() == &both && static_cast<std::ostream &>(io).tie() == nullptr, "an iostream's buffer");
        cout << "an iostream read back " << a + b << ", state " << io.rdstate() << endl;
    }
    *s << "more text than the array has room for";
    cout << "full: bad " << s->bad() << ", overflow calls " << s->buf.overflows << endl;
    s->~ArrayStream();
    free(s);
}

// -- the throwers: real C++ exceptions with the STL's types, caught by the program's own handlers
template <class F> static void Expect(F f, const char *name)
{
    try {
        f();
        Check(false, "the thrower returned");
    } catch (const std::length_error &e) {
        cout << name << ": length_error, logic_error: " << e.what() << endl;
    } catch (const std::out_of_range &e) {
        cout << name << ": out_of_range: " << e.what() << endl;
    } catch (const std::logic_error &e) {
        cout << name << ": a logic_error: " << e.what() << endl;
    } catch (const std::overflow_error &e) {
        cout << name << ": overflow_error: " << e.what() << endl;
    } catch (const std::system_error &e) {
        cout << name << ": system_error " << e._Mycode._Myval << " of " << e._Mycode._Mycat->name() << ": "
             << e.what() << endl;
    } catch (const std::regex_error &e) {
        cout << name << ": regex_error " << (int)e._Err << ": " << e.what() << endl;
    } catch (const std::runtime_error &e) {
        cout << name << ": a runtime_error: " << e.what() << endl;
    } catch (const std::bad_alloc &e) {
        cout << name << ": bad_alloc: " << e.what() << endl;
    } catch (const std::exception &e) {
        cout << name << ": a std::exception: " << e.what() << endl;
    }
}

struct Watch {
    int *seen;
    ~Watch() { *seen = std::uncaught_exceptions() * 10 + (std::uncaught_exception() ? 1 : 0); }
};

static void Throwers()
{
    Expect([] { std::_Xlength_error("string too long"); }, "_Xlength_error");
    Expect([] { std::_Xout_of_range("invalid vector subscript"); }, "_Xout_of_range");
    Expect([] { std::_Xinvalid_argument("invalid stoi argument"); }, "_Xinvalid_argument");
    Expect([] { std::_Xoverflow_error("bitset overflow"); }, "_Xoverflow_error");
    Expect([] { std::_Xruntime_error("runtime"); }, "_Xruntime_error");
    Expect([] { std::_Xbad_alloc(); }, "_Xbad_alloc");
    Expect([] { std::_Xbad_function_call(); }, "_Xbad_function_call");
    Expect([] { std::_Xregex_error(std::regex_constants::error_paren); }, "_Xregex_error");
    Expect([] { std::_Throw_Cpp_error(0); }, "_Throw_Cpp_error(0)");
    Expect([] { std::_Throw_Cpp_error(5); }, "_Throw_Cpp_error(5)");
    Expect([] { SetLastError(2); std::_XGetLastError(); }, "_XGetLastError(2)");
    cout << "_Syserror_map(13): " << std::_Syserror_map(13) << ", _Winerror_map(5): " << std::_Winerror_map(5)
         << ", _Syserror_map(9999): " << std::_Syserror_map(9999) << endl;
    unsigned int r1 = std::_Random_device(), r2 = std::_Random_device();
    Check(r1 != r2, "random_device gives different values");
    try {
        std::_Xlength_error("by value");
    } catch (std::exception e) {            // a copy through the catchable type's copy constructor
        cout << "caught by value: " << e.what() << endl;
    }
    int seen = -1;
    try {
        Watch w{&seen};
        std::_Xout_of_range("x");
    } catch (...) {
    }
    cout << "uncaught_exceptions in a destructor run by the unwinding: " << seen << endl;
    {
        Watch w{&seen};
    }
    cout << "and in one run normally: " << seen << endl;
}

// -- exception_ptr: current_exception in a handler, copies, comparison, rethrow_exception
static void ExceptionPtr()
{
    std::exception_ptr empty;
    Check(!empty, "a default exception_ptr is null");
    std::exception_ptr p;
    try {
        std::_Xout_of_range("kept for later");
    } catch (...) {
        p = std::current_exception();
    }
    Check(bool(p), "current_exception in a handler is not null");
    std::exception_ptr q(p);
    Check(q == p && !(q == empty), "copies compare equal");
    try {
        std::rethrow_exception(q);
    } catch (const std::out_of_range &e) {
        cout << "rethrown: out_of_range: " << e.what() << endl;
    }
    std::exception_ptr outside = std::current_exception();
    Check(!outside, "current_exception outside a handler is null");
}

// -- threads: a counter under a mutex, a condition-variable handshake, recursion, try_lock
static std::mutex counter_lock;
static long long counter;
static std::mutex queue_lock;
static std::condition_variable queue_ready;
static int queue[8], queued, consumed_sum;
static std::recursive_mutex rlock;

static void Threads()
{
    std::thread *workers[4];
    unsigned char store[4][sizeof(std::thread)];
    for (int i = 0; i < 4; i++)
        workers[i] = new (store[i]) std::thread([] {
            for (int k = 0; k < 500; k++) {
                counter_lock.lock();
                long long v = counter;
                if (k % 50 == 0)
                    _Thrd_yield();
                counter = v + 1;
                counter_lock.unlock();
            }
        });
    for (int i = 0; i < 4; i++)
        workers[i]->join();
    cout << "counter after 4 threads x 500: " << counter << endl;

    std::thread consumer([] {
        int got = 0;
        queue_lock.lock();
        while (got < 8) {
            while (queued == got)
                queue_ready.wait(queue_lock);
            consumed_sum += queue[got++];
        }
        queue_lock.unlock();
    });
    for (int i = 0; i < 8; i++) {
        queue_lock.lock();
        queue[queued++] = (i + 1) * 10;
        queue_lock.unlock();
        queue_ready.notify_one();
        if (i % 3 == 0)
            _Thrd_yield();
    }
    consumer.join();
    cout << "the consumer's sum: " << consumed_sum << endl;

    rlock.lock();
    Check(rlock.try_lock(), "a recursive mutex locks again");
    rlock.unlock();
    Check(_Mtx_current_owns(&rlock._Mtx) == 1, "still owned after one unlock");
    rlock.unlock();
    Check(_Mtx_current_owns(&rlock._Mtx) == 0, "free after two");
    counter_lock.lock();
    static int other_try;
    std::thread other([] { other_try = counter_lock.try_lock() ? 1 : 2; });
    other.join();
    counter_lock.unlock();
    Check(other_try == 2, "try_lock of a mutex another thread holds fails");
    Check(_Thrd_hardware_concurrency() >= 1, "hardware_concurrency");
    static unsigned int ids[2];
    ids[0] = _Thrd_id();
    std::thread t([] { ids[1] = _Thrd_id(); });
    unsigned int tid = t.get_id();
    t.join();
    Check(ids[1] == tid && ids[0] != ids[1], "thread ids");
    long long f = _Query_perf_frequency(), c0 = _Query_perf_counter();
    _timespec64 later = {0, 0};
    long long ticks = _Xtime_get_ticks();
    later.tv_sec = ticks / 10000000 - 11644473600LL;      // _Xtime_get_ticks counts 100 ns from 1601
    later.tv_nsec = (long)(ticks % 10000000) * 100 + 20000000;
    _Thrd_sleep(&later);
    long long c1 = _Query_perf_counter();
    Check(f > 0 && c1 > c0, "the performance counter runs");
    Check(_Xtime_get_ticks() - ticks >= 200000, "_Thrd_sleep slept until the time");

    static std::mutex exit_lock;
    static std::condition_variable exited;
    static int done;
    std::thread notifier([] {
        exit_lock.lock();
        done = 1;
        std::notify_all_at_thread_exit(exited, exit_lock);     // exit_lock stays locked until the end
    });
    exit_lock.lock();
    while (!done)
        exited.wait(exit_lock);
    exit_lock.unlock();
    notifier.join();
    cout << "notify_all_at_thread_exit woke the waiter: " << done << endl;
    static std::once_flag once;
    static int calls;
    for (int i = 0; i < 3; i++)
        std::call_once(once, [] { calls++; });
    cout << "call_once ran its callable " << calls << " time(s)" << endl;

    // the older entry points: _Thrd_create's thread returns a code _Thrd_join gives back; a timed
    // wait on a condition variable nobody signals times out (_Thrd_result::_Timedout, 2)
    _Thrd_t old{};
    int code = 0;
    int created = _Thrd_create(&old, [](void *p) -> int { return *static_cast<int *>(p) * 2; }, &calls);
    int joined = _Thrd_join(old, &code);
    _Mtx_internal_imp_t *m = nullptr;
    _Cnd_internal_imp_t *c = nullptr;
    Check(_Mtx_init(&m, 1) == 0 && _Cnd_init(&c) == 0, "_Mtx_init and _Cnd_init");
    _Mtx_lock(m);
    ticks = _Xtime_get_ticks();
    _timespec64 soon = {ticks / 10000000 - 11644473600LL, (long)(ticks % 10000000) * 100 + 30000000};
    if (soon.tv_nsec >= 1000000000) {
        soon.tv_sec++;
        soon.tv_nsec -= 1000000000;
    }
    int waited = _Cnd_timedwait(c, m, &soon);
    _Mtx_unlock(m);
    _Cnd_destroy(c);
    _Mtx_destroy(m);
    cout << "_Thrd_create " << created << ", join " << joined << ", exit code " << code << "; _Cnd_timedwait "
         << waited << " after " << (_Xtime_get_ticks() - ticks >= 300000 ? "30 ms or more" : "less than 30 ms") << endl;
}

// -- the extractors on std::cin
static void Input()
{
    int n = 0;
    double d = 0;
    char word[16];
    Check(!std::cin == std::cin.fail() && bool(std::cin >> n >> d) == !std::cin.fail(), "cin's operator bool and !");
    std::Extract(std::cin, word, sizeof word);
    cout << "read " << n << ", " << d << ", " << word << endl;
    char line[32];
    std::cin.ignore();
    std::cin.getline(line, sizeof line, '\n');
    cout << "the line: " << line << " (" << std::cin.gcount() << " characters)" << endl;
    std::cin.clear();                                       // exceptions() throws for a state already set
    std::cin.exceptions(std::ios_base::failbit);            // the failure is thrown through msvcp140's frames
    try {
        std::cin >> n;
        Check(false, "the failed extraction returned");
    } catch (const std::ios_base::failure &e) {
        cout << "cin threw: " << e.what() << endl;
    }
    std::cin.exceptions(0);
    Check(std::cin.fail(), "a failed extraction sets failbit");
    cout << "state after \"x\": " << std::cin.rdstate() << endl;
}

// -- the wide streams: the same members for wchar_t, narrowed as the "C" locale does on output
static void Wide()
{
    std::wcout << L"wide " << 42 << L' ' << 2.5 << L" caf\u00e9" << endl;
    std::wcout.width(5);
    std::wcout << L"ab" << L'|' << endl;
    std::wcout << L"\u4e2d";
    Check(std::wcout.bad(), "a character the C locale cannot narrow sets badbit");
    std::wcout.clear();
    Check(std::wcerr.tie() == &std::wcout && std::wcin.tie() == &std::wcout, "wcerr and wcin are tied to wcout");
    const std::ctype<wchar_t> &ct = std::use_facet<std::ctype<wchar_t>>(std::wcout.getloc());
    Check(ct.is(std::ctype_base::space, L' ') && !ct.is(std::ctype_base::space, L'q'), "ctype<wchar_t>::is");
    Check(ct.widen('a') == L'a' && ct.narrow(L'\u4e2d', '?') == '?', "ctype<wchar_t> widen and narrow");
    wchar_t first[8], second[8];
    int n = 0;
    std::Extract(std::wcin, first, 8);
    std::wcin >> n;
    std::Extract(std::wcin, second, 8);
    std::wcout << L"wcin read " << first << L", " << n << L", " << second << endl;
    std::wcerr << L"on wcerr" << endl;
}

extern "C" int CxxMain(void)
{
    Streams();
    OwnStreams();
    Throwers();
    ExceptionPtr();
    Threads();
    Input();
    std::cin.clear();
    Wide();
    cout << "failures: " << failures << endl;
    return failures + 40;
}
