/* FormatMessage's output buffer (a growing heap string) and its line width: with a
 * FORMAT_MESSAGE_MAX_WIDTH_MASK n, a line that reaches n characters is broken, at its last space
 * or, without one, after its n-th character; %n and %r start a new line. */
#include "message.h"

void BaseMsgPutRaw(MSGBUF *o, WCHAR c)
{
    if (o->Length + 1 >= o->Capacity) {
        DWORD capacity = o->Capacity ? o->Capacity * 2 : 256;
        WCHAR *b = o->Buffer ? RtlReAllocateHeap(PEB_PROCESS_HEAP(), 0, o->Buffer, capacity * 2)
                             : RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, capacity * 2);
        if (b == NULL) { o->Failed = TRUE; return; }
        o->Buffer = b;
        o->Capacity = capacity;
    }
    o->Buffer[o->Length++] = c;
}

/* A hard line break (%n, or %r's carriage return): the next line starts after it. */
void BaseMsgLineBreak(MSGBUF *o, BOOL cr_only)
{
    BaseMsgPutRaw(o, '\r');
    if (!cr_only) BaseMsgPutRaw(o, '\n');
    o->LineStart = o->Length;
}

/* One output character; a line that reaches the width is broken at its last space (the run of
 * spaces there is dropped, what follows it moves to the next line) or, without a space, right
 * after its last character. */
void BaseMsgPut(MSGBUF *o, WCHAR c)
{
    BaseMsgPutRaw(o, c);
    if (o->Width == 0 || o->Failed || o->Length - o->LineStart < o->Width)
        return;
    DWORD space = o->Length;
    while (space > o->LineStart && o->Buffer[space - 1] != ' ') space--;
    if (space == o->LineStart) { BaseMsgLineBreak(o, FALSE); return; }
    WCHAR carry[256];
    DWORD carried = o->Length - space, keep = space - 1;
    memcpy(carry, o->Buffer + space, carried * 2);
    while (keep > o->LineStart && o->Buffer[keep - 1] == ' ') keep--;
    o->Length = keep;
    BaseMsgLineBreak(o, FALSE);
    for (DWORD i = 0; i < carried; i++) BaseMsgPutRaw(o, carry[i]);
}
