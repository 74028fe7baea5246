// A function of except_setrans built /EHs (clang's own tables: FI_EHS_FLAG set, catch(...) of
// C++ exceptions only): a structured exception is not its frame handler's business.
extern "C" void Say(const char *);
extern "C" void FaultAccess(void);

extern "C" long long EhsCatchAll(void)
{
    try {
        FaultAccess();
    } catch (...) {
        Say("not reached: a /EHs catch(...) took a structured exception\n");
        return 1;
    }
    return 0;
}
