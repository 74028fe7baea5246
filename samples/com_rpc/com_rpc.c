/* rpcrt4.dll: UuidCreate (version 4), UuidCreateSequential (version 1, RPC_S_UUID_LOCAL_ONLY on a
 * machine without a network adapter), the string forms both ways, UuidCompare/Equal/IsNil/Hash,
 * string bindings composed, parsed and made into binding handles, the protocol sequence errors,
 * RpcRaiseException (a non-continuable exception), NdrClientCall2 with no server to reach and
 * the exception filter. Exit code: failed checks. */
#include "../k32.h"
#include <rpc.h>
#include <rpcndr.h>

int RPC_ENTRY RpcExceptionFilter(unsigned long code);   /* rpcdce.h of newer SDKs */

static void PrintStatus(const char *what, long status)
{
    Print(what); Print(" "); PrintNum((unsigned long)status, 0); Print("\n");
}

/* An exception on the worker thread: its code and flags, then the thread ends. */
static volatile DWORD worker, raised_code, raised_flags;

static LONG CALLBACK Catch(EXCEPTION_POINTERS *e)
{
    if (GetCurrentThreadId() != worker)
        return EXCEPTION_CONTINUE_SEARCH;
    raised_code = e->ExceptionRecord->ExceptionCode;
    raised_flags = e->ExceptionRecord->ExceptionFlags;
    ExitThread(0);
}

static DWORD WINAPI Raise(void *what)
{
    worker = GetCurrentThreadId();
    if (what)
        RpcRaiseException(RPC_S_CALL_FAILED);
    NdrClientCall2(NULL, NULL);
    return 1;
}

