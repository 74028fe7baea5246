/* What newer runtimes (Rust's std among them) import at load time besides kernel32: ProcessPrng
 * (bcryptprimitives), the CNG generator (bcrypt: the system-preferred RNG and an "RNG" algorithm
 * handle), GetUserProfileDirectoryW (userenv), and kernel32's thread descriptions; with their
 * documented failures. Exit code: failed checks. */
#include "../k32.h"
#include <bcrypt.h>
#include <userenv.h>

#define STATUS_SUCCESS_ 0
#define STATUS_INVALID_HANDLE_ ((NTSTATUS)0xC0000008)
#define STATUS_INVALID_PARAMETER_ ((NTSTATUS)0xC000000D)
#define STATUS_NOT_FOUND_ ((NTSTATUS)0xC0000225)

__declspec(dllimport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length);
__declspec(dllimport) HRESULT WINAPI SetThreadDescription(HANDLE, PCWSTR);
__declspec(dllimport) HRESULT WINAPI GetThreadDescription(HANDLE, PWSTR *);

static int AnyNonZero(const BYTE *b, int n) { int any = 0; for (int i = 0; i < n; i++) any |= b[i]; return any; }
static int Same(const BYTE *a, const BYTE *b, int n) { for (int i = 0; i < n; i++) if (a[i] != b[i]) return 0; return 1; }
static int SameW(const WCHAR *a, const WCHAR *b) { while (*a && *a == *b) { a++; b++; } return *a == *b; }

static DWORD WINAPI Idle(LPVOID p) { return 0; }

