/* VerQueryValueW and VerQueryValueA: a value of the block GetFileVersionInfo returned. The W form
 * points into the block; the A form answers text values (those under StringFileInfo) from the
 * ANSI half after the block and its "FE2X" signature, converting the string there at the offset it
 * has in the block, as Windows does; binary values ("\\", "\\VarFileInfo\\Translation") are the
 * block's own. Lengths: characters with the NUL for text, bytes for binary values. */
#include "version.h"

static BOOL Query(const void *block, LPCWSTR path, const VERSION_NODE **found, LPVOID *out, PUINT len)
{
    const VERSION_NODE *root = block;
    if (block == NULL || out == NULL || root->wLength < 6) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    const VERSION_NODE *node = VerpFindNode(root, path);
    if (node == NULL) {
        SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND);
        return FALSE;
    }
    *found = node;
    *out = VerpNodeValue(root, node);
    if (len)
        *len = node->wValueLength;
    return TRUE;
}

VERAPI BOOL WINAPI VerQueryValueW(LPCVOID block, LPCWSTR sub_block, LPVOID *buffer, PUINT len)
{
    const VERSION_NODE *node;
    return Query(block, sub_block, &node, buffer, len);
}

VERAPI BOOL WINAPI VerQueryValueA(LPCVOID block, LPCSTR sub_block, LPVOID *buffer, PUINT len)
{
    WCHAR path[256] = {0};
    if (sub_block && !MultiByteToWideChar(CP_ACP, 0, sub_block, -1, path, 256))
        return FALSE;
    const VERSION_NODE *node;
    if (!Query(block, path, &node, buffer, len))
        return FALSE;
    if (node->wType != 1)
        return TRUE;                                        /* binary: the block's own bytes */
    /* Text: its ANSI form in the second half, at the offset the string has in the block. */
    const VERSION_NODE *root = block;
    SIZE_T pos = (const BYTE *)*buffer - (const BYTE *)block;
    char *ansi = (char *)block + root->wLength + 4 + pos;
    int room = (int)(root->wLength - pos);
    int n = node->wValueLength ? WideCharToMultiByte(CP_ACP, 0, *buffer, node->wValueLength, ansi, room, NULL, NULL) : 0;
    *buffer = ansi;
    if (len)
        *len = (UINT)n;
    return TRUE;
}
