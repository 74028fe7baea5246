/* Atom tables (RtlCreateAtomTable ... RtlQueryAtomInAtomTable), what kernel32's local atoms use.
 * A table is a hash of case-insensitive names (at most 255 characters) into entries that keep a
 * reference count and a pin flag; string atoms are 0xC000 + the entry's slot. Integer atoms
 * (1 .. 0xBFFF, given as a pointer value or as "#123") are never stored: they are always there,
 * with one reference and pinned, as Windows reports them. */
#include "rtl.h"

typedef USHORT RTL_ATOM;

#define STATUS_INVALID_HANDLE           ((NTSTATUS)0xC0000008)
#define STATUS_OBJECT_NAME_NOT_FOUND    ((NTSTATUS)0xC0000034)
#define STATUS_WAS_LOCKED               ((NTSTATUS)0x40000019)
#define MAXINTATOM 0xC000
#define ATOM_SLOTS 0x4000                     /* string atoms 0xC000 .. 0xFFFF */
#define ATOM_SIGNATURE 0x6D6F7441             /* "Atom" */
#define ATOM_MAX_NAME 255
#define TRUE 1
#define FALSE 0

typedef struct _RTL_ATOM_TABLE_ENTRY {
    struct _RTL_ATOM_TABLE_ENTRY *HashLink;
    USHORT HandleIndex;
    RTL_ATOM Atom;
    USHORT ReferenceCount;
    UCHAR Flags;                              /* 1: pinned */
    UCHAR NameLength;                         /* in characters */
    WCHAR Name[ATOM_MAX_NAME + 1];
} RTL_ATOM_TABLE_ENTRY;

typedef struct _RTL_ATOM_TABLE {
    ULONG Signature;
    RTL_CRITICAL_SECTION Lock;
    RTL_ATOM_TABLE_ENTRY **Slots;             /* ATOM_SLOTS of them, by HandleIndex */
    ULONG NumberOfBuckets;
    RTL_ATOM_TABLE_ENTRY *Buckets[1];
} RTL_ATOM_TABLE;

/* Step 1 of every name operation: an integer atom (pointer value or "#digits"), or a string. */
static NTSTATUS RtlpIntegerAtom(PCWSTR Name, RTL_ATOM *Atom, BOOLEAN *IsInteger)
{
    *IsInteger = FALSE;
    if ((ULONG_PTR)Name < 0x10000) {
        *IsInteger = TRUE;
        *Atom = (RTL_ATOM)(ULONG_PTR)Name;
        return (*Atom == 0 || *Atom >= MAXINTATOM) ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
    }
    if (Name[0] != '#')
        return STATUS_SUCCESS;
    ULONG value = 0, digits = 0;
    for (PCWSTR p = Name + 1; *p; p++, digits++) {
        if (*p < '0' || *p > '9')
            return STATUS_SUCCESS;            /* "#12z" is a string atom */
        if (value < 0x10000) value = value * 10 + (*p - '0');
    }
    if (!digits)
        return STATUS_SUCCESS;
    *IsInteger = TRUE;
    *Atom = (RTL_ATOM)value;
    return (value == 0 || value >= MAXINTATOM) ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
}

static ULONG RtlpAtomNameLength(PCWSTR Name)
{
    ULONG n = 0;
    while (Name[n] && n <= ATOM_MAX_NAME) n++;
    return n;
}

static ULONG RtlpAtomHash(PCWSTR Name, ULONG Length)
{
    ULONG h = 0;
    for (ULONG i = 0; i < Length; i++)
        h = h * 31 + RtlUpcaseUnicodeChar(Name[i]);
    return h;
}

static BOOLEAN RtlpAtomNameEqual(const RTL_ATOM_TABLE_ENTRY *e, PCWSTR Name, ULONG Length)
{
    if (e->NameLength != Length) return FALSE;
    for (ULONG i = 0; i < Length; i++)
        if (RtlUpcaseUnicodeChar(e->Name[i]) != RtlUpcaseUnicodeChar(Name[i])) return FALSE;
    return TRUE;
}

/* The bucket link that holds Name's entry (or the NULL at its chain's end). */
static RTL_ATOM_TABLE_ENTRY **RtlpAtomFind(RTL_ATOM_TABLE *t, PCWSTR Name, ULONG Length)
{
    RTL_ATOM_TABLE_ENTRY **link = &t->Buckets[RtlpAtomHash(Name, Length) % t->NumberOfBuckets];
    while (*link && !RtlpAtomNameEqual(*link, Name, Length))
        link = &(*link)->HashLink;
    return link;
}

static RTL_ATOM_TABLE_ENTRY *RtlpAtomEntry(RTL_ATOM_TABLE *t, RTL_ATOM Atom)
{
    if (Atom < MAXINTATOM) return NULL;
    return t->Slots[Atom - MAXINTATOM];
}

