/* msvcp140_2's entry point: at process attach, the Gauss-Legendre table bessel.c integrates with. */
void GaussLegendre(void);

int __stdcall Msvcp2DllMain(void *instance, unsigned int reason, void *reserved)
{
    (void)instance;
    (void)reserved;
    if (reason == 1)                                     /* DLL_PROCESS_ATTACH */
        GaussLegendre();
    return 1;
}
