/* What version.dll's families share: the headers and the block walker VerQueryValue and
 * GetFileVersionInfo both use. */
#pragma once
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#define VERAPI __declspec(dllexport)

/* One node of a VS_VERSIONINFO block: a header, its key, its value and its children. */
typedef struct {
    WORD wLength;           /* bytes of the node with its children */
    WORD wValueLength;      /* characters (text) or bytes (binary) of the value */
    WORD wType;             /* 1 text, 0 binary */
    WCHAR szKey[1];
} VERSION_NODE;

/* The signature GetFileVersionInfo writes after the copied block, before the ANSI half. */
#define VERSION_SIGNATURE 0x58324546u       /* "FE2X" */

/* The node a "\\A\\B" path names (case-insensitive), or NULL. */
const VERSION_NODE *VerpFindNode(const VERSION_NODE *root, LPCWSTR path);
/* The address of a node's value (alignment counts from the root). */
void *VerpNodeValue(const VERSION_NODE *root, const VERSION_NODE *node);