static void RtlpAtomUnlink(RTL_ATOM_TABLE *t, RTL_ATOM_TABLE_ENTRY *e)
{
    RTL_ATOM_TABLE_ENTRY **link = RtlpAtomFind(t, e->Name, e->NameLength);
    *link = e->HashLink;
    t->Slots[e->HandleIndex] = NULL;
    RtlFreeHeap(RtlpProcessHeap(), 0, e);
}

static BOOLEAN RtlpAtomTableValid(RTL_ATOM_TABLE *t)
{
    return t && t->Signature == ATOM_SIGNATURE;
}

NTSYSAPI NTSTATUS NTAPI RtlInitializeAtomPackage(ULONG Tag)
{
    (void)Tag;                                /* the pool tag of kernel-mode tables */
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlCreateAtomTable(ULONG NumberOfBuckets, PVOID *AtomTableHandle)
{
    if (*AtomTableHandle)
        return STATUS_SUCCESS;                /* already made: the caller's table stays */
    if (!NumberOfBuckets) NumberOfBuckets = 37;
    PVOID heap = RtlpProcessHeap();
    RTL_ATOM_TABLE *t = RtlAllocateHeap(heap, 8 /* HEAP_ZERO_MEMORY */,
                                        sizeof(*t) + (NumberOfBuckets - 1) * sizeof(t->Buckets[0]));
    if (!t) return STATUS_NO_MEMORY;
    t->Slots = RtlAllocateHeap(heap, 8, ATOM_SLOTS * sizeof(t->Slots[0]));
    if (!t->Slots) {
        RtlFreeHeap(heap, 0, t);
        return STATUS_NO_MEMORY;
    }
    t->Signature = ATOM_SIGNATURE;
    t->NumberOfBuckets = NumberOfBuckets;
    RtlInitializeCriticalSection(&t->Lock);
    *AtomTableHandle = t;
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlEmptyAtomTable(PVOID AtomTableHandle, BOOLEAN IncludePinnedAtoms)
{
    RTL_ATOM_TABLE *t = AtomTableHandle;
    if (!RtlpAtomTableValid(t)) return STATUS_INVALID_PARAMETER;
    RtlEnterCriticalSection(&t->Lock);
    for (ULONG i = 0; i < ATOM_SLOTS; i++) {
        RTL_ATOM_TABLE_ENTRY *e = t->Slots[i];
        if (e && (IncludePinnedAtoms || !(e->Flags & 1)))
            RtlpAtomUnlink(t, e);
    }
    RtlLeaveCriticalSection(&t->Lock);
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlDestroyAtomTable(PVOID AtomTableHandle)
{
    RTL_ATOM_TABLE *t = AtomTableHandle;
    if (!RtlpAtomTableValid(t)) return STATUS_INVALID_PARAMETER;
    RtlEmptyAtomTable(t, TRUE);
    RtlDeleteCriticalSection(&t->Lock);
    t->Signature = 0;
    RtlFreeHeap(RtlpProcessHeap(), 0, t->Slots);
    RtlFreeHeap(RtlpProcessHeap(), 0, t);
    return STATUS_SUCCESS;
}

/* Step 2 of RtlAdd/RtlLookup: the name checks both share, then the table under its lock. */
static NTSTATUS RtlpAtomByName(RTL_ATOM_TABLE *t, PCWSTR Name, RTL_ATOM *Atom, BOOLEAN Add)
{
    BOOLEAN integer;
    RTL_ATOM value = 0;
    if (!RtlpAtomTableValid(t)) return STATUS_INVALID_PARAMETER;
    NTSTATUS status = RtlpIntegerAtom(Name, &value, &integer);
    if (integer) {
        if (status == STATUS_SUCCESS && Atom) *Atom = value;
        return status;
    }
    ULONG length = RtlpAtomNameLength(Name);
    if (!length) return STATUS_OBJECT_NAME_INVALID;
    if (length > ATOM_MAX_NAME) return STATUS_INVALID_PARAMETER;
    RtlEnterCriticalSection(&t->Lock);
    RTL_ATOM_TABLE_ENTRY **link = RtlpAtomFind(t, Name, length), *e = *link;
    status = STATUS_SUCCESS;
    if (e) {
        if (Add && e->ReferenceCount < 0xFFFF) e->ReferenceCount++;
    } else if (!Add) {
        status = STATUS_OBJECT_NAME_NOT_FOUND;
    } else {
        ULONG slot = 0;
        while (slot < ATOM_SLOTS && t->Slots[slot]) slot++;
        e = slot < ATOM_SLOTS ? RtlAllocateHeap(RtlpProcessHeap(), 8, sizeof(*e)) : NULL;
        if (!e) {
            status = STATUS_NO_MEMORY;
        } else {
            e->HandleIndex = (USHORT)slot;
            e->Atom = (RTL_ATOM)(MAXINTATOM + slot);
            e->ReferenceCount = 1;
            e->NameLength = (UCHAR)length;
            memcpy(e->Name, Name, length * sizeof(WCHAR));
            t->Slots[slot] = e;
            *link = e;
        }
    }
    if (status == STATUS_SUCCESS && Atom) *Atom = e->Atom;
    RtlLeaveCriticalSection(&t->Lock);
    return status;
}

NTSYSAPI NTSTATUS NTAPI RtlAddAtomToAtomTable(PVOID AtomTableHandle, PCWSTR AtomName, RTL_ATOM *Atom)
{
    return RtlpAtomByName(AtomTableHandle, AtomName, Atom, TRUE);
}

NTSYSAPI NTSTATUS NTAPI RtlLookupAtomInAtomTable(PVOID AtomTableHandle, PCWSTR AtomName, RTL_ATOM *Atom)
{
    return RtlpAtomByName(AtomTableHandle, AtomName, Atom, FALSE);
}

/* A reference less; the last one deletes the entry, unless it is pinned (STATUS_WAS_LOCKED). */
NTSYSAPI NTSTATUS NTAPI RtlDeleteAtomFromAtomTable(PVOID AtomTableHandle, RTL_ATOM Atom)
{
    RTL_ATOM_TABLE *t = AtomTableHandle;
    if (!RtlpAtomTableValid(t)) return STATUS_INVALID_PARAMETER;
    if (Atom < MAXINTATOM)
        return Atom ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
    RtlEnterCriticalSection(&t->Lock);
    RTL_ATOM_TABLE_ENTRY *e = RtlpAtomEntry(t, Atom);
    NTSTATUS status = STATUS_SUCCESS;
    if (!e)
        status = STATUS_INVALID_HANDLE;
    else if (e->Flags & 1)
        status = STATUS_WAS_LOCKED;
    else if (--e->ReferenceCount == 0)
        RtlpAtomUnlink(t, e);
    RtlLeaveCriticalSection(&t->Lock);
    return status;
}

NTSYSAPI NTSTATUS NTAPI RtlPinAtomInAtomTable(PVOID AtomTableHandle, RTL_ATOM Atom)
{
    RTL_ATOM_TABLE *t = AtomTableHandle;
    if (!RtlpAtomTableValid(t)) return STATUS_INVALID_PARAMETER;
    if (Atom < MAXINTATOM)
        return Atom ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
    RtlEnterCriticalSection(&t->Lock);
    RTL_ATOM_TABLE_ENTRY *e = RtlpAtomEntry(t, Atom);
    if (e) e->Flags |= 1;
    RtlLeaveCriticalSection(&t->Lock);
    return e ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
}

/* Counts and name of one atom; the name is cut to *NameLength bytes with its NUL inside them,
 * and *NameLength becomes the bytes copied (0 asks for the length: STATUS_BUFFER_TOO_SMALL). */
NTSYSAPI NTSTATUS NTAPI RtlQueryAtomInAtomTable(PVOID AtomTableHandle, RTL_ATOM Atom, ULONG *RefCount,
                                                ULONG *PinCount, PWSTR AtomName, ULONG *NameLength)
{
    RTL_ATOM_TABLE *t = AtomTableHandle;
    WCHAR number[8];
    PCWSTR name;
    ULONG length, refs, pins;
    if (!RtlpAtomTableValid(t)) return STATUS_INVALID_PARAMETER;
    if (!Atom) return STATUS_INVALID_PARAMETER;
    RtlEnterCriticalSection(&t->Lock);
    if (Atom < MAXINTATOM) {
        WCHAR digits[6];
        ULONG n = 0, v = Atom;
        do { digits[n++] = (WCHAR)('0' + v % 10); v /= 10; } while (v);
        number[0] = '#';
        for (ULONG i = 0; i < n; i++) number[1 + i] = digits[n - 1 - i];
        length = n + 1;
        name = number;
        refs = pins = 1;
    } else {
        RTL_ATOM_TABLE_ENTRY *e = RtlpAtomEntry(t, Atom);
        if (!e) {
            RtlLeaveCriticalSection(&t->Lock);
            return STATUS_INVALID_HANDLE;
        }
        name = e->Name;
        length = e->NameLength;
        refs = e->ReferenceCount;
        pins = e->Flags & 1;
    }
    NTSTATUS status = STATUS_SUCCESS;
    if (NameLength && AtomName) {
        if (*NameLength < sizeof(WCHAR)) {
            *NameLength = length * sizeof(WCHAR);
            status = STATUS_BUFFER_TOO_SMALL;
        } else {
            ULONG room = *NameLength / sizeof(WCHAR) - 1;
            ULONG copy = length < room ? length : room;
            memcpy(AtomName, name, copy * sizeof(WCHAR));
            AtomName[copy] = 0;
            *NameLength = copy * sizeof(WCHAR);
        }
    }
    if (status == STATUS_SUCCESS) {
        if (RefCount) *RefCount = refs;
        if (PinCount) *PinCount = pins;
    }
    RtlLeaveCriticalSection(&t->Lock);
    return status;
}
