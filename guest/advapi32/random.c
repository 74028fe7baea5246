/* SystemFunction036 (RtlGenRandom): as on Windows 10, bytes from the process's generator,
 * bcryptprimitives!ProcessPrng (guest/bcryptprimitives/prng.c), which BCryptGenRandom and
 * CryptGenRandom draw from too. */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

__declspec(dllimport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length);

__declspec(dllexport) BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length)
{
    return (BOOLEAN)ProcessPrng(buffer, length);
}

BOOL WINAPI Advapi32DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    return TRUE;
}
