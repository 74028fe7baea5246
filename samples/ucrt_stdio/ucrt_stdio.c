/* stdio of the UCRT from a zig-built program: argv as the UCRT splits the command line;
 * _printf_p's numbered arguments; text mode writes LF as CR LF and reads CR LF back as LF,
 * stopping at Ctrl-Z, binary mode neither; the stream's buffering follows the handle's type (a
 * console gets each call at once, a pipe or file the buffer at a flush or at exit); fseek/ftell,
 * ungetc, _setmode; tmpnam and tmpfile in the temporary folder; atexit in reverse order. */
#include <conio.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static void registered_first(void) { printf("atexit: registered first, runs last\n"); }
static void registered_second(void) { printf("atexit: registered second, runs first\n"); }

static void dump(const char *what, const char *path, const char *mode)
{
    FILE *f = fopen(path, mode);
    unsigned char buf[64];
    size_t n = fread(buf, 1, sizeof buf, f);
    printf("%s (%zu):", what, n);
    for (size_t i = 0; i < n; i++)
        printf(" %02x", buf[i]);
    printf(" eof %d\n", feof(f) != 0);
    fclose(f);
}

/* "conio": _getch and _kbhit read the console, not the redirected stdin, which keeps its bytes. */
static int conio(void)
{
    int k1 = _kbhit(), g1 = _getch(), u = _ungetch('q'), k2 = _kbhit(), g2 = _getch(), k3 = _kbhit();
    printf("kbhit %d getch %d ungetch %d kbhit %d getch %c kbhit %d\n", k1, g1, u, k2, g2, k3);
    int c = getchar();
    printf("stdin still has %c\n", c);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "conio"))
        return conio();
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("[%s]\n", argv[i]);
    _printf_p("positional: %2$s %1$d %3$.1f\n", 7, "second first", 0.25);
    atexit(registered_first);
    atexit(registered_second);

    const char *path = "ucrt_stdio.tmp";
    FILE *f = fopen(path, "w");
    fputs("a\nb\n", f);
    fwrite("c\r\n", 1, 3, f);
    fclose(f);
    dump("text write, binary read", path, "rb");
    dump("text read", path, "r");
    f = fopen(path, "wb");
    fwrite("x\r\ny\x1az\n", 1, 7, f);
    fclose(f);
    dump("binary write, binary read", path, "rb");
    dump("text read stops at ctrl-z", path, "rt");

    f = fopen(path, "w+b");
    fputs("0123456789", f);
    printf("ftell after write %ld\n", ftell(f));
    fseek(f, 3, SEEK_SET);
    int c = fgetc(f);
    ungetc('X', f);
    char line[16] = { 0 };
    fgets(line, sizeof line, f);
    printf("fgetc %c, after ungetc: %s, ftell %ld\n", c, line, ftell(f));
    fseek(f, -2, SEEK_END);
    int last2 = fgetc(f), last = fgetc(f), past = fgetc(f);
    printf("fseek from end: %c%c, fgetc past end %d, feof %d\n", last2, last, past, feof(f) != 0);
    fclose(f);
    printf("remove %d, again %d\n", remove(path), remove(path));

    char temp[MAX_PATH], name1[L_tmpnam], name2[L_tmpnam];
    DWORD tlen = GetTempPathA(MAX_PATH, temp);
    tmpnam(name1);
    tmpnam(name2);
    printf("tmpnam in the temporary folder %d, two differ %d\n", !strncmp(name1, temp, tlen) && strlen(name1) > tlen,
           strcmp(name1, name2) != 0);
    f = tmpfile();
    fputs("kept till close", f);
    rewind(f);
    fgets(line, sizeof line, f);
    printf("tmpfile read back [%s]\n", line);
    fclose(f);

    DWORD type = GetFileType(GetStdHandle(STD_OUTPUT_HANDLE));
    printf("stdout type %lu\n", type);
    fflush(stdout);
    _setmode(1, _O_BINARY);
    printf("binary: x\ny\n");
    fflush(stdout);
    _setmode(1, _O_TEXT);
    /* a console gets each call at once; a pipe or file gets the buffer at the flush */
    printf("[printf]");
    _write(1, "[_write]", 8);
    printf("[printf again]\n");
    fflush(stdout);
    setvbuf(stdout, NULL, _IOFBF, 64);          /* held even on a console */
    printf("[held]");
    _write(1, "[direct]", 8);
    printf("\n");
    fflush(stdout);
    printf("exit 5 with this line still buffered\n");
    exit(5);
}
