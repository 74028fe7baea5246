/* The Winsock 2 text forms of a whole socket address: WSAAddressToStringA/W ("a.b.c.d:port",
 * "[v6%scope]:port"; the port and scope only when not zero) and WSAStringToAddressA/W (the same
 * forms back into a SOCKADDR_IN/SOCKADDR_IN6). A buffer too small is WSAEFAULT with the size
 * needed; an address that is no such form is WSAEINVAL. */
#include "sock.h"

/* text + decimal: the end of the text. */
static char *Append(char *p, const char *text)
{
    while (*text)
        *p++ = *text++;
    *p = 0;
    return p;
}

static char *AppendNumber(char *p, unsigned long v)
{
    char digits[12];
    int n = 0;
    do
        digits[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    while (n)
        *p++ = digits[--n];
    *p = 0;
    return p;
}

static int Format(const SOCKADDR *sa, DWORD length, char *text)
{
    char ip[64], *p = text;
    if (sa->sa_family == AF_INET && length >= sizeof(SOCKADDR_IN)) {
        const SOCKADDR_IN *in = (const SOCKADDR_IN *)sa;
        inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip));
        p = Append(p, ip);
        if (in->sin_port)
            AppendNumber(Append(p, ":"), ntohs(in->sin_port));
        return 0;
    }
    if (sa->sa_family == AF_INET6 && length >= sizeof(SOCKADDR_IN6)) {
        const SOCKADDR_IN6 *in6 = (const SOCKADDR_IN6 *)sa;
        inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof(ip));
        if (in6->sin6_port)
            p = Append(p, "[");
        p = Append(p, ip);
        if (in6->sin6_scope_id)
            p = AppendNumber(Append(p, "%"), in6->sin6_scope_id);
        if (in6->sin6_port)
            AppendNumber(Append(p, "]:"), ntohs(in6->sin6_port));
        return 0;
    }
    return -1;
}

__declspec(dllexport) INT WSAAPI WSAAddressToStringA(LPSOCKADDR sa, DWORD length, LPWSAPROTOCOL_INFOA info,
                                                     LPSTR out, LPDWORD out_length)
{
    (void)info;
    char text[96];
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (sa == NULL || out_length == NULL || Format(sa, length, text) < 0) {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    DWORD need = (DWORD)strlen(text) + 1;
    if (out == NULL || *out_length < need) {
        *out_length = need;
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    memcpy(out, text, need);
    *out_length = need;
    return 0;
}

__declspec(dllexport) INT WSAAPI WSAAddressToStringW(LPSOCKADDR sa, DWORD length, LPWSAPROTOCOL_INFOW info,
                                                     LPWSTR out, LPDWORD out_length)
{
    (void)info;
    char text[96];
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (sa == NULL || out_length == NULL || Format(sa, length, text) < 0) {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    DWORD need = (DWORD)strlen(text) + 1;
    if (out == NULL || *out_length < need) {
        *out_length = need;
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    for (DWORD i = 0; i < need; i++)
        out[i] = (WCHAR)(BYTE)text[i];
    *out_length = need;
    return 0;
}

/* "n" decimal, 0-65535. */
static int Port(const char *s, USHORT *port)
{
    unsigned v = 0;
    if (!*s)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || (v = v * 10 + (unsigned)(*s - '0')) > 65535)
            return 0;
    }
    *port = htons((USHORT)v);
    return 1;
}

static int Parse(const char *text, INT family, SOCKADDR_STORAGE *out, int *length)
{
    char work[96];
    if (strlen(text) >= sizeof(work))
        return 0;
    strcpy(work, text);
    memset(out, 0, sizeof(*out));
    if (family == AF_INET) {
        SOCKADDR_IN *in = (SOCKADDR_IN *)out;
        char *colon = strchr(work, ':');
        if (colon && (*colon = 0, !Port(colon + 1, &in->sin_port)))
            return 0;
        if (inet_pton(AF_INET, work, &in->sin_addr) != 1)
            return 0;
        in->sin_family = AF_INET;
        *length = sizeof(SOCKADDR_IN);
        return 1;
    }
    if (family == AF_INET6) {
        SOCKADDR_IN6 *in6 = (SOCKADDR_IN6 *)out;
        char *ip = work;
        if (*ip == '[') {
            char *close = strchr(ip, ']');
            if (close == NULL)
                return 0;
            *close = 0;
            if (close[1] == ':' ? !Port(close + 2, &in6->sin6_port) : close[1] != 0)
                return 0;
            ip++;
        }
        char *percent = strchr(ip, '%');
        if (percent) {
            *percent = 0;
            unsigned long scope = 0;
            const char *p = percent + 1;
            if (!*p)
                return 0;
            for (; *p; p++) {
                if (*p < '0' || *p > '9')
                    return 0;
                scope = scope * 10 + (unsigned long)(*p - '0');
            }
            in6->sin6_scope_id = scope;
        }
        if (inet_pton(AF_INET6, ip, &in6->sin6_addr) != 1)
            return 0;
        in6->sin6_family = AF_INET6;
        *length = sizeof(SOCKADDR_IN6);
        return 1;
    }
    return 0;
}

__declspec(dllexport) INT WSAAPI WSAStringToAddressA(LPSTR text, INT family, LPWSAPROTOCOL_INFOA info,
                                                     LPSOCKADDR address, LPINT length)
{
    (void)info;
    SOCKADDR_STORAGE parsed;
    int need;
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (text == NULL || length == NULL) {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    if (family != AF_INET && family != AF_INET6) {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    if (!Parse(text, family, &parsed, &need)) {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    if (address == NULL || *length < need) {
        *length = need;
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    memcpy(address, &parsed, need);
    *length = need;
    return 0;
}

__declspec(dllexport) INT WSAAPI WSAStringToAddressW(LPWSTR text, INT family, LPWSAPROTOCOL_INFOW info,
                                                     LPSOCKADDR address, LPINT length)
{
    (void)info;
    char narrow[96];
    if (text == NULL)
        return WSAStringToAddressA(NULL, family, NULL, address, length);
    int i = 0;
    for (; text[i] && i < 95; i++)
        narrow[i] = text[i] < 128 ? (char)text[i] : '?';
    narrow[i] = 0;
    if (text[i]) {
        WS_CHECK_STARTED(SOCKET_ERROR);
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    return WSAStringToAddressA(narrow, family, NULL, address, length);
}
