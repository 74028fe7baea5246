// mingw g++ C++ exceptions (libgcc's SEH personality, __gxx_personality_seh0, which unwinds
// through ntdll's RtlUnwindEx): catch by base-class reference, by pointer, catch(...) and
// rethrow, destructors of locals run during the unwind, nested try in a catch block.
extern "C" void Say(const char *);
extern "C" void SayNumber(const char *, long long);

struct Guard {
    const char *name;
    ~Guard() { Say(name); }
};
struct Base { int v; virtual ~Base() {} };
struct Derived : Base { Derived(int x) { v = x; } };

__attribute__((noinline)) static void Thrower(int k)
{
    Guard g{"  ~Guard in Thrower\n"};
    if (k == 1) throw Derived(41);
    if (k == 2) throw 7;
    if (k == 3) throw "a string";
    if (k == 4) throw static_cast<Base *>(new Derived(5));
}

__attribute__((noinline)) static int Middle(int k)
{
    Guard g{"  ~Guard in Middle\n"};
    Thrower(k);
    return 0;
}

extern "C" __declspec(dllexport) long long RunCxx(void)
{
    long long score = 0;
    try { Middle(1); } catch (const Base &b) { SayNumber("caught const Base& with v ", b.v); score += b.v; }
    try { Middle(2); } catch (long) { Say("wrong: long\n"); } catch (int i) { SayNumber("caught int ", i); score += i; }
    try {
        try { Middle(3); } catch (...) { Say("catch(...): rethrow\n"); throw; }
    } catch (const char *s) { Say("caught the rethrown const char*: "); Say(s); Say("\n"); score += 100; }
    try { Middle(4); } catch (Base *p) { SayNumber("caught Base* with v ", p->v); score += p->v; delete p; }
    try {
        Middle(2);
    } catch (int) {
        try { Middle(1); } catch (Base &b) { SayNumber("nested try in a catch block caught v ", b.v); score += 1000; }
    }
    return score;
}
