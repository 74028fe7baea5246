/* Hashes two ways: CryptoAPI's (CryptCreateHash over the AES provider) and CNG's (BCrypt*), for
 * MD5, SHA-1, SHA-256, SHA-384 and SHA-512 over the standard test messages ("", "abc", the
 * two-block ones, a million 'a' fed in pieces), HMAC-SHA256, the properties and the documented
 * error codes. Prints "api algorithm message digest" lines. Exit code: failed checks. */
#include "../k32.h"
#include <wincrypt.h>
#include <bcrypt.h>

#define STATUS_NOT_FOUND_ ((NTSTATUS)0xC0000225)
#define STATUS_BUFFER_TOO_SMALL_ ((NTSTATUS)0xC0000023)
#define STATUS_INVALID_PARAMETER_ ((NTSTATUS)0xC000000D)

static const char *const messages[] = {
    "", "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
};

static void PrintHex(const BYTE *p, DWORD n)
{
    for (DWORD i = 0; i < n; i++) {
        char s[3] = {"0123456789abcdef"[p[i] >> 4], "0123456789abcdef"[p[i] & 15], 0};
        Print(s);
    }
    Print("\n");
}

static void Line(const char *api, const char *name, int message, const BYTE *digest, DWORD size)
{
    Print(api);
    Print(" ");
    Print(name);
    Print(" ");
    PrintNum((unsigned)message, 0);
    Print(" ");
    PrintHex(digest, size);
}

static BYTE million[1000];

