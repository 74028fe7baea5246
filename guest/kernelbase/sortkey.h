/* The linguistic weights of string.c's CompareString, shared with sortkey.c's LCMAP_SORTKEY. */
#pragma once
typedef struct { USHORT Primary; BYTE Accent, Upper, Special; } WEIGHT;
WEIGHT BaseSortWeight(WCHAR c);
/* LCMapStringEx(LCMAP_SORTKEY): the key's length in bytes with its final 0, or 0 with the error. */
int BaseSortKey(DWORD flags, LPCWSTR src, int srclen, BYTE *dst, int dstlen);
