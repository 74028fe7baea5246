/* Windows Error Reporting's per-process registrations (api-ms-win-core-windowserrorreporting):
 * the files (WerRegisterFile) and memory blocks (WerRegisterMemoryBlock) a report of this
 * process would carry, and the runtime exception modules (WerRegisterRuntimeExceptionModule)
 * WER would ask about a crash. Nothing here writes a report; the lists keep the documented
 * contract: E_INVALIDARG for a bad argument, WER_E_LENGTH_EXCEEDED past WER_MAX_REGISTERED_ENTRIES
 * files and blocks together (or WER_MAX_REGISTERED_RUNTIME_EXCEPTION_MODULES modules),
 * HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS) for a second registration of the same entry and
 * WER_E_NOT_FOUND for unregistering what is not there. */
#include "kernelbase.h"

NTDLL void NTAPI RtlAcquireSRWLockExclusive(SRWLOCK *);
NTDLL void NTAPI RtlReleaseSRWLockExclusive(SRWLOCK *);

#define E_INVALIDARG_ ((HRESULT)0x80070057)
#define WER_E_NOT_FOUND_ HRESULT_FROM_WIN32(ERROR_NOT_FOUND)
#define WER_E_LENGTH_EXCEEDED_ HRESULT_FROM_WIN32(ERROR_PARAMETER_QUOTA_EXCEEDED)
#define WER_MAX_REGISTERED_ENTRIES_ 512
#define WER_MAX_REGISTERED_RUNTIME_EXCEPTION_MODULES_ 16
#define WER_MAX_MEM_BLOCK_SIZE_ (64 * 1024)
#define WerRegFileTypeUserDocument_ 1      /* WER_REGISTER_FILE_TYPE */
#define WerRegFileTypeOther_ 2
#define WER_FILE_VALID_FLAGS 0x3            /* WER_FILE_DELETE_WHEN_DONE | WER_FILE_ANONYMOUS_DATA */

typedef struct { WCHAR *path; DWORD type, flags; } WER_FILE_ENTRY;
typedef struct { PVOID address; DWORD size; } WER_BLOCK_ENTRY;
typedef struct { WCHAR *dll; PVOID context; } WER_MODULE_ENTRY;

static WER_FILE_ENTRY files[WER_MAX_REGISTERED_ENTRIES_];
static WER_BLOCK_ENTRY blocks[WER_MAX_REGISTERED_ENTRIES_];
static WER_MODULE_ENTRY modules[WER_MAX_REGISTERED_RUNTIME_EXCEPTION_MODULES_];
static DWORD file_count, block_count, module_count;
static SRWLOCK lock = SRWLOCK_INIT;

static WCHAR *Copy(PCWSTR text)
{
    SIZE_T bytes = (wcslen(text) + 1) * sizeof(WCHAR);
    WCHAR *copy = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, bytes);
    if (copy)
        memcpy(copy, text, bytes);
    return copy;
}

static HRESULT Locked(HRESULT result)
{
    RtlReleaseSRWLockExclusive(&lock);
    return result;
}

KBAPI HRESULT WINAPI WerRegisterFile(PCWSTR path, DWORD type, DWORD flags)
{
    if (!path || !*path || wcslen(path) >= MAX_PATH || (type != WerRegFileTypeUserDocument_ && type != WerRegFileTypeOther_)
        || (flags & ~(DWORD)WER_FILE_VALID_FLAGS))
        return E_INVALIDARG_;
    RtlAcquireSRWLockExclusive(&lock);
    for (DWORD i = 0; i < file_count; i++)
        if (!lstrcmpiW(files[i].path, path))
            return Locked(HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS));
    if (file_count + block_count >= WER_MAX_REGISTERED_ENTRIES_)
        return Locked(WER_E_LENGTH_EXCEEDED_);
    WCHAR *copy = Copy(path);
    if (!copy)
        return Locked(E_OUTOFMEMORY);
    files[file_count++] = (WER_FILE_ENTRY){copy, type, flags};
    return Locked(S_OK);
}

KBAPI HRESULT WINAPI WerUnregisterFile(PCWSTR path)
{
    if (!path)
        return E_INVALIDARG_;
    RtlAcquireSRWLockExclusive(&lock);
    for (DWORD i = 0; i < file_count; i++)
        if (!lstrcmpiW(files[i].path, path)) {
            RtlFreeHeap(PEB_PROCESS_HEAP(), 0, files[i].path);
            files[i] = files[--file_count];
            return Locked(S_OK);
        }
    return Locked(WER_E_NOT_FOUND_);
}

KBAPI HRESULT WINAPI WerRegisterMemoryBlock(PVOID address, DWORD size)
{
    if (!address || !size || size > WER_MAX_MEM_BLOCK_SIZE_)
        return E_INVALIDARG_;
    RtlAcquireSRWLockExclusive(&lock);
    for (DWORD i = 0; i < block_count; i++)
        if (blocks[i].address == address)
            return Locked(HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS));
    if (file_count + block_count >= WER_MAX_REGISTERED_ENTRIES_)
        return Locked(WER_E_LENGTH_EXCEEDED_);
    blocks[block_count++] = (WER_BLOCK_ENTRY){address, size};
    return Locked(S_OK);
}

KBAPI HRESULT WINAPI WerUnregisterMemoryBlock(PVOID address)
{
    RtlAcquireSRWLockExclusive(&lock);
    for (DWORD i = 0; i < block_count; i++)
        if (blocks[i].address == address) {
            blocks[i] = blocks[--block_count];
            return Locked(S_OK);
        }
    return Locked(WER_E_NOT_FOUND_);
}

KBAPI HRESULT WINAPI WerRegisterRuntimeExceptionModule(PCWSTR dll, PVOID context)
{
    if (!dll || !*dll || wcslen(dll) >= MAX_PATH)
        return E_INVALIDARG_;
    RtlAcquireSRWLockExclusive(&lock);
    for (DWORD i = 0; i < module_count; i++)
        if (!lstrcmpiW(modules[i].dll, dll) && modules[i].context == context)
            return Locked(HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS));
    if (module_count >= WER_MAX_REGISTERED_RUNTIME_EXCEPTION_MODULES_)
        return Locked(WER_E_LENGTH_EXCEEDED_);
    WCHAR *copy = Copy(dll);
    if (!copy)
        return Locked(E_OUTOFMEMORY);
    modules[module_count++] = (WER_MODULE_ENTRY){copy, context};
    return Locked(S_OK);
}

KBAPI HRESULT WINAPI WerUnregisterRuntimeExceptionModule(PCWSTR dll, PVOID context)
{
    if (!dll)
        return E_INVALIDARG_;
    RtlAcquireSRWLockExclusive(&lock);
    for (DWORD i = 0; i < module_count; i++)
        if (!lstrcmpiW(modules[i].dll, dll) && modules[i].context == context) {
            RtlFreeHeap(PEB_PROCESS_HEAP(), 0, modules[i].dll);
            modules[i] = modules[--module_count];
            return Locked(S_OK);
        }
    return Locked(WER_E_NOT_FOUND_);
}
