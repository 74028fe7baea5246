/* setjmp/longjmp on x64 over the _JUMP_BUFFER layout, shared by msvcrt (_setjmp, longjmp) and
 * vcruntime140 (__intrinsic_setjmp, __intrinsic_setjmpex, longjmp); the includer exports them
 * under those names. CrtSetjmpFrame(buf, frame) saves the nonvolatile registers and the frame
 * whose function called setjmp. longjmp with a frame unwinds to it as the x64 CRT does
 * (RtlUnwind with a STATUS_LONGJUMP record, so that the __finally blocks and destructors of the
 * frames in between run, and RtlRestoreContext takes the registers from the buffer); without
 * one it restores the registers directly. The includer includes ../ntdll/except.h first. */
typedef struct {
    unsigned long long Frame, Rbx, Rsp, Rbp, Rsi, Rdi, R12, R13, R14, R15, Rip;
    unsigned int MxCsr;
    unsigned short FpCsr, Spare;
    unsigned long long Xmm[20];             /* Xmm6-Xmm15 */
} CRT_JUMP_BUFFER;

__declspec(dllimport) void __stdcall RtlUnwind(void *TargetFrame, void *TargetIp, EXCEPTION_RECORD *Record,
                                               void *ReturnValue);
__attribute__((noreturn)) void CrtLongjmpRestore(CRT_JUMP_BUFFER *jb, int value);

__asm__(
    ".text\n"
    ".globl CrtSetjmpFrame\n"
    "CrtSetjmpFrame:\n"
    "    mov %rdx, 0x00(%rcx)\n"
    "    mov %rbx, 0x08(%rcx)\n"
    "    lea 8(%rsp), %rax\n"
    "    mov %rax, 0x10(%rcx)\n"
    "    mov %rbp, 0x18(%rcx)\n"
    "    mov %rsi, 0x20(%rcx)\n"
    "    mov %rdi, 0x28(%rcx)\n"
    "    mov %r12, 0x30(%rcx)\n"
    "    mov %r13, 0x38(%rcx)\n"
    "    mov %r14, 0x40(%rcx)\n"
    "    mov %r15, 0x48(%rcx)\n"
    "    mov (%rsp), %rax\n"
    "    mov %rax, 0x50(%rcx)\n"
    "    stmxcsr 0x58(%rcx)\n"
    "    fnstcw 0x5C(%rcx)\n"
    "    movdqu %xmm6, 0x60(%rcx)\n"
    "    movdqu %xmm7, 0x70(%rcx)\n"
    "    movdqu %xmm8, 0x80(%rcx)\n"
    "    movdqu %xmm9, 0x90(%rcx)\n"
    "    movdqu %xmm10, 0xA0(%rcx)\n"
    "    movdqu %xmm11, 0xB0(%rcx)\n"
    "    movdqu %xmm12, 0xC0(%rcx)\n"
    "    movdqu %xmm13, 0xD0(%rcx)\n"
    "    movdqu %xmm14, 0xE0(%rcx)\n"
    "    movdqu %xmm15, 0xF0(%rcx)\n"
    "    xor %eax, %eax\n"
    "    ret\n"
    ".globl CrtSetjmpNoFrame\n"
    "CrtSetjmpNoFrame:\n"
    "    xor %edx, %edx\n"
    "    jmp CrtSetjmpFrame\n"
    ".globl CrtLongjmpRestore\n"
    "CrtLongjmpRestore:\n"
    "    mov %edx, %eax\n"
    "    mov 0x08(%rcx), %rbx\n"
    "    mov 0x18(%rcx), %rbp\n"
    "    mov 0x20(%rcx), %rsi\n"
    "    mov 0x28(%rcx), %rdi\n"
    "    mov 0x30(%rcx), %r12\n"
    "    mov 0x38(%rcx), %r13\n"
    "    mov 0x40(%rcx), %r14\n"
    "    mov 0x48(%rcx), %r15\n"
    "    ldmxcsr 0x58(%rcx)\n"
    "    fnclex\n"
    "    fldcw 0x5C(%rcx)\n"
    "    movdqu 0x60(%rcx), %xmm6\n"
    "    movdqu 0x70(%rcx), %xmm7\n"
    "    movdqu 0x80(%rcx), %xmm8\n"
    "    movdqu 0x90(%rcx), %xmm9\n"
    "    movdqu 0xA0(%rcx), %xmm10\n"
    "    movdqu 0xB0(%rcx), %xmm11\n"
    "    movdqu 0xC0(%rcx), %xmm12\n"
    "    movdqu 0xD0(%rcx), %xmm13\n"
    "    movdqu 0xE0(%rcx), %xmm14\n"
    "    movdqu 0xF0(%rcx), %xmm15\n"
    "    mov 0x10(%rcx), %rsp\n"
    "    jmp *0x50(%rcx)\n");

/* Is `frame` the establisher frame of a function on this thread's stack above the caller? A
 * frame that is not (code without unwind data, a frame pointer that is not the establisher) is
 * jumped to directly rather than unwound to, which would end the process. */
static __attribute__((noinline)) int IsEstablisherFrame(unsigned long long frame)
{
    CONTEXT context;
    RtlCaptureContext(&context);
    for (int depth = 0; depth < 4096; depth++) {
        ULONG64 image_base, establisher = 0;
        PVOID data;
        RUNTIME_FUNCTION *entry = RtlLookupFunctionEntry(context.Rip, &image_base, 0);
        if (entry == 0)
            return 0;
        RtlVirtualUnwind(0, image_base, context.Rip, entry, &context, &data, &establisher, 0);
        if (establisher == frame)
            return 1;
        if (establisher > frame || context.Rip == 0)
            return 0;
    }
    return 0;
}

__attribute__((noreturn)) void CrtLongjmp(CRT_JUMP_BUFFER *jb, int value)
{
    if (value == 0)
        value = 1;
    if (jb->Frame != 0 && IsEstablisherFrame(jb->Frame)) {
        EXCEPTION_RECORD record = {STATUS_LONGJUMP, 0, 0, 0, 1, {(ULONG_PTR)jb}};
        RtlUnwind((void *)jb->Frame, (void *)jb->Rip, &record, (void *)(long long)value);
    }
    CrtLongjmpRestore(jb, value);
}
