/* Unicode normalization (normalize.c) and its generated data (norm_data.c). */
#pragma once

typedef struct _NORM_DECOMP { UINT Code; USHORT Canonical, Compatible; } NORM_DECOMP;   /* pool offsets, 0 = none */
typedef struct _NORM_COMPOSE { UINT First, Second, Composite; } NORM_COMPOSE;

extern const UINT BaseCombiningClass[];         /* code << 8 | class, sorted */
extern const UINT BaseCombiningClassCount;
extern const WCHAR BaseDecompPool[];            /* length, then UTF-16 units */
extern const NORM_DECOMP BaseDecomp[];
extern const UINT BaseDecompCount;
extern const NORM_COMPOSE BaseCompose[];        /* sorted by (First, Second) */
extern const UINT BaseComposeCount;

/* Normalizes code points src[0..n) into a new heap array (*out, *outlen); FALSE when out of memory. */
BOOL BaseNormalizeCodes(NORM_FORM form, const UINT *src, int n, UINT **out, int *outlen);
