/* Walking a VS_VERSIONINFO block: every node is a header (wLength, wValueLength, wType), a
 * NUL-terminated key, the value and the child nodes, each of the three starting on a four-byte
 * boundary from the block's start. A path "\\StringFileInfo\\040904b0\\FileVersion" names a node by
 * its keys from the root down, compared without case; "\\" (or "") is the root itself. */
#include "version.h"

static const BYTE *Align4(const BYTE *base, const BYTE *p)
{
    return base + (((p - base) + 3) & ~(SIZE_T)3);
}

static SIZE_T KeyLength(const VERSION_NODE *node)
{
    SIZE_T n = 0;
    while (n * 2 + 6 < node->wLength && node->szKey[n])
        n++;
    return n;
}

void *VerpNodeValue(const VERSION_NODE *root, const VERSION_NODE *node)
{
    const BYTE *key_end = (const BYTE *)&node->szKey[KeyLength(node) + 1];
    return (void *)Align4((const BYTE *)root, key_end);
}

static const VERSION_NODE *FirstChild(const BYTE *base, const VERSION_NODE *node)
{
    const BYTE *value = VerpNodeValue((const VERSION_NODE *)base, node);
    SIZE_T bytes = node->wType == 1 ? (SIZE_T)node->wValueLength * 2 : node->wValueLength;
    return (const VERSION_NODE *)Align4(base, value + bytes);
}

/* The child of node whose key is the len characters at name, or NULL (base: the block's start). */
static const VERSION_NODE *FindChild(const BYTE *base, const VERSION_NODE *node, LPCWSTR name, SIZE_T len)
{
    const BYTE *end = (const BYTE *)node + node->wLength;
    for (const VERSION_NODE *c = FirstChild(base, node); (const BYTE *)c + 6 < end;
         c = (const VERSION_NODE *)Align4(base, (const BYTE *)c + c->wLength)) {
        if (c->wLength < 6 || (const BYTE *)c + c->wLength > end)
            return NULL;                                    /* a damaged block */
        SIZE_T klen = KeyLength(c);
        if (klen == len && CompareStringOrdinal(c->szKey, (int)klen, name, (int)len, TRUE) == CSTR_EQUAL)
            return c;
    }
    return NULL;
}

const VERSION_NODE *VerpFindNode(const VERSION_NODE *root, LPCWSTR path)
{
    const VERSION_NODE *node = root;
    while (path && *path) {
        while (*path == L'\\')
            path++;
        SIZE_T len = 0;
        while (path[len] && path[len] != L'\\')
            len++;
        if (len == 0)
            break;
        node = FindChild((const BYTE *)root, node, path, len);
        if (node == NULL)
            return NULL;
        path += len;
    }
    return node;
}
