/* errno values of the Microsoft C runtime (errno.h), for the runtime's own files. */
#pragma once
#define CRT_EPERM 1
#define CRT_ENOENT 2
#define CRT_EBADF 9
#define CRT_EAGAIN 11
#define CRT_ENOMEM 12
#define CRT_EACCES 13
#define CRT_EEXIST 17
#define CRT_EINVAL 22
#define CRT_EMFILE 24
#define CRT_ENOSPC 28
#define CRT_ESPIPE 29
#define CRT_EDOM 33
#define CRT_ERANGE 34
#define CRT_ENOSYS 40
#define CRT_EILSEQ 42
#define CRT_STRUNCATE 80
int *_errno(void);
unsigned long *__doserrno(void);
#define crt_errno (*_errno())
