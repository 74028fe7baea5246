/* IdnToAscii / IdnToUnicode / IdnToNameprepUnicode (idn.c, punycode.c) and the nameprep data
 * (nameprep_data.c). */
#pragma once

typedef struct _IDN_MAP { UINT Code; USHORT Offset; } IDN_MAP;  /* B.2: pool offset of length + units */

extern const UINT BaseNameprepB1[], BaseNameprepB1Count;
extern const WCHAR BaseNameprepB2Pool[];
extern const IDN_MAP BaseNameprepB2[];
extern const UINT BaseNameprepB2Count;
extern const UINT BaseNameprepProhibited[], BaseNameprepProhibitedCount;   /* ranges: low, high pairs */
extern const UINT BaseNameprepUnassigned[], BaseNameprepUnassignedCount;
extern const UINT BaseNameprepRandAL[], BaseNameprepRandALCount;
extern const UINT BaseNameprepL[], BaseNameprepLCount;

/* RFC 3492: code points -> ASCII digits (FALSE on overflow), ASCII -> code points (FALSE if invalid). */
BOOL BasePunycodeEncode(const UINT *in, int n, WCHAR *out, int *outlen, int max);
BOOL BasePunycodeDecode(const WCHAR *in, int n, UINT *out, int *outlen, int max);
