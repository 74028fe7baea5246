/* Resources of a mapped image: LdrFindResource_U walks the resource directory (type, name,
 * language: the three levels of IMAGE_RESOURCE_DIRECTORY) to an IMAGE_RESOURCE_DATA_ENTRY, and
 * LdrAccessResource turns that entry into the data's address and size. An id is a value up to
 * 0xFFFF, anything else a name (compared without regard to case, as Windows stores them
 * upper-cased). At the language level, LANG_NEUTRAL (0) takes the neutral entry, else the user's
 * default (en-US), else the first there is; another language must be there exactly. A
 * LOAD_LIBRARY_AS_DATAFILE module (its base with bit 0 or 1 set) is a flat file: RVAs are
 * translated through its section table. */
#include "ldrp.h"

NTSYSAPI PVOID NTAPI RtlImageRvaToVa(IMAGE_NT_HEADERS64 *nt, PVOID base, ULONG rva, IMAGE_SECTION_HEADER **last);
NTSYSAPI WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR c);

#define IMAGE_DIRECTORY_ENTRY_RESOURCE_ 2
#define STATUS_RESOURCE_DATA_NOT_FOUND ((NTSTATUS)0xC0000089)
#define STATUS_RESOURCE_TYPE_NOT_FOUND ((NTSTATUS)0xC000008A)
#define STATUS_RESOURCE_NAME_NOT_FOUND ((NTSTATUS)0xC000008B)
#define STATUS_RESOURCE_LANG_NOT_FOUND ((NTSTATUS)0xC0000204)
#define LANG_EN_US 0x409

typedef struct {
    ULONG Characteristics, TimeDateStamp;
    USHORT MajorVersion, MinorVersion, NumberOfNamedEntries, NumberOfIdEntries;
} RESOURCE_DIRECTORY;
typedef struct { ULONG Name, OffsetToData; } RESOURCE_DIRECTORY_ENTRY;
typedef struct { ULONG OffsetToData, Size, CodePage, Reserved; } RESOURCE_DATA_ENTRY;

/* The module's base as a mapped image, and whether it is a flat file (a data file mapping). */
static UCHAR *Base(PVOID module, BOOLEAN *flat)
{
    *flat = ((ULONG_PTR)module & 3) != 0;
    return (UCHAR *)((ULONG_PTR)module & ~(ULONG_PTR)3);
}

static BOOLEAN NameIs(const UCHAR *root, ULONG name, const WCHAR *want)
{
    const USHORT *s = (const USHORT *)(root + (name & 0x7FFFFFFF));
    USHORT n = s[0];
    const WCHAR *text = (const WCHAR *)(s + 1);
    for (USHORT i = 0; i < n; i++)
        if (!want[i] || RtlUpcaseUnicodeChar(text[i]) != RtlUpcaseUnicodeChar(want[i]))
            return 0;
    return want[n] == 0;
}

/* The entry of `dir` for an id or a name; NULL when there is none. */
static RESOURCE_DIRECTORY_ENTRY *Lookup(const UCHAR *root, const RESOURCE_DIRECTORY *dir, ULONG_PTR id)
{
    RESOURCE_DIRECTORY_ENTRY *e = (RESOURCE_DIRECTORY_ENTRY *)(dir + 1);
    ULONG named = dir->NumberOfNamedEntries, all = named + dir->NumberOfIdEntries;
    if (id > 0xFFFF) {
        for (ULONG i = 0; i < named; i++)
            if (NameIs(root, e[i].Name, (const WCHAR *)id))
                return &e[i];
        return NULL;
    }
    for (ULONG i = named; i < all; i++)
        if ((e[i].Name & 0xFFFF) == id && !(e[i].Name & 0x80000000))
            return &e[i];
    return NULL;
}

static RESOURCE_DIRECTORY_ENTRY *Language(const UCHAR *root, const RESOURCE_DIRECTORY *dir, ULONG_PTR lang)
{
    RESOURCE_DIRECTORY_ENTRY *e = Lookup(root, dir, lang);
    if (e || lang)
        return e;
    if ((e = Lookup(root, dir, LANG_EN_US)))
        return e;
    return dir->NumberOfNamedEntries + dir->NumberOfIdEntries ? (RESOURCE_DIRECTORY_ENTRY *)(dir + 1) : NULL;
}


/* Level 1 finds the type's directory, 2 the name's, 3 the language's data entry. */
NTSYSAPI NTSTATUS NTAPI LdrFindResource_U(PVOID module, const ULONG_PTR *info, ULONG level, PVOID *out)
{
    BOOLEAN flat;
    UCHAR *base = Base(module, &flat);
    if (out == NULL || info == NULL || level == 0 || level > 3)
        return STATUS_INVALID_PARAMETER;
    *out = NULL;
    ULONG size;
    UCHAR *root = RtlImageDirectoryEntryToData(base, !flat, IMAGE_DIRECTORY_ENTRY_RESOURCE_, &size);
    if (root == NULL)
        return STATUS_RESOURCE_DATA_NOT_FOUND;
    const RESOURCE_DIRECTORY *dir = (const RESOURCE_DIRECTORY *)root;
    static const NTSTATUS missing[3] = {STATUS_RESOURCE_TYPE_NOT_FOUND, STATUS_RESOURCE_NAME_NOT_FOUND,
                                        STATUS_RESOURCE_LANG_NOT_FOUND};
    for (ULONG i = 0; i < level; i++) {
        RESOURCE_DIRECTORY_ENTRY *e = i == 2 ? Language(root, dir, info[2]) : Lookup(root, dir, info[i]);
        if (e == NULL)
            return missing[i];
        BOOLEAN subdir = (e->OffsetToData & 0x80000000) != 0;
        if (i + 1 < 3 ? !subdir : subdir)
            return STATUS_RESOURCE_DATA_NOT_FOUND;        /* a malformed tree */
        UCHAR *next = root + (e->OffsetToData & 0x7FFFFFFF);
        if (i + 1 == level) {
            *out = next;
            return STATUS_SUCCESS;
        }
        dir = (const RESOURCE_DIRECTORY *)next;
    }
    return STATUS_RESOURCE_DATA_NOT_FOUND;
}

/* The data a data entry describes (RVA translated for a flat file). */
NTSYSAPI NTSTATUS NTAPI LdrAccessResource(PVOID module, const PVOID entry, PVOID *address, ULONG *size)
{
    BOOLEAN flat;
    UCHAR *base = Base(module, &flat);
    const RESOURCE_DATA_ENTRY *e = entry;
    if (e == NULL)
        return STATUS_INVALID_PARAMETER;
    PVOID data;
    if (flat) {
        data = RtlImageRvaToVa(RtlImageNtHeader(base), base, e->OffsetToData, NULL);
        if (data == NULL)
            return STATUS_RESOURCE_DATA_NOT_FOUND;
    } else {
        data = base + e->OffsetToData;
    }
    if (address)
        *address = data;
    if (size)
        *size = e->Size;
    return STATUS_SUCCESS;
}
