/* String bindings, "uuid@protseq:address[endpoint,options]": RpcStringBindingComposeA/W build
 * one, RpcStringBindingParseA/W split one (absent parts come back empty), and
 * RpcBindingFromStringBindingA/W make a binding handle of one without connecting (as Windows
 * does; a call would connect). Protocol sequences: the four Windows 10 serves (ncacn_ip_tcp,
 * ncacn_np, ncalrpc, ncacn_http); other ncacn_/ncadg_ names are RPC_S_PROTSEQ_NOT_SUPPORTED,
 * anything else RPC_S_INVALID_RPC_PROTSEQ. RpcBindingToStringBindingA/W and RpcBindingFree too. */
#include "rpcp.h"

#define BINDING_MAGIC 0x444E4942u           /* "BIND" */
enum { PART_UUID, PART_PROTSEQ, PART_ADDRESS, PART_ENDPOINT, PART_OPTIONS, PARTS };
typedef struct { DWORD Magic; WCHAR *Part[PARTS]; } RPC_BINDING;

static SIZE_T Len(const WCHAR *s)
{
    SIZE_T n = 0;
    while (s && s[n])
        n++;
    return n;
}

static WCHAR *Copy(const WCHAR *s, SIZE_T n)
{
    WCHAR *c = RpcpAllocString((n + 1) * sizeof(WCHAR));
    if (c) {
        for (SIZE_T i = 0; i < n; i++)
            c[i] = s[i];
        c[n] = 0;
    }
    return c;
}

static WCHAR *Append(WCHAR *at, const WCHAR *s)
{
    while (s && *s)
        *at++ = *s++;
    return at;
}

static RPC_STATUS Compose(WCHAR *const part[PARTS], RPC_WSTR *out)
{
    SIZE_T n = 8;
    for (int i = 0; i < PARTS; i++)
        n += Len(part[i]);
    WCHAR *s = RpcpAllocString(n * sizeof(WCHAR)), *at = s;
    if (s == NULL)
        return RPC_S_OUT_OF_MEMORY;
    if (Len(part[PART_UUID]))
        at = Append(Append(at, part[PART_UUID]), L"@");
    if (Len(part[PART_PROTSEQ]))
        at = Append(Append(at, part[PART_PROTSEQ]), L":");
    at = Append(at, part[PART_ADDRESS]);
    if (Len(part[PART_ENDPOINT])) {
        at = Append(Append(at, L"["), part[PART_ENDPOINT]);
        if (Len(part[PART_OPTIONS]))
            at = Append(Append(at, L","), part[PART_OPTIONS]);
        at = Append(at, L"]");
    }
    *at = 0;
    *out = s;
    return RPC_S_OK;
}

/* The parts of a string binding as fresh strings (all five, empty when absent). */
static RPC_STATUS Parse(const WCHAR *s, WCHAR *part[PARTS])
{
    if (s == NULL)
        return RPC_S_INVALID_STRING_BINDING;
    const WCHAR *start[PARTS] = {0}, *end[PARTS] = {0};
    const WCHAR *p = s, *at = s;
    while (*at && *at != L'@' && *at != L':')
        at++;
    if (*at == L'@') {
        start[PART_UUID] = s, end[PART_UUID] = at;
        p = at + 1;
    }
    start[PART_PROTSEQ] = p;
    while (*p && *p != L':')
        p++;
    if (*p != L':')
        return RPC_S_INVALID_STRING_BINDING;
    end[PART_PROTSEQ] = p++;
    start[PART_ADDRESS] = p;
    while (*p && *p != L'[')
        p++;
    end[PART_ADDRESS] = p;
    if (*p == L'[') {
        start[PART_ENDPOINT] = ++p;
        while (*p && *p != L',' && *p != L']')
            p++;
        end[PART_ENDPOINT] = p;
        if (*p == L',') {
            start[PART_OPTIONS] = ++p;
            while (*p && *p != L']')
                p++;
            end[PART_OPTIONS] = p;
        }
        if (*p != L']' || p[1])
            return RPC_S_INVALID_STRING_BINDING;
    }
    if (start[PART_UUID]) {
        WCHAR uuid[40];
        UUID u;
        SIZE_T n = (SIZE_T)(end[PART_UUID] - start[PART_UUID]);
        if (n != 36)
            return RPC_S_INVALID_STRING_UUID;
        for (SIZE_T i = 0; i < n; i++)
            uuid[i] = start[PART_UUID][i];
        uuid[n] = 0;
        if (UuidFromStringW(uuid, &u) != RPC_S_OK)
            return RPC_S_INVALID_STRING_UUID;
    }
    for (int i = 0; i < PARTS; i++) {
        part[i] = Copy(start[i] ? start[i] : L"", start[i] ? (SIZE_T)(end[i] - start[i]) : 0);
        if (part[i] == NULL) {
            for (int j = 0; j < i; j++)
                RpcStringFreeW(&part[j]);
            return RPC_S_OUT_OF_MEMORY;
        }
    }
    return RPC_S_OK;
}

