/* The attribute list of STARTUPINFOEX (proc_attr.c), as the creation path reads it. */
#pragma once
#include "kernelbase.h"

/* The value and size an attribute was given, or FALSE when the list does not have it. */
BOOL BaseGetProcThreadAttribute(LPPROC_THREAD_ATTRIBUTE_LIST list, DWORD_PTR attribute, PVOID *value, SIZE_T *size);
