/* x64 exception structures with Windows' layouts: CONTEXT (0x4D0 bytes, 16-aligned),
 * EXCEPTION_RECORD, RUNTIME_FUNCTION, UNWIND_INFO, DISPATCHER_CONTEXT, SCOPE_TABLE, and the
 * dispatch, unwind and function-table routines of ntdll. Self-contained, so the C runtimes'
 * copies of __C_specific_handler (guest/common/cspecific.c) can include it too. */
#pragma once
typedef unsigned char UCHAR, BOOLEAN;
typedef unsigned short USHORT, WCHAR;
typedef unsigned int ULONG;
typedef int LONG, NTSTATUS;
typedef unsigned long long ULONG64, SIZE_T, ULONG_PTR;
typedef long long LONG64;
typedef void *PVOID, *HANDLE;

typedef struct __attribute__((aligned(16))) _M128A { ULONG64 Low; LONG64 High; } M128A;

typedef struct _XMM_SAVE_AREA32 {
    USHORT ControlWord, StatusWord; UCHAR TagWord, Reserved1; USHORT ErrorOpcode;
    ULONG ErrorOffset; USHORT ErrorSelector, Reserved2; ULONG DataOffset; USHORT DataSelector, Reserved3;
    ULONG MxCsr, MxCsr_Mask;
    M128A FloatRegisters[8];
    M128A XmmRegisters[16];
    UCHAR Reserved4[96];
} XMM_SAVE_AREA32;

typedef struct __attribute__((aligned(16))) _CONTEXT {
    ULONG64 P1Home, P2Home, P3Home, P4Home, P5Home, P6Home;
    ULONG ContextFlags, MxCsr;
    USHORT SegCs, SegDs, SegEs, SegFs, SegGs, SegSs;
    ULONG EFlags;
    ULONG64 Dr0, Dr1, Dr2, Dr3, Dr6, Dr7;
    ULONG64 Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi;
    ULONG64 R8, R9, R10, R11, R12, R13, R14, R15;
    ULONG64 Rip;
    union {
        XMM_SAVE_AREA32 FltSave;
        struct {
            M128A Header[2], Legacy[8];
            M128A Xmm0, Xmm1, Xmm2, Xmm3, Xmm4, Xmm5, Xmm6, Xmm7;
            M128A Xmm8, Xmm9, Xmm10, Xmm11, Xmm12, Xmm13, Xmm14, Xmm15;
        };
    };
    M128A VectorRegister[26];
    ULONG64 VectorControl, DebugControl, LastBranchToRip, LastBranchFromRip;
    ULONG64 LastExceptionToRip, LastExceptionFromRip;
} CONTEXT, *PCONTEXT;
_Static_assert(sizeof(CONTEXT) == 0x4D0, "CONTEXT");
_Static_assert(__builtin_offsetof(CONTEXT, Rip) == 0xF8, "CONTEXT.Rip");
_Static_assert(__builtin_offsetof(CONTEXT, Xmm0) == 0x1A0, "CONTEXT.Xmm0");

#define CONTEXT_AMD64 0x00100000
#define CONTEXT_CONTROL (CONTEXT_AMD64 | 0x1)
#define CONTEXT_INTEGER (CONTEXT_AMD64 | 0x2)
#define CONTEXT_SEGMENTS (CONTEXT_AMD64 | 0x4)
#define CONTEXT_FLOATING_POINT (CONTEXT_AMD64 | 0x8)
#define CONTEXT_DEBUG_REGISTERS (CONTEXT_AMD64 | 0x10)
#define CONTEXT_FULL (CONTEXT_CONTROL | CONTEXT_INTEGER | CONTEXT_FLOATING_POINT)
#define CONTEXT_ALL (CONTEXT_FULL | CONTEXT_SEGMENTS | CONTEXT_DEBUG_REGISTERS)
#define CONTEXT_UNWOUND_TO_CALL 0x20000000

#define EXCEPTION_MAXIMUM_PARAMETERS 15
typedef struct _EXCEPTION_RECORD {
    NTSTATUS ExceptionCode;
    ULONG ExceptionFlags;
    struct _EXCEPTION_RECORD *ExceptionRecord;
    PVOID ExceptionAddress;
    ULONG NumberParameters;
    ULONG_PTR ExceptionInformation[EXCEPTION_MAXIMUM_PARAMETERS];
} EXCEPTION_RECORD, *PEXCEPTION_RECORD;
_Static_assert(sizeof(EXCEPTION_RECORD) == 0x98, "EXCEPTION_RECORD");

typedef struct _EXCEPTION_POINTERS { EXCEPTION_RECORD *ExceptionRecord; CONTEXT *ContextRecord; } EXCEPTION_POINTERS;

