/* The double-byte code pages (932, 936, 949, 950): their generated tables (cp_dbcs_data.c) and
 * the conversions codepage.c calls for them (cp_dbcs.c). */
#pragma once

typedef struct _DBCS_TABLE {
    UINT CodePage;
    WCHAR UnicodeDefaultChar;
    BYTE LeadRanges[4];                 /* CPINFO.LeadByte pairs, 0-terminated */
    BYTE TrailLo, TrailHi;              /* the trail bytes a row covers */
    BYTE AvoidLead[2];                  /* rows Unicode -> bytes never picks (0 = none) */
    const WCHAR *High;                  /* bytes 0x80..0xFF alone; 0 for a lead byte */
    const BYTE *Index;                  /* lead byte 0x80..0xFF: 1-based row, 0 = no row */
    const WCHAR *Rows;                  /* a row per lead byte with pairs; 0 = undefined pair */
    const WCHAR *Name;                  /* CPINFOEX.CodePageName */
} DBCS_TABLE;

extern const DBCS_TABLE BaseDbcsTables[];

const DBCS_TABLE *BaseDbcsTable(UINT cp);
BOOL BaseDbcsIsLead(const DBCS_TABLE *t, BYTE b);
int BaseDbcsToUnicode(const DBCS_TABLE *t, DWORD flags, const BYTE *src, int srclen, LPWSTR dst, int dstlen);
int BaseUnicodeToDbcs(const DBCS_TABLE *t, DWORD flags, LPCWSTR src, int srclen, LPSTR dst, int dstlen,
                      LPCCH defchar, LPBOOL useddef);
/* The code pages this machine has installed, 0-terminated (for EnumSystemCodePages). */
extern const UINT BaseInstalledCodePages[];