static void Hand(WCHAR *part, RPC_WSTR *out)
{
    if (out)
        *out = part;
    else
        RpcStringFreeW(&part);
}

RPCAPI RPC_STATUS RPC_ENTRY RpcStringBindingComposeW(RPC_WSTR uuid, RPC_WSTR protseq, RPC_WSTR address,
                                                     RPC_WSTR endpoint, RPC_WSTR options, RPC_WSTR *binding)
{
    WCHAR *part[PARTS] = {uuid, protseq, address, endpoint, options};
    return Compose(part, binding);
}

RPCAPI RPC_STATUS RPC_ENTRY RpcStringBindingParseW(RPC_WSTR binding, RPC_WSTR *uuid, RPC_WSTR *protseq,
                                                   RPC_WSTR *address, RPC_WSTR *endpoint, RPC_WSTR *options)
{
    WCHAR *part[PARTS];
    RPC_STATUS status = Parse(binding, part);
    if (status != RPC_S_OK)
        return status;
    RPC_WSTR *out[PARTS] = {uuid, protseq, address, endpoint, options};
    for (int i = 0; i < PARTS; i++)
        Hand(part[i], out[i]);
    return RPC_S_OK;
}

static RPC_STATUS CheckProtseq(const WCHAR *p)
{
    static const WCHAR *const served[] = {L"ncacn_ip_tcp", L"ncacn_np", L"ncalrpc", L"ncacn_http"};
    for (int i = 0; i < 4; i++)
        if (CompareStringOrdinal(p, -1, served[i], -1, FALSE) == CSTR_EQUAL)
            return RPC_S_OK;
    if (CompareStringOrdinal(p, 6, L"ncacn_", 6, FALSE) == CSTR_EQUAL
        || CompareStringOrdinal(p, 6, L"ncadg_", 6, FALSE) == CSTR_EQUAL)
        return RPC_S_PROTSEQ_NOT_SUPPORTED;
    return RPC_S_INVALID_RPC_PROTSEQ;
}

RPCAPI RPC_STATUS RPC_ENTRY RpcBindingFromStringBindingW(RPC_WSTR string, RPC_BINDING_HANDLE *handle)
{
    *handle = NULL;
    RPC_BINDING *b = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*b));
    if (b == NULL)
        return RPC_S_OUT_OF_MEMORY;
    RPC_STATUS status = Parse(string, b->Part);
    if (status == RPC_S_OK && (status = CheckProtseq(b->Part[PART_PROTSEQ])) != RPC_S_OK)
        for (int i = 0; i < PARTS; i++)
            RpcStringFreeW(&b->Part[i]);
    if (status != RPC_S_OK) {
        HeapFree(GetProcessHeap(), 0, b);
        return status;
    }
    b->Magic = BINDING_MAGIC;
    *handle = b;
    return RPC_S_OK;
}

