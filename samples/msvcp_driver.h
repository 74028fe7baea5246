/* The static part of a C runtime that an MSVC-built C++ program (clang for x86_64-pc-windows-msvc)
 * links and the msvcp samples' drivers stand in for: type_info's vftable, _fltused, the list head
 * type_info::name() keeps its names on, and operator new and delete over the UCRT's malloc and free. */
#pragma once

const void *const type_info_vftable[1] __asm__("\"??_7type_info@@6B@\"") = {0};
int _fltused = 0x9875;
__attribute__((aligned(16))) unsigned long long __type_info_root_node[2];
__declspec(dllimport) void free(void *);
void operator_delete(void *p) __asm__("\"??3@YAXPEAX@Z\"");
void operator_delete(void *p) { free(p); }
__declspec(dllimport) void *malloc(unsigned long long);
void *operator_new(unsigned long long n) __asm__("\"??2@YAPEAX_K@Z\"");
void *operator_new(unsigned long long n) { return malloc(n); }
