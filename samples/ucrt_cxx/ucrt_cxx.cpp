// C++ exceptions and the standard library, built by zig c++ (libc++ over the UCRT): throw and
// catch by type, by base class and with catch(...), rethrow, destructors of locals run during
// unwinding, a try nested in a catch block, std::string/std::vector/std::cout, std::thread with
// std::mutex. With an argument it ends through std::terminate: "uncaught" throws out of main,
// "noexcept" throws out of a noexcept function.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

struct Base { int code; explicit Base(int c) : code(c) {} virtual ~Base() {} };
struct Derived : Base { explicit Derived(int c) : Base(c) {} };

struct Guard {
    const char *name;
    explicit Guard(const char *n) : name(n) { std::printf("enter %s\n", name); }
    ~Guard() { std::printf("leave %s\n", name); }
};

static int depth_reached;

static void __attribute__((noinline)) dive(int n)
{
    Guard g(n == 0 ? "dive0" : n == 1 ? "dive1" : "dive2");
    depth_reached = n;
    if (n == 2)
        throw Derived(42);
    dive(n + 1);
}

static void __attribute__((noinline)) rethrower()
{
    try {
        throw std::runtime_error("first");
    } catch (const std::exception &e) {
        std::printf("rethrower caught %s, rethrowing\n", e.what());
        throw;
    }
}

static void __attribute__((noinline)) thrower()
{
    throw std::logic_error("out of noexcept");
}

static void __attribute__((noinline)) no_throw_promised() noexcept
{
    thrower();
}

int main(int argc, char **argv)
{
    if (argc > 1 && !std::strcmp(argv[1], "uncaught")) {
        std::printf("throwing out of main\n");
        std::fflush(stdout);
        throw std::runtime_error("nobody catches this");
    }
    if (argc > 1 && !std::strcmp(argv[1], "noexcept")) {
        std::printf("throwing out of noexcept\n");
        std::fflush(stdout);
        no_throw_promised();
    }

    try { throw 7; } catch (int v) { std::printf("caught int %d\n", v); }
    try { throw std::string("text"); } catch (const std::string &s) { std::printf("caught string %s\n", s.c_str()); }
    try {
        dive(0);
    } catch (const Base &b) {
        std::printf("caught Base& code %d at depth %d\n", b.code, depth_reached);
    }
    try { throw Derived(5); } catch (Derived *) { std::printf("wrong\n"); } catch (...) { std::printf("caught ...\n"); }
    try { throw new Derived(9); } catch (Base *p) { std::printf("caught Base* code %d\n", p->code); delete p; }
    try {
        rethrower();
    } catch (const std::runtime_error &e) {
        std::printf("main caught rethrown %s\n", e.what());
    }
    try {
        throw std::out_of_range("outer");
    } catch (const std::logic_error &outer) {
        Guard g("catch block");
        try {
            throw std::invalid_argument("inner");
        } catch (const std::exception &inner) {
            std::printf("nested: %s inside %s\n", inner.what(), outer.what());
        }
    }
    try {
        std::vector<int> v(3);
        (void)v.at(5);
    } catch (const std::out_of_range &) {
        std::printf("vector::at threw out_of_range\n");
    }

    std::vector<std::string> words = {"alpha", "beta", "gamma"};
    std::string joined;
    for (const auto &w : words)
        joined += (joined.empty() ? "" : "+") + w;
    std::cout << "cout: " << joined << " size " << joined.size() << ' ' << 3.25 << std::endl;

    std::mutex m;
    long counter = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; t++)
        threads.emplace_back([&m, &counter] {
            for (int i = 0; i < 1000; i++) {
                std::lock_guard<std::mutex> lock(m);
                counter++;
            }
        });
    for (auto &t : threads)
        t.join();
    std::cout << "threads counted " << counter << std::endl;
    return 0;
}
