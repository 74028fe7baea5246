// The throw side of except_fh4 and the types its catches name, in the MSVC ABI (built by clang for
// x86_64-pc-windows-msvc: _CxxThrowException with MSVC's ThrowInfo, catchable types and type
// descriptors). The catching functions are fh4.S's, with hand-made __CxxFrameHandler4 tables that
// name these types' descriptors (??_R0...) and destructors (??1...).
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
// Counted's copies are counted: a catch by value gets one made by its copy constructor.
struct Counted {
    static int live;
    int id;
    explicit Counted(int i);
    Counted(const Counted &o);
    ~Counted();
};
int Counted::live;
Counted::Counted(int i) : id(i) { live++; }
Counted::Counted(const Counted &o) : id(o.id + 0x1000) { live++; }
Counted::~Counted() { live--; }

// A local with a destructor that says so; fh4.S's unwind maps name its constructor and destructor.
struct Noisy {
    const char *name;
    explicit Noisy(const char *n);
    ~Noisy();
};
Noisy::Noisy(const char *n) : name(n) {}
Noisy::~Noisy() { Say("  ~Noisy "); Say(name); Say("\n"); }

// Two bases: a catch of the second (Right&) gets the thrown Both's Right part (PMD mdisp 16).
struct Left {
    int l = 1;
    virtual ~Left() {}
};
struct Right {
    int r;
    explicit Right(int x) : r(x) {}
    virtual ~Right() {}
};
struct Both : Left, Right {
    explicit Both(int x) : Right(x * 2) {}
};

alignas(Derived) static unsigned char store[sizeof(Derived)];

// Throw an int, a Derived, a Counted, a Derived*, a double or a Both from a frame of its own (an FH3
// frame with an object to destroy between the throw and an FH4 catch).
extern "C" __attribute__((noinline)) void ThrowKind(int kind, int v)
{
    Noisy n("in ThrowKind");
    switch (kind) {
    case 0: throw v;
    case 1: throw Derived(v);
    case 2: throw Counted(v);
    case 3: throw new (store) Derived(v);
    case 4: throw 2.5;
    case 5: throw Both(v);
    }
}

extern "C" __attribute__((noinline)) void ThrowInt(int v) { throw v; }
extern "C" __attribute__((noinline)) void RethrowCurrent() { throw; }
// A _set_se_translator function: the structured exception's code, its low 16 bits thrown as an int.
extern "C" void TranslateToInt(unsigned int code, void *)
{
    SayNumber("  translator: code ", code);
    throw (int)(code & 0xFFFF);
}
extern "C" int BaseValue(const Base *b) { return b->v * 16 + b->Kind(); }
extern "C" int LiveCounted() { return Counted::live; }
extern "C" int RightValue(const Right *r) { return r->r; }
