/* MSVC's run-time type information entry points (__RTDynamicCast, __RTtypeid, __RTCastToVoid) of
 * the C runtime named by argv[1] (msvcrt.dll by default), called through GetProcAddress on objects
 * whose RTTI is built here as MSVC x64 code has it: image-relative complete object locators
 * (signature 1) before each vftable, type descriptors, class hierarchies and base class arrays
 * with PMD offsets. The classes:
 *   A, B, V: a vfptr and an int        C : A, B        X : A        G : C, X (A twice: ambiguous)
 *   E : private A, public B            L : virtual V   R : virtual V   M : L, R (V shared)
 * Casts print the result as an offset in the complete object or NULL; what they throw is caught
 * by a vectored handler in a worker thread, which prints the thrown types and what() and ends
 * the thread (other exceptions it leaves to the frames: a runtime may probe the object). */
#include <stdio.h>
#include <string.h>
#include <windows.h>

void vfunc(void) {}

#define TD(c) ".p2align 3\ntd_" #c ": .quad 0, 0\n .asciz \".?AV" #c "@@\"\n"
/* bcd: type, contained bases, mdisp, pdisp, vdisp, attributes (0x40: has its own hierarchy) */
#define BCD(name, c, n, m, p, v, a) ".p2align 2\n" #name ": .rva td_" #c "\n .long " #n ", " #m ", " #p ", " #v ", " #a "\n .rva chd_" #c "\n"
#define CHD(c, attr, n) ".p2align 2\nchd_" #c ": .long 0, " #attr ", " #n "\n .rva bca_" #c "\n"
#define COL(c, off) ".p2align 2\ncol_" #c "_" #off ": .long 1, " #off ", 0\n .rva td_" #c ", chd_" #c ", col_" #c "_" #off "\n" \
    ".p2align 3\n .quad col_" #c "_" #off "\n.globl vft_" #c "_" #off "\nvft_" #c "_" #off ": .quad vfunc\n"

__asm__(".section .rdata,\"dr\"\n"
        TD(A) TD(B) TD(C) TD(X) TD(G) TD(E) TD(V) TD(L) TD(R) TD(M)
        /* A, B, V */
        CHD(A, 0, 1) "bca_A: .rva a_A\n" BCD(a_A, A, 0, 0, -1, 0, 0x40) COL(A, 0)
        CHD(B, 0, 1) "bca_B: .rva b_B\n" BCD(b_B, B, 0, 0, -1, 0, 0x40)
        CHD(V, 0, 1) "bca_V: .rva v_V\n" BCD(v_V, V, 0, 0, -1, 0, 0x40)
        /* C : A (0), B (16) */
        CHD(C, 1, 3) "bca_C: .rva c_C, c_A, c_B\n" BCD(c_C, C, 2, 0, -1, 0, 0x40) BCD(c_A, A, 0, 0, -1, 0, 0x40)
        BCD(c_B, B, 0, 16, -1, 0, 0x40)
        /* X : A (0) */
        CHD(X, 0, 2) "bca_X: .rva x_X, x_A\n" BCD(x_X, X, 1, 0, -1, 0, 0x40) BCD(x_A, A, 0, 0, -1, 0, 0x40)
        /* G : C (0), X (40): A at 0 and at 40, both ambiguous */
        CHD(G, 1, 6) "bca_G: .rva g_G, g_C, g_A1, g_B, g_X, g_A2\n" BCD(g_G, G, 5, 0, -1, 0, 0x40)
        BCD(g_C, C, 2, 0, -1, 0, 0x40) BCD(g_A1, A, 0, 0, -1, 0, 0x42) BCD(g_B, B, 0, 16, -1, 0, 0x40)
        BCD(g_X, X, 1, 40, -1, 0, 0x40) BCD(g_A2, A, 0, 40, -1, 0, 0x42)
        COL(G, 0) COL(G, 16) COL(G, 40)
        /* E : private A (0), B (16) */
        CHD(E, 1, 3) "bca_E: .rva e_E, e_A, e_B\n" BCD(e_E, E, 2, 0, -1, 0, 0x40) BCD(e_A, A, 0, 0, -1, 0, 0x41)
        BCD(e_B, B, 0, 16, -1, 0, 0x40)
        COL(E, 0) COL(E, 16)
        /* L, R : virtual V (vbptr at 8, vbtable slot 1) */
        CHD(L, 3, 2) "bca_L: .rva l_L, l_V\n" BCD(l_L, L, 1, 0, -1, 0, 0x40) BCD(l_V, V, 0, 0, 8, 4, 0x40)
        CHD(R, 3, 2) "bca_R: .rva r_R, r_V\n" BCD(r_R, R, 1, 0, -1, 0, 0x40) BCD(r_V, V, 0, 0, 8, 4, 0x40)
        /* M : L (0), R (24), V at 56 through L's vbptr (8) and R's (32) */
        CHD(M, 3, 5) "bca_M: .rva m_M, m_L, m_V1, m_R, m_V2\n" BCD(m_M, M, 4, 0, -1, 0, 0x40)
        BCD(m_L, L, 1, 0, -1, 0, 0x40) BCD(m_V1, V, 0, 0, 8, 4, 0x40) BCD(m_R, R, 1, 24, -1, 0, 0x40)
        BCD(m_V2, V, 0, 0, 32, 4, 0x40)
        COL(M, 0) COL(M, 24) COL(M, 56)
        /* an object without RTTI: a vftable whose locator slot is 0 */
        ".p2align 3\n .quad 0\n.globl vft_none\nvft_none: .quad vfunc\n"
        ".text\n");

