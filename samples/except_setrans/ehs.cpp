// A function of except_setrans built /EHs (clang's own tables: FI_EHS_FLAG set, catch(...) of
// C++ exceptions only): a structured exception is not its frame handler's business, not even its
// unwind (the local is not destroyed).
extern "C" void Say(const char *);
extern "C" void FaultAccess(void);

struct Local {
    ~Local() { Say("not reached: a /EHs frame's local destroyed by a structured exception's unwind\n"); }
};

extern "C" long long EhsCatchAll(void)
{
    Local local;
    try {
        FaultAccess();
    } catch (...) {
        Say("not reached: a /EHs catch(...) took a structured exception\n");
        return 1;
    }
    return 0;
}
