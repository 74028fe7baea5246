/* msvcp140.dll's locale facets under an MSVC-built C++ program (facets.cpp, clang for
 * x86_64-pc-windows-msvc with the STL's declarations in msvcfacets.h): num_put and num_get behind
 * the arithmetic inserters and extractors, use_facet/has_facet, numpunct, codecvt, collate and
 * the program's own facets imbued. The driver only
 * gives the C++ side what a C runtime's static part would (type_info's vftable, operator new and delete,
 * _fltused) and returns its result. */
#include "../nt.h"

int CxxMain(void);

#include "../msvcp_driver.h"

int Entry(void)
{
    return CxxMain();
}
