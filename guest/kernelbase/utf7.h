/* utf7.c: CP_UTF7 conversions for codepage.c, with MultiByteToWideChar's buffer rules (dstlen 0:
 * the length needed; too small: 0 and ERROR_INSUFFICIENT_BUFFER, with what fitted written). */
#pragma once
int BaseUnicodeToUtf7(LPCWSTR src, int srclen, LPSTR dst, int dstlen);
int BaseUtf7ToUnicode(LPCSTR src, int srclen, LPWSTR dst, int dstlen);
