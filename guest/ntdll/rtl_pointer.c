/* Pointer encoding (RtlEncodePointer / RtlDecodePointer and the System forms, behind kernel32's
 * EncodePointer ...): the pointer XORed with a cookie and rotated right by the cookie's low six
 * bits. The cookie is KUSER_SHARED_DATA.Cookie, fixed by the executive so runs stay deterministic. */
#include "rtl.h"

static ULONG_PTR Cookie(void)
{
    return *(volatile ULONG *)(ULONG_PTR)(0x7FFE0000 + 0x330);   /* KUSER_SHARED_DATA.Cookie */
}

static ULONG_PTR Ror(ULONG_PTR v, unsigned n) { n &= 63; return n ? (v >> n) | (v << (64 - n)) : v; }
static ULONG_PTR Rol(ULONG_PTR v, unsigned n) { n &= 63; return n ? (v << n) | (v >> (64 - n)) : v; }

NTSYSAPI PVOID NTAPI RtlEncodePointer(PVOID p)
{
    ULONG_PTR c = Cookie();
    return (PVOID)Ror((ULONG_PTR)p ^ c, (unsigned)(c & 0x3F));
}

NTSYSAPI PVOID NTAPI RtlDecodePointer(PVOID p)
{
    ULONG_PTR c = Cookie();
    return (PVOID)(Rol((ULONG_PTR)p, (unsigned)(c & 0x3F)) ^ c);
}

NTSYSAPI PVOID NTAPI RtlEncodeSystemPointer(PVOID p)
{
    return RtlEncodePointer(p);
}

NTSYSAPI PVOID NTAPI RtlDecodeSystemPointer(PVOID p)
{
    return RtlDecodePointer(p);
}
