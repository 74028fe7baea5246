// C++ exceptions in the MSVC ABI (x86_64-pc-windows-msvc: __CxxFrameHandler3 tables and
// _CxxThrowException, as MSVC builds them), with no headers: built by clang and run on
// vcruntime140.dll. The driver (except_msvc.c) prints and checks.
extern "C" void Say(const char *);
extern "C" void SayNumber(const char *, long long);

inline void *operator new(unsigned long long, void *where) noexcept { return where; }
void operator delete(void *, unsigned long long) noexcept {}     // the deleting destructors' references
void operator delete(void *) noexcept {}

struct Base {
    int v;
    explicit Base(int x) : v(x) {}
    virtual ~Base() {}
    virtual int Kind() const { return 1; }
};
struct Derived : Base {
    explicit Derived(int x) : Base(x) {}
    int Kind() const override { return 2; }
};
struct Noisy {
    const char *name;
    explicit Noisy(const char *n) : name(n) {}
    ~Noisy() { Say("  ~Noisy "); Say(name); Say("\n"); }
};
struct Counted {
    static int live;
    int id;
    explicit Counted(int i) : id(i) { live++; }
    Counted(const Counted &o) : id(o.id) { live++; }
    ~Counted() { live--; }
};
int Counted::live;
alignas(Derived) static unsigned char store[sizeof(Derived)];

__attribute__((noinline)) void Thrower(int kind, int v)
{
    Noisy n("in Thrower");
    switch (kind) {
    case 0: throw v;
    case 1: throw Derived(v);
    case 2: throw (const char *)"text";
    case 3: throw Counted(v);
    case 4: throw new (store) Derived(v);
    case 5: throw 2.5;
    }
}

extern "C" long long CatchTyped(int kind, int v)
{
    Noisy n("in CatchTyped");
    try {
        Thrower(kind, v);
    } catch (int x) {
        SayNumber("caught int ", x);
        return x;
    } catch (const Base &b) {
        SayNumber("caught const Base& of kind ", b.Kind());
        return b.v + 1000;
    } catch (const char *s) {
        Say("caught const char* ");
        Say(s);
        Say("\n");
        return 2;
    } catch (Counted c) {
        SayNumber("caught Counted by value, id ", c.id);
        SayNumber("live Counted objects in the catch ", Counted::live);
        return c.id;
    } catch (Base *p) {
        SayNumber("caught Base* with v ", p->v);
        return p->v;
    } catch (...) {
        Say("caught (...)\n");
        return -2;
    }
    return -1;
}

extern "C" long long Nested(int v)
{
    long long r = 0;
    try {
        Thrower(0, v);
    } catch (int x) {
        try {
            Thrower(1, x + 1);
        } catch (Base &b) {
            SayNumber("inner catch inside a catch block got ", b.v);
            r = b.v;
        }
        SayNumber("the outer catch still has x = ", x);
        r += x;
    }
    return r;
}

extern "C" long long Rethrow(int v)
{
    try {
        try {
            Thrower(0, v);
        } catch (...) {
            Say("catch(...): rethrow\n");
            throw;
        }
    } catch (int x) {
        SayNumber("outer catch(int) got ", x);
        return x;
    }
    return -1;
}

extern "C" long long ThrowFromCatch(int v)
{
    try {
        try {
            Thrower(0, v);
        } catch (int x) {
            Noisy n("in the first catch");
            throw Derived(x * 2);
        }
    } catch (Derived &d) {
        SayNumber("caught the Derived thrown from a catch block: ", d.v);
        return d.v;
    }
    return -1;
}

extern "C" int LiveCounted(void) { return Counted::live; }
