/* The multibyte code page of the _mbs/_mbc/_ismbb family (mbcs_cp.c), apart from LC_CTYPE's:
 * _mbctype's byte classes (index c + 1) and _mbcasemap's other case, as <mbctype.h> names them. */
#pragma once
#include "crtbase.h"

#define CRT_MS 0x01     /* single-byte alphanumeric (katakana) */
#define CRT_MP 0x02     /* single-byte punctuation (katakana) */
#define CRT_M1 0x04     /* lead byte */
#define CRT_M2 0x08     /* trail byte */
#define CRT_SBUP 0x10   /* single-byte upper case */
#define CRT_SBLOW 0x20  /* single-byte lower case */
#define CRT_NLSCMPERROR 0x7FFFFFFF

extern unsigned char _mbctype[257];
extern unsigned char _mbcasemap[256];
extern int crt_mbcp;            /* 0: single byte */
extern int crt_mbcs_dbcs;       /* the code page has lead bytes */

static inline int crt_mblead(unsigned c) { return crt_mbcs_dbcs && (_mbctype[(c & 0xFF) + 1] & CRT_M1); }
static inline int crt_mbtrail(unsigned c) { return crt_mbcs_dbcs && (_mbctype[(c & 0xFF) + 1] & CRT_M2); }
void crt_mbcs_init(void);       /* the ANSI code page, as at startup */