static void RaiseOnWorker(const char *what, void *arg)
{
    raised_code = raised_flags = 0;
    HANDLE t = CreateThread(NULL, 0, Raise, arg, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    DWORD code = 9;
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    Print(what); Print(" code "); PrintNum(raised_code, 0); Print(" flags "); PrintNum(raised_flags, 0);
    Print(" thread exit "); PrintNum(code, 0); Print("\n");
}

void Entry(void)
{
    UUID a, b, nil;
    RPC_STATUS st;
    PrintStatus("UuidCreate", UuidCreate(&a));
    Check((a.Data3 >> 12) == 4 && (a.Data4[0] & 0xC0) == 0x80, "version 4, RFC 4122 variant");
    UuidCreate(&b);
    Check(!UuidEqual(&a, &b, &st) && st == RPC_S_OK, "two random UUIDs differ");
    PrintStatus("UuidCreateSequential", UuidCreateSequential(&a));
    UuidCreateSequential(&b);
    Check((a.Data3 >> 12) == 1 && (a.Data4[0] & 0xC0) == 0x80 && (a.Data4[2] & 1), "version 1, a multicast node");
    Check(a.Data4[1] == b.Data4[1] && a.Data4[7] == b.Data4[7] && UuidCompare(&a, &b, &st) != 0,
          "same clock sequence and node, a later time");
    PrintStatus("UuidCreateNil", UuidCreateNil(&nil));
    Check(UuidIsNil(&nil, &st) && UuidIsNil(NULL, &st) && !UuidIsNil(&a, &st), "UuidIsNil");

    /* Strings. */
    UUID u;
    PrintStatus("UuidFromStringA", UuidFromStringA((RPC_CSTR)"6B29FC40-CA47-1067-B31D-00DD010662DA", &u));
    Print("fields "); PrintNum(u.Data1, 1); Print(" "); PrintNum(u.Data2, 1); Print(" "); PrintNum(u.Data3, 1);
    Print(" "); PrintNum(u.Data4[0], 1); Print(" "); PrintNum(u.Data4[7], 1); Print("\n");
    RPC_CSTR s;
    PrintStatus("UuidToStringA", UuidToStringA(&u, &s));
    Print((char *)s); Print("\n");
    PrintStatus("RpcStringFreeA", RpcStringFreeA(&s));
    Check(s == NULL, "RpcStringFree clears the pointer");
    RPC_WSTR w;
    UuidToStringW(NULL, &w);
    Check(w[8] == L'-' && w[0] == L'0' && w[35] == L'0' && w[36] == 0, "UuidToStringW(NULL): the nil UUID");
    UUID v;
    PrintStatus("UuidFromStringW", UuidFromStringW(w, &v));
    RpcStringFreeW(&w);
    PrintStatus("UuidFromStringA(NULL)", UuidFromStringA(NULL, &v));
    PrintStatus("braces", UuidFromStringA((RPC_CSTR)"{6B29FC40-CA47-1067-B31D-00DD010662DA}", &v));
    PrintStatus("short", UuidFromStringA((RPC_CSTR)"6B29FC40-CA47-1067-B31D-00DD010662D", &v));
    PrintStatus("bad digit", UuidFromStringA((RPC_CSTR)"6B29FC40-CA47-1067-B31D-00DD010662DG", &v));

    /* Ordering and the hash. */
    UUID lo, hi;
    UuidFromStringA((RPC_CSTR)"00000001-0000-0000-0000-000000000000", &lo);
    UuidFromStringA((RPC_CSTR)"00000000-0000-0000-0000-0000000000ff", &hi);
    Print("compare "); PrintNum((unsigned)(UuidCompare(&lo, &hi, &st) + 1), 0); Print(" ");
    PrintNum((unsigned)(UuidCompare(&hi, &lo, &st) + 1), 0); Print(" ");
    PrintNum((unsigned)(UuidCompare(NULL, &nil, &st) + 1), 0); Print("\n");
    Print("hash "); PrintNum(UuidHash(&u, &st), 1); Print(" "); PrintNum(UuidHash(NULL, &st), 1); Print(" ");
    PrintNum(UuidHash(&lo, &st), 1); Print("\n");

    /* String bindings. */
    RPC_CSTR binding;
    RpcStringBindingComposeA((RPC_CSTR)"6b29fc40-ca47-1067-b31d-00dd010662da", (RPC_CSTR)"ncacn_ip_tcp",
                             (RPC_CSTR)"127.0.0.1", (RPC_CSTR)"135", (RPC_CSTR)"security=impersonation", &binding);
    Print((char *)binding); Print("\n");
    RPC_CSTR parts[5];
    PrintStatus("parse", RpcStringBindingParseA(binding, &parts[0], &parts[1], &parts[2], &parts[3], &parts[4]));
    for (int i = 0; i < 5; i++) {
        Print(" '"); Print((char *)parts[i]); Print("'");
        RpcStringFreeA(&parts[i]);
    }
    Print("\n");
    RPC_CSTR plain;
    RpcStringBindingComposeA(NULL, (RPC_CSTR)"ncalrpc", NULL, (RPC_CSTR)"myendpoint", NULL, &plain);
    Print((char *)plain); Print("\n");
    RPC_BINDING_HANDLE h;
    PrintStatus("from string", RpcBindingFromStringBindingA(binding, &h));
    RPC_CSTR back;
    PrintStatus("to string", RpcBindingToStringBindingA(h, &back));
    Print((char *)back); Print("\n");
    PrintStatus("free", RpcBindingFree(&h));
    Check(h == NULL, "RpcBindingFree clears the handle");
    PrintStatus("ncadg_ipx", RpcBindingFromStringBindingA((RPC_CSTR)"ncadg_ipx:host", &h));
    PrintStatus("bogus", RpcBindingFromStringBindingA((RPC_CSTR)"bogus:host", &h));
    PrintStatus("no colon", RpcBindingFromStringBindingA((RPC_CSTR)"ncalrpc", &h));
    PrintStatus("bad uuid", RpcBindingFromStringBindingA((RPC_CSTR)"1234@ncalrpc:", &h));
    RpcStringFreeA(&binding); RpcStringFreeA(&plain); RpcStringFreeA(&back);

    /* Exceptions. */
    Print("filter av "); PrintNum((unsigned)(I_RpcExceptionFilter(STATUS_ACCESS_VIOLATION) + 1), 0);
    Print(" rpc "); PrintNum((unsigned)I_RpcExceptionFilter(RPC_S_SERVER_UNAVAILABLE), 0);
    Print(" breakpoint "); PrintNum((unsigned)(RpcExceptionFilter(STATUS_BREAKPOINT) + 1), 0); Print("\n");
    AddVectoredExceptionHandler(1, Catch);
    RaiseOnWorker("RpcRaiseException(RPC_S_CALL_FAILED)", (void *)1);
    RaiseOnWorker("NdrClientCall2", NULL);
    ExitProcess(failures);
}
