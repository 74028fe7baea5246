/* The environment block (ProcessParameters->Environment: NAME=VALUE\0 ... \0\0, UTF-16):
 * RtlQueryEnvironmentVariable_U and RtlSetEnvironmentVariable (case-insensitive names, a new
 * block from the process heap on every change, under the PEB lock). */
#include "rtl.h"

#define PARAMS() ((UCHAR *)NtCurrentTeb()->ProcessEnvironmentBlock->ProcessParameters)
#define ENVIRONMENT_FIELD (*(PWSTR *)(PARAMS() + 0x80))       /* RTL_USER_PROCESS_PARAMETERS.Environment */
#define ENVIRONMENT_SIZE (*(SIZE_T *)(PARAMS() + 0x3F0))      /* .EnvironmentSize */

static BOOLEAN RtlpEnvironmentFromHeap;  /* the process's block is no longer the one it started with */

static SIZE_T BlockChars(PCWSTR env)
{
    PCWSTR p = env;
    while (*p) { while (*p) p++; p++; }
    return (SIZE_T)(p - env) + 1;
}

/* The entry NAME=... for Name (a leading '=' belongs to the name, as in "=C:"), or NULL. */
static PWSTR FindEntry(PWSTR env, const UNICODE_STRING *Name)
{
    SIZE_T n = Name->Length / 2;
    for (PWSTR p = env; *p; ) {
        PWSTR eq = p + (*p == '=' ? 1 : 0);
        while (*eq && *eq != '=') eq++;
        UNICODE_STRING key = {(USHORT)((eq - p) * 2), (USHORT)((eq - p) * 2), p};
        if ((SIZE_T)(eq - p) == n && RtlEqualUnicodeString(&key, Name, 1) && *eq == '=')
            return p;
        while (*p) p++;
        p++;
    }
    return NULL;
}

NTSYSAPI NTSTATUS NTAPI RtlQueryEnvironmentVariable_U(PWSTR Environment, const UNICODE_STRING *Name, UNICODE_STRING *Value)
{
    int own = Environment == NULL;
    if (own) {
        RtlAcquirePebLock();
        Environment = ENVIRONMENT_FIELD;
    }
    NTSTATUS status = STATUS_VARIABLE_NOT_FOUND;
    PWSTR entry = Environment ? FindEntry(Environment, Name) : NULL;
    if (entry) {
        PWSTR v = entry + Name->Length / 2 + 1, e = v;
        while (*e) e++;
        SIZE_T bytes = (SIZE_T)(e - v) * 2;
        Value->Length = (USHORT)bytes;
        if (bytes + 2 <= Value->MaximumLength) {
            memcpy(Value->Buffer, v, bytes);
            Value->Buffer[bytes / 2] = 0;
            status = STATUS_SUCCESS;
        } else {
            status = STATUS_BUFFER_TOO_SMALL;
        }
    }
    if (own)
        RtlReleasePebLock();
    return status;
}

/* Value NULL deletes the variable. The process's own block is replaced, never edited in place. */
NTSYSAPI NTSTATUS NTAPI RtlSetEnvironmentVariable(PWSTR *Environment, const UNICODE_STRING *Name, const UNICODE_STRING *Value)
{
    SIZE_T n = Name->Length / 2;
    if (n == 0)
        return STATUS_INVALID_PARAMETER;
    for (SIZE_T i = 1; i < n; i++)
        if (Name->Buffer[i] == '=')
            return STATUS_INVALID_PARAMETER;
    int own = Environment == NULL;
    if (own)
        RtlAcquirePebLock();
    PWSTR env = own ? ENVIRONMENT_FIELD : *Environment;
    SIZE_T old_chars = env ? BlockChars(env) : 1;
    PWSTR entry = env ? FindEntry(env, Name) : NULL;
    SIZE_T entry_chars = 0;
    if (entry) { PWSTR e = entry; while (*e) e++; entry_chars = (SIZE_T)(e - entry) + 1; }
    SIZE_T add = Value ? n + 1 + Value->Length / 2 + 1 : 0;
    NTSTATUS status = STATUS_SUCCESS;
    if (entry == NULL && Value == NULL)
        goto done;                                          /* deleting what is not there */
    SIZE_T chars = old_chars - entry_chars + add;
    PWSTR fresh = RtlAllocateHeap(RtlpProcessHeap(), 0, chars * 2);
    if (fresh == NULL) { status = STATUS_NO_MEMORY; goto done; }
    /* Copy the entries in order, the new one where it sorts (case-insensitively), as Windows keeps it. */
    PWSTR out = fresh;
    int placed = Value == NULL;
    for (PWSTR p = env; p && *p; ) {
        PWSTR e = p;
        while (*e) e++;
        if (p != entry) {
            if (!placed && *p != '=') {
                PWSTR eq = p + 1;
                while (*eq && *eq != '=') eq++;
                UNICODE_STRING key = {(USHORT)((eq - p) * 2), (USHORT)((eq - p) * 2), p};
                if (RtlCompareUnicodeString(Name, &key, 1) < 0) {
                    memcpy(out, Name->Buffer, n * 2); out += n; *out++ = '=';
                    memcpy(out, Value->Buffer, Value->Length); out += Value->Length / 2; *out++ = 0;
                    placed = 1;
                }
            }
            memcpy(out, p, (SIZE_T)(e - p + 1) * 2);
            out += e - p + 1;
        }
        p = e + 1;
    }
    if (!placed) {
        memcpy(out, Name->Buffer, n * 2); out += n; *out++ = '=';
        memcpy(out, Value->Buffer, Value->Length); out += Value->Length / 2; *out++ = 0;
    }
    *out++ = 0;
    if (own) {
        /* The first block lies in the process parameters: only later blocks are the heap's. */
        PWSTR previous = ENVIRONMENT_FIELD;
        ENVIRONMENT_FIELD = fresh;
        ENVIRONMENT_SIZE = (SIZE_T)(out - fresh) * 2;
        if (RtlpEnvironmentFromHeap)
            RtlFreeHeap(RtlpProcessHeap(), 0, previous);
        RtlpEnvironmentFromHeap = 1;
    } else {
        *Environment = fresh;
    }
done:
    if (own)
        RtlReleasePebLock();
    return status;
}