/* ExceptionFlags */
#define EXCEPTION_NONCONTINUABLE 0x01
#define EXCEPTION_UNWINDING 0x02
#define EXCEPTION_EXIT_UNWIND 0x04
#define EXCEPTION_STACK_INVALID 0x08
#define EXCEPTION_NESTED_CALL 0x10
#define EXCEPTION_TARGET_UNWIND 0x20
#define EXCEPTION_COLLIDED_UNWIND 0x40
#define EXCEPTION_UNWIND (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND | EXCEPTION_TARGET_UNWIND | \
                          EXCEPTION_COLLIDED_UNWIND)

/* What a filter returns, and what a language handler returns. */
#define EXCEPTION_EXECUTE_HANDLER 1
#define EXCEPTION_CONTINUE_SEARCH 0
#define EXCEPTION_CONTINUE_EXECUTION (-1)
typedef enum _EXCEPTION_DISPOSITION {
    ExceptionContinueExecution, ExceptionContinueSearch, ExceptionNestedException, ExceptionCollidedUnwind
} EXCEPTION_DISPOSITION;

#define STATUS_BREAKPOINT ((NTSTATUS)0x80000003)
#define STATUS_UNWIND ((NTSTATUS)0xC0000027)
#define STATUS_BAD_STACK ((NTSTATUS)0xC0000028)
#define STATUS_INVALID_UNWIND_TARGET ((NTSTATUS)0xC0000029)
#define STATUS_NONCONTINUABLE_EXCEPTION ((NTSTATUS)0xC0000025)
#define STATUS_INVALID_DISPOSITION ((NTSTATUS)0xC0000026)
#define STATUS_UNWIND_CONSOLIDATE ((NTSTATUS)0x80000029)
#define STATUS_LONGJUMP ((NTSTATUS)0x80000026)
#define STATUS_STACK_OVERFLOW ((NTSTATUS)0xC00000FD)

/* .pdata and .xdata */
typedef struct _RUNTIME_FUNCTION { ULONG BeginAddress, EndAddress, UnwindData; } RUNTIME_FUNCTION, *PRUNTIME_FUNCTION;

typedef struct _UNWIND_INFO {
    UCHAR VersionAndFlags;          /* Version:3, Flags:5 */
    UCHAR SizeOfProlog;
    UCHAR CountOfCodes;
    UCHAR FrameRegisterAndOffset;   /* FrameRegister:4, FrameOffset:4 */
    USHORT UnwindCode[];            /* CodeOffset:8, UnwindOp:4, OpInfo:4; then the handler or chain */
} UNWIND_INFO;

#define UNW_FLAG_NHANDLER 0x0
#define UNW_FLAG_EHANDLER 0x1
#define UNW_FLAG_UHANDLER 0x2
#define UNW_FLAG_CHAININFO 0x4

enum {
    UWOP_PUSH_NONVOL, UWOP_ALLOC_LARGE, UWOP_ALLOC_SMALL, UWOP_SET_FPREG, UWOP_SAVE_NONVOL,
    UWOP_SAVE_NONVOL_FAR, UWOP_EPILOG, UWOP_SPARE_CODE, UWOP_SAVE_XMM128, UWOP_SAVE_XMM128_FAR,
    UWOP_PUSH_MACHFRAME
};

#define UNWIND_HISTORY_TABLE_SIZE 12
typedef struct _UNWIND_HISTORY_TABLE_ENTRY { ULONG64 ImageBase; RUNTIME_FUNCTION *FunctionEntry; } UNWIND_HISTORY_TABLE_ENTRY;
typedef struct _UNWIND_HISTORY_TABLE {
    ULONG Count; UCHAR LocalHint, GlobalHint, Search, Once;
    ULONG64 LowAddress, HighAddress;
    UNWIND_HISTORY_TABLE_ENTRY Entry[UNWIND_HISTORY_TABLE_SIZE];
} UNWIND_HISTORY_TABLE;

/* Where RtlVirtualUnwind reports the addresses it restored registers from (may be NULL). */
typedef struct _KNONVOLATILE_CONTEXT_POINTERS {
    M128A *FloatingContext[16];
    ULONG64 *IntegerContext[16];
} KNONVOLATILE_CONTEXT_POINTERS;

struct _DISPATCHER_CONTEXT;
typedef EXCEPTION_DISPOSITION (*PEXCEPTION_ROUTINE)(EXCEPTION_RECORD *ExceptionRecord, PVOID EstablisherFrame,
                                                    CONTEXT *ContextRecord, struct _DISPATCHER_CONTEXT *Dispatcher);

