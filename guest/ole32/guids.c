/* The interface identifiers ole32 implements or asks for, and GUID strings: the braced upper-case
 * form StringFromGUID2 writes and CLSIDFromString/IIDFromString read. */
#include "olep.h"

const GUID OleGUID_NULL;
#define OLE_GUID(name, l, w1, w2) const IID name = {l, w1, w2, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}}
OLE_GUID(OleIID_IUnknown, 0x00000000, 0, 0);
OLE_GUID(OleIID_IMalloc, 0x00000002, 0, 0);
OLE_GUID(OleIID_IClassFactory, 0x00000001, 0, 0);
OLE_GUID(OleIID_IStream, 0x0000000C, 0, 0);
const IID OleIID_ISequentialStream = {0x0C733A30, 0x2A1C, 0x11CE, {0xAD, 0xE5, 0x00, 0xAA, 0x00, 0x44, 0x77, 0x3D}};

BOOL OlepIsEqualGUID(const GUID *a, const GUID *b)
{
    const BYTE *x = (const BYTE *)a, *y = (const BYTE *)b;
    for (int i = 0; i < 16; i++)
        if (x[i] != y[i])
            return FALSE;
    return TRUE;
}

void OlepFormatGUID(const GUID *g, WCHAR out[39])
{
    static const char hex[] = "0123456789ABCDEF";
    BYTE b[16] = {(BYTE)(g->Data1 >> 24), (BYTE)(g->Data1 >> 16), (BYTE)(g->Data1 >> 8), (BYTE)g->Data1,
                  (BYTE)(g->Data2 >> 8), (BYTE)g->Data2, (BYTE)(g->Data3 >> 8), (BYTE)g->Data3};
    for (int i = 0; i < 8; i++)
        b[8 + i] = g->Data4[i];
    int n = 0;
    out[n++] = L'{';
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[n++] = L'-';
        out[n++] = (WCHAR)hex[b[i] >> 4];
        out[n++] = (WCHAR)hex[b[i] & 15];
    }
    out[n++] = L'}';
    out[n] = 0;
}

static int Hex(WCHAR c)
{
    if (c >= L'0' && c <= L'9') return c - L'0';
    if (c >= L'a' && c <= L'f') return c - L'a' + 10;
    if (c >= L'A' && c <= L'F') return c - L'A' + 10;
    return -1;
}

BOOL OlepParseGUID(const WCHAR *s, GUID *g)
{
    if (s == NULL || s[0] != L'{')
        return FALSE;
    BYTE b[16];
    int n = 0;
    for (int i = 1; i < 37; i++) {
        if (i == 9 || i == 14 || i == 19 || i == 24) {
            if (s[i] != L'-')
                return FALSE;
            continue;
        }
        int hi = Hex(s[i]), lo = hi < 0 ? -1 : Hex(s[i + 1]);
        if (hi < 0 || lo < 0)
            return FALSE;
        b[n++] = (BYTE)(hi * 16 + lo);
        i++;
    }
    if (s[37] != L'}' || s[38] != 0)
        return FALSE;
    g->Data1 = ((DWORD)b[0] << 24) | ((DWORD)b[1] << 16) | ((DWORD)b[2] << 8) | b[3];
    g->Data2 = (WORD)((b[4] << 8) | b[5]);
    g->Data3 = (WORD)((b[6] << 8) | b[7]);
    for (int i = 0; i < 8; i++)
        g->Data4[i] = b[8 + i];
    return TRUE;
}
