/* The sample's class: a counter with one custom interface, ICounter (IUnknown, Add, Get). */
#pragma once
#define WIN32_LEAN_AND_MEAN
#define COBJMACROS
#include <windows.h>
#include <objbase.h>

typedef struct ICounter ICounter;
typedef struct {
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(ICounter *, REFIID, void **);
    ULONG (STDMETHODCALLTYPE *AddRef)(ICounter *);
    ULONG (STDMETHODCALLTYPE *Release)(ICounter *);
    HRESULT (STDMETHODCALLTYPE *Add)(ICounter *, LONG);
    LONG (STDMETHODCALLTYPE *Get)(ICounter *);
} ICounterVtbl;
struct ICounter { const ICounterVtbl *lpVtbl; };

/* {8B1D7A52-3C4E-4F60-9A7B-1C2D3E4F5A6B} and {8B1D7A53-...}: the class and ICounter. */
static const CLSID CLSID_Counter = {0x8B1D7A52, 0x3C4E, 0x4F60, {0x9A, 0x7B, 0x1C, 0x2D, 0x3E, 0x4F, 0x5A, 0x6B}};
static const IID IID_ICounter = {0x8B1D7A53, 0x3C4E, 0x4F60, {0x9A, 0x7B, 0x1C, 0x2D, 0x3E, 0x4F, 0x5A, 0x6B}};
static const IID IID_IUnknown_ = {0, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const IID IID_IClassFactory_ = {1, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

static inline BOOL SameIID(REFIID a, REFIID b)
{
    const BYTE *x = (const BYTE *)a, *y = (const BYTE *)b;
    for (int i = 0; i < 16; i++)
        if (x[i] != y[i])
            return FALSE;
    return TRUE;
}
