/* argv as msvcrt.dll's __getmainargs splits the command line (Microsoft's quoting rules), each
 * argument between brackets, then the exit code: argc. */
#include "../crt.h"

void Entry(void)
{
    int argc, si = 0;
    char **argv, **env;
    __getmainargs(&argc, &argv, &env, 0, &si);
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("[%s]\n", argv[i]);
    exit(argc);
}
