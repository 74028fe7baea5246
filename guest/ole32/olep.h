/* What ole32's families share: the headers, the IIDs they answer and the thread's apartment. */
#pragma once
#define WIN32_LEAN_AND_MEAN
#define _OLE32_
#define COBJMACROS
#include <windows.h>
#include <objbase.h>
#include <propidl.h>

#define OLEAPI_ __declspec(dllexport)

extern const GUID OleGUID_NULL;
extern const IID OleIID_IUnknown, OleIID_IMalloc, OleIID_IClassFactory, OleIID_IStream,
    OleIID_ISequentialStream;

/* The calling thread's COM state: its CoInitialize count and model (0 when none). */
typedef struct {
    LONG Inits;                 /* CoInitialize(Ex) calls not yet undone */
    LONG OleInits;              /* OleInitialize calls not yet undone */
    DWORD Model;                /* COINIT_APARTMENTTHREADED or COINIT_MULTITHREADED */
    BOOL MainSta;               /* the process's first single-threaded apartment */
    DWORD CurrentProcessId;     /* what CoGetCurrentProcess gives this thread */
    IMessageFilter *Filter;     /* the STA's CoRegisterMessageFilter */
} OLE_THREAD;
OLE_THREAD *OlepThread(void);
/* Has the calling thread an apartment (its own or, for an uninitialised thread, the MTA)? */
BOOL OlepInitialized(void);
/* CoIncrementMTAUsage's hold on the MTA: a cookie number, and its release. */
LONG OlepEnterMta(void);
void OlepLeaveMta(void);
/* When the last apartment of the process ends: the class table's in-process servers go. */
void OlepApartmentsEnded(void);

BOOL OlepIsEqualGUID(const GUID *a, const GUID *b);
/* "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" (39 characters with the NUL) both ways. */
void OlepFormatGUID(const GUID *g, WCHAR out[39]);
BOOL OlepParseGUID(const WCHAR *s, GUID *g);

/* A key of HKEY_CLASSES_ROOT's merged view, read as Windows merges it: the user's
 * HKCU\Software\Classes first, then the machine's HKLM\Software\Classes. */
LONG OlepOpenClassesKey(const WCHAR *path, HKEY *key);
