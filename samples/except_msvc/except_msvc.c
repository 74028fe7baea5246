/* MSVC-ABI C++ exceptions (eh.cpp, built by clang for x86_64-pc-windows-msvc: the
 * __CxxFrameHandler3 tables and _CxxThrowException calls MSVC's compiler makes) on
 * vcruntime140.dll: catch by type, by base class through a const reference, by pointer, by value
 * (the copy constructor runs, the copy and the thrown object are destroyed), catch(...), rethrow,
 * a try block inside a catch block, a throw from a catch block (and from one inside another), destructors of locals during the
 * unwinding; typeid, type_info names, dynamic_cast and bad_cast/bad_typeid. No C runtime: the driver prints through NtWriteFile. */
#include "../nt.h"

long long CatchTyped(int kind, int v);
long long Nested(int v);
long long Rethrow(int v);
long long ThrowFromCatch(int v);
long long ThrowFromNestedCatch(int v);
int LiveCounted(void);
void Rtti(void);
void ForgetTypeNames(void);

/* What the C++ side references and a C runtime's static part would give it: type_info's vftable
 * (its type descriptors point there; the frame handler compares their names) and _fltused. */
const void *const type_info_vftable[1] __asm__("\"??_7type_info@@6B@\"") = {0};
int _fltused = 0x9875;

void Say(const char *s) { Print(s); }
void SayNumber(const char *s, long long v) { PrintHex(s, (unsigned long long)v); }

int Entry(void)
{
    static const char *const kinds[] = {"int", "Derived", "const char*", "Counted", "Derived*", "double"};
    for (int kind = 0; kind < 6; kind++) {
        Print("-- throw ");
        Print(kinds[kind]);
        Print("\n");
        PrintHex("CatchTyped returned ", (unsigned long long)CatchTyped(kind, 7 + kind));
    }
    PrintHex("live Counted objects after the catches ", (unsigned long long)LiveCounted());
    Print("-- nested\n");
    PrintHex("Nested returned ", (unsigned long long)Nested(20));
    Print("-- rethrow\n");
    PrintHex("Rethrow returned ", (unsigned long long)Rethrow(9));
    Print("-- throw from a catch block\n");
    PrintHex("ThrowFromCatch returned ", (unsigned long long)ThrowFromCatch(21));
    Print("-- throw from a catch block inside a catch block\n");
    PrintHex("ThrowFromNestedCatch returned ", (unsigned long long)ThrowFromNestedCatch(30));
    Print("-- run-time type information\n");
    Rtti();
    ForgetTypeNames();
    return 0;
}