RPCAPI RPC_STATUS RPC_ENTRY RpcBindingFree(RPC_BINDING_HANDLE *handle)
{
    RPC_BINDING *b = handle ? *handle : NULL;
    if (b == NULL || b->Magic != BINDING_MAGIC)
        return RPC_S_INVALID_BINDING;
    for (int i = 0; i < PARTS; i++)
        RpcStringFreeW(&b->Part[i]);
    b->Magic = 0;
    HeapFree(GetProcessHeap(), 0, b);
    *handle = NULL;
    return RPC_S_OK;
}

RPCAPI RPC_STATUS RPC_ENTRY RpcBindingToStringBindingW(RPC_BINDING_HANDLE handle, RPC_WSTR *string)
{
    RPC_BINDING *b = handle;
    if (b == NULL || b->Magic != BINDING_MAGIC)
        return RPC_S_INVALID_BINDING;
    return Compose(b->Part, string);
}

/* The A forms: through the W ones. */
RPCAPI RPC_STATUS RPC_ENTRY RpcStringBindingComposeA(RPC_CSTR uuid, RPC_CSTR protseq, RPC_CSTR address,
                                                     RPC_CSTR endpoint, RPC_CSTR options, RPC_CSTR *binding)
{
    RPC_CSTR in[PARTS] = {uuid, protseq, address, endpoint, options};
    WCHAR *part[PARTS];
    BOOL ok = TRUE, one;
    for (int i = 0; i < PARTS; i++) {
        part[i] = RpcpToWide(in[i], &one);
        ok &= one;
    }
    RPC_WSTR w = NULL;
    RPC_STATUS status = ok ? Compose(part, &w) : RPC_S_OUT_OF_MEMORY;
    for (int i = 0; i < PARTS; i++)
        RpcStringFreeW(&part[i]);
    if (status == RPC_S_OK) {
        *binding = RpcpToAnsi(w, &ok);
        RpcStringFreeW(&w);
        if (!ok)
            status = RPC_S_OUT_OF_MEMORY;
    }
    return status;
}

RPCAPI RPC_STATUS RPC_ENTRY RpcStringBindingParseA(RPC_CSTR binding, RPC_CSTR *uuid, RPC_CSTR *protseq,
                                                   RPC_CSTR *address, RPC_CSTR *endpoint, RPC_CSTR *options)
{
    BOOL ok;
    WCHAR *w = RpcpToWide(binding, &ok), *part[PARTS];
    if (!ok)
        return RPC_S_OUT_OF_MEMORY;
    RPC_STATUS status = Parse(w ? w : L"", part);
    RpcStringFreeW(&w);
    if (status != RPC_S_OK)
        return status;
    RPC_CSTR *out[PARTS] = {uuid, protseq, address, endpoint, options};
    for (int i = 0; i < PARTS; i++) {
        if (out[i])
            *out[i] = RpcpToAnsi(part[i], &ok);
        RpcStringFreeW(&part[i]);
    }
    return RPC_S_OK;
}

RPCAPI RPC_STATUS RPC_ENTRY RpcBindingFromStringBindingA(RPC_CSTR string, RPC_BINDING_HANDLE *handle)
{
    BOOL ok;
    WCHAR *w = RpcpToWide(string, &ok);
    if (!ok)
        return RPC_S_OUT_OF_MEMORY;
    RPC_STATUS status = RpcBindingFromStringBindingW(w ? w : (RPC_WSTR)L"", handle);
    RpcStringFreeW(&w);
    return status;
}

RPCAPI RPC_STATUS RPC_ENTRY RpcBindingToStringBindingA(RPC_BINDING_HANDLE handle, RPC_CSTR *string)
{
    RPC_WSTR w;
    RPC_STATUS status = RpcBindingToStringBindingW(handle, &w);
    if (status != RPC_S_OK)
        return status;
    BOOL ok;
    *string = RpcpToAnsi(w, &ok);
    RpcStringFreeW(&w);
    return ok ? RPC_S_OK : RPC_S_OUT_OF_MEMORY;
}