void Entry(void)
{
    static const struct { ALG_ID algid; const WCHAR *cng; const char *name; } algs[] = {
        {CALG_MD5, BCRYPT_MD5_ALGORITHM, "MD5"}, {CALG_SHA1, BCRYPT_SHA1_ALGORITHM, "SHA1"},
        {CALG_SHA_256, BCRYPT_SHA256_ALGORITHM, "SHA256"}, {CALG_SHA_384, BCRYPT_SHA384_ALGORITHM, "SHA384"},
        {CALG_SHA_512, BCRYPT_SHA512_ALGORITHM, "SHA512"},
    };
    for (int i = 0; i < 1000; i++)
        million[i] = 'a';
    HCRYPTPROV prov;
    Check(CryptAcquireContextW(&prov, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT), "CryptAcquireContext(PROV_RSA_AES)");
    BYTE digest[64];
    DWORD size;
    for (int a = 0; a < 5; a++) {
        for (int m = 0; m < 5; m++) {
            HCRYPTHASH h;
            if (!CryptCreateHash(prov, algs[a].algid, 0, 0, &h)) {
                Check(0, "CryptCreateHash");
                continue;
            }
            if (m < 4)
                CryptHashData(h, (const BYTE *)messages[m], (DWORD)Len(messages[m]), 0);
            else
                for (int k = 0; k < 1000; k++)
                    CryptHashData(h, million, 1000, 0);
            size = sizeof(digest);
            if (CryptGetHashParam(h, HP_HASHVAL, digest, &size, 0))
                Line("crypt", algs[a].name, m, digest, size);
            CryptDestroyHash(h);
        }
    }
    /* CNG */
    for (int a = 0; a < 5; a++) {
        BCRYPT_ALG_HANDLE alg;
        if (BCryptOpenAlgorithmProvider(&alg, algs[a].cng, NULL, 0)) {
            Check(0, "BCryptOpenAlgorithmProvider");
            continue;
        }
        DWORD object_length, hash_length;
        ULONG got;
        BCryptGetProperty(alg, BCRYPT_OBJECT_LENGTH, (PUCHAR)&object_length, sizeof(DWORD), &got, 0);
        BCryptGetProperty(alg, BCRYPT_HASH_LENGTH, (PUCHAR)&hash_length, sizeof(DWORD), &got, 0);
        BYTE *object = HeapAlloc(GetProcessHeap(), 0, object_length);
        for (int m = 0; m < 4; m++) {
            BCRYPT_HASH_HANDLE h;
            BCryptCreateHash(alg, &h, object, object_length, NULL, 0, 0);
            /* fed one byte, then the rest: the block buffering must not matter */
            int n = Len(messages[m]);
            if (n)
                BCryptHashData(h, (PUCHAR)messages[m], 1, 0);
            if (n > 1)
                BCryptHashData(h, (PUCHAR)messages[m] + 1, (ULONG)n - 1, 0);
            if (!BCryptFinishHash(h, digest, hash_length, 0))
                Line("bcrypt", algs[a].name, m, digest, hash_length);
            BCryptDestroyHash(h);
        }
        HeapFree(GetProcessHeap(), 0, object);
        BCryptCloseAlgorithmProvider(alg, 0);
    }

    /* HMAC-SHA256, RFC 4231 test case 2 */
    BCRYPT_ALG_HANDLE hmac;
    Check(!BCryptOpenAlgorithmProvider(&hmac, BCRYPT_SHA256_ALGORITHM, NULL, BCRYPT_ALG_HANDLE_HMAC_FLAG),
          "BCryptOpenAlgorithmProvider with the HMAC flag");
    BCRYPT_HASH_HANDLE h;
    Check(!BCryptCreateHash(hmac, &h, NULL, 0, (PUCHAR)"Jefe", 4, 0), "BCryptCreateHash with a secret");
    BCryptHashData(h, (PUCHAR)"what do ya want for nothing?", 28, 0);
    if (!BCryptFinishHash(h, digest, 32, 0)) {
        Print("hmac-sha256 ");
        PrintHex(digest, 32);
    }
    Check(BCryptFinishHash(h, digest, 20, 0) == STATUS_INVALID_PARAMETER_,
          "BCryptFinishHash of the wrong length: STATUS_INVALID_PARAMETER");
    BCryptDestroyHash(h);
    BCryptCloseAlgorithmProvider(hmac, 0);

    /* errors and properties */
    BCRYPT_ALG_HANDLE alg;
    Check(BCryptOpenAlgorithmProvider(&alg, L"NOSUCH", NULL, 0) == STATUS_NOT_FOUND_,
          "an unknown algorithm: STATUS_NOT_FOUND");
    BCryptOpenAlgorithmProvider(&alg, BCRYPT_SHA1_ALGORITHM, NULL, 0);
    BYTE small[8];
    Check(BCryptCreateHash(alg, &h, small, sizeof(small), NULL, 0, 0) == STATUS_BUFFER_TOO_SMALL_,
          "a short hash object: STATUS_BUFFER_TOO_SMALL");
    ULONG got = 0;
    WCHAR name[16];
    Check(!BCryptGetProperty(alg, BCRYPT_ALGORITHM_NAME, (PUCHAR)name, sizeof(name), &got, 0) && got == 10 &&
          name[0] == L'S' && name[3] == L'1', "BCRYPT_ALGORITHM_NAME");
    DWORD value;
    Check(BCryptGetProperty(alg, BCRYPT_HASH_LENGTH, (PUCHAR)&value, 2, &got, 0) == STATUS_BUFFER_TOO_SMALL_ &&
          got == 4, "a short property buffer: STATUS_BUFFER_TOO_SMALL and the size");
    BCryptCloseAlgorithmProvider(alg, 0);

    HCRYPTHASH ch, dup;
    HCRYPTPROV full;
    CryptAcquireContextW(&full, NULL, NULL, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT);
    CheckError(!CryptCreateHash(full, CALG_SHA_256, 0, 0, &ch), (DWORD)NTE_BAD_ALGID,
               "SHA-256 on PROV_RSA_FULL: NTE_BAD_ALGID");
    Check(CryptCreateHash(full, CALG_SHA1, 0, 0, &ch), "SHA-1 on PROV_RSA_FULL");
    CryptHashData(ch, (const BYTE *)"ab", 2, 0);
    Check(CryptDuplicateHash(ch, NULL, 0, &dup), "CryptDuplicateHash");
    CryptHashData(ch, (const BYTE *)"c", 1, 0);
    CryptHashData(dup, (const BYTE *)"c", 1, 0);
    BYTE one[20], two[20];
    DWORD n1 = 20, n2 = 20;
    Check(CryptGetHashParam(ch, HP_HASHVAL, one, &n1, 0) && CryptGetHashParam(dup, HP_HASHVAL, two, &n2, 0) &&
          !memcmp(one, two, 20), "the duplicate hashes the same");
    CheckError(!CryptHashData(ch, (const BYTE *)"x", 1, 0), (DWORD)NTE_BAD_HASH_STATE,
               "data after the value: NTE_BAD_HASH_STATE");
    DWORD hash_size = 0, len = sizeof(hash_size);
    Check(CryptGetHashParam(ch, HP_HASHSIZE, (BYTE *)&hash_size, &len, 0) && hash_size == 20, "HP_HASHSIZE");
    len = 4;
    CheckError(!CryptGetHashParam(dup, HP_HASHVAL, one, &len, 0) && len == 20, ERROR_MORE_DATA,
               "HP_HASHVAL short: ERROR_MORE_DATA and the size");
    CheckError(!CryptCreateHash(full, 0x1234, 0, 0, &ch), (DWORD)NTE_BAD_ALGID, "an unknown ALG_ID: NTE_BAD_ALGID");
    CryptDestroyHash(dup);
    CryptReleaseContext(full, 0);
    CryptReleaseContext(prov, 0);
    ExitProcess(failures);
}
