/* The C runtime's own base types and flavour switches, shared by every file of guest/crt.
 * Pure files (fltcvt.c, format.c, strtod.c ...) include only this header, so that the host test
 * harness (tests/crt_host/) can compile them with the host compiler. */
#pragma once

/* No system header: mingw-w64's would declare the runtime's own functions as imports. */
typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef __INTPTR_TYPE__ intptr_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __INT32_TYPE__ int32_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT8_TYPE__ uint8_t;
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) __builtin_va_end(ap)
#define va_copy(d, s) __builtin_va_copy(d, s)
#ifndef NULL
#define NULL ((void *)0)
#endif

#if !defined(CRT_MSVCRT) && !defined(CRT_UCRT)
#error "define CRT_MSVCRT or CRT_UCRT"
#endif

typedef unsigned short crt_wchar;     /* wchar_t of Windows, whatever the host's is */

#ifdef CRT_HOST_TEST
#define CRTEXP
#else
#define CRTEXP __declspec(dllexport)
#endif
