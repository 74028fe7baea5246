/* RTL_USER_PROCESS_PARAMETERS for a process to be created: RtlCreateProcessParametersEx (one
 * allocation holding the structure and every string, normalised when asked), its older form
 * RtlCreateProcessParameters, RtlDestroyProcessParameters, and RtlNormalizeProcessParams /
 * RtlDeNormalizeProcessParams (string pointers absolute, or offsets from the block). */
#include "rtl.h"

#define PP_SIZE 0x440
#define PP_FLAGS 0x08
#define PP_CONSOLE_HANDLE 0x10
#define PP_CONSOLE_FLAGS 0x18
#define PP_STDIN 0x20
#define PP_CURDIR 0x38
#define PP_DLL_PATH 0x50
#define PP_IMAGE 0x60
#define PP_COMMAND_LINE 0x70
#define PP_ENVIRONMENT 0x80
#define PP_WINDOW_TITLE 0xB0
#define PP_DESKTOP 0xC0
#define PP_SHELL 0xD0
#define PP_RUNTIME 0xE0
#define PP_ENVIRONMENT_SIZE 0x3F0
#define RTL_USER_PROC_PARAMS_NORMALIZED 0x1
#define MEM_COMMIT 0x1000
#define MEM_RESERVE 0x2000
#define MEM_RELEASE 0x8000
#define PAGE_READWRITE 0x04

/* The string fields, in the order the block holds them. */
static const ULONG StringFields[] = {PP_CURDIR, PP_DLL_PATH, PP_IMAGE, PP_COMMAND_LINE, PP_WINDOW_TITLE,
                                     PP_DESKTOP, PP_SHELL, PP_RUNTIME};

static inline UNICODE_STRING *Field(UCHAR *pp, ULONG offset) { return (UNICODE_STRING *)(pp + offset); }

static SIZE_T Aligned(SIZE_T n) { return (n + 7) & ~(SIZE_T)7; }

static SIZE_T EnvironmentBytes(const WCHAR *env)
{
    const WCHAR *p = env;
    while (*p) { while (*p) p++; p++; }
    return (SIZE_T)(p - env + 1) * 2;
}

