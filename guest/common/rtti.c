/* The run-time type information entry points MSVC code calls, shared by msvcrt.dll and
 * vcruntime140.dll (each includes this file after defining RTTI_EXPORT and the throwers below):
 * __RTtypeid (typeid of a polymorphic object), __RTDynamicCast (dynamic_cast), __RTCastToVoid
 * (dynamic_cast<void *>). They read the complete object locator at vftable[-1] (x64: signature 1,
 * RVAs from the module's base, which the locator's own pSelf gives) and its class hierarchy.
 * An object whose vftable or locator cannot be read throws __non_rtti_object ("Access violation -
 * no RTTI data!"); the includer supplies
 *   RttiThrowBadCast(void), RttiThrowBadTypeid(void), RttiThrowNonRtti(void)   (noreturn)
 * throwing its own module's classes. */

__declspec(dllimport) int __stdcall IsBadReadPtr(const void *, unsigned long long);

typedef struct { int mdisp, pdisp, vdisp; } RttiPMD;
typedef struct { unsigned int signature, offset, cdOffset; int pTypeDescriptor, pClassDescriptor, pSelf; } RttiLocator;
typedef struct { unsigned int signature, attributes, numBaseClasses; int pBaseClassArray; } RttiHierarchy;
typedef struct { int pTypeDescriptor; unsigned int numContainedBases; RttiPMD where; unsigned int attributes;
                 int pClassDescriptor; } RttiBase;
typedef struct { const void *vftable; void *spare; char name[1]; } RttiTypeDescriptor;
#define BCD_NOTVISIBLE 0x1
#define BCD_AMBIGUOUS 0x2
#define BCD_HASPCHD 0x40

static __attribute__((noreturn)) void RttiThrowBadCast(void);
static __attribute__((noreturn)) void RttiThrowBadTypeid(void);
static __attribute__((noreturn)) void RttiThrowNonRtti(void);

#define RTTI_AT(base, rva) ((const void *)((base) + (unsigned int)(rva)))

/* Type descriptors of one type in two modules are two objects: compare the decorated names. */
static int RttiSameType(const RttiTypeDescriptor *a, const RttiTypeDescriptor *b)
{
    if (a == b)
        return 1;
    const char *p = a->name, *q = b->name;
    while (*p && *p == *q)
        p++, q++;
    return *p == *q;
}

/* The locator of the object's most derived class, and the module base its RVAs count from. */
static const RttiLocator *RttiObjectLocator(const void *object, unsigned long long *base)
{
    if (IsBadReadPtr(object, sizeof(void *)))
        RttiThrowNonRtti();
    const void *const *vftable = *(const void *const *const *)object;
    if (IsBadReadPtr(vftable - 1, sizeof(void *)))
        RttiThrowNonRtti();
    const RttiLocator *col = vftable[-1];
    if (IsBadReadPtr(col, sizeof *col))
        RttiThrowNonRtti();
    *base = col->signature ? (unsigned long long)col - (unsigned int)col->pSelf : 0;
    return col;
}

static char *RttiCompleteObject(void *object, const RttiLocator *col)
{
    char *p = (char *)object - col->offset;
    if (col->cdOffset)
        p -= *(int *)((char *)object - col->cdOffset);
    return p;
}

/* Where a base class subobject lies in the complete object (through the vbtable for a virtual base). */
static char *RttiBaseAddress(char *complete, const RttiBase *bcd)
{
    char *p = complete + bcd->where.mdisp;
    if (bcd->where.pdisp >= 0)
        p += bcd->where.pdisp + *(int *)(*(char **)(complete + bcd->where.pdisp) + bcd->where.vdisp);
    return p;
}

RTTI_EXPORT void *__RTtypeid(void *object)
{
    if (object == NULL)
        RttiThrowBadTypeid();
    unsigned long long base;
    const RttiLocator *col = RttiObjectLocator(object, &base);
    return (void *)RTTI_AT(base, col->pTypeDescriptor);
}

