/* What msvcrt.dll gives C++ code and setjmp users: operator new/delete (returning NULL when the
 * heap and the new handler fail, as msvcrt's do), _purecall (runtime error R6025), _callnewh,
 * and _setjmp/longjmp with the x64 _JUMP_BUFFER (registers restored directly: no unwind of the
 * frames in between, so C++ destructors and __finally blocks between them are not run). */
#ifdef CRT_MSVCRT
#include "crtwin.h"

void *malloc(size_t);
void free(void *);
__attribute__((noreturn)) void _amsg_exit(int);

typedef int (*new_handler)(size_t);
static new_handler new_fn;

CRTEXP int _callnewh(size_t size)
{
    return new_fn && new_fn(size) ? 1 : 0;
}

/* exported under its C++ name by msvcrt.def, as are the operators */
new_handler crt_set_new_handler(new_handler fn)
{
    new_handler old = new_fn;
    new_fn = fn;
    return old;
}

static void *allocate(size_t size)
{
    for (;;) {
        void *p = malloc(size);
        if (p || !_callnewh(size))
            return p;
    }
}

void *crt_operator_new(size_t size) { return allocate(size); }
void crt_operator_delete(void *p) { free(p); }

typedef void (*purecall_handler)(void);
static purecall_handler purecall_fn;

CRTEXP purecall_handler _set_purecall_handler(purecall_handler fn)
{
    purecall_handler old = purecall_fn;
    purecall_fn = fn;
    return old;
}

CRTEXP void _purecall(void)
{
    if (purecall_fn)
        purecall_fn();
    _amsg_exit(25);                 /* R6025 - pure virtual function call */
}

/* _setjmp(buf, frame) and longjmp(buf, value) over the _JUMP_BUFFER layout. */
__asm__(
    ".text\n"
    ".globl _setjmp\n"
    "_setjmp:\n"
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
    ".globl longjmp\n"
    "longjmp:\n"
    "    mov %edx, %eax\n"
    "    test %eax, %eax\n"
    "    jnz 1f\n"
    "    mov $1, %eax\n"
    "1:  mov 0x08(%rcx), %rbx\n"
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
    "    jmp *0x50(%rcx)\n"
    ".section .drectve\n"
    ".ascii \" -export:_setjmp -export:longjmp\"\n"
    ".text\n");
#endif
