/* What the C runtime samples call in msvcrt.dll or ucrtbase.dll, declared as the Windows
 * headers declare it (these samples are freestanding: Entry, no compiler start-up code). */
#pragma once
typedef __SIZE_TYPE__ size_t;
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_end(ap) __builtin_va_end(ap)
#define CRTIMP __declspec(dllimport)
typedef struct { char *_ptr; int _cnt; char *_base; int _flag, _file, _charbuf, _bufsiz; char *_tmpfname; } FILE;

/* msvcrt.dll */
CRTIMP int printf(const char *, ...);
CRTIMP int fprintf(FILE *, const char *, ...);
CRTIMP int _snprintf(char *, size_t, const char *, ...);
CRTIMP int puts(const char *);
CRTIMP int fputs(const char *, FILE *);
CRTIMP int fputc(int, FILE *);
CRTIMP size_t fwrite(const void *, size_t, size_t, FILE *);
CRTIMP int fflush(FILE *);
CRTIMP int setvbuf(FILE *, char *, int, size_t);
CRTIMP FILE *__iob_func(void);
CRTIMP int _setmode(int, int);
CRTIMP int _write(int, const void *, unsigned);
CRTIMP int __getmainargs(int *, char ***, char ***, int, void *);
CRTIMP int atexit(void (*)(void));
CRTIMP __attribute__((noreturn)) void exit(int);
CRTIMP void *memcpy(void *, const void *, size_t);
CRTIMP int rand(void);
CRTIMP void srand(unsigned);
CRTIMP double strtod(const char *, char **);
CRTIMP long strtol(const char *, char **, int);
CRTIMP unsigned long strtoul(const char *, char **, int);
CRTIMP int *_errno(void);
CRTIMP int sscanf(const char *, const char *, ...);
CRTIMP void qsort(void *, size_t, size_t, int (*)(const void *, const void *));
CRTIMP double sqrt(double), exp(double), log(double), pow(double, double), sin(double), cos(double);
CRTIMP double atan2(double, double), floor(double), fmod(double, double), log10(double), tan(double);
CRTIMP int _setjmp(void *, void *) __attribute__((returns_twice));
CRTIMP __attribute__((noreturn)) void longjmp(void *, int);
CRTIMP char *getenv(const char *);
CRTIMP int _putenv(const char *);
CRTIMP void (*signal(int, void (*)(int)))(int);
CRTIMP int raise(int);
CRTIMP int _XcptFilter(unsigned long, void *);
CRTIMP FILE *fopen(const char *, const char *);
CRTIMP int fclose(FILE *);
CRTIMP size_t fread(void *, size_t, size_t, FILE *);
CRTIMP char *fgets(char *, int, FILE *);
CRTIMP int fseek(FILE *, long, int);
CRTIMP long ftell(FILE *);
CRTIMP int remove(const char *);
CRTIMP int rename(const char *, const char *);
struct crt_stat64 { unsigned int st_dev; unsigned short st_ino, st_mode; short st_nlink, st_uid, st_gid;
                    unsigned int st_rdev; long long st_size, st_atime, st_mtime, st_ctime; };
CRTIMP int _stat64(const char *, struct crt_stat64 *);
#define stdout (&__iob_func()[1])
#define stderr (&__iob_func()[2])
#define errno (*_errno())
