// C++ exceptions in the MSVC ABI (x86_64-pc-windows-msvc: __CxxFrameHandler3 tables and
// _CxxThrowException, as MSVC builds them), with no headers: built by clang and run on
// vcruntime140.dll. The driver (except_msvc.c) prints and checks.
extern "C" void Say(const char *);
extern "C" void SayNumber(const char *, long long);

// What the Microsoft STL's <typeinfo> and <exception> declare (their layouts: a type descriptor
// is a type_info; std::exception is a vftable, a message and whether it owns it): declared here,
// as the headers are not at hand; name() is what the STL's inline type_info::name() calls.
namespace std {
class type_info {
public:
    virtual ~type_info();
    mutable struct { const char *undecorated; char decorated[1]; } data;
};
class exception {
public:
    virtual ~exception();
    virtual const char *what() const;
private:
    const char *message;
    bool owned;
};
class bad_cast : public exception {};
class bad_typeid : public exception {};
}
extern "C" const char *__std_type_info_name(void *data, void *root);
alignas(16) static unsigned char type_info_root[16];        // the module's __type_info_root_node
static const char *Name(const std::type_info &t) { return __std_type_info_name(&t.data, type_info_root); }
extern "C" void __std_type_info_destroy_list(void *root);
extern "C" void ForgetTypeNames(void) { __std_type_info_destroy_list(type_info_root); }

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

// The int leaves the inner catch block (destroying its z once) and the outer one for the catch around.
extern "C" long long ThrowFromNestedCatch(int v)
{
    try {
        try {
            Thrower(0, v);
        } catch (int x) {
            try {
                Thrower(1, x);
            } catch (Base &) {
                Noisy z("in the inner catch block");
                throw x + 2;
            }
        }
    } catch (int y) {
        SayNumber("caught the int thrown from a catch block inside a catch block: ", y);
        return y;
    }
    return -1;
}

extern "C" int LiveCounted(void) { return Counted::live; }

// Run-time type information: typeid of a polymorphic object (__RTtypeid), dynamic_cast down, across
// and to void* (__RTDynamicCast, __RTCastToVoid), std::bad_cast and std::bad_typeid from vcruntime.
struct Left { int l = 1; virtual ~Left() {} };
struct Right { int r = 2; virtual ~Right() {} };
struct Both : Left, Right { int b = 3; };
struct Other : Base { explicit Other(int x) : Base(x) {} };
template <typename T> struct Box { T value; };
namespace app { struct Widget { virtual ~Widget() {} }; }

extern "C" void Rtti(void)
{
    Derived d(5);
    Other o(6);
    Base *pd = &d, *po = &o;
    Say("typeid(*pd): "); Say(Name(typeid(*pd))); Say("\n");
    Say("typeid(int): "); Say(Name(typeid(int))); Say("\n");
    Say("typeid(const char *): "); Say(Name(typeid(const char *))); Say("\n");
    Say("typeid(Box<int>): "); Say(Name(typeid(Box<int>))); Say("\n");
    Say("typeid(Box<Box<unsigned __int64>>): "); Say(Name(typeid(Box<Box<unsigned long long>>))); Say("\n");
    app::Widget w;
    app::Widget *pw = &w;
    Say("typeid(*pw): "); Say(Name(typeid(*pw))); Say("\n");
    Say(Name(typeid(*pd)) == Name(typeid(Derived)) ? "the name is kept: the same pointer again\n" : "named twice\n");
    SayNumber("dynamic_cast<Derived *>(pd) is &d: ", dynamic_cast<Derived *>(pd) == &d);
    SayNumber("dynamic_cast<Derived *>(po) is null: ", dynamic_cast<Derived *>(po) == nullptr);
    try {
        Derived &r = dynamic_cast<Derived &>(*po);
        SayNumber("no bad_cast: ", r.v);
    } catch (const std::bad_cast &e) {
        Say("caught std::bad_cast: "); Say(e.what()); Say("\n");
    }
    Both both;
    Right *pr = &both;
    SayNumber("dynamic_cast<void *>(pr) is &both: ", dynamic_cast<void *>(pr) == static_cast<void *>(&both));
    SayNumber("dynamic_cast<Left *>(pr) across is the Left part: ", dynamic_cast<Left *>(pr) == static_cast<Left *>(&both));
    SayNumber("its l: ", dynamic_cast<Left *>(pr)->l);
    Base *volatile opaque = nullptr;            // not known to be null at compile time
    Base *null_base = opaque;
    try {
        Say(Name(typeid(*null_base)));
    } catch (const std::exception &e) {
        Say("caught std::exception from typeid(*nullptr): "); Say(e.what()); Say("\n");
    }
}
