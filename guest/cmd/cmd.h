/* cmd.exe's shared declarations: the Win32 slice it calls, its strings (wide, as cmd keeps them),
 * the command tree the parser builds, and the interpreter's state. */
#pragma once

typedef int BOOL;
typedef unsigned int DWORD;
typedef void *HANDLE;
typedef unsigned short WCHAR;
typedef __SIZE_TYPE__ size_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef long long LONGLONG;
#define WINAPI __stdcall
#define IMPORT __declspec(dllimport)
#define NULL ((void *)0)
#define INVALID_HANDLE_VALUE ((HANDLE)(__INTPTR_TYPE__)-1)
#define STD_INPUT_HANDLE ((DWORD)-10)
#define STD_OUTPUT_HANDLE ((DWORD)-11)
#define STD_ERROR_HANDLE ((DWORD)-12)
#define INVALID_FILE_ATTRIBUTES 0xFFFFFFFFu
#define FILE_ATTRIBUTE_DIRECTORY 0x10
#define INFINITE 0xFFFFFFFFu

typedef struct { DWORD nLength; void *lpSecurityDescriptor; BOOL bInheritHandle; } SECURITY_ATTRIBUTES;
typedef struct {
    DWORD cb;
    WCHAR *lpReserved, *lpDesktop, *lpTitle;
    DWORD dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars, dwFillAttribute, dwFlags;
    unsigned short wShowWindow, cbReserved2;
    unsigned char *lpReserved2;
    HANDLE hStdInput, hStdOutput, hStdError;
} STARTUPINFOW;
typedef struct { HANDLE hProcess, hThread; DWORD dwProcessId, dwThreadId; } PROCESS_INFORMATION;

IMPORT HANDLE WINAPI GetStdHandle(DWORD);
IMPORT BOOL WINAPI SetStdHandle(DWORD, HANDLE);
IMPORT BOOL WINAPI WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
IMPORT BOOL WINAPI ReadFile(HANDLE, void *, DWORD, DWORD *, void *);
IMPORT BOOL WINAPI CloseHandle(HANDLE);
IMPORT HANDLE WINAPI CreateFileW(const WCHAR *, DWORD, DWORD, SECURITY_ATTRIBUTES *, DWORD, DWORD, HANDLE);
IMPORT BOOL WINAPI SetFilePointerEx(HANDLE, LONGLONG, LONGLONG *, DWORD);
IMPORT DWORD WINAPI GetFileAttributesW(const WCHAR *);
IMPORT BOOL WINAPI CreatePipe(HANDLE *, HANDLE *, SECURITY_ATTRIBUTES *, DWORD);
IMPORT BOOL WINAPI DuplicateHandle(HANDLE, HANDLE, HANDLE, HANDLE *, DWORD, BOOL, DWORD);
IMPORT HANDLE WINAPI GetCurrentProcess(void);
IMPORT BOOL WINAPI CreateProcessW(const WCHAR *, WCHAR *, void *, void *, BOOL, DWORD, void *, const WCHAR *,
                                  STARTUPINFOW *, PROCESS_INFORMATION *);
