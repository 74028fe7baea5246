/* A UUID's string form, "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" in lower-case hex, both ways:
 * UuidToStringA/W (a string freed by RpcStringFree; NULL is the nil UUID) and UuidFromStringA/W
 * (either case; NULL is the nil UUID; anything else is RPC_S_INVALID_STRING_UUID). */
#include "rpcp.h"

static void Format(const UUID *u, WCHAR *out)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char bytes[16] = {
        (unsigned char)(u->Data1 >> 24), (unsigned char)(u->Data1 >> 16), (unsigned char)(u->Data1 >> 8),
        (unsigned char)u->Data1, (unsigned char)(u->Data2 >> 8), (unsigned char)u->Data2,
        (unsigned char)(u->Data3 >> 8), (unsigned char)u->Data3};
    for (int i = 0; i < 8; i++)
        bytes[8 + i] = u->Data4[i];
    int n = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[n++] = L'-';
        out[n++] = (WCHAR)hex[bytes[i] >> 4];
        out[n++] = (WCHAR)hex[bytes[i] & 15];
    }
    out[n] = 0;
}

static int Hex(WCHAR c)
{
    if (c >= L'0' && c <= L'9') return c - L'0';
    if (c >= L'a' && c <= L'f') return c - L'a' + 10;
    if (c >= L'A' && c <= L'F') return c - L'A' + 10;
    return -1;
}

static RPC_STATUS Parse(const WCHAR *s, UUID *u)
{
    unsigned char bytes[16];
    int n = 0;
    for (int i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != L'-')
                return RPC_S_INVALID_STRING_UUID;
            continue;
        }
        int hi = Hex(s[i]), lo = hi < 0 ? -1 : Hex(s[i + 1]);
        if (hi < 0 || lo < 0)
            return RPC_S_INVALID_STRING_UUID;
        bytes[n++] = (unsigned char)(hi * 16 + lo);
        i++;
    }
    if (s[36] != 0)
        return RPC_S_INVALID_STRING_UUID;
    u->Data1 = ((unsigned long)bytes[0] << 24) | ((unsigned long)bytes[1] << 16) | ((unsigned long)bytes[2] << 8) | bytes[3];
    u->Data2 = (unsigned short)((bytes[4] << 8) | bytes[5]);
    u->Data3 = (unsigned short)((bytes[6] << 8) | bytes[7]);
    for (int i = 0; i < 8; i++)
        u->Data4[i] = bytes[8 + i];
    return RPC_S_OK;
}

static const UUID Nil;

RPCAPI RPC_STATUS RPC_ENTRY UuidToStringW(UUID *uuid, RPC_WSTR *out)
{
    WCHAR *s = RpcpAllocString(37 * sizeof(WCHAR));
    *out = s;
    if (s == NULL)
        return RPC_S_OUT_OF_MEMORY;
    Format(uuid ? uuid : &Nil, s);
    return RPC_S_OK;
}

RPCAPI RPC_STATUS RPC_ENTRY UuidToStringA(UUID *uuid, RPC_CSTR *out)
{
    WCHAR w[37];
    unsigned char *s = RpcpAllocString(37);
    *out = s;
    if (s == NULL)
        return RPC_S_OUT_OF_MEMORY;
    Format(uuid ? uuid : &Nil, w);
    for (int i = 0; i < 37; i++)
        s[i] = (unsigned char)w[i];
    return RPC_S_OK;
}

RPCAPI RPC_STATUS RPC_ENTRY UuidFromStringW(RPC_WSTR s, UUID *uuid)
{
    if (s == NULL) {
        *uuid = Nil;
        return RPC_S_OK;
    }
    SIZE_T len = 0;
    while (len <= 36 && s[len])
        len++;
    return len == 36 ? Parse(s, uuid) : RPC_S_INVALID_STRING_UUID;
}

RPCAPI RPC_STATUS RPC_ENTRY UuidFromStringA(RPC_CSTR s, UUID *uuid)
{
    if (s == NULL) {
        *uuid = Nil;
        return RPC_S_OK;
    }
    WCHAR w[37];
    int n = 0;
    while (n < 36 && s[n]) {
        w[n] = s[n];
        n++;
    }
    if (n != 36 || s[36])
        return RPC_S_INVALID_STRING_UUID;
    w[36] = 0;
    return Parse(w, uuid);
}