typedef struct _DISPATCHER_CONTEXT {
    ULONG64 ControlPc, ImageBase;
    RUNTIME_FUNCTION *FunctionEntry;
    ULONG64 EstablisherFrame, TargetIp;
    CONTEXT *ContextRecord;
    PEXCEPTION_ROUTINE LanguageHandler;
    PVOID HandlerData;
    UNWIND_HISTORY_TABLE *HistoryTable;
    ULONG ScopeIndex, Fill0;
} DISPATCHER_CONTEXT;
_Static_assert(sizeof(DISPATCHER_CONTEXT) == 0x50, "DISPATCHER_CONTEXT");

/* __C_specific_handler's HandlerData: the __try scopes of one function, as RVAs. */
typedef struct _SCOPE_TABLE {
    ULONG Count;
    struct { ULONG BeginAddress, EndAddress, HandlerAddress, JumpTarget; } ScopeRecord[];
} SCOPE_TABLE;

typedef LONG (*PEXCEPTION_FILTER)(EXCEPTION_POINTERS *ExceptionPointers, PVOID EstablisherFrame);
typedef void (*PTERMINATION_HANDLER)(BOOLEAN AbnormalTermination, PVOID EstablisherFrame);
typedef LONG (*PVECTORED_EXCEPTION_HANDLER)(EXCEPTION_POINTERS *ExceptionInfo);
typedef RUNTIME_FUNCTION *(*PGET_RUNTIME_FUNCTION_CALLBACK)(ULONG64 ControlPc, PVOID Context);

/* the services */
NTSTATUS __stdcall NtRaiseException(EXCEPTION_RECORD *ExceptionRecord, CONTEXT *Context, BOOLEAN FirstChance);

/* except.c */
BOOLEAN RtlDispatchException(EXCEPTION_RECORD *ExceptionRecord, CONTEXT *ContextRecord);
void RtlRaiseException(EXCEPTION_RECORD *ExceptionRecord);
__attribute__((noreturn)) void RtlRaiseStatus(NTSTATUS Status);
void RtlRestoreContext(CONTEXT *ContextRecord, EXCEPTION_RECORD *ExceptionRecord);
void RtlCaptureContext(CONTEXT *ContextRecord);
PVOID RtlAddVectoredExceptionHandler(ULONG First, PVECTORED_EXCEPTION_HANDLER Handler);
ULONG RtlRemoveVectoredExceptionHandler(PVOID Handle);
PVOID RtlAddVectoredContinueHandler(ULONG First, PVECTORED_EXCEPTION_HANDLER Handler);
ULONG RtlRemoveVectoredContinueHandler(PVOID Handle);
void RtlSetUnhandledExceptionFilter(PVECTORED_EXCEPTION_HANDLER Filter);
ULONG RtlpExecuteThreadStart(PVOID Start, PVOID Parameter);   /* for RtlUserThreadStart */
BOOLEAN RtlpIsStackFrame(ULONG64 frame);
/* unwind.c */
RUNTIME_FUNCTION *RtlLookupFunctionEntry(ULONG64 ControlPc, ULONG64 *ImageBase, UNWIND_HISTORY_TABLE *History);
PEXCEPTION_ROUTINE RtlVirtualUnwind(ULONG HandlerType, ULONG64 ImageBase, ULONG64 ControlPc,
                                    RUNTIME_FUNCTION *FunctionEntry, CONTEXT *ContextRecord, PVOID *HandlerData,
                                    ULONG64 *EstablisherFrame, KNONVOLATILE_CONTEXT_POINTERS *ContextPointers);
void RtlUnwindEx(PVOID TargetFrame, PVOID TargetIp, EXCEPTION_RECORD *ExceptionRecord, PVOID ReturnValue,
                 CONTEXT *ContextRecord, UNWIND_HISTORY_TABLE *HistoryTable);
void RtlUnwind(PVOID TargetFrame, PVOID TargetIp, EXCEPTION_RECORD *ExceptionRecord, PVOID ReturnValue);
/* except_stub.S: the handler calls, each with its own frame handler (nested and collided cases). */
EXCEPTION_DISPOSITION RtlpExecuteHandlerForException(EXCEPTION_RECORD *ExceptionRecord, ULONG64 EstablisherFrame,
                                                     CONTEXT *ContextRecord, DISPATCHER_CONTEXT *Dispatcher);
EXCEPTION_DISPOSITION RtlpExecuteHandlerForUnwind(EXCEPTION_RECORD *ExceptionRecord, ULONG64 EstablisherFrame,
                                                  CONTEXT *ContextRecord, DISPATCHER_CONTEXT *Dispatcher);
