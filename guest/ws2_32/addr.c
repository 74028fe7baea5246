/* Addresses: byte order, the text forms (inet_addr/inet_ntoa, inet_pton/inet_ntop and the W
 * forms), and names on a machine whose only network is loopback: "localhost" and the computer's
 * own name are ::1 and 127.0.0.1; other names are WSAHOST_NOT_FOUND (EAI_NONAME). */
#include "sock.h"

__declspec(dllexport) u_short WSAAPI htons(u_short v) { return (u_short)(v << 8 | v >> 8); }
__declspec(dllexport) u_short WSAAPI ntohs(u_short v) { return (u_short)(v << 8 | v >> 8); }
__declspec(dllexport) u_long WSAAPI htonl(u_long v) { return __builtin_bswap32(v); }
__declspec(dllexport) u_long WSAAPI ntohl(u_long v) { return __builtin_bswap32(v); }

/* Dotted IPv4, four decimal parts, each 0-255; returns 1 with the address in network order. */
static int WsParse4(const char *s, BYTE out[4])
{
    for (int part = 0; part < 4; part++) {
        if (*s < '0' || *s > '9')
            return 0;
        int v = 0, digits = 0;
        while (*s >= '0' && *s <= '9') {
            v = v * 10 + (*s++ - '0');
            if (++digits > 3 || v > 255)
                return 0;
        }
        out[part] = (BYTE)v;
        if (part < 3 && *s++ != '.')
            return 0;
    }
    return *s == 0;
}

static int WsHex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static int WsParse6(const char *s, BYTE out[16])
{
    USHORT words[8] = {0};
    int n = 0, gap = -1;
    if (s[0] == ':' && s[1] == ':') {
        gap = 0;
        s += 2;
    }
    while (*s) {
        if (n == 8)
            return 0;
        const char *start = s;
        int v = 0, digits = 0;
        while (WsHex(*s) >= 0) {
            v = v * 16 + WsHex(*s++);
            if (++digits > 4)
                return 0;
        }
        if (*s == '.' && n <= 6) {                  /* an embedded IPv4 tail */
            BYTE v4[4];
            if (!WsParse4(start, v4))
                return 0;
            words[n++] = (USHORT)(v4[0] << 8 | v4[1]);
            words[n++] = (USHORT)(v4[2] << 8 | v4[3]);
            break;
        }
        if (digits == 0)
            return 0;
        words[n++] = (USHORT)v;
        if (*s == ':') {
            s++;
            if (*s == ':') {
                if (gap >= 0)
                    return 0;
                gap = n;
                s++;
            } else if (*s == 0)
                return 0;
        } else if (*s)
            return 0;
    }
    if (gap < 0 && n != 8)
        return 0;
    if (gap >= 0 && n == 8)
        return 0;
    USHORT full[8] = {0};
    int tail = gap < 0 ? 0 : n - gap;
    for (int i = 0; i < (gap < 0 ? n : gap); i++)
        full[i] = words[i];
    for (int i = 0; i < tail; i++)
        full[8 - tail + i] = words[gap + i];
    for (int i = 0; i < 8; i++) {
        out[2 * i] = (BYTE)(full[i] >> 8);
        out[2 * i + 1] = (BYTE)full[i];
    }
    return 1;
}

static char *WsFormat4(const BYTE *a, char *out)
{
    char *p = out;
    for (int i = 0; i < 4; i++) {
        int v = a[i];
        if (v >= 100)
            *p++ = (char)('0' + v / 100);
        if (v >= 10)
            *p++ = (char)('0' + v / 10 % 10);
        *p++ = (char)('0' + v % 10);
        if (i < 3)
            *p++ = '.';
    }
    *p = 0;
    return out;
}

