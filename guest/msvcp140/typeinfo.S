/*
 * RttiTypeInfoVftable(): type_info's vftable, vcruntime140's (read from its import slot, which C
 * cannot name: the decorated name is not an identifier). The type descriptors of rtti.c point at it.
 */
    .text
    .globl RttiTypeInfoVftable
    .def RttiTypeInfoVftable; .scl 2; .type 32; .endef
RttiTypeInfoVftable:
    movq "__imp_??_7type_info@@6B@"(%rip), %rax
    ret
