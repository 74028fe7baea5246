/* std::_Fiopen, the one non-inline step of basic_filebuf::open: an ios_base::openmode turned
 * into an fopen mode string and a _fsopen/_wfsopen with the caller's sharing flag (_Prot,
 * _SH_DENYNO by default). The combinations the Microsoft STL accepts, after ate, _Nocreate and
 * _Noreplace are taken off (app counts as out, _Nocreate as in), are those of the table below;
 * any other gives NULL. _Noreplace fails when the file can be opened for reading already; ate
 * seeks to the end and fails (closing the file) when it cannot. */
#include "msvcp.h"

__declspec(dllimport) FILE *_fsopen(const char *, const char *, int);
__declspec(dllimport) FILE *_wfsopen(const wchar *, const wchar *, int);
__declspec(dllimport) int fclose(FILE *);
__declspec(dllimport) int fseek(FILE *, long, int);

enum { OM_IN = 0x01, OM_OUT = 0x02, OM_ATE = 0x04, OM_APP = 0x08, OM_TRUNC = 0x10, OM_BINARY = 0x20,
       OM_NOCREATE = 0x40, OM_NOREPLACE = 0x80 };

/* Each accepted openmode and the fopen mode it stands for. */
static const struct { int mode; const char *fmode; } Modes[] = {
    {OM_IN, "r"},
    {OM_OUT, "w"},
    {OM_OUT | OM_TRUNC, "w"},
    {OM_OUT | OM_APP, "a"},
    {OM_IN | OM_BINARY, "rb"},
    {OM_OUT | OM_BINARY, "wb"},
    {OM_OUT | OM_TRUNC | OM_BINARY, "wb"},
    {OM_OUT | OM_APP | OM_BINARY, "ab"},
    {OM_IN | OM_OUT, "r+"},
    {OM_IN | OM_OUT | OM_TRUNC, "w+"},
    {OM_IN | OM_OUT | OM_APP, "a+"},
    {OM_IN | OM_OUT | OM_BINARY, "r+b"},
    {OM_IN | OM_OUT | OM_TRUNC | OM_BINARY, "w+b"},
    {OM_IN | OM_OUT | OM_APP | OM_BINARY, "a+b"},
};

/* Open through _fsopen (narrow names) or _wfsopen (wide ones): the mode string is widened. */
static FILE *OpenAs(const void *name, int wide, const char *fmode, int prot)
{
    if (!wide)
        return _fsopen(name, fmode, prot);
    wchar wmode[4];
    int i = 0;
    for (; fmode[i]; i++)
        wmode[i] = (wchar)fmode[i];
    wmode[i] = 0;
    return _wfsopen(name, wmode, prot);
}

static FILE *Fiopen(const void *name, int wide, int mode, int prot)
{
    int ate = mode & OM_ATE, noreplace = mode & OM_NOREPLACE;
    if (mode & OM_NOCREATE)
        mode |= OM_IN;                        /* the file must exist */
    if (mode & OM_APP)
        mode |= OM_OUT;                       /* app implies out */
    mode &= ~(OM_ATE | OM_NOCREATE | OM_NOREPLACE);
    size_t n = 0;
    while (n < sizeof Modes / sizeof Modes[0] && Modes[n].mode != mode)
        n++;
    if (n == sizeof Modes / sizeof Modes[0])
        return NULL;
    FILE *f;
    if (noreplace && (mode & (OM_OUT | OM_APP)) && (f = OpenAs(name, wide, "r", prot)) != NULL) {
        fclose(f);                            /* it exists: fail */
        return NULL;
    }
    if ((f = OpenAs(name, wide, Modes[n].fmode, prot)) == NULL)
        return NULL;
    if (!ate || fseek(f, 0, 2) == 0)
        return f;
    fclose(f);
    return NULL;
}

FILE *FiopenA(const char *name, int mode, int prot) { return Fiopen(name, 0, mode, prot); }
FILE *FiopenW(const wchar *name, int mode, int prot) { return Fiopen(name, 1, mode, prot); }
