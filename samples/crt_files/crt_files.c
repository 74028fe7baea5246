/* Files through msvcrt.dll's streams: a text-mode file holds CR LF and reads back as LF, a
 * binary read shows the bytes, ftell counts them, fseek moves, _stat64 sees the size and mode,
 * rename and remove work and a missing file is errno 2 (ENOENT). In C:\Temp, the guest's
 * fresh writable folder. */
#include "../crt.h"

void Entry(void)
{
    FILE *f = fopen("C:\\Temp\\crt_files.tmp", "w");
    printf("fopen w: %s\n", f ? "ok" : "failed");
    if (!f)
        exit(1);
    fprintf(f, "line one\nline two\n");
    printf("ftell after two lines: %ld\n", ftell(f));
    fclose(f);

    char buf[64];
    f = fopen("C:\\Temp\\crt_files.tmp", "rb");
    size_t n = fread(buf, 1, sizeof buf, f);
    printf("binary read %d bytes:", (int)n);
    for (size_t i = 0; i < n; i++)
        printf(" %02x", (unsigned char)buf[i]);
    printf("\n");
    fseek(f, 5, 0);
    n = fread(buf, 1, 3, f);
    buf[n] = 0;
    printf("after fseek 5: [%s] ftell %ld\n", buf, ftell(f));
    fclose(f);

    f = fopen("C:\\Temp\\crt_files.tmp", "r");
    while (fgets(buf, sizeof buf, f)) {
        int len = 0;
        while (buf[len]) len++;
        printf("text line of %d chars, last %02x\n", len, (unsigned char)buf[len - 1]);
    }
    fclose(f);

    f = fopen("C:\\Temp\\crt_files.tmp", "a");
    fputs("three\n", f);
    fclose(f);
    struct crt_stat64 st;
    int r = _stat64("C:\\Temp\\crt_files.tmp", &st);
    printf("_stat64: %d size %lld mode %o\n", r, st.st_size, st.st_mode);
    printf("rename: %d\n", rename("C:\\Temp\\crt_files.tmp", "C:\\Temp\\crt_files2.tmp"));
    printf("remove: %d\n", remove("C:\\Temp\\crt_files2.tmp"));
    errno = 0;
    f = fopen("C:\\Temp\\crt_files2.tmp", "r");
    printf("fopen of a removed file: %s errno %d\n", f ? "opened" : "NULL", errno);
    exit(0);
}
