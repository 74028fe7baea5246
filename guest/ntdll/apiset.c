/* API sets: a name such as api-ms-win-crt-runtime-l1-1-0.dll resolved through the schema the
 * executive maps at PEB->ApiSetMap (version 6, as Windows 10 lays it out). A name matches an
 * entry on everything up to its last hyphen, case-insensitively; an entry's first value is its
 * default host, the others are hosts for particular importing modules. */
#include "ldrp.h"

typedef struct { ULONG Version, Size, Flags, Count, EntryOffset, HashOffset, HashFactor; } API_SET_NAMESPACE;
typedef struct { ULONG Flags, NameOffset, NameLength, HashedLength, ValueOffset, ValueCount; } API_SET_NAMESPACE_ENTRY;
typedef struct { ULONG Hash, Index; } API_SET_HASH_ENTRY;
typedef struct { ULONG Flags, NameOffset, NameLength, ValueOffset, ValueLength; } API_SET_VALUE_ENTRY;

static WCHAR Lower(WCHAR c) { return c >= 'A' && c <= 'Z' ? c + 0x20 : c; }

BOOLEAN ApiSetResolveToHost(const WCHAR *name, SIZE_T len, const WCHAR *importer, const WCHAR **host,
                            SIZE_T *host_len, BOOLEAN *is_apiset)
{
    *is_apiset = 0;
    if (len < 4)
        return 0;
    WCHAR p0 = Lower(name[0]), p1 = Lower(name[1]), p2 = Lower(name[2]);
    if (!((p0 == 'a' && p1 == 'p' && p2 == 'i') || (p0 == 'e' && p1 == 'x' && p2 == 't')) || name[3] != '-')
        return 0;
    *is_apiset = 1;
    API_SET_NAMESPACE *map = LdrpPeb()->ApiSetMap;
    if (map == NULL || map->Version != 6)
        return 0;
    if (len > 4 && Lower(name[len - 1]) == 'l' && Lower(name[len - 2]) == 'l' && Lower(name[len - 3]) == 'd' &&
        name[len - 4] == '.')
        len -= 4;
    SIZE_T hashed = len;
    while (hashed && name[hashed - 1] != '-')
        hashed--;
    if (hashed == 0)
        return 0;
    hashed--;                                   /* up to the last hyphen */
    ULONG hash = 0;
    for (SIZE_T i = 0; i < hashed; i++)
        hash = hash * map->HashFactor + Lower(name[i]);
    UCHAR *base = (UCHAR *)map;
    API_SET_HASH_ENTRY *hashes = (API_SET_HASH_ENTRY *)(base + map->HashOffset);
    API_SET_NAMESPACE_ENTRY *entries = (API_SET_NAMESPACE_ENTRY *)(base + map->EntryOffset);
    LONG lo = 0, hi = (LONG)map->Count - 1;
    while (lo <= hi) {
        LONG mid = (lo + hi) / 2;
        if (hashes[mid].Hash < hash) {
            lo = mid + 1;
            continue;
        }
        if (hashes[mid].Hash > hash) {
            hi = mid - 1;
            continue;
        }
        API_SET_NAMESPACE_ENTRY *e = &entries[hashes[mid].Index];
        const WCHAR *entry_name = (const WCHAR *)(base + e->NameOffset);
        if (e->HashedLength / 2 != hashed)
            return 0;
        for (SIZE_T i = 0; i < hashed; i++)
            if (Lower(entry_name[i]) != Lower(name[i]))
                return 0;
        if (e->ValueCount == 0)
            return 0;
        API_SET_VALUE_ENTRY *values = (API_SET_VALUE_ENTRY *)(base + e->ValueOffset);
        API_SET_VALUE_ENTRY *chosen = &values[0];
        if (importer) {
            SIZE_T ilen = LdrpWcsLen(importer);
            for (ULONG v = 1; v < e->ValueCount; v++)
                if (LdrpEqualNames((const WCHAR *)(base + values[v].NameOffset), values[v].NameLength / 2, importer,
                                   ilen))
                    chosen = &values[v];
        }
        if (chosen->ValueLength == 0)
            return 0;
        *host = (const WCHAR *)(base + chosen->ValueOffset);
        *host_len = chosen->ValueLength / 2;
        return 1;
    }
    return 0;
}