RTTI_EXPORT void *__RTCastToVoid(void *object)
{
    if (object == NULL)
        return NULL;
    unsigned long long base;
    return RttiCompleteObject(object, RttiObjectLocator(object, &base));
}

/* Is the source type a public base of the class whose hierarchy `chd` is (the target's own
 * hierarchy, for a down-cast: visibility there, not in the complete class)? */
static int RttiPublicIn(unsigned long long base, const RttiHierarchy *chd, const RttiTypeDescriptor *source)
{
    const int *bases = RTTI_AT(base, chd->pBaseClassArray);
    for (unsigned int i = 1; i < chd->numBaseClasses; i++) {
        const RttiBase *bcd = RTTI_AT(base, bases[i]);
        if (RttiSameType(RTTI_AT(base, bcd->pTypeDescriptor), source))
            return !(bcd->attributes & BCD_NOTVISIBLE);
    }
    return 0;
}

/* dynamic_cast<Target>(object): object points to a subobject of type source_type whose vfptr is
 * vfdelta bytes into it. A down-cast gives the one Target containing that subobject when the
 * subobject is a public base of Target; otherwise (a cross-cast) the Target subobject of the
 * complete object when it is public and unambiguous there and the source subobject is public.
 * NULL when neither, or std::bad_cast for a reference. */
RTTI_EXPORT void *__RTDynamicCast(void *object, long vfdelta, void *source_type, void *target_type, int is_reference)
{
    if (object == NULL)
        return NULL;
    unsigned long long base;
    const RttiLocator *col = RttiObjectLocator(object, &base);
    char *complete = RttiCompleteObject(object, col);
    char *source = (char *)object - vfdelta;
    const RttiTypeDescriptor *src = source_type, *tgt = target_type;
    const RttiHierarchy *chd = RTTI_AT(base, col->pClassDescriptor);
    const int *bases = RTTI_AT(base, chd->pBaseClassArray);
    unsigned int n = chd->numBaseClasses;
    /* the source subobject's entry: the one of source type at the object's address */
    int source_public = 0;
    for (unsigned int i = 0; i < n; i++) {
        const RttiBase *bcd = RTTI_AT(base, bases[i]);
        if (RttiSameType(RTTI_AT(base, bcd->pTypeDescriptor), src) && RttiBaseAddress(complete, bcd) == source) {
            source_public = !(bcd->attributes & BCD_NOTVISIBLE);
            break;
        }
    }
    /* down-casts: a Target entry whose contained bases hold the source subobject */
    void *found = NULL;
    int downs = 0;
    for (unsigned int i = 0; i < n; i++) {
        const RttiBase *bcd = RTTI_AT(base, bases[i]);
        if (!RttiSameType(RTTI_AT(base, bcd->pTypeDescriptor), tgt))
            continue;
        for (unsigned int j = i + 1; j <= i + bcd->numContainedBases && j < n; j++) {
            const RttiBase *inner = RTTI_AT(base, bases[j]);
            if (!RttiSameType(RTTI_AT(base, inner->pTypeDescriptor), src) || RttiBaseAddress(complete, inner) != source)
                continue;
            int visible = i == 0 ? source_public
                        : (bcd->attributes & BCD_HASPCHD) ? RttiPublicIn(base, RTTI_AT(base, bcd->pClassDescriptor), src)
                        : 0;
            char *at = RttiBaseAddress(complete, bcd);
            if (visible && at != found) {
                found = at;
                downs++;
            }
            break;
        }
    }
    if (downs == 1)
        return found;
    /* cross-casts (and up-casts): Target public and unambiguous in the complete object */
    if (downs == 0 && source_public) {
        for (unsigned int i = 0; i < n; i++) {
            const RttiBase *bcd = RTTI_AT(base, bases[i]);
            if (!RttiSameType(RTTI_AT(base, bcd->pTypeDescriptor), tgt))
                continue;
            if (bcd->attributes & (BCD_NOTVISIBLE | BCD_AMBIGUOUS))
                break;
            return RttiBaseAddress(complete, bcd);
        }
    }
    if (is_reference)
        RttiThrowBadCast();
    return NULL;
}
