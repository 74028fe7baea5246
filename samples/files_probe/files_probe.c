/* Runs file operations named on its command line, one per argument, and prints each one's
 * NTSTATUS: `verb:NT-path`, with verbs open, read (prints the bytes), write (FILE_OVERWRITE_IF,
 * writes "probe\n"; read shows line ends as '|'), append, create, mkdir, del (NtDeleteFile), attr (NtQueryFullAttributesFile:
 * attributes and size), list (the folder's names), rename (`rename:PATH=NEWPATH`).
 * tests/test_files.py drives it against mounts and host files around them. */
#include "../nt.h"

static char out[4096];
static int used;

static void Put(const char *s) { while (*s && used < (int)sizeof(out) - 1) out[used++] = *s++; }
static void PutW(const unsigned short *w, ULONG chars) {
    for (ULONG i = 0; i < chars && used < (int)sizeof(out) - 1; i++) out[used++] = w[i] < 128 ? (char)w[i] : '?';
}
static void PutHex(unsigned long long v) {
    char b[20]; int n = 0;
    Put("0x");
    do { b[n++] = "0123456789ABCDEF"[v & 15]; v >>= 4; } while (v);
    while (n < 8) b[n++] = '0';
    while (n) { char c[2] = {b[--n], 0}; Put(c); }
}
static void Flush(void) { out[used++] = '\n'; out[used] = 0; Print(out); used = 0; }

static ULONG Sync = FILE_SYNCHRONOUS_IO_NONALERT;

static NTSTATUS Open(HANDLE *h, const unsigned short *path, ULONG chars, ULONG access, ULONG disposition,
                     ULONG options) {
    NtString us = {(USHORT)(chars * 2), (USHORT)(chars * 2), (unsigned short *)path};
    OBJECT_ATTRIBUTES oa; IO_STATUS_BLOCK iosb;
    *h = 0;
    return NtCreateFile(h, access | SYNCHRONIZE, Attributes(&oa, 0, &us), &iosb, 0, FILE_ATTRIBUTE_NORMAL, 7,
                        disposition, options | Sync, 0, 0);
}

static int Is(const unsigned short *w, ULONG n, const char *s) {
    ULONG i = 0;
    for (; i < n; i++) if (!s[i] || w[i] != (unsigned char)s[i]) return 0;
    return s[i] == 0;
}

static void Run(const unsigned short *arg, ULONG n) {
    ULONG colon = 0;
    while (colon < n && arg[colon] != ':') colon++;
    const unsigned short *path = arg + colon + 1;
    ULONG chars = colon < n ? n - colon - 1 : 0;
    HANDLE h; IO_STATUS_BLOCK iosb; NTSTATUS s;
    PutW(arg, colon); Put(" ");
    if (Is(arg, colon, "open")) {
        s = Open(&h, path, chars, GENERIC_READ, FILE_OPEN, 0);
        PutHex((ULONG)s);
    } else if (Is(arg, colon, "read")) {
        char data[256];
        s = Open(&h, path, chars, GENERIC_READ, FILE_OPEN, FILE_NON_DIRECTORY_FILE);
        if (s == 0) s = NtReadFile(h, 0, 0, 0, &iosb, data, sizeof(data) - 1, 0, 0);
        PutHex((ULONG)s);
        if (s == 0) {               /* the bytes, line ends shown as '|' */
            for (ULONG i = 0; i < iosb.Information; i++) if (data[i] == '\n') data[i] = '|';
            data[iosb.Information] = 0; Put(" "); Put(data);
        }
    } else if (Is(arg, colon, "write") || Is(arg, colon, "append")) {
        int append = arg[0] == 'a';
        s = Open(&h, path, chars, append ? FILE_APPEND_DATA : GENERIC_WRITE, append ? FILE_OPEN_IF : FILE_OVERWRITE_IF,
                 FILE_NON_DIRECTORY_FILE);
        if (s == 0) s = NtWriteFile(h, 0, 0, 0, &iosb, "probe\n", 6, 0, 0);
        PutHex((ULONG)s);
    } else if (Is(arg, colon, "create") || Is(arg, colon, "mkdir")) {
        s = Open(&h, path, chars, GENERIC_READ | GENERIC_WRITE, FILE_CREATE, arg[0] == 'm' ? FILE_DIRECTORY_FILE : 0);
        PutHex((ULONG)s);
    } else if (Is(arg, colon, "del")) {
        NtString us = {(USHORT)(chars * 2), (USHORT)(chars * 2), (unsigned short *)path};
        OBJECT_ATTRIBUTES oa;
        PutHex((ULONG)NtDeleteFile(Attributes(&oa, 0, &us)));
        h = 0;
    } else if (Is(arg, colon, "attr")) {
        NtString us = {(USHORT)(chars * 2), (USHORT)(chars * 2), (unsigned short *)path};
        OBJECT_ATTRIBUTES oa; FILE_NETWORK_OPEN_INFORMATION info;
        s = NtQueryFullAttributesFile(Attributes(&oa, 0, &us), &info);
        PutHex((ULONG)s);
        if (s == 0) { Put(" "); PutHex(info.FileAttributes); Put(" "); PutHex((unsigned long long)info.EndOfFile.QuadPart); }
        h = 0;
    } else if (Is(arg, colon, "list")) {
        UCHAR buffer[2048];
        s = Open(&h, path, chars, FILE_LIST_DIRECTORY, FILE_OPEN, FILE_DIRECTORY_FILE);
        if (s == 0) {
            while ((s = NtQueryDirectoryFile(h, 0, 0, 0, &iosb, buffer, sizeof(buffer), FileNamesInformation, 0, 0, 0))
                   == 0) {
                for (ULONG off = 0;;) {
                    FILE_NAMES_INFORMATION *e = (FILE_NAMES_INFORMATION *)(buffer + off);
                    Put(" "); PutW(e->FileName, e->FileNameLength / 2);
                    if (!e->NextEntryOffset) break;
                    off += e->NextEntryOffset;
                }
            }
        }
        Put(" "); PutHex((ULONG)s);
    } else if (Is(arg, colon, "rename")) {
        ULONG eq = 0;
        while (eq < chars && path[eq] != '=') eq++;
        struct { UCHAR Replace; HANDLE Root; ULONG Length; unsigned short Name[260]; } ren;
        s = Open(&h, path, eq, DELETE, FILE_OPEN, 0);
        if (s == 0) {
            ren.Replace = 0; ren.Root = 0; ren.Length = (chars - eq - 1) * 2;
            for (ULONG i = 0; i < chars - eq - 1 && i < 260; i++) ren.Name[i] = path[eq + 1 + i];
            s = NtSetInformationFile(h, &iosb, &ren, sizeof(ren), FileRenameInformation);
        }
        PutHex((ULONG)s);
    } else {
        Put("unknown verb");
        h = 0;
    }
    if (h) NtClose(h);
    Flush();
}

void Entry(void) {
    UCHAR *peb, *params;
    __asm__ volatile ("mov %%gs:0x60, %0" : "=r"(peb));
    params = *(UCHAR **)(peb + 0x20);
    ULONG length = *(USHORT *)(params + 0x70) / 2;
    unsigned short *text = *(unsigned short **)(params + 0x78);
    ULONG i = 0;
    while (i < length && text[i] != ' ') i++;          /* the image path (no spaces) */
    while (i < length) {
        while (i < length && text[i] == ' ') i++;
        ULONG start = i;
        while (i < length && text[i] != ' ') i++;
        if (i > start) Run(text + start, i - start);
    }
    NtTerminateProcess(NtCurrentProcess(), 0);
}
