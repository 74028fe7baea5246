/* The stream members' catch (...) (the STL's _TRY_IO_BEGIN / _CATCH_IO_END): IoGuardCall runs
 * g->body(g) in a frame whose handler takes a C++ exception thrown below it (from a program's
 * streambuf, say). It asks g->caught(g) first, which sets badbit and answers whether the stream's
 * exception mask has badbit: then the exception goes on as `throw;` would rethrow it, and
 * g->unwound(g) runs as the unwind passes (the sentry's end). Otherwise the exception is caught:
 * the frames below are unwound, the exception object destroyed, and IoGuardCall returns 1. */
#pragma once

typedef struct io_guard {
    void (*body)(struct io_guard *g);
    int (*caught)(struct io_guard *g);
    void (*unwound)(struct io_guard *g);
} io_guard;
int IoGuardCall(io_guard *g);