IMPORT DWORD WINAPI WaitForSingleObject(HANDLE, DWORD);
IMPORT BOOL WINAPI GetExitCodeProcess(HANDLE, DWORD *);
IMPORT __attribute__((noreturn)) void WINAPI ExitProcess(unsigned);
IMPORT DWORD WINAPI GetLastError(void);
IMPORT WCHAR *WINAPI GetCommandLineW(void);
IMPORT DWORD WINAPI GetEnvironmentVariableW(const WCHAR *, WCHAR *, DWORD);
IMPORT BOOL WINAPI SetEnvironmentVariableW(const WCHAR *, const WCHAR *);
IMPORT WCHAR *WINAPI GetEnvironmentStringsW(void);
IMPORT BOOL WINAPI FreeEnvironmentStringsW(WCHAR *);
IMPORT DWORD WINAPI GetCurrentDirectoryW(DWORD, WCHAR *);
IMPORT BOOL WINAPI SetCurrentDirectoryW(const WCHAR *);
IMPORT DWORD WINAPI GetFullPathNameW(const WCHAR *, DWORD, WCHAR *, WCHAR **);
IMPORT unsigned WINAPI GetConsoleOutputCP(void);
IMPORT int WINAPI WideCharToMultiByte(unsigned, DWORD, const WCHAR *, int, char *, int, const char *, BOOL *);
IMPORT int WINAPI MultiByteToWideChar(unsigned, DWORD, const char *, int, WCHAR *, int);
IMPORT HANDLE WINAPI GetProcessHeap(void);
IMPORT void *WINAPI HeapAlloc(HANDLE, DWORD, size_t);
IMPORT BOOL WINAPI HeapFree(HANDLE, DWORD, void *);
IMPORT long WINAPI RegGetValueW(HANDLE, const WCHAR *, const WCHAR *, DWORD, DWORD *, void *, DWORD *);

/* -- strings (text.c) */
#define LINE_MAX_ 8192
size_t wlen(const WCHAR *s);
void wcopy(WCHAR *to, const WCHAR *from);
void wcat(WCHAR *to, const WCHAR *from);
WCHAR wupper(WCHAR c);
int wieq(const WCHAR *a, const WCHAR *b);
int wnieq(const WCHAR *a, const WCHAR *b, size_t n);
int is_space(WCHAR c);
void *cmd_alloc(size_t n);
void cmd_free(void *p);
WCHAR *wdup(const WCHAR *s, size_t n);
/* Output as cmd writes it: its console code page's bytes on the current standard handle. */
void out(const WCHAR *s);
void err(const WCHAR *s);
void out_ascii(const char *s);
void err_ascii(const char *s);
void out_line(const WCHAR *s);
void out_number(int v);
int parse_number(const WCHAR *s, int *value);

/* -- the command tree (parse.c) */
enum { NODE_COMMAND, NODE_SEQ, NODE_AND, NODE_OR, NODE_PIPE, NODE_BLOCK };
#define MAX_REDIRS 8
typedef struct redir {
    int fd;                 /* 0, 1, 2 ... */
    int kind;               /* '<', '>', 'A' (>>), '&' (to another handle) */
    int target_fd;
    WCHAR *path;
} redir;
typedef struct node {
    int type;
    struct node *left, *right;     /* the operators' operands; a block's body in left */
    WCHAR *text;                    /* a command: its words, redirections taken out */
    redir redirs[MAX_REDIRS];
    int nredirs;
    int quiet;                      /* '@' before it */
} node;
node *parse_line(const WCHAR *line);
void free_node(node *n);

/* -- running commands (exec.c, builtins.c, search.c, batch.c) */
extern int errorlevel;
extern int echo_on;
extern int in_batch;
extern int exit_requested;          /* exit (without /b): leave cmd with errorlevel */
extern int leave_batch;             /* exit /b or goto :eof */
extern WCHAR *batch_goto;           /* a label to continue at */
void expand_variables(const WCHAR *in, WCHAR *outbuf, size_t cap);
int run_node(node *n);
int run_line(const WCHAR *line);
/* The first word of a command (quotes removed) and where the rest begins. */
const WCHAR *first_word(const WCHAR *text, WCHAR *word, size_t cap);
int run_builtin(const WCHAR *name, const WCHAR *text, const WCHAR *args, int *handled);
int find_program(const WCHAR *name, WCHAR *path, size_t cap);
int run_batch(const WCHAR *path, const WCHAR *typed, const WCHAR *args);
int call_label(const WCHAR *label, const WCHAR *args);
int not_recognized(const WCHAR *name);
int spawn_and_wait(const WCHAR *app, const WCHAR *cmdline);
HANDLE spawn_with(const WCHAR *app, const WCHAR *cmdline, HANDLE in, HANDLE out, HANDLE err);
HANDLE make_inheritable(HANDLE h);
void show_command(const WCHAR *line);