NTSYSAPI NTSTATUS NTAPI RtlCreateProcessParametersEx(RTL_USER_PROCESS_PARAMETERS **Result, const UNICODE_STRING *ImagePathName,
    const UNICODE_STRING *DllPath, const UNICODE_STRING *CurrentDirectory, const UNICODE_STRING *CommandLine,
    PVOID Environment, const UNICODE_STRING *WindowTitle, const UNICODE_STRING *DesktopInfo,
    const UNICODE_STRING *ShellInfo, const UNICODE_STRING *RuntimeData, ULONG Flags)
{
    static const UNICODE_STRING empty = {0, 0, NULL};
    UCHAR *current = (UCHAR *)NtCurrentTeb()->ProcessEnvironmentBlock->ProcessParameters;
    WCHAR curdir[262];
    UNICODE_STRING curdir_s;
    if (ImagePathName == NULL || Result == NULL)
        return STATUS_INVALID_PARAMETER;
    *Result = NULL;
    /* What is not given comes from the creator: its current directory and, when Environment is
     * NULL, its environment block (the pointer itself: the kernel copies the block). */
    if (CurrentDirectory == NULL) {
        ULONG n = RtlGetCurrentDirectory_U(sizeof(curdir), curdir);
        curdir_s.Buffer = curdir;
        curdir_s.Length = (USHORT)(n < sizeof(curdir) ? n : 0);
        curdir_s.MaximumLength = sizeof(curdir);
        CurrentDirectory = &curdir_s;
    }
    if (DllPath == NULL) DllPath = current ? Field(current, PP_DLL_PATH) : &empty;
    if (CommandLine == NULL) CommandLine = ImagePathName;
    if (WindowTitle == NULL) WindowTitle = &empty;
    if (DesktopInfo == NULL) DesktopInfo = &empty;
    if (ShellInfo == NULL) ShellInfo = &empty;
    if (RuntimeData == NULL) RuntimeData = &empty;
    if (Environment == NULL && current)
        Environment = *(PVOID *)(current + PP_ENVIRONMENT);
    const UNICODE_STRING *strings[8] = {CurrentDirectory, DllPath, ImagePathName, CommandLine, WindowTitle,
                                        DesktopInfo, ShellInfo, RuntimeData};
    SIZE_T env_bytes = Environment ? EnvironmentBytes(Environment) : 0;
    SIZE_T size = PP_SIZE;
    for (int i = 0; i < 8; i++) {
        SIZE_T room = strings[i]->Length + 2;
        if (i == 0 && room < 522) room = 522;           /* the current directory: MAX_PATH + 1 characters */
        size += Aligned(room);
    }
    SIZE_T region = size + env_bytes;
    PVOID base = NULL;
    NTSTATUS status = NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &region, MEM_RESERVE | MEM_COMMIT,
                                              PAGE_READWRITE);
    if (status < 0)
        return status;
    UCHAR *pp = base;
    *(ULONG *)(pp + 0) = (ULONG)size;                   /* MaximumLength */
    *(ULONG *)(pp + 4) = (ULONG)size;                   /* Length */
    *(ULONG *)(pp + PP_FLAGS) = RTL_USER_PROC_PARAMS_NORMALIZED;
    if (current) {                                      /* the console and standard handles, as the creator's */
        *(HANDLE *)(pp + PP_CONSOLE_HANDLE) = *(HANDLE *)(current + PP_CONSOLE_HANDLE);
        *(ULONG *)(pp + PP_CONSOLE_FLAGS) = *(ULONG *)(current + PP_CONSOLE_FLAGS);
        memcpy(pp + PP_STDIN, current + PP_STDIN, 3 * sizeof(HANDLE));
    }
    UCHAR *cursor = pp + PP_SIZE;
    for (int i = 0; i < 8; i++) {
        UNICODE_STRING *dst = Field(pp, StringFields[i]);
        SIZE_T room = strings[i]->Length + 2;
        if (i == 0 && room < 522) room = 522;
        dst->Buffer = (WCHAR *)cursor;
        dst->Length = strings[i]->Length;
        dst->MaximumLength = (USHORT)room;
        if (strings[i]->Length)
            memcpy(cursor, strings[i]->Buffer, strings[i]->Length);
        ((UCHAR *)cursor)[strings[i]->Length] = 0;
        ((UCHAR *)cursor)[strings[i]->Length + 1] = 0;
        cursor += Aligned(room);
    }
    if (Environment) {
        memcpy(cursor, Environment, env_bytes);
        *(PVOID *)(pp + PP_ENVIRONMENT) = cursor;
        *(SIZE_T *)(pp + PP_ENVIRONMENT_SIZE) = env_bytes;
    }
    if (!(Flags & RTL_USER_PROC_PARAMS_NORMALIZED))
        RtlDeNormalizeProcessParams((RTL_USER_PROCESS_PARAMETERS *)pp);
    *Result = (RTL_USER_PROCESS_PARAMETERS *)pp;
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlCreateProcessParameters(RTL_USER_PROCESS_PARAMETERS **Result, const UNICODE_STRING *ImagePathName,
    const UNICODE_STRING *DllPath, const UNICODE_STRING *CurrentDirectory, const UNICODE_STRING *CommandLine,
    PVOID Environment, const UNICODE_STRING *WindowTitle, const UNICODE_STRING *DesktopInfo,
    const UNICODE_STRING *ShellInfo, const UNICODE_STRING *RuntimeData)
{
    return RtlCreateProcessParametersEx(Result, ImagePathName, DllPath, CurrentDirectory, CommandLine, Environment,
                                        WindowTitle, DesktopInfo, ShellInfo, RuntimeData, 0);
}

NTSYSAPI NTSTATUS NTAPI RtlDestroyProcessParameters(RTL_USER_PROCESS_PARAMETERS *Parameters)
{
    PVOID base = Parameters;
    SIZE_T size = 0;
    return NtFreeVirtualMemory(NtCurrentProcess(), &base, &size, MEM_RELEASE);
}

NTSYSAPI RTL_USER_PROCESS_PARAMETERS *NTAPI RtlNormalizeProcessParams(RTL_USER_PROCESS_PARAMETERS *Parameters)
{
    UCHAR *pp = (UCHAR *)Parameters;
    if (pp && !(*(ULONG *)(pp + PP_FLAGS) & RTL_USER_PROC_PARAMS_NORMALIZED)) {
        for (int i = 0; i < 8; i++) {
            UNICODE_STRING *s = Field(pp, StringFields[i]);
            if (s->Buffer) s->Buffer = (WCHAR *)(pp + (ULONG_PTR)s->Buffer);
        }
        *(ULONG *)(pp + PP_FLAGS) |= RTL_USER_PROC_PARAMS_NORMALIZED;
    }
    return Parameters;
}

NTSYSAPI RTL_USER_PROCESS_PARAMETERS *NTAPI RtlDeNormalizeProcessParams(RTL_USER_PROCESS_PARAMETERS *Parameters)
{
    UCHAR *pp = (UCHAR *)Parameters;
    if (pp && *(ULONG *)(pp + PP_FLAGS) & RTL_USER_PROC_PARAMS_NORMALIZED) {
        for (int i = 0; i < 8; i++) {
            UNICODE_STRING *s = Field(pp, StringFields[i]);
            if (s->Buffer) s->Buffer = (WCHAR *)((UCHAR *)s->Buffer - pp);
        }
        *(ULONG *)(pp + PP_FLAGS) &= ~RTL_USER_PROC_PARAMS_NORMALIZED;
    }
    return Parameters;
}