/* RFC 5952: lower case, no leading zeros, the longest run of two or more zero words as "::". */
static char *WsFormat6(const BYTE *a, char *out)
{
    USHORT w[8];
    for (int i = 0; i < 8; i++)
        w[i] = (USHORT)(a[2 * i] << 8 | a[2 * i + 1]);
    int best = -1, best_len = 1;
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && w[j] == 0)
            j++;
        if (j - i > best_len) {
            best = i;
            best_len = j - i;
        }
        i = j == i ? i + 1 : j;
    }
    char *p = out;
    if (best == 0 && (best_len == 6 || (best_len == 5 && w[5] == 0xFFFF))) {
        memcpy(p, best_len == 6 ? "::" : "::ffff:", best_len == 6 ? 2 : 7);
        p += best_len == 6 ? 2 : 7;
        WsFormat4(a + 12, p);
        return out;
    }
    for (int i = 0; i < 8; i++) {
        if (i == best) {
            *p++ = ':';
            if (i == 0)
                *p++ = ':';
            i += best_len - 1;
            continue;
        }
        int started = 0;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = w[i] >> shift & 0xF;
            if (d || started || shift == 0) {
                *p++ = "0123456789abcdef"[d];
                started = 1;
            }
        }
        if (i < 7)
            *p++ = ':';
    }
    *p = 0;
    return out;
}

__declspec(dllexport) unsigned long WSAAPI inet_addr(const char *cp)
{
    BYTE a[4];
    if (cp == NULL || !WsParse4(cp, a))
        return INADDR_NONE;
    return *(unsigned long *)a;
}

__declspec(dllexport) char *WSAAPI inet_ntoa(struct in_addr in)
{
    static char buffer[16];
    return WsFormat4((BYTE *)&in, buffer);
}

__declspec(dllexport) INT WSAAPI inet_pton(INT family, PCSTR text, PVOID out)
{
    if (text == NULL || out == NULL) {
        SetLastError(WSAEFAULT);
        return -1;
    }
    if (family == AF_INET)
        return WsParse4(text, out);
    if (family == AF_INET6)
        return WsParse6(text, out);
    SetLastError(WSAEAFNOSUPPORT);
    return -1;
}

__declspec(dllexport) PCSTR WSAAPI inet_ntop(INT family, const VOID *addr, PSTR out, size_t size)
{
    char text[64];
    if (addr == NULL || out == NULL) {
        SetLastError(WSAEFAULT);
        return NULL;
    }
    if (family == AF_INET)
        WsFormat4(addr, text);
    else if (family == AF_INET6)
        WsFormat6(addr, text);
    else {
        SetLastError(WSAEAFNOSUPPORT);
        return NULL;
    }
    if (strlen(text) + 1 > size) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    memcpy(out, text, strlen(text) + 1);
    return out;
}

__declspec(dllexport) INT WSAAPI InetPtonW(INT family, PCWSTR text, PVOID out)
{
    char narrow[64];
    if (text == NULL)
        return inet_pton(family, NULL, out);
    int i = 0;
    for (; text[i] && i < 63; i++)
        narrow[i] = text[i] < 128 ? (char)text[i] : '?';
    narrow[i] = 0;
    return text[i] ? 0 : inet_pton(family, narrow, out);
}

__declspec(dllexport) PCWSTR WSAAPI InetNtopW(INT family, const VOID *addr, PWSTR out, size_t size)
{
    char text[64];
    if (inet_ntop(family, addr, text, sizeof(text)) == NULL)
        return NULL;
    size_t n = strlen(text);
    if (out == NULL || n + 1 > size) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    for (size_t i = 0; i <= n; i++)
        out[i] = (WCHAR)(BYTE)text[i];
    return out;
}

int WsParse(const char *text, BYTE ip[16], int *family)
{
    if (*family != AF_INET6 && WsParse4(text, ip)) {
        *family = AF_INET;
        return 1;
    }
    if (*family != AF_INET && WsParse6(text, ip)) {
        *family = AF_INET6;
        return 1;
    }
    return 0;
}