extern const void *vft_A_0[], *vft_G_0[], *vft_G_16[], *vft_G_40[], *vft_E_0[], *vft_E_16[], *vft_M_0[],
    *vft_M_24[], *vft_M_56[], *vft_none[];
extern char td_A[], td_B[], td_C[], td_X[], td_G[], td_E[], td_V[], td_L[], td_R[], td_M[];

static const int vbt_M_L[2] = {-8, 48}, vbt_M_R[2] = {-8, 24};
static void *obj_A[2], *obj_G[9], *obj_E[5], *obj_M[9], *obj_none[2];

typedef void *(*dyncast_fn)(void *, long, void *, void *, int);
typedef void *(*typeid_fn)(void *);
static dyncast_fn RTDynamicCast;
static typeid_fn RTtypeid, RTCastToVoid;

static void show(const char *what, void *complete, void *p)
{
    if (p == NULL)
        printf("%s: NULL\n", what);
    else
        printf("%s: %d\n", what, (int)((char *)p - (char *)complete));
}

#define AT(obj, off) ((char *)(obj) + (off))
#define CAST(obj, off, src, dst) show(#obj "+" #off " " #src "->" #dst, obj, RTDynamicCast(AT(obj, off), 0, td_##src, td_##dst, 0))

/* the throwing calls, each in a worker thread the vectored handler ends */
static LONG CALLBACK on_exception(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *rec = ep->ExceptionRecord;
    if (rec->ExceptionCode == 0xE06D7363 && rec->NumberParameters >= 4) {
        char *base = (char *)rec->ExceptionInformation[3];
        const int *info = (const int *)rec->ExceptionInformation[2];
        const int *types = (const int *)(base + info[3]);
        printf("  threw %d:", types[0]);
        for (int i = 0; i < types[0]; i++) {
            const int *ct = (const int *)(base + types[1 + i]);
            printf(" %s", base + ct[1] + 16);
        }
        void **object = (void **)rec->ExceptionInformation[1];
        const char *(*what)(void *) = ((const char *(**)(void *))object[0])[1];
        printf(" | %s\n", what(object));
    } else {
        return EXCEPTION_CONTINUE_SEARCH;       /* a runtime's own probe of the object */
    }
    fflush(stdout);
    ep->ContextRecord->Rip = (DWORD64)ExitThread;
    ep->ContextRecord->Rcx = 0;
    ep->ContextRecord->Rsp = (ep->ContextRecord->Rsp & ~15ULL) - 8;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static int which;
static DWORD WINAPI worker(void *arg)
{
    (void)arg;
    void *r = NULL;
    switch (which) {
    case 0: r = RTDynamicCast(obj_A, 0, td_A, td_B, 1); break;
    case 1: r = RTtypeid(NULL); break;
    case 2: r = RTtypeid(obj_none); break;
    case 3: r = RTDynamicCast(obj_none, 0, td_A, td_B, 0); break;
    case 4: r = RTCastToVoid(obj_none); break;
    case 5: r = RTDynamicCast(AT(obj_E, 16), 0, td_B, td_E, 1); break;
    }
    printf("  returned %d\n", r == NULL ? -1 : (int)((char *)r - (char *)(which == 5 ? obj_E : obj_A)));
    return 0;
}

static void throwing(int n, const char *what)
{
    printf("%s\n", what);
    fflush(stdout);
    which = n;
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
}

int main(int argc, char **argv)
{
    const char *dll = argc > 1 ? argv[1] : "msvcrt.dll";
    HMODULE m = LoadLibraryA(dll);
    RTDynamicCast = (dyncast_fn)GetProcAddress(m, "__RTDynamicCast");
    RTtypeid = (typeid_fn)GetProcAddress(m, "__RTtypeid");
    RTCastToVoid = (typeid_fn)GetProcAddress(m, "__RTCastToVoid");
    printf("%s: %s\n", dll, RTDynamicCast && RTtypeid && RTCastToVoid ? "all three" : "missing");
    if (!RTDynamicCast || !RTtypeid || !RTCastToVoid)
        return 1;
    obj_A[0] = vft_A_0;
    obj_G[0] = vft_G_0, obj_G[2] = vft_G_16, obj_G[5] = vft_G_40;
    obj_E[0] = vft_E_0, obj_E[2] = vft_E_16;
    obj_M[0] = vft_M_0, obj_M[1] = (void *)vbt_M_L, obj_M[3] = vft_M_24, obj_M[4] = (void *)vbt_M_R,
    obj_M[7] = vft_M_56;
    obj_none[0] = vft_none;

    CAST(obj_G, 16, B, C);      /* down-cast to the class holding the B */
    CAST(obj_G, 16, B, A);      /* ambiguous */
    CAST(obj_G, 16, B, X);      /* cross-cast */
    CAST(obj_G, 40, A, C);      /* cross-cast from the second A */
    CAST(obj_G, 40, A, X);      /* down-cast */
    CAST(obj_G, 0, A, G);
    CAST(obj_G, 40, A, G);
    CAST(obj_G, 16, B, B);
    CAST(obj_G, 0, A, B);       /* cross-cast from the first A */
    CAST(obj_E, 16, B, A);      /* private target */
    CAST(obj_E, 0, A, B);       /* private source */
    CAST(obj_E, 0, A, E);
    CAST(obj_E, 16, B, E);
    CAST(obj_M, 56, V, M);      /* from a virtual base */
    CAST(obj_M, 56, V, L);
    CAST(obj_M, 56, V, R);
    CAST(obj_M, 0, L, R);       /* cross-cast over a virtual base */
    CAST(obj_M, 24, R, V);      /* up-cast to it */
    CAST(obj_M, 0, L, V);
    CAST(obj_A, 0, A, B);
    CAST(obj_A, 0, A, A);
    show("null A->B", obj_A, RTDynamicCast(NULL, 0, td_A, td_B, 0));
    show("void G+16", obj_G, RTCastToVoid(AT(obj_G, 16)));
    show("void G+40", obj_G, RTCastToVoid(AT(obj_G, 40)));
    show("void M+56", obj_M, RTCastToVoid(AT(obj_M, 56)));
    show("void M+24", obj_M, RTCastToVoid(AT(obj_M, 24)));
    show("void null", obj_M, RTCastToVoid(NULL));
    printf("typeid G+16: %s\n", (char *)RTtypeid(AT(obj_G, 16)) + 16);
    printf("typeid M+56: %s\n", (char *)RTtypeid(AT(obj_M, 56)) + 16);
    printf("typeid E+16: %s\n", (char *)RTtypeid(AT(obj_E, 16)) + 16);
    printf("typeid A: %s same %d\n", (char *)RTtypeid(obj_A) + 16, RTtypeid(obj_A) == (void *)td_A);

    AddVectoredExceptionHandler(1, on_exception);
    throwing(0, "A& -> B&");
    throwing(1, "typeid(null)");
    throwing(2, "typeid(no RTTI)");
    throwing(3, "dynamic_cast(no RTTI)");
    throwing(4, "void(no RTTI)");
    throwing(5, "E+16 B& -> E&");
    return 0;
}
