/* _pipe: an anonymous pipe as two descriptors, [0] to read and [1] to write, in the text or binary
 * mode asked (0: _fmode's); both inheritable unless _O_NOINHERIT, so that _spawn passes them on. */
#include "process.h"

#define O_NOINHERIT 0x80
#define O_TEXT 0x4000
#define O_BINARY 0x8000

int _close(int);

CRTEXP int _pipe(int *pfds, unsigned int size, int textmode)
{
    if (pfds == NULL || (textmode & ~(O_NOINHERIT | O_TEXT | O_BINARY))
        || (textmode & (O_TEXT | O_BINARY)) == (O_TEXT | O_BINARY)) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    pfds[0] = pfds[1] = -1;
    CRT_SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, !(textmode & O_NOINHERIT) };
    HANDLE rd, wr;
    if (!CreatePipe(&rd, &wr, &sa, size)) {
        *__doserrno() = GetLastError();
        crt_errno = crt_dos_to_errno(*__doserrno());
        return -1;
    }
    int r = crt_alloc_fd(rd, textmode);
    if (r < 0) {
        CloseHandle(rd);
        CloseHandle(wr);
        return -1;
    }
    int w = crt_alloc_fd(wr, textmode);
    if (w < 0) {
        _close(r);
        CloseHandle(wr);
        return -1;
    }
    pfds[0] = r;
    pfds[1] = w;
    return 0;
}