void Entry(void)
{
    BYTE a[32] = {0}, b[32] = {0};
    Check(ProcessPrng(a, sizeof(a)) && ProcessPrng(b, sizeof(b)) && AnyNonZero(a, 32) && !Same(a, b, 32),
          "ProcessPrng: TRUE, bytes that do not repeat");
    Check(ProcessPrng(NULL, 0), "ProcessPrng of nothing");

    Check(BCryptGenRandom(NULL, NULL, 0, 0) == STATUS_INVALID_HANDLE_, "GenRandom without a handle -> STATUS_INVALID_HANDLE");
    Check(BCryptGenRandom(NULL, a, 16, 0) == STATUS_INVALID_HANDLE_, "GenRandom(NULL, buffer, 16, 0) -> STATUS_INVALID_HANDLE");
    for (int i = 0; i < 32; i++) a[i] = 0;
    Check(BCryptGenRandom(NULL, a, 32, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == STATUS_SUCCESS_ && AnyNonZero(a, 32),
          "GenRandom with the system-preferred RNG");
    Check(BCryptGenRandom(NULL, a, 0, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == STATUS_SUCCESS_, "an empty buffer is fine");
    Check(BCryptGenRandom(NULL, NULL, 16, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == STATUS_INVALID_PARAMETER_,
          "no buffer -> STATUS_INVALID_PARAMETER");
    Check(BCryptGenRandom(NULL, a, 16, BCRYPT_USE_SYSTEM_PREFERRED_RNG | BCRYPT_RNG_USE_ENTROPY_IN_BUFFER)
          == STATUS_SUCCESS_, "the entropy-in-buffer flag is accepted");

    BCRYPT_ALG_HANDLE alg = NULL, alg2 = NULL;
    Check(BCryptOpenAlgorithmProvider(&alg, BCRYPT_RNG_ALGORITHM, MS_PRIMITIVE_PROVIDER, 0) == STATUS_SUCCESS_ && alg,
          "open the RNG algorithm");
    Check(BCryptOpenAlgorithmProvider(&alg2, L"rng", NULL, 0) == STATUS_SUCCESS_ && alg2 && alg2 != alg,
          "its name without case, the default provider");
    Check(BCryptGenRandom(alg, b, 32, 0) == STATUS_SUCCESS_ && AnyNonZero(b, 32) && !Same(a, b, 32),
          "GenRandom through the handle");
    Check(BCryptGenRandom(alg, b, 32, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == STATUS_INVALID_PARAMETER_,
          "a handle with the system-preferred flag -> STATUS_INVALID_PARAMETER");
    Check(BCryptGenRandom((BCRYPT_ALG_HANDLE)(ULONG_PTR)0x81, b, 8, 0) == STATUS_SUCCESS_,
          "the RNG pseudo-handle");
    BCRYPT_ALG_HANDLE none = (BCRYPT_ALG_HANDLE)(ULONG_PTR)0x1234;
    Check(BCryptOpenAlgorithmProvider(&none, L"NO-SUCH-ALGORITHM", NULL, 0) == STATUS_NOT_FOUND_,
          "an unknown algorithm -> STATUS_NOT_FOUND");
    Check(BCryptOpenAlgorithmProvider(&none, BCRYPT_RNG_ALGORITHM, L"Another Provider", 0) == STATUS_NOT_FOUND_,
          "an unknown provider -> STATUS_NOT_FOUND");
    Check(BCryptOpenAlgorithmProvider(NULL, BCRYPT_RNG_ALGORITHM, NULL, 0) == STATUS_INVALID_PARAMETER_
          && BCryptOpenAlgorithmProvider(&none, NULL, NULL, 0) == STATUS_INVALID_PARAMETER_,
          "no handle pointer or no name -> STATUS_INVALID_PARAMETER");
    Check(BCryptCloseAlgorithmProvider(alg, 0) == STATUS_SUCCESS_ && BCryptCloseAlgorithmProvider(alg2, 0)
          == STATUS_SUCCESS_, "close both");
    Check(BCryptCloseAlgorithmProvider(alg, 0) == STATUS_INVALID_HANDLE_, "closed twice -> STATUS_INVALID_HANDLE");
    Check(BCryptGenRandom(alg, b, 8, 0) == STATUS_INVALID_HANDLE_, "a closed handle -> STATUS_INVALID_HANDLE");
    Check(BCryptCloseAlgorithmProvider(NULL, 0) == STATUS_INVALID_HANDLE_, "close NULL -> STATUS_INVALID_HANDLE");

    WCHAR dir[MAX_PATH];
    DWORD size = MAX_PATH;
    SetLastError(0);
    CheckError(!GetUserProfileDirectoryW(NULL, NULL, NULL), ERROR_INVALID_HANDLE,
               "GetUserProfileDirectoryW without a token -> ERROR_INVALID_HANDLE");
    CheckError(!GetUserProfileDirectoryW(NULL, dir, &size), ERROR_INVALID_HANDLE,
               "with a buffer but no token -> ERROR_INVALID_HANDLE");
    HANDLE token = NULL;
    Check(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token), "OpenProcessToken(TOKEN_QUERY)");
    size = MAX_PATH;
    Check(GetUserProfileDirectoryW(token, dir, &size) && SameW(dir, L"C:\\Users\\user") && size == 14,
          "GetUserProfileDirectoryW: the token's user's ProfileImagePath, 14 characters with the terminator");
    size = 4;
    CheckError(!GetUserProfileDirectoryW(token, dir, &size), ERROR_INSUFFICIENT_BUFFER,
               "a 4-character buffer -> ERROR_INSUFFICIENT_BUFFER");
    Check(size == 14, "and the size it needs");
    CloseHandle(token);

    Check(SetThreadDescription(GetCurrentThread(), L"main \x00e9l\x00e8ve") == S_OK, "SetThreadDescription");
    PWSTR name = NULL;
    Check(GetThreadDescription(GetCurrentThread(), &name) == S_OK && name && SameW(name, L"main \x00e9l\x00e8ve"),
          "GetThreadDescription reads it back");
    LocalFree(name);
    HANDLE t = CreateThread(NULL, 0, Idle, NULL, CREATE_SUSPENDED, NULL);
    Check(GetThreadDescription(t, &name) == S_OK && name && name[0] == 0, "a thread never named: an empty string");
    LocalFree(name);
    Check(SetThreadDescription(t, L"") == S_OK && GetThreadDescription(t, &name) == S_OK && name[0] == 0,
          "an empty description");
    LocalFree(name);
    ResumeThread(t);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    Check(SetThreadDescription(NULL, L"x") == (HRESULT)0xD0000008, "no thread -> HRESULT_FROM_NT(STATUS_INVALID_HANDLE)");
    ExitProcess(failures);
}
