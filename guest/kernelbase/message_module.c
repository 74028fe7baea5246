/* FormatMessage's FROM_HMODULE source: a module's message table, the RT_MESSAGETABLE (11)
 * resource named 1: MESSAGE_RESOURCE_DATA (NumberOfBlocks, then MESSAGE_RESOURCE_BLOCKs of
 * LowId..HighId and the offset of their entries), each MESSAGE_RESOURCE_ENTRY being Length
 * (the whole entry), Flags (0 ANSI in the ACP, 1 UTF-16, 2 UTF-8) and the NUL-padded text.
 * Language and missing table follow FindResourceExW; an id no block holds -> ERROR_MR_MID_NOT_FOUND. */
#include "message.h"

#ifndef MESSAGE_RESOURCE_UTF8
#define MESSAGE_RESOURCE_UTF8 2                 /* Windows 10's UTF-8 entries */
#endif

/* The entry for `id`, checked against the resource's bounds; NULL when there is none. */
static const MESSAGE_RESOURCE_ENTRY *FindEntry(const BYTE *data, DWORD size, DWORD id)
{
    if (size < 4)
        return NULL;
    ULONG blocks = *(const ULONG *)data;
    if (blocks > (size - 4) / sizeof(MESSAGE_RESOURCE_BLOCK))
        return NULL;
    const MESSAGE_RESOURCE_BLOCK *b = (const MESSAGE_RESOURCE_BLOCK *)(data + 4);
    for (ULONG i = 0; i < blocks; i++) {
        if (id < b[i].LowId || id > b[i].HighId)
            continue;
        DWORD at = b[i].OffsetToEntries;
        for (ULONG n = b[i].LowId; at + 4 <= size; n++) {  /* the entries follow one another */
            const MESSAGE_RESOURCE_ENTRY *e = (const MESSAGE_RESOURCE_ENTRY *)(data + at);
            if (e->Length < 4 || e->Length > size - at)
                return NULL;
            if (n == id)
                return e;
            at += e->Length;
        }
        return NULL;
    }
    return NULL;
}

WCHAR *BaseModuleMessage(HMODULE module, DWORD id, DWORD lang)
{
    HRSRC found = FindResourceExW(module, MAKEINTRESOURCEW(11), MAKEINTRESOURCEW(1), (WORD)lang);
    if (found == NULL)
        return NULL;                                    /* ERROR_RESOURCE_*_NOT_FOUND */
    const BYTE *data = LoadResource(module, found);
    DWORD size = SizeofResource(module, found);
    const MESSAGE_RESOURCE_ENTRY *e = data ? FindEntry(data, size, id) : NULL;
    if (e == NULL) {
        SetLastError(ERROR_MR_MID_NOT_FOUND);
        return NULL;
    }
    /* The text up to its NUL (or the entry's end), as UTF-16. */
    DWORD bytes = e->Length - 4;
    WCHAR *text;
    if (e->Flags & MESSAGE_RESOURCE_UNICODE) {
        const WCHAR *w = (const WCHAR *)e->Text;
        DWORD n = 0;
        while (n < bytes / 2 && w[n])
            n++;
        if ((text = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (n + 1) * 2)) == NULL)
            goto nomem;
        memcpy(text, w, n * 2);
        text[n] = 0;
        return text;
    }
    DWORD n = 0;
    while (n < bytes && e->Text[n])
        n++;
    UINT cp = e->Flags & MESSAGE_RESOURCE_UTF8 ? CP_UTF8 : CP_ACP;
    int wide = n ? MultiByteToWideChar(cp, 0, (const char *)e->Text, (int)n, NULL, 0) : 0;
    if ((text = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, ((SIZE_T)wide + 1) * 2)) == NULL)
        goto nomem;
    if (wide)
        MultiByteToWideChar(cp, 0, (const char *)e->Text, (int)n, text, wide);
    text[wide] = 0;
    return text;
nomem:
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return NULL;
}
