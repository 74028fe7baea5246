/* Family 2, the console and the standard handles: GetStdHandle/SetStdHandle, WriteFile on
 * stdout and stderr, GetFileType, and the console calls, which on a redirected handle fail with
 * ERROR_INVALID_HANDLE as on Windows and on the terminal write UTF-8. Exit code: failed checks. */
#include "../k32.h"

static BOOL WINAPI Handler(DWORD type) { (void)type; return TRUE; }

void Entry(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE), err = GetStdHandle(STD_ERROR_HANDLE);
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    Check(out != INVALID_HANDLE_VALUE && out && err && in && out != err, "three standard handles");
    DWORD type = GetFileType(out);
    Print("stdout is ");
    Print(type == FILE_TYPE_CHAR ? "a character device" : type == FILE_TYPE_PIPE ? "a pipe"
          : type == FILE_TYPE_DISK ? "a disk file" : "unknown");
    Print("\n");
    CheckError(GetFileType((HANDLE)(ULONG_PTR)0x4444) == FILE_TYPE_UNKNOWN, ERROR_INVALID_HANDLE,
               "GetFileType(bad) -> FILE_TYPE_UNKNOWN, ERROR_INVALID_HANDLE");

    DWORD done = 0, mode = 0;
    Check(WriteFile(err, "to stderr\n", 10, &done, NULL) && done == 10, "WriteFile on stderr");
    if (type == FILE_TYPE_CHAR) {
        Check(GetConsoleMode(out, &mode) && mode == (ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT),
              "GetConsoleMode on the console");
        Check(WriteConsoleW(out, L"h\x00e9llo \x2713\n", 8, &done, NULL) && done == 8, "WriteConsoleW writes UTF-8");
        Check(WriteConsoleA(out, "caf\x82\n", 5, &done, NULL) && done == 5, "WriteConsoleA from code page 437");
        CONSOLE_SCREEN_BUFFER_INFO info;
        Check(GetConsoleScreenBufferInfo(out, &info) && info.dwSize.X == 120, "GetConsoleScreenBufferInfo");
    } else {
        CheckError(!GetConsoleMode(out, &mode), ERROR_INVALID_HANDLE, "GetConsoleMode(redirected) -> ERROR_INVALID_HANDLE");
        CheckError(!WriteConsoleW(out, L"x\n", 2, &done, NULL), ERROR_INVALID_HANDLE,
                   "WriteConsoleW(redirected) -> ERROR_INVALID_HANDLE");
        CheckError(!WriteConsoleA(out, "x\n", 2, &done, NULL), ERROR_INVALID_HANDLE,
                   "WriteConsoleA(redirected) -> ERROR_INVALID_HANDLE");
        CONSOLE_SCREEN_BUFFER_INFO info;
        CheckError(!GetConsoleScreenBufferInfo(out, &info), ERROR_INVALID_HANDLE,
                   "GetConsoleScreenBufferInfo(redirected) -> ERROR_INVALID_HANDLE");
    }

    Check(GetConsoleCP() == 437 && GetConsoleOutputCP() == 437, "console code pages start at 437");
    Check(SetConsoleOutputCP(CP_UTF8) && GetConsoleOutputCP() == CP_UTF8, "SetConsoleOutputCP(65001)");
    CheckError(!SetConsoleOutputCP(12345), ERROR_INVALID_PARAMETER, "SetConsoleOutputCP(12345) -> ERROR_INVALID_PARAMETER");
    CheckError(!SetConsoleCP(0), ERROR_INVALID_PARAMETER, "SetConsoleCP(0) -> ERROR_INVALID_PARAMETER");

    BOOL swapped = SetStdHandle(STD_OUTPUT_HANDLE, err) && GetStdHandle(STD_OUTPUT_HANDLE) == err;
    SetStdHandle(STD_OUTPUT_HANDLE, out);
    Check(swapped, "SetStdHandle swaps stdout");
    CheckError(!SetStdHandle(7, out), ERROR_INVALID_HANDLE, "SetStdHandle(7) -> ERROR_INVALID_HANDLE");

    Check(SetConsoleCtrlHandler(Handler, TRUE), "SetConsoleCtrlHandler adds a handler");
    Check(SetConsoleCtrlHandler(Handler, FALSE), "and removes it");
    CheckError(!SetConsoleCtrlHandler(Handler, FALSE), ERROR_INVALID_PARAMETER,
               "removing it again -> ERROR_INVALID_PARAMETER");
    ExitProcess(failures);
}
