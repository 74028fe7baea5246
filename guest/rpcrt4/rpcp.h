/* What rpcrt4's families share: the headers and the string allocator RpcStringFree releases. */
#pragma once
#define WIN32_LEAN_AND_MEAN
#define _RPCRT4_
#include <windows.h>
#include <rpc.h>
#include <rpcndr.h>

#define RPCAPI __declspec(dllexport)

/* A string the caller frees with RpcStringFree: characters (with the NUL) from the process heap. */
void *RpcpAllocString(SIZE_T bytes);
/* UTF-16 <-> ANSI copies from RpcpAllocString (NULL stays NULL; *ok FALSE when out of memory). */
unsigned char *RpcpToAnsi(const WCHAR *s, BOOL *ok);
WCHAR *RpcpToWide(const unsigned char *s, BOOL *ok);
